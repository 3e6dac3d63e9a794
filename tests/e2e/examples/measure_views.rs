//! Measures the views in the real window (issue 10's targets: a search keystroke under
//! 50 ms, any view switch under 200 ms, pan and zoom at 30+ frames per second, at 10,000
//! nodes). A benchmark, not a test: it prints figures and asserts nothing about time.
//!
//! Each figure is taken inside the page, from the event to the second animation frame
//! after it (the frame that shows the change has been painted), so WebDriver's own
//! round trips are not counted:
//!   switch   a click on a view's button in the rail, to its first painted frame;
//!   key      one character typed into the search box, to the painted frame;
//!   settled  the same keystroke, until React has also finished the deferred work
//!            it started (the lists and map following the search);
//!   pan/zoom two seconds of dragging or wheel-zooming the open map group, one event a
//!            frame: the frames per second drawn, and the slowest frame.
//!
//!   cargo run -p throughline-cli -- generate --nodes 10000 --seed 7 -o /tmp/big.json
//!   target/debug/throughline import /tmp/big.json -o /tmp/big.throughline
//!   xvfb-run -a -s "-screen 0 1280x800x24" cargo run -p throughline-e2e --example measure_views -- /tmp/big.throughline [rounds]
//!
//! It ends with screenshots of the Findings, Teams and Resources views and of the
//! inspector, in tests/e2e/shots/views-<plan>-<view>.png.

use serde_json::{Value, json};
use throughline_e2e::{App, Driver, TestPlan};

const VIEWS: [&str; 5] = ["map", "outline", "findings", "resources", "teams"];
const TYPED: &str = "cloud";

/// Clicks the rail button of `view` and answers the milliseconds to its painted frame.
const SWITCH: &str = r#"
const [view, done] = arguments;
const start = performance.now();
document.querySelector(`[data-testid="nav-${view}"]`).click();
requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start)));
// WebKit schedules no frame when the click changed nothing (the view was already shown).
setTimeout(() => done(null), 2000);
"#;

/// Types `text` into the search box (as React hears typing: the value, then an input event)
/// and answers [ms to the painted frame, ms until the page's work on it ended].
const KEY: &str = r#"
const [text, done] = arguments;
const input = document.querySelector('[data-testid="search-input"]');
const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
const start = performance.now();
setValue.call(input, text);
input.dispatchEvent(new Event('input', { bubbles: true }));
requestAnimationFrame(() => requestAnimationFrame(() => {
  const painted = performance.now() - start;
  // The page is busy while a 5 ms timer comes late; settled is the end of the last late one.
  let previous = performance.now();
  let busyUntil = previous;
  const tick = () => {
    const now = performance.now();
    if (now - previous > 30) busyUntil = now;
    previous = now;
    if (now - busyUntil > 300) done([painted, busyUntil - start]);
    else setTimeout(tick, 5);
  };
  setTimeout(tick, 5);
}));
"#;

/// Pans (a drag of the map's background, 12 px a frame) or zooms (a wheel notch a frame, in
/// then out) for two seconds, one input event per animation frame as a hand on a mouse gives
/// them, and answers [frames per second, the slowest frame in ms, whether the map moved]. React Flow takes the events
/// as it takes a user's: d3-zoom listens for them on the pane and the window.
const MOTION: &str = r#"
const [motion, done] = arguments;
const pane = document.querySelector('.react-flow__pane');
const viewport = document.querySelector('.react-flow__viewport');
const before = viewport.style.transform;
const box = pane.getBoundingClientRect();
let x = box.left + box.width / 2, y = box.top + box.height / 2;
const mouse = (type) => new MouseEvent(type, { bubbles: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0, buttons: type === 'mouseup' ? 0 : 1 });
if (motion === 'pan') pane.dispatchEvent(mouse('mousedown'));
const start = performance.now();
let last = start, frames = 0, slowest = 0, moved = false;
const frame = (now) => {
  frames += 1;
  moved ||= viewport.style.transform !== before;
  slowest = Math.max(slowest, now - last);
  last = now;
  if (now - start >= 2000) {
    if (motion === 'pan') pane.dispatchEvent(mouse('mouseup'));
    done([frames / ((now - start) / 1000), slowest, moved]);
    return;
  }
  if (motion === 'pan') {
    x -= 12; y -= 4;
    pane.dispatchEvent(mouse('mousemove'));
  } else {
    const inward = Math.floor(frames / 30) % 2 === 0;
    pane.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, view: window, clientX: x, clientY: y, deltaY: inward ? -40 : 40, deltaMode: 0 }));
  }
  requestAnimationFrame(frame);
};
requestAnimationFrame(frame);
"#;

fn fps_summary(label: &str, mut rates: Vec<f64>, mut slowest: Vec<f64>) {
    rates.sort_by(f64::total_cmp);
    slowest.sort_by(f64::total_cmp);
    println!(
        "{label:<28} median {:6.1} fps  min {:6.1}  slowest frame {:6.1} ms  (n={})",
        rates[rates.len() / 2],
        rates[0],
        slowest[slowest.len() - 1],
        rates.len()
    );
}

fn ms(value: &Value) -> f64 {
    value.as_f64().unwrap_or(f64::NAN)
}

fn summary(label: &str, mut figures: Vec<f64>) {
    figures.sort_by(f64::total_cmp);
    let median = figures[figures.len() / 2];
    println!(
        "{label:<28} median {median:6.1} ms  min {:6.1}  max {:6.1}  (n={})",
        figures[0],
        figures[figures.len() - 1],
        figures.len()
    );
}

async fn switch(app: &App, view: &str) -> f64 {
    ms(&app
        .client
        .execute_async(SWITCH, vec![json!(view)])
        .await
        .expect("the switch script runs"))
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let plan_file = args
        .next()
        .expect("usage: measure_views PLAN.throughline [rounds]");
    // 0 rounds: only the screenshots.
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(5);
    let plan = TestPlan::sample();
    std::fs::copy(&plan_file, plan.plan_path()).expect("the plan is copied for the run");
    let driver = Driver::start(&plan);
    let app = driver.session().await;
    // Let the first layout of the map finish before timing anything.
    tokio::time::sleep(std::time::Duration::from_secs(5)).await;

    if rounds > 0 {
        measure(&app, rounds).await;
    }
    screenshots(&app, &plan_file).await;
    app.close().await;
}

/// Prints the figures of `rounds` rounds of every view switch and of typing a word into the search.
async fn measure(app: &App, rounds: usize) {
    let mut switches: Vec<(String, Vec<f64>)> =
        VIEWS.iter().map(|v| (v.to_string(), vec![])).collect();
    for _ in 0..rounds {
        for (view, figures) in switches.iter_mut() {
            figures.push(switch(app, view).await);
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        }
    }
    for (view, figures) in switches {
        summary(&format!("switch to {view}"), figures);
    }

    for view in ["map", "outline", "findings"] {
        switch(app, view).await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        search_keys(app, rounds, view).await;
    }

    // A big plan's map opens as an overview; the same figures with its first group open.
    switch(app, "map").await;
    if open_first_group(app).await {
        search_keys(app, rounds, "map group").await;
        let mut figures = vec![];
        for _ in 0..rounds {
            switch(app, "outline").await;
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            figures.push(switch(app, "map").await);
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        }
        summary("switch to map group", figures);
        for motion in ["pan", "zoom"] {
            let mut rates = vec![];
            let mut slowest = vec![];
            for _ in 0..rounds {
                let answer = app
                    .client
                    .execute_async(MOTION, vec![json!(motion)])
                    .await
                    .expect("the motion script runs");
                assert_eq!(answer[2], json!(true), "the {motion} moved the map");
                rates.push(ms(&answer[0]));
                slowest.push(ms(&answer[1]));
                tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            }
            fps_summary(&format!("{motion} the map group"), rates, slowest);
        }
        app.click("map-back-overview").await;
    }
}

/// Types TYPED a key at a time, `rounds` times, and prints the figures as `label`.
async fn search_keys(app: &App, rounds: usize, label: &str) {
    let (mut painted, mut settled) = (vec![], vec![]);
    for _ in 0..rounds {
        for end in 1..=TYPED.len() {
            let answer = app
                .client
                .execute_async(KEY, vec![json!(&TYPED[..end])])
                .await
                .expect("the key script runs");
            painted.push(ms(&answer[0]));
            settled.push(ms(&answer[1]));
        }
        app.client
            .execute_async(KEY, vec![json!("")])
            .await
            .expect("the search is cleared");
    }
    summary(&format!("search key on {label}"), painted);
    summary(&format!("search settled on {label}"), settled);
}

/// Opens the map overview's first card, when the map shows an overview; answers whether it did.
async fn open_first_group(app: &App) -> bool {
    let opened = app
        .script(
            "const card = document.querySelector('.overview-card'); if (card) card.click(); return !!card;",
            vec![],
        )
        .await;
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    opened == json!(true)
}

/// Screenshots of the views the figures are about, to look at.
async fn screenshots(app: &App, plan_file: &str) {
    let stem = std::path::Path::new(&plan_file)
        .file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or("plan")
        .to_owned();
    switch(app, "map").await;
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    let shot = app.screenshot(&format!("views-{stem}-map")).await;
    println!("screenshot {}", shot.display());
    for view in ["findings", "teams", "resources"] {
        switch(app, view).await;
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        let shot = app.screenshot(&format!("views-{stem}-{view}")).await;
        println!("screenshot {}", shot.display());
    }
    // The inspector on the first finding's node, from the Findings view.
    switch(app, "map").await;
    switch(app, "findings").await;
    // A big plan's team groups start closed: open the first one to reach a finding.
    app.script(
        "const row = document.querySelector('.findings-list .finding-row'); \
         if (row) row.click(); else document.querySelector('.findings-list .team-head').click();",
        vec![],
    )
    .await;
    app.settle().await;
    app.script(
        "const row = document.querySelector('.findings-list .finding-row'); if (row) row.click();",
        vec![],
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let shot = app.screenshot(&format!("views-{stem}-inspector")).await;
    println!("screenshot {}", shot.display());
}
