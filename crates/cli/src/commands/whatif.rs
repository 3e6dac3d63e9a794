//! `throughline whatif PLAN --drop ID --scale RESOURCE=0.7`: the difference a few
//! changes would make, printed as `diff` prints it; nothing is written.

use std::path::PathBuf;

use anyhow::anyhow;
use chrono::NaiveDate;
use throughline_core::analyse;
use throughline_core::diff::{Side, WhatIfChange, what_if};
use throughline_core::store::load_plan;

use super::Outcome;
use super::check::parse_as_of;
use super::diff::{Format, print_diff};

#[derive(Debug, clap::Args)]
#[command(after_help = "Nothing is written: the plan stays as it is.\n\
                  Exit codes: 0 the changes bring no new error finding, 1 they do, 2 the plan cannot be read or a change names nothing in it.")]
pub struct Args {
    /// The plan: a .throughline file or a .json plan.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// Take this node (and its links) out of the plan; repeat for several.
    #[arg(long, value_name = "ID")]
    pub drop: Vec<String>,
    /// Multiply every amount this resource allocates by FACTOR; repeat for several.
    #[arg(long, value_name = "RESOURCE=FACTOR", value_parser = parse_scale)]
    pub scale: Vec<(String, f64)>,
    /// Analyse as of this date (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
    pub as_of: Option<NaiveDate>,
    /// How to print the difference.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

fn parse_scale(text: &str) -> Result<(String, f64), String> {
    let (resource, factor) = text
        .rsplit_once('=')
        .ok_or_else(|| format!("expected RESOURCE=FACTOR, like R-CLOUD=0.7; got {text:?}"))?;
    let factor: f64 = factor
        .trim()
        .parse()
        .map_err(|_| format!("the factor in {text:?} is not a number (like 0.7)"))?;
    Ok((resource.to_owned(), factor))
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let plan = load_plan(&args.plan)?;
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let changes: Vec<WhatIfChange> = args
        .scale
        .into_iter()
        .map(|(resource, factor)| WhatIfChange::Scale { resource, factor })
        .chain(args.drop.into_iter().map(|id| WhatIfChange::Drop { id }))
        .collect();
    if changes.is_empty() {
        return Err(anyhow!(
            "name a change: --drop ID or --scale RESOURCE=FACTOR"
        ));
    }
    let label = args.plan.display().to_string();
    let analysis = analyse(&plan, as_of);
    let diff = what_if(
        Side::new(&plan, &label, as_of),
        &analysis,
        &changes,
        &format!("{label} with the what-if changes"),
    )
    .map_err(|error| anyhow!("{}: {error}", args.plan.display()))?;
    print_diff(&diff, args.format)
}
