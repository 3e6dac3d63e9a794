//! `throughline demo -o FILE`: the sample plan, as JSON or as a plan file; a plan file
//! also keeps the sample's baseline, so that `diff` and Compare have a past to show.

use std::path::PathBuf;

use throughline_core::sample::{add_sample_baseline, sample_baseline, sample_plan};
use throughline_core::store::Store;

use super::Outcome;
use crate::output::{PlanFileKind, write_plan};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write it: *.json or *.throughline.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    write_plan(&args.output, &sample_plan(), args.force)?;
    if PlanFileKind::of(&args.output)? == PlanFileKind::Store {
        let mut store = Store::open(&args.output)?;
        // A plan file written over with --force keeps its baselines: the sample's own is
        // there already when the file held the sample.
        let (sample, _) = sample_baseline();
        if !store
            .baselines()?
            .iter()
            .any(|kept| kept.name == sample.name)
        {
            add_sample_baseline(&mut store)?;
        }
    }
    Ok(Outcome::Clean)
}
