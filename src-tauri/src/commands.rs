//! The IPC commands of IPC.md. Each one takes the state, calls the core, and lets `?`
//! turn the core's error into `{code, message}`; the rules live in the core.

use std::path::PathBuf;

use tauri::State;
use throughline_core::graph::{Edit, PlanGraph};
use throughline_core::model::{DEFAULT_REVIEW_CADENCE_DAYS, PlanSettings};
use throughline_core::report::{ReportFormat, ReportOptions, write_report};
use throughline_core::store::{Store, load_plan};

use crate::error::{AppError, AppResult, INTERNAL};
use crate::state::{AppState, PlanState};

/// The plan the app opened at start (or the error that kept it from opening).
#[tauri::command]
pub async fn current_plan(state: State<'_, AppState>) -> AppResult<PlanState> {
    state.snapshot()
}

/// Opens a plan file; the open plan stays open if this one is refused.
#[tauri::command]
pub async fn open_plan(state: State<'_, AppState>, path: PathBuf) -> AppResult<PlanState> {
    let store = Store::open(&path)?;
    Ok(state.switch_to(store))
}

/// Imports a JSON plan (`source`, per PLAN-FORMAT.md) into a new plan file at `path`
/// (which must not exist) and opens it. All or nothing: bad JSON creates no file.
#[tauri::command]
pub async fn import_plan(
    state: State<'_, AppState>,
    source: PathBuf,
    path: PathBuf,
) -> AppResult<PlanState> {
    let plan = load_plan(&source)?;
    Ok(state.switch_to(Store::create(&path, &plan)?))
}

/// Creates an empty plan file named `name` at `path` (which must not exist) and opens it.
#[tauri::command]
pub async fn new_plan(
    state: State<'_, AppState>,
    path: PathBuf,
    name: String,
) -> AppResult<PlanState> {
    let plan = PlanGraph::new(PlanSettings {
        name,
        review_cadence_days: DEFAULT_REVIEW_CADENCE_DAYS,
    })?;
    Ok(state.switch_to(Store::create(&path, &plan)?))
}

/// Copies the open plan to a new file at `path` and continues editing the copy.
#[tauri::command]
pub async fn save_plan_as(state: State<'_, AppState>, path: PathBuf) -> AppResult<PlanState> {
    state.replace_store(|store| store.save_as(&path))
}

/// Applies one edit in one transaction; a refused edit changes nothing.
#[tauri::command]
pub async fn apply_edit(state: State<'_, AppState>, edit: Edit) -> AppResult<PlanState> {
    state.change(|open| open.history.apply(&mut open.store, edit))
}

#[tauri::command]
pub async fn undo(state: State<'_, AppState>) -> AppResult<PlanState> {
    state.change(|open| open.history.undo(&mut open.store))
}

#[tauri::command]
pub async fn redo(state: State<'_, AppState>) -> AppResult<PlanState> {
    state.change(|open| open.history.redo(&mut open.store))
}

/// Writes a report of the open plan to `path` (for CSV, the allocations go beside it).
/// It renders from a copy of the plan on a blocking thread: a 100,000-node PDF takes
/// most of a minute, and edits must not wait for it.
#[tauri::command]
pub async fn export_report(
    state: State<'_, AppState>,
    path: PathBuf,
    format: ReportFormat,
    team: Option<String>,
) -> AppResult<()> {
    let (plan, as_of) = state.read(|open, as_of| Ok((open.store.graph().clone(), as_of)))?;
    let options = ReportOptions { as_of, team };
    tauri::async_runtime::spawn_blocking(move || {
        write_report(&path, format, &plan, &options).map(drop)
    })
    .await
    .map_err(|error| AppError::new(INTERNAL, format!("The report could not finish: {error}.")))??;
    Ok(())
}

/// The e2e tests' stand-in for the save dialog; `null` unless they set it up.
#[tauri::command]
pub async fn test_save_path(
    state: State<'_, AppState>,
    default_name: String,
) -> AppResult<Option<PathBuf>> {
    Ok(state.test_save_path(&default_name))
}
