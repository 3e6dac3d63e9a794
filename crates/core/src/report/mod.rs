//! Alignment reports to file: one report content, one render function per format.
//!
//! The CLI (`throughline report`) and the desktop app (Export) both call [`render`] or
//! [`write_report`]; neither formats anything itself. Every format is built from the
//! same [`content::Report`], so the numbers agree across HTML, PDF, Markdown, CSV, JSON and XLSX.
//!
//! Text from the plan is never trusted as markup: HTML and SVG go through minijinja
//! with HTML auto-escaping, Markdown through the same engine with a Markdown escaper,
//! CSV cells that a spreadsheet would run as a formula are neutralized, and the PDF
//! draws text as glyphs.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::files::write_atomically;
use crate::graph::PlanGraph;

pub mod brief;
pub mod content;
mod csv;
pub(crate) mod escape;
mod font;
mod html;
mod json;
mod markdown;
mod pdf;
mod progress;
pub mod review_log;
pub mod roadmap;
mod roadmap_view;
mod svg;
mod templates;
mod xlsx;

pub use brief::{Brief, RenderedBrief, render_brief, write_brief};
pub use content::Report;
pub use progress::ReportStep;

/// The file formats a report can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum ReportFormat {
    #[serde(rename = "html")]
    Html,
    #[serde(rename = "pdf")]
    Pdf,
    #[serde(rename = "md")]
    Markdown,
    #[serde(rename = "csv")]
    Csv,
    #[serde(rename = "json")]
    Json,
    #[serde(rename = "xlsx")]
    Xlsx,
}

impl ReportFormat {
    pub const ALL: [ReportFormat; 6] = [
        ReportFormat::Html,
        ReportFormat::Pdf,
        ReportFormat::Markdown,
        ReportFormat::Csv,
        ReportFormat::Json,
        ReportFormat::Xlsx,
    ];

    /// The name used on the command line and in IPC: `html`, `pdf`, `md`, `csv`, `json`, `xlsx`.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportFormat::Html => "html",
            ReportFormat::Pdf => "pdf",
            ReportFormat::Markdown => "md",
            ReportFormat::Csv => "csv",
            ReportFormat::Json => "json",
            ReportFormat::Xlsx => "xlsx",
        }
    }

    /// The file extension a file of this format gets.
    pub fn extension(self) -> &'static str {
        self.as_str()
    }

    pub fn parse(text: &str) -> Option<ReportFormat> {
        let text = text.to_ascii_lowercase();
        match text.as_str() {
            "markdown" => Some(ReportFormat::Markdown),
            _ => ReportFormat::ALL
                .into_iter()
                .find(|format| format.as_str() == text),
        }
    }

    /// The format a file name asks for (`report.HTML` -> Html, `notes.markdown` -> Markdown).
    pub fn from_extension(path: &Path) -> Option<ReportFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "htm" => Some(ReportFormat::Html),
            other => ReportFormat::parse(other),
        }
    }
}

impl std::fmt::Display for ReportFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a report covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportOptions {
    /// The date the analysis is made as of; reports are reproducible for a given date.
    #[ts(type = "string")]
    pub as_of: NaiveDate,
    /// Limit the report to one team's nodes and what they support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub team: Option<String>,
}

impl ReportOptions {
    pub fn new(as_of: NaiveDate) -> ReportOptions {
        ReportOptions { as_of, team: None }
    }

    pub fn for_team(as_of: NaiveDate, team: impl Into<String>) -> ReportOptions {
        ReportOptions {
            as_of,
            team: Some(team.into()),
        }
    }
}

/// Renders the report's main file in the given format.
///
/// For CSV this is the findings (one row per finding); the allocations are a second
/// file, see [`render_csv_allocations`] and [`write_report`].
///
/// # Errors
/// [`Error::UnknownTeam`] when `options.team` names no team of the plan.
pub fn render(format: ReportFormat, plan: &PlanGraph, options: &ReportOptions) -> Result<Vec<u8>> {
    let report = Report::build(plan, options)?;
    render_report(format, &report)
}

/// Renders an already built report (lets a caller render several formats from one build).
pub fn render_report(format: ReportFormat, report: &Report) -> Result<Vec<u8>> {
    render_report_with_progress(format, report, &mut |_| {})
}

/// [`render_report`], telling `progress` how far it has got (page by page for a PDF).
pub fn render_report_with_progress(
    format: ReportFormat,
    report: &Report,
    progress: &mut dyn FnMut(ReportStep),
) -> Result<Vec<u8>> {
    progress(ReportStep::Rendering(format));
    match format {
        ReportFormat::Html => html::render(report).map(String::into_bytes),
        ReportFormat::Pdf => pdf::render(report, progress),
        ReportFormat::Markdown => markdown::render(report).map(String::into_bytes),
        ReportFormat::Csv => csv::render_findings(report),
        ReportFormat::Json => json::render(report).map(String::into_bytes),
        ReportFormat::Xlsx => xlsx::render(report),
    }
}

/// The allocations CSV that accompanies a CSV report: one row per allocation.
pub fn render_csv_allocations(report: &Report) -> Result<Vec<u8>> {
    csv::render_allocations(report)
}

/// Where the allocations CSV goes for a CSV report at `path`: beside it, named after
/// its stem (`q3.csv` -> `q3-allocations.csv`). `None` for the other formats.
pub fn companion_path(path: &Path, format: ReportFormat) -> Option<PathBuf> {
    if format != ReportFormat::Csv {
        return None;
    }
    let stem = path.file_stem()?.to_string_lossy();
    Some(path.with_file_name(format!("{stem}-allocations.csv")))
}

/// Renders the report and writes it to `path` (and the allocations beside it for CSV).
/// Each file is replaced whole or not at all; nothing is written when rendering fails.
/// Returns the paths written, main file first.
pub fn write_report(
    path: &Path,
    format: ReportFormat,
    plan: &PlanGraph,
    options: &ReportOptions,
) -> Result<Vec<PathBuf>> {
    write_report_with_progress(path, format, plan, options, &mut |_| {})
}

/// [`write_report`], telling `progress` which step it is at as it goes.
pub fn write_report_with_progress(
    path: &Path,
    format: ReportFormat,
    plan: &PlanGraph,
    options: &ReportOptions,
    progress: &mut dyn FnMut(ReportStep),
) -> Result<Vec<PathBuf>> {
    progress(ReportStep::Gathering);
    let report = Report::build(plan, options)?;
    write_built_report(path, format, &report, progress)
}

/// Writes an already built report (one with a "Changes since" section, say) to `path`,
/// as [`write_report`] does.
pub fn write_built_report(
    path: &Path,
    format: ReportFormat,
    report: &Report,
    progress: &mut dyn FnMut(ReportStep),
) -> Result<Vec<PathBuf>> {
    let main = render_report_with_progress(format, report, progress)?;
    let companion = match companion_path(path, format) {
        Some(companion) => Some((companion, render_csv_allocations(report)?)),
        None => None,
    };
    progress(ReportStep::Writing);
    write_atomically(path, &main)?;
    let mut written = vec![path.to_path_buf()];
    if let Some((companion, bytes)) = companion {
        write_atomically(&companion, &bytes)?;
        written.push(companion);
    }
    Ok(written)
}

fn render_error(format: ReportFormat, detail: impl std::fmt::Display) -> Error {
    Error::Render {
        format: format.as_str(),
        detail: detail.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_the_extension_whatever_its_case() {
        let cases = [
            ("r.html", Some(ReportFormat::Html)),
            ("r.HTM", Some(ReportFormat::Html)),
            ("r.pdf", Some(ReportFormat::Pdf)),
            ("r.md", Some(ReportFormat::Markdown)),
            ("r.markdown", Some(ReportFormat::Markdown)),
            ("r.Csv", Some(ReportFormat::Csv)),
            ("r.json", Some(ReportFormat::Json)),
            ("r.XLSX", Some(ReportFormat::Xlsx)),
            ("r.txt", None),
            ("report", None),
        ];
        for (name, expected) in cases {
            assert_eq!(
                ReportFormat::from_extension(Path::new(name)),
                expected,
                "{name} should map to {expected:?}"
            );
        }
    }

    #[test]
    fn formats_serialize_as_their_command_line_names() {
        for format in ReportFormat::ALL {
            let json = serde_json::to_string(&format).expect("serializes");
            assert_eq!(json, format!("\"{}\"", format.as_str()));
            assert_eq!(ReportFormat::parse(format.as_str()), Some(format));
        }
    }

    #[test]
    fn only_csv_has_a_companion_file_named_after_the_stem() {
        assert_eq!(
            companion_path(Path::new("out/q3.csv"), ReportFormat::Csv),
            Some(PathBuf::from("out/q3-allocations.csv"))
        );
        assert_eq!(
            companion_path(Path::new("q3.html"), ReportFormat::Html),
            None
        );
    }
}
