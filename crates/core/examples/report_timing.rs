//! Render time of every report format, for the sample plan and a generated plan.
//!
//! `cargo run --release -p throughline-core --example report_timing -- [NODES] [OUT_DIR]`
//! (default 100000 nodes). A measurement to read, not a test: timings on shared
//! machines vary too much to assert on.

use std::time::Instant;

use chrono::NaiveDate;
use throughline_core::generate::generate;
use throughline_core::report::{Report, ReportFormat, ReportOptions, render_report};
use throughline_core::sample::sample_plan;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let nodes: usize = match args.next() {
        Some(text) => text.parse()?,
        None => 100_000,
    };
    let out_dir = args.next().map(std::path::PathBuf::from);
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).ok_or("bad date")?;
    let options = ReportOptions::new(as_of);

    for (name, plan) in [
        ("sample".to_owned(), sample_plan()),
        (format!("generated-{nodes}"), generate(nodes, 42)),
    ] {
        let started = Instant::now();
        let report = Report::build(&plan, &options)?;
        println!(
            "{name}: {} nodes, build (analysis + content) {:.3} s",
            plan.node_count(),
            started.elapsed().as_secs_f64()
        );
        for format in ReportFormat::ALL {
            let started = Instant::now();
            let bytes = render_report(format, &report)?;
            let seconds = started.elapsed().as_secs_f64();
            println!(
                "  {:<4} {:>8.3} s  {:>12} bytes",
                format.as_str(),
                seconds,
                bytes.len()
            );
            if let Some(dir) = &out_dir {
                std::fs::write(dir.join(format!("{name}.{}", format.extension())), &bytes)?;
            }
        }
    }
    Ok(())
}
