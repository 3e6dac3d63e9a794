//! The alignment analysis of ALIGNMENT-RULES.md: findings and the alignment score.
//!
//! Every rule is computed in one pass over the `supports` graph in topological order
//! (and one in reverse), carrying small per-node facts, so the cost grows linearly
//! with the size of the plan. The as-of date is passed in, never read from the clock.

use chrono::NaiveDate;
use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::graph::PlanGraph;
use crate::model::{LinkKind, Node, NodeKind, ResourceType};
use crate::text::{Quoted, format_amount, quoted};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// Plural heading for grouped output: "Errors", "Warnings", "Info".
    pub fn heading(self) -> &'static str {
        match self {
            Severity::Error => "Errors",
            Severity::Warning => "Warnings",
            Severity::Info => "Info",
        }
    }
}

/// The rules, in the order ALIGNMENT-RULES.md lists them (findings are sorted so).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Rule {
    Orphan,
    UnsupportedGoal,
    UnresourcedGoal,
    OverAllocated,
    UnresourcedStrategy,
    UnresourcedInitiative,
    MissingWhy,
    StaleReview,
    PastTarget,
    CapabilityGap,
    IdleResource,
    SinglePointOfFailure,
}

impl Rule {
    pub const ALL: [Rule; 12] = [
        Rule::Orphan,
        Rule::UnsupportedGoal,
        Rule::UnresourcedGoal,
        Rule::OverAllocated,
        Rule::UnresourcedStrategy,
        Rule::UnresourcedInitiative,
        Rule::MissingWhy,
        Rule::StaleReview,
        Rule::PastTarget,
        Rule::CapabilityGap,
        Rule::IdleResource,
        Rule::SinglePointOfFailure,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Orphan => "orphan",
            Rule::UnsupportedGoal => "unsupported_goal",
            Rule::UnresourcedGoal => "unresourced_goal",
            Rule::OverAllocated => "over_allocated",
            Rule::UnresourcedStrategy => "unresourced_strategy",
            Rule::UnresourcedInitiative => "unresourced_initiative",
            Rule::MissingWhy => "missing_why",
            Rule::StaleReview => "stale_review",
            Rule::PastTarget => "past_target",
            Rule::CapabilityGap => "capability_gap",
            Rule::IdleResource => "idle_resource",
            Rule::SinglePointOfFailure => "single_point_of_failure",
        }
    }

    /// A short title for people, used as a group heading.
    pub fn title(self) -> &'static str {
        match self {
            Rule::Orphan => "Not linked to an organizational goal",
            Rule::UnsupportedGoal => "Goal with nothing working toward it",
            Rule::UnresourcedGoal => "Goal with no resources behind it",
            Rule::OverAllocated => "Resource over-allocated",
            Rule::UnresourcedStrategy => "Strategy without resources",
            Rule::UnresourcedInitiative => "Initiative without resources",
            Rule::MissingWhy => "Why it matters is not written down",
            Rule::StaleReview => "Review overdue",
            Rule::PastTarget => "Past its target date",
            Rule::CapabilityGap => "Capability gap",
            Rule::IdleResource => "Resource not allocated",
            Rule::SinglePointOfFailure => "Single point of failure",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Rule::Orphan | Rule::UnsupportedGoal | Rule::UnresourcedGoal | Rule::OverAllocated => {
                Severity::Error
            }
            Rule::UnresourcedStrategy
            | Rule::UnresourcedInitiative
            | Rule::MissingWhy
            | Rule::StaleReview
            | Rule::PastTarget => Severity::Warning,
            Rule::CapabilityGap | Rule::IdleResource | Rule::SinglePointOfFailure => Severity::Info,
        }
    }

    /// One line on how to resolve a finding of this rule.
    pub fn hint(self) -> &'static str {
        match self {
            Rule::Orphan => {
                "Add a supports link from it to a strategy or goal that leads up to an organizational goal."
            }
            Rule::UnsupportedGoal => {
                "Link a strategy or initiative to it, or drop the goal if nobody will work on it."
            }
            Rule::UnresourcedGoal => {
                "Allocate funding, tools, skills or time to one of the strategies or initiatives under it."
            }
            Rule::OverAllocated => {
                "Lower the allocations, raise the capacity, or add a second resource."
            }
            Rule::UnresourcedStrategy => {
                "Allocate a resource to it, or to an initiative that carries it out."
            }
            Rule::UnresourcedInitiative => "Allocate funding, tools, skills or time to it.",
            Rule::MissingWhy => {
                "Write one or two sentences on why this matters to the organization."
            }
            Rule::StaleReview => "Re-explain it with the team, then mark it reviewed today.",
            Rule::PastTarget => "Set a new target date, or mark it done or dropped.",
            Rule::CapabilityGap => {
                "Check whether it needs the missing capabilities, and allocate them if it does."
            }
            Rule::IdleResource => "Allocate it to a strategy or initiative, or drop it.",
            Rule::SinglePointOfFailure => {
                "Put a second resource behind these goals, or accept the risk knowingly."
            }
        }
    }
}

/// One allocation, as evidence of over-allocation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Allocation {
    pub to: String,
    pub amount: f64,
}

/// One thing the analysis found about one node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub node: String,
    /// The node's title, so that a finding reads on its own.
    pub title: String,
    pub message: String,
    pub hint: String,
    /// `orphan`: where its chains of links stop (nodes with no way further up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub stops_at: Option<Vec<String>>,
    /// `unresourced_goal`: the strategies and initiatives under it (all without resources).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub unresourced_actions: Option<Vec<String>>,
    /// `over_allocated`: the counting allocations, their sum and the capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub allocations: Option<Vec<Allocation>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub allocated: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub capacity: Option<f64>,
    /// `capability_gap`: the resource types it lacks, in the order funding, tool, skill, time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub missing: Option<Vec<ResourceType>>,
    /// `single_point_of_failure`: the goals that depend on this resource alone, sorted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub related: Option<Vec<String>>,
}

impl Finding {
    fn new(rule: Rule, node: &Node, message: String) -> Finding {
        Finding {
            rule,
            severity: rule.severity(),
            node: node.id.clone(),
            title: node.title.clone(),
            message,
            hint: rule.hint().to_owned(),
            stops_at: None,
            unresourced_actions: None,
            allocations: None,
            allocated: None,
            capacity: None,
            missing: None,
            related: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Summary {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    /// Share of present org goals that are neither unsupported nor unresourced;
    /// `None` when the plan has no present org goal.
    pub alignment_score: Option<f64>,
}

/// The result of analysing a plan on a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Analysis {
    #[ts(type = "string")]
    pub as_of: NaiveDate,
    pub summary: Summary,
    /// Sorted by severity, then rule, then node id.
    pub findings: Vec<Finding>,
}

impl Analysis {
    pub fn has_errors(&self) -> bool {
        self.summary.error > 0
    }

    /// The findings about one node.
    pub fn findings_for<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings
            .iter()
            .filter(move |finding| finding.node == id)
    }
}

/// How many distinct resources stand behind a node: the lattice None < One(r) < Many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Backing {
    None,
    One(NodeIndex),
    Many,
}

impl Backing {
    fn join(self, other: Backing) -> Backing {
        match (self, other) {
            (Backing::None, x) | (x, Backing::None) => x,
            (Backing::One(a), Backing::One(b)) if a == b => Backing::One(a),
            _ => Backing::Many,
        }
    }
}

/// Evidence lists are capped so that a huge plan cannot make one finding huge.
const EVIDENCE_LIMIT: usize = 20;

/// Allocations summing to within this relative margin of the capacity are not over it:
/// amounts are decimal numbers held in binary floating point (0.1 + 0.2 > 0.3).
const CAPACITY_TOLERANCE: f64 = 1e-9;

/// Analyses the plan as of the given date.
///
/// # Complexity
/// O(n + m) for n nodes and m links, plus sorting the findings.
pub fn analyse(plan: &PlanGraph, as_of: NaiveDate) -> Analysis {
    let graph = plan.inner();
    let bound = graph.node_bound();
    let node = |at: NodeIndex| &graph[at].node;
    let mut present = vec![false; bound];
    for at in graph.node_indices() {
        present[at.index()] = node(at).is_present();
    }
    let live = |at: NodeIndex| present[at.index()];

    // Facts from allocations: who is resourced, with which types, by which resources.
    let mut resourced = vec![false; bound];
    let mut own_types = vec![0u8; bound];
    let mut own_backing = vec![Backing::None; bound];
    let mut allocates_any = vec![false; bound];
    for edge in graph.edge_references() {
        let (from, to) = (edge.source(), edge.target());
        let link = edge.weight();
        if link.kind != LinkKind::Allocates || !live(from) || !live(to) {
            continue;
        }
        let amount = link.amount.unwrap_or(0.0);
        if amount <= 0.0 {
            continue;
        }
        resourced[to.index()] = true;
        if let Some(ty) = node(from).resource_type {
            own_types[to.index()] |= ty.bit();
        }
        own_backing[to.index()] = own_backing[to.index()].join(Backing::One(from));
        allocates_any[from.index()] = true;
    }

    let order = topological_order(plan, &present);

    // Upward pass: what reaches each node from below.
    let mut reached_by_action = vec![false; bound];
    let mut reached_by_resourced_action = vec![false; bound];
    let mut reached_by_resourced_initiative = vec![false; bound];
    let mut initiative_types = vec![0u8; bound];
    let mut backing = vec![Backing::None; bound];
    for &at in &order {
        let kind = node(at).kind;
        let i = at.index();
        let is_action = kind.is_action();
        let is_initiative = kind == NodeKind::Initiative;
        let gives_action = reached_by_action[i] || is_action;
        let gives_resourced_action = reached_by_resourced_action[i] || (is_action && resourced[i]);
        let gives_resourced_initiative =
            reached_by_resourced_initiative[i] || (is_initiative && resourced[i]);
        let gives_types = initiative_types[i] | if is_initiative { own_types[i] } else { 0 };
        let gives_backing = if is_action {
            backing[i].join(own_backing[i])
        } else {
            backing[i]
        };
        for edge in graph.edges_directed(at, Direction::Outgoing) {
            let up = edge.target();
            if edge.weight().kind != LinkKind::Supports || !live(up) {
                continue;
            }
            let u = up.index();
            reached_by_action[u] |= gives_action;
            reached_by_resourced_action[u] |= gives_resourced_action;
            reached_by_resourced_initiative[u] |= gives_resourced_initiative;
            initiative_types[u] |= gives_types;
            backing[u] = backing[u].join(gives_backing);
        }
    }

    // Downward pass: whether each node reaches an org goal, and where its chain stops.
    let mut reaches_org = vec![false; bound];
    let mut dead_end: Vec<Option<NodeIndex>> = vec![None; bound];
    for &at in order.iter().rev() {
        let i = at.index();
        let mut has_way_up = false;
        for edge in supports_up(plan, at, &present) {
            has_way_up = true;
            let up = edge.index();
            if node(edge).kind == NodeKind::OrgGoal || reaches_org[up] {
                reaches_org[i] = true;
            }
            // Of several ways up, keep the dead end with the smallest id: the evidence
            // must depend on the plan alone, not on the order links were added in.
            dead_end[i] = match (dead_end[i], dead_end[up]) {
                (Some(kept), Some(other)) if node(other).id < node(kept).id => Some(other),
                (None, other) => other,
                (kept, _) => kept,
            };
        }
        if !has_way_up {
            dead_end[i] = Some(at);
        }
    }

    let cadence = i64::from(plan.review_cadence_days());
    let mut findings = Vec::new();
    let mut spof_goals: Vec<Vec<NodeIndex>> = vec![Vec::new(); bound];
    let mut org_goals = 0usize;
    let mut aligned_org_goals = 0usize;

    for at in graph.node_indices() {
        if !live(at) {
            continue;
        }
        let i = at.index();
        let n = node(at);
        let kind = n.kind;
        let title = Quoted(&n.title);

        if matches!(
            kind,
            NodeKind::TeamGoal | NodeKind::Strategy | NodeKind::Initiative
        ) && !reaches_org[i]
        {
            let stops_at = orphan_stops(plan, at, &present, &dead_end);
            let mut finding = Finding::new(
                Rule::Orphan,
                n,
                format!(
                    "{title} does not trace up to any organizational goal: its chain of links stops at {}.",
                    describe_stops(plan, at, &stops_at)
                ),
            );
            finding.stops_at = Some(stops_at);
            findings.push(finding);
        }

        if kind.is_goal() {
            let unsupported = !reached_by_action[i];
            let unresourced = !unsupported && !reached_by_resourced_action[i];
            if unsupported {
                findings.push(Finding::new(
                    Rule::UnsupportedGoal,
                    n,
                    format!(
                        "No strategy or initiative works toward the {} {title}.",
                        kind.label()
                    ),
                ));
            }
            if unresourced {
                let actions = actions_below(plan, at, &present);
                let mut finding = Finding::new(
                    Rule::UnresourcedGoal,
                    n,
                    format!(
                        "{title} has work planned under it ({}), but none of it has funding, tools, skills or time allocated.",
                        actions.join(", ")
                    ),
                );
                finding.unresourced_actions = Some(actions);
                findings.push(finding);
            }
            if kind == NodeKind::OrgGoal {
                org_goals += 1;
                if !unsupported && !unresourced {
                    aligned_org_goals += 1;
                }
            }
            if let Backing::One(resource) = backing[i] {
                spof_goals[resource.index()].push(at);
            }
        }

        if kind == NodeKind::Resource {
            if let Some(capacity) = n.capacity.filter(|_| allocates_any[i]) {
                let mut allocations = counting_allocations(plan, at, &present);
                // Summed in id order, so that the same plan always gives the same sum
                // to the last bit however its links were added. (Two amounts add up
                // the same either way round; most resources have one or two.)
                if allocations.len() > 2 {
                    allocations.sort_unstable_by(|a, b| a.0.cmp(b.0));
                }
                let sum: f64 = allocations.iter().map(|(_, amount)| amount).sum();
                if sum > capacity + CAPACITY_TOLERANCE * capacity.abs().max(1.0) {
                    allocations.sort_unstable_by(|a, b| a.0.cmp(b.0));
                    let allocations: Vec<Allocation> = allocations
                        .into_iter()
                        .map(|(to, amount)| Allocation {
                            to: to.to_owned(),
                            amount,
                        })
                        .collect();
                    let unit = n
                        .unit
                        .as_deref()
                        .map(|u| format!(" {u}"))
                        .unwrap_or_default();
                    let mut finding = Finding::new(
                        Rule::OverAllocated,
                        n,
                        format!(
                            "{title} is over-allocated: {}{unit} allocated against a capacity of {}{unit} ({} over).",
                            format_amount(sum),
                            format_amount(capacity),
                            format_amount(sum - capacity)
                        ),
                    );
                    finding.allocations = Some(allocations);
                    finding.allocated = Some(sum);
                    finding.capacity = Some(capacity);
                    findings.push(finding);
                }
            }
            if !allocates_any[i] {
                findings.push(Finding::new(
                    Rule::IdleResource,
                    n,
                    format!("{title} is not allocated to any present strategy or initiative."),
                ));
            }
        }

        if kind == NodeKind::Strategy && !resourced[i] && !reached_by_resourced_initiative[i] {
            findings.push(Finding::new(
                Rule::UnresourcedStrategy,
                n,
                format!("Nothing is allocated to the strategy {title} or to any initiative carrying it out."),
            ));
        }
        if kind == NodeKind::Initiative && !resourced[i] {
            findings.push(Finding::new(
                Rule::UnresourcedInitiative,
                n,
                format!("The initiative {title} has no funding, tools, skills or time allocated."),
            ));
        }

        if (kind.is_goal() || kind == NodeKind::Strategy)
            && n.why.as_deref().is_none_or(|why| why.trim().is_empty())
        {
            findings.push(Finding::new(
                Rule::MissingWhy,
                n,
                format!("The {} {title} does not say why it matters.", kind.label()),
            ));
        }

        if (kind.is_goal() || kind == NodeKind::Strategy) && n.status.is_open() {
            let message = match n.last_reviewed {
                None => Some(format!(
                    "The {} {title} has never been reviewed.",
                    kind.label()
                )),
                Some(reviewed) => {
                    let days = (as_of - reviewed).num_days();
                    (days > cadence).then(|| {
                        format!(
                            "The {} {title} was last reviewed on {reviewed}, {} before {as_of}; the cadence is {}.",
                            kind.label(),
                            day_count(days),
                            day_count(cadence)
                        )
                    })
                }
            };
            if let Some(message) = message {
                findings.push(Finding::new(Rule::StaleReview, n, message));
            }
        }

        if kind != NodeKind::Resource
            && n.status.is_open()
            && let Some(target) = n.target_date.filter(|target| *target < as_of)
        {
            findings.push(Finding::new(
                    Rule::PastTarget,
                    n,
                    format!(
                        "The {} {title} is still {} but its target date, {target}, is {} before {as_of}.",
                        kind.label(),
                        n.status.as_str(),
                        day_count((as_of - target).num_days())
                    ),
                ));
        }

        if kind == NodeKind::Strategy && (resourced[i] || reached_by_resourced_initiative[i]) {
            let types = own_types[i] | initiative_types[i];
            let missing: Vec<ResourceType> = ResourceType::ALL
                .into_iter()
                .filter(|ty| types & ty.bit() == 0)
                .collect();
            if !missing.is_empty() {
                let names: Vec<&str> = missing.iter().map(|ty| ty.label()).collect();
                let mut finding = Finding::new(
                    Rule::CapabilityGap,
                    n,
                    format!(
                        "The strategy {title} and its initiatives have no {} allocated.",
                        join_or(&names)
                    ),
                );
                finding.missing = Some(missing);
                findings.push(finding);
            }
        }
    }

    for at in graph.node_indices() {
        let goals = &mut spof_goals[at.index()];
        if goals.is_empty() {
            continue;
        }
        goals.sort_unstable_by(|a, b| node(*a).id.cmp(&node(*b).id));
        let goals = &*goals;
        let related: Vec<String> = goals.iter().map(|goal| node(*goal).id.clone()).collect();
        let n = node(at);
        let titles: Vec<String> = goals
            .iter()
            .take(3)
            .map(|goal| quoted(&node(*goal).title))
            .collect();
        let more = goals.len().saturating_sub(3);
        let mut finding = Finding::new(
            Rule::SinglePointOfFailure,
            n,
            format!(
                "{} is the only resource behind {}{}.",
                quoted(&n.title),
                titles.join(", "),
                if more > 0 {
                    format!(" and {more} more goals")
                } else {
                    String::new()
                }
            ),
        );
        finding.related = Some(related);
        findings.push(finding);
    }

    let findings = sorted(findings);
    let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
    Analysis {
        as_of,
        summary: Summary {
            error: count(Severity::Error),
            warning: count(Severity::Warning),
            info: count(Severity::Info),
            alignment_score: (org_goals > 0).then(|| aligned_org_goals as f64 / org_goals as f64),
        },
        findings,
    }
}

/// The findings by severity, then rule, then node id (a rule finds a node once, so the
/// order is total). Small keys are sorted and each finding then moved into place once,
/// rather than swapped about whole by the sort: a finding is a few hundred bytes.
fn sorted(mut findings: Vec<Finding>) -> Vec<Finding> {
    let mut keys: Vec<(Severity, Rule, &str, usize)> = findings
        .iter()
        .enumerate()
        .map(|(index, finding)| (finding.severity, finding.rule, finding.node.as_str(), index))
        .collect();
    keys.sort_unstable();
    // source[i]: where the finding that belongs at i is now.
    let mut source: Vec<usize> = keys.into_iter().map(|(.., index)| index).collect();
    // In place, cycle by cycle: a second vector of findings would add a tenth to the
    // peak memory of checking a large plan. A placed position is marked source[i] == i.
    for start in 0..source.len() {
        let mut at = start;
        loop {
            let from = source[at];
            source[at] = at;
            if from == start {
                break;
            }
            findings.swap(at, from);
            at = from;
        }
    }
    findings
}

/// Present nodes ordered so that every `supports` link between present nodes goes
/// from an earlier node to a later one (Kahn's algorithm; the graph has no loops).
fn topological_order(plan: &PlanGraph, present: &[bool]) -> Vec<NodeIndex> {
    let graph = plan.inner();
    let mut indegree = vec![0u32; graph.node_bound()];
    for edge in graph.edge_references() {
        if edge.weight().kind == LinkKind::Supports
            && present[edge.source().index()]
            && present[edge.target().index()]
        {
            indegree[edge.target().index()] += 1;
        }
    }
    let mut order: Vec<NodeIndex> = graph
        .node_indices()
        .filter(|at| present[at.index()] && indegree[at.index()] == 0)
        .collect();
    let mut next = 0;
    while next < order.len() {
        let at = order[next];
        next += 1;
        for up in supports_up(plan, at, present) {
            indegree[up.index()] -= 1;
            if indegree[up.index()] == 0 {
                order.push(up);
            }
        }
    }
    order
}

/// The present nodes that a present node supports directly.
fn supports_up<'a>(
    plan: &'a PlanGraph,
    at: NodeIndex,
    present: &'a [bool],
) -> impl Iterator<Item = NodeIndex> + 'a {
    plan.inner()
        .edges_directed(at, Direction::Outgoing)
        .filter(move |edge| {
            edge.weight().kind == LinkKind::Supports && present[edge.target().index()]
        })
        .map(|edge| edge.target())
}

/// Where an orphan's chains stop: for each way up, the node at which it ends.
fn orphan_stops(
    plan: &PlanGraph,
    at: NodeIndex,
    present: &[bool],
    dead_end: &[Option<NodeIndex>],
) -> Vec<String> {
    let graph = plan.inner();
    let mut stops: Vec<String> = supports_up(plan, at, present)
        .filter_map(|up| dead_end[up.index()])
        .map(|stop| graph[stop].node.id.clone())
        .collect();
    if stops.is_empty() {
        stops.push(graph[at].node.id.clone());
    }
    stops.sort_unstable();
    stops.dedup();
    stops.truncate(EVIDENCE_LIMIT);
    stops
}

fn describe_stops(plan: &PlanGraph, at: NodeIndex, stops: &[String]) -> String {
    let own = &plan.inner()[at].node.id;
    if stops.len() == 1 && &stops[0] == own {
        return "itself (it supports nothing)".to_owned();
    }
    let names: Vec<String> = stops
        .iter()
        .map(|id| match plan.node(id) {
            Some(stop) => format!("{} {} ({id})", stop.kind.label(), quoted(&stop.title)),
            None => id.clone(),
        })
        .collect();
    join_or(&names)
}

/// The strategies and initiatives that reach a goal (sorted ids, capped).
fn actions_below(plan: &PlanGraph, goal: NodeIndex, present: &[bool]) -> Vec<String> {
    let graph = plan.inner();
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
                || !present[below.index()]
                || !seen.insert(below)
            {
                continue;
            }
            if graph[below].node.kind.is_action() {
                actions.push(graph[below].node.id.clone());
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

/// A resource's allocations that count (positive, to a present node), unsorted.
/// Borrowed: most resources are within capacity and never show them.
fn counting_allocations<'a>(
    plan: &'a PlanGraph,
    resource: NodeIndex,
    present: &[bool],
) -> Vec<(&'a str, f64)> {
    let graph = plan.inner();
    graph
        .edges_directed(resource, Direction::Outgoing)
        .filter(|edge| edge.weight().kind == LinkKind::Allocates && present[edge.target().index()])
        .filter_map(|edge| {
            let amount = edge.weight().amount.unwrap_or(0.0);
            (amount > 0.0).then(|| (graph[edge.target()].node.id.as_str(), amount))
        })
        .collect()
}

/// "1 day", "31 days".
fn day_count(days: i64) -> String {
    if days == 1 {
        "1 day".to_owned()
    } else {
        format!("{days} days")
    }
}

/// "a", "a or b", "a, b or c".
fn join_or<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [only] => only.as_ref().to_owned(),
        [init @ .., last] => format!(
            "{} or {}",
            init.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}
