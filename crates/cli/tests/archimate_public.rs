//! Import and export on real public ArchiMate models, and the export validated against
//! the Open Group's XSDs. Those files are third-party and not kept in this repository:
//! point `THROUGHLINE_ARCHIMATE_FIXTURES` at a folder holding them, then run
//! `cargo test -p throughline-cli --features public-archimate-models --test archimate_public`.
//!
//! | file | source (MIT licence) |
//! |---|---|
//! | `archisurance-2.1.xml` | archimatetool/OpenGroupXMLExchange @ 54f0287, `org.opengroup.archimate.xmlexchange.tests/testdata/archisurance.xml` |
//! | `archisurance-3.0.xml` | the same path @ d9e5637 |
//! | `arktect-archi-5.0.2-3.1.xml` | Arktect-Co/archimate-model-importer @ ed639da, `__tests__/unit/models/aoeff_3_1_archi_5_0_2.xml` |
//! | `archimate3_*.xsd`, `xml.xsd` | archimatetool/OpenGroupXMLExchange @ d9e5637, `org.opengroup.archimate.xmlexchange/xsd/` |

// Shared with the other test files; this one needs only part of it.
#[path = "common/archimate.rs"]
mod archimate_common;
#[allow(dead_code)]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;

use archimate_common::import;
use common::run;

fn fixture(name: &str) -> PathBuf {
    let folder = std::env::var_os("THROUGHLINE_ARCHIMATE_FIXTURES").expect(
        "THROUGHLINE_ARCHIMATE_FIXTURES names the folder of the public models (see this file's header)",
    );
    Path::new(&folder).join(name)
}

fn count(plan: &Value, kind: &str) -> usize {
    plan["nodes"].as_array().map_or(0, |nodes| {
        nodes.iter().filter(|node| node["kind"] == kind).count()
    })
}

#[test]
fn archisurance_3_0_imports_with_its_principles_counted_as_chain_elements() {
    let dir = TempDir::new().expect("temp dir");
    let (plan, stderr) = import(&dir, &fixture("archisurance-3.0.xml"));
    assert_eq!(plan["name"], "Archisurance");
    // Archisurance models business, application and technology; it has no goals or
    // work packages, so nothing becomes a node, and the summary says what became of each type.
    assert_eq!(plan["nodes"].as_array().map(Vec::len), Some(0));
    assert!(stderr.contains("ArchiMate 3.x exchange format"), "{stderr}");
    assert!(stderr.contains("Principle: 9 not imported"), "{stderr}");
    assert!(
        stderr.contains("BusinessActor: 17 not imported"),
        "{stderr}"
    );
    assert!(stderr.contains("Links: 0 supports"), "{stderr}");
}

#[test]
fn archisurance_2_1_reads_the_older_namespace_and_names() {
    let dir = TempDir::new().expect("temp dir");
    let (plan, stderr) = import(&dir, &fixture("archisurance-2.1.xml"));
    assert_eq!(plan["name"], "Archisurance");
    assert!(stderr.contains("ArchiMate 2.1 exchange format"), "{stderr}");
    assert!(stderr.contains("Principle: 9 not imported"), "{stderr}");
}

#[test]
fn an_archi_3_1_model_with_motivation_and_strategy_layers_maps_each_type() {
    let dir = TempDir::new().expect("temp dir");
    let (plan, stderr) = import(&dir, &fixture("arktect-archi-5.0.2-3.1.xml"));
    // 2 Goals and 3 Outcomes, none leading to another goal: all organizational goals.
    assert_eq!(count(&plan, "org_goal"), 5, "{stderr}");
    assert_eq!(count(&plan, "team_goal"), 0);
    assert_eq!(count(&plan, "strategy"), 1, "the CourseOfAction");
    assert_eq!(count(&plan, "initiative"), 1, "the WorkPackage");
    assert_eq!(
        count(&plan, "resource"),
        2,
        "the Resource and the Capability"
    );
    let resource_types: Vec<&Value> = plan["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|node| node["kind"] == "resource")
        .map(|node| &node["resource_type"])
        .collect();
    assert!(
        resource_types.contains(&&Value::from("funding"))
            && resource_types.contains(&&Value::from("skill")),
        "{resource_types:?}"
    );
    assert!(stderr.contains("Goal: 2 org_goal"), "{stderr}");
    assert!(stderr.contains("Outcome: 3 org_goal"), "{stderr}");
    assert!(stderr.contains("Capability: 1 resource"), "{stderr}");
    // Its one relationship to a deleted element is reported, not fatal.
    assert!(
        stderr.contains("is not an element of the model"),
        "{stderr}"
    );
}

#[test]
fn the_sample_exported_to_archimate_validates_against_the_open_group_xsd() {
    let dir = TempDir::new().expect("temp dir");
    for args in [
        &["demo", "-o", "sample.json"][..],
        &["export", "sample.json", "-o", "model.xml"],
    ] {
        let result = run(dir.path(), args);
        assert_eq!(result.code, 0, "{args:?}: {}", result.stderr);
    }
    validate_against_open_group_xsd(&dir.path().join("model.xml"));
}

/// xmllint (Debian's libxml2-utils: `apt-get install libxml2-utils`) with the XSDs in
/// THROUGHLINE_ARCHIMATE_FIXTURES; a catalog maps the W3C xml.xsd URL to the local copy.
fn validate_against_open_group_xsd(model: &Path) {
    let fixtures = fixture("");
    let catalog = model.with_file_name("catalog.xml");
    std::fs::write(
        &catalog,
        format!(
            r#"<?xml version="1.0"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <system systemId="http://www.w3.org/2001/xml.xsd" uri="file://{}"/>
</catalog>"#,
            fixtures.join("xml.xsd").display()
        ),
    )
    .expect("write catalog");
    let output = Command::new("xmllint")
        .env("XML_CATALOG_FILES", &catalog)
        .args(["--nonet", "--noout", "--schema"])
        .arg(fixtures.join("archimate3_Diagram.xsd"))
        .arg(model)
        .output()
        .expect("xmllint runs (apt-get install libxml2-utils)");
    assert!(
        output.status.success(),
        "the export must validate against the Open Group XSD: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}
