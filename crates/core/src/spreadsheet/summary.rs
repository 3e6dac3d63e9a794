//! What a spreadsheet import did, told to the person who ran it.

use std::collections::BTreeMap;
use std::fmt;

use crate::model::NodeKind;

/// How many rows became what. A spreadsheet import derives nothing and skips nothing
/// but empty rows: every other row is imported or the whole import is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetImportSummary {
    pub plan_name: String,
    /// What was read: "XLSX workbook", "CSV file and its allocations file".
    pub source: String,
    pub nodes: BTreeMap<NodeKind, usize>,
    pub supports: usize,
    pub allocates: usize,
    /// Empty rows between filled ones, passed over.
    pub empty_rows: usize,
}

impl SheetImportSummary {
    pub(crate) fn new(plan_name: String) -> SheetImportSummary {
        SheetImportSummary {
            plan_name,
            source: String::new(),
            nodes: BTreeMap::new(),
            supports: 0,
            allocates: 0,
            empty_rows: 0,
        }
    }

    pub fn node_count(&self) -> usize {
        self.nodes.values().sum()
    }
}

impl fmt::Display for SheetImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Imported the plan {:?} from a {}:",
            self.plan_name, self.source
        )?;
        let kinds: Vec<String> = NodeKind::ALL
            .into_iter()
            .filter_map(|kind| {
                let count = self.nodes.get(&kind).copied().unwrap_or(0);
                (count > 0).then(|| format!("{count} {}", kind.as_str()))
            })
            .collect();
        let kinds = if kinds.is_empty() {
            "none".to_owned()
        } else {
            kinds.join(", ")
        };
        writeln!(f, "Rows: {} nodes ({kinds})", self.node_count())?;
        writeln!(
            f,
            "Links: {} supports, {} allocates",
            self.supports, self.allocates
        )?;
        writeln!(f, "Derived: nothing (a spreadsheet says every link itself)")?;
        if self.empty_rows == 0 {
            writeln!(f, "Skipped: nothing")
        } else {
            writeln!(
                f,
                "Skipped: {} empty row{}",
                self.empty_rows,
                if self.empty_rows == 1 { "" } else { "s" }
            )
        }
    }
}
