//! `throughline report` through the real binary: formats from extensions and flags,
//! the CSV pair, team reports, and clear failures that write nothing.

mod common;

use common::{AS_OF, run};
use tempfile::TempDir;

/// A folder holding the sample plan as `plan.json`.
fn folder_with_plan() -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(
        dir.path().join("plan.json"),
        throughline_core::sample::sample_json(),
    )
    .expect("writes the plan");
    dir
}

#[test]
fn every_format_is_chosen_by_the_extension() {
    let dir = folder_with_plan();
    for (name, starts_with) in [
        ("r.html", "<!DOCTYPE html>"),
        ("r.pdf", "%PDF-"),
        ("r.md", "# "),
        ("r.csv", "severity,rule,"),
        ("r.json", "{"),
    ] {
        let result = run(
            dir.path(),
            &["report", "plan.json", "-o", name, "--as-of", AS_OF],
        );
        assert_eq!(
            result.code, 0,
            "report to {name} should succeed: {}",
            result.stderr
        );
        let bytes = std::fs::read(dir.path().join(name)).expect("the report exists");
        assert!(
            bytes.starts_with(starts_with.as_bytes()),
            "{name} should start with {starts_with:?}"
        );
    }
}

/// Issue 8: the score a planner reads in `check` is the one every report shows, with
/// the same counts and the same sentence saying what it means.
#[test]
fn check_and_every_report_show_the_same_score() {
    let dir = folder_with_plan();
    let check = run(
        dir.path(),
        &["check", "plan.json", "--as-of", AS_OF, "--format", "json"],
    );
    let summary: serde_json::Value = serde_json::from_str::<serde_json::Value>(&check.stdout)
        .expect("check prints JSON")["summary"]
        .clone();
    let (aligned, scored) = (
        summary["aligned"].as_u64().expect("aligned is a count"),
        summary["scored"].as_u64().expect("scored is a count"),
    );
    let percent = format!("{}%", aligned * 100 / scored);
    let counts = format!("{aligned} of {scored} goals, strategies and initiatives aligned");
    let text = run(dir.path(), &["check", "plan.json", "--as-of", AS_OF]).stdout;
    assert!(
        text.contains(&format!("Alignment score: {percent} ({counts})")),
        "check's text shows the percentage rounded down and its counts:\n{text}"
    );
    for name in ["r.html", "r.md"] {
        let result = run(
            dir.path(),
            &["report", "plan.json", "-o", name, "--as-of", AS_OF],
        );
        assert_eq!(result.code, 0, "{}", result.stderr);
        let report = std::fs::read_to_string(dir.path().join(name)).expect("written");
        for expected in [
            percent.as_str(),
            counts.as_str(),
            throughline_core::analysis::SCORE_SENTENCE,
        ] {
            assert!(
                report.contains(expected),
                "{name} should show {expected:?} as check does"
            );
        }
    }
    let result = run(
        dir.path(),
        &["report", "plan.json", "-o", "r.json", "--as-of", AS_OF],
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("r.json")).expect("written"))
            .expect("the JSON report parses");
    assert_eq!(
        report["analysis"]["summary"], summary,
        "the JSON report carries check's summary, fraction and counts alike"
    );
}

#[test]
fn csv_writes_the_allocations_beside_and_names_both_files() {
    let dir = folder_with_plan();
    let result = run(
        dir.path(),
        &["report", "plan.json", "-o", "q3.csv", "--as-of", AS_OF],
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(dir.path().join("q3-allocations.csv").exists());
    assert!(
        result.stdout.contains("q3.csv") && result.stdout.contains("q3-allocations.csv"),
        "stdout should list the files written: {}",
        result.stdout
    );
}

#[test]
fn format_flag_overrides_the_extension() {
    let dir = folder_with_plan();
    let result = run(
        dir.path(),
        &[
            "report",
            "plan.json",
            "-o",
            "report.txt",
            "--format",
            "md",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
    let text = std::fs::read_to_string(dir.path().join("report.txt")).expect("written");
    assert!(text.starts_with("# "), "--format md should write Markdown");
}

#[test]
fn unknown_extension_without_format_is_a_usage_error() {
    let dir = folder_with_plan();
    let result = run(dir.path(), &["report", "plan.json", "-o", "report.txt"]);
    assert_eq!(result.code, 2);
    assert!(
        result.stderr.contains("--format"),
        "the error should say how to fix it: {}",
        result.stderr
    );
    assert!(
        !dir.path().join("report.txt").exists(),
        "nothing is written"
    );
}

#[test]
fn team_report_is_limited_to_the_team() {
    let dir = folder_with_plan();
    let result = run(
        dir.path(),
        &[
            "report",
            "plan.json",
            "-o",
            "sec.md",
            "--team",
            "Security",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
    let text = std::fs::read_to_string(dir.path().join("sec.md")).expect("written");
    assert!(text.contains("for team Security"));
    assert!(
        !text.contains("### Service Desk"),
        "another team's section should not be in a Security report"
    );
}

#[test]
fn unknown_team_fails_listing_the_teams() {
    let dir = folder_with_plan();
    let result = run(
        dir.path(),
        &["report", "plan.json", "-o", "r.html", "--team", "Marketing"],
    );
    assert_eq!(result.code, 2);
    assert!(
        result.stderr.contains("\"Marketing\"") && result.stderr.contains("\"Security\""),
        "the error should name the team and the teams there are: {}",
        result.stderr
    );
    assert!(!dir.path().join("r.html").exists(), "nothing is written");
}

#[test]
fn refuses_to_write_the_report_over_the_plan() {
    let dir = folder_with_plan();
    let result = run(
        dir.path(),
        &["report", "plan.json", "-o", "plan.json", "--format", "json"],
    );
    assert_eq!(result.code, 2);
    let plan = std::fs::read_to_string(dir.path().join("plan.json")).expect("still there");
    assert_eq!(
        plan,
        throughline_core::sample::sample_json(),
        "the plan is left untouched"
    );
}

#[test]
fn unreadable_plan_exits_2_naming_the_file() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let result = run(dir.path(), &["report", "missing.json", "-o", "r.html"]);
    assert_eq!(result.code, 2);
    assert!(result.stderr.contains("missing.json"), "{}", result.stderr);
}
