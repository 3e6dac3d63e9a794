//! One function per rule of ALIGNMENT-RULES.md, in the order its findings table lists
//! them, each under the line of the table it implements. Every function looks up the
//! [`Facts`] gathered once; none walks the graph beyond a node's own links (evidence
//! lists aside, which are capped), so a whole analysis stays linear.
//!
//! The per-node rules take a present node (its index and its data) and add their
//! finding, if any, to `found` (pushed where it is made: a finding is a few hundred
//! bytes, and handing it back would copy it once more);
//! [`single_points_of_failure`] looks at every goal at once.

use chrono::NaiveDate;
use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::graph::PlanGraph;
use crate::model::{LinkKind, Node, NodeKind, ResourceType};
use crate::text::{Quoted, format_amount, join_or, quoted};

use super::facts::{Backing, Facts};
use super::finding::{AcceptedAs, Allocation, Finding};
use super::rule::Rule;

/// Evidence lists are capped so that a huge plan cannot make one finding huge.
const EVIDENCE_LIMIT: usize = 20;

/// Allocations summing to within this relative margin of the capacity are not over it:
/// amounts are decimal numbers held in binary floating point (0.1 + 0.2 > 0.3).
const CAPACITY_TOLERANCE: f64 = 1e-9;

/// | `orphan` | error | a present team_goal, strategy or initiative that reaches no
/// present org_goal |
#[inline]
pub(super) fn orphan(facts: &Facts, at: NodeIndex, node: &Node, found: &mut Vec<Finding>) {
    let kind = node.kind;
    if !matches!(
        kind,
        NodeKind::TeamGoal | NodeKind::Strategy | NodeKind::Initiative
    ) || facts.reaches_org[at.index()]
    {
        return;
    }
    let stops_at = orphan_stops(facts, at);
    let mut finding = Finding::new(
        Rule::Orphan,
        node,
        format!(
            "{} does not trace up to any organizational goal: its chain of links stops at {}.",
            Quoted(&node.title),
            describe_stops(facts, at, &stops_at)
        ),
    );
    finding.stops_at = Some(stops_at);
    found.push(finding);
}

/// | `unsupported_goal` | error | a present goal that no present action reaches |
#[inline]
pub(super) fn unsupported_goal(
    facts: &Facts,
    at: NodeIndex,
    node: &Node,
    found: &mut Vec<Finding>,
) {
    if !node.kind.is_goal() || facts.reached_by_action[at.index()] {
        return;
    }
    found.push(Finding::new(
        Rule::UnsupportedGoal,
        node,
        format!(
            "No strategy or initiative works toward the {} {}.",
            node.kind.label(),
            Quoted(&node.title)
        ),
    ));
}

/// | `unresourced_goal` | error | a present goal reached by actions, none of them
/// resourced |
///
/// (So it never fires with `unsupported_goal`, which needs no action to reach the goal.)
#[inline]
pub(super) fn unresourced_goal(
    facts: &Facts,
    at: NodeIndex,
    node: &Node,
    found: &mut Vec<Finding>,
) {
    let i = at.index();
    if !node.kind.is_goal() || !facts.reached_by_action[i] || facts.reached_by_resourced_action[i] {
        return;
    }
    let actions = actions_below(facts, at);
    let mut finding = Finding::new(
        Rule::UnresourcedGoal,
        node,
        format!(
            "{} has work planned under it ({}), but none of it has funding, tools, skills or time allocated.",
            Quoted(&node.title),
            actions.join(", ")
        ),
    );
    finding.unresourced_actions = Some(actions);
    found.push(finding);
}

/// | `over_allocated` | error | a present resource with a `capacity` whose counting
/// allocations sum to more than it |
///
/// This is the one definition of over-allocation: reports and the app read its findings.
#[inline]
pub(super) fn over_allocated(facts: &Facts, at: NodeIndex, node: &Node, found: &mut Vec<Finding>) {
    if node.kind != NodeKind::Resource || !facts.allocates_any[at.index()] {
        return;
    }
    let Some(capacity) = node.capacity else {
        return;
    };
    let mut allocations = facts.counting_allocations(at);
    // Summed in id order, so that the same plan always gives the same sum to the last
    // bit however its links were added. (Two amounts add up the same either way round;
    // most resources have one or two.)
    if allocations.len() > 2 {
        allocations.sort_unstable_by(|a, b| a.0.cmp(b.0));
    }
    let sum: f64 = allocations.iter().map(|(_, amount)| amount).sum();
    if sum <= capacity + CAPACITY_TOLERANCE * capacity.abs().max(1.0) {
        return;
    }
    allocations.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let unit = node
        .unit
        .as_deref()
        .map(|unit| format!(" {unit}"))
        .unwrap_or_default();
    let mut finding = Finding::new(
        Rule::OverAllocated,
        node,
        format!(
            "{} is over-allocated: {}{unit} allocated against a capacity of {}{unit} ({} over).",
            Quoted(&node.title),
            format_amount(sum),
            format_amount(capacity),
            format_amount(sum - capacity)
        ),
    );
    finding.allocations = Some(
        allocations
            .into_iter()
            .map(|(to, amount)| Allocation {
                to: to.to_owned(),
                amount,
            })
            .collect(),
    );
    finding.allocated = Some(sum);
    finding.capacity = Some(capacity);
    found.push(finding);
}

/// | `unresourced_strategy` | warning | a present strategy that is not resourced and
/// that no resourced initiative reaches |
#[inline]
pub(super) fn unresourced_strategy(
    facts: &Facts,
    at: NodeIndex,
    node: &Node,
    found: &mut Vec<Finding>,
) {
    let i = at.index();
    if node.kind != NodeKind::Strategy
        || facts.resourced[i]
        || facts.reached_by_resourced_initiative[i]
    {
        return;
    }
    found.push(Finding::new(
        Rule::UnresourcedStrategy,
        node,
        format!(
            "Nothing is allocated to the strategy {} or to any initiative carrying it out.",
            Quoted(&node.title)
        ),
    ));
}

/// | `unresourced_initiative` | warning | a present initiative that is not resourced |
#[inline]
pub(super) fn unresourced_initiative(
    facts: &Facts,
    at: NodeIndex,
    node: &Node,
    found: &mut Vec<Finding>,
) {
    if node.kind != NodeKind::Initiative || facts.resourced[at.index()] {
        return;
    }
    found.push(Finding::new(
        Rule::UnresourcedInitiative,
        node,
        format!(
            "The initiative {} has no funding, tools, skills or time allocated.",
            Quoted(&node.title)
        ),
    ));
}

/// | `missing_why` | warning | a present goal or strategy whose `why` is absent or blank |
#[inline]
pub(super) fn missing_why(node: &Node, found: &mut Vec<Finding>) {
    let kind = node.kind;
    if !(kind.is_goal() || kind == NodeKind::Strategy)
        || node
            .why
            .as_deref()
            .is_some_and(|why| !why.trim().is_empty())
    {
        return;
    }
    found.push(Finding::new(
        Rule::MissingWhy,
        node,
        format!(
            "The {} {} does not say why it matters.",
            kind.label(),
            Quoted(&node.title)
        ),
    ));
}

/// | `stale_review` | warning | a present goal or strategy with status proposed/active
/// whose latest review (the later of `last_reviewed` and any date in `reviews`) is
/// absent or more than `review_cadence_days` days before the as-of date (exactly the
/// cadence is not stale) |
#[inline]
pub(super) fn stale_review(facts: &Facts, node: &Node, as_of: NaiveDate, found: &mut Vec<Finding>) {
    let kind = node.kind;
    if !kind.is_reviewed() || !node.status.is_open() {
        return;
    }
    let title = Quoted(&node.title);
    let message = match node.latest_review() {
        None => format!("The {} {title} has never been reviewed.", kind.label()),
        Some(reviewed) => {
            let cadence = i64::from(facts.plan.review_cadence_days());
            let days = (as_of - reviewed).num_days();
            if days <= cadence {
                return;
            }
            format!(
                "The {} {title} was last reviewed on {reviewed}, {} before {as_of}; the cadence is {}.",
                kind.label(),
                day_count(days),
                day_count(cadence)
            )
        }
    };
    found.push(Finding::new(Rule::StaleReview, node, message))
}

/// | `past_target` | warning | a present non-resource node with status proposed/active
/// whose `target_date` is before the as-of date |
#[inline]
pub(super) fn past_target(node: &Node, as_of: NaiveDate, found: &mut Vec<Finding>) {
    if !node.is_past_target(as_of) {
        return;
    }
    let Some(target) = node.target_date else {
        return;
    };
    found.push(Finding::new(
        Rule::PastTarget,
        node,
        format!(
            "The {} {} is still {} but its target date, {target}, is {} before {as_of}.",
            node.kind.label(),
            Quoted(&node.title),
            node.status.as_str(),
            day_count((as_of - target).num_days())
        ),
    ));
}

/// | `capability_gap` | info | a present strategy that is resourced or reached by a
/// resourced initiative, but whose counting allocations (its own and those of
/// initiatives that reach it) lack some of the four resource types; `missing` lists
/// them in the order funding, tool, skill, time |
#[inline]
pub(super) fn capability_gap(facts: &Facts, at: NodeIndex, node: &Node, found: &mut Vec<Finding>) {
    let i = at.index();
    if node.kind != NodeKind::Strategy
        || !(facts.resourced[i] || facts.reached_by_resourced_initiative[i])
    {
        return;
    }
    let types = facts.own_types[i] | facts.initiative_types[i];
    let missing: Vec<ResourceType> = ResourceType::ALL
        .into_iter()
        .filter(|ty| types & ty.bit() == 0)
        .collect();
    if missing.is_empty() {
        return;
    }
    let names: Vec<&str> = missing.iter().map(|ty| ty.label()).collect();
    let mut finding = Finding::new(
        Rule::CapabilityGap,
        node,
        format!(
            "The strategy {} and its initiatives have no {} allocated.",
            Quoted(&node.title),
            join_or(&names)
        ),
    );
    finding.missing = Some(missing);
    found.push(finding);
}

/// | `idle_resource` | info | a present resource with no counting allocation |
#[inline]
pub(super) fn idle_resource(facts: &Facts, at: NodeIndex, node: &Node, found: &mut Vec<Finding>) {
    if node.kind != NodeKind::Resource || facts.allocates_any[at.index()] {
        return;
    }
    found.push(Finding::new(
        Rule::IdleResource,
        node,
        format!(
            "{} is not allocated to any present strategy or initiative.",
            Quoted(&node.title)
        ),
    ));
}

/// | `single_point_of_failure` | info | a present resource R that is the only resource
/// behind some present goal (the only resource with a counting allocation to an action
/// reaching that goal); `node` is R, `related` the sorted ids of those goals |
///
/// One finding per such resource, in node order (the caller sorts all findings).
pub(super) fn single_points_of_failure(facts: &Facts) -> Vec<Finding> {
    let graph = facts.plan.inner();
    let mut goals_behind: Vec<Vec<NodeIndex>> = vec![Vec::new(); facts.present.len()];
    for at in graph.node_indices() {
        if let Some(resource) = sole_resource_behind(facts, at) {
            goals_behind[resource.index()].push(at);
        }
    }
    graph
        .node_indices()
        .filter_map(|at| single_point_of_failure(facts, at, &mut goals_behind[at.index()]))
        .collect()
}

/// The one resource behind a present goal, if it has exactly one.
pub(super) fn sole_resource_behind(facts: &Facts, at: NodeIndex) -> Option<NodeIndex> {
    let i = at.index();
    match facts.backing[i] {
        Backing::One(resource) if facts.present[i] && facts.kind[i].is_goal() => Some(resource),
        _ => None,
    }
}

/// The finding about one resource, given the goals it alone stands behind (any order;
/// sorted here by id).
pub(super) fn single_point_of_failure(
    facts: &Facts,
    resource_at: NodeIndex,
    goals: &mut [NodeIndex],
) -> Option<Finding> {
    if goals.is_empty() {
        return None;
    }
    goals.sort_unstable_by(|a, b| facts.node(*a).id.cmp(&facts.node(*b).id));
    let resource = facts.node(resource_at);
    let titles: Vec<String> = goals
        .iter()
        .take(3)
        .map(|goal| quoted(&facts.node(*goal).title))
        .collect();
    let more = goals.len().saturating_sub(3);
    let mut finding = Finding::new(
        Rule::SinglePointOfFailure,
        resource,
        format!(
            "{} is the only resource behind {}{}.",
            quoted(&resource.title),
            titles.join(", "),
            if more > 0 {
                format!(" and {more} more goals")
            } else {
                String::new()
            }
        ),
    );
    finding.related = Some(
        goals
            .iter()
            .map(|goal| facts.node(*goal).id.clone())
            .collect(),
    );
    Some(finding)
}

/// Where an orphan's chains stop: for each way up, the node at which it ends.
fn orphan_stops(facts: &Facts, at: NodeIndex) -> Vec<String> {
    let mut stops: Vec<String> = facts
        .supports_up(at)
        .filter_map(|up| facts.dead_end[up.index()])
        .map(|stop| facts.node(stop).id.clone())
        .collect();
    if stops.is_empty() {
        stops.push(facts.node(at).id.clone());
    }
    stops.sort_unstable();
    stops.dedup();
    stops.truncate(EVIDENCE_LIMIT);
    stops
}

fn describe_stops(facts: &Facts, at: NodeIndex, stops: &[String]) -> String {
    let own = &facts.node(at).id;
    if stops.len() == 1 && &stops[0] == own {
        return "itself (it supports nothing)".to_owned();
    }
    let names: Vec<String> = stops
        .iter()
        .map(|id| match facts.plan.node(id) {
            Some(stop) => format!("{} {} ({id})", stop.kind.label(), quoted(&stop.title)),
            None => id.clone(),
        })
        .collect();
    join_or(&names)
}

/// The strategies and initiatives that reach a goal (sorted ids, capped).
fn actions_below(facts: &Facts, goal: NodeIndex) -> Vec<String> {
    let graph = facts.plan.inner();
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![goal];
    let mut actions = Vec::new();
    // Cap the walk: the evidence is an example list, and a goal can sit on top of
    // most of a very large plan.
    const VISIT_LIMIT: usize = 2_000;
    while let Some(at) = stack.pop() {
        for edge in graph.edges_directed(at, Direction::Incoming) {
            let below = edge.source();
            if edge.weight().kind != LinkKind::Supports
                || !facts.is_present(below)
                || !seen.insert(below)
            {
                continue;
            }
            if facts.node(below).kind.is_action() {
                actions.push(facts.node(below).id.clone());
            }
            if seen.len() < VISIT_LIMIT {
                stack.push(below);
            }
        }
    }
    actions.sort_unstable();
    actions.truncate(EVIDENCE_LIMIT);
    actions
}

/// "1 day", "31 days".
fn day_count(days: i64) -> String {
    if days == 1 {
        "1 day".to_owned()
    } else {
        format!("{days} days")
    }
}

/// Accepted findings (ALIGNMENT-RULES.md): a finding whose rule and node match an
/// acceptance in force on the as-of date carries it; an acceptance in force that matches
/// no finding is itself reported:
///
/// | `stale_acceptance` | info | an acceptance in force (see below) that matches no finding |
///
/// (`node` = the acceptance's node, `related` = [its rule].) An expired acceptance
/// simply no longer applies.
pub(super) fn apply_acceptances(plan: &PlanGraph, as_of: NaiveDate, findings: &mut Vec<Finding>) {
    if plan.accepted().is_empty() {
        return;
    }
    for finding in findings.iter_mut() {
        finding.accepted = plan
            .accepted()
            .iter()
            .find(|acceptance| {
                acceptance.rule == finding.rule
                    && acceptance.node == finding.node
                    && acceptance.holds_on(as_of)
            })
            .map(|acceptance| AcceptedAs {
                reason: acceptance.reason.clone(),
                until: acceptance.until,
            });
    }
    let found: std::collections::HashSet<(Rule, &str)> = findings
        .iter()
        .map(|finding| (finding.rule, finding.node.as_str()))
        .collect();
    let mut stale = Vec::new();
    stale_acceptances(plan, as_of, &mut stale, |rule, node| {
        found.contains(&(rule, node))
    });
    findings.extend(stale);
}

/// The `stale_acceptance` findings: each acceptance in force for which `is_found` says
/// its rule found nothing on its node.
pub(super) fn stale_acceptances(
    plan: &PlanGraph,
    as_of: NaiveDate,
    stale: &mut Vec<Finding>,
    is_found: impl Fn(Rule, &str) -> bool,
) {
    for acceptance in plan.accepted() {
        if !acceptance.holds_on(as_of) || is_found(acceptance.rule, &acceptance.node) {
            continue;
        }
        // Every acceptance names a node of the plan: the graph refuses any other.
        let Some(node) = plan.node(&acceptance.node) else {
            continue;
        };
        let mut finding = Finding::new(
            Rule::StaleAcceptance,
            node,
            format!(
                "The plan accepts \u{201c}{}\u{201d} for {}, but that finding is no longer found.",
                acceptance.rule.title(),
                Quoted(&node.title)
            ),
        );
        finding.related = Some(vec![acceptance.rule.as_str().to_owned()]);
        stale.push(finding);
    }
}
