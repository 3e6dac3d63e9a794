//! `throughline import PLAN.json -o PLAN.throughline`: a JSON plan into a plan file.
//! An ArchiMate exchange file (`.xml`) or a spreadsheet (`.xlsx`, `.ods`, `.csv`) is
//! read through the core's `foreign` module, as the app's File > Import reads it.

use std::path::PathBuf;

use anyhow::bail;
use throughline_core::foreign::{self, ForeignFormat};
use throughline_core::store::load_plan;

use super::Outcome;
use crate::output::{PlanFileKind, check_target, write_plan};
use crate::progress::Progress;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The JSON plan to read (a .throughline file, an ArchiMate exchange .xml file, or a spreadsheet .xlsx, .ods or .csv, is accepted too).
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
    if ForeignFormat::of(&args.plan).is_some() {
        return import_foreign(&args);
    }
    let mut progress = Progress::on_stderr();
    progress.stage(&format!("reading {}", args.plan.display()));
    let plan = load_plan(&args.plan)?;
    progress.stage(&format!("writing {}", args.output.display()));
    write_plan(&args.output, &plan, args.force)?;
    Ok(Outcome::Clean)
}

/// Reads and checks the whole file before anything is written, so a bad one creates nothing.
fn import_foreign(args: &Args) -> anyhow::Result<Outcome> {
    let (plan, summary) = foreign::import_file(&args.plan)?;
    write_plan(&args.output, &plan, args.force)?;
    eprint!("{summary}");
    Ok(Outcome::Clean)
}
