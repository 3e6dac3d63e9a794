//! `throughline report PLAN -o FILE`: an alignment report to file (HTML, PDF, Markdown,
//! CSV, JSON or XLSX), rendered by the core exactly as the desktop app's Export does.

use std::path::{Path, PathBuf};

use anyhow::bail;
use chrono::NaiveDate;
use throughline_core::report::{
    Report, ReportFormat, ReportOptions, ReportStep, write_built_report,
};
use throughline_core::store::{load_baseline, load_plan};

use super::Outcome;
use super::check::parse_as_of;
use crate::progress::Progress;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "The format follows the output's extension (.html, .pdf, .md, .csv, .json, .xlsx) unless --format is given.\n\
                  A CSV report is two files: FILE with one row per finding, and FILE's stem + \"-allocations.csv\" with one row per allocation.\n\
                  An existing report file is replaced whole; the plan itself is never written."
)]
pub struct Args {
    /// The plan: a .throughline file or a .json plan.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// The report file to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// The report's format; by default the output's extension says.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Limit the report to one team's nodes and what they support.
    #[arg(long, value_name = "TEAM")]
    pub team: Option<String>,
    /// Analyse as of this date (YYYY-MM-DD) instead of today, for reproducible reports.
    #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
    pub as_of: Option<NaiveDate>,
    /// Add a "Changes since" section: what changed since this baseline of the plan
    /// file, with the score then and now (HTML, PDF and Markdown). With --team, what
    /// changed in the team's part of the plan, and the team's score.
    #[arg(long, value_name = "BASELINE")]
    pub since: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One self-contained page with the map and charts.
    Html,
    /// A printable document.
    Pdf,
    /// Markdown that reads well on GitHub.
    Md,
    /// Findings, and allocations in a second file.
    Csv,
    /// The plan in the interchange format with its analysis.
    Json,
    /// A workbook: findings, resources, allocations and every node with the goals it traces up to.
    Xlsx,
}

impl From<Format> for ReportFormat {
    fn from(format: Format) -> ReportFormat {
        match format {
            Format::Html => ReportFormat::Html,
            Format::Pdf => ReportFormat::Pdf,
            Format::Md => ReportFormat::Markdown,
            Format::Csv => ReportFormat::Csv,
            Format::Json => ReportFormat::Json,
            Format::Xlsx => ReportFormat::Xlsx,
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let format = match args.format {
        Some(format) => ReportFormat::from(format),
        None => match ReportFormat::from_extension(&args.output) {
            Some(format) => format,
            None => bail!(
                "{}: cannot tell the report format from the file name; name it *.html, *.pdf, *.md, *.csv, *.json or *.xlsx, or pass --format",
                args.output.display()
            ),
        },
    };
    if same_file(&args.plan, &args.output) {
        bail!(
            "{}: this is the plan being reported on; write the report to another file",
            args.output.display()
        );
    }
    let mut progress = Progress::on_stderr();
    progress.stage(&format!("reading {}", args.plan.display()));
    let plan = load_plan(&args.plan)?;
    // The clock is read here, at the edge, and handed to the core.
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let options = ReportOptions {
        as_of,
        team: args.team,
    };
    let baseline = match &args.since {
        Some(name) => Some(load_baseline(&args.plan, name)?),
        None => None,
    };
    progress.report_step(ReportStep::Gathering);
    let mut report = Report::build(&plan, &options)?;
    if let Some((baseline, past)) = baseline {
        report = report.with_changes_since(&plan, &baseline.name, baseline.taken_on, &past);
    }
    let written = write_built_report(&args.output, format, &report, &mut |step| {
        progress.report_step(step)
    })?;
    progress.finish();
    for path in written {
        println!("{}", path.display());
    }
    Ok(Outcome::Clean)
}

/// Whether two paths name the same existing file (however they are spelt).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
