//! One side of a comparison named on the command line: a plan file (`.throughline` or
//! `.json`), or a baseline kept in a plan file, `PLAN.throughline@NAME`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use throughline_core::PlanGraph;
use throughline_core::store::{load_baseline, load_plan};

/// A plan read for comparing, with the name people know it by and the date its
/// findings are judged on.
pub struct ComparedPlan {
    pub plan: PlanGraph,
    pub label: String,
    pub as_of: NaiveDate,
}

/// Reads `spec`: a file if one has that name, else `FILE@BASELINE` if FILE exists (the
/// first `@` after which the rest names a baseline). A plan file is judged on `as_of`;
/// a baseline on the day it was taken, as the board saw it.
pub fn read_side(spec: &str, as_of: NaiveDate) -> anyhow::Result<ComparedPlan> {
    let whole = Path::new(spec);
    if !whole.exists()
        && let Some((file, name)) = baseline_spec(spec)
    {
        let (baseline, plan) = load_baseline(&file, name)?;
        return Ok(ComparedPlan {
            plan,
            label: format!("baseline \u{201c}{}\u{201d}", baseline.name),
            as_of: baseline.taken_on,
        });
    }
    Ok(ComparedPlan {
        plan: load_plan(whole)?,
        label: spec.to_owned(),
        as_of,
    })
}

/// `FILE@NAME` where FILE exists; the split at the first `@` that names a file.
fn baseline_spec(spec: &str) -> Option<(PathBuf, &str)> {
    spec.match_indices('@').find_map(|(at, _)| {
        let file = PathBuf::from(&spec[..at]);
        file.is_file().then(|| (file, &spec[at + 1..]))
    })
}
