//! One module per subcommand: its arguments and what it does.

pub mod baseline;
pub mod brief;
pub mod check;
pub mod demo;
pub mod diff;
pub mod export;
pub mod generate;
pub mod import;
pub mod report;
pub mod template;
pub mod whatif;

mod check_text;
mod sides;

/// How a command that ran to the end came out; failures are errors instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing at error severity (or nothing to check).
    Clean,
    /// `check` found at least one error-severity finding.
    ErrorFindings,
}
