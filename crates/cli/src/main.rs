//! The `throughline` command: checks, converts and generates plans, thin over the core.
//!
//! This file holds the command line's shape, the dispatch and the exit codes; each
//! command lives in its own module under `commands/`. To add a command, add its
//! module, one variant to [`Command`] and one arm to [`run`].

mod commands;
mod output;
mod progress;
mod usage;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::commands::Outcome;

/// Exit code when the command ran and found no error-severity finding.
const EXIT_CLEAN: u8 = 0;
/// Exit code when `check` found at least one error-severity finding (or `diff` and
/// `whatif`, one the other side did not have).
const EXIT_FINDINGS: u8 = 1;
/// Exit code when a plan cannot be read or written, or the command line is wrong.
const EXIT_FAILURE: u8 = 2;

/// Throughline: check that every project traces up to the organization's goals.
#[derive(Debug, Parser)]
#[command(name = "throughline", version)]
#[command(
    after_help = "PLAN may be a .throughline plan file or a .json plan in the interchange format.\n\
                  Exit codes: 0 no error findings, 1 error findings (check; for diff and whatif, new ones), 2 the plan cannot be read or written, or bad usage."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Analyse a plan and list its findings.
    Check(commands::check::Args),
    /// Turn a JSON plan, an ArchiMate model or a spreadsheet into a .throughline plan file.
    Import(commands::import::Args),
    /// Write a plan out as interchange JSON.
    Export(commands::export::Args),
    /// Write the sample plan (an IT organization's strategy with a few gaps).
    Demo(commands::demo::Args),
    /// Write a synthetic plan of any size, for benchmarks.
    Generate(commands::generate::Args),
    /// Write an alignment report to file: HTML, PDF, Markdown, CSV, JSON or XLSX.
    Report(commands::report::Args),
    /// Keep, list or remove baselines: named, dated copies of the plan in its file.
    Baseline(commands::baseline::Args),
    /// Compare two plans (or a baseline and a plan): what changed, and new errors.
    Diff(commands::diff::Args),
    /// Show what dropping a node or scaling a resource would change; writes nothing.
    Whatif(commands::whatif::Args),
    /// Write the spreadsheet template to fill in and import: XLSX, or CSV.
    Template(commands::template::Args),
    /// Write the one-page alignment brief of an initiative or strategy: HTML, PDF or Markdown.
    Brief(commands::brief::Args),
}

fn run(command: Command) -> anyhow::Result<Outcome> {
    match command {
        Command::Check(args) => commands::check::run(args),
        Command::Import(args) => commands::import::run(args),
        Command::Export(args) => commands::export::run(args),
        Command::Demo(args) => commands::demo::run(args),
        Command::Generate(args) => commands::generate::run(args),
        Command::Report(args) => commands::report::run(args),
        Command::Baseline(args) => commands::baseline::run(args),
        Command::Diff(args) => commands::diff::run(args),
        Command::Whatif(args) => commands::whatif::run(args),
        Command::Template(args) => commands::template::run(args),
        Command::Brief(args) => commands::brief::run(args),
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage::report(error, EXIT_CLEAN, EXIT_FAILURE),
    };
    match run(cli.command) {
        Ok(Outcome::Clean) => ExitCode::from(EXIT_CLEAN),
        Ok(Outcome::ErrorFindings) => ExitCode::from(EXIT_FINDINGS),
        Err(error) => {
            eprintln!("throughline: {}", one_line(&error));
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// The error and its causes as one line, so that scripts can log it and people can
/// read it. Core errors already quote their cause in their own message; a cause that
/// is already said is not said twice.
fn one_line(error: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    message.replace(['\n', '\r'], " ")
}
