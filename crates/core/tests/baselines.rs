//! Baselines kept in the plan file: taken, listed, read back as plans and removed;
//! unchanged by later edits, kept through a restart, a "save a copy as" and the plan
//! being replaced by another (an import onto its file); and an
//! older plan file gains the table when opened for editing, never when only read.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::Connection;
use throughline_core::store::{
    APPLICATION_ID, Baseline, MIGRATIONS, SCHEMA_VERSION, Store, load_baseline, load_plan,
    read_baselines,
};
use throughline_core::{Edit, Node, NodeKind, PlanGraph, PlanSettings};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test dates are YYYY-MM-DD")
}

fn small_plan() -> PlanGraph {
    let mut plan = PlanGraph::new(PlanSettings {
        name: "Acme".into(),
        review_cadence_days: 90,
    })
    .expect("settings");
    plan.add_node(Node::new("G1", NodeKind::OrgGoal, "Grow revenue"))
        .expect("a goal");
    plan
}

fn new_plan_file(folder: &tempfile::TempDir) -> (PathBuf, Store) {
    let path = folder.path().join("plan.throughline");
    let store = Store::create(&path, &small_plan()).expect("created");
    (path, store)
}

#[test]
fn a_baseline_is_the_plan_as_it_was_and_later_edits_leave_it_alone() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (path, mut store) = new_plan_file(&folder);
    let taken = store
        .take_baseline("Board review 2027-Q1", date("2027-01-15"))
        .expect("taken");
    assert_eq!(
        taken,
        Baseline {
            name: "Board review 2027-Q1".into(),
            taken_on: date("2027-01-15")
        }
    );
    let before = store.plan();
    store
        .apply(Edit::AddNode {
            node: Node::new("G2", NodeKind::OrgGoal, "Cut costs"),
        })
        .expect("an edit after the baseline");
    let (_, kept) = store.baseline("Board review 2027-Q1").expect("reads");
    assert_eq!(kept.to_plan(), before, "the baseline is the plan as it was");
    drop(store);

    // What another program reads, while nobody has the plan open.
    assert_eq!(
        read_baselines(&path).expect("listed"),
        std::slice::from_ref(&taken)
    );
    let (listed, read) = load_baseline(&path, "Board review 2027-Q1").expect("reads");
    assert_eq!((listed, read.to_plan()), (taken, before));
    assert!(
        load_plan(&path).expect("plan").node("G2").is_some(),
        "the plan itself moved on"
    );
}

#[test]
fn baselines_survive_a_restart_and_are_removed_by_name() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (path, mut store) = new_plan_file(&folder);
    store.take_baseline("Q1", date("2027-01-01")).expect("Q1");
    store.take_baseline("Q2", date("2027-04-01")).expect("Q2");
    drop(store);
    let mut store = Store::open(&path).expect("reopens");
    let names: Vec<String> = store
        .baselines()
        .expect("listed")
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(names, ["Q1", "Q2"], "oldest first");
    store.remove_baseline("Q1").expect("removed");
    let error = store.remove_baseline("Q1").expect_err("gone already");
    assert_eq!(error.code(), "unknown_baseline");
    assert!(
        error.to_string().contains("\"Q1\"") && error.to_string().contains("\"Q2\""),
        "names the missing one and the ones there are: {error}"
    );
    drop(store);
    assert_eq!(read_baselines(&path).expect("listed").len(), 1);
}

#[test]
fn a_taken_name_an_empty_name_and_an_unknown_name_are_refused_by_name() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (path, mut store) = new_plan_file(&folder);
    store.take_baseline("Q1", date("2027-01-01")).expect("Q1");
    let error = store
        .take_baseline("Q1", date("2027-02-01"))
        .expect_err("taken");
    assert_eq!(error.code(), "duplicate_baseline", "{error}");
    assert!(error.to_string().contains("\"Q1\""), "{error}");
    let error = store
        .take_baseline("  ", date("2027-02-01"))
        .expect_err("empty");
    assert_eq!(error.code(), "invalid_field", "{error}");
    let error = store.baseline("Q9").expect_err("unknown");
    assert_eq!(error.code(), "unknown_baseline", "{error}");
    drop(store);
    let error = load_baseline(&path, "Q9").expect_err("unknown");
    assert!(error.to_string().contains("\"Q9\""), "{error}");
    assert_eq!(read_baselines(&path).expect("listed").len(), 1);
}

#[test]
fn a_read_only_plan_lists_baselines_but_takes_none() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (path, mut store) = new_plan_file(&folder);
    store.take_baseline("Q1", date("2027-01-01")).expect("Q1");
    let mut viewer = Store::open_read_only(&path).expect("read-only beside the editor");
    assert_eq!(viewer.baselines().expect("listed").len(), 1);
    assert!(viewer.baseline("Q1").is_ok());
    let error = viewer
        .take_baseline("Q2", date("2027-01-02"))
        .expect_err("read-only");
    assert_eq!(error.code(), "opened_read_only");
}

#[test]
fn a_copy_saved_elsewhere_keeps_the_baselines() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (_, mut store) = new_plan_file(&folder);
    store.take_baseline("Q1", date("2027-01-01")).expect("Q1");
    let copy_path = folder.path().join("copy.throughline");
    let copy = store.save_as(&copy_path).expect("saved");
    assert_eq!(copy.baselines().expect("listed").len(), 1);
    drop(copy);
    assert_eq!(read_baselines(&copy_path).expect("listed")[0].name, "Q1");
}

/// A plan file as the release before baselines wrote it: schema version 3.
fn create_version_3_plan(path: &Path) {
    let raw = Connection::open(path).expect("create");
    raw.pragma_update(None, "application_id", APPLICATION_ID)
        .expect("mark");
    for migration in &MIGRATIONS[..3] {
        raw.execute_batch(migration)
            .expect("the schema of version 3");
    }
    raw.execute_batch(
        "INSERT INTO plan (id, name, review_cadence_days) VALUES (1, 'Old plan', 90);
         INSERT INTO nodes (id, kind, title, status) VALUES ('G1', 'org_goal', 'Grow', 'active');",
    )
    .expect("the old plan's rows");
    raw.pragma_update(None, "user_version", 3)
        .expect("version 3");
}

fn user_version(path: &Path) -> i64 {
    Connection::open(path)
        .expect("raw")
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .expect("user_version")
}

#[test]
fn a_plan_from_before_baselines_gains_the_table_on_open_and_is_only_read_elsewhere() {
    assert_eq!(SCHEMA_VERSION, 4, "this test is about migration 4");
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("old.throughline");
    create_version_3_plan(&path);
    let bytes = std::fs::read(&path).expect("read");
    assert!(read_baselines(&path).expect("an old plan lists").is_empty());
    let error = load_baseline(&path, "Q1").expect_err("no baselines yet");
    assert_eq!(error.code(), "unknown_baseline");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        bytes,
        "reading leaves an old file as it was"
    );

    let mut store = Store::open(&path).expect("an old plan opens for editing");
    assert_eq!(store.plan().nodes.len(), 1, "the plan is kept");
    store
        .take_baseline("First", date("2027-01-01"))
        .expect("the migrated file takes baselines");
    drop(store);
    assert_eq!(user_version(&path), SCHEMA_VERSION, "migrated");
    assert_eq!(read_baselines(&path).expect("listed")[0].name, "First");
}

#[test]
fn a_damaged_baseline_is_reported_not_trusted() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (path, mut store) = new_plan_file(&folder);
    store.take_baseline("Q1", date("2027-01-01")).expect("Q1");
    drop(store);
    Connection::open(&path)
        .expect("raw")
        .execute("UPDATE baselines SET plan = '{\"nodes\": 5}'", [])
        .expect("hand edit");
    let error = load_baseline(&path, "Q1").expect_err("damaged");
    assert_eq!(error.code(), "corrupt", "{error}");
    assert!(error.to_string().contains("baseline \"Q1\""), "{error}");
}

#[test]
fn replacing_the_plan_keeps_its_baselines_as_they_were() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (path, mut store) = new_plan_file(&folder);
    let board = store
        .take_baseline("Board review 2027-Q1", date("2027-01-15"))
        .expect("taken");
    store
        .apply(Edit::AddNode {
            node: Node::new("G2", NodeKind::OrgGoal, "Cut costs"),
        })
        .expect("an edit");
    let audit = store
        .take_baseline("Audit", date("2027-02-01"))
        .expect("taken");
    let (_, board_plan) = store.baseline("Board review 2027-Q1").expect("reads");
    let (_, audit_plan) = store.baseline("Audit").expect("reads");
    drop(store);

    let mut refreshed = small_plan();
    refreshed
        .add_node(Node::new("G9", NodeKind::OrgGoal, "Imported anew"))
        .expect("a goal");
    let kept = Store::replace(&path, &refreshed).expect("replaced");
    assert_eq!(
        kept,
        ["Board review 2027-Q1", "Audit"],
        "named, oldest first"
    );
    assert_eq!(
        load_plan(&path).expect("plan").to_plan(),
        refreshed.to_plan(),
        "the plan is the new one"
    );
    assert_eq!(
        read_baselines(&path).expect("listed"),
        [board.clone(), audit.clone()]
    );
    let (_, read) = load_baseline(&path, "Board review 2027-Q1").expect("reads");
    assert_eq!(
        read.to_plan(),
        board_plan.to_plan(),
        "each baseline as it was"
    );
    let (_, read) = load_baseline(&path, "Audit").expect("reads");
    assert_eq!(read.to_plan(), audit_plan.to_plan());

    // A file that is not a plan has nothing to keep, and is still replaced.
    let other = folder.path().join("other.throughline");
    std::fs::write(&other, "not a plan").expect("written");
    assert!(
        Store::replace(&other, &refreshed)
            .expect("replaced")
            .is_empty()
    );
    assert!(read_baselines(&other).expect("a plan now").is_empty());
}
