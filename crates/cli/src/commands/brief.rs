//! `throughline brief PLAN ID -o FILE`: the one-page alignment brief of one initiative
//! or strategy (HTML, PDF or Markdown), written by the core exactly as the app's
//! "Share brief" writes it.

use std::path::PathBuf;

use anyhow::bail;
use chrono::NaiveDate;
use throughline_core::report::{Brief, ReportFormat, write_brief};
use throughline_core::store::load_plan;

use super::Outcome;
use super::check::parse_as_of;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "The format follows the output's extension (.html, .pdf, .md) unless --format is given.\n\
                  The PDF is one A4 page; when the brief does not fit, the page and stderr say what was left out."
)]
pub struct Args {
    /// The plan: a .throughline file or a .json plan.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// The id of the initiative or strategy the brief is about.
    #[arg(value_name = "ID")]
    pub id: String,
    /// The brief file to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// The brief's format; by default the output's extension says.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Judge the plan as of this date (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
    pub as_of: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One self-contained page.
    Html,
    /// One printable A4 page.
    Pdf,
    /// Markdown that reads well on GitHub.
    Md,
}

impl From<Format> for ReportFormat {
    fn from(format: Format) -> ReportFormat {
        match format {
            Format::Html => ReportFormat::Html,
            Format::Pdf => ReportFormat::Pdf,
            Format::Md => ReportFormat::Markdown,
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let format = match args.format {
        Some(format) => ReportFormat::from(format),
        None => match ReportFormat::from_extension(&args.output) {
            Some(format @ (ReportFormat::Html | ReportFormat::Pdf | ReportFormat::Markdown)) => {
                format
            }
            _ => bail!(
                "{}: cannot tell the brief's format from the file name; name it *.html, *.pdf or *.md, or pass --format",
                args.output.display()
            ),
        },
    };
    let plan = load_plan(&args.plan)?;
    // The clock is read here, at the edge, and handed to the core.
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let brief = Brief::build(&plan, &args.id, as_of)
        .map_err(|error| anyhow::Error::new(error).context(args.plan.display().to_string()))?;
    let left_out = write_brief(&args.output, format, &brief)?;
    if let Some(left_out) = left_out {
        eprintln!(
            "throughline: {}: the brief did not fit on one page; left out {left_out}. The HTML or Markdown brief has all of it.",
            args.output.display()
        );
    }
    println!("{}", args.output.display());
    Ok(Outcome::Clean)
}
