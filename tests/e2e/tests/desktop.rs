//! What a CIO does in the real window, driven through WebDriver: open the sample plan,
//! build a small throughline of new nodes and links, watch the findings follow, undo
//! and redo, meet a refused loop, restart, export every report format, and open, import,
//! copy and create plans from the File menu, and import ArchiMate models and
//! spreadsheets with their summary. The file dialogs are answered by the debug
//! build's stand-in (see `throughline_e2e::TestPlan`).
//!
//! Needs a display, tauri-driver and the app built with `--features custom-protocol`,
//! so it is ignored by a plain `cargo test`. Run it with:
//!   xvfb-run -a -s "-screen 0 1280x800x24" cargo test --workspace -- --include-ignored

use std::path::Path;
use std::time::{Duration, Instant};

use throughline_e2e::{App, Driver, TestPlan, processes_with_env, shots_dir};

/// One app window at a time: two cores do not run two WebKit apps and stay quick.
static ONE_WINDOW: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Adds a node through the Add form and waits until the inspector shows it.
async fn add_node(app: &App, kind: &str, title: &str, id: &str, resource_type: Option<&str>) {
    app.click("add-node-button").await;
    app.select("add-node-kind", kind).await;
    if let Some(resource_type) = resource_type {
        app.select("add-node-resource-type", resource_type).await;
    }
    app.fill("add-node-title", title).await;
    app.fill("add-node-id", id).await;
    app.wait_enabled("add-node-submit", "a title is typed")
        .await;
    app.click("add-node-submit").await;
    app.wait_text("inspector", &format!("show the new node {id}"), |text| {
        text.contains(id)
    })
    .await;
}

/// Adds a link from the selected node's inspector and waits for its row.
async fn add_link(app: &App, kind: &str, target: &str, amount: Option<&str>, row: &str) {
    app.select("link-add-kind", kind).await;
    app.pick_link_target(target).await;
    if let Some(amount) = amount {
        app.fill("link-add-amount", amount).await;
    }
    app.wait_enabled("link-add-submit", "a target is chosen")
        .await;
    app.click("link-add-submit").await;
    app.wait_presence(row, true, "an accepted link gets a row in the inspector")
        .await;
}

/// Selects a node from the Outline view.
async fn select_in_outline(app: &App, id: &str) {
    app.click("nav-outline").await;
    app.click(&format!("outline-row-{id}")).await;
    app.wait_text("inspector", &format!("show {id}"), |text| text.contains(id))
        .await;
}

async fn count(app: &App, severity: &str) -> u32 {
    let text = app.text(&format!("count-{severity}")).await;
    text.trim()
        .parse()
        .unwrap_or_else(|_| panic!("count-{severity} should be a number, is {text:?}"))
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and the app built with --features custom-protocol"]
async fn a_cio_builds_a_throughline_and_it_survives_a_restart_and_exports() {
    let _one = ONE_WINDOW.lock().await;
    let plan = TestPlan::sample();
    let driver = Driver::start(&plan);
    let sample_name = throughline_core::sample::sample_plan().name().to_owned();

    // 1. The sample plan opens, with its gaps found.
    let app = driver.session().await;
    app.wait_text("plan-name", "show the sample plan's name", |text| {
        text.trim() == sample_name
    })
    .await;
    app.wait_text(
        "status-path",
        "show the plan file named in THROUGHLINE_PLAN (the env reaches the app through tauri-driver)",
        |text| text.contains("plan.throughline"),
    )
    .await;
    let gauge = app.text("score-gauge").await;
    assert!(
        gauge.contains('%'),
        "the score gauge should show a percentage: {gauge:?}"
    );
    let errors_at_start = count(&app, "error").await;
    assert!(errors_at_start > 0, "the sample plan has a few honest gaps");
    app.screenshot("01-sample-plan").await;
    // From here on, anything the strict CSP blocks (an inline style or script a view
    // injects, a remote load) is collected and must stay empty.
    app.script(
        "window.__cspViolations = []; \
         document.addEventListener('securitypolicyviolation', \
           (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));",
        vec![],
    )
    .await;

    // 2. A new org goal is unsupported until work is linked to it.
    app.click("nav-findings").await;
    add_node(&app, "org_goal", "Delight every customer", "G-E2E", None).await;
    app.wait_presence(
        "finding-unsupported_goal-G-E2E",
        true,
        "a new org goal has nothing working toward it",
    )
    .await;
    assert_eq!(
        count(&app, "error").await,
        errors_at_start + 1,
        "the new goal adds one error"
    );

    // 3. A team goal under it: an orphan until linked, then no longer.
    add_node(&app, "team_goal", "Answer within a day", "TG-E2E", None).await;
    app.wait_presence(
        "finding-orphan-TG-E2E",
        true,
        "a team goal that supports nothing is an orphan",
    )
    .await;
    add_link(
        &app,
        "supports",
        "G-E2E",
        None,
        "link-row-supports-TG-E2E-G-E2E",
    )
    .await;
    app.wait_presence(
        "finding-orphan-TG-E2E",
        false,
        "linked to the org goal, the team goal is no orphan",
    )
    .await;

    // 4. A strategy and an initiative under it: the goal is reached by work, but unresourced.
    add_node(&app, "strategy", "Fix it on first contact", "S-E2E", None).await;
    add_link(
        &app,
        "supports",
        "TG-E2E",
        None,
        "link-row-supports-S-E2E-TG-E2E",
    )
    .await;
    add_node(&app, "initiative", "Answer bot", "I-E2E", None).await;
    add_link(
        &app,
        "supports",
        "S-E2E",
        None,
        "link-row-supports-I-E2E-S-E2E",
    )
    .await;
    app.wait_presence(
        "finding-unsupported_goal-G-E2E",
        false,
        "work now reaches the goal",
    )
    .await;
    app.wait_presence(
        "finding-unresourced_goal-G-E2E",
        true,
        "the work reaching the goal has no resources",
    )
    .await;

    // 5. A resource allocated to the initiative: the goal is aligned.
    add_node(&app, "resource", "Bot budget", "R-E2E", Some("funding")).await;
    add_link(
        &app,
        "allocates",
        "I-E2E",
        Some("25000"),
        "link-row-allocates-R-E2E-I-E2E",
    )
    .await;
    app.wait_presence(
        "finding-unresourced_goal-G-E2E",
        false,
        "a funded initiative reaches the goal",
    )
    .await;
    assert_eq!(
        count(&app, "error").await,
        errors_at_start,
        "the new throughline should leave no new error behind"
    );
    app.screenshot("02-throughline-built").await;

    // 6. Undo takes the allocation back (the gap returns); redo restores it.
    app.click("undo-button").await;
    app.wait_presence(
        "finding-unresourced_goal-G-E2E",
        true,
        "undoing the allocation brings the gap back",
    )
    .await;
    app.click("redo-button").await;
    app.wait_presence(
        "finding-unresourced_goal-G-E2E",
        false,
        "redoing the allocation closes the gap again",
    )
    .await;

    // 7. A loop is refused, with the reason in the toast, and nothing changes.
    select_in_outline(&app, "G-E2E").await;
    add_link(
        &app,
        "supports",
        "G-SERVICE",
        None,
        "link-row-supports-G-E2E-G-SERVICE",
    )
    .await;
    app.select("link-add-kind", "supported_by").await;
    app.pick_link_target("G-SERVICE").await;
    app.wait_enabled("link-add-submit", "a target is chosen")
        .await;
    app.click("link-add-submit").await;
    let toast = app
        .wait_text("toast", "tell why the loop was refused", |text| {
            text.contains("loop")
        })
        .await;
    assert!(
        toast.contains("G-SERVICE")
            && toast.contains("G-E2E")
            && toast.contains("already supports"),
        "the refusal should name the loop and say it by title: {toast:?}"
    );
    assert_eq!(
        app.attribute("toast", "data-code").await.as_deref(),
        Some("loop"),
        "the toast carries the error code"
    );
    assert!(
        !app.exists("link-row-supports-G-SERVICE-G-E2E").await,
        "a refused link is not shown"
    );
    app.screenshot("03-loop-refused").await;
    // The type-ahead lists only what the rules allow: no resource supports a goal.
    app.fill("link-add-target", "R-SD-BUDGET").await;
    app.wait_presence(
        "link-add-none",
        true,
        "a resource is no match for an org goal's support",
    )
    .await;
    assert!(
        !app.exists("link-option-R-SD-BUDGET").await,
        "a node the rules refuse there cannot be picked"
    );
    for view in ["nav-map", "nav-resources", "nav-teams", "nav-findings"] {
        app.click(view).await;
        app.settle().await;
    }
    let violations = app.script("return window.__cspViolations;", vec![]).await;
    assert_eq!(
        violations,
        serde_json::json!([]),
        "using the app should not trip its own CSP"
    );
    app.close().await;

    // 8. After a restart on the same file, everything is still there.
    let app = driver.session().await;
    app.click("nav-map").await;
    for id in ["G-E2E", "TG-E2E", "S-E2E", "I-E2E", "R-E2E"] {
        app.wait_presence(
            &format!("map-node-{id}"),
            true,
            "a saved node is on the map after a restart",
        )
        .await;
    }
    select_in_outline(&app, "I-E2E").await;
    for row in [
        "link-row-supports-I-E2E-S-E2E",
        "link-row-allocates-R-E2E-I-E2E",
    ] {
        app.wait_presence(row, true, "a saved link is there after a restart")
            .await;
    }
    assert_eq!(
        count(&app, "error").await,
        errors_at_start,
        "the findings after a restart are those before it"
    );
    app.screenshot("04-after-restart").await;

    // 9. Every report format is written where the (stand-in) save dialog answered.
    for format in ["html", "pdf", "md", "csv", "json", "xlsx"] {
        app.click("export-button").await;
        app.click(&format!("export-format-{format}")).await;
        app.click("export-submit").await;
        let toast = app
            .wait_text("toast", &format!("confirm the {format} export"), |text| {
                text.contains("Report exported to") && text.contains(&format!(".{format}"))
            })
            .await;
        let written = files_with_extension(&plan.save_dir(), format);
        assert_eq!(
            written.len(),
            1,
            "one .{format} report should be saved ({toast:?})"
        );
        let size = std::fs::metadata(&written[0]).map(|m| m.len()).unwrap_or(0);
        assert!(size > 0, "{} should not be empty", written[0].display());
    }
    app.screenshot("05-exported").await;
    app.close().await;

    drop(driver);
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(
        processes_with_env("THROUGHLINE_CONFIG_DIR", &plan.config_dir()).is_empty(),
        "no app, WebKit or driver process of this test should outlive it"
    );
    eprintln!("e2e: screenshots in {}", shots_dir().display());
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and the app built with --features custom-protocol"]
async fn the_window_runs_only_its_own_code_and_can_neither_read_nor_name_a_file() {
    let _one = ONE_WINDOW.lock().await;
    let plan = TestPlan::sample();
    let driver = Driver::start(&plan);
    let app = driver.session().await;
    let named = plan.path("named-by-the-page.md");
    // Each probe is something injected text might try; the CSP and the capabilities
    // must stop them all, and the browser reports each CSP refusal as a violation.
    let probe = r#"
        const done = arguments[arguments.length - 1];
        const invoke = window.__TAURI_INTERNALS__.invoke;
        const answer = (call) => call.then((value) => "allowed: " + JSON.stringify(value), (error) => "refused: " + JSON.stringify(error));
        const violations = [];
        document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
        const inline = document.createElement("script");
        inline.textContent = "window.__inlineRan = true;";
        document.body.appendChild(inline);
        const onChosen = "__CHANNEL__:" + window.__TAURI_INTERNALS__.transformCallback(() => {});
        Promise.all([
          answer(invoke("plugin:fs|read_text_file", { path: "/etc/hostname" })),
          answer(invoke("plugin:dialog|save", { options: { defaultPath: NAMED } })),
          answer(invoke("plugin:dialog|open", { options: {} })),
          answer(invoke("export_report", { path: NAMED, format: "md", team: null, onChosen })),
          answer(invoke("open_plan", { path: "/etc/hostname" })),
          fetch("https://example.com/").then(() => "allowed", (error) => "refused: " + String(error)),
        ]).then(([fs, dialogSave, dialogOpen, exported, opened, net]) => setTimeout(() => done({
          fs, dialogSave, dialogOpen, exported, opened, net, inlineRan: window.__inlineRan === true, violations,
        }), 300));
        "#
    .replace(
        "NAMED",
        &serde_json::json!(named.display().to_string()).to_string(),
    );
    let answer = app.script_async(&probe).await;
    eprintln!("e2e: security probe: {answer}");
    let probe = |name: &str| answer[name].as_str().unwrap_or_default().to_owned();
    assert!(
        probe("fs").starts_with("refused"),
        "the webview must not read files: {}",
        probe("fs")
    );
    for dialog in ["dialogSave", "dialogOpen"] {
        assert!(
            probe(dialog).starts_with("refused") && probe(dialog).contains("not allowed"),
            "the webview must not open a file dialog itself ({dialog}): {}",
            probe(dialog)
        );
    }
    assert!(
        !named.exists(),
        "a report must never be written at a path the page names ({})",
        probe("exported")
    );
    assert!(
        probe("exported").contains("saved"),
        "the export should go where the save dialog answered: {}",
        probe("exported")
    );
    assert_eq!(
        probe("opened"),
        "allowed: null",
        "Open follows the dialog (which answered nothing), not a path from the page"
    );
    assert_eq!(
        answer["inlineRan"],
        serde_json::json!(false),
        "an injected inline script must not run"
    );
    let violations = answer["violations"].to_string();
    assert!(
        violations.contains("script-src") && violations.contains("connect-src"),
        "the CSP should refuse the inline script and the remote fetch: {violations}"
    );
    app.close().await;
}

/// Issue 13: "Share brief" in the Inspector writes the selected initiative's one-page brief
/// where the (stand-in) save dialog answered, and says where.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and the app built with --features custom-protocol"]
async fn share_brief_writes_the_initiatives_one_page_brief() {
    let _one = ONE_WINDOW.lock().await;
    let plan = TestPlan::sample();
    let driver = Driver::start(&plan);
    let app = driver.session().await;
    select_in_outline(&app, "I-PORTAL").await;
    app.click("share-brief").await;
    let toast = app
        .wait_text("toast", "confirm the brief was written", |text| {
            text.contains("Brief written to")
        })
        .await;
    let written = files_with_extension(&plan.save_dir(), "pdf");
    assert_eq!(written.len(), 1, "one brief should be saved ({toast:?})");
    assert!(
        toast.contains(&written[0].display().to_string()) && !toast.contains("did not fit"),
        "the toast names the file and the brief fit one page: {toast:?}"
    );
    let bytes = std::fs::read(&written[0]).expect("the brief reads");
    assert!(bytes.starts_with(b"%PDF-"), "the brief is a PDF");
    app.screenshot("brief-shared").await;

    select_in_outline(&app, "TG-FCR").await;
    app.wait_presence("share-brief", false, "a team goal has no brief")
        .await;
    app.close().await;
    drop(driver);
}

/// Picks an item of the File menu.
async fn file_menu(app: &App, item: &str) {
    app.click("file-menu-button").await;
    app.click(item).await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and the app built with --features custom-protocol"]
async fn the_file_menu_opens_imports_copies_and_creates_plans_where_the_user_chose() {
    let _one = ONE_WINDOW.lock().await;
    let plan = TestPlan::sample();
    let driver = Driver::start(&plan);
    let sample = throughline_core::sample::sample_plan();
    let app = driver.session().await;
    app.wait_text("plan-name", "show the sample plan", |text| {
        text.trim() == sample.name()
    })
    .await;

    // 1. Open on a JSON plan imports it into the plan file the save dialog names.
    let mut board = sample.to_plan();
    board.name = "Board review".into();
    let source = plan.path("board.json");
    throughline_core::interchange::write_file(&source, &board).expect("the JSON plan is written");
    plan.answer_open_dialog(Some(&source));
    file_menu(&app, "file-open").await;
    app.wait_text("plan-name", "show the imported plan", |text| {
        text.trim() == "Board review"
    })
    .await;
    let toast = app
        .wait_text("toast", "say the JSON plan was imported", |text| {
            text.contains("Imported")
        })
        .await;
    let imported = plan.save_dir().join("board.throughline");
    assert!(
        toast.contains(&imported.display().to_string()),
        "the toast names the new plan file: {toast:?}"
    );
    assert_eq!(
        // The window has it open for editing: read it as `check` would.
        throughline_core::store::load_plan(&imported)
            .expect("the imported plan file reads")
            .name(),
        "Board review"
    );

    // 2. Save a copy: proposed under the plan's name, and the copy is what is edited now.
    file_menu(&app, "file-save-as").await;
    app.wait_text("status-path", "name the copy", |text| {
        text.contains("board-review.throughline")
    })
    .await;

    // 3. New plan: named after its file, and empty.
    file_menu(&app, "file-new").await;
    app.wait_text("plan-name", "show the new plan", |text| {
        text.trim() == "New plan"
    })
    .await;
    assert!(plan.save_dir().join("new-plan.throughline").is_file());

    // 4. A cancelled Open changes nothing.
    plan.answer_open_dialog(None);
    file_menu(&app, "file-open").await;
    app.settle().await;
    assert_eq!(app.text("plan-name").await.trim(), "New plan");

    // 5. The first plan is the oldest of the recent plans: new, copy, import, first.
    app.click("file-menu-button").await;
    let recent = app.text("file-recent-3").await;
    assert!(
        recent.contains("plan.throughline"),
        "the fourth recent plan is the one opened at start: {recent:?}"
    );
    app.screenshot("06-file-menu").await;
    app.click("file-recent-3").await;
    app.wait_text("plan-name", "show the plan opened at start again", |text| {
        text.trim() == sample.name()
    })
    .await;
    app.wait_text("status-path", "name the plan opened at start", |text| {
        text.contains(&plan.plan_path().display().to_string())
    })
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and the app built with --features custom-protocol"]
async fn file_import_reads_a_spreadsheet_or_an_archimate_model_and_shows_what_became_of_it() {
    let _one = ONE_WINDOW.lock().await;
    let plan = TestPlan::sample();
    let driver = Driver::start(&plan);
    let sample = throughline_core::sample::sample_plan();
    let app = driver.session().await;
    app.wait_text("plan-name", "show the sample plan", |text| {
        text.trim() == sample.name()
    })
    .await;

    // 1. The spreadsheet template is saved where the (stand-in) dialog answered.
    file_menu(&app, "file-save-template").await;
    let template = plan.save_dir().join("throughline-template.xlsx");
    app.wait_text("toast", "say where the template went", |text| {
        text.contains("template saved to") && text.contains(&template.display().to_string())
    })
    .await;
    assert!(template.is_file(), "the template is written");

    // 2. Importing the template makes a new plan file, opens it, and says what it held.
    plan.answer_open_dialog(Some(&template));
    file_menu(&app, "file-import").await;
    let summary = app
        .wait_text("import-summary", "show the import summary", |text| {
            text.contains("Links:")
        })
        .await;
    for expected in [
        "Imported throughline-template.xlsx",
        "5 nodes (1 organizational goal, 1 team goal, 1 strategy, 1 initiative, 1 resource)",
        "3 supports, 1 allocates",
        "Skipped: nothing",
    ] {
        assert!(
            summary.contains(expected),
            "the summary says {expected:?}: {summary:?}"
        );
    }
    app.screenshot("07-import-summary").await;
    app.click("import-summary-ok").await;
    app.wait_presence("import-summary", false, "close the summary")
        .await;
    assert_eq!(app.text("plan-name").await.trim(), "New plan");
    let imported = plan.save_dir().join("throughline-template.throughline");
    app.wait_text("status-path", "name the new plan file", |text| {
        text.contains(&imported.display().to_string())
    })
    .await;

    // 3. An ArchiMate model: the summary says what each element type became and what
    //    was skipped.
    let model = plan.path("strategy.xml");
    std::fs::write(
        &model,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
  <name>Service strategy</name>
  <elements>
    <element identifier="g" xsi:type="Goal"><name>Fewer calls</name></element>
    <element identifier="c" xsi:type="CourseOfAction"><name>Self-service first</name></element>
    <element identifier="w" xsi:type="WorkPackage"><name>Build the portal</name></element>
  </elements>
  <relationships>
    <relationship identifier="r1" source="c" target="g" xsi:type="Realization"/>
    <relationship identifier="r2" source="w" target="c" xsi:type="Realization"/>
    <relationship identifier="r3" source="c" target="g" xsi:type="Influence" modifier="-"/>
  </relationships>
</model>"#,
    )
    .expect("the model is written");
    plan.answer_open_dialog(Some(&model));
    file_menu(&app, "file-import").await;
    let summary = app
        .wait_text(
            "import-summary",
            "show the ArchiMate import summary",
            |text| text.contains("Skipped: 1"),
        )
        .await;
    for expected in [
        "Goal: 1 org_goal",
        "CourseOfAction: 1 strategy",
        "WorkPackage: 1 initiative",
    ] {
        assert!(
            summary.contains(expected),
            "the summary says {expected:?}: {summary:?}"
        );
    }
    app.click("import-summary-ok").await;
    app.wait_text("plan-name", "show the imported model", |text| {
        text.trim() == "Service strategy"
    })
    .await;

    // 4. A refused file says where it is wrong, creates nothing, and the plan stays open.
    let broken = plan.path("q3.csv");
    std::fs::write(&broken, "id,kind,title\nG1,goal,Grow\n").expect("written");
    plan.answer_open_dialog(Some(&broken));
    file_menu(&app, "file-import").await;
    let toast = app
        .wait_text("toast", "refuse the broken spreadsheet", |text| {
            text.contains("q3.csv")
        })
        .await;
    assert!(
        toast.contains("missing column"),
        "the refusal says what is wrong: {toast:?}"
    );
    assert!(
        !plan.save_dir().join("q3.throughline").exists(),
        "nothing is created"
    );
    assert!(!app.exists("import-summary").await);
    assert_eq!(app.text("plan-name").await.trim(), "Service strategy");
    app.close().await;
}

fn files_with_extension(folder: &Path, extension: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter(|path| {
                    path.extension().and_then(|e| e.to_str()) == Some(extension)
                        && !path
                            .file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| n.contains("-allocations"))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and the app built with --features custom-protocol"]
async fn a_second_window_on_the_same_plan_is_told_and_may_only_read_it() {
    let _one_window = ONE_WINDOW.lock().await;
    let plan = TestPlan::sample();
    let first_driver = Driver::start(&plan);
    let first = first_driver.session().await;

    let second_driver = Driver::start(&plan);
    let second = second_driver.session_showing("start-problem").await;
    let message = second.text("start-problem-message").await;
    assert!(
        message.contains("open for editing in another Throughline window")
            && message.contains(" since "),
        "the second window says who has the plan and since when: {message}"
    );
    assert!(second.exists("start-open").await && second.exists("start-sample").await);
    // No WebDriver screenshots here: with two windows on one display, WebKitWebDriver's
    // screenshot of the second never answers.

    second.click("open-read-only").await;
    second.element("app-ready").await;
    let status = second.text("status-read-only").await;
    assert!(status.contains("Read-only"), "{status}");

    // An edit in the read-only window is refused, and says why.
    second.click("add-node-button").await;
    second.select("add-node-kind", "org_goal").await;
    second.fill("add-node-title", "Not mine to add").await;
    second.fill("add-node-id", "G-RO").await;
    second
        .wait_enabled("add-node-submit", "a title is typed")
        .await;
    second.click("add-node-submit").await;
    let toast = second
        .wait_text("toast", "refuse the edit", |text| {
            text.contains("read-only")
        })
        .await;
    assert!(toast.contains("nothing was changed"), "{toast}");

    // The first window edits on, and its edits reach the file.
    add_node(&first, "org_goal", "Added by the editor", "G-ED", None).await;
    first.close().await;
    second.close().await;
    drop(first_driver);
    drop(second_driver);
    let saved = throughline_core::store::load_plan(&plan.plan_path()).expect("the plan reads");
    assert!(
        saved.node("G-ED").is_some(),
        "the editor's node is in the file"
    );
    assert!(
        saved.node("G-RO").is_none(),
        "the read-only window wrote nothing"
    );
    // The windows' processes end (tauri-driver may kill them, leaving the lock file's
    // text behind): the lock ends with them, and the plan opens for editing again. On a
    // loaded machine a process may take a moment to go after its driver, so wait for it.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        match throughline_core::store::Store::open(&plan.plan_path()) {
            Ok(_) => break,
            Err(throughline_core::Error::PlanInUse { .. }) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(200));
            }
            Err(error) => panic!("once both windows are gone, the plan opens for editing: {error}"),
        }
    }
}
