//! The XLSX report of the sample plan, read back with calamine and looked into as a
//! zip: its sheets, real tables with filters, frozen headers, and the figures of the
//! report's content.

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use throughline_core::PlanGraph;
use throughline_core::model::{Link, Node, NodeKind, Plan};
use throughline_core::report::{Report, ReportFormat, ReportOptions, render};
use throughline_core::sample::sample_plan;

const TABLE_SHEETS: [&str; 4] = ["Findings", "Resources", "Allocations", "Nodes"];

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date")
}

fn workbook(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("the report opens as a workbook")
}

fn rows(workbook: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> Vec<Vec<String>> {
    let range = workbook.worksheet_range(sheet).expect("the sheet exists");
    range
        .rows()
        .map(|row| row.iter().map(|cell| cell.to_string()).collect())
        .collect()
}

/// A part of the XLSX package, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("an XLSX is a zip");
    let mut text = String::new();
    archive
        .by_name(name)
        .expect("the part exists")
        .read_to_string(&mut text)
        .expect("the part is text");
    text
}

#[test]
fn every_list_is_a_filtered_table_under_a_frozen_header() {
    let bytes = render(
        ReportFormat::Xlsx,
        &sample_plan(),
        &ReportOptions::new(as_of()),
    )
    .expect("the sample renders as XLSX");
    let mut book = workbook(&bytes);
    let mut expected = vec!["Summary"];
    expected.extend(TABLE_SHEETS);
    assert_eq!(book.sheet_names(), expected);
    book.load_tables().expect("the tables load");
    let mut tables = book.table_names();
    tables.sort();
    let mut expected_tables = TABLE_SHEETS.to_vec();
    expected_tables.sort();
    assert_eq!(tables, expected_tables.iter().collect::<Vec<_>>());
    for (at, sheet) in TABLE_SHEETS.iter().enumerate() {
        let xml = part(&bytes, &format!("xl/worksheets/sheet{}.xml", at + 2));
        assert!(
            xml.contains(r#"state="frozen""#) && xml.contains(r#"ySplit="1""#),
            "{sheet}: the header row should be frozen"
        );
        let table = part(&bytes, &format!("xl/tables/table{}.xml", at + 1));
        assert!(
            table.contains("<autoFilter"),
            "{sheet}: the table should have filters"
        );
    }
}

#[test]
fn the_sheets_hold_the_reports_findings_allocations_and_traces() {
    let plan = sample_plan();
    let options = ReportOptions::new(as_of());
    let report = Report::build(&plan, &options).expect("the sample builds");
    let bytes = render(ReportFormat::Xlsx, &plan, &options).expect("renders");
    let mut book = workbook(&bytes);

    let summary = rows(&mut book, "Summary");
    assert!(summary[0][0].contains(&report.plan_name));
    assert!(
        summary
            .iter()
            .any(|row| row[0] == "As of" && row[1] == "2026-11-23")
    );
    assert!(
        summary
            .iter()
            .any(|row| row[0] == "Alignment score" && row[1].starts_with(&report.score_text))
    );

    let findings = rows(&mut book, "Findings");
    assert_eq!(findings[0][..3], ["Severity", "Rule", "Title"]);
    assert_eq!(findings.len() - 1, report.finding_count());

    let allocations = rows(&mut book, "Allocations");
    assert_eq!(allocations.len() - 1, report.allocations.len());
    // Per resource: once a resource's rows end, it does not come back.
    let mut seen = Vec::new();
    for row in &allocations[1..] {
        if seen.last() != Some(&row[1]) {
            assert!(!seen.contains(&row[1]), "{} is split up", row[1]);
            seen.push(row[1].clone());
        }
    }

    let nodes = rows(&mut book, "Nodes");
    assert_eq!(nodes.len() - 1, plan.node_count(), "every node has a row");
    let team_goal = plan
        .nodes()
        .find(|node| node.kind == NodeKind::TeamGoal && !plan.links_of(&node.id).is_empty())
        .expect("the sample has a linked team goal");
    let row = nodes
        .iter()
        .find(|row| row[1] == team_goal.id)
        .expect("the team goal has a row");
    assert!(
        !row[7].is_empty(),
        "{} traces up to an organizational goal: {row:?}",
        team_goal.id
    );
    let goal_titles: Vec<&str> = plan
        .nodes()
        .filter(|node| node.kind == NodeKind::OrgGoal)
        .map(|node| node.title.as_str())
        .collect();
    assert!(
        row[7].split("; ").all(|title| goal_titles.contains(&title)),
        "{:?} names organizational goals by their titles",
        row[7]
    );
}

#[test]
fn titles_that_look_like_formulas_are_text() {
    let mut plan = Plan::new("Hostile");
    plan.nodes = vec![
        Node::new("G1", NodeKind::OrgGoal, "=HYPERLINK(\"http://x\",\"y\")"),
        Node::new("T1", NodeKind::TeamGoal, "+1"),
    ];
    plan.links = vec![Link::supports("T1", "G1")];
    let plan = PlanGraph::from_plan(plan).expect("valid");
    let bytes = render(ReportFormat::Xlsx, &plan, &ReportOptions::new(as_of())).expect("renders");
    let mut book = workbook(&bytes);
    let formulas = book.worksheet_formula("Nodes").expect("the sheet exists");
    assert!(
        formulas
            .used_cells()
            .all(|(_, _, formula)| formula.is_empty())
    );
    let range = book.worksheet_range("Nodes").expect("the sheet exists");
    assert_eq!(
        range.get((1, 0)),
        Some(&Data::String("=HYPERLINK(\"http://x\",\"y\")".to_owned()))
    );
}
