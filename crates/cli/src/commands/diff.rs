//! `throughline diff OLD NEW`: what changed from one plan (or baseline) to another,
//! and a gate: exit 1 when NEW brings an error finding that OLD did not have.

use chrono::NaiveDate;
use throughline_core::diff::{PlanDiff, Side, diff_plans};

use super::Outcome;
use super::check::parse_as_of;
use super::sides::read_side;
use crate::output::print_to_stdout;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Each side is a .throughline plan file, a .json plan, or a baseline kept in a plan file: PLAN.throughline@\"Board review 2026-Q3\".\n\
                  A baseline is judged as of the day it was taken; a plan file as of --as-of (today by default).\n\
                  Exit codes: 0 NEW has no error finding that OLD did not have (accepted findings do not count), 1 it has, 2 a side cannot be read."
)]
pub struct Args {
    /// The plan before: a file, or PLAN.throughline@BASELINE.
    #[arg(value_name = "OLD")]
    pub old: String,
    /// The plan after: a file, or PLAN.throughline@BASELINE.
    #[arg(value_name = "NEW")]
    pub new: String,
    /// Judge plan files as of this date (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
    pub as_of: Option<NaiveDate>,
    /// How to print the difference.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Sentences grouped by what changed, for people.
    Text,
    /// Every change with both sides, for scripts; the same plans give the same bytes.
    Json,
    /// Markdown that reads well on a code-hosting site.
    Md,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    // The clock is read here, at the edge, and handed to the core.
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let old = read_side(&args.old, as_of)?;
    let new = read_side(&args.new, as_of)?;
    let diff = diff_plans(
        Side::new(&old.plan, &old.label, old.as_of),
        Side::new(&new.plan, &new.label, new.as_of),
    );
    print_diff(&diff, args.format)
}

/// Prints the difference and answers the gate: shared by `diff` and `whatif`.
pub fn print_diff(diff: &PlanDiff, format: Format) -> anyhow::Result<Outcome> {
    let text = match format {
        Format::Text => throughline_core::diff::render_text(diff),
        Format::Json => diff.to_json(),
        Format::Md => throughline_core::diff::render_markdown(diff),
    };
    print_to_stdout(&text)?;
    Ok(if diff.passes_gate() {
        Outcome::Clean
    } else {
        Outcome::ErrorFindings
    })
}
