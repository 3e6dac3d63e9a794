//! `throughline brief` through the real binary: the three formats, one A4 page for every
//! initiative and strategy of the sample, the "did not fit" notice for a long one, and
//! exit 2 naming an id that has no brief.

mod common;

use common::{AS_OF, run};
use tempfile::TempDir;
use throughline_core::model::NodeKind;

/// A folder holding `plan` as `plan.json`.
fn folder_with(plan: &str) -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("plan.json"), plan).expect("writes the plan");
    dir
}

fn pdf_text(dir: &TempDir, name: &str) -> String {
    let bytes = std::fs::read(dir.path().join(name)).expect("the brief exists");
    pdf_extract::extract_text_from_mem(&bytes).expect("the PDF reads back as text")
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect()
}

#[test]
fn a_brief_in_every_format_traces_the_initiative_up_to_its_org_goal() {
    let dir = folder_with(throughline_core::sample::sample_json());
    for name in ["b.html", "b.pdf", "b.md"] {
        let result = run(
            dir.path(),
            &[
                "brief",
                "plan.json",
                "I-PORTAL",
                "-o",
                name,
                "--as-of",
                AS_OF,
            ],
        );
        assert_eq!(result.code, 0, "brief to {name}: {}", result.stderr);
        assert_eq!(result.stdout.trim(), name, "stdout names the file written");
        let text = if name.ends_with(".pdf") {
            pdf_text(&dir, name)
        } else {
            std::fs::read_to_string(dir.path().join(name)).expect("written")
        };
        // Extracted PDF text may lose the space where a line wraps: compare without spaces.
        let squashed = squash(&text);
        for expected in [
            "Launch the self-service portal with the top 50 request types",
            // Each level up, with its why.
            "Shift left to self-service and shared knowledge",
            "Answers written once and found by the person asking",
            "Staff and customers get IT help in one contact",
            "The staff survey ranked IT support last of twelve internal services",
            // The resources behind it and the date it was judged on.
            "Service desk improvement budget",
            "120,000 EUR",
            "2026-11-23",
        ] {
            assert!(
                squashed.contains(&squash(expected)),
                "{name} should say {expected:?}:\n{text}"
            );
        }
    }
}

#[test]
fn the_findings_on_a_strategys_path_are_in_its_brief() {
    let dir = folder_with(throughline_core::sample::sample_json());
    let result = run(
        dir.path(),
        &[
            "brief",
            "plan.json",
            "S-CLOUD",
            "-o",
            "cloud.md",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
    let text = std::fs::read_to_string(dir.path().join("cloud.md")).expect("written");
    assert!(
        text.contains("Resource over-allocated") && text.contains("6,800 hours"),
        "the over-allocated engineers' time funds its initiatives, so the brief shows it:\n{text}"
    );
    assert!(
        text.contains("Migrate 120 virtual machines out of Leeds"),
        "a strategy's brief names the initiatives carrying it out"
    );
}

#[test]
fn every_initiative_and_strategy_of_the_sample_fits_one_page() {
    let dir = folder_with(throughline_core::sample::sample_json());
    let plan = throughline_core::sample::sample_plan();
    let ids: Vec<String> = plan
        .nodes()
        .filter(|node| matches!(node.kind, NodeKind::Initiative | NodeKind::Strategy))
        .map(|node| node.id.clone())
        .collect();
    assert!(ids.len() > 15, "the sample has work to brief on");
    for id in ids {
        let name = format!("{id}.pdf");
        let result = run(
            dir.path(),
            &["brief", "plan.json", &id, "-o", &name, "--as-of", AS_OF],
        );
        assert_eq!(result.code, 0, "{id}: {}", result.stderr);
        assert!(
            result.stderr.is_empty(),
            "{id}'s brief should fit without a word on stderr: {}",
            result.stderr
        );
        let text = pdf_text(&dir, &name);
        assert!(
            text.contains("page 1 of 1") && !text.contains("did not fit"),
            "{id}'s brief should be one whole page:\n{text}"
        );
    }
}

#[test]
fn a_brief_too_long_for_one_page_says_so_on_the_page_and_on_stderr() {
    let mut plan: serde_json::Value =
        serde_json::from_str(throughline_core::sample::sample_json()).expect("sample parses");
    let long_why = "The portal is where staff will find answers before they call, and every \
                    request type it takes off the phones frees an analyst for real problems. "
        .repeat(12);
    for node in plan["nodes"].as_array_mut().expect("nodes") {
        if node["id"] == "I-PORTAL" {
            node["why"] = long_why.clone().into();
        }
        if node["kind"] == "strategy" || node["kind"] == "team_goal" {
            node["why"] = format!("{} ", node["why"].as_str().unwrap_or_default())
                .repeat(4)
                .into();
        }
    }
    let dir = folder_with(&plan.to_string());
    let result = run(
        dir.path(),
        &[
            "brief",
            "plan.json",
            "I-PORTAL",
            "-o",
            "long.pdf",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(
        result.code, 0,
        "a brief that did not fit is still written: {}",
        result.stderr
    );
    assert!(
        result.stderr.contains("long.pdf")
            && result.stderr.contains("did not fit on one page")
            && result.stderr.contains("left out"),
        "stderr should say the brief did not fit and what was left out: {}",
        result.stderr
    );
    let text = pdf_text(&dir, "long.pdf");
    assert!(
        text.contains("page 1 of 1"),
        "the brief stays one page:\n{text}"
    );
    assert!(
        squash(&text).contains(&squash("This brief did not fit on one page. Left out:")),
        "the page itself should say so:\n{text}"
    );
}

#[test]
fn an_id_that_is_not_an_initiative_or_strategy_exits_2_naming_it() {
    let dir = folder_with(throughline_core::sample::sample_json());
    for (id, expected) in [
        ("TG-FCR", "is a team goal"),
        ("R-AZURE", "is a resource"),
        ("NOPE", "does not exist"),
    ] {
        let result = run(
            dir.path(),
            &["brief", "plan.json", id, "-o", "x.pdf", "--as-of", AS_OF],
        );
        assert_eq!(result.code, 2, "{id}: {}", result.stderr);
        assert!(
            result.stderr.contains(&format!("\"{id}\"")) && result.stderr.contains(expected),
            "the error should name {id} and say why: {}",
            result.stderr
        );
        assert!(!dir.path().join("x.pdf").exists(), "nothing is written");
    }
}

#[test]
fn a_brief_as_csv_is_refused_and_the_format_flag_picks_markdown() {
    let dir = folder_with(throughline_core::sample::sample_json());
    let refused = run(
        dir.path(),
        &["brief", "plan.json", "I-PORTAL", "-o", "b.csv"],
    );
    assert_eq!(refused.code, 2);
    assert!(
        refused.stderr.contains("*.html, *.pdf or *.md"),
        "the error should say which files a brief can be: {}",
        refused.stderr
    );
    let result = run(
        dir.path(),
        &[
            "brief",
            "plan.json",
            "I-PORTAL",
            "-o",
            "b.txt",
            "--format",
            "md",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
    let text = std::fs::read_to_string(dir.path().join("b.txt")).expect("written");
    assert!(text.starts_with("# Alignment brief: "), "{text}");
}
