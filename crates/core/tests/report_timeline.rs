//! The review log and the roadmap in the HTML, PDF and Markdown reports: each goal's
//! and strategy's reviews with the latest one first, and the work on a timeline under
//! the org goals it reaches, past-target work called out, capped on big plans.

use chrono::NaiveDate;
mod common;

use common::PlanBuilder;
use throughline_core::generate::generate;
use throughline_core::graph::PlanGraph;
use throughline_core::model::Review;
use throughline_core::report::roadmap::{ROADMAP_GROUPS, ROADMAP_ITEMS};
use throughline_core::report::{Report, ReportFormat, ReportOptions, render};
use throughline_core::roadmap::{RoadmapGrouping, roadmap};
use throughline_core::sample::sample_plan;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date")
}

fn date(text: &str) -> NaiveDate {
    text.parse().expect("a valid date")
}

/// The sample with a review log on an org goal and a strategy.
fn reviewed_sample() -> PlanGraph {
    let mut plan = sample_plan().to_plan();
    for node in &mut plan.nodes {
        if node.id == "G-SERVICE" {
            node.reviews = vec![
                Review {
                    date: date("2026-04-14"),
                    audience: Some("Board".to_owned()),
                    note: Some("Asked for a survey baseline first".to_owned()),
                },
                Review {
                    date: date("2026-10-06"),
                    audience: Some("Leadership offsite".to_owned()),
                    note: Some("Kept as the first goal".to_owned()),
                },
            ];
        }
        if node.id == "S-CLOUD" {
            node.reviews = vec![Review {
                date: date("2026-10-20"),
                audience: Some("Infrastructure team".to_owned()),
                note: None,
            }];
        }
    }
    PlanGraph::from_plan(plan).expect("still a valid plan")
}

fn rendered(format: ReportFormat) -> String {
    let bytes = render(format, &reviewed_sample(), &ReportOptions::new(as_of())).expect("renders");
    match format {
        ReportFormat::Pdf => {
            pdf_extract::extract_text_from_mem(&bytes).expect("the PDF reads back")
        }
        _ => String::from_utf8(bytes).expect("text formats are UTF-8"),
    }
}

/// Extracted PDF text may lose the space where a line wraps: compare without spaces.
fn squash(text: &str) -> String {
    text.split_whitespace().collect()
}

#[test]
fn every_format_shows_the_review_log_latest_first() {
    for format in [
        ReportFormat::Html,
        ReportFormat::Pdf,
        ReportFormat::Markdown,
    ] {
        let text = squash(&rendered(format));
        for expected in [
            "Review log",
            "Full log",
            "Leadership offsite",
            "Asked for a survey baseline first",
            "Infrastructure team",
        ] {
            assert!(
                text.contains(&squash(expected)),
                "the {format} report should show {expected:?} in its review log"
            );
        }
        let latest = text
            .find(&squash("Kept as the first goal"))
            .expect("latest note");
        let earliest = text
            .rfind(&squash("Asked for a survey baseline first"))
            .expect("earliest note");
        assert!(
            latest < earliest,
            "the {format} report's full log should put the latest review first"
        );
    }
}

#[test]
fn the_review_log_marks_what_the_analysis_finds_overdue() {
    let report = Report::build(&reviewed_sample(), &ReportOptions::new(as_of())).expect("builds");
    let analysis = throughline_core::analyse(&reviewed_sample(), as_of());
    for row in &report.review_log {
        let stale = analysis.findings.iter().any(|finding| {
            finding.node == row.id && finding.rule == throughline_core::Rule::StaleReview
        });
        assert_eq!(
            row.overdue, stale,
            "{} overdue as the analysis says",
            row.id
        );
    }
    let service = report
        .review_log
        .iter()
        .find(|row| row.id == "G-SERVICE")
        .expect("the org goal is in the log");
    assert_eq!(
        (service.count, service.latest),
        (2, Some(date("2026-10-06"))),
        "two reviews, the latest one's date"
    );
}

#[test]
fn every_format_shows_the_roadmap_with_past_target_work_called_out() {
    for format in [
        ReportFormat::Html,
        ReportFormat::Pdf,
        ReportFormat::Markdown,
    ] {
        let text = squash(&rendered(format));
        for expected in [
            "Roadmap",
            // An org goal heading its group, and the sample's past-target chatbot.
            "Staff and customers get IT help in one contact",
            "2026-10-31",
            "Password reset chatbot in Teams",
            "1 past target",
            "Reaching no organizational goal",
        ] {
            assert!(
                text.contains(&squash(expected)),
                "the {format} report's roadmap should show {expected:?}"
            );
        }
    }
    let html = rendered(ReportFormat::Html);
    assert!(
        html.contains("class=\"roadmap\"") && html.contains("as of 2026-11-23"),
        "the HTML draws the roadmap as SVG with the as-of date marked"
    );
}

#[test]
fn the_roadmap_puts_each_item_by_date_under_every_goal_it_reaches() {
    let report = Report::build(&sample_plan(), &ReportOptions::new(as_of())).expect("builds");
    let roadmap = &report.roadmap;
    assert!(
        (0.0..=1.0).contains(&roadmap.today_at),
        "today is on the axis"
    );
    for group in &roadmap.groups {
        let dates: Vec<_> = group.items.iter().map(|item| item.target_date).collect();
        let mut sorted = dates.clone();
        sorted.sort();
        assert_eq!(dates, sorted, "{} is in date order", group.title);
        for pair in group.items.windows(2) {
            assert!(pair[0].at <= pair[1].at, "later dates sit further right");
        }
    }
    let chatbot = roadmap
        .groups
        .iter()
        .flat_map(|group| &group.items)
        .find(|item| item.id == "I-RESETBOT")
        .expect("the chatbot is on the roadmap");
    assert!(
        chatbot.past_target && chatbot.at < roadmap.today_at,
        "the chatbot's target is before today and the analysis finds it past"
    );
}

#[test]
fn a_big_plans_roadmap_is_capped_and_counts_the_rest() {
    let report = Report::build(&generate(10_000, 7), &ReportOptions::new(as_of())).expect("builds");
    let roadmap = &report.roadmap;
    assert!(roadmap.groups.len() <= ROADMAP_GROUPS);
    assert!(
        roadmap
            .groups
            .iter()
            .all(|group| group.items.len() <= ROADMAP_ITEMS),
        "no goal draws more than {ROADMAP_ITEMS} items"
    );
    let drawn: usize = roadmap.groups.iter().map(|group| group.items.len()).sum();
    assert!(
        roadmap.item_count > drawn,
        "a 10,000-node plan has more work than the roadmap draws"
    );
    assert!(
        roadmap.groups.iter().any(|group| group.items_omitted > 0),
        "what is left out is counted"
    );
}

#[test]
fn the_reports_roadmap_is_the_apps_roadmap_drawn() {
    let graph = sample_plan();
    let report = Report::build(&graph, &ReportOptions::new(as_of())).expect("builds");
    let app = roadmap(&graph.to_plan(), as_of(), RoadmapGrouping::OrgGoal);
    let drawn_groups: Vec<Option<&str>> = report
        .roadmap
        .groups
        .iter()
        .map(|group| group.reaches_goal.then_some(group.title.as_str()))
        .collect();
    let data_groups: Vec<Option<&str>> = app
        .groups
        .iter()
        .map(|group| group.goal.is_some().then_some(group.title.as_str()))
        .collect();
    assert_eq!(
        drawn_groups, data_groups,
        "the same groups in the same order"
    );
    for (drawn, data) in report.roadmap.groups.iter().zip(&app.groups) {
        let dated: Vec<(&str, bool)> = data
            .items
            .iter()
            .filter(|item| item.target_date.is_some())
            .map(|item| (item.id.as_str(), item.past_target))
            .collect();
        let shown: Vec<(&str, bool)> = drawn
            .items
            .iter()
            .map(|item| (item.id.as_str(), item.past_target))
            .collect();
        assert_eq!(
            shown, dated,
            "{}: the same work, judged the same",
            drawn.title
        );
        let unscheduled = data
            .items
            .iter()
            .filter(|item| item.target_date.is_none())
            .count();
        assert_eq!(
            drawn.unscheduled.len() + drawn.unscheduled_omitted,
            unscheduled,
            "{}: every unscheduled item named or counted",
            drawn.title
        );
    }
}

#[test]
fn work_serving_many_org_goals_sits_under_every_one_of_them() {
    // More goals than a team section names ("and more"): the roadmap still lists all.
    let goals: Vec<String> = (1..=11).map(|at| format!("G{at}")).collect();
    let mut builder = PlanBuilder::new().initiative("I-SHARED");
    for goal in &goals {
        builder = builder.org(goal).supports("I-SHARED", goal);
    }
    let builder = builder.with("I-SHARED", |node| {
        node.target_date = Some(date("2027-03-31"))
    });
    let report = Report::build(&builder.graph(), &ReportOptions::new(as_of())).expect("builds");
    assert_eq!(report.roadmap.groups.len(), goals.len());
    assert!(report.roadmap.groups.iter().all(|group| {
        group.reaches_goal
            && group
                .items
                .iter()
                .map(|item| item.id.as_str())
                .eq(["I-SHARED"])
    }));
    assert_eq!(
        report.roadmap.item_count, 1,
        "counted once however often drawn"
    );
}

#[test]
fn a_teams_report_draws_only_the_work_in_its_scope() {
    let whole = Report::build(&sample_plan(), &ReportOptions::new(as_of())).expect("builds");
    let mut options = ReportOptions::new(as_of());
    options.team = Some("Service Desk".to_owned());
    let team = Report::build(&sample_plan(), &options).expect("builds");
    let in_scope: Vec<&str> = team
        .plan
        .nodes
        .iter()
        .filter(|node| node.is_present() && node.kind.is_action())
        .map(|node| node.id.as_str())
        .collect();
    assert_eq!(team.roadmap.item_count, in_scope.len());
    assert!(team.roadmap.item_count < whole.roadmap.item_count);
    for item in team.roadmap.groups.iter().flat_map(|group| &group.items) {
        assert!(
            in_scope.contains(&item.id.as_str()),
            "{} is the team's",
            item.id
        );
    }
}
