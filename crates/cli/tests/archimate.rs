//! `throughline import model.xml` and `throughline export plan -o model.xml` through
//! the binary, on models written for the test. The real public models and the Open
//! Group's XSDs are third-party files kept out of this repository: the tests on them
//! are in `archimate_public.rs`, run with `--features public-archimate-models`.

#[path = "common/archimate.rs"]
mod archimate_common;
mod common;

use serde_json::Value;
use tempfile::TempDir;

use archimate_common::import;
use common::{AS_OF, run};

#[test]
fn a_chain_through_intermediate_elements_is_derived_and_noted() {
    let dir = TempDir::new().expect("temp dir");
    let model = dir.path().join("chain.xml");
    std::fs::write(
        &model,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
  <name>Chain</name>
  <elements>
    <element identifier="wp" xsi:type="WorkPackage"><name>Build the portal</name></element>
    <element identifier="d" xsi:type="Deliverable"><name>Portal release 1</name></element>
    <element identifier="svc" xsi:type="BusinessService"><name>Self-service claims</name></element>
    <element identifier="g" xsi:type="Goal"><name>Fewer calls</name><documentation>Calls cost money</documentation></element>
  </elements>
  <relationships>
    <relationship identifier="r1" source="wp" target="d" xsi:type="Realization"/>
    <relationship identifier="r2" source="d" target="svc" xsi:type="Realization"/>
    <relationship identifier="r3" source="svc" target="g" xsi:type="Serving"/>
  </relationships>
</model>"#,
    )
    .expect("write model");
    let (plan, stderr) = import(&dir, &model);
    assert_eq!(
        plan["links"],
        serde_json::json!([{"kind": "supports", "from": "wp", "to": "g"}])
    );
    let initiative = &plan["nodes"][0];
    let notes = initiative["notes"].as_str().unwrap_or_default();
    assert!(
        notes
            .contains(r#"Deliverable "Portal release 1" -> BusinessService "Self-service claims""#),
        "{notes}"
    );
    assert_eq!(plan["nodes"][1]["why"], "Calls cost money");
    assert!(stderr.contains("1 derived"), "{stderr}");

    // The derived link is what the analysis sees: the work package is not an orphan.
    let checked = run(
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
    let report: Value = serde_json::from_str(&checked.stdout).expect("check prints JSON");
    let orphans: Vec<&Value> = report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|finding| finding["rule"] == "orphan")
        .collect();
    assert!(orphans.is_empty(), "{orphans:?}");
    assert!(
        report["findings"]
            .as_array()
            .is_some_and(|findings| !findings.is_empty()),
        "the check ran: {}",
        checked.stdout
    );
}

#[test]
fn non_archimate_and_broken_files_exit_2_naming_the_place_and_create_nothing() {
    let dir = TempDir::new().expect("temp dir");
    for (name, text, expected) in [
        (
            "page.xml",
            "<?xml version=\"1.0\"?>\n<html><body/></html>\n",
            "line 2, column 1",
        ),
        (
            "cut.xml",
            "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\">\n  <elements>\n    <element",
            "line 3",
        ),
        (
            "wrong.xml",
            "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\">\n</elements>\n",
            "line 2",
        ),
    ] {
        std::fs::write(dir.path().join(name), text).expect("write");
        let result = run(dir.path(), &["import", name, "-o", "out.throughline"]);
        assert_eq!(result.code, 2, "{name}: {}", result.stderr);
        assert!(
            result.stderr.contains(name) && result.stderr.contains(expected),
            "{name}: {}",
            result.stderr
        );
        assert!(
            !dir.path().join("out.throughline").exists(),
            "{name}: no file may be created"
        );
    }
}

#[test]
fn the_sample_exported_to_archimate_imports_as_the_same_plan() {
    let dir = TempDir::new().expect("temp dir");
    for args in [
        &["demo", "-o", "sample.json"][..],
        &["export", "sample.json", "-o", "model.xml"],
        &["import", "model.xml", "-o", "again.throughline"],
        &["export", "again.throughline", "-o", "again.json"],
    ] {
        let result = run(dir.path(), args);
        assert_eq!(result.code, 0, "{args:?}: {}", result.stderr);
    }
    let read = |name: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(dir.path().join(name)).expect("read"))
            .expect("JSON")
    };
    assert_eq!(
        read("again.json"),
        read("sample.json"),
        "ArchiMate out and in gives the same plan"
    );
}
