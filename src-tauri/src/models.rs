//! The wire types of the IPC (IPC.md): what commands answer, generated for TypeScript by
//! ts-rs into `ui/src/bindings`. Errors are [`crate::error::AppError`].

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;
use throughline_core::analysis::AnalysisChange;
use throughline_core::diff::DiffReading;
use throughline_core::plan_change::PlanChange;
use throughline_core::{Analysis, Plan};
use ts_rs::TS;

/// Everything the UI needs to draw the plan, returned by every command that changes it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PlanState {
    /// The open plan file, for the status line; empty for a plan with no file.
    pub path: String,
    pub plan: Plan,
    /// The findings and score as of `as_of`.
    pub analysis: Analysis,
    /// The score's counts as the core words them ("25 of 32 goals, strategies and
    /// initiatives aligned"), for the gauge.
    pub score_counts_text: String,
    /// Each resource's counting allocations summed (the core's one definition); a
    /// resource with none is absent.
    pub allocated: BTreeMap<String, f64>,
    pub can_undo: bool,
    pub can_redo: bool,
    /// Opened only to look at (another window or program edits it, or its folder cannot
    /// be written): every edit is refused.
    pub read_only: bool,
    #[ts(type = "string")]
    pub as_of: NaiveDate,
    /// The recent plans, newest first, to show; `open_recent` takes an index into it.
    pub recent: Vec<String>,
    /// While a scenario is in progress, `plan`, `analysis` and undo are the scenario's,
    /// and this is its difference to the plan; `null` otherwise.
    pub scenario: Option<DiffReading>,
}

/// What Open did: opened the plan file the user picked, or imported the JSON plan the
/// user picked into a new plan file (chosen in a second dialog) and opened that.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct OpenedPlan {
    pub state: PlanState,
    /// The JSON plan that was imported into `state.path`; `null` when a plan file was opened.
    pub imported_from: Option<String>,
}

/// What an edit, an undo or a redo changed, returned instead of the whole [`PlanState`]
/// (issue 9: at 10,000 nodes the whole state is about 4 MB of JSON). The UI applies it
/// to the state it holds: `plan`, then `findings` (removed, then upserted), then the
/// rest replaces its field.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct EditAnswer {
    /// Nodes and links changed, allocated sums changed, and whether the layout must be
    /// made again (`plan.structure_changed`).
    pub plan: PlanChange,
    /// Findings removed and added or changed, and the new summary.
    pub findings: AnalysisChange,
    /// As [`PlanState::score_counts_text`].
    pub score_counts_text: String,
    pub can_undo: bool,
    pub can_redo: bool,
    /// The date the findings are as of (it moves on at midnight under `AsOf::Today`).
    #[ts(type = "string")]
    pub as_of: NaiveDate,
    /// During a scenario, its difference to the plan after this change; `null` when the
    /// change was to the plan.
    pub scenario: Option<DiffReading>,
}

/// What File > Import did: read the file the user picked, made the new plan file the
/// user named in a second dialog, and opened it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportedPlan {
    pub state: PlanState,
    /// The file that was read.
    pub imported_from: String,
    /// What became of its contents, one line each, as the core words them: counts per
    /// element type or per kind, what was derived, what was skipped and why.
    pub summary: Vec<String>,
}

/// What "Share brief" wrote.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SharedBrief {
    /// The file written.
    pub path: String,
    /// What the one-page PDF had to leave out ("2 findings"), or null when it fit.
    pub left_out: Option<String>,
}
