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
