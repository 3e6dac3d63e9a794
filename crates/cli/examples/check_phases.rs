//! Where `throughline check` spends its time: each phase timed on its own.
//!
//! `cargo run --release -p throughline-cli --example check_phases -- PLAN [PLAN...]`
//! prints read, parse and graph build, analysis and JSON output times per plan, so a
//! slow check can be pinned on one phase without a profiler. A number instead of a
//! plan times the generator at that many nodes. (`cargo bench -p throughline-core`
//! measures the same against PRODUCT.md's targets, over many runs.)

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use throughline_core::generate::generate_plan;
use throughline_core::interchange::parse;
use throughline_core::store::load_plan;
use throughline_core::{PlanGraph, analyse};

fn timed<T>(label: &str, work: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let value = work();
    report(label, start.elapsed());
    value
}

fn report(label: &str, elapsed: Duration) {
    println!("  {label:<34} {:>8.3} s", elapsed.as_secs_f64());
}

fn main() -> anyhow::Result<()> {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a valid date");
    for argument in std::env::args().skip(1) {
        if let Ok(nodes) = argument.parse::<usize>() {
            println!("generate {nodes} nodes");
            let plan = timed("generate_plan", || generate_plan(nodes, 1));
            timed("build checked graph (from_plan)", || {
                PlanGraph::from_plan(plan)
            })?;
            continue;
        }
        let path = Path::new(&argument);
        println!("{}", path.display());
        let total = Instant::now();
        let graph = if path.extension().is_some_and(|ext| ext == "json") {
            let text = timed("read file", || std::fs::read_to_string(path))?;
            timed("parse, check, build (one pass)", || parse(&text))?
        } else {
            let graph = timed("load_plan (SQLite read + graph)", || load_plan(path))?;
            let plan = graph.to_plan();
            timed("  of which graph build (from_plan)", || {
                PlanGraph::from_plan(plan)
            })?;
            graph
        };
        let analysis = timed("analyse", || analyse(&graph, as_of));
        timed("serialize findings as JSON", || {
            serde_json::to_writer_pretty(std::io::sink(), &analysis)
        })?;
        println!(
            "  {} findings; total {:.3} s",
            analysis.findings.len(),
            total.elapsed().as_secs_f64()
        );
        let start = Instant::now();
        drop((graph, analysis));
        report("free memory (drop)", start.elapsed());
    }
    Ok(())
}
