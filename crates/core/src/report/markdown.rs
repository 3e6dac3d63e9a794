//! The Markdown report, written to read well on GitHub.
//!
//! Rendered through the same template engine as the HTML, with an escaper
//! ([`super::escape`]) that turns every value from the plan into literal text.

use minijinja::context;
use minijinja::value::{Serde, Value};

use crate::analysis::Severity;
use crate::error::Result;

use super::brief::Brief;
use super::content::Report;
use super::svg::{chart_text, charted};
use super::templates::{environment, severity_words};
use super::{ReportFormat, render_error};

pub(crate) fn render(report: &Report) -> Result<String> {
    let env = environment().map_err(|error| render_error(ReportFormat::Markdown, error))?;
    let template = env
        .get_template("report.md")
        .map_err(|error| render_error(ReportFormat::Markdown, error))?;
    let (charted, omitted, unlimited) = charted(report);
    let chart: Vec<Value> = charted
        .iter()
        .map(|resource| {
            context! {
                title => resource.title.as_str(),
                text => chart_text(resource),
                bar => bar(super::svg::share(resource)),
            }
        })
        .collect();
    let mut text = template
        .render(context! {
            r => Value::from(Serde(report)),
            chart => chart,
            chart_omitted => omitted,
            chart_unlimited => unlimited,
            icons => severity_words(severity_emoji),
        })
        .map_err(|error| render_error(ReportFormat::Markdown, error))?;
    text.push('\n');
    Ok(text)
}

/// The brief in Markdown, through the same escaper as the report.
pub(crate) fn render_brief(brief: &Brief) -> Result<String> {
    let env = environment().map_err(|error| render_error(ReportFormat::Markdown, error))?;
    let mut text = env
        .get_template("brief.md")
        .and_then(|template| {
            template.render(context! {
                b => Value::from(Serde(brief)),
                icons => severity_words(severity_emoji),
            })
        })
        .map_err(|error| render_error(ReportFormat::Markdown, error))?;
    text.push('\n');
    Ok(text)
}

/// GitHub shows these as coloured icons, and the words beside them say the same.
fn severity_emoji(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "\u{1f534}",
        Severity::Warning => "\u{1f7e0}",
        Severity::Info => "\u{1f535}",
    }
}

/// A text bar of 20 cells for a share of capacity (capped at 150%).
fn bar(share: f64) -> String {
    let cells = (share.clamp(0.0, 1.5) * 20.0).round() as usize;
    let full = cells.min(20);
    let over = cells.saturating_sub(20);
    format!(
        "{}{}{}",
        "\u{2588}".repeat(full),
        "\u{2591}".repeat(20 - full),
        "\u{2593}".repeat(over)
    )
}
