//! The road ahead as data: present strategies and initiatives by target date, grouped by
//! the organizational goals they trace up to or by team, each marked past its target or
//! unscheduled. The app's Roadmap view draws it; it holds no layout and no wording.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{LinkKind, Node, NodeKind, Plan, Status};

/// How the roadmap's rows are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RoadmapGrouping {
    /// One group per present org goal, in plan order; work serving two goals shows under
    /// both, and work reaching none comes last, in a group with no `goal`.
    OrgGoal,
    /// One group per team, by name; work with no team comes last, in a group with no `team`.
    Team,
}

/// Strategies and initiatives on a timeline, as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Roadmap {
    #[ts(type = "string")]
    pub as_of: NaiveDate,
    pub grouping: RoadmapGrouping,
    /// Groups with at least one item.
    pub groups: Vec<RoadmapGroup>,
    /// The earliest and latest target dates of the items, for a timeline's extent.
    #[ts(type = "string | null")]
    pub earliest: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub latest: Option<NaiveDate>,
}

/// One row group: an org goal's work or a team's work.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RoadmapGroup {
    /// The org goal's id when grouped by org goal; `null` for work that reaches none.
    pub goal: Option<String>,
    /// The team when grouped by team; `null` for work with no team.
    pub team: Option<String>,
    /// The org goal's title or the team's name; empty for the group of the left-over work.
    pub title: String,
    /// Scheduled work by target date (then plan order), then unscheduled work in plan order.
    pub items: Vec<RoadmapItem>,
}

/// One strategy or initiative.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RoadmapItem {
    pub id: String,
    pub kind: NodeKind,
    pub title: String,
    pub team: Option<String>,
    pub owner: Option<String>,
    pub status: Status,
    /// `null`: unscheduled.
    #[ts(type = "string | null")]
    pub target_date: Option<NaiveDate>,
    /// Still open after its target date (the `past_target` rule).
    pub past_target: bool,
}

/// The present strategies and initiatives of `plan`, grouped as asked.
///
/// Complexity: one upward walk per strategy or initiative, so O(work × links) in the worst
/// case; plans have tens to thousands of strategies and initiatives.
pub fn roadmap(plan: &Plan, as_of: NaiveDate, grouping: RoadmapGrouping) -> Roadmap {
    let present: HashMap<&str, &Node> = plan
        .nodes
        .iter()
        .filter(|node| node.is_present())
        .map(|node| (node.id.as_str(), node))
        .collect();
    let work: Vec<&Node> = plan
        .nodes
        .iter()
        .filter(|node| node.is_present() && node.kind.is_action())
        .collect();

    let grouped: Grouped<'_> = match grouping {
        RoadmapGrouping::OrgGoal => by_org_goal(plan, &present, &work),
        RoadmapGrouping::Team => by_team(&work),
    };
    let order: HashMap<&str, usize> = plan
        .nodes
        .iter()
        .enumerate()
        .map(|(at, node)| (node.id.as_str(), at))
        .collect();
    let groups: Vec<RoadmapGroup> = grouped
        .into_iter()
        .filter(|bucket| !bucket.items.is_empty())
        .map(|mut bucket| {
            // Unscheduled last: `None` sorts first, so sort on "has no date" first.
            bucket.items.sort_by_key(|node| {
                (
                    node.target_date.is_none(),
                    node.target_date,
                    order[node.id.as_str()],
                )
            });
            RoadmapGroup {
                goal: bucket.goal,
                team: bucket.team,
                title: bucket.title,
                items: bucket.items.iter().map(|node| item(node, as_of)).collect(),
            }
        })
        .collect();
    let dates = || work.iter().filter_map(|node| node.target_date);
    Roadmap {
        as_of,
        grouping,
        groups,
        earliest: dates().min(),
        latest: dates().max(),
    }
}

fn item(node: &Node, as_of: NaiveDate) -> RoadmapItem {
    RoadmapItem {
        id: node.id.clone(),
        kind: node.kind,
        title: node.title.clone(),
        team: node.team.clone(),
        owner: node.owner.clone(),
        status: node.status,
        target_date: node.target_date,
        past_target: node.is_past_target(as_of),
    }
}

/// A group while it is being filled: [`RoadmapGroup`] with the nodes not yet made items.
struct Bucket<'a> {
    goal: Option<String>,
    team: Option<String>,
    title: String,
    items: Vec<&'a Node>,
}

type Grouped<'a> = Vec<Bucket<'a>>;

fn by_org_goal<'a>(
    plan: &Plan,
    present: &HashMap<&str, &'a Node>,
    work: &[&'a Node],
) -> Grouped<'a> {
    // Only supports links between present nodes carry the line ("reaches" in the rules).
    let mut up: HashMap<&str, Vec<&str>> = HashMap::new();
    for link in plan
        .links
        .iter()
        .filter(|link| link.kind == LinkKind::Supports)
    {
        if present.contains_key(link.from.as_str()) && present.contains_key(link.to.as_str()) {
            up.entry(link.from.as_str())
                .or_default()
                .push(link.to.as_str());
        }
    }
    let goals: Vec<&Node> = plan
        .nodes
        .iter()
        .filter(|node| node.is_present() && node.kind == NodeKind::OrgGoal)
        .collect();
    let mut under: BTreeMap<&str, Vec<&'a Node>> = BTreeMap::new();
    let mut unlinked = Vec::new();
    for &node in work {
        let reached = org_goals_reached(&up, present, &node.id);
        if reached.is_empty() {
            unlinked.push(node);
        }
        for goal in reached {
            under.entry(goal).or_default().push(node);
        }
    }
    let mut grouped: Grouped<'a> = goals
        .iter()
        .map(|goal| {
            let items = under.remove(goal.id.as_str()).unwrap_or_default();
            Bucket {
                goal: Some(goal.id.clone()),
                team: None,
                title: goal.title.clone(),
                items,
            }
        })
        .collect();
    grouped.push(Bucket {
        goal: None,
        team: None,
        title: String::new(),
        items: unlinked,
    });
    grouped
}

/// The org goals `start` reaches through supports links among present nodes.
fn org_goals_reached<'p>(
    up: &HashMap<&str, Vec<&'p str>>,
    present: &HashMap<&str, &Node>,
    start: &str,
) -> BTreeSet<&'p str> {
    let mut reached = BTreeSet::new();
    let mut seen = BTreeSet::new();
    let mut stack: Vec<&str> = up.get(start).cloned().unwrap_or_default();
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        if present
            .get(id)
            .is_some_and(|node| node.kind == NodeKind::OrgGoal)
        {
            reached.insert(id);
        }
        stack.extend(up.get(id).into_iter().flatten());
    }
    reached
}

fn by_team<'a>(work: &[&'a Node]) -> Grouped<'a> {
    let mut teams: BTreeMap<&str, Vec<&'a Node>> = BTreeMap::new();
    let mut without = Vec::new();
    for &node in work {
        match node
            .team
            .as_deref()
            .map(str::trim)
            .filter(|team| !team.is_empty())
        {
            Some(team) => teams.entry(team).or_default().push(node),
            None => without.push(node),
        }
    }
    let mut grouped: Grouped<'a> = teams
        .into_iter()
        .map(|(team, items)| Bucket {
            goal: None,
            team: Some(team.to_owned()),
            title: team.to_owned(),
            items,
        })
        .collect();
    grouped.push(Bucket {
        goal: None,
        team: None,
        title: String::new(),
        items: without,
    });
    grouped
}
