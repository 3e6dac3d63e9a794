//! The JSON report: the plan in the interchange format beside its analysis.
//!
//! `{"report": {...}, "plan": <interchange document>, "analysis": <Analysis>}`: `plan`
//! can be cut out and imported as it is; `analysis` has the shape of
//! `throughline check --format json`. A team report holds the team's part of the plan
//! (its nodes, what they support, the resources behind them) and its findings.

use serde::Serialize;
use serde_json::value::RawValue;

use crate::analysis::Analysis;
use crate::error::Result;
use crate::interchange;

use super::content::Report;
use super::{ReportFormat, render_error};

#[derive(Serialize)]
struct Document<'a> {
    report: About<'a>,
    plan: &'a RawValue,
    analysis: &'a Analysis,
}

#[derive(Serialize)]
struct About<'a> {
    plan_name: &'a str,
    as_of: &'a chrono::NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    team: Option<&'a str>,
}

pub(crate) fn render(report: &Report) -> Result<String> {
    // The interchange text is kept as written by its own module (field order and all),
    // indented one level so that the whole document stays evenly pretty-printed.
    let plan_text = interchange::to_json(&report.plan);
    let plan_text = plan_text.trim_end().replace('\n', "\n  ");
    let plan = RawValue::from_string(plan_text)
        .map_err(|error| render_error(ReportFormat::Json, error))?;
    let document = Document {
        report: About {
            plan_name: &report.plan_name,
            as_of: &report.as_of,
            team: report.team.as_deref(),
        },
        plan: &plan,
        analysis: &report.analysis,
    };
    let mut text = serde_json::to_string_pretty(&document)
        .map_err(|error| render_error(ReportFormat::Json, error))?;
    text.push('\n');
    Ok(text)
}
