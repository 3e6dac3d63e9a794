//! What an import did, told to the person who ran it: counts per element type,
//! derived links, and everything skipped with its reason.

use std::collections::BTreeMap;
use std::fmt;

use crate::model::NodeKind;

use super::read::FormatVersion;

#[derive(Debug, Clone, PartialEq)]
pub struct ImportSummary {
    pub model_name: Option<String>,
    pub format: &'static str,
    /// For each ArchiMate element type, how many became each node kind (`None`: not
    /// imported, a link in chains only).
    pub element_types: BTreeMap<String, BTreeMap<Option<NodeKind>, usize>>,
    pub direct_supports: usize,
    /// One line per derived `supports` link: which and through what.
    pub derived: Vec<String>,
    pub allocates: usize,
    /// One line per relationship or derived link left out, with the reason.
    pub skipped: Vec<String>,
    /// Element ids longer than 64 characters, and the node id each was given.
    pub shortened_ids: Vec<(String, String)>,
}

impl ImportSummary {
    pub(crate) fn new(model_name: Option<String>, version: FormatVersion) -> ImportSummary {
        ImportSummary {
            model_name,
            format: version.label(),
            element_types: BTreeMap::new(),
            direct_supports: 0,
            derived: Vec::new(),
            allocates: 0,
            skipped: Vec::new(),
            shortened_ids: Vec::new(),
        }
    }

    pub(crate) fn count(&mut self, element_type: &str, kind: Option<NodeKind>) {
        *self
            .element_types
            .entry(element_type.to_owned())
            .or_default()
            .entry(kind)
            .or_default() += 1;
    }

    pub(crate) fn skip(&mut self, reason: String) {
        self.skipped.push(reason);
    }

    /// How many elements became nodes of this kind.
    pub fn nodes_of(&self, kind: NodeKind) -> usize {
        self.element_types
            .values()
            .filter_map(|kinds| kinds.get(&Some(kind)))
            .sum()
    }
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Imported {} ({}):",
            self.model_name
                .as_deref()
                .map_or_else(|| "the model".to_owned(), |name| format!("{name:?}")),
            self.format
        )?;
        writeln!(f, "Elements:")?;
        for (element_type, kinds) in &self.element_types {
            let became: Vec<String> = kinds
                .iter()
                .map(|(kind, count)| match kind {
                    Some(kind) => format!("{count} {}", kind.as_str()),
                    None => format!("{count} not imported (chains run through them)"),
                })
                .collect();
            writeln!(f, "  {element_type}: {}", became.join(", "))?;
        }
        writeln!(
            f,
            "Links: {} supports ({} direct, {} derived), {} allocates",
            self.direct_supports + self.derived.len(),
            self.direct_supports,
            self.derived.len(),
            self.allocates
        )?;
        if !self.derived.is_empty() {
            writeln!(f, "Derived:")?;
            for line in &self.derived {
                writeln!(f, "  {line}")?;
            }
        }
        if !self.shortened_ids.is_empty() {
            writeln!(f, "Ids longer than 64 characters, shortened:")?;
            for (long, short) in &self.shortened_ids {
                writeln!(f, "  {long} -> {short}")?;
            }
        }
        writeln!(f, "Skipped: {}", self.skipped.len())?;
        for line in &self.skipped {
            writeln!(f, "  {line}")?;
        }
        Ok(())
    }
}
