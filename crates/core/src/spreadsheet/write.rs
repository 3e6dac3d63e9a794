//! The spreadsheet template: the layout's sheets with their headers, lists to pick the
//! kinds, statuses and resource types from, and one worked example row of each kind
//! (written from [`example_plan`], so the template reads back as that plan).

use chrono::Datelike;
use rust_xlsxwriter::{
    DataValidation, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::error::{Error, Result};
use crate::model::{Link, LinkKind, Node, NodeKind, Plan, ResourceType, Status};

use super::cells::number_text;
use super::layout::{
    ALLOCATION_COLUMNS, ALLOCATIONS_SHEET, Column, NODE_COLUMNS, PLAN_SHEET, SETTING_COLUMNS,
    SETTING_NAME, SETTING_REVIEW_CADENCE, SETTINGS_SHEET,
};

/// How many rows below the header the template's pick lists cover.
const ROWS_WITH_LISTS: u32 = 2000;

/// The template's worked example: one node of each kind, linked as a plan links them,
/// and one allocation.
pub fn example_plan() -> Plan {
    let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
    let mut plan = Plan::new("New plan");
    plan.nodes = vec![
        Node {
            why: Some("Customers who stay cost a fifth of new ones".to_owned()),
            owner: Some("CEO".to_owned()),
            target_date: date(2027, 12, 31),
            last_reviewed: date(2026, 9, 1),
            ..Node::new("G-RETAIN", NodeKind::OrgGoal, "Keep customers for life")
        },
        Node {
            why: Some("A day's wait is when customers start to look elsewhere".to_owned()),
            owner: Some("Head of service".to_owned()),
            team: Some("Service desk".to_owned()),
            target_date: date(2027, 6, 30),
            last_reviewed: date(2026, 9, 1),
            ..Node::new(
                "T-ONE-DAY",
                NodeKind::TeamGoal,
                "Answer every request within a day",
            )
        },
        Node {
            why: Some("Most requests are password resets a customer can do alone".to_owned()),
            owner: Some("Service desk lead".to_owned()),
            team: Some("Service desk".to_owned()),
            last_reviewed: date(2026, 9, 1),
            ..Node::new("S-SELF-SERVICE", NodeKind::Strategy, "Self-service first")
        },
        Node {
            owner: Some("Portal project lead".to_owned()),
            team: Some("Digital".to_owned()),
            status: Status::Proposed,
            target_date: date(2027, 3, 31),
            notes: Some("Pilot with one region first".to_owned()),
            ..Node::new(
                "I-PORTAL",
                NodeKind::Initiative,
                "Launch the customer portal",
            )
        },
        Node {
            owner: Some("CFO".to_owned()),
            capacity: Some(250_000.0),
            unit: Some("EUR".to_owned()),
            ..Node::resource(
                "R-DIGITAL-BUDGET",
                ResourceType::Funding,
                "Digital budget 2027",
            )
        },
    ];
    plan.links = vec![
        Link::supports("T-ONE-DAY", "G-RETAIN"),
        Link::supports("S-SELF-SERVICE", "T-ONE-DAY"),
        Link::supports("I-PORTAL", "S-SELF-SERVICE"),
        Link {
            why: Some("the portal's build and first year of hosting".to_owned()),
            ..Link::allocates("R-DIGITAL-BUDGET", "I-PORTAL", 120_000.0)
        },
    ];
    plan
}

fn render_error(error: XlsxError) -> Error {
    Error::Render {
        format: "xlsx",
        detail: error.to_string(),
    }
}

/// The template as an XLSX workbook.
pub fn template_xlsx() -> Result<Vec<u8>> {
    plan_xlsx(&example_plan()).map_err(render_error)
}

/// A plan's nodes, allocations and settings in the template's layout.
fn plan_xlsx(plan: &Plan) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color("DDE5F0")
        .set_border_bottom(FormatBorder::Thin);
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let text = Format::new().set_num_format("@");

    let sheet = workbook.add_worksheet();
    sheet.set_name(PLAN_SHEET)?;
    write_header(sheet, &NODE_COLUMNS, &header)?;
    // Text columns are formatted as text, so that an id such as 2027-01 is not taken
    // for a date as it is typed; the date columns show dates as YYYY-MM-DD.
    for (at, column) in NODE_COLUMNS.iter().enumerate() {
        let format = match column.header {
            "target_date" | "last_reviewed" => &date,
            "capacity" => &Format::new(),
            _ => &text,
        };
        sheet.set_column_format(at as u16, format)?;
    }
    for (row, node) in plan.nodes.iter().enumerate() {
        let row = row as u32 + 1;
        let supports: Vec<&str> = plan
            .links
            .iter()
            .filter(|link| link.kind == LinkKind::Supports && link.from == node.id)
            .map(|link| link.to.as_str())
            .collect();
        for (at, column) in NODE_COLUMNS.iter().enumerate() {
            let at = at as u16;
            let value = match column.header {
                "id" => Some(node.id.clone()),
                "kind" => Some(node.kind.as_str().to_owned()),
                "title" => Some(node.title.clone()),
                "why" => node.why.clone(),
                "owner" => node.owner.clone(),
                "team" => node.team.clone(),
                "status" => Some(node.status.as_str().to_owned()),
                "supports" => (!supports.is_empty()).then(|| supports.join(", ")),
                "resource_type" => node.resource_type.map(|ty| ty.as_str().to_owned()),
                "unit" => node.unit.clone(),
                "notes" => node.notes.clone(),
                "target_date" | "last_reviewed" => {
                    let day = if column.header == "target_date" {
                        node.target_date
                    } else {
                        node.last_reviewed
                    };
                    if let Some(day) = day {
                        let cell = ExcelDateTime::from_ymd(
                            day.year() as u16,
                            day.month() as u8,
                            day.day() as u8,
                        )?;
                        sheet.write_datetime_with_format(row, at, &cell, &date)?;
                    }
                    None
                }
                "capacity" => {
                    if let Some(capacity) = node.capacity {
                        sheet.write_number(row, at, capacity)?;
                    }
                    None
                }
                _ => None,
            };
            if let Some(value) = value {
                sheet.write_string_with_format(row, at, value, &text)?;
            }
        }
    }
    add_list(
        sheet,
        &NODE_COLUMNS,
        "kind",
        &NodeKind::ALL.map(NodeKind::as_str),
    )?;
    add_list(
        sheet,
        &NODE_COLUMNS,
        "status",
        &Status::ALL.map(Status::as_str),
    )?;
    add_list(
        sheet,
        &NODE_COLUMNS,
        "resource_type",
        &ResourceType::ALL.map(ResourceType::as_str),
    )?;

    let sheet = workbook.add_worksheet();
    sheet.set_name(ALLOCATIONS_SHEET)?;
    write_header(sheet, &ALLOCATION_COLUMNS, &header)?;
    sheet.set_column_format(0, &text)?;
    sheet.set_column_format(1, &text)?;
    sheet.set_column_format(3, &text)?;
    let allocations = plan
        .links
        .iter()
        .filter(|link| link.kind == LinkKind::Allocates);
    for (row, link) in allocations.enumerate() {
        let row = row as u32 + 1;
        sheet.write_string_with_format(row, 0, &link.from, &text)?;
        sheet.write_string_with_format(row, 1, &link.to, &text)?;
        sheet.write_number(row, 2, link.amount.unwrap_or(0.0))?;
        if let Some(why) = &link.why {
            sheet.write_string_with_format(row, 3, why, &text)?;
        }
    }

    let sheet = workbook.add_worksheet();
    sheet.set_name(SETTINGS_SHEET)?;
    write_header(sheet, &SETTING_COLUMNS, &header)?;
    sheet.write_string(1, 0, SETTING_NAME)?;
    sheet.write_string_with_format(1, 1, &plan.name, &text)?;
    sheet.write_string(2, 0, SETTING_REVIEW_CADENCE)?;
    sheet.write_number(2, 1, f64::from(plan.review_cadence_days))?;

    workbook.save_to_buffer()
}

/// The header row, bold and frozen, with a filter over the columns.
fn write_header(
    sheet: &mut Worksheet,
    columns: &[Column],
    format: &Format,
) -> std::result::Result<(), XlsxError> {
    for (at, column) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, at as u16, column.header, format)?;
        sheet.set_column_width(at as u16, column.width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, ROWS_WITH_LISTS, columns.len() as u16 - 1)?;
    Ok(())
}

/// A pick list on column `header`, refusing anything else typed there.
fn add_list(
    sheet: &mut Worksheet,
    columns: &[Column],
    header: &str,
    allowed: &[&str],
) -> std::result::Result<(), XlsxError> {
    let Some(at) = columns.iter().position(|column| column.header == header) else {
        return Ok(());
    };
    let validation = DataValidation::new()
        .allow_list_strings(allowed)?
        .set_error_title(format!("Not a {}", header.replace('_', " ")))?
        .set_error_message(format!("Choose one of: {}.", allowed.join(", ")))?;
    sheet.add_data_validation(1, at as u16, ROWS_WITH_LISTS, at as u16, &validation)?;
    Ok(())
}

/// The template as CSV: the nodes file, and the allocations file that goes beside it.
pub fn template_csv() -> Result<(Vec<u8>, Vec<u8>)> {
    let plan = example_plan();
    let fail = |error: csv::Error| Error::Render {
        format: "csv",
        detail: error.to_string(),
    };
    let mut nodes = csv::Writer::from_writer(Vec::new());
    nodes
        .write_record(NODE_COLUMNS.iter().map(|column| column.header))
        .map_err(fail)?;
    for node in &plan.nodes {
        let supports: Vec<&str> = plan
            .links
            .iter()
            .filter(|link| link.kind == LinkKind::Supports && link.from == node.id)
            .map(|link| link.to.as_str())
            .collect();
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        let day =
            |value: Option<chrono::NaiveDate>| value.map(|d| d.to_string()).unwrap_or_default();
        nodes
            .write_record([
                node.id.clone(),
                node.kind.as_str().to_owned(),
                node.title.clone(),
                text(&node.why),
                text(&node.owner),
                text(&node.team),
                node.status.as_str().to_owned(),
                day(node.target_date),
                day(node.last_reviewed),
                supports.join(", "),
                node.resource_type
                    .map(|ty| ty.as_str().to_owned())
                    .unwrap_or_default(),
                node.capacity.map(number_text).unwrap_or_default(),
                text(&node.unit),
                text(&node.notes),
            ])
            .map_err(fail)?;
    }
    let mut allocations = csv::Writer::from_writer(Vec::new());
    allocations
        .write_record(ALLOCATION_COLUMNS.iter().map(|column| column.header))
        .map_err(fail)?;
    for link in plan
        .links
        .iter()
        .filter(|link| link.kind == LinkKind::Allocates)
    {
        allocations
            .write_record([
                link.from.clone(),
                link.to.clone(),
                number_text(link.amount.unwrap_or(0.0)),
                link.why.clone().unwrap_or_default(),
            ])
            .map_err(fail)?;
    }
    let done = |writer: csv::Writer<Vec<u8>>| {
        writer.into_inner().map_err(|error| Error::Render {
            format: "csv",
            detail: error.to_string(),
        })
    };
    Ok((done(nodes)?, done(allocations)?))
}
