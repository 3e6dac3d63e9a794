//! `throughline import` of XLSX, ODS and CSV, `throughline template` and
//! `throughline report --format xlsx`, through the binary on real files: workbooks are
//! filled in here with rust_xlsxwriter (as a planner's spreadsheet program would),
//! an ODS file is written as LibreOffice lays one out, and reports are read back with
//! calamine.

mod common;

use std::io::{Cursor, Write};
use std::path::Path;

use calamine::{Reader, Xlsx, open_workbook_from_rs};
use rust_xlsxwriter::{ExcelDateTime, Formula, Workbook};
use serde_json::{Value, json};
use tempfile::TempDir;

use common::{AS_OF, run};

/// The Plan sheet's headers as the template writes them, read from the template.
fn template_headers(dir: &Path) -> Vec<String> {
    let written = run(dir, &["template", "-o", "template.xlsx"]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    let bytes = std::fs::read(dir.join("template.xlsx")).expect("the template is written");
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("opens");
    let range = book.worksheet_range("Plan").expect("a Plan sheet");
    range
        .rows()
        .next()
        .expect("a header row")
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// What a cell of a filled-in row holds.
#[derive(Clone, Copy)]
enum Cell<'a> {
    Text(&'a str),
    Number(f64),
    Date(u16, u8, u8),
    Formula(&'a str),
}

/// A workbook in the template's layout holding `rows` (by header) and `allocations`.
fn fill(
    path: &Path,
    headers: &[String],
    rows: &[Vec<(&str, Cell<'_>)>],
    allocations: &[(&str, &str, f64)],
) {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Plan").expect("name");
    for (at, header) in headers.iter().enumerate() {
        sheet.write_string(0, at as u16, header).expect("header");
    }
    for (row, cells) in rows.iter().enumerate() {
        let row = row as u32 + 1;
        for (header, cell) in cells {
            let Some(at) = headers.iter().position(|h| h == header) else {
                continue;
            };
            let at = at as u16;
            match *cell {
                Cell::Text(text) => {
                    sheet.write_string(row, at, text).expect("text");
                }
                Cell::Number(number) => {
                    sheet.write_number(row, at, number).expect("number");
                }
                Cell::Date(y, m, d) => {
                    let date = ExcelDateTime::from_ymd(y, m, d).expect("a date");
                    let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
                    sheet
                        .write_datetime_with_format(row, at, &date, &format)
                        .expect("date");
                }
                Cell::Formula(formula) => {
                    sheet
                        .write_formula(row, at, Formula::new(formula))
                        .expect("formula");
                }
            }
        }
    }
    let sheet = workbook.add_worksheet();
    sheet.set_name("Allocations").expect("name");
    for (at, header) in ["resource", "to", "amount", "why"].iter().enumerate() {
        sheet.write_string(0, at as u16, *header).expect("header");
    }
    for (row, (from, to, amount)) in allocations.iter().enumerate() {
        let row = row as u32 + 1;
        sheet.write_string(row, 0, *from).expect("resource");
        sheet.write_string(row, 1, *to).expect("to");
        sheet.write_number(row, 2, *amount).expect("amount");
    }
    workbook.save(path).expect("the workbook is saved");
}

/// A small plan as a planner would fill in the template.
fn planner_rows() -> Vec<Vec<(&'static str, Cell<'static>)>> {
    vec![
        vec![
            ("id", Cell::Text("G-GROW")),
            ("kind", Cell::Text("org_goal")),
            ("title", Cell::Text("Grow recurring revenue")),
            ("why", Cell::Text("Recurring revenue funds the long bets")),
            ("owner", Cell::Text("CEO")),
            ("status", Cell::Text("active")),
            ("target_date", Cell::Date(2027, 12, 31)),
            ("last_reviewed", Cell::Text("2026-10-01")),
        ],
        vec![
            ("id", Cell::Text("T-CHURN")),
            ("kind", Cell::Text("team_goal")),
            ("title", Cell::Text("Halve churn")),
            ("team", Cell::Text("Customer success")),
            ("supports", Cell::Text("G-GROW")),
            ("last_reviewed", Cell::Date(2026, 9, 15)),
        ],
        vec![
            ("id", Cell::Number(2027.0)),
            ("kind", Cell::Text("initiative")),
            (
                "title",
                Cell::Text("Onboarding calls for every new customer"),
            ),
            ("status", Cell::Text("proposed")),
            ("supports", Cell::Text("T-CHURN; G-GROW")),
        ],
        vec![
            ("id", Cell::Text("R-CSM")),
            ("kind", Cell::Text("resource")),
            ("title", Cell::Text("Customer success managers' time")),
            ("resource_type", Cell::Text("time")),
            ("capacity", Cell::Number(400.0)),
            ("unit", Cell::Text("days")),
        ],
    ]
}

fn import(dir: &Path, file: &str) -> common::Run {
    run(dir, &["import", file, "-o", "plan.throughline"])
}

fn exported_plan(dir: &Path) -> Value {
    let exported = run(dir, &["export", "plan.throughline", "-o", "plan.json"]);
    assert_eq!(exported.code, 0, "{}", exported.stderr);
    let text = std::fs::read_to_string(dir.join("plan.json")).expect("plan.json written");
    serde_json::from_str(&text).expect("JSON")
}

#[test]
fn a_filled_in_template_imports_as_the_plan_it_describes() {
    let dir = TempDir::new().expect("temp dir");
    let headers = template_headers(dir.path());
    fill(
        &dir.path().join("Q3 plan.xlsx"),
        &headers,
        &planner_rows(),
        &[("R-CSM", "2027", 120.0)],
    );
    let imported = import(dir.path(), "Q3 plan.xlsx");
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    assert!(
        imported
            .stderr
            .contains("4 nodes (1 organizational goal, 1 team goal, 1 initiative, 1 resource)")
            && imported.stderr.contains("3 supports, 1 allocates"),
        "{}",
        imported.stderr
    );
    let plan = exported_plan(dir.path());
    assert_eq!(
        plan,
        json!({
            "format": "throughline-plan",
            "version": 1,
            "name": "Q3 plan",
            "review_cadence_days": 90,
            "nodes": [
                {"id": "G-GROW", "kind": "org_goal", "title": "Grow recurring revenue",
                 "why": "Recurring revenue funds the long bets", "owner": "CEO", "status": "active",
                 "target_date": "2027-12-31", "last_reviewed": "2026-10-01"},
                {"id": "T-CHURN", "kind": "team_goal", "title": "Halve churn",
                 "team": "Customer success", "status": "active", "last_reviewed": "2026-09-15"},
                {"id": "2027", "kind": "initiative", "title": "Onboarding calls for every new customer",
                 "status": "proposed"},
                {"id": "R-CSM", "kind": "resource", "title": "Customer success managers' time",
                 "status": "active", "resource_type": "time", "capacity": 400.0, "unit": "days"}
            ],
            "links": [
                {"kind": "supports", "from": "T-CHURN", "to": "G-GROW"},
                {"kind": "supports", "from": "2027", "to": "T-CHURN"},
                {"kind": "supports", "from": "2027", "to": "G-GROW"},
                {"kind": "allocates", "from": "R-CSM", "to": "2027", "amount": 120.0}
            ]
        })
    );
}

#[test]
fn the_template_itself_imports_as_its_worked_example() {
    let dir = TempDir::new().expect("temp dir");
    template_headers(dir.path());
    let imported = import(dir.path(), "template.xlsx");
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    let plan = exported_plan(dir.path());
    let kinds: Vec<&str> = plan["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|node| node["kind"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        kinds,
        [
            "org_goal",
            "team_goal",
            "strategy",
            "initiative",
            "resource"
        ]
    );
    assert_eq!(
        plan["name"], "New plan",
        "the Settings sheet names the plan"
    );
    let checked = run(dir.path(), &["check", "plan.throughline", "--as-of", AS_OF]);
    assert_eq!(
        checked.code, 0,
        "the example is a plan without errors: {}",
        checked.stdout
    );
}

#[test]
fn the_csv_template_is_two_files_that_import_together() {
    let dir = TempDir::new().expect("temp dir");
    let written = run(dir.path(), &["template", "-o", "plan.csv"]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    assert!(dir.path().join("plan-allocations.csv").exists());
    let header = std::fs::read_to_string(dir.path().join("plan.csv")).expect("written");
    assert!(header.starts_with("id,kind,title,why,owner,team,status,target_date,last_reviewed,supports,resource_type,capacity,unit,notes\n"), "{header}");
    let imported = import(dir.path(), "plan.csv");
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    let plan = exported_plan(dir.path());
    assert_eq!(plan["name"], "plan", "a CSV plan is named after its file");
    assert_eq!(plan["nodes"].as_array().map(Vec::len), Some(5));
    let allocations = plan["links"]
        .as_array()
        .expect("links")
        .iter()
        .filter(|link| link["kind"] == "allocates")
        .count();
    assert_eq!(allocations, 1, "the allocations file beside it is read");
}

/// An ODS file as LibreOffice lays one out: the mimetype first and stored, a manifest,
/// and the sheets in content.xml.
fn write_ods(path: &Path, sheets: &[(&str, &[&[&str]])]) {
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
    );
    for (name, rows) in sheets {
        content.push_str(&format!(r#"<table:table table:name="{name}">"#));
        for row in *rows {
            content.push_str("<table:table-row>");
            for cell in *row {
                if cell.is_empty() {
                    content.push_str("<table:table-cell/>");
                } else {
                    content.push_str(&format!(
                        r#"<table:table-cell office:value-type="string"><text:p>{cell}</text:p></table:table-cell>"#
                    ));
                }
            }
            content.push_str("</table:table-row>");
        }
        content.push_str("</table:table>");
    }
    content.push_str("</office:spreadsheet></office:body></office:document-content>");
    let file = std::fs::File::create(path).expect("create");
    let mut zip = zip::ZipWriter::new(file);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).expect("mimetype");
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .expect("write");
    zip.start_file("META-INF/manifest.xml", stored)
        .expect("manifest");
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).expect("write");
    zip.start_file("content.xml", stored).expect("content");
    zip.write_all(content.as_bytes()).expect("write");
    zip.finish().expect("the ODS file is written");
}

const HEADER: &[&str] = &[
    "id",
    "kind",
    "title",
    "why",
    "owner",
    "team",
    "status",
    "target_date",
    "last_reviewed",
    "supports",
    "resource_type",
    "capacity",
    "unit",
];

#[test]
fn an_ods_workbook_imports_like_an_xlsx_one() {
    let dir = TempDir::new().expect("temp dir");
    write_ods(
        &dir.path().join("plan.ods"),
        &[
            (
                "Plan",
                &[
                    HEADER,
                    &[
                        "G1",
                        "org_goal",
                        "Grow",
                        "",
                        "",
                        "",
                        "",
                        "2027-12-31",
                        "",
                        "",
                        "",
                        "",
                        "",
                    ],
                    &[
                        "S1",
                        "strategy",
                        "Sell more",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "G1",
                        "",
                        "",
                        "",
                    ],
                ],
            ),
            ("Allocations", &[&["resource", "to", "amount"]]),
        ],
    );
    let imported = import(dir.path(), "plan.ods");
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    assert!(
        imported.stderr.contains("ODS workbook"),
        "{}",
        imported.stderr
    );
    let plan = exported_plan(dir.path());
    assert_eq!(plan["nodes"][0]["target_date"], "2027-12-31");
    assert_eq!(
        plan["links"],
        json!([{"kind": "supports", "from": "S1", "to": "G1"}])
    );
}

#[test]
fn an_xlsx_report_holds_findings_allocations_and_traces_as_tables() {
    let dir = TempDir::new().expect("temp dir");
    assert_eq!(
        run(dir.path(), &["demo", "-o", "sample.throughline"]).code,
        0
    );
    let written = run(
        dir.path(),
        &[
            "report",
            "sample.throughline",
            "-o",
            "board.xlsx",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(written.code, 0, "{}", written.stderr);
    let bytes = std::fs::read(dir.path().join("board.xlsx")).expect("the report is written");
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("opens");
    assert_eq!(
        book.sheet_names(),
        ["Summary", "Findings", "Resources", "Allocations", "Nodes"]
    );
    book.load_tables().expect("tables");
    assert_eq!(book.table_names().len(), 4);
    let checked = run(
        dir.path(),
        &[
            "check",
            "sample.throughline",
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
    );
    let analysis: Value = serde_json::from_str(&checked.stdout).expect("JSON");
    let findings = book.worksheet_range("Findings").expect("a Findings sheet");
    assert_eq!(
        findings.height() - 1,
        analysis["findings"].as_array().map_or(0, Vec::len),
        "one row per finding under the header"
    );
    // `--format xlsx` wins over the name.
    let forced = run(
        dir.path(),
        &[
            "report",
            "sample.throughline",
            "-o",
            "board.dat",
            "--format",
            "xlsx",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert!(
        std::fs::read(dir.path().join("board.dat"))
            .expect("written")
            .starts_with(b"PK")
    );
}

/// Imports `file` and expects exit 2 with `place` in the message, and no plan file.
fn refused(dir: &Path, file: &str, place: &str) -> String {
    let imported = import(dir, file);
    assert_eq!(
        imported.code, 2,
        "{file} should be refused: {}",
        imported.stderr
    );
    assert!(
        imported.stderr.contains(place),
        "the message should name {place}: {}",
        imported.stderr
    );
    assert!(
        !dir.join("plan.throughline").exists(),
        "a refused import creates no file"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .expect("listable")
        .flatten()
        .filter(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .contains("plan.throughline")
        })
        .collect();
    assert!(
        leftovers.is_empty(),
        "nothing is left behind: {leftovers:?}"
    );
    imported.stderr
}

/// The planner's rows with one cell of row `row` (0 is the first under the header) changed.
fn with_cell(
    row: usize,
    header: &'static str,
    cell: Cell<'static>,
) -> Vec<Vec<(&'static str, Cell<'static>)>> {
    let mut rows = planner_rows();
    rows[row].retain(|(h, _)| *h != header);
    rows[row].push((header, cell));
    rows
}

#[test]
fn a_bad_status_is_refused_naming_sheet_row_and_column() {
    let dir = TempDir::new().expect("temp dir");
    let headers = template_headers(dir.path());
    fill(
        &dir.path().join("bad.xlsx"),
        &headers,
        &with_cell(1, "status", Cell::Text("actve")),
        &[],
    );
    let message = refused(dir.path(), "bad.xlsx", "Plan!G3");
    assert!(
        message
            .contains(r#"Plan!G3: status "actve" is not one of proposed, active, done, dropped"#),
        "{message}"
    );
}

#[test]
fn an_unknown_kind_is_refused_at_its_cell() {
    let dir = TempDir::new().expect("temp dir");
    let headers = template_headers(dir.path());
    fill(
        &dir.path().join("bad.xlsx"),
        &headers,
        &with_cell(0, "kind", Cell::Text("goal")),
        &[],
    );
    let message = refused(dir.path(), "bad.xlsx", "Plan!B2");
    assert!(
        message.contains("kind \"goal\" is not one of org_goal, team_goal"),
        "{message}"
    );
}

#[test]
fn an_id_used_twice_is_refused_at_the_second_row() {
    let dir = TempDir::new().expect("temp dir");
    let headers = template_headers(dir.path());
    fill(
        &dir.path().join("bad.xlsx"),
        &headers,
        &with_cell(1, "id", Cell::Text("G-GROW")),
        &[],
    );
    let message = refused(dir.path(), "bad.xlsx", "Plan!A3");
    assert!(message.contains("already used on row 2"), "{message}");
}

#[test]
fn a_formula_is_refused_at_its_cell() {
    let dir = TempDir::new().expect("temp dir");
    let headers = template_headers(dir.path());
    fill(
        &dir.path().join("bad.xlsx"),
        &headers,
        &with_cell(1, "title", Cell::Formula("=UPPER(\"halve churn\")")),
        &[],
    );
    let message = refused(dir.path(), "bad.xlsx", "Plan!C3");
    assert!(message.contains("formula"), "{message}");
}

#[test]
fn a_date_in_a_text_cell_is_refused_at_its_cell() {
    let dir = TempDir::new().expect("temp dir");
    let headers = template_headers(dir.path());
    fill(
        &dir.path().join("bad.xlsx"),
        &headers,
        &with_cell(0, "owner", Cell::Date(2026, 3, 1)),
        &[],
    );
    let message = refused(dir.path(), "bad.xlsx", "Plan!E2");
    assert!(message.contains("the date 2026-03-01"), "{message}");
}

#[test]
fn a_sheet_without_a_column_is_refused_naming_the_column() {
    let dir = TempDir::new().expect("temp dir");
    let headers: Vec<String> = template_headers(dir.path())
        .into_iter()
        .filter(|header| header != "status")
        .collect();
    fill(&dir.path().join("bad.xlsx"), &headers, &planner_rows(), &[]);
    let message = refused(dir.path(), "bad.xlsx", "Plan row 1");
    assert!(message.contains("missing column status"), "{message}");
}

#[test]
fn a_truncated_workbook_is_refused() {
    let dir = TempDir::new().expect("temp dir");
    template_headers(dir.path());
    let bytes = std::fs::read(dir.path().join("template.xlsx")).expect("written");
    std::fs::write(dir.path().join("cut.xlsx"), &bytes[..bytes.len() / 2]).expect("write");
    let message = refused(dir.path(), "cut.xlsx", "cut.xlsx");
    assert!(
        message.contains("cannot be read as an XLSX workbook"),
        "{message}"
    );
}

#[test]
fn xml_that_is_not_archimate_is_refused() {
    let dir = TempDir::new().expect("temp dir");
    std::fs::write(
        dir.path().join("page.xml"),
        "<?xml version=\"1.0\"?>\n<html><body>not a model</body></html>\n",
    )
    .expect("write");
    let message = refused(dir.path(), "page.xml", "page.xml");
    assert!(
        message.contains("not an ArchiMate exchange file"),
        "{message}"
    );
}

#[test]
fn an_allocation_to_an_unknown_id_is_refused_at_its_cell() {
    let dir = TempDir::new().expect("temp dir");
    let headers = template_headers(dir.path());
    fill(
        &dir.path().join("bad.xlsx"),
        &headers,
        &planner_rows(),
        &[("R-CSM", "I-NONE", 5.0)],
    );
    let message = refused(dir.path(), "bad.xlsx", "Allocations!B2");
    assert!(
        message.contains("\"I-NONE\" is not the id of any row"),
        "{message}"
    );
}

#[test]
fn the_template_is_not_written_over_an_existing_file_without_force() {
    let dir = TempDir::new().expect("temp dir");
    std::fs::write(dir.path().join("mine.xlsx"), "someone's work").expect("write");
    let written = run(dir.path(), &["template", "-o", "mine.xlsx"]);
    assert_eq!(written.code, 2);
    assert!(
        written.stderr.contains("already exists"),
        "{}",
        written.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mine.xlsx")).expect("kept"),
        "someone's work"
    );
    let wrong = run(dir.path(), &["template", "-o", "plan.txt"]);
    assert_eq!(wrong.code, 2);
    assert!(wrong.stderr.contains("*.xlsx or *.csv"), "{}", wrong.stderr);
}
