//! The CSV report: one row per finding, and a second file with one row per allocation.
//!
//! Two files rather than two sections in one, because a CSV with two headers breaks
//! every spreadsheet and script that reads it; the allocations go beside the findings
//! as `<stem>-allocations.csv` (see [`super::companion_path`]).
//!
//! Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
//! a tab or a carriage return) get a leading single quote, per OWASP's advice on CSV
//! injection. Numbers are written plainly (no thousands separators) for scripts.

use crate::error::Result;

use super::content::Report;
use super::{ReportFormat, render_error};

/// A cell that a spreadsheet will show as text, never evaluate.
pub(crate) fn neutralize(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

fn number(value: f64) -> String {
    // Shortest text that reads back as the same number: 0.30000000000000004 stays exact.
    let text = value.to_string();
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
}

fn write_rows(rows: impl IntoIterator<Item = Vec<String>>) -> Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        writer
            .write_record(row.iter().map(|cell| neutralize(cell).into_owned()))
            .map_err(|error| render_error(ReportFormat::Csv, error))?;
    }
    writer
        .into_inner()
        .map_err(|error| render_error(ReportFormat::Csv, error))
}

const FINDING_HEADER: [&str; 12] = [
    "severity",
    "rule",
    "rule_title",
    "node",
    "kind",
    "title",
    "team",
    "message",
    "hint",
    "as_of",
    "accepted_reason",
    "accepted_until",
];

pub(crate) fn render_findings(report: &Report) -> Result<Vec<u8>> {
    let header = FINDING_HEADER.iter().map(|h| (*h).to_owned()).collect();
    let as_of = report.as_of.to_string();
    let rows = report
        .findings
        .iter()
        .flat_map(|group| &group.findings)
        .map(|f| {
            vec![
                f.severity.as_str().to_owned(),
                f.rule.as_str().to_owned(),
                f.rule_title.to_owned(),
                f.node.clone(),
                f.kind.map_or("", |kind| kind.as_str()).to_owned(),
                f.title.clone(),
                f.team.clone().unwrap_or_default(),
                f.message.clone(),
                f.hint.clone(),
                as_of.clone(),
                f.accepted_reason.clone().unwrap_or_default(),
                f.accepted_until
                    .map(|until| until.to_string())
                    .unwrap_or_default(),
            ]
        });
    write_rows(std::iter::once(header).chain(rows))
}

const ALLOCATION_HEADER: [&str; 10] = [
    "resource",
    "resource_title",
    "resource_type",
    "to",
    "to_title",
    "to_kind",
    "amount",
    "unit",
    "counting",
    "why",
];

pub(crate) fn render_allocations(report: &Report) -> Result<Vec<u8>> {
    let header = ALLOCATION_HEADER.iter().map(|h| (*h).to_owned()).collect();
    let rows = report.allocations.iter().map(|a| {
        vec![
            a.resource.clone(),
            a.resource_title.clone(),
            a.resource_type.map_or("", |ty| ty.as_str()).to_owned(),
            a.to.clone(),
            a.to_title.clone(),
            a.to_kind.as_str().to_owned(),
            number(a.amount),
            a.unit.clone().unwrap_or_default(),
            a.counting.to_string(),
            a.why.clone().unwrap_or_default(),
        ]
    });
    write_rows(std::iter::once(header).chain(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralized_and_other_text_is_not() {
        for hostile in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(
                neutralize(hostile),
                format!("'{hostile}"),
                "{hostile:?} must not start a formula"
            );
        }
        for plain in ["Cut costs", "", "1-2", "a=b", "'quoted"] {
            assert_eq!(neutralize(plain), plain, "{plain:?} should stay as it is");
        }
    }

    #[test]
    fn numbers_are_plain() {
        assert_eq!(number(250000.0), "250000");
        assert_eq!(number(12.5), "12.5");
    }
}
