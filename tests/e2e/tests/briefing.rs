//! Explaining and re-explaining the plan, in the real window: a team briefing walked with the
//! keyboard (arrows, a clicker's PageUp/PageDown, Space) and recorded, which clears the
//! stale-review findings of the goals and strategies shown and survives a restart in their
//! review logs; "Mark reviewed today" adding a log entry; a briefing started from one node
//! in the Inspector; and the roadmap showing the
//! sample's work, with a target date moved by keyboard and by drag.
//!
//! Needs a display, tauri-driver and the app built with `--features custom-protocol`:
//!   xvfb-run -a -s "-screen 0 1920x1080x24" cargo test -p throughline-e2e --test briefing -- --include-ignored
//! (1920x1080 so the briefing's board-room screenshot can be taken at full size.)

use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
use fantoccini::key::Key;
use throughline_e2e::{App, Driver, TestPlan};

/// One app window at a time: two cores do not run two WebKit apps and stay quick.
static ONE_WINDOW: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Presses a key in the window, as a keyboard or a presenter's clicker does.
async fn press(app: &App, key: Key) {
    let element = app.element("briefing").await;
    element
        .send_keys(&char::from(key).to_string())
        .await
        .unwrap_or_else(|error| panic!("pressing {key:?} in the briefing: {error}"));
}

/// Waits until the briefing shows the slide of `id`.
async fn on_slide(app: &App, id: &str, why: &str) {
    app.wait_presence(&format!("briefing-step-{id}"), true, why)
        .await;
}

async fn select_in_outline(app: &App, id: &str) {
    app.click("nav-outline").await;
    app.click(&format!("outline-row-{id}")).await;
    app.wait_text("inspector", &format!("show {id}"), |text| text.contains(id))
        .await;
}

async fn review_entries(app: &App) -> Vec<String> {
    let value = app
        .script(
            "return [...document.querySelectorAll('[data-testid=review-entry]')].map((e) => e.innerText.trim());",
            vec![],
        )
        .await;
    serde_json::from_value(value).expect("a list of entries")
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and the app built with --features custom-protocol"]
async fn a_team_briefing_walked_by_keyboard_and_recorded_clears_stale_reviews_and_is_logged_after_a_restart()
 {
    let _one = ONE_WINDOW.lock().await;
    let plan = TestPlan::sample();
    let driver = Driver::start(&plan);
    let app = driver.session().await;

    app.click("nav-findings").await;
    for id in ["TG-RECOVERY", "S-FINOPS"] {
        app.wait_presence(
            &format!("finding-stale_review-{id}"),
            true,
            "the sample has two goals and strategies of Infrastructure not reviewed for a cadence",
        )
        .await;
    }

    // From the Teams view, the Infrastructure team's briefing starts at the org goals.
    app.click("nav-teams").await;
    app.select("team-select", "Infrastructure").await;
    app.click("team-briefing").await;
    on_slide(&app, "G-SERVICE", "the first org goal comes first").await;
    let progress = app.text("briefing-progress").await;
    assert_eq!(
        progress.trim(),
        "1 of 12",
        "three levels of goals, strategies and initiatives"
    );
    app.screenshot("briefing-01-org-goal-1280x800").await;

    // One level down at a time, with every key a keyboard or clicker sends.
    press(&app, Key::Right).await;
    on_slide(&app, "TG-AVAIL", "Right goes one step down the line").await;
    press(&app, Key::PageDown).await;
    on_slide(&app, "S-OBSERVE", "a clicker's PageDown moves on").await;
    press(&app, Key::Down).await;
    on_slide(&app, "I-MONITORING", "Down moves on").await;
    press(&app, Key::PageUp).await;
    on_slide(&app, "S-OBSERVE", "a clicker's PageUp goes back").await;
    press(&app, Key::Space).await;
    press(&app, Key::Space).await;
    on_slide(&app, "TG-RECOVERY", "Space moves on").await;
    // The gap is the core's finding in its words; the empty lists only say they are empty.
    let gaps = app.text("briefing-gaps").await;
    assert!(
        gaps.contains("No strategy or initiative works toward the team goal"),
        "an unsupported goal's gap is said plainly: {gaps}"
    );
    let slide = app.text("briefing-step-TG-RECOVERY").await;
    assert!(
        slide.contains("Nothing is working toward this yet.")
            && slide.contains("No money, tools, skills or time are given to it"),
        "and its empty lists say so: {slide}"
    );
    app.screenshot("briefing-01b-gaps-1280x800").await;
    press(&app, Key::Left).await;
    on_slide(&app, "I-MONITORING", "Left goes back").await;

    for _ in 0..4 {
        press(&app, Key::Right).await;
    }
    on_slide(&app, "S-CLOUD", "four steps on from I-MONITORING").await;
    app.screenshot("briefing-02-strategy-1280x800").await;

    // Esc leaves, and the briefing can be started again from any node.
    press(&app, Key::Escape).await;
    app.wait_presence("briefing", false, "Esc leaves the briefing")
        .await;
    app.click("nav-teams").await;
    app.click("team-briefing").await;
    press(&app, Key::End).await;
    app.wait_presence("briefing-record", true, "End jumps to Record this briefing")
        .await;
    let date = app.attribute("briefing-date", "value").await;
    assert_eq!(
        date.as_deref(),
        Some(throughline_e2e::AS_OF),
        "today is the plan's as-of date"
    );
    app.fill("briefing-audience", "Infrastructure all-hands")
        .await;
    app.fill("briefing-note", "Asked when Leeds closes for good")
        .await;
    app.screenshot("briefing-03-record-1280x800").await;
    app.click("briefing-submit").await;
    app.wait_presence("briefing", false, "recording ends the briefing")
        .await;

    app.click("nav-findings").await;
    for id in ["TG-RECOVERY", "S-FINOPS"] {
        app.wait_presence(
            &format!("finding-stale_review-{id}"),
            false,
            "a recorded briefing is a review of every goal and strategy shown",
        )
        .await;
    }
    // One undoable batch: one undo brings both findings back, one redo clears them again.
    app.click("undo-button").await;
    app.wait_presence(
        "finding-stale_review-TG-RECOVERY",
        true,
        "undo takes the whole briefing back",
    )
    .await;
    app.wait_presence("finding-stale_review-S-FINOPS", true, "both at once")
        .await;
    app.click("redo-button").await;
    app.wait_presence(
        "finding-stale_review-S-FINOPS",
        false,
        "redo records it again",
    )
    .await;
    app.close().await;

    // After a restart, the review is in the logs of the goals and strategies shown.
    let app = driver.session().await;
    for id in ["TG-RECOVERY", "G-COST", "S-CLOUD"] {
        select_in_outline(&app, id).await;
        let entries = review_entries(&app).await;
        assert!(
            entries[0].contains("2026-11-23")
                && entries[0].contains("Infrastructure all-hands")
                && entries[0].contains("Leeds"),
            "{id}'s newest review is the briefing: {entries:?}"
        );
    }
    select_in_outline(&app, "I-MIGRATE").await;
    assert!(
        review_entries(&app).await.is_empty(),
        "initiatives are shown in a briefing, not reviewed"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display of 1920x1080, tauri-driver and the app built with --features custom-protocol"]
async fn a_briefing_fills_a_board_room_screen_at_1920x1080() {
    let _one = ONE_WINDOW.lock().await;
    let plan = TestPlan::sample();
    let driver = Driver::start_with(&plan, &[("THROUGHLINE_WINDOW_SIZE", "1920x1080")]);
    let app = driver.session().await;
    let width = app.script("return window.innerWidth;", vec![]).await;
    assert_eq!(
        width.as_u64(),
        Some(1920),
        "THROUGHLINE_WINDOW_SIZE sizes the window (run under a 1920x1080 display)"
    );
    app.click("nav-teams").await;
    app.select("team-select", "Infrastructure").await;
    app.click("team-briefing").await;
    on_slide(&app, "G-SERVICE", "the briefing starts").await;
    app.screenshot("briefing-11-org-goal-1920x1080").await;
    for _ in 0..7 {
        press(&app, Key::PageDown).await;
    }
    on_slide(&app, "S-CLOUD", "seven clicks on").await;
    app.screenshot("briefing-12-strategy-1920x1080").await;
    press(&app, Key::Escape).await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and the app built with --features custom-protocol"]
async fn mark_reviewed_today_logs_an_entry_and_the_roadmap_moves_target_dates_by_keyboard_and_drag()
{
    let _one = ONE_WINDOW.lock().await;
    let plan = TestPlan::sample();
    let driver = Driver::start(&plan);
    let app = driver.session().await;

    // Mark reviewed today: an entry with today's date and the audience, above the old date.
    select_in_outline(&app, "G-COST").await;
    assert_eq!(
        review_entries(&app).await,
        ["2026-09-14\nReviewed"],
        "the sample's last_reviewed date shows as the log's only entry"
    );
    app.fill("review-audience", "Board").await;
    app.click("mark-reviewed").await;
    app.wait_text("review-log", "show the new entry", |text| {
        text.contains("Board")
    })
    .await;
    let entries = review_entries(&app).await;
    assert_eq!(entries.len(), 2, "{entries:?}");
    assert!(
        entries[0].starts_with("2026-11-23") && entries[0].contains("Board"),
        "{entries:?}"
    );

    // A briefing from one node: the Inspector's button walks its line, goal first.
    select_in_outline(&app, "S-ZEROTRUST").await;
    app.click("inspector-briefing").await;
    on_slide(
        &app,
        "G-SECURE",
        "a node's briefing starts at the org goal it serves",
    )
    .await;
    let progress = app.text("briefing-progress").await;
    assert!(
        progress.contains("of 5"),
        "its goal, team goal, itself and its two initiatives: {progress}"
    );
    for (step, id) in [(1, "TG-MFA"), (2, "S-ZEROTRUST"), (3, "I-FIDO2")] {
        press(&app, Key::Right).await;
        on_slide(&app, id, &format!("step {step} down the strategy's line")).await;
    }
    press(&app, Key::Escape).await;
    app.wait_presence("briefing", false, "Esc leaves the briefing")
        .await;

    // The roadmap shows the sample's work by org goal, with today, late and loose work.
    app.click("nav-roadmap").await;
    app.wait_presence(
        "roadmap-item-I-PORTAL",
        true,
        "the sample's initiatives are on the roadmap",
    )
    .await;
    let summary = app.text("roadmap-summary").await;
    assert!(
        summary.contains("2026-11-23") && summary.contains("1 past target"),
        "today is marked and the one late initiative counted: {summary}"
    );
    let late = app.text("roadmap-date-I-RESETBOT").await;
    assert!(late.contains("past target"), "{late}");
    let loose = app.text("roadmap-group-none").await;
    assert!(
        loose.contains("Not linked to an organizational goal"),
        "{loose}"
    );
    assert!(
        !app.exists("roadmap-item-I-EXCHANGE").await,
        "dropped work is not on the road ahead"
    );
    app.screenshot("roadmap-01-by-org-goal").await;
    app.click("roadmap-group-team").await;
    app.wait_presence("roadmap-group-Infrastructure", true, "grouped by team")
        .await;
    app.screenshot("roadmap-02-by-team").await;

    // Keyboard: a week later, then a month later, each saved.
    let marker = app.element("roadmap-marker-I-PORTAL").await;
    marker
        .send_keys(&char::from(Key::Right).to_string())
        .await
        .expect("Right on the marker");
    app.wait_text(
        "roadmap-date-I-PORTAL",
        "a week later than 2027-03-31",
        |text| text.contains("2027-04-07"),
    )
    .await;
    let marker = app.element("roadmap-marker-I-PORTAL").await;
    marker
        .send_keys(&format!(
            "{}{}",
            char::from(Key::Shift),
            char::from(Key::Right)
        ))
        .await
        .expect("Shift+Right on the marker");
    app.wait_text("roadmap-date-I-PORTAL", "a month later", |text| {
        text.contains("2027-05-07")
    })
    .await;

    // Drag: the marker dropped 120 px to the right lands on a later date.
    let marker = app.element("roadmap-marker-I-KNOWLEDGE").await;
    let drag = MouseActions::new("mouse".to_owned())
        .then(PointerAction::MoveToElement {
            element: marker,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveBy {
            duration: Some(std::time::Duration::from_millis(200)),
            x: 60.0,
            y: 0.0,
        })
        .then(PointerAction::MoveBy {
            duration: Some(std::time::Duration::from_millis(200)),
            x: 60.0,
            y: 0.0,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    app.client
        .perform_actions(drag)
        .await
        .expect("the drag is performed");
    let dropped = app
        .wait_text(
            "roadmap-date-I-KNOWLEDGE",
            "a later date than 2027-04-30",
            |text| text.trim() > "2027-05-31",
        )
        .await;
    app.screenshot("roadmap-03-after-moves").await;

    // The core holds the new dates: the Inspector reads them from the plan.
    app.click("nav-outline").await;
    app.click("outline-row-I-KNOWLEDGE").await;
    let field = app.attribute("inspector-target-date", "value").await;
    assert_eq!(
        field.as_deref(),
        Some(dropped.trim()),
        "the dragged date is saved"
    );
    // And the move is undoable.
    app.click("undo-button").await;
    let deadline = std::time::Instant::now() + throughline_e2e::STEP_TIMEOUT;
    loop {
        let field = app.attribute("inspector-target-date", "value").await;
        if field.as_deref() == Some("2027-04-30") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "undo should restore 2027-04-30, the field shows {field:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.close().await;
}
