//! `throughline baseline`, `diff` and `whatif` through the real binary: baselines kept
//! in a plan file, every kind of side, the three formats, the gate's exit codes, and
//! what-ifs that write nothing.

mod common;

use std::path::Path;

use common::{AS_OF, Run, run};
use tempfile::TempDir;

const BOARD: &str = "Board review 2026-Q3";

/// A folder with the sample as `plan.throughline` (with its baseline) and `plan.json`.
fn folder_with_sample() -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for name in ["plan.throughline", "plan.json"] {
        let made = run(dir.path(), &["demo", "-o", name]);
        assert_eq!(made.code, 0, "demo writes {name}: {}", made.stderr);
    }
    dir
}

fn diff(dir: &Path, old: &str, new: &str, format: &str) -> Run {
    run(
        dir,
        &["diff", old, new, "--as-of", AS_OF, "--format", format],
    )
}

fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|error| panic!("stdout should be JSON ({error}): {}", run.stdout))
}

#[test]
fn importing_onto_a_plan_file_keeps_its_baselines() {
    let dir = folder_with_sample();
    let mut plan: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("plan.json")).expect("the sample as JSON"),
    )
    .expect("JSON");
    plan["name"] = "Northwind, refreshed from the spreadsheet".into();
    std::fs::write(dir.path().join("refreshed.json"), plan.to_string()).expect("written");

    let imported = run(
        dir.path(),
        &[
            "import",
            "refreshed.json",
            "-o",
            "plan.throughline",
            "--force",
        ],
    );
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    assert!(
        imported.stderr.contains(&format!(
            "kept the baselines of the plan it replaced: “{BOARD}”"
        )),
        "says what it kept: {}",
        imported.stderr
    );
    let listed = run(dir.path(), &["baseline", "list", "plan.throughline"]);
    assert_eq!(
        listed.stdout,
        format!("2026-09-15  {BOARD}\n"),
        "{}",
        listed.stderr
    );
    let compared = diff(
        dir.path(),
        &format!("plan.throughline@{BOARD}"),
        "plan.throughline",
        "text",
    );
    assert!(
        compared
            .stdout
            .contains("Northwind, refreshed from the spreadsheet"),
        "the imported plan compares with the baseline it kept: {}",
        compared.stdout
    );

    let sample_again = run(dir.path(), &["demo", "-o", "plan.throughline", "--force"]);
    assert_eq!(sample_again.code, 0, "{}", sample_again.stderr);
    let listed = run(dir.path(), &["baseline", "list", "plan.throughline"]);
    assert_eq!(
        listed.stdout,
        format!("2026-09-15  {BOARD}\n"),
        "the sample written over itself keeps one baseline of its name"
    );
}

#[test]
fn baselines_are_added_listed_and_removed_by_name() {
    let dir = folder_with_sample();
    let listed = run(dir.path(), &["baseline", "list", "plan.throughline"]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    assert_eq!(
        listed.stdout,
        format!("2026-09-15  {BOARD}\n"),
        "the sample's own"
    );

    let added = run(
        dir.path(),
        &[
            "baseline",
            "add",
            "plan.throughline",
            "Board review 2027-Q1",
            "--date",
            "2027-01-20",
        ],
    );
    assert_eq!(added.code, 0, "{}", added.stderr);
    assert!(
        added.stdout.contains("Board review 2027-Q1"),
        "{}",
        added.stdout
    );
    let listed = run(
        dir.path(),
        &["baseline", "list", "plan.throughline", "--json"],
    );
    assert_eq!(
        json(&listed),
        serde_json::json!([
            {"name": BOARD, "taken_on": "2026-09-15"},
            {"name": "Board review 2027-Q1", "taken_on": "2027-01-20"}
        ])
    );

    let again = run(
        dir.path(),
        &[
            "baseline",
            "add",
            "plan.throughline",
            "Board review 2027-Q1",
        ],
    );
    assert_eq!(again.code, 2, "a taken name is refused");
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);

    let removed = run(
        dir.path(),
        &["baseline", "remove", "plan.throughline", BOARD],
    );
    assert_eq!(removed.code, 0, "{}", removed.stderr);
    let unknown = run(
        dir.path(),
        &["baseline", "remove", "plan.throughline", BOARD],
    );
    assert_eq!(unknown.code, 2);
    assert!(
        unknown
            .stderr
            .contains(&format!("no baseline named \"{BOARD}\"")),
        "names the missing baseline: {}",
        unknown.stderr
    );
    let listed = run(dir.path(), &["baseline", "list", "plan.throughline"]);
    assert_eq!(listed.stdout, "2027-01-20  Board review 2027-Q1\n");
}

#[test]
fn a_json_plan_keeps_no_baselines() {
    let dir = folder_with_sample();
    let added = run(dir.path(), &["baseline", "add", "plan.json", "Q1"]);
    assert_eq!(
        added.code, 2,
        "baselines live in plan files: {}",
        added.stderr
    );
    assert!(
        added
            .stderr
            .contains("plan.json: baselines are kept in .throughline plan files"),
        "{}",
        added.stderr
    );
}

#[test]
fn a_plan_against_itself_has_no_differences_whatever_the_side_kinds() {
    let dir = folder_with_sample();
    for (old, new) in [
        ("plan.json", "plan.json"),
        ("plan.throughline", "plan.json"),
        ("plan.json", "plan.throughline"),
    ] {
        let result = diff(dir.path(), old, new, "text");
        assert_eq!(result.code, 0, "{old} against {new}: {}", result.stderr);
        assert!(
            result.stdout.contains("No differences."),
            "{}",
            result.stdout
        );
        assert!(
            result.stdout.contains("The alignment score stayed at 78%"),
            "{}",
            result.stdout
        );
    }
}

#[test]
fn a_baseline_against_today_shows_what_changed_and_fails_on_the_new_error() {
    let dir = folder_with_sample();
    let old = format!("plan.throughline@{BOARD}");
    let text = diff(dir.path(), &old, "plan.json", "text");
    assert_eq!(
        text.code, 1,
        "the new over-allocation fails the gate: {}",
        text.stderr
    );
    for expected in [
        &format!(
            "Comparing baseline \u{201c}{BOARD}\u{201d} (as of 2026-09-15) with plan.json (as of {AS_OF})"
        ),
        "The alignment score went from 70% to 78%",
        "Nodes added (1)\n  Initiative \u{201c}Consolidate three monitoring tools onto one platform\u{201d}",
        "title from \u{201c}Move steady workloads to the cloud\u{201d} to \u{201c}Move steady workloads to Azure landing zones\u{201d}",
        "now allocates 1,600 hours to initiative",
        "amount from 700,000 EUR to 600,000 EUR",
        "Together, the funding resources above give out 850,000 EUR (was 950,000 EUR).",
        "Findings that appeared",
        "Findings resolved",
        "1 new error finding that baseline",
    ] {
        assert!(
            text.stdout.contains(expected),
            "missing {expected:?} in:\n{}",
            text.stdout
        );
    }

    // The other way round, the board's plan had its own error: availability unresourced.
    let back = diff(dir.path(), "plan.throughline", &old, "text");
    assert_eq!(back.code, 1, "{}", back.stdout);
    assert!(back.stdout.contains("Nodes removed (1)"), "{}", back.stdout);
    assert!(
        back.stdout.contains("1 new error finding that plan.throughline did not have: Goal with no resources behind it"),
        "{}",
        back.stdout
    );
}

#[test]
fn json_output_is_complete_and_byte_stable() {
    let dir = folder_with_sample();
    let old = format!("plan.throughline@{BOARD}");
    let first = diff(dir.path(), &old, "plan.throughline", "json");
    let second = diff(dir.path(), &old, "plan.throughline", "json");
    assert_eq!(first.code, 1);
    assert_eq!(
        first.stdout, second.stdout,
        "the same plans give the same bytes"
    );
    let value = json(&first);
    assert_eq!(value["old"]["as_of"], "2026-09-15");
    assert_eq!(value["new"]["as_of"], AS_OF);
    assert_eq!(value["nodes_added"][0]["id"], "I-MONITORING");
    assert_eq!(value["nodes_changed"][0]["fields"][0]["field"], "title");
    assert_eq!(value["links_changed"][0]["before"]["amount"], 700000.0);
    assert_eq!(value["links_changed"][0]["after"]["amount"], 600000.0);
    assert_eq!(value["new_errors"][0]["rule"], "over_allocated");
    let totals = value["allocation_totals"].as_array().expect("totals");
    assert!(
        totals
            .iter()
            .any(|t| t["resource_type"] == "funding" && t["unit"] == "EUR"),
        "{totals:?}"
    );
}

#[test]
fn markdown_output_reads_as_a_document() {
    let dir = folder_with_sample();
    let old = format!("plan.throughline@{BOARD}");
    let md = diff(dir.path(), &old, "plan.throughline", "md");
    assert_eq!(md.code, 1);
    assert!(
        md.stdout.starts_with("# Changes from baseline"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout.contains("\n## Nodes added (1)\n\n- Initiative"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout.contains("\n## Allocations (4)\n"),
        "{}",
        md.stdout
    );
}

#[test]
fn a_side_that_cannot_be_read_exits_2_naming_it() {
    let dir = folder_with_sample();
    let unknown = diff(
        dir.path(),
        "plan.throughline@Board review 1999",
        "plan.json",
        "text",
    );
    assert_eq!(unknown.code, 2);
    assert!(
        unknown
            .stderr
            .contains("no baseline named \"Board review 1999\"")
            && unknown.stderr.contains(BOARD),
        "names the unknown baseline and the ones there are: {}",
        unknown.stderr
    );
    assert!(
        unknown.stdout.is_empty(),
        "nothing printed: {}",
        unknown.stdout
    );
    let missing = diff(dir.path(), "plan.json", "missing.json", "text");
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("missing.json"),
        "{}",
        missing.stderr
    );
    std::fs::write(dir.path().join("bad.json"), "{\"format\": ").expect("written");
    let bad = diff(dir.path(), "bad.json", "plan.json", "text");
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("bad.json") && bad.stderr.contains("line 1"),
        "{}",
        bad.stderr
    );
}

#[test]
fn whatif_prints_the_difference_and_writes_nothing() {
    let dir = folder_with_sample();
    let path = dir.path().join("plan.throughline");
    let before = std::fs::read(&path).expect("read");
    let result = run(
        dir.path(),
        &[
            "whatif",
            "plan.throughline",
            "--drop",
            "I-MONITORING",
            "--scale",
            "R-INFRA-CAPEX=0.5",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(
        result.code, 1,
        "dropping monitoring leaves a goal unresourced: {}",
        result.stderr
    );
    for expected in [
        "Nodes removed (1)\n  Initiative \u{201c}Consolidate three monitoring tools onto one platform\u{201d}",
        "amount from 600,000 EUR to 300,000 EUR",
        "\u{201c}Infrastructure capital budget 2027\u{201d} now gives out 425,000 EUR (was 850,000 EUR).",
        "Resource over-allocated (error) on \u{201c}Infrastructure engineers' project time\u{201d}",
        "1 new error finding",
    ] {
        assert!(
            result.stdout.contains(expected),
            "missing {expected:?} in:\n{}",
            result.stdout
        );
    }
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "nothing written"
    );

    let scaled = run(
        dir.path(),
        &[
            "whatif",
            "plan.json",
            "--scale",
            "R-SD-BUDGET=1.1",
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
    );
    assert_eq!(
        scaled.code, 0,
        "more money brings no error: {}",
        scaled.stderr
    );
    let value = json(&scaled);
    assert_eq!(value["allocations"][0]["resource"], "R-SD-BUDGET");
    assert!(value["nodes_removed"].as_array().expect("list").is_empty());
}

#[test]
fn whatif_refuses_what_names_nothing_in_the_plan() {
    let dir = folder_with_sample();
    for (args, expected) in [
        (vec!["--drop", "I-NOPE"], "\"I-NOPE\""),
        (vec!["--scale", "G-SERVICE=0.5"], "only a resource"),
        (vec!["--scale", "R-SD-BUDGET=lots"], "not a number"),
        (vec!["--scale", "R-SD-BUDGET=-1"], "0 or more"),
        (vec![], "name a change"),
    ] {
        let mut all = vec!["whatif", "plan.json"];
        all.extend(&args);
        let result = run(dir.path(), &all);
        assert_eq!(result.code, 2, "{args:?}: {}", result.stderr);
        assert!(
            result.stderr.contains(expected),
            "{args:?}: {}",
            result.stderr
        );
    }
}

#[test]
fn report_since_a_baseline_adds_the_changes_in_html_pdf_and_markdown() {
    let dir = folder_with_sample();
    for name in ["since.html", "since.md", "since.pdf", "plain.pdf"] {
        let mut args = vec!["report", "plan.throughline", "-o", name, "--as-of", AS_OF];
        if name.starts_with("since") {
            args.extend(["--since", BOARD]);
        }
        let result = run(dir.path(), &args);
        assert_eq!(result.code, 0, "{name}: {}", result.stderr);
    }
    let read = |name: &str| std::fs::read(dir.path().join(name)).expect("written");
    let heading = format!("Changes since \u{201c}{BOARD}\u{201d} (2026-09-15)");
    let html = String::from_utf8(read("since.html")).expect("UTF-8");
    assert!(html.contains(&heading), "HTML has the section");
    assert!(
        html.contains("Alignment score: 70% to 78%."),
        "with the trend"
    );
    let md = String::from_utf8(read("since.md")).expect("UTF-8");
    assert!(md.contains(&format!("## {heading}")), "{md}");
    assert!(md.contains("**Alignment score: 70% to 78%.**"), "{md}");
    let (since, plain) = (read("since.pdf"), read("plain.pdf"));
    assert!(since.starts_with(b"%PDF-"));
    assert!(
        since.len() > plain.len(),
        "the PDF since a baseline carries the section ({} against {} bytes)",
        since.len(),
        plain.len()
    );

    let unknown = run(
        dir.path(),
        &[
            "report",
            "plan.throughline",
            "-o",
            "x.md",
            "--since",
            "Nope",
        ],
    );
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("no baseline named \"Nope\""),
        "{}",
        unknown.stderr
    );
    assert!(!dir.path().join("x.md").exists(), "nothing written");
}

/// `report --team T --since B`: the team lead's report lists the team's changes since the
/// board saw the plan, with the team's score trend, in every text format.
#[test]
fn a_team_report_since_a_baseline_lists_the_team_changes() {
    let dir = folder_with_sample();
    let report = |team: &str, output: &str| {
        let result = run(
            dir.path(),
            &[
                "report",
                "plan.throughline",
                "-o",
                output,
                "--as-of",
                AS_OF,
                "--team",
                team,
                "--since",
                BOARD,
            ],
        );
        assert_eq!(result.code, 0, "{team}: {}", result.stderr);
        std::fs::read_to_string(dir.path().join(output)).expect("written")
    };
    let changes = |text: &str| {
        let start = text.find("Changes since").expect("the section");
        let end = text[start..]
            .find("Organizational goals and what supports them")
            .map_or(text.len(), |at| start + at);
        text[start..end].to_owned()
    };
    let monitoring = "Consolidate three monitoring tools onto one platform";
    let chatbot = "Password reset chatbot in Teams";
    for output in ["infrastructure.md", "infrastructure.html"] {
        let section = changes(&report("Infrastructure", output));
        assert!(section.contains(monitoring), "{output}: {section}");
        assert!(!section.contains(chatbot), "{output}: {section}");
        assert!(
            section.contains("Alignment score: 54% to 75%."),
            "{output}: {section}"
        );
    }
    let section = changes(&report("Service Desk", "service-desk.md"));
    assert!(section.contains(chatbot), "{section}");
    assert!(!section.contains(monitoring), "{section}");
}

/// The gate as a plan kept in git meets it: an error the plan brings fails `diff`, the same
/// error accepted knowingly passes, and taking the acceptance back fails it again, each
/// saying so.
#[test]
fn the_diff_gate_lets_an_accepted_error_through_and_says_so() {
    let dir = folder_with_sample();
    let sample: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("plan.json")).expect("the sample"),
    )
    .expect("JSON");
    // Cut the landing zone's line up: it becomes an orphan, an error.
    let mut orphaned = sample.clone();
    orphaned["links"]
        .as_array_mut()
        .expect("links")
        .retain(|link| !(link["kind"] == "supports" && link["from"] == "I-LANDINGZONE"));
    let mut accepted = orphaned.clone();
    accepted["accepted"]
        .as_array_mut()
        .expect("the sample accepts a finding already")
        .push(serde_json::json!({
            "rule": "orphan", "node": "I-LANDINGZONE", "reason": "Re-planned under the new cloud strategy in Q1"
        }));
    for (name, plan) in [("orphaned.json", &orphaned), ("accepted.json", &accepted)] {
        std::fs::write(dir.path().join(name), plan.to_string()).expect("written");
    }
    let landing_zone = "\u{201c}Build the production Azure landing zone\u{201d}";

    let failing = diff(dir.path(), "plan.json", "orphaned.json", "text");
    assert_eq!(
        failing.code, 1,
        "a new error fails the gate: {}",
        failing.stdout
    );
    assert!(failing.stdout.contains(landing_zone), "{}", failing.stdout);

    let passing = diff(dir.path(), "plan.json", "accepted.json", "text");
    assert_eq!(
        passing.code, 0,
        "the same error accepted passes: {}",
        passing.stdout
    );
    assert!(
        passing.stdout.contains(&format!(
            "Accepted: Not linked to an organizational goal on {landing_zone} (Re-planned under the new cloud strategy in Q1)."
        )),
        "{}",
        passing.stdout
    );

    let withdrawn = diff(dir.path(), "accepted.json", "orphaned.json", "text");
    assert_eq!(
        withdrawn.code, 1,
        "taking it back fails again: {}",
        withdrawn.stdout
    );
    assert!(
        withdrawn.stdout.contains(&format!(
            "No longer accepted: Not linked to an organizational goal on {landing_zone}."
        )),
        "{}",
        withdrawn.stdout
    );
}
