//! `throughline generate --nodes N --seed S -o FILE`: a synthetic plan for benchmarks.

use std::path::PathBuf;

use throughline_core::generate::{generate, generate_plan};
use throughline_core::interchange;

use super::Outcome;
use crate::output::{PlanFileKind, check_target, write_json_text, write_plan};
use crate::progress::Progress;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many nodes the plan has.
    #[arg(long, value_name = "N")]
    pub nodes: usize,
    /// The same seed always gives the same plan.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// Where to write it: *.json or *.throughline.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    // Refuse a bad name or an existing file before spending time on a large plan.
    let kind = PlanFileKind::of(&args.output)?;
    check_target(&args.output, args.force)?;
    let mut progress = Progress::on_stderr();
    progress.stage(&format!("generating {} nodes", args.nodes));
    match kind {
        // Generated plans are valid by construction (the core's tests pin it), so
        // JSON is written straight from the data, without building the checked graph.
        PlanFileKind::Json => {
            let plan = generate_plan(args.nodes, args.seed);
            progress.stage(&format!("writing {}", args.output.display()));
            let text = interchange::to_json(&plan);
            // Only the text is written: a million-node plan need not be held twice.
            drop(plan);
            write_json_text(&args.output, &text, args.force)?;
        }
        PlanFileKind::Store => {
            let plan = generate(args.nodes, args.seed);
            progress.stage(&format!("writing {}", args.output.display()));
            write_plan(&args.output, &plan, args.force)?;
        }
    }
    Ok(Outcome::Clean)
}
