//! Killing a process in the middle of its edits loses at most the edit in flight and
//! never corrupts the plan (PRODUCT.md, "Reliability").
//!
//! The test runs itself a second time as the editing process, kills it with SIGKILL
//! while it writes, then opens what is left.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use throughline_core::store::Store;
use throughline_core::{Edit, Link, Node, NodeKind, PlanGraph, PlanSettings};

const CHILD_ENV: &str = "THROUGHLINE_CRASH_TEST_PLAN";
const TEST_NAME: &str = "a_killed_writer_loses_at_most_the_edit_in_flight";

/// Edit `i`: goal `G{i}` and, in the same transaction, its link up to `G{i-1}`.
fn edit(i: usize) -> Edit {
    let node = Node::new(format!("G{i}"), NodeKind::OrgGoal, format!("Goal {i}"));
    if i == 0 {
        return Edit::AddNode { node };
    }
    Edit::Batch {
        edits: vec![
            Edit::AddNode { node },
            Edit::AddLink {
                link: Link::supports(format!("G{i}"), format!("G{}", i - 1)),
            },
        ],
    }
}

/// The editing process: applies edits until it is killed, saying after each one that
/// it is on disk.
fn write_until_killed(path: &Path) -> ! {
    let mut store = Store::open(path).expect("the child opens the plan");
    for i in 0.. {
        store.apply(edit(i)).expect("the child's edit applies");
        println!("applied {i}");
    }
    unreachable!("the loop only ends when the process is killed")
}

/// The edit a line of the child's output reports as written.
fn reported(line: std::io::Result<String>) -> Option<usize> {
    let line = line.expect("the child's output is text");
    line.strip_prefix("applied ")?.parse().ok()
}

#[test]
fn a_killed_writer_loses_at_most_the_edit_in_flight() {
    if let Some(path) = std::env::var_os(CHILD_ENV) {
        write_until_killed(Path::new(&path));
    }
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("plan.throughline");
    let empty = PlanGraph::new(PlanSettings {
        name: "Crash test".into(),
        review_cadence_days: 90,
    })
    .expect("an empty plan");
    drop(Store::create(&path, &empty).expect("the plan file is created"));

    let mut child = Command::new(std::env::current_exe().expect("the test binary"))
        .args(["--exact", TEST_NAME, "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the editing process starts");
    let mut lines = BufReader::new(child.stdout.take().expect("piped stdout")).lines();
    let mut confirmed = None;
    for line in lines.by_ref() {
        confirmed = reported(line).or(confirmed);
        if confirmed >= Some(150) {
            break;
        }
    }
    child.kill().expect("the editing process is killed");
    child.wait().expect("the editing process is reaped");
    // What it printed after we stopped reading is still in the pipe: read on to the
    // last edit it reported before it died.
    for line in lines {
        confirmed = reported(line).or(confirmed);
    }
    let confirmed = confirmed.expect("the child applied edits before it was killed");

    let store = Store::open(&path).expect("the plan opens after the kill: not corrupt");
    let plan = store.plan();
    let count = plan.nodes.len();
    assert!(
        count > confirmed,
        "every edit confirmed before the kill is kept: {count} nodes, edit {confirmed} confirmed"
    );
    assert!(
        count <= confirmed + 2,
        "at most the edit in flight is extra: {count} nodes, edit {confirmed} confirmed"
    );
    for i in 0..count {
        assert_eq!(
            plan.nodes[i].id,
            format!("G{i}"),
            "edits are kept in order, none skipped"
        );
    }
    assert_eq!(
        plan.links.len(),
        count - 1,
        "each goal kept its link: a batch is never half written"
    );
}
