//! Throughline's core: the plan model, its checked graph, the alignment analysis,
//! the SQLite plan store, the JSON interchange format and the reports.
//!
//! The desktop app and the `throughline` command are thin shells over this crate;
//! nothing here knows about either.

pub mod analysis;
pub mod archimate;
pub mod diff;
pub mod error;
pub mod files;
pub mod foreign;
pub mod generate;
pub mod graph;
pub mod history;
pub mod interchange;
pub mod model;
pub mod plan_change;
pub mod report;
pub mod roadmap;
pub mod rule_book;
pub mod sample;
pub mod scenario;
pub mod spreadsheet;
pub mod store;
pub mod text;

pub use analysis::{Analysis, Finding, Rule, Severity, Summary, analyse};
pub use error::{Error, ErrorCode, Result};
pub use graph::{Edit, PlanGraph};
pub use model::{
    Link, LinkKey, LinkKind, Node, NodeKind, Plan, PlanSettings, ResourceType, Review, Status,
};
