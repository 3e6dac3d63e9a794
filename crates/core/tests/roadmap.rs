//! The roadmap's data on the sample plan and on small plans that pin its edges: grouping
//! by org goal (work under two goals shows twice, unlinked work last), by team, date
//! order with unscheduled work last, past-target marks and dropped work left out.

use chrono::NaiveDate;
use throughline_core::roadmap::{Roadmap, RoadmapGrouping, roadmap};
use throughline_core::sample::sample_plan;
use throughline_core::{Link, Node, NodeKind, Plan, Status};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date")
}

fn ids(roadmap: &Roadmap, title: &str) -> Vec<String> {
    let group = roadmap
        .groups
        .iter()
        .find(|group| group.title == title)
        .unwrap_or_else(|| panic!("a group titled {title:?} in {:?}", titles(roadmap)));
    group.items.iter().map(|item| item.id.clone()).collect()
}

fn titles(roadmap: &Roadmap) -> Vec<&str> {
    roadmap
        .groups
        .iter()
        .map(|group| group.title.as_str())
        .collect()
}

#[test]
fn the_sample_plan_by_org_goal_lists_each_goals_work_by_target_date() {
    let plan = sample_plan().to_plan();
    let roadmap = roadmap(&plan, date("2026-11-23"), RoadmapGrouping::OrgGoal);
    assert_eq!(
        roadmap.groups[0].goal.as_deref(),
        Some("G-SERVICE"),
        "org goals come in plan order"
    );
    assert_eq!(
        ids(&roadmap, "No material security incident in 2027"),
        [
            "I-SCANNING",
            "I-FIDO2",
            "S-ZEROTRUST",
            "S-VULNMGMT",
            "I-PAM"
        ],
        "by target date, ties in plan order"
    );
    let cost = ids(
        &roadmap,
        "Hold IT run cost flat while the company grows 15%",
    );
    assert!(
        cost.contains(&"S-ONECRM".to_owned()),
        "S-ONECRM serves TG-CRM, which supports both G-COST and G-SERVICE: {cost:?}"
    );
    let service = ids(&roadmap, "Staff and customers get IT help in one contact");
    assert!(service.contains(&"S-ONECRM".to_owned()), "{service:?}");
    assert!(
        !roadmap
            .groups
            .iter()
            .flat_map(|group| &group.items)
            .any(|item| item.id == "I-EXCHANGE"),
        "dropped work is not on the road ahead"
    );
    let unlinked = roadmap.groups.last().expect("groups");
    assert_eq!(unlinked.goal, None, "the orphan's group names no goal");
    assert_eq!(unlinked.items[0].id, "I-CONFLUENCE");

    let late: Vec<&str> = roadmap
        .groups
        .iter()
        .flat_map(|group| &group.items)
        .filter(|item| item.past_target)
        .map(|item| item.id.as_str())
        .collect();
    assert_eq!(late, ["I-RESETBOT"], "what the past_target rule finds");
    assert_eq!(roadmap.earliest, Some(date("2026-10-31")));
    assert_eq!(roadmap.latest, Some(date("2027-12-31")));
}

#[test]
fn by_team_groups_by_name_and_puts_work_without_a_team_last_and_unscheduled_work_at_the_end() {
    let mut plan = Plan::new("Teams");
    let mut dated = Node::new("I-B", NodeKind::Initiative, "Dated");
    dated.team = Some("Beta".into());
    dated.target_date = Some(date("2027-02-01"));
    let mut undated = Node::new("I-A", NodeKind::Initiative, "Undated");
    undated.team = Some("Beta".into());
    let mut earlier = Node::new("S-A", NodeKind::Strategy, "Earlier");
    earlier.team = Some("Alpha".into());
    earlier.target_date = Some(date("2026-01-01"));
    let mut done = Node::new("S-DONE", NodeKind::Strategy, "Done late is not late");
    done.status = Status::Done;
    done.target_date = Some(date("2026-01-01"));
    let goal = Node::new("G", NodeKind::OrgGoal, "A goal is not work");
    plan.nodes = vec![undated, dated, earlier, done, goal];
    plan.links = vec![Link::supports("I-A", "G")];

    let roadmap = roadmap(&plan, date("2026-06-01"), RoadmapGrouping::Team);
    assert_eq!(titles(&roadmap), ["Alpha", "Beta", ""]);
    assert_eq!(ids(&roadmap, "Beta"), ["I-B", "I-A"], "unscheduled last");
    assert_eq!(roadmap.groups[1].items[1].target_date, None);
    assert!(roadmap.groups[0].items[0].past_target);
    assert_eq!(roadmap.groups[2].team, None);
    assert!(
        !roadmap.groups[2].items[0].past_target,
        "done work is never late"
    );

    let by_goal =
        throughline_core::roadmap::roadmap(&plan, date("2026-06-01"), RoadmapGrouping::OrgGoal);
    assert_eq!(titles(&by_goal), ["A goal is not work", ""]);
    assert_eq!(ids(&by_goal, ""), ["S-A", "S-DONE", "I-B"], "I-A reaches G");
}
