//! The plan store and its history, in memory and on disk: round trips, edits that
//! persist, edits that are refused without a trace, undo and redo, and files that are
//! not plans (or are damaged, or newer) refused without being touched.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::Connection;
use throughline_core::history::History;
use throughline_core::store::{APPLICATION_ID, SCHEMA_VERSION, Store, load_plan};
use throughline_core::{
    Edit, Error, Link, LinkKey, LinkKind, Node, NodeKind, Plan, PlanGraph, PlanSettings,
    ResourceType, Status, interchange,
};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test dates are YYYY-MM-DD")
}

/// A small plan that uses every field and both link kinds.
fn sample_plan() -> Plan {
    let mut goal = Node::new("G1", NodeKind::OrgGoal, "Grow revenue");
    goal.why = Some("So the company lasts".to_owned());
    goal.owner = Some("Ada".to_owned());
    goal.team = Some("Leadership".to_owned());
    goal.target_date = Some(date("2026-12-31"));
    goal.last_reviewed = Some(date("2026-05-01"));
    goal.notes = Some("Quarterly \"stretch\" goal; <b>bold</b>".to_owned());
    let mut initiative = Node::new("I1", NodeKind::Initiative, "Launch in Spain");
    initiative.status = Status::Proposed;
    let mut funding = Node::resource("R1", ResourceType::Funding, "Budget");
    funding.capacity = Some(100.5);
    funding.unit = Some("kEUR".to_owned());
    let mut allocation = Link::allocates("R2", "I1", 0.25);
    allocation.why = Some("two days a week".to_owned());
    Plan {
        name: "Acme 2026".to_owned(),
        review_cadence_days: 30,
        nodes: vec![
            goal,
            Node::new("T1", NodeKind::TeamGoal, "Sales grows 20%"),
            Node::new("T2", NodeKind::TeamGoal, "Iberia sales grow"),
            Node::new("S1", NodeKind::Strategy, "Enter new markets"),
            initiative,
            funding,
            Node::resource("R2", ResourceType::Skill, "Spanish speakers"),
        ],
        links: vec![
            Link::supports("T1", "G1"),
            Link::supports("T2", "T1"),
            Link::supports("S1", "T1"),
            Link::supports("I1", "S1"),
            Link::allocates("R1", "S1", 40.0),
            allocation,
        ],
        accepted: vec![throughline_core::model::Acceptance {
            rule: throughline_core::Rule::CapabilityGap,
            node: "S1".to_owned(),
            reason: "Tools come with next year's budget".to_owned(),
            until: Some(date("2027-06-30")),
        }],
    }
}

fn sample_graph() -> PlanGraph {
    PlanGraph::from_plan(sample_plan()).expect("the sample plan is valid")
}

fn plan_file(folder: &tempfile::TempDir) -> PathBuf {
    folder.path().join("plan.throughline")
}

fn create_sample(folder: &tempfile::TempDir) -> (PathBuf, Store) {
    let path = plan_file(folder);
    let store = Store::create(&path, &sample_graph()).expect("a new plan file is created");
    (path, store)
}

/// What another reader (`check`, `export`) sees in the file, while the store may
/// still have it open for editing.
fn reopened(path: &Path) -> Plan {
    load_plan(path).expect("the plan file reads").to_plan()
}

/// The main file and its WAL, so "unchanged" covers what a commit would have written.
fn file_bytes(path: &Path) -> (Vec<u8>, Option<Vec<u8>>) {
    let main = std::fs::read(path).expect("the file reads");
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    (main, std::fs::read(PathBuf::from(wal)).ok())
}

fn folder_entries(folder: &tempfile::TempDir) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder.path())
        .expect("the folder lists")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

fn node_update(id: &str, change: impl FnOnce(&mut Node)) -> Edit {
    let mut node = sample_plan()
        .nodes
        .into_iter()
        .find(|node| node.id == id)
        .expect("the node is in the sample");
    change(&mut node);
    Edit::UpdateNode { node }
}

fn link_key(kind: LinkKind, from: &str, to: &str) -> LinkKey {
    LinkKey {
        kind,
        from: from.to_owned(),
        to: to.to_owned(),
    }
}

/// One edit of every kind, each valid on the plan the ones before it leave.
fn one_edit_of_each_kind() -> Vec<Edit> {
    let mut updated_link = Link::allocates("R1", "S1", 60.0);
    updated_link.why = Some("raised after review".to_owned());
    vec![
        Edit::AddNode {
            node: Node::new("I2", NodeKind::Initiative, "Hire a country lead"),
        },
        node_update("G1", |node| {
            node.title = "Grow revenue 15%".to_owned();
            node.status = Status::Done;
            node.target_date = None;
        }),
        Edit::AddLink {
            link: Link::supports("I2", "S1"),
        },
        Edit::UpdateLink { link: updated_link },
        Edit::RemoveLink {
            key: link_key(LinkKind::Supports, "I1", "S1"),
        },
        // S1 has four links at this point: T1, I2, R1 and R1's allocation.
        Edit::RemoveNode {
            id: "S1".to_owned(),
        },
        Edit::UpdateSettings {
            settings: PlanSettings {
                name: "Acme 2027".to_owned(),
                review_cadence_days: 14,
            },
        },
        Edit::Batch {
            edits: vec![
                Edit::AddNode {
                    node: Node::new("S2", NodeKind::Strategy, "Partner locally"),
                },
                Edit::AddLink {
                    link: Link::supports("S2", "G1"),
                },
                Edit::AddLink {
                    link: Link::allocates("R2", "S2", 1.0),
                },
            ],
        },
    ]
}

#[test]
fn create_then_open_gives_back_the_same_plan_in_the_same_order() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (path, store) = create_sample(&folder);
    assert_eq!(
        store.plan(),
        sample_plan(),
        "the created store holds the plan given"
    );
    assert_eq!(store.path(), Some(path.as_path()));
    drop(store);
    assert_eq!(
        reopened(&path),
        sample_plan(),
        "reopening should give the same nodes and links, in the same order"
    );
    assert_eq!(
        load_plan(&path)
            .expect("load_plan reads a plan file")
            .to_plan(),
        sample_plan()
    );
    assert_eq!(
        folder_entries(&folder),
        ["plan.throughline"],
        "no temporary or side file should be left after creating and closing"
    );
}

#[test]
fn json_import_then_store_then_export_is_the_identity() {
    let folder = tempfile::tempdir().expect("temp dir");
    let json = interchange::to_json(&sample_plan());
    let imported = interchange::parse(&json).expect("the sample's JSON reads back");
    let path = plan_file(&folder);
    drop(Store::create(&path, &imported).expect("create"));
    let exported = interchange::to_json(&reopened(&path));
    assert_eq!(
        exported, json,
        "JSON -> plan file -> JSON should change nothing"
    );
}

#[test]
fn in_memory_store_holds_the_plan_and_has_no_path() {
    let store = Store::in_memory(&sample_graph()).expect("in-memory store");
    assert_eq!(store.plan(), sample_plan());
    assert_eq!(store.path(), None);
    let analysis = store.analyse(date("2026-06-15"));
    assert_eq!(
        analysis.as_of,
        date("2026-06-15"),
        "the analysis uses the date given"
    );
}

#[test]
fn create_refuses_an_existing_file_and_leaves_it_alone() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = plan_file(&folder);
    std::fs::write(&path, "my notes").expect("write");
    let error = Store::create(&path, &sample_graph()).expect_err("an existing file is refused");
    assert!(
        matches!(&error, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::AlreadyExists),
        "expected AlreadyExists, got {error:?}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).ok().as_deref(),
        Some("my notes")
    );
    assert_eq!(
        folder_entries(&folder),
        ["plan.throughline"],
        "nothing else should appear"
    );
}

#[test]
fn create_in_a_missing_folder_fails_and_leaves_nothing() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("missing").join("plan.throughline");
    let error = Store::create(&path, &sample_graph()).expect_err("no folder, no file");
    assert_eq!(error.code(), "io", "{error}");
    assert!(
        folder_entries(&folder).is_empty(),
        "nothing should be left behind"
    );
}

#[test]
fn the_plan_file_is_marked_as_ours_at_the_latest_schema_and_in_wal_mode() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (path, store) = create_sample(&folder);
    drop(store);
    let header = std::fs::read(&path).expect("read");
    assert_eq!(
        (header[18], header[19]),
        (2, 2),
        "the header's read/write versions are 2 in WAL mode"
    );
    let store = Store::open(&path).expect("open");
    let raw = Connection::open(&path).expect("raw connection");
    let mode: String = raw
        .pragma_query_value(None, "journal_mode", |row| row.get(0))
        .expect("journal_mode");
    assert_eq!(mode, "wal", "an open plan file should be in WAL mode");
    let version: i64 = raw
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .expect("user_version");
    assert_eq!(
        version, SCHEMA_VERSION,
        "user_version should end at the latest migration"
    );
    let id: i32 = raw
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .expect("application_id");
    assert_eq!(id, APPLICATION_ID);
    drop(store);
}

#[test]
fn every_edit_kind_persists_across_reopen() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (path, mut store) = create_sample(&folder);
    for edit in one_edit_of_each_kind() {
        let description = format!("{edit:?}");
        store
            .apply(edit)
            .unwrap_or_else(|error| panic!("{description} should apply: {error}"));
        assert_eq!(
            reopened(&path),
            store.plan(),
            "after {description}, the file should hold what the store shows, in order"
        );
    }
    let plan = store.plan();
    assert!(
        plan.nodes.iter().all(|node| node.id != "S1"),
        "S1 was removed"
    );
    assert!(
        plan.links
            .iter()
            .all(|link| link.from != "S1" && link.to != "S1"),
        "S1's links went with it"
    );
    assert_eq!(plan.name, "Acme 2027");
    assert_eq!(
        plan.nodes.last().map(|node| node.id.as_str()),
        Some("S2"),
        "a new node goes last"
    );
}

#[test]
fn edits_persist_in_memory_too() {
    let mut store = Store::in_memory(&sample_graph()).expect("in-memory store");
    let mut expected = sample_graph();
    for edit in one_edit_of_each_kind() {
        expected.apply(edit.clone()).expect("valid on the graph");
        store.apply(edit).expect("valid on the store");
    }
    assert_eq!(store.plan(), expected.to_plan());
}

#[test]
fn refused_edits_change_neither_the_file_nor_the_graph() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (path, mut store) = create_sample(&folder);
    let refused = [
        (
            "loop",
            Edit::AddLink {
                link: Link::supports("T1", "T2"),
            },
        ),
        (
            "wrong_kinds",
            Edit::AddLink {
                link: Link::supports("R1", "G1"),
            },
        ),
        (
            "duplicate_link",
            Edit::AddLink {
                link: Link::supports("T1", "G1"),
            },
        ),
        (
            "duplicate_node",
            Edit::AddNode {
                node: Node::new("G1", NodeKind::OrgGoal, "Again"),
            },
        ),
        (
            "unknown_node",
            Edit::AddLink {
                link: Link::supports("NOPE", "G1"),
            },
        ),
        (
            "unknown_node",
            Edit::RemoveNode {
                id: "NOPE".to_owned(),
            },
        ),
        (
            "unknown_link",
            Edit::RemoveLink {
                key: link_key(LinkKind::Supports, "G1", "T1"),
            },
        ),
        (
            "invalid_field",
            node_update("T1", |node| node.title = "  ".to_owned()),
        ),
        // Removes a node that is not last, with its links, then fails: they must all
        // come back in their places.
        (
            "duplicate_link",
            Edit::Batch {
                edits: vec![
                    Edit::RemoveNode {
                        id: "T1".to_owned(),
                    },
                    Edit::AddLink {
                        link: Link::supports("T2", "G1"),
                    },
                    Edit::AddLink {
                        link: Link::supports("I1", "S1"),
                    },
                ],
            },
        ),
    ];
    let bytes_before = file_bytes(&path);
    for (code, edit) in refused {
        let description = format!("{edit:?}");
        let error = store
            .apply(edit)
            .expect_err(&format!("{description} should be refused"));
        assert_eq!(error.code(), code, "{description}: {error}");
        assert_eq!(
            store.plan(),
            sample_plan(),
            "a refused {code} edit should leave the graph as it was, order included"
        );
    }
    assert_eq!(
        file_bytes(&path),
        bytes_before,
        "refused edits should not change a byte of the file"
    );
    drop(store);
    assert_eq!(reopened(&path), sample_plan());
}

#[test]
fn an_edit_after_another_program_changed_the_file_is_refused_and_the_plan_read_again() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (path, mut store) = create_sample(&folder);
    // Another program removes a node behind the store's back.
    let other = Connection::open(&path).expect("second connection");
    other
        .execute("DELETE FROM nodes WHERE id = 'R2'", [])
        .expect("the other program's delete");
    drop(other);
    let bytes_before = file_bytes(&path);
    let error = store
        .apply(Edit::Batch {
            edits: vec![
                Edit::AddNode {
                    node: Node::new("G2", NodeKind::OrgGoal, "Keep customers"),
                },
                node_update("R2", |node| {
                    node.title = "Spanish and Portuguese".to_owned()
                }),
            ],
        })
        .expect_err("the file changed under the store, so the write must not go ahead");
    assert_eq!(error.code(), "changed_outside", "{error}");
    assert_eq!(
        file_bytes(&path),
        bytes_before,
        "the refused edit should write nothing, to the file or its WAL"
    );
    assert_eq!(
        store.plan(),
        reopened(&path),
        "after a failed write the store's graph should be what the file holds"
    );
    assert!(
        store.graph().node("G2").is_none(),
        "G2 was not kept in memory either"
    );
    assert!(
        store.graph().node("R2").is_none(),
        "the other program's removal is in the plan read again"
    );
    store
        .apply(Edit::AddNode {
            node: Node::new("G2", NodeKind::OrgGoal, "Keep customers"),
        })
        .expect("once read again, the plan takes edits");
    assert!(reopened(&path).nodes.iter().any(|node| node.id == "G2"));
}

#[test]
fn undo_and_redo_walk_back_and_forth_through_every_edit_kind() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (path, mut store) = create_sample(&folder);
    let mut history = History::new();
    assert!(!history.can_undo() && !history.can_redo());
    let mut states = vec![store.plan()];
    for edit in one_edit_of_each_kind() {
        history.apply(&mut store, edit).expect("edit applies");
        states.push(store.plan());
    }
    assert!(history.can_undo() && !history.can_redo());

    for expected in states.iter().rev().skip(1) {
        history.undo(&mut store).expect("undo");
        assert_eq!(
            &store.plan(),
            expected,
            "each undo should restore the plan before the edit, order included"
        );
        assert_eq!(
            reopened(&path),
            store.plan(),
            "the undo is written to the file"
        );
    }
    assert!(!history.can_undo() && history.can_redo());
    let error = history.undo(&mut store).expect_err("nothing left to undo");
    assert!(matches!(error, Error::NothingTo("undo")), "{error:?}");

    for expected in states.iter().skip(1) {
        history.redo(&mut store).expect("redo");
        assert_eq!(
            &store.plan(),
            expected,
            "each redo should restore the plan after the edit, order included"
        );
        assert_eq!(
            reopened(&path),
            store.plan(),
            "the redo is written to the file"
        );
    }
    assert!(matches!(
        history.redo(&mut store),
        Err(Error::NothingTo("redo"))
    ));
}

#[test]
fn undoing_a_node_removal_brings_back_the_node_and_all_its_links() {
    let mut store = Store::in_memory(&sample_graph()).expect("in-memory store");
    let mut history = History::new();
    let links_before = store.graph().links_of("S1").len();
    assert_eq!(links_before, 3, "S1 starts with 3 links");
    history
        .apply(
            &mut store,
            Edit::RemoveNode {
                id: "S1".to_owned(),
            },
        )
        .expect("remove S1");
    assert_eq!(store.graph().link_count(), 3, "S1's 3 links went with it");
    history.undo(&mut store).expect("undo");
    assert_eq!(
        store.plan(),
        sample_plan(),
        "the node and its links should be back, in their places"
    );
    assert_eq!(store.graph().links_of("S1").len(), links_before);
}

#[test]
fn save_as_writes_an_independent_copy() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (path, mut store) = create_sample(&folder);
    store
        .apply(Edit::AddNode {
            node: Node::new("G2", NodeKind::OrgGoal, "Keep customers"),
        })
        .expect("add");
    let copy_path = folder.path().join("copy.throughline");
    let mut copy = store.save_as(&copy_path).expect("save as");
    assert_eq!(copy.plan(), store.plan());
    assert_eq!(copy.path(), Some(copy_path.as_path()));
    copy.apply(Edit::RemoveNode {
        id: "G2".to_owned(),
    })
    .expect("remove in the copy");
    assert!(
        reopened(&path).nodes.iter().any(|node| node.id == "G2"),
        "the original keeps G2"
    );
    assert!(
        reopened(&copy_path)
            .nodes
            .iter()
            .all(|node| node.id != "G2")
    );
    let error = store
        .save_as(&path)
        .expect_err("save_as refuses an existing file");
    assert_eq!(error.code(), "io");
}

#[test]
fn a_copy_made_after_removals_undoes_them_consistently() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (_, mut store) = create_sample(&folder);
    let inverse = store
        .apply(Edit::RemoveNode {
            id: "T1".to_owned(),
        })
        .expect("remove T1");
    let copy_path = folder.path().join("copy.throughline");
    let mut copy = store.save_as(&copy_path).expect("save as");
    copy.apply(inverse)
        .expect("the removal's inverse applies to the copy");
    assert_eq!(
        reopened(&copy_path),
        copy.plan(),
        "the copy's graph and file should agree on where T1 came back"
    );
}

#[test]
fn load_plan_reads_json_and_plan_files_by_extension_or_content() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (path, store) = create_sample(&folder);
    drop(store);
    let bytes = std::fs::read(&path).expect("read");
    let json = interchange::to_json(&sample_plan());
    let cases = [
        ("plan.json", json.as_bytes()),
        ("plan.data", bytes.as_slice()),
        ("plan", json.as_bytes()),
        ("plan.txt", json.as_bytes()),
    ];
    for (name, content) in cases {
        let file = folder.path().join(name);
        std::fs::write(&file, content).expect("write");
        let loaded = load_plan(&file).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(
            loaded.to_plan(),
            sample_plan(),
            "{name} should read as the sample"
        );
        assert_eq!(
            std::fs::read(&file).ok().as_deref(),
            Some(content),
            "{name} untouched"
        );
    }
    assert_eq!(
        load_plan(&path).expect("plan file").to_plan(),
        sample_plan()
    );
}

#[test]
fn load_plan_never_writes_to_a_plan_file() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (path, store) = create_sample(&folder);
    drop(store);
    let before = file_bytes(&path);
    load_plan(&path).expect("load");
    assert_eq!(file_bytes(&path), before);
    assert_eq!(
        folder_entries(&folder),
        ["plan.throughline"],
        "reading should leave no side files"
    );
}

#[test]
fn load_plan_sees_the_edits_of_a_plan_that_is_open_elsewhere() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (path, mut store) = create_sample(&folder);
    store
        .apply(Edit::AddNode {
            node: Node::new("G2", NodeKind::OrgGoal, "Keep customers"),
        })
        .expect("add");
    let loaded = load_plan(&path).expect("a plan open in the app still reads");
    assert_eq!(
        loaded.to_plan(),
        store.plan(),
        "a reader should see every committed edit, even one still in the WAL"
    );
}

#[test]
fn a_hand_edited_plan_that_breaks_the_rules_is_reported_not_trusted() {
    let folder = tempfile::tempdir().expect("temp dir");
    for (sql, expected) in [
        ("UPDATE nodes SET kind = 'vision' WHERE id = 'G1'", "kind"),
        (
            "INSERT INTO links (kind, from_id, to_id) VALUES ('supports', 'R1', 'G1')",
            "resource",
        ),
        (
            "INSERT INTO links (kind, from_id, to_id) VALUES ('supports', 'T1', 'T2')",
            "loop",
        ),
        (
            "UPDATE nodes SET target_date = '31/12/2026' WHERE id = 'G1'",
            "YYYY-MM-DD",
        ),
        ("DELETE FROM plan", "settings"),
        ("DROP TABLE links", "links"),
    ] {
        let path = folder.path().join("edited.throughline");
        drop(Store::create(&path, &sample_graph()).expect("create"));
        let raw = Connection::open(&path).expect("raw");
        raw.execute_batch(sql).expect("the hand edit applies");
        drop(raw);
        let before = std::fs::read(&path).expect("read");
        let error = Store::open(&path).expect_err(sql);
        assert_eq!(error.code(), "corrupt", "{sql}: {error}");
        assert!(
            error.to_string().contains(expected),
            "{sql}: the message should say what is wrong ({expected}): {error}"
        );
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "{sql}: untouched"
        );
        std::fs::remove_file(&path).expect("clean up");
    }
}

#[test]
fn opening_a_missing_file_is_an_io_error() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = plan_file(&folder);
    let error = Store::open(&path).expect_err("no file");
    assert!(
        matches!(&error, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound),
        "{error:?}"
    );
    assert!(
        folder_entries(&folder).is_empty(),
        "opening must not create the file"
    );
}

/// A plan file as the first release wrote it: schema version 1, before the review log.
fn create_version_1_plan(path: &Path) {
    let raw = Connection::open(path).expect("create");
    raw.pragma_update(None, "application_id", APPLICATION_ID)
        .expect("mark");
    raw.execute_batch(throughline_core::store::MIGRATIONS[0])
        .expect("the first schema");
    raw.execute_batch(
        "INSERT INTO plan (id, name, review_cadence_days) VALUES (1, 'Old plan', 90);
         INSERT INTO nodes (id, kind, title, status, last_reviewed)
             VALUES ('G1', 'org_goal', 'Grow', 'active', '2026-01-05');",
    )
    .expect("the old plan's rows");
    raw.pragma_update(None, "user_version", 1)
        .expect("version 1");
}

#[test]
fn a_plan_from_before_the_review_log_gains_it_on_open_and_is_only_read_elsewhere() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = plan_file(&folder);
    create_version_1_plan(&path);
    let before = std::fs::read(&path).expect("read");
    let read = load_plan(&path).expect("an old plan reads");
    assert!(read.node("G1").expect("G1").reviews.is_empty());
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "reading migrates in memory only"
    );

    let mut store = Store::open(&path).expect("an old plan opens for editing");
    let mut goal = store.graph().node("G1").expect("G1").clone();
    goal.reviews.push(throughline_core::Review {
        date: date("2026-11-20"),
        audience: Some("Service desk team".into()),
        note: Some("Asked why self-service first".into()),
    });
    store
        .apply(Edit::UpdateNode { node: goal.clone() })
        .expect("a review is logged");
    drop(store);
    let raw = Connection::open(&path).expect("raw");
    let version: i64 = raw
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .expect("version");
    assert_eq!(version, SCHEMA_VERSION, "the file was migrated");
    drop(raw);
    let reopened = Store::open(&path).expect("reopens");
    let kept = reopened.graph().node("G1").expect("G1");
    assert_eq!(kept, &goal, "the review log is kept with its node");
    assert_eq!(kept.latest_review(), Some(date("2026-11-20")));
}

#[test]
fn a_damaged_review_log_in_the_file_is_reported_not_trusted() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (path, store) = create_sample(&folder);
    drop(store);
    let raw = Connection::open(&path).expect("raw");
    raw.execute(
        "UPDATE nodes SET reviews = '[{\"date\": 5}]' WHERE id = 'G1'",
        [],
    )
    .expect("hand edit");
    drop(raw);
    let error = Store::open(&path).expect_err("refused");
    assert_eq!(error.code(), "corrupt", "{error}");
    assert!(error.to_string().contains("reviews"), "{error}");
}

#[test]
fn acceptances_persist_and_go_with_their_node() {
    let folder = tempfile::tempdir().expect("temp dir");
    let (path, mut store) = create_sample(&folder);
    let accepted = vec![throughline_core::model::Acceptance {
        rule: throughline_core::Rule::UnresourcedInitiative,
        node: "I1".into(),
        reason: "Starts next quarter".into(),
        until: Some(date("2027-01-31")),
    }];
    store
        .apply(Edit::SetAcceptances {
            accepted: accepted.clone(),
        })
        .expect("accepted");
    assert_eq!(reopened(&path).accepted, accepted, "in the file at once");
    store
        .apply(Edit::RemoveNode { id: "I1".into() })
        .expect("removed");
    assert!(reopened(&path).accepted.is_empty(), "gone with its node");
    drop(store);
    let store = Store::open(&path).expect("reopens");
    assert!(store.plan().accepted.is_empty());
}
