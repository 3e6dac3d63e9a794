//! ArchiMate models in and out: the Open Group exchange format (2.1 and 3.x) read
//! into a plan, and a plan written as an ArchiMate 3.1 exchange file.
//!
//! Reading (`read`), giving meaning (`vocabulary`, `mapping`), and writing (`write`)
//! are kept apart; the README's "ArchiMate" section is the mapping's specification.

mod mapping;
mod properties;
mod read;
mod summary;
mod vocabulary;
mod write;

pub use read::FormatVersion;
pub use summary::ImportSummary;

use crate::error::Result;
use crate::graph::PlanGraph;
use crate::model::Plan;

/// Reads an exchange file's text into a checked plan, and says what became of the model.
pub fn import(text: &str) -> Result<(PlanGraph, ImportSummary)> {
    mapping::to_plan(&read::read_model(text)?)
}

/// The plan as an ArchiMate 3.1 exchange file.
pub fn export(plan: &Plan) -> String {
    write::to_exchange_xml(plan)
}

#[cfg(test)]
mod tests;
