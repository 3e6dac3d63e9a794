//! `throughline template -o plan.xlsx`: the spreadsheet template a planner fills in and
//! imports, with one worked example row of each kind. `-o plan.csv` writes the CSV
//! layout instead: the nodes, and `plan-allocations.csv` beside it.

use std::path::PathBuf;

use anyhow::bail;
use throughline_core::spreadsheet::{
    SheetFormat, WorkbookKind, allocations_csv_path, template_csv, template_xlsx,
};

use super::Outcome;
use crate::output::{check_target, write_bytes};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write it: *.xlsx, or *.csv (two files).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Replace the output file(s) if they exist.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    match SheetFormat::of(&args.output) {
        Some(SheetFormat::Workbook(WorkbookKind::Xlsx)) => {
            check_target(&args.output, args.force)?;
            write_bytes(&args.output, &template_xlsx()?, args.force)?;
        }
        Some(SheetFormat::Csv) => {
            let allocations_path = allocations_csv_path(&args.output);
            check_target(&args.output, args.force)?;
            check_target(&allocations_path, args.force)?;
            let (nodes, allocations) = template_csv()?;
            write_bytes(&args.output, &nodes, args.force)?;
            write_bytes(&allocations_path, &allocations, args.force)?;
            println!("{}", args.output.display());
            println!("{}", allocations_path.display());
            return Ok(Outcome::Clean);
        }
        _ => bail!(
            "{}: the template is written as *.xlsx or *.csv; name the output so",
            args.output.display()
        ),
    }
    println!("{}", args.output.display());
    Ok(Outcome::Clean)
}
