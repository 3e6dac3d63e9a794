use std::path::Path;

use super::*;
use crate::model::{NodeKind, Plan};

fn write(folder: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = folder.join(name);
    std::fs::write(&path, bytes).expect("the test file is written");
    path
}

fn import_error(path: &Path) -> String {
    match import_file(path) {
        Ok(_) => panic!("{} should be refused", path.display()),
        Err(error) => error.to_string(),
    }
}

#[test]
fn the_xlsx_template_reads_back_as_its_example_plan() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = write(
        folder.path(),
        "template.xlsx",
        &template_xlsx().expect("the template renders"),
    );
    let (plan, summary) = import_file(&path).expect("the template imports");
    assert_eq!(plan.to_plan(), example_plan());
    assert_eq!(summary.node_count(), 5);
    for kind in NodeKind::ALL {
        assert_eq!(
            summary.nodes.get(&kind),
            Some(&1),
            "one example row of {kind:?}"
        );
    }
    assert_eq!((summary.supports, summary.allocates), (3, 1));
}

#[test]
fn the_csv_template_reads_back_as_its_example_plan_named_after_the_file() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let (nodes, allocations) = template_csv().expect("the template renders");
    let path = write(folder.path(), "New plan.csv", &nodes);
    write(folder.path(), "New plan-allocations.csv", &allocations);
    let (plan, _) = import_file(&path).expect("the template imports");
    assert_eq!(plan.to_plan(), example_plan());
}

fn csv_with_row(row: &str) -> String {
    let header = layout::NODE_COLUMNS
        .iter()
        .map(|column| column.header)
        .collect::<Vec<_>>()
        .join(",");
    format!("{header}\nG1,org_goal,Grow,,,,active,,,,,,,\n{row}\n")
}

#[test]
fn a_bad_status_is_named_by_its_cell() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = write(
        folder.path(),
        "plan.csv",
        csv_with_row("T1,team_goal,Serve,,,,actve,,,G1,,,,").as_bytes(),
    );
    assert_eq!(
        import_error(&path),
        "plan.csv!G3: status \"actve\" is not one of proposed, active, done, dropped"
    );
}

#[test]
fn a_field_rule_is_named_by_the_fields_cell() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = write(
        folder.path(),
        "plan.csv",
        csv_with_row("T1,team_goal,Serve,,,,active,,,G1,,12,,").as_bytes(),
    );
    let message = import_error(&path);
    assert!(
        message.starts_with("plan.csv!L3: capacity: only resources"),
        "{message}"
    );
}

#[test]
fn a_link_to_an_unknown_id_is_named_by_the_supports_cell() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = write(
        folder.path(),
        "plan.csv",
        csv_with_row("T1,team_goal,Serve,,,,active,,,\"G1, G9\",,,,").as_bytes(),
    );
    assert_eq!(
        import_error(&path),
        "plan.csv!J3: supports \"G9\", but no row has that id"
    );
}

#[test]
fn empty_rows_between_rows_are_passed_over_and_counted() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = write(
        folder.path(),
        "plan.csv",
        csv_with_row(",,,,,,,,,,,,,\nT1,team_goal,Serve,,,,,,,G1,,,,\n,,,,,,,,,,,,,").as_bytes(),
    );
    let (plan, summary) = import_file(&path).expect("imports");
    assert_eq!(plan.node_count(), 2);
    assert_eq!(
        summary.empty_rows, 1,
        "the trailing empty row is not counted"
    );
    let expected = Plan::new("plan");
    assert_eq!(plan.name(), expected.name);
}

#[test]
fn an_allocation_the_rules_refuse_is_named_by_its_cell() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = write(
        folder.path(),
        "plan.csv",
        csv_with_row("R1,resource,Budget,,,,,,,,funding,100,EUR,").as_bytes(),
    );
    let allocations = write(
        folder.path(),
        "plan-allocations.csv",
        b"resource,to,amount\nR1,G1,10\n",
    );
    let message = import_error(&path);
    assert!(
        message.starts_with("plan-allocations.csv!B2: "),
        "{message}"
    );
    assert!(
        message.contains("cannot allocate to an organizational goal"),
        "{message}"
    );
    std::fs::write(&allocations, "resource,to,amount\nR1,G1,-5\n").expect("rewritten");
    let message = import_error(&path);
    assert!(
        message.starts_with("plan-allocations.csv!C2: "),
        "{message}"
    );
}
