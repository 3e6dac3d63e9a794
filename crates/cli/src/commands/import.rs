//! `throughline import PLAN.json -o PLAN.throughline`: a JSON plan into a plan file.

use std::path::PathBuf;

use anyhow::bail;
use throughline_core::store::load_plan;

use super::Outcome;
use crate::output::{PlanFileKind, check_target, write_plan};
use crate::progress::Progress;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The JSON plan to read (a .throughline file is accepted too).
    #[arg(value_name = "PLAN.json")]
    pub plan: PathBuf,
    /// The .throughline plan file to create.
    #[arg(short, long, value_name = "PLAN.throughline")]
    pub output: PathBuf,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    if PlanFileKind::of(&args.output).ok() != Some(PlanFileKind::Store) {
        bail!(
            "{}: import writes a .throughline plan file; name the output *.throughline (to write JSON, use export)",
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
