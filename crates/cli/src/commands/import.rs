//! `throughline import PLAN.json -o PLAN.throughline`: a JSON plan into a plan file.
//! An ArchiMate exchange file (`.xml`) is read through the core's `archimate` module,
//! a spreadsheet (`.xlsx`, `.ods`, `.csv`) through its `spreadsheet` module.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use throughline_core::spreadsheet::{self, SheetFormat};
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
    if is_xml(&args.plan) {
        return import_archimate(&args);
    }
    if SheetFormat::of(&args.plan).is_some() {
        return import_spreadsheet(&args);
    }
    let mut progress = Progress::on_stderr();
    progress.stage(&format!("reading {}", args.plan.display()));
    let plan = load_plan(&args.plan)?;
    progress.stage(&format!("writing {}", args.output.display()));
    write_plan(&args.output, &plan, args.force)?;
    Ok(Outcome::Clean)
}

fn is_xml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("xml"))
}

/// Reads the whole model before anything is written, so a bad file creates nothing.
fn import_archimate(args: &Args) -> anyhow::Result<Outcome> {
    let text = std::fs::read_to_string(&args.plan)
        .with_context(|| format!("{}: cannot read the ArchiMate file", args.plan.display()))?;
    let (plan, summary) = throughline_core::archimate::import(&text)
        .with_context(|| args.plan.display().to_string())?;
    write_plan(&args.output, &plan, args.force)?;
    eprint!("{summary}");
    Ok(Outcome::Clean)
}

/// Reads and checks every row before anything is written, so a bad sheet creates nothing.
fn import_spreadsheet(args: &Args) -> anyhow::Result<Outcome> {
    let (plan, summary) =
        spreadsheet::import_file(&args.plan).with_context(|| args.plan.display().to_string())?;
    write_plan(&args.output, &plan, args.force)?;
    eprint!("{summary}");
    Ok(Outcome::Clean)
}
