//! The app's commands through Tauri's IPC on the mock runtime: argument names as the UI
//! sends them, `{code, message}` errors, state transitions, and the start-plan order.
//! Dialog commands are never invoked here: on the mock runtime they block forever.
//!
//! These live in the library rather than in `tests/`: an integration test would make
//! `cargo test` rebuild the `throughline-app` binary without `custom-protocol`, over the
//! one the WebDriver tests run.

use std::path::{Path, PathBuf};

use crate::startup::{Launch, SAMPLE_FILE_NAME};
use crate::{configure, install};
use serde_json::{Value, json};
use tauri::test::{INVOKE_KEY, MockRuntime, mock_builder, mock_context, noop_assets};
use tauri::{App, WebviewWindow};
use throughline_core::graph::PlanGraph;
use throughline_core::model::{Link, Node, NodeKind, Plan};
use throughline_core::store::Store;

/// A folder holding plans, the config folder and the data folder of one test.
struct Workspace {
    folder: tempfile::TempDir,
}

impl Workspace {
    fn new() -> Workspace {
        Workspace {
            folder: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.folder.path().join(name)
    }

    /// A plan file with two org goals, the first supporting the second.
    fn plan(&self, name: &str) -> PathBuf {
        let path = self.path(name);
        let mut plan = Plan::new(format!("Plan {name}"));
        plan.nodes = vec![
            Node::new("G1", NodeKind::OrgGoal, "Grow"),
            Node::new("G2", NodeKind::OrgGoal, "Thrive"),
        ];
        plan.links = vec![Link::supports("G1", "G2")];
        let graph = PlanGraph::from_plan(plan).expect("the test plan is valid");
        Store::create(&path, &graph).expect("the test plan file is written");
        path
    }

    fn launch(&self, plan: Option<&Path>) -> Launch {
        Launch {
            plan_env: plan.map(Path::to_owned),
            as_of: Some(chrono_date()),
            config_dir: Some(self.path("config")),
            data_dir: Some(self.path("data")),
            test_save_dir: Some(self.path("saved")),
            ..Launch::default()
        }
    }
}

fn chrono_date() -> chrono::NaiveDate {
    "2026-11-23".parse().expect("a valid date")
}

/// A running mock app and its main window.
struct Running {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

fn start(launch: Launch) -> Running {
    let app = configure(mock_builder(), launch.clone())
        .build(mock_context(noop_assets()))
        .expect("the app builds on the mock runtime");
    install(app.handle(), &launch).expect("the start plan is chosen and the state managed");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("the main window opens");
    Running { _app: app, window }
}

impl Running {
    /// Invokes a command as the UI does; `Err` holds the rejection value.
    fn invoke(&self, command: &str, args: Value) -> Result<Value, Value> {
        let request = tauri::webview::InvokeRequest {
            cmd: command.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().expect("a valid url"),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_owned(),
        };
        tauri::test::get_ipc_response(&self.window, request)
            .map(|body| body.deserialize::<Value>().expect("a command returns JSON"))
    }

    fn ok(&self, command: &str, args: Value) -> Value {
        self.invoke(command, args)
            .unwrap_or_else(|error| panic!("{command} should succeed, got {error}"))
    }

    fn refused(&self, command: &str, args: Value) -> Value {
        match self.invoke(command, args) {
            Ok(state) => panic!("{command} should be refused, got {state}"),
            Err(error) => error,
        }
    }

    fn current(&self) -> Value {
        self.ok("current_plan", json!({}))
    }
}

fn node_ids(state: &Value) -> Vec<String> {
    state["plan"]["nodes"]
        .as_array()
        .expect("plan.nodes is an array")
        .iter()
        .map(|node| node["id"].as_str().expect("node.id is a string").to_owned())
        .collect()
}

fn add_org_goal(id: &str) -> Value {
    json!({ "edit": { "op": "add_node", "node": { "id": id, "kind": "org_goal", "title": "New goal" } } })
}

#[test]
fn current_plan_reports_the_named_plan_with_its_analysis_and_the_fixed_date() {
    let workspace = Workspace::new();
    let path = workspace.plan("a.throughline");
    let app = start(workspace.launch(Some(&path)));
    let state = app.current();
    assert_eq!(state["path"], json!(path.display().to_string()));
    assert_eq!(state["plan"]["name"], json!("Plan a.throughline"));
    assert_eq!(
        state["as_of"],
        json!("2026-11-23"),
        "as_of should be THROUGHLINE_AS_OF as YYYY-MM-DD"
    );
    assert_eq!(state["can_undo"], json!(false));
    assert_eq!(state["can_redo"], json!(false));
    assert!(
        state["analysis"]["findings"].is_array() && state["analysis"]["summary"].is_object(),
        "the analysis should come with the plan: {}",
        state["analysis"]
    );
    assert_eq!(
        state["recent"],
        json!([path.display().to_string()]),
        "the opened plan should head the recent list"
    );
}

#[test]
fn a_refused_edit_returns_its_code_and_message_and_changes_nothing() {
    let workspace = Workspace::new();
    let path = workspace.plan("a.throughline");
    let app = start(workspace.launch(Some(&path)));
    let before = app.current();
    let error = app.refused(
        "apply_edit",
        json!({ "edit": { "op": "add_link", "link": { "kind": "supports", "from": "G2", "to": "G1" } } }),
    );
    assert_eq!(
        error["code"],
        json!("loop"),
        "closing a loop is refused as a loop"
    );
    let message = error["message"].as_str().expect("message is a string");
    assert!(
        message.contains("G2") && message.contains("G1") && message.contains("loop"),
        "the message should name the loop: {message}"
    );
    assert_eq!(
        app.current(),
        before,
        "a refused edit should leave the state as it was"
    );
    let on_disk = Store::open(&path).expect("the plan reopens").plan();
    assert_eq!(
        on_disk.links.len(),
        1,
        "a refused edit should not reach the file"
    );
}

#[test]
fn edits_undo_and_redo_move_through_the_history_and_reach_the_file() {
    let workspace = Workspace::new();
    let path = workspace.plan("a.throughline");
    let app = start(workspace.launch(Some(&path)));

    let added = app.ok("apply_edit", add_org_goal("G3"));
    assert!(node_ids(&added).contains(&"G3".to_owned()));
    assert_eq!(added["can_undo"], json!(true));
    assert_eq!(added["can_redo"], json!(false));
    assert_eq!(
        Store::open(&path).expect("reopens").graph().node_count(),
        3,
        "an accepted edit should be in the file at once"
    );

    let undone = app.ok("undo", json!({}));
    assert!(!node_ids(&undone).contains(&"G3".to_owned()));
    assert_eq!(undone["can_undo"], json!(false));
    assert_eq!(undone["can_redo"], json!(true));

    let redone = app.ok("redo", json!({}));
    assert!(node_ids(&redone).contains(&"G3".to_owned()));
    assert_eq!(redone["can_redo"], json!(false));

    app.ok("undo", json!({}));
    let error = app.refused("undo", json!({}));
    assert_eq!(
        error["code"],
        json!("nothing_to_do"),
        "undo with an empty history should say there is nothing to do"
    );
}

#[test]
fn a_duplicate_node_is_refused_without_touching_the_history() {
    let workspace = Workspace::new();
    let path = workspace.plan("a.throughline");
    let app = start(workspace.launch(Some(&path)));
    let error = app.refused("apply_edit", add_org_goal("G1"));
    assert_eq!(error["code"], json!("duplicate_node"));
    assert_eq!(
        app.current()["can_undo"],
        json!(false),
        "a refused edit is not undoable"
    );
}

#[test]
fn opening_a_file_that_is_not_a_plan_keeps_the_open_plan_and_the_file() {
    let workspace = Workspace::new();
    let path = workspace.plan("a.throughline");
    let app = start(workspace.launch(Some(&path)));
    let notes = workspace.path("notes.throughline");
    std::fs::write(&notes, "shopping list\n").expect("write a text file");
    let error = app.refused("open_plan", json!({ "path": notes }));
    assert_eq!(error["code"], json!("not_a_plan"), "{error}");
    assert_eq!(
        std::fs::read_to_string(&notes).expect("still readable"),
        "shopping list\n",
        "a refused file should be left as it was"
    );
    assert_eq!(app.current()["path"], json!(path.display().to_string()));
}

#[test]
fn open_new_and_save_as_switch_plans_and_keep_the_recent_list_newest_first() {
    let workspace = Workspace::new();
    let first = workspace.plan("a.throughline");
    let second = workspace.plan("b.throughline");
    let app = start(workspace.launch(Some(&first)));

    let opened = app.ok("open_plan", json!({ "path": second }));
    assert_eq!(opened["plan"]["name"], json!("Plan b.throughline"));

    let fresh = workspace.path("fresh.throughline");
    let created = app.ok("new_plan", json!({ "path": fresh, "name": "Fresh start" }));
    assert_eq!(created["plan"]["name"], json!("Fresh start"));
    assert_eq!(created["plan"]["nodes"], json!([]));
    let error = app.refused("new_plan", json!({ "path": first, "name": "Clobber" }));
    assert!(
        !error["code"].as_str().unwrap_or_default().is_empty(),
        "creating over an existing file should be refused: {error}"
    );
    assert_eq!(
        Store::open(&first).expect("reopens").graph().name(),
        "Plan a.throughline",
        "a refused new plan should not overwrite the file"
    );

    app.ok("apply_edit", add_org_goal("G9"));
    let copy = workspace.path("copy.throughline");
    let saved = app.ok("save_plan_as", json!({ "path": copy }));
    assert_eq!(saved["path"], json!(copy.display().to_string()));
    assert_eq!(
        saved["can_undo"],
        json!(true),
        "save as keeps the history: the copy holds the same plan"
    );
    let undone = app.ok("undo", json!({}));
    assert_eq!(undone["plan"]["nodes"], json!([]));
    assert_eq!(
        Store::open(&fresh).expect("reopens").graph().node_count(),
        1,
        "an undo after save as should change the copy, not the original"
    );
    assert_eq!(
        undone["recent"],
        json!(
            [copy, fresh, second, first]
                .iter()
                .map(|path| path.display().to_string())
                .collect::<Vec<_>>()
        ),
        "every plan opened or written should be in the recent list, newest first"
    );
}

#[test]
fn the_start_plan_is_the_named_one_then_the_last_opened_then_the_sample() {
    let workspace = Workspace::new();
    let first = workspace.plan("a.throughline");
    let second = workspace.plan("b.throughline");

    let app = start(workspace.launch(Some(&first)));
    app.ok("open_plan", json!({ "path": second }));
    drop(app);

    let reopened = start(workspace.launch(None));
    assert_eq!(
        reopened.current()["path"],
        json!(second.display().to_string()),
        "without a named plan the app should reopen the plan opened last"
    );
    drop(reopened);

    let named = start(workspace.launch(Some(&first)));
    assert_eq!(
        named.current()["path"],
        json!(first.display().to_string()),
        "a named plan should win over the plan opened last"
    );
    drop(named);

    std::fs::remove_file(&first).expect("delete the last plan");
    let fallback = start(workspace.launch(None));
    let state = fallback.current();
    let sample = workspace.path("data").join(SAMPLE_FILE_NAME);
    assert_eq!(
        state["path"],
        json!(sample.display().to_string()),
        "when the last plan is gone the sample should open"
    );
    assert_eq!(
        state["plan"]["name"],
        json!(throughline_core::sample::sample_plan().name())
    );
    assert!(
        sample.exists(),
        "the sample should be written to the data folder"
    );
}

#[test]
fn a_named_plan_that_cannot_open_is_reported_and_another_can_be_opened() {
    let workspace = Workspace::new();
    let missing = workspace.path("missing.throughline");
    let app = start(workspace.launch(Some(&missing)));
    let error = app.refused("current_plan", json!({}));
    assert_eq!(error["code"], json!("io"), "{error}");
    assert!(
        error["message"]
            .as_str()
            .unwrap_or_default()
            .contains("missing.throughline"),
        "the message should name the file: {error}"
    );
    assert!(!missing.exists(), "a missing plan should not be created");
    let other = workspace.plan("other.throughline");
    let opened = app.ok("open_plan", json!({ "path": other }));
    assert_eq!(opened["plan"]["name"], json!("Plan other.throughline"));
    app.current();
}

#[test]
fn reports_are_written_in_every_format_and_an_unknown_team_is_refused() {
    let workspace = Workspace::new();
    let path = workspace.plan("a.throughline");
    let app = start(workspace.launch(Some(&path)));
    for format in ["html", "pdf", "md", "csv", "json"] {
        let target = workspace.path(&format!("report.{format}"));
        let written = app.ok(
            "export_report",
            json!({ "path": target, "format": format, "team": null }),
        );
        assert_eq!(written, Value::Null, "export_report returns nothing");
        let size = std::fs::metadata(&target)
            .unwrap_or_else(|error| panic!("report.{format} should exist: {error}"))
            .len();
        assert!(size > 0, "report.{format} should not be empty");
    }
    assert!(
        workspace.path("report-allocations.csv").exists(),
        "a CSV report comes with its allocations file"
    );
    let error = app.refused(
        "export_report",
        json!({ "path": workspace.path("team.md"), "format": "md", "team": "Nobody" }),
    );
    assert!(
        !error["code"].as_str().unwrap_or_default().is_empty()
            && !workspace.path("team.md").exists(),
        "a report for an unknown team should be refused and write nothing: {error}"
    );
}

#[test]
fn the_test_save_hook_stays_inside_its_folder() {
    let workspace = Workspace::new();
    let path = workspace.plan("a.throughline");
    let app = start(workspace.launch(Some(&path)));
    let saved = workspace.path("saved");
    assert_eq!(
        app.ok("test_save_path", json!({ "defaultName": "report.html" })),
        json!(saved.join("report.html"))
    );
    assert_eq!(
        app.ok(
            "test_save_path",
            json!({ "defaultName": "../../etc/report.html" })
        ),
        json!(saved.join("report.html")),
        "a name with folders should be reduced to its file name"
    );

    let without = Workspace::new();
    let plain = without.plan("a.throughline");
    let app = start(Launch {
        test_save_dir: None,
        ..without.launch(Some(&plain))
    });
    assert_eq!(
        app.ok("test_save_path", json!({ "defaultName": "report.html" })),
        Value::Null,
        "without the test folder the hook should answer null so the UI opens the dialog"
    );
}

#[test]
fn importing_a_json_plan_creates_and_opens_a_plan_file_and_bad_json_creates_nothing() {
    let workspace = Workspace::new();
    let path = workspace.plan("a.throughline");
    let app = start(workspace.launch(Some(&path)));

    let source = workspace.path("board.json");
    let graph = throughline_core::store::load_plan(&path).expect("the test plan reads back");
    throughline_core::interchange::write_file(&source, &graph.to_plan())
        .expect("the JSON plan is written");
    let imported = workspace.path("board.throughline");
    let state = app.ok("import_plan", json!({ "source": source, "path": imported }));
    assert_eq!(state["path"], json!(imported.display().to_string()));
    assert_eq!(node_ids(&state), ["G1", "G2"], "the imported plan is open");
    assert_eq!(
        Store::open(&imported)
            .expect("the new file is a plan")
            .plan(),
        graph.to_plan(),
        "the plan file holds exactly the JSON plan"
    );

    let broken = workspace.path("broken.json");
    std::fs::write(
        &broken,
        r#"{"format": "throughline-plan", "version": 1, "name": "x", "nodes": [{"id": "A"}]}"#,
    )
    .expect("write the broken plan");
    let target = workspace.path("broken.throughline");
    let error = app.refused("import_plan", json!({ "source": broken, "path": target }));
    assert!(
        error["message"]
            .as_str()
            .unwrap_or_default()
            .contains("broken.json"),
        "the refusal names the file: {error}"
    );
    assert!(!target.exists(), "a refused import should create no file");
    assert_eq!(
        app.current()["path"],
        json!(imported.display().to_string()),
        "the open plan stays open after a refused import"
    );
}
