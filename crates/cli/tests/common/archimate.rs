//! Importing an ArchiMate model through the binary, shared by the ArchiMate test files.

use std::path::Path;

use serde_json::Value;
use tempfile::TempDir;

use crate::common::run;

/// Imports `model` and reads the plan back as JSON, with the summary printed on stderr.
pub fn import(dir: &TempDir, model: &Path) -> (Value, String) {
    let imported = run(
        dir.path(),
        &["import", &model.to_string_lossy(), "-o", "plan.throughline"],
    );
    assert_eq!(
        imported.code, 0,
        "import should succeed: {}",
        imported.stderr
    );
    let exported = run(
        dir.path(),
        &["export", "plan.throughline", "-o", "plan.json"],
    );
    assert_eq!(exported.code, 0, "{}", exported.stderr);
    let text = std::fs::read_to_string(dir.path().join("plan.json")).expect("plan.json written");
    (serde_json::from_str(&text).expect("JSON"), imported.stderr)
}
