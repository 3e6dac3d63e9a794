//! Files that are not whole plans (PRODUCT.md, "Reliability"): a file cut short,
//! another program's database, a plan marked but never finished, a plan from a newer
//! Throughline, a pipe or a folder, a read-only place. Each is refused by name, never
//! read as good, and never written to.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use throughline_core::store::{APPLICATION_ID, SCHEMA_VERSION, Store, load_plan};
use throughline_core::{Node, NodeKind, Plan, PlanGraph};

fn plan_file(folder: &tempfile::TempDir) -> PathBuf {
    folder.path().join("plan.throughline")
}

/// A plan big enough to span many pages, so damage can fall inside its tables.
fn create_larger_plan(path: &Path) {
    let mut plan = Plan::new("Large");
    for index in 0..400 {
        plan.nodes.push(Node::new(
            format!("G{index}"),
            NodeKind::OrgGoal,
            format!("Goal number {index} with a reasonably long title to fill pages"),
        ));
    }
    let graph = PlanGraph::from_plan(plan).expect("valid");
    drop(Store::create(path, &graph).expect("create"));
}

/// Opening and loading the file must fail with `code` and leave every byte as it was.
fn assert_refused_untouched(path: &Path, code: &str) {
    let before = std::fs::read(path).expect("read before");
    let error = Store::open(path).expect_err("the file should be refused");
    assert_eq!(error.code(), code, "Store::open: {error}");
    assert_eq!(
        std::fs::read(path).expect("read after"),
        before,
        "Store::open must leave a refused file byte for byte as it was"
    );
    let error = load_plan(path).expect_err("load_plan should refuse it too");
    assert_eq!(error.code(), code, "load_plan: {error}");
    assert_eq!(
        std::fs::read(path).expect("read after"),
        before,
        "load_plan must leave a refused file byte for byte as it was"
    );
    let message = error.to_string();
    assert!(
        message.contains(&path.display().to_string()),
        "the message names the file: {message}"
    );
    let folder = path.parent().expect("the file is in a folder");
    let side_files: Vec<_> = std::fs::read_dir(folder)
        .expect("the folder lists")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with("-wal") || name.ends_with("-shm"))
        .collect();
    assert!(
        side_files.is_empty(),
        "no side files should be left: {side_files:?}"
    );
}

#[test]
fn a_text_file_is_not_a_plan() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = plan_file(&folder);
    std::fs::write(&path, "Groceries: milk, eggs\n").expect("write");
    assert_refused_untouched(&path, "not_a_plan");
}

#[test]
fn an_empty_file_is_not_a_plan() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = plan_file(&folder);
    std::fs::write(&path, "").expect("write");
    assert_refused_untouched(&path, "not_a_plan");
}

#[test]
fn another_programs_sqlite_database_is_not_a_plan() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = plan_file(&folder);
    let other = Connection::open(&path).expect("create a foreign database");
    other
        .execute_batch("CREATE TABLE nodes (id TEXT); INSERT INTO nodes VALUES ('x');")
        .expect("fill it");
    drop(other);
    assert_refused_untouched(&path, "not_a_plan");
}

#[test]
fn a_plan_from_a_newer_schema_is_refused() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = plan_file(&folder);
    create_larger_plan(&path);
    let raw = Connection::open(&path).expect("raw");
    raw.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .expect("bump the version");
    drop(raw);
    assert_refused_untouched(&path, "newer_schema");
    let message = Store::open(&path).expect_err("refused").to_string();
    assert!(
        message.contains(&format!("schema {}", SCHEMA_VERSION + 1)),
        "{message}"
    );
}

#[test]
fn a_truncated_plan_is_corrupt() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = plan_file(&folder);
    create_larger_plan(&path);
    let bytes = std::fs::read(&path).expect("read");
    std::fs::write(&path, &bytes[..bytes.len() / 2]).expect("truncate");
    assert_refused_untouched(&path, "corrupt");
    std::fs::write(&path, &bytes[..60]).expect("truncate inside the header");
    assert_refused_untouched(&path, "corrupt");
}

#[test]
fn a_plan_with_garbage_inside_is_corrupt() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = plan_file(&folder);
    create_larger_plan(&path);
    let mut bytes = std::fs::read(&path).expect("read");
    assert!(bytes.len() > 5 * 4096, "the plan spans several pages");
    for byte in &mut bytes[2 * 4096..4 * 4096] {
        *byte = 0xA5;
    }
    std::fs::write(&path, &bytes).expect("damage");
    assert_refused_untouched(&path, "corrupt");
}

#[test]
fn a_plan_cut_short_by_any_amount_is_refused_never_read_as_good() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = plan_file(&folder);
    create_larger_plan(&path);
    let whole = std::fs::read(&path).expect("read");
    let page = 4096;
    // What a copy in progress, a download cut off or a sync client leaves: the file
    // less its last byte or two, less a page, stopped at a page boundary, half of it.
    let mut cuts: Vec<usize> = vec![1, 2, 3, 7, 100, page - 1, page, page + 1, whole.len() / 2];
    cuts.extend((1..whole.len() / page).map(|pages| pages * page - 1));
    cuts.sort_unstable();
    cuts.dedup();
    for cut in &cuts {
        std::fs::write(&path, &whole[..whole.len() - cut]).expect("cut short");
        assert_refused_untouched(&path, "corrupt");
        let message = load_plan(&path).expect_err("refused").to_string();
        assert!(message.contains("cut short"), "cut by {cut}: {message}");
    }
    std::fs::write(&path, &whole).expect("whole again");
    load_plan(&path).expect("the whole file still reads: only the cuts were refused");
}

#[test]
fn a_plan_marked_as_ours_but_never_finished_is_refused_without_a_write() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = plan_file(&folder);
    // An empty database carrying the plan's application id: opening it must not give
    // it tables.
    let raw = Connection::open(&path).expect("create");
    raw.pragma_update(None, "application_id", APPLICATION_ID)
        .expect("mark it");
    drop(raw);
    assert_refused_untouched(&path, "corrupt");
    let message = Store::open(&path).expect_err("refused").to_string();
    assert!(message.contains("never finished"), "{message}");
    let raw = Connection::open(&path).expect("look inside");
    let tables: i64 = raw
        .query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))
        .expect("count");
    assert_eq!(tables, 0, "no table was created in the refused file");
}

#[test]
fn a_plan_whose_schema_version_is_zero_or_negative_is_refused_by_name() {
    for version in [0, -1, -42] {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = plan_file(&folder);
        create_larger_plan(&path);
        let raw = Connection::open(&path).expect("raw");
        raw.pragma_update(None, "user_version", version)
            .expect("set the version");
        drop(raw);
        assert_refused_untouched(&path, "corrupt");
        let message = Store::open(&path).expect_err("refused").to_string();
        assert!(
            message.contains(&format!("schema version is {version}")),
            "version {version}: {message}"
        );
    }
}

#[test]
fn a_header_with_an_impossible_page_size_is_refused() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = plan_file(&folder);
    create_larger_plan(&path);
    let mut bytes = std::fs::read(&path).expect("read");
    bytes[16..18].copy_from_slice(&1000u16.to_be_bytes());
    std::fs::write(&path, &bytes).expect("damage the header");
    assert_refused_untouched(&path, "corrupt");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_or_a_folder_is_refused_at_once_not_waited_on() {
    let folder = tempfile::tempdir().expect("temp dir");
    let pipe = folder.path().join("plan.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo makes the pipe");
    // Reading a pipe with no writer would block forever; the test would hang.
    for path in [pipe.as_path(), folder.path()] {
        for error in [
            load_plan(path).expect_err("not a file"),
            Store::open(path).expect_err("not a file"),
            Store::open_read_only(path).expect_err("not a file"),
        ] {
            let message = error.to_string();
            assert!(message.contains("not a plan file"), "{message}");
            assert!(message.contains(&path.display().to_string()), "{message}");
        }
    }
}

/// Makes `path` impossible to write to, even for root (whom permission bits do not
/// stop): the immutable attribute where the file system has it. Says whether it worked.
fn make_unwritable(path: &Path) -> bool {
    let _ = std::process::Command::new("chmod")
        .arg("a-w")
        .arg(path)
        .status();
    let probe = if path.is_dir() {
        std::fs::write(path.join(".probe"), "x").map(|()| {
            let _ = std::fs::remove_file(path.join(".probe"));
        })
    } else {
        std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .map(drop)
    };
    if probe.is_err() {
        return true;
    }
    std::process::Command::new("chattr")
        .arg("+i")
        .arg(path)
        .status()
        .is_ok_and(|status| status.success())
}

fn make_writable(path: &Path) {
    let _ = std::process::Command::new("chattr")
        .arg("-i")
        .arg(path)
        .status();
    let _ = std::process::Command::new("chmod")
        .arg("u+w")
        .arg(path)
        .status();
}

#[test]
fn a_plan_in_a_read_only_place_is_refused_for_editing_and_opens_read_only() {
    for unwritable in ["folder", "file"] {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = plan_file(&folder);
        create_larger_plan(&path);
        let target = if unwritable == "folder" {
            folder.path().to_owned()
        } else {
            path.clone()
        };
        if !make_unwritable(&target) {
            // Root ignores mode bits, and some file systems have no immutable flag:
            // there is then no read-only place to test in, which says nothing of ours.
            eprintln!("skipped: this machine cannot make a {unwritable} read-only here");
            make_writable(&target);
            return;
        }
        let before = std::fs::read(&path).expect("read");
        let error = Store::open(&path).expect_err("cannot edit here");
        let store = Store::open_read_only(&path);
        make_writable(&target);
        assert_eq!(error.code(), "read_only_location", "{unwritable}: {error}");
        assert!(error.to_string().contains("open it read-only"), "{error}");
        let store = store.expect("it opens read-only");
        assert!(store.is_read_only());
        assert_eq!(store.graph().node_count(), 400);
        assert_eq!(std::fs::read(&path).expect("read"), before, "untouched");
    }
}
