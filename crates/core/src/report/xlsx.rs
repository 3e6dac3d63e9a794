//! The XLSX report: a workbook with a summary sheet and one real spreadsheet table per
//! list (findings, resources, allocations by resource, every node with the goals it
//! traces up to), each with filters on its header and the header frozen.
//!
//! Plan text is written as strings, never as formulas, so a title starting with `=`
//! is shown, not run.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    ExcelDateTime, Format, Table, TableColumn, TableStyle, Workbook, Worksheet, XlsxError,
};

use crate::error::Result;

use super::content::{Report, goals_traced};
use super::{ReportFormat, render_error};

/// One cell of a table row.
enum Cell {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Empty,
}

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

fn optional(value: Option<&str>) -> Cell {
    value.map_or(Cell::Empty, text)
}

fn yes_no(flag: bool) -> Cell {
    text(if flag { "yes" } else { "no" })
}

/// A column of a table: its header and width in characters.
type Header = (&'static str, f64);

pub(crate) fn render(report: &Report) -> Result<Vec<u8>> {
    build(report).map_err(|error| render_error(ReportFormat::Xlsx, error))
}

fn build(report: &Report) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    summary_sheet(workbook.add_worksheet(), report)?;

    let findings = report
        .findings
        .iter()
        .flat_map(|group| &group.findings)
        .map(|finding| {
            vec![
                text(finding.severity.as_str()),
                text(finding.rule_title),
                text(&finding.title),
                text(&finding.node),
                optional(finding.kind.map(|kind| kind.label())),
                optional(finding.team.as_deref()),
                text(&finding.message),
                text(&finding.hint),
            ]
        })
        .collect();
    table_sheet(
        workbook.add_worksheet(),
        "Findings",
        &[
            ("Severity", 10.0),
            ("Rule", 24.0),
            ("Title", 36.0),
            ("Id", 16.0),
            ("Kind", 18.0),
            ("Team", 16.0),
            ("Message", 70.0),
            ("Hint", 60.0),
        ],
        findings,
    )?;

    let resources = report
        .resources
        .iter()
        .map(|resource| {
            vec![
                text(&resource.title),
                text(&resource.id),
                text(resource.type_label),
                optional(resource.team.as_deref()),
                resource.capacity.map_or(text("unlimited"), Cell::Number),
                Cell::Number(resource.allocated),
                resource.remaining.map_or(Cell::Empty, Cell::Number),
                optional(resource.unit.as_deref()),
                resource
                    .percent
                    .map_or(Cell::Empty, |percent| Cell::Number(f64::from(percent))),
                yes_no(resource.over),
            ]
        })
        .collect();
    table_sheet(
        workbook.add_worksheet(),
        "Resources",
        &[
            ("Resource", 32.0),
            ("Id", 16.0),
            ("Type", 18.0),
            ("Team", 16.0),
            ("Capacity", 12.0),
            ("Allocated", 12.0),
            ("Remaining", 12.0),
            ("Unit", 8.0),
            ("Allocated %", 12.0),
            ("Over-allocated", 14.0),
        ],
        resources,
    )?;

    // Grouped by resource, in the order the resources come in the plan.
    let mut allocations: Vec<_> = report.allocations.iter().enumerate().collect();
    let first_of = |id: &str| {
        report
            .allocations
            .iter()
            .position(|allocation| allocation.resource == id)
    };
    allocations.sort_by_key(|(at, allocation)| (first_of(&allocation.resource), *at));
    let allocations = allocations
        .into_iter()
        .map(|(_, allocation)| {
            vec![
                text(&allocation.resource_title),
                text(&allocation.resource),
                optional(allocation.resource_type.map(|ty| ty.label())),
                text(&allocation.to_title),
                text(&allocation.to),
                text(allocation.to_kind.label()),
                Cell::Number(allocation.amount),
                optional(allocation.unit.as_deref()),
                yes_no(allocation.counting),
                optional(allocation.why.as_deref()),
            ]
        })
        .collect();
    table_sheet(
        workbook.add_worksheet(),
        "Allocations",
        &[
            ("Resource", 32.0),
            ("Resource id", 16.0),
            ("Type", 18.0),
            ("Given to", 36.0),
            ("Given to id", 16.0),
            ("Given to kind", 14.0),
            ("Amount", 12.0),
            ("Unit", 8.0),
            ("Counts", 8.0),
            ("Why", 50.0),
        ],
        allocations,
    )?;

    let traced = goals_traced(&report.plan);
    let nodes = report
        .plan
        .nodes
        .iter()
        .zip(traced)
        .map(|(node, (goals, more))| {
            let mut reaches = goals.join("; ");
            if more {
                reaches.push_str("; and more");
            }
            vec![
                text(&node.title),
                text(&node.id),
                text(node.kind.label()),
                text(node.status.as_str()),
                optional(node.team.as_deref()),
                optional(node.owner.as_deref()),
                node.target_date.map_or(Cell::Empty, Cell::Date),
                if reaches.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(reaches)
                },
            ]
        })
        .collect();
    table_sheet(
        workbook.add_worksheet(),
        "Nodes",
        &[
            ("Title", 40.0),
            ("Id", 16.0),
            ("Kind", 18.0),
            ("Status", 10.0),
            ("Team", 16.0),
            ("Owner", 18.0),
            ("Target date", 12.0),
            ("Traces up to (organizational goals)", 60.0),
        ],
        nodes,
    )?;

    workbook.save_to_buffer()
}

fn summary_sheet(sheet: &mut Worksheet, report: &Report) -> std::result::Result<(), XlsxError> {
    sheet.set_name("Summary")?;
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    sheet.set_column_width(0, 28.0)?;
    sheet.set_column_width(1, 70.0)?;
    sheet.write_string_with_format(
        0,
        0,
        format!("Alignment report: {}", report.plan_name),
        &title,
    )?;
    let mut lines: Vec<(String, String)> = vec![
        ("As of".to_owned(), report.as_of.to_string()),
        (
            "Alignment score".to_owned(),
            format!("{} ({})", report.score_text, report.score_counts_text),
        ),
        (String::new(), report.score_sentence.to_owned()),
    ];
    if let Some(team) = &report.team {
        lines.insert(0, ("Team".to_owned(), team.clone()));
    }
    lines.push((
        "Findings".to_owned(),
        format!(
            "{} errors, {} warnings, {} info",
            report.summary.error, report.summary.warning, report.summary.info
        ),
    ));
    for count in &report.kind_counts {
        lines.push((count.label.to_owned(), count.count.to_string()));
    }
    for (at, (label, value)) in lines.iter().enumerate() {
        let row = at as u32 + 2;
        sheet.write_string_with_format(row, 0, label, &bold)?;
        sheet.write_string(row, 1, value)?;
    }
    Ok(())
}

/// A sheet holding one table: header frozen, a filter on every column.
fn table_sheet(
    sheet: &mut Worksheet,
    name: &str,
    headers: &[Header],
    rows: Vec<Vec<Cell>>,
) -> std::result::Result<(), XlsxError> {
    sheet.set_name(name)?;
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let wrap = Format::new().set_text_wrap();
    // Amounts read as people write them: 1,200,000 and 12.50, not 1200000.
    let whole = Format::new().set_num_format("#,##0");
    let fraction = Format::new().set_num_format("#,##0.00");
    for (row, cells) in rows.iter().enumerate() {
        let row = row as u32 + 1;
        for (column, cell) in cells.iter().enumerate() {
            let column = column as u16;
            match cell {
                Cell::Text(value) if headers[usize::from(column)].1 >= 50.0 => {
                    sheet.write_string_with_format(row, column, value, &wrap)?;
                }
                Cell::Text(value) => {
                    sheet.write_string(row, column, value)?;
                }
                Cell::Number(value) => {
                    let format = if value.fract() == 0.0 {
                        &whole
                    } else {
                        &fraction
                    };
                    sheet.write_number_with_format(row, column, *value, format)?;
                }
                Cell::Date(day) => {
                    let day = ExcelDateTime::from_ymd(
                        day.year() as u16,
                        day.month() as u8,
                        day.day() as u8,
                    )?;
                    sheet.write_datetime_with_format(row, column, &day, &date)?;
                }
                Cell::Empty => {}
            }
        }
    }
    for (column, (_, width)) in headers.iter().enumerate() {
        sheet.set_column_width(column as u16, *width)?;
    }
    let columns: Vec<TableColumn> = headers
        .iter()
        .map(|(header, _)| TableColumn::new().set_header(*header))
        .collect();
    let table = Table::new()
        .set_name(name)
        .set_style(TableStyle::Medium2)
        .set_columns(&columns);
    // A table needs a row below its header, even when the list is empty.
    let last_row = rows.len().max(1) as u32;
    sheet.add_table(0, 0, last_row, headers.len() as u16 - 1, &table)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}
