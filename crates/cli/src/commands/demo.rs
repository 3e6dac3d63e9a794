//! `throughline demo -o FILE`: the sample plan, as JSON or as a plan file.

use std::path::PathBuf;

use throughline_core::sample::sample_plan;

use super::Outcome;
use crate::output::write_plan;

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
    Ok(Outcome::Clean)
}
