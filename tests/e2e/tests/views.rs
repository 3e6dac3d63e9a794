//! The views around the map in the real window (issues 10 and 11): a finding accepted
//! knowingly from the Inspector, marked in every view, the error count following, the
//! acceptance kept in the plan file across a restart and taken back; the Findings view
//! grouped by rule and team, collapsible and searched; the inspector opening a new
//! selection at its top; the Teams view's summary line.
//!
//! Run as the other WebDriver tests (see desktop.rs):
//!   xvfb-run -a -s "-screen 0 1280x800x24" cargo test -p throughline-e2e --test views -- --include-ignored

use throughline_core::{Rule, analyse, store::Store};
use throughline_e2e::{AS_OF, App, Driver, TestPlan};

/// One app window at a time: two cores do not run two WebKit apps and stay quick.
static ONE_WINDOW: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The sample's orphan: an initiative that leads to no goal, an error.
const ORPHAN: &str = "I-CONFLUENCE";
const REASON: &str = "Retired with the wiki move; not worth linking for six months";

async fn count(app: &App, severity: &str) -> u32 {
    let text = app.text(&format!("count-{severity}")).await;
    text.trim()
        .parse()
        .unwrap_or_else(|_| panic!("count-{severity} should be a number, is {text:?}"))
}

async fn select_in_outline(app: &App, id: &str) {
    app.click("nav-outline").await;
    app.click(&format!("outline-row-{id}")).await;
    app.wait_text("inspector", &format!("show {id}"), |text| text.contains(id))
        .await;
}

/// What `throughline check` reads from the file: the orphan's finding, and whether any
/// error still fails the check.
fn orphan_in_file(plan: &TestPlan) -> (Option<String>, bool) {
    let store = Store::open_read_only(&plan.plan_path()).expect("the plan file opens");
    let analysis = analyse(store.graph(), AS_OF.parse().expect("AS_OF is a date"));
    let accepted = analysis
        .findings
        .iter()
        .find(|finding| finding.rule == Rule::Orphan && finding.node == ORPHAN)
        .expect("the orphan is still found: an acceptance does not hide a finding")
        .accepted
        .as_ref()
        .map(|accepted| accepted.reason.clone());
    (accepted, analysis.has_errors())
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and the app built with --features custom-protocol"]
async fn a_cio_accepts_a_finding_with_a_reason_and_it_holds_after_a_restart() {
    let _one = ONE_WINDOW.lock().await;
    let plan = TestPlan::sample();
    let driver = Driver::start(&plan);
    let app = driver.session().await;

    let errors_at_start = count(&app, "error").await;
    let score_at_start = app.text("score-text").await;
    select_in_outline(&app, ORPHAN).await;
    app.wait_presence(
        "inspector-finding-orphan",
        true,
        "the inspector lists the orphan finding",
    )
    .await;

    // Accept it from the Inspector, with a reason and a date.
    app.click(&format!("accept-orphan-{ORPHAN}")).await;
    app.fill("accept-reason", REASON).await;
    app.fill("accept-until", "2027-06-30").await;
    app.wait_enabled("accept-submit", "a reason is given").await;
    app.click("accept-submit").await;
    let note = app.text(&format!("accepted-orphan-{ORPHAN}")).await;
    assert!(
        note.contains(REASON) && note.contains("until 2027-06-30"),
        "the inspector marks the finding with its reason and date: {note:?}"
    );
    assert_eq!(
        count(&app, "error").await,
        errors_at_start - 1,
        "an accepted error no longer counts as standing"
    );
    assert_eq!(
        app.attribute("count-error", "data-accepted")
            .await
            .as_deref(),
        Some("1"),
        "the error count says one error is accepted"
    );
    assert_eq!(
        app.text("score-text").await,
        score_at_start,
        "the score does not change: an accepted gap is still a gap"
    );
    app.screenshot("views-01-accepted-in-inspector").await;

    // The Findings view still lists it, marked, and its group counts it as accepted.
    app.click("nav-findings").await;
    assert_eq!(
        app.attribute(&format!("finding-orphan-{ORPHAN}"), "data-accepted")
            .await
            .as_deref(),
        Some("true"),
        "the Findings view still lists the accepted finding, marked"
    );
    let group = app.text("findings-group-orphan").await;
    assert!(
        group.contains("1 accepted"),
        "the orphan group counts the accepted finding: {group:?}"
    );
    app.screenshot("views-02-accepted-in-findings").await;
    app.close().await;

    // The acceptance is in the plan file, as `throughline check` reads it.
    assert_eq!(
        orphan_in_file(&plan),
        (Some(REASON.to_owned()), true),
        "the file holds the acceptance; the sample's other errors still fail the check"
    );

    // After a restart it is still accepted; taking it back counts the error again.
    let app = driver.session().await;
    assert_eq!(
        count(&app, "error").await,
        errors_at_start - 1,
        "after a restart the acceptance still holds"
    );
    select_in_outline(&app, ORPHAN).await;
    app.wait_presence(
        &format!("accepted-orphan-{ORPHAN}"),
        true,
        "the inspector marks the accepted finding after a restart",
    )
    .await;
    app.click(&format!("take-back-orphan-{ORPHAN}")).await;
    app.wait_presence(
        &format!("accepted-orphan-{ORPHAN}"),
        false,
        "taking the acceptance back unmarks the finding",
    )
    .await;
    assert_eq!(
        count(&app, "error").await,
        errors_at_start,
        "a finding taken back counts again"
    );
    app.close().await;
    assert_eq!(
        orphan_in_file(&plan),
        (None, true),
        "the file no longer holds the acceptance"
    );
}

/// The inspector's scroll position, in pixels from its top.
async fn inspector_scroll(app: &App) -> f64 {
    app.script(
        "return document.querySelector('[data-testid=inspector]').scrollTop;",
        vec![],
    )
    .await
    .as_f64()
    .expect("scrollTop is a number")
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and the app built with --features custom-protocol"]
async fn findings_are_grouped_collapsible_and_searched_and_a_selection_opens_at_its_top() {
    let _one = ONE_WINDOW.lock().await;
    let plan = TestPlan::sample();
    let driver = Driver::start(&plan);
    let app = driver.session().await;

    // Grouped by rule; a rule spanning teams has a group per team.
    app.click("nav-findings").await;
    let gap = "finding-capability_gap-S-OBSERVE";
    app.wait_presence(gap, true, "capability gaps are listed")
        .await;
    // The score heads the findings, as the gauge shows it, with the core's counts.
    let score = app.text("findings-score").await;
    let gauge = app.text("score-text").await;
    assert!(
        score.starts_with(&format!("Alignment score {}: ", gauge.trim()))
            && score.contains("goals, strategies and initiatives aligned"),
        "{score:?} against the gauge's {gauge:?}"
    );
    assert_eq!(
        app.attribute("findings-group-capability_gap", "aria-expanded")
            .await
            .as_deref(),
        Some("true"),
        "a rule's group starts open on a small plan"
    );
    let teams: Vec<String> = app
        .script(
            "return [...document.querySelectorAll('[data-testid^=\"findings-team-capability_gap-\"]')].map(e => e.innerText);",
            vec![],
        )
        .await
        .as_array()
        .expect("a list")
        .iter()
        .map(|text| text.as_str().unwrap_or_default().to_owned())
        .collect();
    assert!(
        teams.len() >= 2,
        "the sample's capability gaps span teams, each with its own group: {teams:?}"
    );
    app.screenshot("views-03-findings-grouped").await;

    // Collapsing a rule hides its findings and keeps its count; opening it shows them again.
    app.click("findings-group-capability_gap").await;
    app.wait_presence(gap, false, "a collapsed rule hides its findings")
        .await;
    let header = app.text("findings-group-capability_gap").await;
    assert!(
        header.contains('4'),
        "a collapsed rule still shows how many findings it holds: {header:?}"
    );
    app.click("findings-group-capability_gap").await;
    app.wait_presence(gap, true, "an opened rule shows its findings again")
        .await;

    // The search of the top bar narrows the findings to the nodes that match.
    app.fill("search-input", "finops").await;
    app.wait_presence(
        "finding-orphan-I-CONFLUENCE",
        false,
        "a finding about a node that does not match the search is left out",
    )
    .await;
    app.wait_presence(
        "finding-missing_why-S-FINOPS",
        true,
        "the findings of the matching node stay",
    )
    .await;
    // Escape in the search box clears it (WebDriver's code for the Escape key).
    app.fill("search-input", "\u{e00c}").await;
    app.wait_presence(
        "finding-orphan-I-CONFLUENCE",
        true,
        "a cleared search shows every finding again",
    )
    .await;

    // A long inspector scrolled to its end; the next selection opens at its title.
    app.click("finding-over_allocated-R-INFRA-TIME").await;
    app.wait_text("inspector", "show the over-allocated resource", |text| {
        text.contains("R-INFRA-TIME")
    })
    .await;
    app.script(
        "const panel = document.querySelector('[data-testid=inspector]'); panel.scrollTop = panel.scrollHeight;",
        vec![],
    )
    .await;
    assert!(
        inspector_scroll(&app).await > 0.0,
        "the resource's inspector is longer than the window, so it scrolls"
    );
    app.click("nav-findings").await;
    app.click("finding-missing_why-S-FINOPS").await;
    app.wait_text("inspector", "show the newly selected strategy", |text| {
        text.contains("S-FINOPS")
    })
    .await;
    assert_eq!(
        inspector_scroll(&app).await,
        0.0,
        "a new selection opens at the top of the inspector, its title in view"
    );
    app.screenshot("views-04-inspector-at-top").await;

    // The Teams view opens with how much of the team's work traces up, in words.
    app.click("nav-teams").await;
    app.select("team-select", "Applications").await;
    let summary = app
        .wait_text(
            "team-summary",
            "say how much of the team's work traces up",
            |text| text.contains("trace up to an organizational goal"),
        )
        .await;
    assert!(
        summary.contains(" of ") && !summary.contains("'s goals"),
        "the summary counts the work that traces up: {summary:?}"
    );
    // The line's verdict is the core's: the orphan says so where its line would be drawn.
    let broken = app.text("team-item-broken-I-CONFLUENCE").await;
    assert!(
        broken.contains("Not linked to an organizational goal"),
        "the orphan's card says its line is broken, in the core's words: {broken:?}"
    );
    app.screenshot("views-05-teams").await;
    // Dropped work is not judged, so it is not called aligned either.
    app.select("team-select", "Infrastructure").await;
    let dropped = app
        .wait_text(
            "team-item-I-EXCHANGE",
            "show the dropped initiative's card",
            |text| text.contains("Dropped"),
        )
        .await;
    assert!(
        dropped.contains("not counted in the plan's alignment")
            && !dropped.contains("Aligned and resourced"),
        "the dropped initiative's card: {dropped:?}"
    );
    app.close().await;
}
