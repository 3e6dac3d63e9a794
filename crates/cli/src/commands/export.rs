//! `throughline export PLAN.throughline -o PLAN.json`: a plan out as interchange JSON.

use std::path::PathBuf;

use anyhow::bail;
use throughline_core::store::load_plan;

use super::Outcome;
use crate::output::{PlanFileKind, check_target, write_plan};
use crate::progress::Progress;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan to read: a .throughline file (a .json plan is accepted too).
    #[arg(value_name = "PLAN.throughline")]
    pub plan: PathBuf,
    /// The JSON file to create.
    #[arg(short, long, value_name = "PLAN.json")]
    pub output: PathBuf,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    if PlanFileKind::of(&args.output).ok() != Some(PlanFileKind::Json) {
        bail!(
            "{}: export writes interchange JSON; name the output *.json (to write a plan file, use import)",
            args.output.display()
        );
    }
    check_target(&args.output, args.force)?;
    let mut progress = Progress::on_stderr();
    progress.stage(&format!("reading {}", args.plan.display()));
    let plan = load_plan(&args.plan)?;
    progress.stage(&format!("writing {}", args.output.display()));
    write_plan(&args.output, &plan, args.force)?;
    Ok(Outcome::Clean)
}
