//! The review log in the PDF: one row per goal and strategy (latest review, how many,
//! the latest audience and note), then the full log of those that have one. Capped like
//! every listing of the PDF; the HTML report has it all.

use crate::analysis::Severity;
use crate::report::content::Report;
use crate::report::svg::{kind_style, severity_icon};
use crate::text::format_amount;

use super::layout::{Align, BODY, Layout, MUTED, Rgb, SMALL, column};
use super::sections::{more, severity_rgb};

/// Goals and strategies listed in the table.
pub(super) const REVIEW_ROWS: usize = 40;
/// Nodes whose whole log is printed, and entries of each.
const LOGGED_NODES: usize = 12;
const ENTRIES_PER_NODE: usize = 6;

pub(super) fn review_log(layout: &mut Layout, report: &Report) {
    layout.heading("Review log", 15.0);
    let log = &report.review_log;
    if log.is_empty() {
        layout.paragraph("No goal or strategy in this report.", BODY, MUTED, 0.0);
        return;
    }
    layout.paragraph(
        "When each goal's and strategy's why was last explained again, and to whom.",
        SMALL,
        MUTED,
        0.0,
    );
    layout.space(2.0);
    let listed = &log[..log.len().min(REVIEW_ROWS)];
    let rows: Vec<Vec<String>> = listed
        .iter()
        .map(|row| {
            let latest = match row.latest {
                Some(date) if row.overdue => {
                    format!("{date} {} overdue", severity_icon(Severity::Warning))
                }
                Some(date) => date.to_string(),
                None if row.overdue => {
                    format!("never {} overdue", severity_icon(Severity::Warning))
                }
                None => "never".to_owned(),
            };
            let said = row.entries.first().map_or_else(String::new, |entry| {
                match (&entry.audience, &entry.note) {
                    (Some(audience), Some(note)) => format!("{audience}: {note}"),
                    (Some(text), None) | (None, Some(text)) => text.clone(),
                    (None, None) => String::new(),
                }
            });
            vec![
                format!("{} ({})", row.title, row.kind_label),
                latest,
                row.count.to_string(),
                said,
            ]
        })
        .collect();
    let emphasis: Vec<Option<Rgb>> = listed
        .iter()
        .map(|row| row.overdue.then_some(severity_rgb(Severity::Warning)))
        .collect();
    layout.table(
        &[
            column("Goal or strategy", 0.38, Align::Left),
            column("Latest review", 0.18, Align::Left),
            column("Logged", 0.1, Align::Right),
            column("Latest audience and note", 0.34, Align::Left),
        ],
        &rows,
        &emphasis,
    );
    if log.len() > listed.len() {
        more(
            layout,
            log.len() - listed.len(),
            "goals and strategies",
            "the HTML report lists every review.",
        );
    }
    let logged: Vec<_> = log.iter().filter(|row| row.count > 0).collect();
    if logged.is_empty() {
        return;
    }
    layout.heading("Full log", 12.0);
    for row in logged.iter().take(LOGGED_NODES) {
        layout.marked(kind_style(row.kind).rgb, &row.title, BODY, 0.0);
        for entry in row.entries.iter().take(ENTRIES_PER_NODE) {
            let mut text = entry.date.to_string();
            if let Some(audience) = &entry.audience {
                text.push_str(&format!(" \u{00b7} {audience}"));
            }
            if let Some(note) = &entry.note {
                text.push_str(&format!(": {note}"));
            }
            layout.paragraph(&text, SMALL, MUTED, 12.0);
        }
        if row.entries.len() > ENTRIES_PER_NODE {
            layout.paragraph(
                &format!(
                    "\u{2026} and {} earlier reviews.",
                    row.entries.len() - ENTRIES_PER_NODE
                ),
                SMALL,
                MUTED,
                12.0,
            );
        }
    }
    if logged.len() > LOGGED_NODES {
        layout.paragraph(
            &format!(
                "\u{2026} and the logs of {} more: the HTML report has them all.",
                format_amount((logged.len() - LOGGED_NODES) as f64)
            ),
            SMALL,
            MUTED,
            0.0,
        );
    }
}
