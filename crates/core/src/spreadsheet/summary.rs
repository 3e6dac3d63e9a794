//! What a spreadsheet import did, told to the person who ran it.

use std::collections::BTreeMap;
use std::fmt;

use crate::model::NodeKind;

/// How many rows became what. A spreadsheet import derives nothing and skips nothing
/// but empty rows: every other row is imported or the whole import is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetImportSummary {
    pub plan_name: String,
    /// What was read: "an XLSX workbook", "a CSV file and q3-allocations.csv".
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
            "Imported the plan {:?} from {}:",
            self.plan_name, self.source
        )?;
        let kinds: Vec<String> = NodeKind::ALL
            .into_iter()
            .filter_map(|kind| {
                let count = self.nodes.get(&kind).copied().unwrap_or(0);
                (count > 0).then(|| format!("{count} {}", counted(count, kind.label())))
            })
            .collect();
        let kinds = if kinds.is_empty() {
            "none".to_owned()
        } else {
            kinds.join(", ")
        };
        writeln!(
            f,
            "Rows: {} {} ({kinds})",
            self.node_count(),
            counted(self.node_count(), "node")
        )?;
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

/// `label` as said of `count` things: "1 strategy", "2 strategies", "3 team goals".
fn counted(count: usize, label: &str) -> String {
    match (count, label.strip_suffix('y')) {
        (1, _) => label.to_owned(),
        (_, Some(stem)) => format!("{stem}ies"),
        _ => format!("{label}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_counted_in_words() {
        let mut summary = SheetImportSummary::new("Q3".to_owned());
        summary.source = "an XLSX workbook".to_owned();
        summary.nodes.insert(NodeKind::Strategy, 2);
        summary.nodes.insert(NodeKind::OrgGoal, 1);
        summary.nodes.insert(NodeKind::TeamGoal, 3);
        summary.empty_rows = 1;
        let text = summary.to_string();
        assert!(
            text.starts_with("Imported the plan \"Q3\" from an XLSX workbook:\n"),
            "{text}"
        );
        assert!(
            text.contains("Rows: 6 nodes (1 organizational goal, 3 team goals, 2 strategies)"),
            "{text}"
        );
        assert!(text.contains("Skipped: 1 empty row\n"), "{text}");
    }
}
