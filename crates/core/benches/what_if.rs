//! Issue 11's speed target: a quick what-if on a 10,000-node plan answers within a frame
//! (16 ms), worded as the app shows it. Also timed: one scenario edit's difference to
//! the plan (what the scenario bar shows after every edit), and applying a scenario.
//!
//! `cargo bench -p throughline-core --bench what_if` (BENCH_RUNS=n multiplies the runs);
//! a plain `cargo test` runs each case once on a tenth of the plan, to prove it works.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use throughline_core::analysis::IncrementalAnalysis;
use throughline_core::diff::{DiffReading, Side, WhatIfChange, diff_analysed, what_if};
use throughline_core::generate::generate_plan;
use throughline_core::scenario::Scenario;
use throughline_core::{Edit, NodeKind, PlanGraph, analyse};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a valid date")
}

/// Times `work` `runs` times and prints the median, p95 and minimum against `target`.
fn bench<T>(label: &str, runs: usize, target: Option<Duration>, mut work: impl FnMut(usize) -> T) {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|run| {
            let start = Instant::now();
            let output = work(run);
            let took = start.elapsed();
            drop(black_box(output));
            took
        })
        .collect();
    samples.sort_unstable();
    let median = samples[samples.len() / 2];
    let p95 = samples[(samples.len() * 95).div_ceil(100).saturating_sub(1)];
    let verdict = match target {
        Some(target) if median <= target => format!("  target {:.1} ms ok", ms(target)),
        Some(target) => format!("  target {:.1} ms MISSED", ms(target)),
        None => String::new(),
    };
    println!(
        "{label:<58} median {:>8.2} ms  p95 {:>8.2} ms  min {:>8.2} ms  ({runs} runs){verdict}",
        ms(median),
        ms(p95),
        ms(samples[0])
    );
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn ids_of(plan: &PlanGraph, kind: NodeKind) -> Vec<String> {
    plan.nodes()
        .filter(|node| node.kind == kind)
        .map(|node| node.id.clone())
        .collect()
}

fn main() {
    let benchmarking = std::env::args().any(|argument| argument == "--bench");
    let scale: usize = if benchmarking {
        std::env::var("BENCH_RUNS")
            .ok()
            .and_then(|runs| runs.parse().ok())
            .unwrap_or(1)
    } else {
        0
    };
    let nodes = if benchmarking { 10_000 } else { 1_000 };
    let runs = |base: usize| (base * scale).max(1);
    let frame = Some(Duration::from_millis(16));

    let plan = PlanGraph::from_plan(generate_plan(nodes, 1)).expect("generated plans are valid");
    // The app holds the plan's analysis already (kept edit by edit).
    let analysis = analyse(&plan, as_of());
    let side = Side::new(&plan, "the plan", as_of());
    let initiatives = ids_of(&plan, NodeKind::Initiative);
    let strategies = ids_of(&plan, NodeKind::Strategy);
    let resources = ids_of(&plan, NodeKind::Resource);
    println!("what-ifs on a {nodes}-node plan");

    let quick = |changes: Vec<WhatIfChange>| {
        let diff = what_if(side, &analysis, &changes, "after").expect("a valid what-if");
        DiffReading::of(&diff)
    };
    bench(
        "quick what-if: drop an initiative, worded",
        runs(100),
        frame,
        |run| {
            quick(vec![WhatIfChange::Drop {
                id: initiatives[run % initiatives.len()].clone(),
            }])
        },
    );
    bench(
        "quick what-if: drop a strategy, worded",
        runs(100),
        frame,
        |run| {
            quick(vec![WhatIfChange::Drop {
                id: strategies[run % strategies.len()].clone(),
            }])
        },
    );
    bench(
        "quick what-if: remove a resource, worded",
        runs(100),
        frame,
        |run| {
            quick(vec![WhatIfChange::Drop {
                id: resources[run % resources.len()].clone(),
            }])
        },
    );
    bench(
        "quick what-if: scale a resource to 70%, worded",
        runs(100),
        frame,
        |run| {
            quick(vec![WhatIfChange::Scale {
                resource: resources[run % resources.len()].clone(),
                factor: 0.7,
            }])
        },
    );

    // A scenario edit: the edit, its analysis brought up to date, and the whole
    // difference to the plan worded again, as the app answers it.
    let mut scenario = Scenario::start(&plan).expect("a scenario starts");
    let mut scenario_analysis = IncrementalAnalysis::new(&plan, as_of());
    bench(
        "scenario edit + difference to the plan, worded",
        runs(50),
        frame,
        |run| {
            let mut node = scenario
                .graph()
                .node(&initiatives[run % initiatives.len()])
                .expect("the initiative is there")
                .clone();
            node.title.push('!');
            let applied = scenario
                .apply(Edit::UpdateNode { node })
                .expect("a retitle applies");
            scenario_analysis.update(scenario.graph(), &applied.edit, &applied.inverse);
            let diff = diff_analysed(
                side,
                &analysis,
                Side::new(scenario.graph(), "the scenario", as_of()),
                &scenario_analysis.analysis(),
            );
            DiffReading::of(&diff)
        },
    );
    bench(
        "apply a scenario: its edit for the plan",
        runs(10),
        None,
        |_| {
            scenario
                .edit_for(&plan, as_of())
                .expect("nothing clashes")
                .expect("the scenario changed the plan")
        },
    );
}
