//! Issue 11 through the IPC: baselines taken and compared, scenarios started, edited,
//! discarded and applied, and quick what-ifs that change nothing until made.

use serde_json::{Value, json};
use throughline_core::sample::sample_plan;
use throughline_core::store::{Store, load_plan};

use super::{Workspace, node_ids, start};

/// A plan file holding the sample plan, with its resources and findings.
fn sample_file(workspace: &Workspace) -> std::path::PathBuf {
    let path = workspace.path("sample.throughline");
    Store::create(&path, &sample_plan()).expect("the sample plan file is written");
    path
}

fn retitle(state: &Value, id: &str, title: &str) -> Value {
    let mut node = state["plan"]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .find(|node| node["id"] == json!(id))
        .unwrap_or_else(|| panic!("{id} is in the plan"))
        .clone();
    node["title"] = json!(title);
    json!({ "edit": { "op": "update_node", "node": node } })
}

fn lines(reading: &Value) -> Vec<String> {
    reading["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|section| section["lines"].as_array().expect("lines").clone())
        .map(|line| line.as_str().expect("a line is text").to_owned())
        .collect()
}

fn export(path: &std::path::Path) -> String {
    throughline_core::interchange::to_json(&load_plan(path).expect("the plan reads").to_plan())
}

#[test]
fn a_baseline_is_taken_listed_and_compared_in_sentences_with_titles() {
    let workspace = Workspace::new();
    let path = sample_file(&workspace);
    let app = start(workspace.launch(Some(&path)));
    assert_eq!(app.ok("list_baselines", json!({})), json!([]));

    let listed = app.ok("take_baseline", json!({ "name": "Board review 2027-Q1" }));
    assert_eq!(
        listed,
        json!([{ "name": "Board review 2027-Q1", "taken_on": "2026-11-23" }])
    );
    let error = app.refused("take_baseline", json!({ "name": "Board review 2027-Q1" }));
    assert_eq!(error["code"], json!("duplicate_baseline"));
    let error = app.refused("take_baseline", json!({ "name": "  " }));
    assert_eq!(error["code"], json!("invalid_field"));

    let unchanged = app.ok(
        "compare_baseline",
        json!({ "name": "Board review 2027-Q1" }),
    );
    assert_eq!(unchanged["is_empty"], json!(true));

    let state = app.current();
    app.ok(
        "apply_edit",
        retitle(&state, "I-PORTAL", "Portal, phase one"),
    );
    let reading = app.ok(
        "compare_baseline",
        json!({ "name": "Board review 2027-Q1" }),
    );
    assert_eq!(reading["old_label"], json!("Board review 2027-Q1"));
    assert_eq!(reading["marks"]["I-PORTAL"], json!("changed"));
    let said = lines(&reading);
    assert!(
        said.iter().any(|line| line.contains("“Portal, phase one”")
            && line.contains("from “Launch the self-service portal")),
        "the change reads with titles: {said:?}"
    );
    let error = app.refused("compare_baseline", json!({ "name": "No such" }));
    assert_eq!(error["code"], json!("unknown_baseline"));
}

#[test]
fn a_discarded_scenario_leaves_the_plan_file_as_it_was() {
    let workspace = Workspace::new();
    let path = sample_file(&workspace);
    let app = start(workspace.launch(Some(&path)));
    let before = export(&path);
    let plan_state = app.current();
    assert_eq!(plan_state["scenario"], Value::Null);

    let started = app.ok("start_scenario", json!({}));
    assert_eq!(started["scenario"]["is_empty"], json!(true));
    assert_eq!(started["can_undo"], json!(false));
    let error = app.refused("start_scenario", json!({}));
    assert_eq!(error["code"], json!("scenario_active"));

    let answer = app.ok(
        "apply_edit",
        json!({ "edit": { "op": "remove_node", "id": "I-PORTAL" } }),
    );
    let reading = &answer["scenario"];
    assert_eq!(answer["can_undo"], json!(true));
    assert!(
        reading["findings_appeared"].as_u64().unwrap_or(0)
            + reading["findings_resolved"].as_u64().unwrap_or(0)
            > 0,
        "dropping the portal changes the findings: {reading}"
    );
    assert_ne!(reading["score_before"], Value::Null);
    assert_eq!(
        export(&path),
        before,
        "a scenario's edit never reaches the file"
    );
    let shown = app.current();
    assert!(!node_ids(&shown).contains(&"I-PORTAL".to_owned()));
    assert_eq!(shown["scenario"]["is_empty"], json!(false));

    let error = app.refused("take_baseline", json!({ "name": "During" }));
    assert_eq!(error["code"], json!("scenario_active"));

    let discarded = app.ok("discard_scenario", json!({}));
    assert_eq!(discarded["scenario"], Value::Null);
    assert!(node_ids(&discarded).contains(&"I-PORTAL".to_owned()));
    assert_eq!(
        discarded["can_undo"],
        json!(false),
        "the plan's history is untouched"
    );
    assert_eq!(export(&path), before);
    let error = app.refused("discard_scenario", json!({}));
    assert_eq!(error["code"], json!("no_scenario"));
    let error = app.refused("apply_scenario", json!({}));
    assert_eq!(error["code"], json!("no_scenario"));
}

#[test]
fn an_applied_scenario_lands_as_one_edit_that_one_undo_takes_back() {
    let workspace = Workspace::new();
    let path = sample_file(&workspace);
    let app = start(workspace.launch(Some(&path)));
    let before = export(&path);

    let started = app.ok("start_scenario", json!({}));
    app.ok(
        "apply_edit",
        retitle(&started, "G-COST", "Cut IT run cost 5%"),
    );
    app.ok(
        "apply_edit",
        json!({ "edit": { "op": "remove_node", "id": "I-EXCHANGE" } }),
    );
    let undone = app.ok("undo", json!({}));
    assert_eq!(
        undone["plan"]["upserted_nodes"][0]["id"],
        json!("I-EXCHANGE"),
        "undo during a scenario undoes the scenario's edit"
    );
    assert_eq!(export(&path), before);

    let applied = app.ok("apply_scenario", json!({}));
    assert_eq!(applied["scenario"], Value::Null);
    assert_eq!(applied["can_undo"], json!(true));
    let on_disk = load_plan(&path).expect("the plan reads");
    assert_eq!(
        on_disk.node("G-COST").map(|node| node.title.as_str()),
        Some("Cut IT run cost 5%")
    );
    assert!(
        on_disk.node("I-EXCHANGE").is_some(),
        "the undone edit is not applied"
    );

    app.ok("undo", json!({}));
    assert_eq!(
        export(&path),
        before,
        "one undo takes the whole scenario back"
    );
    assert_eq!(app.current()["can_undo"], json!(false));
}

#[test]
fn a_quick_what_if_shows_its_impact_and_changes_nothing_until_made() {
    let workspace = Workspace::new();
    let path = sample_file(&workspace);
    let app = start(workspace.launch(Some(&path)));
    let before = export(&path);
    let state_before = app.current();

    let doubled =
        json!({ "changes": [{ "op": "scale", "resource": "R-SD-BUDGET", "factor": 2.0 }] });
    let reading = app.ok("what_if_impact", doubled.clone());
    let created = reading["over_allocations_created"]
        .as_array()
        .expect("a list");
    assert!(
        created.iter().any(|line| line
            .as_str()
            .unwrap_or("")
            .contains("Service desk improvement budget")),
        "doubling the budget's allocations over-allocates it: {reading}"
    );
    let dropped = app.ok(
        "what_if_impact",
        json!({ "changes": [{ "op": "drop", "id": "I-PORTAL" }] }),
    );
    assert!(
        lines(&dropped)
            .iter()
            .any(|line| line.contains("Launch the self-service portal")),
        "the dropped initiative is named: {dropped}"
    );
    assert_eq!(export(&path), before, "a what-if writes nothing");
    assert_eq!(
        app.current(),
        state_before,
        "a what-if changes nothing shown"
    );

    let error = app.refused(
        "what_if_impact",
        json!({ "changes": [{ "op": "scale", "resource": "G-COST", "factor": 0.7 }] }),
    );
    assert_eq!(error["code"], json!("invalid_field"));
    let error = app.refused(
        "what_if_impact",
        json!({ "changes": [{ "op": "drop", "id": "NOPE" }] }),
    );
    assert_eq!(error["code"], json!("unknown_node"));

    let made = app.ok("apply_what_if", doubled);
    assert_eq!(made["can_undo"], json!(true));
    let on_disk = load_plan(&path).expect("the plan reads");
    let portal = on_disk
        .link(&throughline_core::model::LinkKey {
            kind: throughline_core::model::LinkKind::Allocates,
            from: "R-SD-BUDGET".into(),
            to: "I-PORTAL".into(),
        })
        .expect("the allocation is there");
    assert_eq!(portal.amount, Some(240_000.0));
    app.ok("undo", json!({}));
    assert_eq!(export(&path), before);
}

/// Compare with another plan: Rust asks for the file, answers the difference from it to
/// the plan by titles, follows later edits, and refuses a file that is not a plan.
#[test]
fn another_plan_is_compared_through_the_dialog_and_again_after_an_edit() {
    let workspace = Workspace::new();
    let path = sample_file(&workspace);
    let app = start(workspace.launch(Some(&path)));
    assert_eq!(
        app.ok("compare_file_again", json!({})),
        Value::Null,
        "nothing chosen yet"
    );
    workspace.answer_open(None);
    assert_eq!(app.ok("compare_file", json!({})), Value::Null, "cancelled");

    let draft = workspace.path("last-quarter.json");
    let mut older = sample_plan();
    older
        .apply(throughline_core::Edit::RemoveNode {
            id: "I-MONITORING".to_owned(),
        })
        .expect("the sample's initiative can go");
    throughline_core::interchange::write_file(&draft, &older.to_plan()).expect("written");
    workspace.answer_open(Some(&draft));
    let reading = app.ok("compare_file", json!({}));
    assert_eq!(reading["old_label"], json!("last-quarter.json"));
    assert_eq!(reading["marks"]["I-MONITORING"], json!("added"));

    let state = app.current();
    app.ok(
        "apply_edit",
        retitle(&state, "I-PORTAL", "Portal, phase one"),
    );
    let again = app.ok("compare_file_again", json!({}));
    assert_eq!(
        again["marks"]["I-PORTAL"],
        json!("changed"),
        "the edit shows"
    );
    assert!(
        lines(&again)
            .iter()
            .any(|line| line.contains("\u{201c}Portal, phase one\u{201d}")),
        "{:?}",
        lines(&again)
    );

    let notes = workspace.path("notes.txt");
    std::fs::write(&notes, "not a plan").expect("written");
    workspace.answer_open(Some(&notes));
    let error = app.refused("compare_file", json!({}));
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|message| message.contains("notes.txt")),
        "the refusal names the file: {error}"
    );
    assert_eq!(
        app.ok("compare_file_again", json!({}))["old_label"],
        json!("last-quarter.json"),
        "a refused file leaves the chosen one"
    );
}
