//! `throughline export PLAN.throughline -o PLAN.json`: a plan out as interchange JSON,
//! or as an ArchiMate 3.1 exchange file when the output is named `.xml`.

use std::path::PathBuf;

use anyhow::bail;
use throughline_core::store::load_plan;

use super::Outcome;
use crate::output::{PlanFileKind, check_target, write_plan, write_text};
use crate::progress::Progress;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan to read: a .throughline file (a .json plan is accepted too).
    #[arg(value_name = "PLAN.throughline")]
    pub plan: PathBuf,
    /// The JSON file to create (or an ArchiMate exchange .xml file).
    #[arg(short, long, value_name = "PLAN.json")]
    pub output: PathBuf,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    if args
        .output
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("xml"))
    {
        check_target(&args.output, args.force)?;
        let plan = load_plan(&args.plan)?;
        let xml = throughline_core::archimate::export(&plan.to_plan());
        write_text(&args.output, &xml, args.force)?;
        return Ok(Outcome::Clean);
    }
    if PlanFileKind::of(&args.output).ok() != Some(PlanFileKind::Json) {
        bail!(
            "{}: export writes interchange JSON (*.json) or an ArchiMate exchange file (*.xml); name the output so (to write a plan file, use import)",
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
