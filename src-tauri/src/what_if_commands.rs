//! The IPC commands of issue 11 (IPC.md): baselines kept in the plan file, Compare
//! against one or against another plan, scenarios, and quick what-ifs. Each is a few
//! lines over the core's `diff`, `scenario` and `store`; the differences arrive worded
//! (`DiffReading`).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tauri::{Runtime, State, WebviewWindow};
use throughline_core::diff::{
    DiffReading, Side, WhatIfChange, diff_analysed, what_if, what_if_edit,
};
use throughline_core::store::{Baseline, load_plan};

use crate::dialogs::{JSON_PLAN, PLAN_FILE, choose_file_to_open};
use crate::error::AppResult;
use crate::models::{EditAnswer, PlanState};
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
        let label = open.shown_label();
        let diff = diff_analysed(
            Side::new(&old, &baseline.name, baseline.taken_on),
            &old_analysis,
            Side::new(open.shown(), label, as_of),
            &open.shown_analysis(),
        );
        Ok(DiffReading::of(&diff))
    })
}

/// The other plan the user chose to compare with, read again at each comparison so that
/// Compare follows the edits on both sides. The page never names a file: Rust asked the
/// user for this one.
#[derive(Debug, Default)]
pub struct ComparedFile(Mutex<Option<PathBuf>>);

/// Asks the user for another plan (a plan file or a JSON plan: last quarter's export, a
/// colleague's draft) and says what changed from it to what the window shows, both judged
/// as of today. `None` when the user cancels.
#[tauri::command]
pub async fn compare_file<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    compared: State<'_, ComparedFile>,
) -> AppResult<Option<DiffReading>> {
    let any_plan = "Throughline plan or JSON plan";
    let Some(path) = choose_file_to_open(
        &window,
        "Compare with another plan",
        any_plan,
        &[PLAN_FILE, JSON_PLAN],
    )
    .await
    else {
        return Ok(None);
    };
    let reading = compare_with(&state, &path)?;
    *compared
        .0
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(path);
    Ok(Some(reading))
}

/// [`compare_file`] again, with the file chosen last, after an edit on either side;
/// `None` when no file was chosen.
#[tauri::command]
pub async fn compare_file_again(
    state: State<'_, AppState>,
    compared: State<'_, ComparedFile>,
) -> AppResult<Option<DiffReading>> {
    let chosen = compared
        .0
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .clone();
    chosen.map(|path| compare_with(&state, &path)).transpose()
}

/// From the plan in `path` (named by its file name) to what the window shows.
fn compare_with(state: &AppState, path: &Path) -> AppResult<DiffReading> {
    let other = load_plan(path)?;
    let label = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    state.read(|open, as_of| {
        let shown = open.shown_label();
        let diff = diff_analysed(
            Side::new(&other, &label, as_of),
            &throughline_core::analyse(&other, as_of),
            Side::new(open.shown(), shown, as_of),
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
        let label = open.shown_label();
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
