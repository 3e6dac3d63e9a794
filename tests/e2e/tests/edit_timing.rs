//! Measures edit-to-screen in the real window (bench/edit.sh runs it): a node's status changed
//! from the inspector, then undone and redone, many times, on the plan in
//! THROUGHLINE_BENCH_PLAN. The app's own timing hook (ui/src/timing.ts) records, per edit:
//!   edit-ipc        the click to Rust's answer (the round trip and the incremental analysis);
//!   edit-work       the click to the last change the edit makes to the page (React's commits and
//!                   React Flow's own updates, as a MutationObserver sees them);
//!   edit-to-screen  the click to the end of the first frame painted after that last change.
//! Then, for comparison, what the window costs to paint a change made by script, with no IPC
//! and no React (`paint-*`): a word in a corner, the status select alone, the edited map node
//! alone, and the select and the node in one frame.
//! It prints the figures and asserts nothing about them: speed is a measurement, not a test.

use serde_json::{Value, json};
use throughline_e2e::{Driver, TestPlan};

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: run by bench/edit.sh with THROUGHLINE_BENCH_PLAN set"]
async fn measure_edit_to_screen() {
    let Some(plan_file) = std::env::var_os("THROUGHLINE_BENCH_PLAN") else {
        eprintln!("THROUGHLINE_BENCH_PLAN is not set: nothing to measure");
        return;
    };
    let edits: usize = std::env::var("THROUGHLINE_BENCH_EDITS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20);
    let plan = TestPlan::copy_of(std::path::Path::new(&plan_file));
    let driver = Driver::start(&plan);
    let app = driver.session().await;
    // A big plan's map opens as an overview of its org goals: open the first group, as a
    // user does before editing, so the edit is timed on a drawn map.
    let first_node =
        "const n = document.querySelector('.react-flow__node'); return n ? n.dataset.id : null;";
    let mut first = Value::Null;
    for _ in 0..600 {
        first = app
            .script(
                &format!(
                    "const card = document.querySelector('.overview-card'); \
                     if (card) {{ card.click(); return null; }} {first_node}"
                ),
                vec![],
            )
            .await;
        if !first.is_null() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let id = first.as_str().expect("a node on the map").to_owned();
    app.click(&format!("map-node-{id}")).await;
    app.element("inspector-status").await;
    app.script("performance.clearMeasures();", vec![]).await;
    for round in 0..edits {
        let status = if round % 2 == 0 { "proposed" } else { "active" };
        // As a choice in the select does: React's change handler sends the edit, and the
        // select shows the new status once Rust's answer is applied. The script waits in the
        // page for the hook's figure, so no WebDriver command runs on the page's thread while
        // the edit is on its way to the screen (each one runs script there, and they skewed
        // the figures by several milliseconds).
        let shown = app
            .script_async(&format!(
                "const done = arguments[arguments.length - 1];                  const before = performance.getEntriesByName('edit-to-screen', 'measure').length;                  const observer = new PerformanceObserver(() => {{                    if (performance.getEntriesByName('edit-to-screen', 'measure').length > before) {{                      observer.disconnect(); done(true); }} }});                  observer.observe({{ entryTypes: ['measure'] }});                  setTimeout(() => {{ observer.disconnect(); done(false); }}, 10000);                  setTimeout(() => {{                    const s = document.querySelector('[data-testid=inspector-status]');                    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(s, '{status}');                    s.dispatchEvent(new Event('change', {{ bubbles: true }})); }}, 100);"
            ))
            .await;
        assert_eq!(shown, json!(true), "edit {} reached the screen", round + 1);
        app.wait_presence(&format!("map-node-{id}"), true, "the node stays on the map")
            .await;
    }
    let figures = app
        .script(
            "const out = {}; \
             for (const name of ['edit-ipc', 'edit-work', 'edit-to-screen']) \
               out[name] = performance.getEntriesByName(name, 'measure').map((m) => m.duration); \
             return out;",
            vec![],
        )
        .await;
    let costs = window_costs(&app, edits).await;
    let nodes = app.text("status-counts").await;
    println!("plan: {} ({})", plan_file.to_string_lossy(), nodes.trim());
    for name in ["edit-ipc", "edit-work", "edit-to-screen"] {
        let values = figures[name]
            .as_array()
            .map(|list| list.iter().filter_map(Value::as_f64).collect())
            .unwrap_or_default();
        report(name, values);
    }
    for (name, figures) in costs {
        report(name, figures);
    }
    app.close().await;
}

/// What the window itself costs to show a change, with no IPC and no React: a change made by
/// script, to the end of the first frame painted after it, timed as the hook times an edit.
/// No code of ours can make an edit that changes the same things cheaper than these.
const WINDOW_COSTS: [(&str, &str); 4] = [
    (
        "paint-word",
        "const probe = document.createElement('span'); \
         probe.style.cssText = 'position:fixed;left:4px;bottom:4px;font-size:12px'; \
         probe.textContent = 'probe ' + round; document.body.appendChild(probe); \
         undo = () => probe.remove();",
    ),
    ("paint-status-select", "flipSelect(); undo = () => {};"),
    ("paint-map-node", "flipNode(); undo = () => {};"),
    (
        "paint-select-and-node",
        "flipSelect(); flipNode(); undo = () => {};",
    ),
];

/// Each of [`WINDOW_COSTS`], `rounds` times; the edited node is still selected.
async fn window_costs(app: &throughline_e2e::App, rounds: usize) -> Vec<(&'static str, Vec<f64>)> {
    let mut costs = Vec::new();
    for (name, change) in WINDOW_COSTS {
        let mut figures = Vec::with_capacity(rounds);
        for round in 0..rounds {
            let took = app
                .script_async(&format!(
                    "const done = arguments[arguments.length - 1]; const round = {round}; let undo; \
                     const flipSelect = () => {{ \
                       const select = document.querySelector('[data-testid=inspector-status]'); \
                       select.value = select.value === 'active' ? 'proposed' : 'active'; }}; \
                     const flipNode = () => {{ \
                       const node = document.querySelector('.react-flow__node.selected .map-node'); \
                       node.classList.toggle('status-active'); node.classList.toggle('status-proposed'); }}; \
                     setTimeout(() => {{ \
                       const start = performance.now(); {change} \
                       requestAnimationFrame(() => setTimeout(() => {{ \
                         const took = performance.now() - start; undo(); done(took); }}, 0)); \
                     }}, {delay});",
                    // Spread the changes over a frame's phases, as clicks arrive at any moment.
                    delay = 100 + (round * 7) % 17
                ))
                .await;
            figures.extend(took.as_f64());
        }
        costs.push((name, figures));
    }
    costs
}

fn report(name: &str, mut values: Vec<f64>) {
    values.sort_by(f64::total_cmp);
    if values.is_empty() {
        println!("{name}: no figures");
        return;
    }
    let at = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name}: median {:.1} ms, p90 {:.1} ms, min {:.1} ms, max {:.1} ms over {} runs",
        at(0.5),
        at(0.9),
        values[0],
        values[values.len() - 1],
        values.len()
    );
}
