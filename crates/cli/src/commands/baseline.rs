//! `throughline baseline add|list|remove PLAN.throughline ...`: the named, dated copies
//! of the plan kept inside its file ("what the board saw").

use std::path::PathBuf;

use chrono::NaiveDate;
use throughline_core::store::{Store, read_baselines};

use super::Outcome;
use super::check::parse_as_of;
use crate::output::{PlanFileKind, print_to_stdout};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Keep the plan as it is now under a name, like "Board review 2027-Q1".
    Add {
        #[arg(value_name = "PLAN.throughline")]
        plan: PathBuf,
        #[arg(value_name = "NAME")]
        name: String,
        /// The day it was taken (YYYY-MM-DD); today by default.
        #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
        date: Option<NaiveDate>,
    },
    /// List the plan's baselines, oldest first.
    List {
        #[arg(value_name = "PLAN.throughline")]
        plan: PathBuf,
        /// Print them as JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Remove a baseline by name.
    Remove {
        #[arg(value_name = "PLAN.throughline")]
        plan: PathBuf,
        #[arg(value_name = "NAME")]
        name: String,
    },
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let plan = match &args.action {
        Action::Add { plan, .. } | Action::List { plan, .. } | Action::Remove { plan, .. } => plan,
    };
    if PlanFileKind::of(plan).ok() == Some(PlanFileKind::Json) {
        anyhow::bail!(
            "{}: baselines are kept in .throughline plan files, not in JSON; import it first: throughline import {} -o PLAN.throughline",
            plan.display(),
            plan.display()
        );
    }
    match args.action {
        Action::Add { plan, name, date } => {
            let mut store = Store::open(&plan)?;
            let taken_on = date.unwrap_or_else(|| chrono::Local::now().date_naive());
            let baseline = store.take_baseline(&name, taken_on)?;
            println!(
                "Kept baseline \u{201c}{}\u{201d} of {} nodes, taken on {}.",
                baseline.name,
                store.graph().node_count(),
                baseline.taken_on
            );
        }
        Action::List { plan, json } => {
            let baselines = read_baselines(&plan)?;
            let text = if json {
                let mut text = serde_json::to_string_pretty(&baselines)?;
                text.push('\n');
                text
            } else if baselines.is_empty() {
                format!(
                    "{} has no baselines yet; keep one with: throughline baseline add {} NAME\n",
                    plan.display(),
                    plan.display()
                )
            } else {
                baselines
                    .iter()
                    .map(|baseline| format!("{}  {}\n", baseline.taken_on, baseline.name))
                    .collect()
            };
            print_to_stdout(&text)?;
        }
        Action::Remove { plan, name } => {
            let mut store = Store::open(&plan)?;
            store.remove_baseline(&name)?;
            println!("Removed baseline \u{201c}{name}\u{201d}.");
        }
    }
    Ok(Outcome::Clean)
}
