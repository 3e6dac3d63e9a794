//! The IPC commands of issue 11 (IPC.md): baselines kept in the plan file, Compare
//! against one, scenarios, and quick what-ifs. Each is a few lines over the core's
//! `diff`, `scenario` and `store`; the differences arrive worded (`DiffReading`).

use tauri::State;
use throughline_core::diff::{
    DiffReading, Side, WhatIfChange, diff_analysed, what_if, what_if_edit,
};
use throughline_core::store::Baseline;

use crate::error::AppResult;
use crate::models::{EditAnswer, PlanState};
use crate::scenario::{PLAN_LABEL, SCENARIO_LABEL};
use crate::state::{AppState, Step};

/// The plan's baselines, oldest first.
#[tauri::command]
pub async fn list_baselines(state: State<'_, AppState>) -> AppResult<Vec<Baseline>> {
    state.read(|open, _| open.store.baselines())
}

/// Keeps the plan as it is now, in its file, as a baseline named `name` taken today;
/// answers the baselines, oldest first.
#[tauri::command]
pub async fn take_baseline(state: State<'_, AppState>, name: String) -> AppResult<Vec<Baseline>> {
    state.take_baseline(&name)?;
    state.read(|open, _| open.store.baselines())
}

/// What changed from the baseline named `name` (judged on the day it was taken) to
/// what the window shows (the plan, or the scenario in progress) today.
#[tauri::command]
pub async fn compare_baseline(state: State<'_, AppState>, name: String) -> AppResult<DiffReading> {
    state.read(|open, as_of| {
        let (baseline, old) = open.store.baseline(&name)?;
        let old_analysis = throughline_core::analyse(&old, baseline.taken_on);
        let label = if open.in_scenario() {
            SCENARIO_LABEL
        } else {
            PLAN_LABEL
        };
        let diff = diff_analysed(
            Side::new(&old, &baseline.name, baseline.taken_on),
            &old_analysis,
            Side::new(open.shown(), label, as_of),
            &open.shown_analysis(),
        );
        Ok(DiffReading::of(&diff))
    })
}

#[tauri::command]
pub async fn start_scenario(state: State<'_, AppState>) -> AppResult<PlanState> {
    state.start_scenario()
}

#[tauri::command]
pub async fn discard_scenario(state: State<'_, AppState>) -> AppResult<PlanState> {
    state.discard_scenario()
}

#[tauri::command]
pub async fn apply_scenario(state: State<'_, AppState>) -> AppResult<PlanState> {
    state.apply_scenario()
}

/// What `changes` would do to what the window shows, changing nothing.
#[tauri::command]
pub async fn what_if_impact(
    state: State<'_, AppState>,
    changes: Vec<WhatIfChange>,
) -> AppResult<DiffReading> {
    state.read(|open, as_of| {
        let label = if open.in_scenario() {
            SCENARIO_LABEL
        } else {
            PLAN_LABEL
        };
        let diff = what_if(
            Side::new(open.shown(), label, as_of),
            &open.shown_analysis(),
            &changes,
            "after the change",
        )?;
        Ok(DiffReading::of(&diff))
    })
}

/// Makes `changes` as one edit of what the window shows (one undo takes it back).
#[tauri::command]
pub async fn apply_what_if(
    state: State<'_, AppState>,
    changes: Vec<WhatIfChange>,
) -> AppResult<EditAnswer> {
    let edit = state.read(|open, _| what_if_edit(open.shown(), &changes))?;
    state.step(Step::Apply(Box::new(edit)))
}
