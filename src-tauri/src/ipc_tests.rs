//! The app's commands through Tauri's IPC on the mock runtime: argument names as the UI
//! sends them, `{code, message}` errors, state transitions, and the start-plan order.
//! The file dialogs are answered by the debug builds' stand-in (`dialogs::StandIn`): a
//! native dialog on the mock runtime would block forever.
//!
//! These live in the library rather than in `tests/`: an integration test would make
//! `cargo test` rebuild the `throughline-app` binary without `custom-protocol`, over the
//! one the WebDriver tests run.

use std::path::{Path, PathBuf};

use crate::dialogs::StandIn;
use crate::startup::{Launch, SAMPLE_FILE_NAME};
use crate::{configure, install};
use serde_json::{Value, json};
use tauri::test::{INVOKE_KEY, MockRuntime, mock_builder, mock_context, noop_assets};
use tauri::{App, WebviewWindow};
use throughline_core::graph::PlanGraph;
use throughline_core::model::{Link, Node, NodeKind, Plan};
use throughline_core::store::{Store, load_plan};

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
            dialog_stand_in: StandIn {
                save_dir: Some(self.path("saved")),
                open_answer: Some(self.path("open-answer")),
            },
            ..Launch::default()
        }
    }

    /// Where every save dialog answers: the `saved` folder and the proposed name.
    fn saved(&self, name: &str) -> PathBuf {
        self.path("saved").join(name)
    }

    /// Makes the next open dialog pick `path`; `None` makes it answer as cancelled.
    fn answer_open(&self, path: Option<&Path>) {
        let answer = path
            .map(|path| path.display().to_string())
            .unwrap_or_default();
        std::fs::write(self.path("open-answer"), answer).expect("the open answer is written");
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
    if let Some(folder) = &launch.dialog_stand_in.save_dir {
        std::fs::create_dir_all(folder).expect("the save folder exists");
    }
    let app = configure(mock_builder(), launch.clone())
        .build(mock_context(noop_assets()))
        .expect("the app builds on the mock runtime");
    install(app.handle(), &launch).expect("the start plan is chosen and the state managed");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("the main window opens");
    Running { _app: app, window }
}

/// As the real app does on exit: the plan is closed and its lock let go.
impl Drop for Running {
    fn drop(&mut self) {
        use tauri::Manager;
        self._app.state::<crate::state::AppState>().close();
    }
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

/// The channel argument `export_report` takes, as the UI's `Channel` serialises it.
const ON_CHOSEN: &str = "__CHANNEL__:7";

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
    let on_disk = load_plan(&path).expect("the plan reads").to_plan();
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
    assert_eq!(added["plan"]["upserted_nodes"][0]["id"], json!("G3"));
    assert_eq!(added["plan"]["structure_changed"], json!(true));
    assert_eq!(added["can_undo"], json!(true));
    assert_eq!(added["can_redo"], json!(false));
    assert_eq!(
        load_plan(&path).expect("reads").node_count(),
        3,
        "an accepted edit should be in the file at once"
    );

    let undone = app.ok("undo", json!({}));
    assert_eq!(undone["plan"]["removed_nodes"], json!(["G3"]));
    assert_eq!(undone["can_undo"], json!(false));
    assert_eq!(undone["can_redo"], json!(true));

    let redone = app.ok("redo", json!({}));
    assert_eq!(redone["plan"]["upserted_nodes"][0]["id"], json!("G3"));
    assert_eq!(redone["can_redo"], json!(false));

    app.ok("undo", json!({}));
    let error = app.refused("undo", json!({}));
    assert_eq!(
        error["code"],
        json!("nothing_to_do"),
        "undo with an empty history should say there is nothing to do"
    );
}

/// The window's state with an edit's answer applied, as the UI applies it.
fn with_answer(mut state: Value, answer: &Value) -> Value {
    let key = |link: &Value| format!("{}|{}|{}", link["kind"], link["from"], link["to"]);
    let change = &answer["plan"];
    let nodes = state["plan"]["nodes"].as_array_mut().expect("nodes");
    let gone: Vec<&Value> = change["removed_nodes"]
        .as_array()
        .expect("removed")
        .iter()
        .collect();
    nodes.retain(|node| !gone.contains(&&node["id"]));
    for node in change["upserted_nodes"].as_array().expect("upserted") {
        match nodes.iter_mut().find(|held| held["id"] == node["id"]) {
            Some(held) => *held = node.clone(),
            None => nodes.push(node.clone()),
        }
    }
    let links = state["plan"]["links"].as_array_mut().expect("links");
    let gone: Vec<String> = change["removed_links"]
        .as_array()
        .expect("removed")
        .iter()
        .map(key)
        .collect();
    links.retain(|link| !gone.contains(&key(link)));
    for link in change["upserted_links"].as_array().expect("upserted") {
        match links.iter_mut().find(|held| key(held) == key(link)) {
            Some(held) => *held = link.clone(),
            None => links.push(link.clone()),
        }
    }
    for (resource, sum) in change["allocated"].as_object().expect("allocated") {
        let allocated = state["allocated"].as_object_mut().expect("allocated");
        if sum.is_null() {
            allocated.remove(resource);
        } else {
            allocated.insert(resource.clone(), sum.clone());
        }
    }
    let findings = state["analysis"]["findings"]
        .as_array_mut()
        .expect("findings");
    let same = |a: &Value, b: &Value| a["rule"] == b["rule"] && a["node"] == b["node"];
    for key in answer["findings"]["removed"].as_array().expect("removed") {
        findings.retain(|finding| !same(finding, key));
    }
    for finding in answer["findings"]["upserted"].as_array().expect("upserted") {
        findings.retain(|held| !same(held, finding));
        findings.push(finding.clone());
    }
    if !change["settings"].is_null() {
        state["plan"]["name"] = change["settings"]["name"].clone();
        state["plan"]["review_cadence_days"] = change["settings"]["review_cadence_days"].clone();
    }
    state["analysis"]["summary"] = answer["findings"]["summary"].clone();
    for field in ["score_counts_text", "can_undo", "can_redo", "as_of"] {
        state[field] = answer[field].clone();
    }
    state
}

/// Nodes, links and findings in one order, for comparing states that came by different ways.
fn in_order(mut state: Value) -> Value {
    let sort = |items: &mut Value, key: &dyn Fn(&Value) -> String| {
        items
            .as_array_mut()
            .expect("an array")
            .sort_by_key(|item| key(item));
    };
    sort(&mut state["plan"]["nodes"], &|node| node["id"].to_string());
    sort(&mut state["plan"]["links"], &|link| {
        format!("{}|{}|{}", link["kind"], link["from"], link["to"])
    });
    sort(&mut state["analysis"]["findings"], &|finding| {
        format!("{}|{}", finding["rule"], finding["node"])
    });
    state
}

#[test]
fn an_edit_answers_what_changed_and_the_answer_applied_gives_the_new_state() {
    let workspace = Workspace::new();
    let path = workspace.path("sample.throughline");
    Store::create(&path, &throughline_core::sample::sample_plan()).expect("the sample plan file");
    let app = start(workspace.launch(Some(&path)));
    let first_link = app.current()["plan"]["links"][0].clone();
    let resource = app.current()["plan"]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .find(|node| node["kind"] == json!("resource"))
        .expect("the sample has a resource")
        .clone();
    let mut dropped = resource.clone();
    dropped["status"] = json!("dropped");
    let steps: Vec<(&str, Value)> = vec![
        ("apply_edit", add_org_goal("G-new")),
        (
            "apply_edit",
            json!({ "edit": { "op": "update_settings", "settings": { "name": "Renamed", "review_cadence_days": 7 } } }),
        ),
        (
            "apply_edit",
            json!({ "edit": { "op": "update_node", "node": dropped } }),
        ),
        (
            "apply_edit",
            json!({ "edit": { "op": "remove_link", "key": { "kind": first_link["kind"], "from": first_link["from"], "to": first_link["to"] } } }),
        ),
        ("undo", json!({})),
        ("undo", json!({})),
        ("redo", json!({})),
        (
            "apply_edit",
            json!({ "edit": { "op": "remove_node", "id": resource["id"] } }),
        ),
        ("undo", json!({})),
    ];
    for (command, args) in steps {
        let before = app.current();
        let answer = app.ok(command, args.clone());
        assert!(
            answer.get("analysis").is_none(),
            "{command} answers what changed, not the whole analysis"
        );
        assert_eq!(
            in_order(with_answer(before, &answer)),
            in_order(app.current()),
            "{command} {args}: the answer applied to the state before gives the state after"
        );
    }
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
    workspace.answer_open(Some(&notes));
    let error = app.refused("open_plan", json!({}));
    assert_eq!(error["code"], json!("not_a_plan"), "{error}");
    assert_eq!(
        std::fs::read_to_string(&notes).expect("still readable"),
        "shopping list\n",
        "a refused file should be left as it was"
    );
    assert_eq!(app.current()["path"], json!(path.display().to_string()));
}

#[test]
fn open_new_recent_and_save_as_ask_rust_for_the_file_and_keep_the_recent_list_newest_first() {
    let workspace = Workspace::new();
    let first = workspace.plan("a.throughline");
    let second = workspace.plan("b.throughline");
    let app = start(workspace.launch(Some(&first)));

    workspace.answer_open(Some(&second));
    let opened = app.ok("open_plan", json!({}));
    assert_eq!(opened["state"]["plan"]["name"], json!("Plan b.throughline"));
    assert_eq!(
        opened["imported_from"],
        Value::Null,
        "a plan file is opened, not imported"
    );

    let fresh = workspace.saved("new-plan.throughline");
    let created = app.ok("new_plan", json!({}));
    assert_eq!(created["path"], json!(fresh.display().to_string()));
    assert_eq!(
        created["plan"]["name"],
        json!("New plan"),
        "a new plan is named after the file the user chose"
    );
    assert_eq!(created["plan"]["nodes"], json!([]));
    let error = app.refused("new_plan", json!({}));
    assert!(
        !error["code"].as_str().unwrap_or_default().is_empty(),
        "creating over an existing file should be refused: {error}"
    );
    assert_eq!(
        created["recent"],
        json!(
            [&fresh, &second, &first]
                .iter()
                .map(|path| path.display().to_string())
                .collect::<Vec<_>>()
        )
    );

    let reopened = app.ok("open_recent", json!({ "index": 1 }));
    assert_eq!(
        reopened["path"],
        json!(second.display().to_string()),
        "entry 1 of the recent list shown is the plan opened before the new one"
    );
    let error = app.refused("open_recent", json!({ "index": 4 }));
    assert_eq!(error["code"], json!("unknown_recent"), "{error}");

    app.ok("apply_edit", add_org_goal("G9"));
    let copy = workspace.saved("plan-b-throughline.throughline");
    let saved = app.ok("save_plan_as", json!({}));
    assert_eq!(
        saved["path"],
        json!(copy.display().to_string()),
        "the copy is proposed under the plan's name"
    );
    assert_eq!(
        saved["can_undo"],
        json!(true),
        "save as keeps the history: the copy holds the same plan"
    );
    app.ok("undo", json!({}));
    let undone = app.current();
    assert_eq!(node_ids(&undone), ["G1", "G2"]);
    assert_eq!(
        load_plan(&second).expect("reads").node_count(),
        3,
        "an undo after save as should change the copy, not the original"
    );
    assert_eq!(
        undone["recent"],
        json!(
            [copy, second, fresh, first]
                .iter()
                .map(|path| path.display().to_string())
                .collect::<Vec<_>>()
        ),
        "every plan opened or written should be in the recent list, newest first"
    );
}

#[test]
fn a_cancelled_dialog_answers_null_and_changes_nothing() {
    let workspace = Workspace::new();
    let path = workspace.plan("a.throughline");
    let app = start(workspace.launch(Some(&path)));
    let before = app.current();
    workspace.answer_open(None);
    assert_eq!(app.ok("open_plan", json!({})), Value::Null);
    assert_eq!(
        app.current(),
        before,
        "a cancelled Open should leave the open plan"
    );
}

#[test]
fn a_path_named_by_the_page_is_ignored() {
    let workspace = Workspace::new();
    let path = workspace.plan("a.throughline");
    let other = workspace.plan("other.throughline");
    let app = start(workspace.launch(Some(&path)));
    let target = workspace.path("chosen-by-the-page.md");
    let written = app.ok(
        "export_report",
        json!({ "path": target, "format": "md", "team": null, "onChosen": ON_CHOSEN }),
    );
    assert!(
        !target.exists(),
        "the report must not be written where the page said"
    );
    assert_eq!(
        written,
        json!(
            workspace
                .saved("plan-a-throughline.md")
                .display()
                .to_string()
        ),
        "the report goes where the (stand-in) dialog answered"
    );
    workspace.answer_open(None);
    assert_eq!(
        app.ok("open_plan", json!({ "path": other })),
        Value::Null,
        "Open follows the dialog, not a path from the page"
    );
    assert_eq!(app.current()["path"], json!(path.display().to_string()));
}

#[test]
fn the_start_plan_is_the_named_one_then_the_last_opened_then_the_sample() {
    let workspace = Workspace::new();
    let first = workspace.plan("a.throughline");
    let second = workspace.plan("b.throughline");

    let app = start(workspace.launch(Some(&first)));
    workspace.answer_open(Some(&second));
    app.ok("open_plan", json!({}));
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
    workspace.answer_open(Some(&other));
    let opened = app.ok("open_plan", json!({}));
    assert_eq!(
        opened["state"]["plan"]["name"],
        json!("Plan other.throughline")
    );
    app.current();
}

#[test]
fn reports_are_written_in_every_format_and_an_unknown_team_is_refused() {
    let workspace = Workspace::new();
    let path = workspace.plan("a.throughline");
    let app = start(workspace.launch(Some(&path)));
    for format in ["html", "pdf", "md", "csv", "json"] {
        let target = workspace.saved(&format!("plan-a-throughline.{format}"));
        let written = app.ok(
            "export_report",
            json!({ "format": format, "team": null, "onChosen": ON_CHOSEN }),
        );
        assert_eq!(
            written,
            json!(target.display().to_string()),
            "export_report answers the file it wrote"
        );
        let size = std::fs::metadata(&target)
            .unwrap_or_else(|error| panic!("{} should exist: {error}", target.display()))
            .len();
        assert!(size > 0, "{} should not be empty", target.display());
    }
    assert!(
        workspace
            .saved("plan-a-throughline-allocations.csv")
            .exists(),
        "a CSV report comes with its allocations file"
    );
    let error = app.refused(
        "export_report",
        json!({ "format": "md", "team": "Nobody", "onChosen": ON_CHOSEN }),
    );
    let team_report = workspace.saved("plan-a-throughline-nobody.md");
    assert!(
        error["code"] == json!("unknown_team") && !team_report.exists(),
        "a report for an unknown team should be refused and write nothing: {error}"
    );
}

#[test]
fn opening_a_json_plan_imports_it_into_a_new_plan_file_and_bad_json_creates_nothing() {
    let workspace = Workspace::new();
    let path = workspace.plan("a.throughline");
    let app = start(workspace.launch(Some(&path)));

    let source = workspace.path("board.json");
    let graph = throughline_core::store::load_plan(&path).expect("the test plan reads back");
    throughline_core::interchange::write_file(&source, &graph.to_plan())
        .expect("the JSON plan is written");
    let imported = workspace.saved("board.throughline");
    workspace.answer_open(Some(&source));
    let opened = app.ok("open_plan", json!({}));
    assert_eq!(
        opened["imported_from"],
        json!(source.display().to_string()),
        "a JSON plan picked in Open is imported"
    );
    let state = &opened["state"];
    assert_eq!(state["path"], json!(imported.display().to_string()));
    assert_eq!(node_ids(state), ["G1", "G2"], "the imported plan is open");
    assert_eq!(
        load_plan(&imported)
            .expect("the new file is a plan")
            .to_plan(),
        graph.to_plan(),
        "the plan file holds exactly the JSON plan"
    );

    let broken = workspace.path("broken.json");
    std::fs::write(
        &broken,
        r#"{"format": "throughline-plan", "version": 1, "name": "x", "nodes": [{"id": "A"}]}"#,
    )
    .expect("write the broken plan");
    let target = workspace.saved("broken.throughline");
    workspace.answer_open(Some(&broken));
    let error = app.refused("open_plan", json!({}));
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

#[test]
fn a_plan_another_window_edits_is_refused_by_name_and_opens_read_only() {
    let workspace = Workspace::new();
    let path = workspace.plan("shared.throughline");
    // The other window: it has the plan open for editing.
    let mut other = Store::open(&path).expect("the other window opens the plan");

    let app = start(workspace.launch(Some(&path)));
    let error = app.refused("current_plan", json!({}));
    assert_eq!(error["code"], json!("plan_in_use"), "{error}");
    let message = error["message"].as_str().expect("a message");
    assert!(
        message.contains("open for editing") && message.contains(" since "),
        "the message says who has the plan and since when: {message}"
    );

    let read_only = app.ok("open_read_only", json!({}));
    assert_eq!(read_only["read_only"], json!(true));
    assert_eq!(node_ids(&read_only), ["G1", "G2"]);
    let refused = app.refused("apply_edit", add_org_goal("G3"));
    assert_eq!(refused["code"], json!("opened_read_only"), "{refused}");

    // The other window's edits still reach the file; this one never wrote to it.
    other
        .apply(throughline_core::Edit::AddNode {
            node: Node::new("G9", NodeKind::OrgGoal, "Theirs"),
        })
        .expect("the editor's edit is saved");
    drop(other);
    assert_eq!(load_plan(&path).expect("reads").node_count(), 3);

    // Once the other window has closed it, opening it again edits it.
    workspace.answer_open(Some(&path));
    let opened = app.ok("open_plan", json!({}));
    assert_eq!(opened["state"]["read_only"], json!(false));
    assert_eq!(node_ids(&opened["state"]), ["G1", "G2", "G9"]);
    app.ok("apply_edit", add_org_goal("G3"));
    assert_eq!(load_plan(&path).expect("reads").node_count(), 4);
}

#[test]
fn opening_the_plan_this_window_already_edits_shows_it_again() {
    let workspace = Workspace::new();
    let path = workspace.plan("mine.throughline");
    let app = start(workspace.launch(Some(&path)));
    app.ok("apply_edit", add_org_goal("G3"));
    workspace.answer_open(Some(&path));
    let opened = app.ok("open_plan", json!({}));
    assert_eq!(opened["state"]["read_only"], json!(false));
    assert_eq!(
        opened["state"]["can_undo"],
        json!(true),
        "the same open plan, history and all, not a refusal"
    );
}

#[test]
fn an_edit_after_another_program_changed_the_file_is_refused_and_the_plan_shown_anew() {
    let workspace = Workspace::new();
    let path = workspace.plan("changed.throughline");
    let app = start(workspace.launch(Some(&path)));
    app.current();
    let other = rusqlite::Connection::open(&path).expect("another program");
    other
        .execute(
            "UPDATE nodes SET title = 'Renamed outside' WHERE id = 'G1'",
            [],
        )
        .expect("its change");
    drop(other);
    let refused = app.refused("apply_edit", add_org_goal("G3"));
    assert_eq!(refused["code"], json!("changed_outside"), "{refused}");
    let now = app.current();
    assert_eq!(now["plan"]["nodes"][0]["title"], json!("Renamed outside"));
    assert_eq!(
        now["can_undo"],
        json!(false),
        "the history of another plan is gone"
    );
    app.ok("apply_edit", add_org_goal("G3"));
}

#[test]
fn open_sample_writes_the_sample_when_missing_and_opens_it() {
    let workspace = Workspace::new();
    let missing = workspace.path("missing.throughline");
    let app = start(workspace.launch(Some(&missing)));
    assert!(app.invoke("current_plan", json!({})).is_err());
    let sample = app.ok("open_sample", json!({}));
    assert!(node_ids(&sample).len() > 30, "the sample plan is open");
    assert!(workspace.path("data").join(SAMPLE_FILE_NAME).is_file());
}

#[test]
fn import_reads_a_spreadsheet_into_a_new_plan_file_and_answers_its_summary() {
    let workspace = Workspace::new();
    let path = workspace.plan("a.throughline");
    let app = start(workspace.launch(Some(&path)));

    let template = app.ok("save_spreadsheet_template", json!({}));
    let saved = workspace.saved("throughline-template.xlsx");
    assert_eq!(template, json!(saved.display().to_string()));

    workspace.answer_open(Some(&saved));
    let imported = app.ok("import_plan", json!({}));
    let target = workspace.saved("throughline-template.throughline");
    assert_eq!(
        imported["imported_from"],
        json!(saved.display().to_string())
    );
    assert_eq!(
        imported["state"]["path"],
        json!(target.display().to_string())
    );
    assert_eq!(
        load_plan(&target)
            .expect("the new file is a plan")
            .to_plan(),
        throughline_core::spreadsheet::example_plan(),
        "the plan file holds the template's example"
    );
    let summary: Vec<&str> = imported["summary"]
        .as_array()
        .expect("summary lines")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        summary.contains(&"Links: 3 supports, 1 allocates"),
        "{summary:?}"
    );

    // A refused file creates nothing and leaves the imported plan open.
    let broken = workspace.path("q3.csv");
    std::fs::write(&broken, "id,kind\nG1,goal\n").expect("write");
    workspace.answer_open(Some(&broken));
    let error = app.refused("import_plan", json!({}));
    assert_eq!(error["code"], json!("invalid_field"), "{error}");
    assert!(!workspace.saved("q3.throughline").exists());
    assert_eq!(app.current()["path"], json!(target.display().to_string()));
}

#[test]
fn share_brief_writes_the_one_page_brief_where_the_dialog_answered() {
    let workspace = Workspace::new();
    let path = workspace.path("sample.throughline");
    Store::create(&path, &throughline_core::sample::sample_plan())
        .expect("the sample plan file is written");
    let app = start(workspace.launch(Some(&path)));
    let answer = app.ok(
        "share_brief",
        json!({ "node": "I-PORTAL", "format": "pdf" }),
    );
    let target =
        workspace.saved("brief-launch-the-self-service-portal-with-the-top-50-request-types.pdf");
    assert_eq!(
        answer,
        json!({ "path": target.display().to_string(), "left_out": null }),
        "share_brief answers the file it wrote, and that the brief fit one page"
    );
    let text = pdf_extract_text(&target);
    assert!(
        text.contains("page 1 of 1") && text.contains("Shift left to self-service"),
        "the file is the one-page brief of the initiative: {text}"
    );
    for (node, code) in [("TG-FCR", "not_briefable"), ("NOPE", "unknown_node")] {
        let error = app.refused("share_brief", json!({ "node": node, "format": "md" }));
        assert_eq!(error["code"], json!(code), "{error}");
        assert!(
            error["message"].as_str().unwrap_or_default().contains(node),
            "the message names {node}: {error}"
        );
    }
}

fn pdf_extract_text(path: &Path) -> String {
    let bytes =
        std::fs::read(path).unwrap_or_else(|error| panic!("{} exists: {error}", path.display()));
    pdf_extract::extract_text_from_mem(&bytes).expect("the PDF reads back as text")
}

#[test]
fn the_roadmap_answers_the_open_plans_work_grouped_as_asked_and_refuses_an_unknown_grouping() {
    let workspace = Workspace::new();
    let path = workspace.path("sample.throughline");
    Store::create(&path, &throughline_core::sample::sample_plan()).expect("the sample is written");
    let app = start(workspace.launch(Some(&path)));
    let by_team = app.ok("roadmap", json!({ "grouping": "team" }));
    assert_eq!(by_team["as_of"], json!("2026-11-23"));
    let teams: Vec<&str> = by_team["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|group| group["title"].as_str().expect("a title"))
        .collect();
    assert_eq!(
        teams,
        ["Applications", "Infrastructure", "Security", "Service Desk"]
    );
    let by_goal = app.ok("roadmap", json!({ "grouping": "org_goal" }));
    assert_eq!(by_goal["groups"][0]["goal"], json!("G-SERVICE"));
    let refused = app.refused("roadmap", json!({ "grouping": "colour" }));
    // Tauri refuses arguments it cannot read before the command runs, as a bare string
    // (the UI's toAppError makes it an `internal` AppError).
    assert!(
        refused
            .as_str()
            .is_some_and(|message| message.contains("colour") && message.contains("org_goal")),
        "the refusal names the bad grouping and the good ones: {refused}"
    );
}
#[path = "ipc_tests_scenario.rs"]
mod scenario;
