//! Finding one's way in the real window: the search box (its count, its list, Enter selects the
//! first match), the filters and Escape clearing them; the Resources view putting an
//! over-allocated resource first and clearing it when an amount is lowered in place; and a
//! report exported for one team; and a new plan opening empty, saying what to do first.
//! One window at a time, as in the other files.
//!
//! Run as the other WebDriver tests (see desktop.rs):
//!   xvfb-run -a -s "-screen 0 1280x800x24" cargo test -p throughline-e2e --test find -- --include-ignored

use throughline_e2e::{App, Driver, TestPlan, test_id};

/// One app window at a time: two cores do not run two WebKit apps and stay quick.
static ONE_WINDOW: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The sample's over-allocated resource: 6,800 hours given against 6,000.
const OVER: &str = "R-INFRA-TIME";

async fn search_count(app: &App) -> Option<u32> {
    if !app.exists("search-count").await {
        return None;
    }
    app.text("search-count").await.trim().parse().ok()
}

async fn errors(app: &App) -> u32 {
    let text = app.text("count-error").await;
    text.trim().parse().expect("a number of errors")
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and the app built with --features custom-protocol"]
async fn search_filters_resources_and_a_team_report_work_in_the_window() {
    let _one = ONE_WINDOW.lock().await;
    let plan = TestPlan::sample();
    let driver = Driver::start(&plan);
    let app = driver.session().await;

    // Search: how many match, the first few listed, Enter selects the first.
    app.fill("search-input", "landing zone").await;
    app.wait_presence("search-results", true, "list the matches while typing")
        .await;
    let listed = app.text("search-results").await;
    assert!(
        listed.contains("Build the production Azure landing zone"),
        "the initiative is listed: {listed}"
    );
    let matching = search_count(&app).await.expect("a count while searching");
    assert!(
        matching >= 2,
        "the initiative and the strategy named for it: {matching}"
    );
    let first = app
        .script(
            &format!(
                "return document.querySelector('{} button code').textContent;",
                test_id("search-results")
            ),
            vec![],
        )
        .await;
    let first = first.as_str().expect("a first match").to_owned();
    app.element("search-input")
        .await
        .send_keys("\u{E007}")
        .await
        .expect("Enter in the search box");
    app.wait_text("inspector", "show the first match", |text| {
        text.contains(&first)
    })
    .await;

    // A filter narrows the same search; Escape clears text and filters alike.
    app.click("filter-button").await;
    app.select("filter-kind", "initiative").await;
    let narrowed = search_count(&app).await;
    assert_eq!(narrowed, Some(1), "only the initiative is an initiative");
    app.element("search-input")
        .await
        .send_keys("\u{E00C}")
        .await
        .expect("Escape in the search box");
    app.wait_presence(
        "search-count",
        false,
        "Escape clears the search and its filters",
    )
    .await;

    // Resources: the over-allocated one first and red; lowering an amount in place clears it.
    let errors_before = errors(&app).await;
    app.click("nav-resources").await;
    let first_row = app
        .script(
            "return document.querySelector('.resource-row').dataset.testid;",
            vec![],
        )
        .await;
    assert_eq!(
        first_row.as_str(),
        Some(format!("resource-row-{OVER}").as_str()),
        "an over-allocated resource comes first"
    );
    let class = app
        .attribute(&format!("resource-row-{OVER}"), "class")
        .await
        .unwrap_or_default();
    assert!(
        class.contains("over"),
        "and is drawn over capacity: {class}"
    );
    app.click(&format!("resource-toggle-{OVER}")).await;
    let amount = format!("link-amount-allocates-{OVER}-I-MONITORING");
    app.fill(&amount, "800").await;
    app.element(&amount)
        .await
        .send_keys("\u{E007}")
        .await
        .expect("Enter commits the amount");
    app.wait_text("count-error", "drop the over-allocation error", |text| {
        text.trim() == (errors_before - 1).to_string()
    })
    .await;
    let class = app
        .attribute(&format!("resource-row-{OVER}"), "class")
        .await
        .unwrap_or_default();
    assert!(
        !class.contains("over"),
        "6,000 of 6,000 hours is not over: {class}"
    );
    app.screenshot("find-01-resources").await;

    // A report for one team, from Export.
    app.click("export-button").await;
    app.click("export-format-md").await;
    app.select("export-team", "Security").await;
    app.click("export-submit").await;
    app.wait_text("toast", "confirm the export", |text| {
        text.contains("Report exported to")
    })
    .await;
    let written: Vec<_> = std::fs::read_dir(plan.save_dir())
        .expect("the save folder")
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    assert_eq!(written.len(), 1, "one report: {written:?}");
    let report = std::fs::read_to_string(&written[0]).expect("the report");
    assert!(report.contains("Security"), "the team's report");
    assert!(
        report.contains("Roll out FIDO2 security keys to all staff"),
        "with the team's work"
    );
    assert!(
        !report.contains("Migrate 120 virtual machines out of Leeds"),
        "and not another team's"
    );
    app.close().await;
}

/// File > New plan: Rust asks where (the stand-in save dialog), the window opens on an empty
/// map that says what to do first, and its button starts the plan with an org goal.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and the app built with --features custom-protocol"]
async fn a_new_plan_opens_empty_and_says_what_to_do_first() {
    let _one = ONE_WINDOW.lock().await;
    let plan = TestPlan::sample();
    let driver = Driver::start(&plan);
    let app = driver.session().await;
    app.click("file-menu-button").await;
    app.click("file-new").await;
    let first = app
        .wait_text("add-first-goal", "offer the first org goal", |text| {
            text.contains("organizational goal")
        })
        .await;
    assert!(!first.is_empty());
    let counts = app.text("status-counts").await;
    assert!(
        counts.contains("0 nodes"),
        "the new plan is empty: {counts}"
    );
    app.click("add-first-goal").await;
    app.wait_text("status-counts", "count the first goal", |text| {
        text.contains("1 node")
    })
    .await;
    let inspector = app.text("inspector").await;
    assert!(
        inspector.contains("Org goal"),
        "the new goal is selected for its title: {inspector}"
    );
    let saved: Vec<_> = std::fs::read_dir(plan.save_dir())
        .expect("the save folder")
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "throughline"))
        .collect();
    assert_eq!(
        saved.len(),
        1,
        "the new plan file is where the dialog answered: {saved:?}"
    );
    let graph = throughline_core::store::load_plan(&saved[0]).expect("a plan file");
    assert_eq!(graph.to_plan().nodes.len(), 1, "and holds the goal already");
    app.close().await;
}
