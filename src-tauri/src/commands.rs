//! The IPC commands of IPC.md. Each one takes the state, asks the user for a file where
//! it needs one (`dialogs`), calls the core, and lets `?` turn the core's error into
//! `{code, message}`; the rules live in the core. No command takes a path from the page.
//! A cancelled dialog answers `null`, not an error.

use std::path::Path;

use tauri::ipc::Channel;
use tauri::{Runtime, State, WebviewWindow};
use throughline_core::files::write_atomically;
use throughline_core::foreign;
use throughline_core::graph::{Edit, PlanGraph};
use throughline_core::model::{DEFAULT_REVIEW_CADENCE_DAYS, PlanSettings};
use throughline_core::report::{Brief, ReportFormat, ReportOptions, write_brief, write_report};
use throughline_core::roadmap::{Roadmap, RoadmapGrouping};
use throughline_core::store::{Store, load_plan};

use crate::dialogs::{
    IMPORTABLE, JSON_PLAN, PLAN_FILE, SPREADSHEET_TEMPLATE, brief_file, choose_file_to_open,
    choose_file_to_save, report_file,
};
use crate::error::{AppError, AppResult, INTERNAL};
use crate::file_names::{
    brief_file_name, imported_file_name, plan_file_name, plan_name_from_file, report_file_name,
};
use crate::models::{EditAnswer, ImportedPlan, OpenedPlan, PlanState, SharedBrief};
use crate::state::{AppState, Step};

/// The plan the app opened at start (or the error that kept it from opening).
#[tauri::command]
pub async fn current_plan(state: State<'_, AppState>) -> AppResult<PlanState> {
    state.snapshot()
}

/// Asks the user for a plan file or a JSON plan and opens it; a JSON plan is imported
/// into a new plan file the user names in a second dialog. The open plan stays open if
/// the file is refused.
#[tauri::command]
pub async fn open_plan<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
) -> AppResult<Option<OpenedPlan>> {
    let any_plan = "Throughline plan or JSON plan";
    let Some(path) =
        choose_file_to_open(&window, "Open a plan", any_plan, &[PLAN_FILE, JSON_PLAN]).await
    else {
        return Ok(None);
    };
    if !is_json(&path) {
        let state = state.open_for_editing(&path)?;
        return Ok(Some(OpenedPlan {
            state,
            imported_from: None,
        }));
    }
    // Read before asking where to put it: a bad JSON plan is refused before any dialog.
    let plan = load_plan(&path)?;
    let title = "Import the JSON plan into a new plan file";
    let Some(target) =
        choose_file_to_save(&window, title, &imported_file_name(&path), PLAN_FILE).await
    else {
        return Ok(None);
    };
    let state = state.switch_to(Store::create(&target, &plan)?);
    Ok(Some(OpenedPlan {
        state,
        imported_from: Some(path.display().to_string()),
    }))
}

/// File > Import: asks the user for an ArchiMate exchange file or a spreadsheet, reads
/// and checks all of it, then asks where to create the plan file, creates and opens it,
/// and answers what became of the file's contents. A file that is refused creates
/// nothing and leaves the open plan open.
#[tauri::command]
pub async fn import_plan<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
) -> AppResult<Option<ImportedPlan>> {
    let any = "ArchiMate model or spreadsheet";
    let title = "Import a plan from an ArchiMate model or a spreadsheet";
    let Some(path) = choose_file_to_open(&window, title, any, &IMPORTABLE).await else {
        return Ok(None);
    };
    // Read before asking where to put it: a bad file is refused before any dialog.
    let source = path.clone();
    let (plan, summary) =
        tauri::async_runtime::spawn_blocking(move || foreign::import_file(&source))
            .await
            .map_err(|error| {
                AppError::new(INTERNAL, format!("The import could not finish: {error}."))
            })??;
    let title = "Create the plan file for the imported plan";
    let Some(target) =
        choose_file_to_save(&window, title, &imported_file_name(&path), PLAN_FILE).await
    else {
        return Ok(None);
    };
    let state = state.switch_to(Store::create(&target, &plan)?);
    Ok(Some(ImportedPlan {
        state,
        imported_from: path.display().to_string(),
        summary: summary.to_string().lines().map(str::to_owned).collect(),
    }))
}

/// File > Save spreadsheet template: asks where, and writes the template a planner fills
/// in and imports (the same one as `throughline template`). Answers the path written.
#[tauri::command]
pub async fn save_spreadsheet_template<R: Runtime>(
    window: WebviewWindow<R>,
) -> AppResult<Option<String>> {
    let title = "Save the spreadsheet template";
    let Some(path) = choose_file_to_save(
        &window,
        title,
        "throughline-template.xlsx",
        SPREADSHEET_TEMPLATE,
    )
    .await
    else {
        return Ok(None);
    };
    write_atomically(&path, &throughline_core::spreadsheet::template_xlsx()?)?;
    Ok(Some(path.display().to_string()))
}

/// Opens entry `index` of the recent plans (`PlanState.recent`), from Rust's own list.
#[tauri::command]
pub async fn open_recent(state: State<'_, AppState>, index: usize) -> AppResult<PlanState> {
    let path = state.recent_plan(index)?;
    state.open_for_editing(&path)
}

/// Opens, to look at only, the plan just refused because another window or program
/// edits it (`plan_in_use`) or its place cannot be written (`read_only_location`).
#[tauri::command]
pub async fn open_read_only(state: State<'_, AppState>) -> AppResult<PlanState> {
    state.open_read_only()
}

/// Opens the sample plan kept in the app data folder, writing it first if needed.
#[tauri::command]
pub async fn open_sample(state: State<'_, AppState>) -> AppResult<PlanState> {
    state.open_sample()
}

/// Asks the user where to create an empty plan, named after its file, and opens it.
#[tauri::command]
pub async fn new_plan<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
) -> AppResult<Option<PlanState>> {
    let title = "Create a new plan";
    let Some(path) = choose_file_to_save(&window, title, "new-plan.throughline", PLAN_FILE).await
    else {
        return Ok(None);
    };
    let plan = PlanGraph::new(PlanSettings {
        name: plan_name_from_file(&path),
        review_cadence_days: DEFAULT_REVIEW_CADENCE_DAYS,
    })?;
    Ok(Some(state.switch_to(Store::create(&path, &plan)?)))
}

/// Asks the user where to copy the open plan, copies it, and continues editing the copy.
#[tauri::command]
pub async fn save_plan_as<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
) -> AppResult<Option<PlanState>> {
    let proposed = state.read(|open, _| Ok(plan_file_name(open.store.graph().name())))?;
    let title = "Save a copy of the plan";
    let Some(path) = choose_file_to_save(&window, title, &proposed, PLAN_FILE).await else {
        return Ok(None);
    };
    Ok(Some(state.replace_store(|store| store.save_as(&path))?))
}

/// Asks the user where to write a report of the open plan in `format` (limited to `team`
/// if given), tells `on_chosen` the file's name once chosen, writes it (for CSV, the
/// allocations go beside it), and answers the path written.
///
/// It renders from a copy of the plan on a blocking thread: a 100,000-node PDF takes
/// most of a minute, and edits must not wait for it.
#[tauri::command]
pub async fn export_report<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    format: ReportFormat,
    team: Option<String>,
    on_chosen: Channel<String>,
) -> AppResult<Option<String>> {
    let proposed = state.read(|open, _| {
        Ok(report_file_name(
            open.store.graph().name(),
            team.as_deref(),
            format,
        ))
    })?;
    let title = "Export a report";
    let Some(path) = choose_file_to_save(&window, title, &proposed, report_file(format)).await
    else {
        return Ok(None);
    };
    let file_name = path.file_name().unwrap_or_default().to_string_lossy();
    // Only the progress shown depends on it; the page may be gone, the export is not.
    let _ = on_chosen.send(file_name.into_owned());
    let (plan, as_of) = state.read(|open, as_of| Ok((open.store.graph().clone(), as_of)))?;
    let options = ReportOptions { as_of, team };
    let target = path.clone();
    tauri::async_runtime::spawn_blocking(move || {
        write_report(&target, format, &plan, &options).map(drop)
    })
    .await
    .map_err(|error| AppError::new(INTERNAL, format!("The report could not finish: {error}.")))??;
    Ok(Some(path.display().to_string()))
}

/// "Share brief": checks that `node` is an initiative or strategy of the open plan, asks
/// the user where to write its one-page brief in `format` (`pdf`, `html`, `md`), writes
/// it as of the app's date, and answers the path and what the PDF had to leave out.
#[tauri::command]
pub async fn share_brief<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    node: String,
    format: ReportFormat,
) -> AppResult<Option<SharedBrief>> {
    // Gathered before the dialog: a node that has no brief is refused before asking.
    let brief = state.read(|open, as_of| Brief::build(open.store.graph(), &node, as_of))?;
    let proposed = brief_file_name(&brief.subject.title, format);
    let title = "Share a one-page brief";
    let Some(path) = choose_file_to_save(&window, title, &proposed, brief_file(format)).await
    else {
        return Ok(None);
    };
    let left_out = write_brief(&path, format, &brief)?;
    Ok(Some(SharedBrief {
        path: path.display().to_string(),
        left_out,
    }))
}

/// Applies one edit in one transaction and answers what it changed; a refused edit
/// changes nothing. During a scenario the edit goes to the scenario, never the file.
#[tauri::command]
pub async fn apply_edit(state: State<'_, AppState>, edit: Edit) -> AppResult<EditAnswer> {
    state.step(Step::Apply(Box::new(edit)))
}

#[tauri::command]
pub async fn undo(state: State<'_, AppState>) -> AppResult<EditAnswer> {
    state.step(Step::Undo)
}

#[tauri::command]
pub async fn redo(state: State<'_, AppState>) -> AppResult<EditAnswer> {
    state.step(Step::Redo)
}

/// The open plan's strategies and initiatives by target date as of the app's date,
/// grouped by org goal or by team (the core's roadmap).
#[tauri::command]
pub async fn roadmap(state: State<'_, AppState>, grouping: RoadmapGrouping) -> AppResult<Roadmap> {
    state.read(|open, as_of| {
        let plan = open.store.graph().to_plan();
        Ok(throughline_core::roadmap::roadmap(&plan, as_of, grouping))
    })
}

/// A JSON plan is imported, anything else is opened as a plan file (and refused by the
/// store if it is not one).
fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("json"))
}
