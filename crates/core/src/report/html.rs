//! The HTML report: one self-contained file with the map and the chart as inline SVG.
//!
//! No scripts, no remote fonts or images, and a Content-Security-Policy that forbids
//! fetching anything, so the file reads the same offline, in a mail client or printed.

use minijinja::context;
use minijinja::value::{Serde, Value};

use crate::analysis::Severity;
use crate::error::Result;

use super::brief::Brief;
use super::content::Report;
use super::roadmap_view::roadmap_view;
use super::svg::{chart_view, map_view, severity_icon};
use super::templates::{environment, severity_words};
use super::{ReportFormat, render_error};

pub(crate) fn render(report: &Report) -> Result<String> {
    let env = environment().map_err(|error| render_error(ReportFormat::Html, error))?;
    let template = env
        .get_template("report.html")
        .map_err(|error| render_error(ReportFormat::Html, error))?;
    template
        .render(context! {
            r => Value::from(Serde(report)),
            map => Value::from(Serde(map_view(report))),
            chart => Value::from(Serde(chart_view(report))),
            roadmap => Value::from(Serde(roadmap_view(&report.roadmap))),
            icons => severity_words(severity_icon),
            headings => severity_words(Severity::heading),
        })
        .map_err(|error| render_error(ReportFormat::Html, error))
}

/// The brief as one self-contained page, in the report's style.
pub(crate) fn render_brief(brief: &Brief) -> Result<String> {
    let env = environment().map_err(|error| render_error(ReportFormat::Html, error))?;
    env.get_template("brief.html")
        .and_then(|template| {
            template.render(context! {
                b => Value::from(Serde(brief)),
                icons => severity_words(severity_icon),
            })
        })
        .map_err(|error| render_error(ReportFormat::Html, error))
}
