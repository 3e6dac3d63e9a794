//! The review log (PLAN-FORMAT.md `reviews`) where a planner meets it: a JSON plan with
//! reviews imported, checked and exported by the binary, and a bad review refused by place.

mod common;

use common::{AS_OF, run};
use serde_json::{Value, json};

fn plan_with_reviews(second_review_date: &str) -> Value {
    json!({
        "format": "throughline-plan",
        "version": 1,
        "name": "Reviewed plan",
        "review_cadence_days": 90,
        "nodes": [
            {"id": "G-1", "kind": "org_goal", "title": "Grow revenue",
             "why": "The board's first goal.",
             "reviews": [
                 {"date": "2026-03-02", "audience": "Board", "note": "Asked why now"},
                 {"date": second_review_date, "audience": "Leadership team"}
             ]},
            {"id": "S-1", "kind": "strategy", "title": "Sell online",
             "why": "Most buyers start on the web.",
             "reviews": [{"date": "2026-05-01"}]}
        ],
        "links": [{"kind": "supports", "from": "S-1", "to": "G-1"}]
    })
}

#[test]
fn a_review_log_survives_import_and_export_and_the_latest_review_decides_staleness() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let source = dir.path().join("plan.json");
    std::fs::write(&source, plan_with_reviews("2026-11-02").to_string()).expect("write");

    let imported = run(
        dir.path(),
        &["import", "plan.json", "-o", "plan.throughline"],
    );
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    let exported = run(
        dir.path(),
        &["export", "plan.throughline", "-o", "again.json"],
    );
    assert_eq!(exported.code, 0, "{}", exported.stderr);
    let again: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("again.json")).expect("the export exists"),
    )
    .expect("the export is JSON");
    let goal_reviews = &again["nodes"][0]["reviews"];
    assert_eq!(
        goal_reviews,
        &json!([
            {"date": "2026-03-02", "audience": "Board", "note": "Asked why now"},
            {"date": "2026-11-02", "audience": "Leadership team"}
        ]),
        "the log comes back whole and in order"
    );

    // The goal's latest review (2026-11-02) is within 90 days of the as-of date; the
    // strategy's only review (2026-05-01) is not.
    let check = run(
        dir.path(),
        &[
            "check",
            "plan.throughline",
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
    );
    let findings: Value = serde_json::from_str(&check.stdout).expect("check answers JSON");
    let stale: Vec<&str> = findings["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|finding| finding["rule"] == "stale_review")
        .map(|finding| finding["node"].as_str().expect("a node id"))
        .collect();
    assert_eq!(stale, ["S-1"], "{}", check.stdout);
}

#[test]
fn a_bad_review_date_is_refused_naming_its_place_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(
        dir.path().join("plan.json"),
        plan_with_reviews("02/11/2026").to_string(),
    )
    .expect("write");

    let imported = run(
        dir.path(),
        &["import", "plan.json", "-o", "plan.throughline"],
    );
    assert_eq!(imported.code, 2, "{}", imported.stderr);
    for place in ["\"G-1\"", "reviews", "entry 1", "date", "YYYY-MM-DD"] {
        assert!(
            imported.stderr.contains(place),
            "the message names {place}: {}",
            imported.stderr
        );
    }
    assert!(
        !dir.path().join("plan.throughline").exists(),
        "no plan file is made from a refused plan"
    );
    let check = run(dir.path(), &["check", "plan.json", "--as-of", AS_OF]);
    assert_eq!(check.code, 2, "{}", check.stderr);
}
