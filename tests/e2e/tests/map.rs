//! The map in the real window: it opens readable, keeps every node in its place across an
//! edit and a view switch, links by a drag dropped anywhere on a node and says what it made,
//! and explains a refused drag by titles.
//!
//! Needs a display, tauri-driver and the app built with `--features custom-protocol`:
//!   xvfb-run -a -s "-screen 0 1280x800x24" cargo test -p throughline-e2e --test map -- --include-ignored

use std::collections::BTreeMap;

use serde_json::{Value, json};
use throughline_e2e::{App, Driver, TestPlan};

/// One app window at a time: two cores do not run two WebKit apps and stay quick.
static ONE_WINDOW: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Every node's place on the map (its flow position, React Flow's transform), by id.
async fn node_places(app: &App) -> BTreeMap<String, String> {
    let places = app
        .script(
            "const out = {}; \
             for (const n of document.querySelectorAll('.react-flow__node')) out[n.dataset.id] = n.style.transform; \
             return out;",
            vec![],
        )
        .await;
    serde_json::from_value(places).expect("places are id -> transform")
}

async fn viewport(app: &App) -> String {
    app.script(
        "return document.querySelector('.react-flow__viewport').style.transform;",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

/// Waits until the map has its final first layout (ELK's order on a small plan).
async fn wait_for_refined_map(app: &App) {
    for _ in 0..200 {
        let source = app
            .script(
                "const m = document.querySelector('.map'); return m ? m.dataset.layout : null;",
                vec![],
            )
            .await;
        if source == json!("elk") {
            app.settle().await;
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the map never got its refined layout (data-layout=elk)");
}

async fn link_count(app: &App) -> u32 {
    let status = app.text("status-counts").await;
    let text = status.as_str();
    let at = text
        .find(" links")
        .unwrap_or_else(|| panic!("the status line counts links: {text:?}"));
    let digits: String = text[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .collect::<String>()
        .chars()
        .rev()
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().expect("a link count")
}

async fn wait_for_toast(app: &App, holds: impl Fn(&str) -> bool, what: &str) -> String {
    app.wait_text("toast", what, holds).await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and the app built with --features custom-protocol"]
async fn the_map_opens_readable_and_keeps_its_layout_across_an_edit_and_a_view_switch() {
    let _one = ONE_WINDOW.lock().await;
    let plan = TestPlan::sample();
    let driver = Driver::start(&plan);
    let app = driver.session().await;
    wait_for_refined_map(&app).await;

    // Every title drawn in view renders at 11 px or more (font size times the map's zoom), and
    // no node's visible part is under the hint, the zoom buttons or the legend.
    let first_view = app
        .script(
            "const pane = document.querySelector('.map-pane').getBoundingClientRect(); \
             const cover = ['.map-hint', '.map-bar', '.map-legend', '[data-testid=map-fit]'] \
               .map((s) => document.querySelector(s).getBoundingClientRect()); \
             const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom; \
             const clip = (r) => ({ left: Math.max(r.left, pane.left), right: Math.min(r.right, pane.right), \
                                    top: Math.max(r.top, pane.top), bottom: Math.min(r.bottom, pane.bottom) }); \
             let smallest = Infinity, shown = 0, covered = []; \
             for (const title of document.querySelectorAll('.map-node-title')) { \
               const r = title.getBoundingClientRect(); \
               if (!meet(r, pane)) continue; \
               shown++; \
               const scale = r.width / title.offsetWidth; \
               smallest = Math.min(smallest, parseFloat(getComputedStyle(title).fontSize) * scale); \
               const node = clip(title.closest('.map-node').getBoundingClientRect()); \
               if (cover.some((c) => meet(node, c))) covered.push(title.innerText); \
             } \
             return { smallest, shown, covered };",
            vec![],
        )
        .await;
    let smallest = first_view["smallest"].as_f64().unwrap_or(0.0);
    assert!(
        first_view["shown"].as_u64().unwrap_or(0) >= 3,
        "the first view shows nodes: {first_view}"
    );
    assert!(
        smallest >= 11.0,
        "the smallest title in the first view renders at {smallest:.1} px; it must be 11 px or more"
    );
    assert_eq!(
        first_view["covered"],
        json!([]),
        "no node starts under the map's hint, legend or controls"
    );

    // An unrelated edit (a new team goal, then its link) moves no other node.
    let before = node_places(&app).await;
    assert_eq!(before.len(), 46, "the sample's 46 nodes are on the map");
    app.click("add-node-button").await;
    app.select("add-node-kind", "team_goal").await;
    app.fill("add-node-title", "Answer every call within a minute")
        .await;
    app.fill("add-node-id", "TG-E2E").await;
    app.wait_enabled("add-node-submit", "a title is typed")
        .await;
    app.click("add-node-submit").await;
    app.wait_presence("map-node-TG-E2E", true, "the new team goal is on the map")
        .await;
    app.select("link-add-kind", "supports").await;
    app.pick_link_target("G-SERVICE").await;
    app.wait_enabled("link-add-submit", "a target is chosen")
        .await;
    app.click("link-add-submit").await;
    app.wait_presence(
        "link-row-supports-TG-E2E-G-SERVICE",
        true,
        "the link is listed in the inspector",
    )
    .await;
    app.settle().await;
    let after = node_places(&app).await;
    for (id, place) in &before {
        assert_eq!(
            after.get(id),
            Some(place),
            "{id} keeps its place on the map after an unrelated edit"
        );
    }
    // The new team goal is beside the org goal it supports, and in view once the map's pan
    // to it (a 250 ms animation, slower on a loaded machine) has ended.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let beside = loop {
        let beside = app
        .script(
            "const at = (id) => document.querySelector(`[data-testid=\"map-node-${id}\"]`).getBoundingClientRect(); \
             const map = document.querySelector('.map').getBoundingClientRect(); \
             const mine = at('TG-E2E'), goal = at('G-SERVICE'); \
             return { dx: Math.abs((mine.left + mine.right) / 2 - (goal.left + goal.right) / 2) / (mine.width), \
                      below: mine.top > goal.bottom, \
                      inView: mine.left >= map.left && mine.right <= map.right && mine.top >= map.top && mine.bottom <= map.bottom };",
            vec![],
        )
        .await;
        if beside["inView"] == json!(true) || std::time::Instant::now() > deadline {
            break beside;
        }
        app.settle().await;
    };
    assert_eq!(
        beside["below"],
        json!(true),
        "the team goal sits below its org goal: {beside}"
    );
    assert!(
        beside["dx"].as_f64().unwrap_or(9.0) <= 2.5,
        "the team goal is within two columns of its org goal: {beside}"
    );
    assert_eq!(
        beside["inView"],
        json!(true),
        "the new team goal is in view: {beside}"
    );
    app.screenshot("map-02-after-edit").await;

    // Another view and back: the same places, and the map looks where it looked.
    let looking = viewport(&app).await;
    let places = node_places(&app).await;
    app.click("nav-outline").await;
    app.click("nav-map").await;
    app.wait_presence("map-node-TG-E2E", true, "the map is back")
        .await;
    app.settle().await;
    assert_eq!(
        node_places(&app).await,
        places,
        "every node keeps its place across a view switch"
    );
    assert_eq!(
        viewport(&app).await,
        looking,
        "the map looks where it looked before the view switch"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and the app built with --features custom-protocol"]
async fn a_drag_dropped_on_a_node_links_it_and_a_refused_drag_says_why_by_titles() {
    let _one = ONE_WINDOW.lock().await;
    let plan = TestPlan::sample();
    let driver = Driver::start(&plan);
    let app = driver.session().await;
    wait_for_refined_map(&app).await;
    let links = link_count(&app).await;

    // From the org goal's dot onto the middle-left of a team goal's body (not onto its dot):
    // the team goal supports the goal, turned round as the rules allow, and the map says so.
    app.drag("map-dot-G-SECURE", "map-node-TG-FCR", (-60.0, 8.0))
        .await;
    let said = wait_for_toast(
        &app,
        |text| text.contains("Linked"),
        "confirm the link made",
    )
    .await;
    assert!(
        said.contains(
            "Linked: Resolve 75% of tickets at first contact supports No material security incident in 2027."
        ),
        "the map says which link it made, by titles: {said:?}"
    );
    assert_eq!(link_count(&app).await, links + 1, "the drop made one link");
    app.screenshot("map-03-linked-by-drop").await;

    // The whole plan in view (Fit View), then a resource dragged onto an org goal: refused,
    // with the reason in titles and kinds, never ids or arrows.
    app.click("map-fit").await;
    app.settle().await;
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    // A resource whose dot is in the map, not cut off at its edge.
    let resource: Value = app
        .script(
            "for (const dot of document.querySelectorAll('[data-testid^=\"map-dot-R-\"]')) { \
               const r = dot.getBoundingClientRect(); \
               const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2); \
               if (hit === dot || dot.contains(hit)) return dot.dataset.testid.slice('map-dot-'.length); \
             } return null;",
            vec![],
        )
        .await;
    let resource = resource
        .as_str()
        .expect("a resource's dot is clear to drag from")
        .to_owned();
    let resource_title = plan_title(&resource);
    app.drag(
        &format!("map-dot-{resource}"),
        "map-node-G-SERVICE",
        (30.0, 0.0),
    )
    .await;
    let refused = wait_for_toast(
        &app,
        |text| text.contains("cannot be linked"),
        "explain the refused drag",
    )
    .await;
    assert!(
        refused.contains(&format!(
            "{resource_title} and Staff and customers get IT help in one contact cannot be linked"
        )),
        "the refusal names both nodes by title: {refused:?}"
    );
    assert!(
        refused.contains("a resource is allocated only to strategies or initiatives"),
        "the refusal says what the rules allow: {refused:?}"
    );
    for unwanted in [resource.as_str(), "G-SERVICE", "->", "→"] {
        assert!(
            !refused.contains(unwanted),
            "the refusal has no {unwanted:?}: {refused:?}"
        );
    }
    assert_eq!(
        link_count(&app).await,
        links + 1,
        "a refused drag makes no link"
    );
    app.screenshot("map-04-refused-drag").await;
    app.close().await;
}

/// A sample node's title, from the core's own sample plan.
fn plan_title(id: &str) -> String {
    throughline_core::sample::sample_plan()
        .node(id)
        .unwrap_or_else(|| panic!("{id} is in the sample"))
        .title
        .clone()
}

/// The nodes of `goal`'s overview group, found independently of the UI: the goal, everything
/// whose supports links lead up to it, and the resources allocated to those.
fn group_members(
    plan: &throughline_core::model::Plan,
    goal: &str,
) -> std::collections::BTreeSet<String> {
    use throughline_core::model::LinkKind;
    let mut members = std::collections::BTreeSet::from([goal.to_owned()]);
    let mut todo = vec![goal.to_owned()];
    while let Some(id) = todo.pop() {
        for link in plan
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::Supports && l.to == id)
        {
            if members.insert(link.from.clone()) {
                todo.push(link.from.clone());
            }
        }
    }
    let funders: Vec<String> = plan
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::Allocates && members.contains(&l.to))
        .map(|l| l.from.clone())
        .collect();
    members.extend(funders);
    members
}

async fn drawn_node_ids(app: &App) -> Vec<String> {
    let ids = app
        .script(
            "return [...document.querySelectorAll('.react-flow__node')].map((n) => n.dataset.id);",
            vec![],
        )
        .await;
    serde_json::from_value(ids).expect("node ids")
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and the app built with --features custom-protocol"]
async fn a_big_plan_opens_as_an_overview_by_org_goal_and_a_card_opens_its_group() {
    let _one = ONE_WINDOW.lock().await;
    let generated = throughline_core::generate::generate(2000, 7);
    let plan_data = generated.to_plan();
    let folder = tempfile::tempdir().expect("a temporary folder");
    let file = folder.path().join("big.throughline");
    throughline_core::store::Store::create(&file, &generated)
        .expect("the 2,000-node plan is written");
    let plan = TestPlan::copy_of(&file);
    let driver = Driver::start(&plan);
    let app = driver.session().await;

    // One card per org goal, in plan order, and no map drawn behind them.
    app.element("map-overview").await;
    let goals: Vec<_> = plan_data
        .nodes
        .iter()
        .filter(|n| n.kind == throughline_core::model::NodeKind::OrgGoal)
        .collect();
    let cards = app
        .script(
            "return [...document.querySelectorAll('.overview-card:not(.unaligned) .overview-card-title')].map((t) => t.innerText);",
            vec![],
        )
        .await;
    let titles: Vec<String> = goals.iter().map(|g| g.title.clone()).collect();
    let cards: Vec<String> = serde_json::from_value(cards).expect("titles");
    // Only the cards near the view are drawn: a big plan has thousands of org goals.
    assert!(
        cards.len() >= 6 && cards.len() < titles.len() && titles.starts_with(&cards),
        "the first of {} cards, titled by their goals in plan order, are drawn: {cards:?}",
        titles.len()
    );
    assert!(
        drawn_node_ids(&app).await.is_empty(),
        "the overview draws no map nodes"
    );
    let first = goals[0];
    let counts = app.text(&format!("overview-card-{}", first.id)).await;
    let members = group_members(&plan_data, &first.id);
    let initiatives = plan_data
        .nodes
        .iter()
        .filter(|n| {
            n.kind == throughline_core::model::NodeKind::Initiative && members.contains(&n.id)
        })
        .count();
    assert!(
        counts.contains(&format!("{initiatives} initiative")),
        "the first card counts the {initiatives} initiatives under its goal: {counts:?}"
    );
    app.screenshot("map-overview-2000-1280x800").await;

    // A click opens the group: only its nodes are drawn, with its title and a way back.
    app.click(&format!("overview-card-{}", first.id)).await;
    app.wait_presence(
        "map-overview",
        false,
        "the overview gives way to the group's map",
    )
    .await;
    assert_eq!(
        app.text("map-group-title").await,
        first.title,
        "the open group is named by its goal"
    );
    app.settle().await;
    let drawn = drawn_node_ids(&app).await;
    assert!(!drawn.is_empty(), "the open group is drawn");
    let strangers: Vec<_> = drawn.iter().filter(|id| !members.contains(*id)).collect();
    assert!(
        strangers.is_empty(),
        "only the group's nodes are drawn, not {strangers:?}"
    );
    // The group is laid out on its own: it opens with its goal and its work together on screen,
    // not scattered along the whole plan's rows (where its map opened blank).
    let on_screen = app
        .script(
            "const map = document.querySelector('.react-flow').getBoundingClientRect(); \
             return [...document.querySelectorAll('.react-flow__node')].filter((n) => { \
               const r = n.getBoundingClientRect(); \
               return r.right > map.left && r.left < map.right && r.bottom > map.top && r.top < map.bottom; \
             }).map((n) => n.dataset.id);",
            vec![],
        )
        .await;
    let on_screen: Vec<String> = serde_json::from_value(on_screen).expect("ids");
    assert!(
        on_screen.contains(&first.id) && on_screen.len() >= members.len().min(8),
        "the open group shows its goal and its work on screen, not {on_screen:?} of {} members",
        members.len()
    );
    app.screenshot("map-group-2000-1280x800").await;

    // Back to the overview; Enter on another card opens that one.
    app.click("map-back-overview").await;
    app.element("map-overview").await;
    assert!(
        drawn_node_ids(&app).await.is_empty(),
        "back in the overview, no map nodes"
    );
    let second = goals[1];
    app.element(&format!("overview-card-{}", second.id))
        .await
        .send_keys("\u{e007}")
        .await
        .expect("Enter on the card");
    assert_eq!(
        app.wait_text("map-group-title", "the second group opens", |t| t
            == second.title)
            .await,
        second.title
    );
    let second_members = group_members(&plan_data, &second.id);
    app.settle().await;
    let drawn = drawn_node_ids(&app).await;
    assert!(
        !drawn.is_empty() && drawn.iter().all(|id| second_members.contains(id)),
        "only the second group's nodes are drawn: {drawn:?}"
    );

    // The last goal's card is drawn once scrolled to; a group opened from there closes back to it.
    let last = goals[goals.len() - 1];
    let last_card = format!("overview-card-{}", last.id);
    app.click("map-back-overview").await;
    app.element("map-overview").await;
    assert!(
        !app.exists(&last_card).await,
        "the last card is not drawn while far below the view"
    );
    app.script(
        "const view = document.querySelector('[data-testid=map-overview]'); view.scrollTop = view.scrollHeight;",
        vec![],
    )
    .await;
    app.click(&last_card).await;
    assert_eq!(
        app.wait_text("map-group-title", "the last group opens", |t| t
            == last.title)
            .await,
        last.title
    );
    app.click("map-back-overview").await;
    app.wait_presence(
        &last_card,
        true,
        "back from the last group, its card is in view again",
    )
    .await;

    // A search in the overview marks the cards holding a match.
    app.script(
        "document.querySelector('[data-testid=map-overview]').scrollTop = 0;",
        vec![],
    )
    .await;
    app.fill("search-input", &first.title).await;
    let found = app
        .wait_text(
            &format!("overview-card-{}-matches", first.id),
            "the first card counts its matches",
            |t| t.ends_with("the search") && !t.starts_with("Nothing"),
        )
        .await;
    assert!(
        found.starts_with(|c: char| c.is_ascii_digit()),
        "a count of matches: {found:?}"
    );
    app.close().await;
}
