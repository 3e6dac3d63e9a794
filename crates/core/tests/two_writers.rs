//! Two writers on one plan file (PRODUCT.md, "Reliability"): a plan open in one window
//! or process is never silently changed by another, a second opener is told who has
//! it, and no sequence of two writers leaves a plan that does not open.
//!
//! One test runs itself a second time as the other process, driven line by line
//! through its standard input; the others use a second store in this process (the
//! lock is per open file, so it refuses a second store here as it refuses another
//! process) and plain SQLite connections for programs that are not Throughline.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use proptest::prelude::*;
use rusqlite::Connection;
use throughline_core::store::{Store, load_plan};
use throughline_core::{Edit, Link, Node, NodeKind, PlanGraph, PlanSettings};

const CHILD_ENV: &str = "THROUGHLINE_SECOND_WRITER_PLAN";
const CHILD_TEST: &str = "a_second_process_is_told_who_edits_the_plan_and_may_only_read_it";

/// Three org goals, enough to rename, explain and link.
fn three_goals() -> PlanGraph {
    let mut plan = PlanGraph::new(PlanSettings {
        name: "Two writers".into(),
        review_cadence_days: 90,
    })
    .expect("an empty plan");
    for id in ["T1", "T2", "T3"] {
        plan.apply(Edit::AddNode {
            node: Node::new(id, NodeKind::OrgGoal, format!("Goal {id}")),
        })
        .expect("a goal is added");
    }
    plan
}

fn rename(id: &str, title: &str, plan: &PlanGraph) -> Edit {
    let mut node = plan.node(id).expect("the node exists").clone();
    node.title = title.to_owned();
    Edit::UpdateNode { node }
}

fn explain(id: &str, why: &str, plan: &PlanGraph) -> Edit {
    let mut node = plan.node(id).expect("the node exists").clone();
    node.why = Some(why.to_owned());
    Edit::UpdateNode { node }
}

/// Marks the other process's answers among what the test harness prints around them.
const ANSWER: &str = "answer: ";

/// The other process: opens the plan as the app would, says what happened, then
/// does what its standard input asks, one line at a time.
fn second_process(path: &Path) -> ! {
    let mut store = match Store::open(path) {
        Ok(store) => {
            println!("{ANSWER}opened");
            Some(store)
        }
        Err(error) => {
            println!("{ANSWER}refused {} {error}", error.code());
            None
        }
    };
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("a command line");
        let words: Vec<&str> = line.splitn(3, ' ').collect();
        let answer = match words.as_slice() {
            ["read-only"] => match Store::open_read_only(path) {
                Ok(opened) => {
                    let count = opened.graph().node_count();
                    store = Some(opened);
                    format!("read-only {count}")
                }
                Err(error) => format!("err {}", error.code()),
            },
            ["rename", id, title] => {
                let store = store.as_mut().expect("a plan is open");
                let edit = rename(id, title, store.graph());
                match store.apply(edit) {
                    Ok(_) => "ok".to_owned(),
                    Err(error) => format!("err {}", error.code()),
                }
            }
            ["quit"] => {
                drop(store);
                std::process::exit(0)
            }
            other => panic!("unknown command {other:?}"),
        };
        println!("{ANSWER}{answer}");
    }
    std::process::exit(0)
}

/// The other process, started on `path`, with a line-by-line conversation.
struct OtherProcess {
    child: std::process::Child,
    input: std::process::ChildStdin,
    output: std::io::Lines<BufReader<std::process::ChildStdout>>,
}

impl OtherProcess {
    fn start(path: &Path) -> OtherProcess {
        let mut child = Command::new(std::env::current_exe().expect("the test binary"))
            .args(["--exact", CHILD_TEST, "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, path)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the other process starts");
        let input = child.stdin.take().expect("piped stdin");
        let output = BufReader::new(child.stdout.take().expect("piped stdout")).lines();
        OtherProcess {
            child,
            input,
            output,
        }
    }

    /// The next answer of the other process (the test harness adds text of its own).
    fn hear(&mut self) -> String {
        for line in self.output.by_ref() {
            let line = line.expect("the other process writes text");
            if let Some((_, answer)) = line.split_once(ANSWER) {
                return answer.to_owned();
            }
        }
        panic!("the other process ended without answering")
    }

    fn ask(&mut self, command: &str) -> String {
        writeln!(self.input, "{command}").expect("the other process listens");
        self.hear()
    }

    fn quit(mut self) {
        let _ = writeln!(self.input, "quit");
        self.child.wait().expect("the other process ends");
    }
}

#[test]
fn a_second_process_is_told_who_edits_the_plan_and_may_only_read_it() {
    if let Some(path) = std::env::var_os(CHILD_ENV) {
        second_process(Path::new(&path));
    }
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("plan.throughline");
    let mut first = Store::create(&path, &three_goals()).expect("the plan is created");

    let mut other = OtherProcess::start(&path);
    let refusal = other.hear();
    assert!(
        refusal.starts_with("refused plan_in_use"),
        "the second opener is refused: {refusal}"
    );
    assert!(
        refusal.contains(&format!("process {}", std::process::id())) && refusal.contains(" since "),
        "the refusal says which process has the plan and since when: {refusal}"
    );
    assert_eq!(
        other.ask("read-only"),
        "read-only 3",
        "it may still read it"
    );
    assert_eq!(
        other.ask("rename T1 Theirs"),
        "err opened_read_only",
        "but not change it"
    );

    // The first writer's edits go on and are all kept.
    let edit = rename("T1", "Mine", first.graph());
    first.apply(edit).expect("the editor's edit is saved");
    other.quit();
    drop(first);
    assert_eq!(
        load_plan(&path)
            .expect("the plan reads")
            .node("T1")
            .map(|node| node.title.clone()),
        Some("Mine".to_owned())
    );

    // Once the first writer has closed the plan, the next one opens it normally.
    let mut next = OtherProcess::start(&path);
    assert_eq!(next.hear(), "opened");
    assert_eq!(next.ask("rename T2 Theirs"), "ok");
    next.quit();
    assert!(
        !folder.path().join("plan.throughline-lock").exists(),
        "a writer that closed the plan leaves no lock file behind"
    );
    assert_eq!(
        load_plan(&path)
            .expect("the plan reads")
            .node("T2")
            .map(|node| node.title.clone()),
        Some("Theirs".to_owned())
    );
}

#[test]
fn the_lost_update_and_the_loop_of_two_writers_cannot_happen() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("plan.throughline");
    let mut a = Store::create(&path, &three_goals()).expect("the plan is created");
    let error = Store::open(&path).expect_err("a second editor is refused");
    assert_eq!(error.code(), "plan_in_use", "{error}");

    // Renamed by A while B, read-only, cannot write its why over it.
    let mut b = Store::open_read_only(&path).expect("B may look");
    let edit = rename("T1", "Renamed by A", a.graph());
    a.apply(edit).expect("A's rename is saved");
    let edit = explain("T1", "B's why", b.graph());
    assert_eq!(
        b.apply(edit).map(drop).expect_err("refused").code(),
        "opened_read_only"
    );
    let edit = Edit::AddLink {
        link: Link::supports("T2", "T1"),
    };
    assert_eq!(
        b.apply(edit).map(drop).expect_err("refused").code(),
        "opened_read_only"
    );
    a.apply(Edit::AddLink {
        link: Link::supports("T1", "T2"),
    })
    .expect("A's link is saved");
    drop(a);
    drop(b);
    let plan = Store::open(&path).expect("the plan opens: no loop was written");
    assert_eq!(
        plan.graph().node("T1").map(|n| n.title.as_str()),
        Some("Renamed by A")
    );
}

#[test]
fn a_change_by_another_program_is_read_again_never_written_over() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("plan.throughline");
    let mut store = Store::create(&path, &three_goals()).expect("the plan is created");
    // Another program (a script with sqlite3) links T2 up to T1.
    let other = Connection::open(&path).expect("another program's connection");
    other
        .execute(
            "INSERT INTO links (kind, from_id, to_id) VALUES ('supports', 'T2', 'T1')",
            [],
        )
        .expect("the other program's link");
    drop(other);
    // The store's T1 -> T2 would close a loop with it: it is not written.
    let error = store
        .apply(Edit::AddLink {
            link: Link::supports("T1", "T2"),
        })
        .expect_err("the file changed since the store read it");
    assert_eq!(error.code(), "changed_outside", "{error}");
    assert!(
        store
            .graph()
            .links()
            .any(|link| link.from == "T2" && link.to == "T1"),
        "the store read the other program's link"
    );
    let error = store
        .apply(Edit::AddLink {
            link: Link::supports("T1", "T2"),
        })
        .expect_err("made again on the plan as it now is, the link closes a loop");
    assert_eq!(error.code(), "loop", "{error}");
    drop(store);
    Store::open(&path).expect("the plan still opens");
}

#[test]
fn a_plan_file_replaced_or_deleted_under_its_editor_is_never_written_to() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("plan.throughline");
    let mut store = Store::create(&path, &three_goals()).expect("the plan is created");

    // A sync client puts another version in its place.
    let theirs = folder.path().join("theirs.throughline");
    let mut their_plan = three_goals();
    let edit = rename("T3", "Their version", &their_plan);
    their_plan.apply(edit).expect("their rename");
    drop(Store::create(&theirs, &their_plan).expect("their copy"));
    std::fs::rename(&theirs, &path).expect("the file is replaced");
    let before = std::fs::read(&path).expect("readable");
    let edit = rename("T1", "Lost?", store.graph());
    let error = store
        .apply(edit)
        .expect_err("the edit must not go into the old file");
    assert_eq!(error.code(), "plan_replaced", "{error}");
    assert!(error.to_string().contains("nothing was saved"), "{error}");
    assert_eq!(
        std::fs::read(&path).expect("readable"),
        before,
        "their file is untouched"
    );
    assert_eq!(
        store.graph().node("T1").map(|n| n.title.as_str()),
        Some("Goal T1")
    );

    // Deleted: still refused, never written to a file nobody can see.
    std::fs::remove_file(&path).expect("deleted");
    let edit = rename("T2", "Lost?", store.graph());
    let error = store.apply(edit).expect_err("the file is gone");
    assert_eq!(error.code(), "plan_replaced", "{error}");
}

#[test]
fn replacing_a_plan_someone_edits_is_refused_and_changes_nothing() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("plan.throughline");
    let mut store = Store::create(&path, &three_goals()).expect("the plan is created");
    let before = std::fs::read(&path).expect("readable");
    let error = Store::replace(&path, &three_goals()).expect_err("the plan is open");
    assert_eq!(error.code(), "plan_in_use", "{error}");
    assert_eq!(std::fs::read(&path).expect("readable"), before);
    let edit = rename("T1", "Still saved", store.graph());
    store
        .apply(edit)
        .expect("the editor's edits still reach the file");
    drop(store);
    assert_eq!(
        load_plan(&path)
            .expect("reads")
            .node("T1")
            .map(|n| n.title.clone()),
        Some("Still saved".to_owned())
    );
    Store::replace(&path, &three_goals()).expect("once closed, the plan can be replaced");
    assert_eq!(
        load_plan(&path)
            .expect("reads")
            .node("T1")
            .map(|n| n.title.clone()),
        Some("Goal T1".to_owned())
    );
}

/// One step of two writers on one file.
#[derive(Debug, Clone)]
enum Step {
    /// Writer 0 or 1 opens the plan for editing (refused while the other has it).
    Open(usize),
    Close(usize),
    /// Writer `0` or `1` renames or explains goal `T{n}`, or links `T{a}` to `T{b}`.
    Rename(usize, usize),
    Explain(usize, usize),
    Link(usize, usize, usize),
    /// Another program (not Throughline) renames a goal in the file directly.
    Outside(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..2usize).prop_map(Step::Open),
        (0..2usize).prop_map(Step::Close),
        (0..2usize, 1..4usize).prop_map(|(w, n)| Step::Rename(w, n)),
        (0..2usize, 1..4usize).prop_map(|(w, n)| Step::Explain(w, n)),
        (0..2usize, 1..4usize, 1..4usize).prop_map(|(w, a, b)| Step::Link(w, a, b)),
        (1..4usize).prop_map(Step::Outside),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever two writers (and a third program) do, in any order: the file always
    /// opens, and every change anyone was told was saved is in it.
    #[test]
    fn no_sequence_of_two_writers_loses_a_confirmed_edit_or_the_plan(
        steps in proptest::collection::vec(step(), 1..30)
    ) {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("plan.throughline");
        drop(Store::create(&path, &three_goals()).expect("the plan is created"));
        let mut writers: [Option<Store>; 2] = [None, None];
        // What the file must hold: each goal's title and why, as last confirmed.
        let mut titles: BTreeMap<String, String> =
            (1..4).map(|n| (format!("T{n}"), format!("Goal T{n}"))).collect();
        let mut whys: BTreeMap<String, String> = BTreeMap::new();
        for (counter, step) in steps.into_iter().enumerate() {
            match step {
                Step::Open(w) => {
                    let other_open = writers[1 - w].is_some();
                    if writers[w].is_none() {
                        match Store::open(&path) {
                            Ok(store) => {
                                prop_assert!(!other_open, "two editors at once");
                                writers[w] = Some(store);
                            }
                            Err(error) => {
                                prop_assert!(other_open, "refused with nobody editing: {error}");
                                prop_assert_eq!(error.code(), "plan_in_use");
                            }
                        }
                    }
                }
                Step::Close(w) => writers[w] = None,
                Step::Rename(w, n) | Step::Explain(w, n) | Step::Link(w, n, _) => {
                    let Some(store) = writers[w].as_mut() else { continue };
                    let id = format!("T{n}");
                    let text = format!("{counter} by writer {w}");
                    let edit = match step {
                        Step::Rename(..) => rename(&id, &text, store.graph()),
                        Step::Explain(..) => explain(&id, &text, store.graph()),
                        Step::Link(_, a, b) => Edit::AddLink {
                            link: Link::supports(format!("T{a}"), format!("T{b}")),
                        },
                        _ => unreachable!("matched above"),
                    };
                    match store.apply(edit) {
                        Ok(_) => match step {
                            Step::Rename(..) => { titles.insert(id, text); }
                            Step::Explain(..) => { whys.insert(id, text); }
                            _ => {}
                        },
                        Err(error) => prop_assert!(
                            ["changed_outside", "loop", "duplicate_link", "self_link"]
                                .contains(&error.code()),
                            "unexpected refusal: {error}"
                        ),
                    }
                }
                Step::Outside(n) => {
                    let id = format!("T{n}");
                    let text = format!("{counter} by another program");
                    let other = Connection::open(&path).expect("another program's connection");
                    other.busy_timeout(std::time::Duration::from_secs(3)).expect("timeout");
                    other
                        .execute("UPDATE nodes SET title = ?1 WHERE id = ?2", [&text, &id])
                        .expect("the other program's rename");
                    titles.insert(id, text);
                }
            }
            let plan = load_plan(&path);
            prop_assert!(plan.is_ok(), "the plan no longer reads: {:?}", plan.err());
        }
        drop(writers);
        let plan = Store::open(&path).expect("the plan opens at the end");
        for (id, title) in &titles {
            prop_assert_eq!(&plan.graph().node(id).expect("the goal is there").title, title);
        }
        for (id, why) in &whys {
            prop_assert_eq!(plan.graph().node(id).expect("the goal is there").why.as_ref(), Some(why));
        }
    }
}
