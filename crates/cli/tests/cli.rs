//! The `throughline` binary end to end: every command, its exit codes, its output,
//! and every kind of bad input PLAN-FORMAT.md lists, each in a fresh folder.

mod common;

use std::path::{Path, PathBuf};

use common::{AS_OF, run};
use serde_json::{Value, json};
use tempfile::TempDir;

fn folder() -> TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// Runs a command that must fail with exit 2 and one line on stderr; returns the line.
fn fails(dir: &Path, args: &[&str]) -> String {
    let run = run(dir, args);
    assert_eq!(
        run.code,
        2,
        "`throughline {}` should exit 2; stderr: {}",
        args.join(" "),
        run.stderr
    );
    assert!(
        run.stdout.is_empty(),
        "a failed command should print nothing on stdout, printed {:?}",
        run.stdout
    );
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "the error should be exactly one line, got {:?}",
        run.stderr
    );
    assert!(
        lines[0].starts_with("throughline: "),
        "the error should start with `throughline: `, got {:?}",
        lines[0]
    );
    assert!(
        !run.stderr.contains("panicked"),
        "bad input must never panic: {}",
        run.stderr
    );
    lines[0].to_owned()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write a fixture");
    path
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("the JSON file exists");
    serde_json::from_str(&text).expect("the file holds JSON")
}

/// A small plan with no error finding: one goal, one strategy, resourced.
fn aligned_plan() -> Value {
    json!({
        "format": "throughline-plan",
        "version": 1,
        "name": "Aligned",
        "nodes": [
            {"id": "G1", "kind": "org_goal", "title": "Customers reach us in one call",
             "why": "Service quality is the board's first goal.", "last_reviewed": "2026-11-01"},
            {"id": "S1", "kind": "strategy", "title": "Self-service first",
             "why": "Fewer calls.", "last_reviewed": "2026-11-01"},
            {"id": "R1", "kind": "resource", "resource_type": "funding",
             "title": "Budget", "capacity": 100, "unit": "EUR"}
        ],
        "links": [
            {"kind": "supports", "from": "S1", "to": "G1"},
            {"kind": "allocates", "from": "R1", "to": "S1", "amount": 60}
        ]
    })
}

/// A plan whose text exercises quoting, markup, emoji and right-to-left scripts.
fn tricky_text_plan() -> Value {
    json!({
        "format": "throughline-plan",
        "version": 1,
        "name": "Text \"is\" <b>never</b> code 🚀",
        "review_cadence_days": 30,
        "nodes": [
            {"id": "G \"1\"", "kind": "org_goal", "title": "<script>alert(1)</script>",
             "why": "=SUM(A1) and \u{202e}RTL עברית", "owner": "Zoë", "team": "Ops/\\Desk",
             "status": "proposed", "target_date": "2027-01-31", "last_reviewed": "2026-10-01",
             "notes": "line one\nline two"},
            {"id": "I-1", "kind": "initiative", "title": "Ship it 🚢", "status": "done"},
            {"id": "R-1", "kind": "resource", "resource_type": "time", "title": "Hours",
             "capacity": 12.5, "unit": "hours", "status": "dropped"}
        ],
        "links": [
            {"kind": "supports", "from": "I-1", "to": "G \"1\"", "why": "because ✓"},
            {"kind": "allocates", "from": "R-1", "to": "I-1", "amount": 0.25}
        ]
    })
}

#[test]
fn check_on_the_sample_finds_errors_and_exits_1() {
    let dir = folder();
    let demo = run(dir.path(), &["demo", "-o", "sample.json"]);
    assert_eq!(demo.code, 0, "demo should succeed: {}", demo.stderr);

    let check = run(dir.path(), &["check", "sample.json", "--as-of", AS_OF]);
    assert_eq!(
        check.code, 1,
        "the sample has error findings: {}",
        check.stderr
    );
    let text = check.stdout;
    assert!(
        text.starts_with("Plan: Northwind IT strategy 2027\n"),
        "{text}"
    );
    assert!(text.contains("As of: 2026-11-23"), "{text}");
    assert!(
        text.contains(
            "Alignment score: 78% (25 of 32 goals, strategies and initiatives aligned)\n"
        ),
        "issue 8: the sample's score counts its goals, strategies and initiatives, rounded down, \
         and no longer reads 100% above its four errors:\n{text}"
    );
    for heading in ["Errors (", "Warnings (", "Info ("] {
        assert!(text.contains(heading), "text should group under {heading}");
    }
    // Errors come before warnings, warnings before info.
    let at = |needle: &str| text.find(needle).expect("heading present");
    assert!(at("Errors (") < at("Warnings (") && at("Warnings (") < at("Info ("));
    for rule in [
        "[orphan]",
        "[unsupported_goal]",
        "[unresourced_goal]",
        "[over_allocated]",
    ] {
        assert!(
            text.contains(rule),
            "the sample should show {rule}:\n{text}"
        );
    }
    assert!(
        text.contains("I-CONFLUENCE \u{201c}Upgrade Confluence to Data Center\u{201d}"),
        "a finding names the node id and title:\n{text}"
    );
    assert!(text.contains("Hint: "), "hints are shown:\n{text}");
    assert!(
        text.trim_end()
            .lines()
            .last()
            .is_some_and(|line| line.starts_with("Summary: 4 errors")),
        "the last line summarises the counts:\n{text}"
    );
}

#[test]
fn check_without_as_of_uses_today_and_still_exits_by_errors() {
    let dir = folder();
    run(dir.path(), &["demo", "-o", "sample.throughline"]);
    let check = run(dir.path(), &["check", "sample.throughline"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    let today = chrono::Local::now().date_naive().to_string();
    assert!(
        check.stdout.contains(&format!("As of: {today}")),
        "the default as-of date is today ({today}):\n{}",
        check.stdout
    );
}

#[test]
fn check_exits_0_when_no_error_finding() {
    let dir = folder();
    write(dir.path(), "aligned.json", &aligned_plan().to_string());
    let check = run(dir.path(), &["check", "aligned.json", "--as-of", AS_OF]);
    assert_eq!(
        check.code, 0,
        "a plan with no error findings exits 0:\n{}{}",
        check.stdout, check.stderr
    );
    assert!(
        check.stdout.contains("Alignment score: 100%"),
        "{}",
        check.stdout
    );
    assert!(!check.stdout.contains("Errors ("), "{}", check.stdout);
}

#[test]
fn json_output_has_exactly_the_documented_shape() {
    let dir = folder();
    run(dir.path(), &["demo", "-o", "sample.throughline"]);
    let check = run(
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
    assert_eq!(check.code, 1, "{}", check.stderr);
    let output: Value = serde_json::from_str(&check.stdout).expect("stdout is one JSON value");
    let top: Vec<&str> = output
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(top, ["as_of", "findings", "summary"], "top-level keys");
    assert_eq!(output["as_of"], AS_OF);
    let summary = output["summary"].as_object().expect("summary is an object");
    let mut keys: Vec<&str> = summary.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "aligned",
            "alignment_score",
            "error",
            "info",
            "scored",
            "warning"
        ]
    );
    assert_eq!(summary["error"], 4, "the sample has four errors");
    assert_eq!(
        (&summary["aligned"], &summary["scored"]),
        (&json!(25), &json!(32)),
        "the score's two counts ride along"
    );
    assert_eq!(
        summary["alignment_score"], 0.78125,
        "the exact fraction, not the rounded percentage"
    );

    let findings = output["findings"].as_array().expect("findings is a list");
    let severities = ["error", "warning", "info"];
    for finding in findings {
        for key in ["rule", "severity", "node", "title", "message"] {
            assert!(
                finding[key].is_string(),
                "every finding has a string {key:?}: {finding}"
            );
        }
        assert!(severities.contains(&finding["severity"].as_str().unwrap_or_default()));
    }
    let count = |severity: &str| {
        findings
            .iter()
            .filter(|f| f["severity"] == severity)
            .count()
    };
    assert_eq!(summary["error"], count("error"));
    assert_eq!(summary["warning"], count("warning"));
    assert_eq!(summary["info"], count("info"));
    let over = findings
        .iter()
        .find(|f| f["rule"] == "over_allocated")
        .expect("an over_allocated finding");
    assert_eq!(over["capacity"], 6000.0, "rule data rides along: {over}");
    assert!(over["allocations"].is_array(), "{over}");
}

#[test]
fn json_output_of_a_plan_with_nothing_scored_has_a_null_score() {
    let dir = folder();
    write(
        dir.path(),
        "empty.json",
        r#"{"format":"throughline-plan","version":1,"name":"Empty","nodes":[]}"#,
    );
    let check = run(
        dir.path(),
        &["check", "empty.json", "--as-of", AS_OF, "--format", "json"],
    );
    assert_eq!(check.code, 0, "{}", check.stderr);
    let output: Value = serde_json::from_str(&check.stdout).expect("JSON");
    assert!(output["summary"]["alignment_score"].is_null());
    assert_eq!(
        (&output["summary"]["aligned"], &output["summary"]["scored"]),
        (&json!(0), &json!(0)),
        "nothing is scored in an empty plan"
    );
    assert_eq!(output["findings"], json!([]));
}

#[test]
fn import_then_export_gives_back_the_same_plan() {
    let dir = folder();
    run(dir.path(), &["demo", "-o", "sample.json"]);
    write(dir.path(), "tricky.json", &tricky_text_plan().to_string());
    for name in ["sample", "tricky"] {
        let input = format!("{name}.json");
        let store = format!("{name}.throughline");
        let output = format!("{name}-again.json");
        let import = run(dir.path(), &["import", &input, "-o", &store]);
        assert_eq!(import.code, 0, "import {name}: {}", import.stderr);
        assert!(import.stdout.is_empty(), "import prints nothing on success");
        let export = run(dir.path(), &["export", &store, "-o", &output]);
        assert_eq!(export.code, 0, "export {name}: {}", export.stderr);

        let mut before = read_json(&dir.path().join(&input));
        let after = read_json(&dir.path().join(&output));
        // The only thing export may add is a default the input left out.
        if before.get("review_cadence_days").is_none() {
            before["review_cadence_days"] = json!(90);
        }
        assert_eq!(before, after, "{name}: import then export changed the plan");
    }
}

#[test]
fn demo_and_generate_write_json_or_plan_files_by_extension() {
    let dir = folder();
    for output in ["demo.json", "demo.throughline"] {
        let demo = run(dir.path(), &["demo", "-o", output]);
        assert_eq!(demo.code, 0, "{output}: {}", demo.stderr);
    }
    assert_eq!(
        read_json(&dir.path().join("demo.json"))["format"],
        "throughline-plan"
    );
    let header = std::fs::read(dir.path().join("demo.throughline")).expect("plan file");
    assert!(
        header.starts_with(b"SQLite format 3\0"),
        "a .throughline output is a SQLite file"
    );

    for output in ["gen.json", "gen.throughline"] {
        let generate = run(
            dir.path(),
            &["generate", "--nodes", "500", "--seed", "9", "-o", output],
        );
        assert_eq!(generate.code, 0, "{output}: {}", generate.stderr);
    }
    let plan = read_json(&dir.path().join("gen.json"));
    assert_eq!(
        plan["nodes"].as_array().map(Vec::len),
        Some(500),
        "generate writes the requested node count"
    );
    // Both files hold the same plan.
    run(
        dir.path(),
        &["export", "gen.throughline", "-o", "gen-again.json"],
    );
    assert_eq!(plan, read_json(&dir.path().join("gen-again.json")));
    // Generated plans are checkable and have findings of every severity.
    let check = run(
        dir.path(),
        &[
            "check",
            "gen.throughline",
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
    );
    assert_eq!(check.code, 1, "{}", check.stderr);
}

#[test]
fn generate_is_deterministic_through_the_binary() {
    let dir = folder();
    run(
        dir.path(),
        &["generate", "--nodes", "300", "--seed", "5", "-o", "a.json"],
    );
    run(
        dir.path(),
        &["generate", "--nodes", "300", "--seed", "5", "-o", "b.json"],
    );
    run(
        dir.path(),
        &["generate", "--nodes", "300", "--seed", "6", "-o", "c.json"],
    );
    let bytes = |name: &str| std::fs::read(dir.path().join(name)).expect("generated file");
    assert_eq!(bytes("a.json"), bytes("b.json"), "same seed, same bytes");
    assert_ne!(
        bytes("a.json"),
        bytes("c.json"),
        "another seed, another plan"
    );
}

#[test]
fn existing_outputs_are_refused_unless_forced() {
    let dir = folder();
    for output in ["plan.json", "plan.throughline"] {
        let path = write(dir.path(), output, "precious");
        let message = fails(dir.path(), &["demo", "-o", output]);
        assert!(
            message.contains(output) && message.contains("--force"),
            "the refusal names the file and the way out: {message}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).expect("still there"),
            "precious",
            "a refused write leaves the old file as it was"
        );
        let forced = run(dir.path(), &["demo", "-o", output, "--force"]);
        assert_eq!(forced.code, 0, "{output} with --force: {}", forced.stderr);
        let check = run(dir.path(), &["check", output, "--as-of", AS_OF]);
        assert_eq!(
            check.code, 1,
            "the replaced file is the sample: {}",
            check.stderr
        );
    }
    run(dir.path(), &["demo", "-o", "source.json"]);
    write(dir.path(), "taken.throughline", "precious");
    fails(
        dir.path(),
        &["import", "source.json", "-o", "taken.throughline"],
    );
    write(dir.path(), "taken.json", "precious");
    fails(
        dir.path(),
        &["export", "plan.throughline", "-o", "taken.json"],
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("taken.json")).expect("still there"),
        "precious"
    );
}

#[test]
fn outputs_with_the_wrong_extension_are_refused() {
    let dir = folder();
    run(dir.path(), &["demo", "-o", "plan.json"]);
    let message = fails(dir.path(), &["demo", "-o", "plan.txt"]);
    assert!(
        message.contains("plan.txt") && message.contains(".throughline"),
        "{message}"
    );
    let message = fails(dir.path(), &["import", "plan.json", "-o", "copy.json"]);
    assert!(message.contains("copy.json"), "{message}");
    let message = fails(
        dir.path(),
        &["export", "plan.json", "-o", "copy.throughline"],
    );
    assert!(message.contains("copy.throughline"), "{message}");
    for name in ["plan.txt", "copy.json", "copy.throughline"] {
        assert!(
            !dir.path().join(name).exists(),
            "{name} should not be written"
        );
    }
}

#[test]
fn bad_usage_exits_2_with_one_line() {
    let dir = folder();
    let message = fails(dir.path(), &["frobnicate"]);
    assert!(message.contains("frobnicate"), "{message}");
    let message = fails(dir.path(), &["generate", "-o", "x.json"]);
    assert!(message.contains("--nodes"), "{message}");
    let message = fails(dir.path(), &["check", "x.json", "--as-of", "2026-02-30"]);
    assert!(
        message.contains("2026-02-30") && message.contains("YYYY-MM-DD"),
        "{message}"
    );
    let message = fails(dir.path(), &["check", "x.json", "--format", "xml"]);
    assert!(message.contains("xml"), "{message}");
    let help = run(dir.path(), &["--help"]);
    assert_eq!(help.code, 0, "help is not an error");
    for command in ["check", "import", "export", "demo", "generate"] {
        assert!(help.stdout.contains(command), "help lists {command}");
    }
}

/// A valid plan text with one piece replaced: each bad input differs from a good one
/// in exactly the way it is meant to.
fn base_plan() -> String {
    [
        r#"{"format": "throughline-plan","#,
        r#" "version": 1,"#,
        r#" "name": "Bad inputs","#,
        r#" "nodes": ["#,
        r#"  {"id": "G1", "kind": "org_goal", "title": "Goal", "target_date": "2027-06-30"},"#,
        r#"  {"id": "S1", "kind": "strategy", "title": "Strategy"},"#,
        r#"  {"id": "I1", "kind": "initiative", "title": "Initiative"},"#,
        r#"  {"id": "R1", "kind": "resource", "resource_type": "funding", "title": "Money", "capacity": 10}"#,
        r#" ],"#,
        r#" "links": ["#,
        r#"  {"kind": "supports", "from": "S1", "to": "G1"},"#,
        r#"  {"kind": "supports", "from": "I1", "to": "S1"},"#,
        r#"  {"kind": "allocates", "from": "R1", "to": "I1", "amount": 5}"#,
        r#" ]"#,
        r#"}"#,
    ]
    .join("\n")
}

fn with(from: &str, to: &str) -> String {
    let base = base_plan();
    assert!(base.contains(from), "fixture should contain {from}");
    base.replacen(from, to, 1)
}

#[test]
fn the_base_of_the_bad_inputs_is_itself_good() {
    let dir = folder();
    write(dir.path(), "base.json", &base_plan());
    let check = run(dir.path(), &["check", "base.json", "--as-of", AS_OF]);
    assert!(
        check.code == 0 || check.code == 1,
        "the base plan reads: {}",
        check.stderr
    );
}

#[test]
fn every_kind_of_bad_input_exits_2_naming_the_place() {
    // (what, file text, pieces the one-line message must contain)
    let cases: Vec<(&str, String, Vec<&str>)> = vec![
        (
            "malformed JSON",
            with(r#" "version": 1,"#, r#" "version": 1,,"#),
            vec!["invalid JSON", "line 2", "column"],
        ),
        (
            "unknown field",
            with(r#""title": "Strategy""#, r#""tilte": "Strategy""#),
            vec!["node 1", "S1", "tilte", "line 6"],
        ),
        (
            "missing field",
            with(r#", "title": "Initiative""#, ""),
            vec!["node 2", "I1", "title"],
        ),
        (
            "wrong type",
            with(r#""capacity": 10"#, r#""capacity": "ten""#),
            vec!["node 3", "R1", "line 8"],
        ),
        (
            "bad date",
            with("2027-06-30", "2027-06-31"),
            vec!["node 0", "G1", "target_date", "YYYY-MM-DD"],
        ),
        (
            "negative number",
            with(r#""capacity": 10"#, r#""capacity": -10"#),
            vec!["R1", "capacity", "0 or more"],
        ),
        (
            "negative amount",
            with(r#""amount": 5"#, r#""amount": -5"#),
            vec!["link 2", "amount"],
        ),
        (
            "duplicate id",
            with(r#""id": "I1""#, r#""id": "S1""#),
            vec!["node 2", "S1", "id"],
        ),
        (
            "wrong link kinds",
            with(
                r#"{"kind": "supports", "from": "S1", "to": "G1"}"#,
                r#"{"kind": "supports", "from": "G1", "to": "S1"}"#,
            ),
            vec!["link 0", "G1", "S1"],
        ),
        (
            "resource that supports",
            with(
                r#"{"kind": "allocates", "from": "R1", "to": "I1", "amount": 5}"#,
                r#"{"kind": "supports", "from": "R1", "to": "I1"}"#,
            ),
            vec!["link 2", "R1", "I1"],
        ),
        (
            "unknown node in a link",
            with(r#""from": "I1", "to": "S1""#, r#""from": "I9", "to": "S1""#),
            vec!["link 1", "I9"],
        ),
        (
            "self link",
            with(
                r#"{"kind": "allocates", "from": "R1", "to": "I1", "amount": 5}"#,
                r#"{"kind": "supports", "from": "I1", "to": "G1"}, {"kind": "supports", "from": "G1", "to": "G1"}"#,
            ),
            vec!["link 3", "G1", "itself"],
        ),
        (
            "loop",
            with(
                r#"  {"id": "S1", "kind": "strategy", "title": "Strategy"},"#,
                r#"  {"id": "S1", "kind": "strategy", "title": "Strategy"}, {"id": "G2", "kind": "org_goal", "title": "Goal 2"},"#,
            )
            .replacen(
                r#"{"kind": "supports", "from": "S1", "to": "G1"},"#,
                r#"{"kind": "supports", "from": "S1", "to": "G1"}, {"kind": "supports", "from": "G1", "to": "G2"}, {"kind": "supports", "from": "G2", "to": "G1"},"#,
                1,
            ),
            vec!["link 2", "loop", "G2 -> G1 -> G2"],
        ),
        (
            "newer version",
            with(r#" "version": 1,"#, r#" "version": 2,"#),
            vec!["version 2", "version 1"],
        ),
    ];
    let dir = folder();
    for (what, text, expected) in &cases {
        let name = format!("{}.json", what.replace(' ', "-"));
        write(dir.path(), &name, text);
        let message = fails(dir.path(), &["check", &name, "--as-of", AS_OF]);
        assert!(
            message.contains(&name),
            "{what}: the message names the file: {message}"
        );
        for piece in expected {
            assert!(
                message.contains(piece),
                "{what}: the message should contain {piece:?}: {message}"
            );
        }
        // Nothing is half-imported: a refused import leaves no output behind.
        let target = format!("{}.throughline", what.replace(' ', "-"));
        let import_message = fails(dir.path(), &["import", &name, "-o", &target]);
        assert_eq!(
            import_message, message,
            "{what}: import reports as check does"
        );
        assert!(
            !dir.path().join(&target).exists(),
            "{what}: a refused import must not leave {target}"
        );
    }
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list folder")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.ends_with(".json"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "refused imports should leave no files at all: {leftovers:?}"
    );
}

#[test]
fn files_that_are_not_plans_exit_2_naming_the_file() {
    let dir = folder();
    write(
        dir.path(),
        "notes.throughline",
        "just some text, not a plan\n",
    );
    let message = fails(dir.path(), &["check", "notes.throughline"]);
    assert!(
        message.contains("notes.throughline") && message.contains("not a Throughline plan"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.throughline")).expect("still there"),
        "just some text, not a plan\n",
        "a file that is not a plan is left untouched"
    );

    let message = fails(dir.path(), &["check", "missing.json"]);
    assert!(message.contains("missing.json"), "{message}");
    assert!(
        message.matches("No such file").count() <= 1,
        "the cause is said once: {message}"
    );
    let message = fails(
        dir.path(),
        &["export", "missing.throughline", "-o", "out.json"],
    );
    assert!(message.contains("missing.throughline"), "{message}");
    assert!(!dir.path().join("out.json").exists());

    write(
        dir.path(),
        "other.json",
        r#"{"format": "something-else", "version": 1}"#,
    );
    let message = fails(dir.path(), &["check", "other.json"]);
    assert!(message.contains("format"), "{message}");
}

#[test]
fn reading_a_plan_file_leaves_it_and_its_folder_untouched() {
    let dir = folder();
    run(dir.path(), &["demo", "-o", "plan.throughline"]);
    let before = std::fs::read(dir.path().join("plan.throughline")).expect("plan file");
    for args in [
        &["check", "plan.throughline", "--as-of", AS_OF][..],
        &["export", "plan.throughline", "-o", "plan.json"][..],
    ] {
        let result = run(dir.path(), args);
        assert!(result.code <= 1, "{args:?}: {}", result.stderr);
    }
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list folder")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort_unstable();
    assert_eq!(
        names,
        ["plan.json", "plan.throughline"],
        "reading a plan file should create no -wal, -shm or temporary files"
    );
    assert_eq!(
        std::fs::read(dir.path().join("plan.throughline")).expect("plan file"),
        before,
        "reading a plan file should not change a byte of it"
    );
}

// ---------------------------------------------------------------- plans from elsewhere

#[path = "../../core/tests/common/foreign.rs"]
mod foreign;

#[test]
fn a_plan_written_by_another_program_checks_as_the_same_plan() {
    let dir = folder();
    run(dir.path(), &["demo", "-o", "sample.json"]);
    let exported = std::fs::read_to_string(dir.path().join("sample.json")).expect("the sample");
    let python = foreign::rewrite(&exported, &foreign::Style::PYTHON_SORTED);
    let spreadsheet = foreign::rewrite(
        &exported,
        &foreign::Style {
            key_order: foreign::KeyOrder::Shuffled(3),
            indent: Some("\t"),
            line_end: "\r\n",
            byte_order_mark: true,
            ..foreign::Style::PYTHON_SORTED
        },
    );
    let minified = foreign::rewrite(
        &exported,
        &foreign::Style {
            key_order: foreign::KeyOrder::Reversed,
            ascii_only: false,
            indent: None,
            ..foreign::Style::PYTHON_SORTED
        },
    );
    write(dir.path(), "python.json", &python);
    write(dir.path(), "spreadsheet.json", &spreadsheet);
    write(dir.path(), "minified.json", &minified);
    let check = |name: &str| {
        run(
            dir.path(),
            &["check", name, "--as-of", AS_OF, "--format", "json"],
        )
    };
    let expected = check("sample.json");
    assert_eq!(expected.code, 1, "the sample has error findings");
    for name in ["python.json", "spreadsheet.json", "minified.json"] {
        let found = check(name);
        assert_eq!(found.code, expected.code, "{name}: {}", found.stderr);
        assert_eq!(
            found.stdout, expected.stdout,
            "{name}: the same plan should give the same findings"
        );
        let copy = name.replace(".json", ".throughline");
        let again = name.replace(".json", "-again.json");
        run(dir.path(), &["import", name, "-o", &copy]);
        run(dir.path(), &["export", &copy, "-o", &again]);
        assert_eq!(
            std::fs::read_to_string(dir.path().join(&again)).expect("exported"),
            exported,
            "{name}: imports as the plan the sample is"
        );
    }
}

/// Issue 7: a plan saved by an editor that starts UTF-8 files with a byte order mark.
#[test]
fn a_plan_starting_with_a_byte_order_mark_is_read() {
    let dir = folder();
    write(
        dir.path(),
        "bom.json",
        &format!("\u{feff}{}", aligned_plan()),
    );
    let check = run(dir.path(), &["check", "bom.json", "--as-of", AS_OF]);
    assert_eq!(check.code, 0, "the plan reads: {}", check.stderr);
    let message = fails(dir.path(), &["check", "missing-bom.json"]);
    assert!(message.contains("missing-bom.json"), "{message}");
    write(dir.path(), "bom-broken.json", "\u{feff}{\"format\": ,}");
    let message = fails(dir.path(), &["check", "bom-broken.json"]);
    assert!(
        message.contains("invalid JSON at line 1, column 12"),
        "a broken plan with a mark is told by its own place, the mark not counted: {message}"
    );
}

/// Issue 7: a 10 MB value must not give a 10 MB error line.
#[test]
fn a_10_mb_id_gives_a_short_error_line_naming_the_place() {
    let dir = folder();
    let huge = "x".repeat(10 * 1024 * 1024);
    let node = format!(r#"{{"id": "{huge}", "kind": "org_goal", "title": "Goal"}}"#);
    let link = format!(r#"{{"kind": "supports", "from": "{huge}", "to": "G1"}}"#);
    let cases = [
        (
            "huge-id.json",
            base_plan().replacen(r#"{"id": "G1", "kind": "org_goal", "title": "Goal", "target_date": "2027-06-30"},"#, &format!("{node},"), 1),
            vec!["node 0 (\"xxxx", "field \"id\"", "1 to 64 characters, got 10485760"],
        ),
        (
            "huge-link-end.json",
            base_plan().replacen(r#"{"kind": "supports", "from": "S1", "to": "G1"}"#, &link, 1),
            vec!["link 0", "node \"xxxx", "does not exist"],
        ),
    ];
    for (name, text, parts) in cases {
        write(dir.path(), name, &text);
        let message = fails(dir.path(), &["check", name, "--as-of", AS_OF]);
        assert!(
            message.len() < 400,
            "{name}: the error line should be short, is {} bytes: {}",
            message.len(),
            &message[..400]
        );
        for part in parts
            .iter()
            .chain([&name, &"\u{2026}", &"(10485760 characters)"])
        {
            assert!(
                message.contains(part),
                "{name}: should contain {part:?}: {message}"
            );
        }
    }
}

#[test]
fn an_accepted_error_is_shown_but_fails_check_only_once_its_date_has_passed() {
    let dir = folder();
    let mut plan = aligned_plan();
    plan["nodes"]
        .as_array_mut()
        .expect("nodes")
        .push(json!({"id": "I9", "kind": "initiative", "title": "Pilot on its own"}));
    plan["accepted"] = json!([{"rule": "orphan", "node": "I9",
        "reason": "A pilot; it joins a strategy if it works", "until": "2026-12-31"}]);
    write(dir.path(), "plan.json", &plan.to_string());

    let before = run(dir.path(), &["check", "plan.json", "--as-of", "2026-12-31"]);
    assert_eq!(
        before.code, 0,
        "the only error is accepted: {}{}",
        before.stdout, before.stderr
    );
    assert!(
        before.stdout.contains("Accepted until 2026-12-31: A pilot"),
        "the finding is still shown, with its reason: {}",
        before.stdout
    );
    let json = run(
        dir.path(),
        &[
            "check",
            "plan.json",
            "--as-of",
            "2026-12-31",
            "--format",
            "json",
        ],
    );
    let findings: Value = serde_json::from_str(&json.stdout).expect("JSON");
    let orphan = findings["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "orphan")
        .expect("the orphan is reported");
    assert_eq!(
        orphan["accepted"]["reason"],
        "A pilot; it joins a strategy if it works"
    );

    let after = run(dir.path(), &["check", "plan.json", "--as-of", "2027-01-01"]);
    assert_eq!(
        after.code, 1,
        "past its date, the finding fails check again"
    );
    assert!(!after.stdout.contains("Accepted"), "{}", after.stdout);
}
