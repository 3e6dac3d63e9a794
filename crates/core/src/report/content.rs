//! What a report says, independent of the file format: built once from the plan and
//! its analysis, then rendered by each format.
//!
//! Judgements come from the analysis, never re-derived here: a resource is shown
//! over-allocated when the analysis has an `over_allocated` finding for it, and a
//! team's score counts the same findings as the plan's.
//!
//! All values here are plain data with numbers already formatted for people, so that
//! every format shows the same figures the same way. Plan text (titles, whys, notes)
//! is kept raw: escaping belongs to each format.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::analysis::{
    Analysis, Finding, Rule, SCORE_SENTENCE, ScoreTally, Severity, Summary, analyse,
};
use crate::error::{Error, Result};
use crate::graph::PlanGraph;
use crate::model::{LinkKind, Node, NodeKind, Plan, ResourceType, Status};
use crate::text::format_amount;

use super::ReportOptions;
use super::review_log::{ReviewLogRow, review_log};
use super::roadmap::{Roadmap, roadmap};

/// How many organizational goals a node's "reaches" list names before it says "and more":
/// keeps the team sections linear in the size of the plan.
const REACH_LIMIT: usize = 8;

/// A report's whole content.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub plan_name: String,
    pub as_of: NaiveDate,
    /// Set when the report is limited to one team.
    pub team: Option<String>,
    /// Counts and score for what the report covers (the team's part when limited).
    pub summary: Summary,
    /// The score as people read it: "75%" (rounded down) or "n/a".
    pub score_text: String,
    /// "18 of 29 goals, strategies and initiatives aligned".
    pub score_counts_text: String,
    /// What the score means, in one sentence.
    pub score_sentence: &'static str,
    /// How many present nodes of each kind the report covers, in kind order.
    pub kind_counts: Vec<KindCount>,
    /// One section per present organizational goal in scope, in plan order.
    pub goals: Vec<GoalSection>,
    /// Findings in scope, grouped by severity (error, warning, info; empty groups left out).
    pub findings: Vec<SeverityGroup>,
    /// Present resources in scope, in plan order.
    pub resources: Vec<ResourceRow>,
    /// Allocations touching the scope, in plan order.
    pub allocations: Vec<AllocationRow>,
    /// One section per team in scope, sorted by name.
    pub teams: Vec<TeamSection>,
    /// "Changes since" a baseline, when the report was asked for one.
    pub changes: Option<ChangesSection>,
    /// Each present goal and strategy in scope with its reviews (PLAN-FORMAT.md).
    pub review_log: Vec<ReviewLogRow>,
    /// Initiatives and strategies on a timeline by target date, under the org goals
    /// they reach.
    pub roadmap: Roadmap,
    /// The plan (limited to the scope) and the analysis (limited to the scope), for JSON.
    #[serde(skip)]
    pub plan: Plan,
    #[serde(skip)]
    pub analysis: Analysis,
    /// Present nodes and links in scope, for the map.
    #[serde(skip)]
    pub graph: MapGraph,
}

/// What changed since a baseline, in sentences: the score trend, then each kind of
/// change (the same sections `throughline diff` prints).
#[derive(Debug, Clone, Serialize)]
pub struct ChangesSection {
    /// "Changes since “Board review 2026-Q3” (2026-09-15)"
    pub heading: String,
    /// "70% to 78%"
    pub score_trend: String,
    pub score_sentence: String,
    pub counts_sentence: String,
    pub gate_sentence: String,
    pub sections: Vec<crate::diff::DiffSection>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KindCount {
    pub kind: NodeKind,
    pub label: &'static str,
    pub count: usize,
}

/// One organizational goal and the tree of what supports it.
#[derive(Debug, Clone, Serialize)]
pub struct GoalSection {
    pub id: String,
    pub title: String,
    pub why: Option<String>,
    pub owner: Option<String>,
    pub team: Option<String>,
    pub status: Status,
    pub severity: Option<Severity>,
    pub finding_count: usize,
    /// "last reviewed 2026-10-01 (3 reviews)" or "never reviewed".
    pub review_text: String,
    /// Counting allocations to every action in the tree, summed by resource type and unit.
    pub resources: Vec<ResourceSum>,
    /// The tree below the goal, depth first; depth 1 are its direct supporters.
    pub rows: Vec<TreeRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResourceSum {
    pub resource_type: ResourceType,
    pub type_label: &'static str,
    pub unit: Option<String>,
    pub amount: f64,
    /// "250,000 EUR"
    pub amount_text: String,
}

/// One line of a goal's support tree.
#[derive(Debug, Clone, Serialize)]
pub struct TreeRow {
    pub depth: usize,
    pub id: String,
    pub kind: NodeKind,
    pub kind_label: &'static str,
    pub title: String,
    pub status: Status,
    pub team: Option<String>,
    /// The node's own counting allocations, for actions: "funding 120,000 EUR; time 40 days".
    pub resources_text: String,
    pub severity: Option<Severity>,
    pub finding_count: usize,
    /// The node already appears higher in this tree (it supports several nodes); its
    /// subtree is shown only the first time.
    pub repeat: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct SeverityGroup {
    pub severity: Severity,
    pub heading: &'static str,
    pub findings: Vec<FindingRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingRow {
    pub rule: Rule,
    pub rule_title: &'static str,
    pub severity: Severity,
    pub node: String,
    pub kind: Option<NodeKind>,
    pub title: String,
    pub team: Option<String>,
    pub message: String,
    pub hint: String,
    /// Accepted knowingly: "Accepted until 2027-06-30: the reason" (or without a date).
    /// An accepted finding stays in every report, marked so.
    pub accepted_text: Option<String>,
    pub accepted_reason: Option<String>,
    pub accepted_until: Option<NaiveDate>,
}

impl FindingRow {
    /// The finding's message, with its acceptance when it has one.
    pub fn what_is_wrong(&self) -> String {
        match &self.accepted_text {
            Some(accepted) => format!("{} {accepted}", self.message),
            None => self.message.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ResourceRow {
    pub id: String,
    pub title: String,
    pub resource_type: Option<ResourceType>,
    pub type_label: &'static str,
    pub team: Option<String>,
    pub unit: Option<String>,
    pub capacity: Option<f64>,
    pub allocated: f64,
    pub remaining: Option<f64>,
    /// "500 days" or "unlimited"
    pub capacity_text: String,
    pub allocated_text: String,
    /// "120 days", "-20 days" or "" when unlimited
    pub remaining_text: String,
    /// Allocated share of the capacity in percent, rounded; `None` when unlimited.
    pub percent: Option<u32>,
    /// The analysis found it over-allocated.
    pub over: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct AllocationRow {
    pub resource: String,
    pub resource_title: String,
    pub resource_type: Option<ResourceType>,
    pub to: String,
    pub to_title: String,
    pub to_kind: NodeKind,
    pub amount: f64,
    pub amount_text: String,
    pub unit: Option<String>,
    /// Whether the analysis counts it: both ends present and the amount above zero.
    pub counting: bool,
    pub why: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TeamSection {
    pub name: String,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    pub groups: Vec<TeamKindGroup>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TeamKindGroup {
    pub kind: NodeKind,
    pub label: &'static str,
    pub nodes: Vec<TeamNode>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TeamNode {
    pub id: String,
    pub title: String,
    pub status: Status,
    pub owner: Option<String>,
    pub target_date: Option<NaiveDate>,
    /// Titles of the nodes it directly supports (or, for a resource, allocates to).
    pub supports: Vec<String>,
    /// Titles of the organizational goals it reaches, at most a few.
    pub reaches: Vec<String>,
    /// How many more organizational goals it reaches than `reaches` names.
    pub reaches_more: bool,
    pub severity: Option<Severity>,
    pub finding_count: usize,
}

/// The present nodes and links in scope, by position in `nodes`.
#[derive(Debug, Clone, Default)]
pub struct MapGraph {
    pub nodes: Vec<MapNode>,
    /// (from, to, kind): `supports` points up, `allocates` from a resource to an action.
    pub links: Vec<(usize, usize, LinkKind)>,
}

#[derive(Debug, Clone)]
pub struct MapNode {
    pub id: String,
    pub kind: NodeKind,
    pub title: String,
    pub resource_type: Option<ResourceType>,
    pub severity: Option<Severity>,
}

/// The plan indexed by position, with present-only adjacency.
pub(super) struct Index<'a> {
    pub(super) nodes: &'a [Node],
    pub(super) position: HashMap<&'a str, usize>,
    /// supports targets of each node (present links only)
    pub(super) up: Vec<Vec<usize>>,
    /// supporters of each node (present links only)
    pub(super) down: Vec<Vec<usize>>,
    /// counting allocations to each node: (resource, amount)
    pub(super) allocated_to: Vec<Vec<(usize, f64)>>,
    /// counting allocations from each resource: (target, amount)
    pub(super) allocated_from: Vec<Vec<(usize, f64)>>,
}

impl<'a> Index<'a> {
    fn new(plan: &'a Plan) -> Index<'a> {
        let count = plan.nodes.len();
        let position: HashMap<&str, usize> = plan
            .nodes
            .iter()
            .enumerate()
            .map(|(at, node)| (node.id.as_str(), at))
            .collect();
        let mut index = Index {
            nodes: &plan.nodes,
            position,
            up: vec![Vec::new(); count],
            down: vec![Vec::new(); count],
            allocated_to: vec![Vec::new(); count],
            allocated_from: vec![Vec::new(); count],
        };
        for link in &plan.links {
            let (Some(&from), Some(&to)) = (
                index.position.get(link.from.as_str()),
                index.position.get(link.to.as_str()),
            ) else {
                continue;
            };
            if !plan.nodes[from].is_present() || !plan.nodes[to].is_present() {
                continue;
            }
            match link.kind {
                LinkKind::Supports => {
                    index.up[from].push(to);
                    index.down[to].push(from);
                }
                LinkKind::Allocates => {
                    let amount = link.amount.unwrap_or(0.0);
                    if amount > 0.0 {
                        index.allocated_to[to].push((from, amount));
                        index.allocated_from[from].push((to, amount));
                    }
                }
            }
        }
        index
    }

    pub(super) fn present(&self, at: usize) -> bool {
        self.nodes[at].is_present()
    }
}

/// What the findings say of each node position: the worst severity and the count, whether
/// a rule that lowers alignment fires, and the sum the analysis found over capacity.
pub(super) struct FindingTally {
    worst: Vec<Option<Severity>>,
    count: Vec<usize>,
    misaligned: Vec<bool>,
    /// The analysis found the node's review overdue (`stale_review`).
    pub(super) stale_review: Vec<bool>,
    over_allocated: Vec<Option<f64>>,
    /// Each resource's counting allocations summed, by the analysis's one definition.
    allocated: std::collections::BTreeMap<String, f64>,
}

impl FindingTally {
    fn new(index: &Index, findings: &[Finding], graph: &PlanGraph) -> FindingTally {
        let count = index.nodes.len();
        let mut tally = FindingTally {
            worst: vec![None; count],
            count: vec![0; count],
            misaligned: vec![false; count],
            stale_review: vec![false; count],
            over_allocated: vec![None; count],
            allocated: crate::analysis::allocated_by_resource(graph),
        };
        for finding in findings {
            if let Some(&at) = index.position.get(finding.node.as_str()) {
                tally.count[at] += 1;
                tally.misaligned[at] |= finding.rule.lowers_alignment();
                tally.stale_review[at] |= finding.rule == Rule::StaleReview;
                if finding.rule == Rule::OverAllocated {
                    tally.over_allocated[at] = finding.allocated;
                }
                // Severity orders Error < Warning < Info, so the minimum is the worst.
                tally.worst[at] = Some(match tally.worst[at] {
                    Some(worst) => worst.min(finding.severity),
                    None => finding.severity,
                });
            }
        }
        tally
    }
}

impl Report {
    /// Analyses the plan as of `options.as_of` and gathers what the report shows.
    ///
    /// # Errors
    /// [`Error::UnknownTeam`] when `options.team` names no team of the plan.
    ///
    /// # Complexity
    /// Linear in the plan's size, times the number of organizational goals for the
    /// support trees (each node appears once per goal it reaches, never once per path).
    pub fn build(graph: &PlanGraph, options: &ReportOptions) -> Result<Report> {
        let full_analysis = analyse(graph, options.as_of);
        let full_plan = graph.to_plan();
        let index = Index::new(&full_plan);
        let scope = scope(&index, options.team.as_deref())?;

        let findings: Vec<Finding> = full_analysis
            .findings
            .iter()
            .filter(|finding| {
                index
                    .position
                    .get(finding.node.as_str())
                    .is_some_and(|&at| scope[at])
            })
            .cloned()
            .collect();
        let tally = FindingTally::new(&index, &findings, graph);
        let summary = if options.team.is_some() {
            scoped_summary(&index, &scope, &tally, &findings)
        } else {
            full_analysis.summary.clone()
        };
        let in_scope = |at: usize| scope[at] && index.present(at);

        let kind_counts = NodeKind::ALL
            .into_iter()
            .map(|kind| KindCount {
                kind,
                label: kind_plural(kind),
                count: (0..index.nodes.len())
                    .filter(|&at| in_scope(at) && index.nodes[at].kind == kind)
                    .count(),
            })
            .collect();

        let goals = (0..index.nodes.len())
            .filter(|&at| in_scope(at) && index.nodes[at].kind == NodeKind::OrgGoal)
            .map(|at| goal_section(&index, &scope, &tally, at))
            .collect();

        let findings_grouped = Severity::ALL
            .into_iter()
            .filter_map(|severity| {
                let rows: Vec<FindingRow> = findings
                    .iter()
                    .filter(|finding| finding.severity == severity)
                    .map(|finding| finding_row(&index, finding))
                    .collect();
                (!rows.is_empty()).then_some(SeverityGroup {
                    severity,
                    heading: severity.heading(),
                    findings: rows,
                })
            })
            .collect();

        let resources = (0..index.nodes.len())
            .filter(|&at| in_scope(at) && index.nodes[at].kind == NodeKind::Resource)
            .map(|at| resource_row(&index, &tally, at))
            .collect();

        let allocations = allocation_rows(&index, &full_plan, &scope);
        let reaches = org_goals_reached(&index);
        let teams = team_sections(
            &index,
            &scope,
            &tally,
            &reaches,
            &findings,
            options.team.as_deref(),
        );
        let map = map_graph(&index, &scope, &tally);
        let review_log = review_log(&index, &scope, &tally);
        let roadmap = roadmap(
            &full_plan,
            |id| index.position.get(id).is_some_and(|&at| scope[at]),
            options.as_of,
        );

        let plan = if options.team.is_some() {
            scoped_plan(&index, &full_plan, &scope)
        } else {
            full_plan.clone()
        };
        let analysis = Analysis {
            as_of: options.as_of,
            summary: summary.clone(),
            findings,
        };

        Ok(Report {
            plan_name: full_plan.name.clone(),
            as_of: options.as_of,
            team: options.team.clone(),
            score_text: summary.score_text(),
            score_counts_text: summary.score_counts_text(),
            score_sentence: SCORE_SENTENCE,
            summary,
            kind_counts,
            goals,
            findings: findings_grouped,
            resources,
            allocations,
            teams,
            changes: None,
            review_log,
            roadmap,
            plan,
            analysis,
            graph: map,
        })
    }

    /// The report with a "Changes since" section: what changed from `baseline` (named
    /// `name`, taken on `taken_on` and judged on that day) to the plan reported on.
    ///
    /// A team's report lists what changed in the team's part of either plan, and the
    /// score trend of that part: a team lead reads the team's changes, not the plan's.
    pub fn with_changes_since(
        mut self,
        graph: &PlanGraph,
        name: &str,
        taken_on: NaiveDate,
        baseline: &PlanGraph,
    ) -> Report {
        let label = crate::text::quoted(name);
        let old = crate::diff::Side::new(baseline, &label, taken_on);
        let new = crate::diff::Side::new(graph, "the plan", self.as_of);
        let diff = match &self.team {
            None => crate::diff::diff_plans(old, new),
            Some(team) => {
                let (old_analysis, new_analysis) =
                    (analyse(baseline, taken_on), analyse(graph, self.as_of));
                let before = TeamPart::of(baseline, &old_analysis, team);
                let after = TeamPart::of(graph, &new_analysis, team);
                crate::diff::diff_analysed(old, &old_analysis, new, &new_analysis).limited_to(
                    |id| before.covers(id) || after.covers(id),
                    before.summary.clone(),
                    after.summary.clone(),
                )
            }
        };
        self.changes = Some(ChangesSection {
            heading: format!("Changes since {label} ({taken_on})"),
            score_trend: diff.score_trend(),
            score_sentence: diff.score_sentence(),
            counts_sentence: diff.counts_sentence(),
            gate_sentence: crate::diff::gate_sentence(&diff),
            sections: diff.sections(),
        });
        self
    }

    /// How many findings the report shows.
    pub fn finding_count(&self) -> usize {
        self.findings.iter().map(|group| group.findings.len()).sum()
    }
}

pub(crate) fn kind_plural(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::OrgGoal => "Organizational goals",
        NodeKind::TeamGoal => "Team goals",
        NodeKind::Strategy => "Strategies",
        NodeKind::Initiative => "Initiatives",
        NodeKind::Resource => "Resources",
    }
}

/// Which nodes the report covers: everything, or one team's nodes, what they reach
/// upward (what the team supports) and the resources allocated to them.
fn scope(index: &Index, team: Option<&str>) -> Result<Vec<bool>> {
    let count = index.nodes.len();
    let Some(team) = team else {
        return Ok(vec![true; count]);
    };
    let mut scope = vec![false; count];
    let mut stack: Vec<usize> = (0..count)
        .filter(|&at| index.nodes[at].team.as_deref() == Some(team))
        .collect();
    if stack.is_empty() {
        let known: BTreeSet<&str> = index
            .nodes
            .iter()
            .filter_map(|node| node.team.as_deref())
            .collect();
        return Err(Error::UnknownTeam {
            team: team.to_owned(),
            known: known.into_iter().map(str::to_owned).collect(),
        });
    }
    let team_nodes = stack.clone();
    while let Some(at) = stack.pop() {
        if scope[at] {
            continue;
        }
        scope[at] = true;
        stack.extend(index.up[at].iter().copied().filter(|&up| !scope[up]));
    }
    for at in team_nodes {
        for &(resource, _) in &index.allocated_to[at] {
            scope[resource] = true;
        }
    }
    Ok(scope)
}

/// Which nodes of a plan a team's report covers, and their summary: what a team's
/// "Changes since" compares on each side.
struct TeamPart {
    covered: HashSet<String>,
    summary: Summary,
}

impl TeamPart {
    /// The team's part of `graph`; empty (and scored "n/a") when the plan has no node of
    /// the team, as a baseline taken before the team existed.
    fn of(graph: &PlanGraph, analysis: &Analysis, team: &str) -> TeamPart {
        let plan = graph.to_plan();
        let index = Index::new(&plan);
        let scope = scope(&index, Some(team)).unwrap_or_else(|_| vec![false; index.nodes.len()]);
        let in_scope = |id: &str| index.position.get(id).is_some_and(|&at| scope[at]);
        let findings: Vec<Finding> = analysis
            .findings
            .iter()
            .filter(|finding| in_scope(&finding.node))
            .cloned()
            .collect();
        let tally = FindingTally::new(&index, &findings, graph);
        TeamPart {
            summary: scoped_summary(&index, &scope, &tally, &findings),
            covered: (0..index.nodes.len())
                .filter(|&at| scope[at])
                .map(|at| index.nodes[at].id.clone())
                .collect(),
        }
    }

    fn covers(&self, id: &str) -> bool {
        self.covered.contains(id)
    }
}

/// The summary of a team's part: its findings counted, and the score over the present
/// goals, strategies and initiatives in scope (the plan's definition, over fewer nodes).
fn scoped_summary(
    index: &Index,
    scope: &[bool],
    tally: &FindingTally,
    findings: &[Finding],
) -> Summary {
    let mut score = ScoreTally::default();
    for at in (0..index.nodes.len()).filter(|&at| scope[at] && index.present(at)) {
        score.count(index.nodes[at].kind, tally.misaligned[at]);
    }
    Summary::new(findings, score)
}

fn goal_section(index: &Index, scope: &[bool], tally: &FindingTally, goal: usize) -> GoalSection {
    let node = &index.nodes[goal];
    let mut rows = Vec::new();
    let mut seen = HashSet::new();
    seen.insert(goal);
    let mut actions = Vec::new();
    // Depth-first with an explicit stack: plans can be deep and huge.
    let mut stack: Vec<(usize, usize)> = children(index, scope, goal)
        .into_iter()
        .rev()
        .map(|child| (child, 1))
        .collect();
    while let Some((at, depth)) = stack.pop() {
        let repeat = !seen.insert(at);
        let child = &index.nodes[at];
        rows.push(TreeRow {
            depth,
            id: child.id.clone(),
            kind: child.kind,
            kind_label: child.kind.label(),
            title: child.title.clone(),
            status: child.status,
            team: child.team.clone(),
            resources_text: if child.kind.is_action() {
                resources_text(&sum_allocations(index, &[at]))
            } else {
                String::new()
            },
            severity: tally.worst[at],
            finding_count: tally.count[at],
            repeat,
        });
        if repeat {
            continue;
        }
        if child.kind.is_action() {
            actions.push(at);
        }
        stack.extend(
            children(index, scope, at)
                .into_iter()
                .rev()
                .map(|below| (below, depth + 1)),
        );
    }
    GoalSection {
        id: node.id.clone(),
        title: node.title.clone(),
        why: node.why.clone(),
        owner: node.owner.clone(),
        team: node.team.clone(),
        status: node.status,
        severity: tally.worst[goal],
        finding_count: tally.count[goal],
        review_text: super::brief::review_text(node.latest_review(), node.reviews.len()),
        resources: sum_allocations(index, &actions),
        rows,
    }
}

/// The present supporters of a node in scope, goals before actions, then in plan order.
fn children(index: &Index, scope: &[bool], at: usize) -> Vec<usize> {
    let mut below: Vec<usize> = index.down[at]
        .iter()
        .copied()
        .filter(|&child| scope[child])
        .collect();
    below.sort_unstable_by_key(|&child| (index.nodes[child].kind, child));
    below
}

/// Counting allocations to the given actions, summed by resource type and unit.
fn sum_allocations(index: &Index, actions: &[usize]) -> Vec<ResourceSum> {
    sum_by_type(actions.iter().flat_map(|&action| {
        index.allocated_to[action]
            .iter()
            .filter_map(|&(resource, amount)| {
                let resource = &index.nodes[resource];
                Some((resource.resource_type?, resource.unit.as_deref(), amount))
            })
    }))
}

/// Amounts summed by resource type and unit, as every report and the brief show them.
pub(super) fn sum_by_type<'a>(
    amounts: impl Iterator<Item = (ResourceType, Option<&'a str>, f64)>,
) -> Vec<ResourceSum> {
    let mut sums: BTreeMap<(ResourceType, Option<&str>), f64> = BTreeMap::new();
    for (ty, unit, amount) in amounts {
        *sums.entry((ty, unit)).or_default() += amount;
    }
    sums.into_iter()
        .map(|((ty, unit), amount)| ResourceSum {
            resource_type: ty,
            type_label: ty.label(),
            unit: unit.map(str::to_owned),
            amount,
            amount_text: with_unit(amount, unit),
        })
        .collect()
}

fn resources_text(sums: &[ResourceSum]) -> String {
    sums.iter()
        .map(|sum| format!("{} {}", sum.type_label, sum.amount_text))
        .collect::<Vec<_>>()
        .join("; ")
}

pub(crate) fn with_unit(amount: f64, unit: Option<&str>) -> String {
    match unit {
        Some(unit) if !unit.trim().is_empty() => format!("{} {}", format_amount(amount), unit),
        _ => format_amount(amount),
    }
}

fn finding_row(index: &Index, finding: &Finding) -> FindingRow {
    let node = index
        .position
        .get(finding.node.as_str())
        .map(|&at| &index.nodes[at]);
    FindingRow::of(finding, node)
}

impl FindingRow {
    /// The row of `finding`, on `node` when the plan still has it.
    pub(super) fn of(finding: &Finding, node: Option<&Node>) -> FindingRow {
        let accepted = finding.accepted.as_ref();
        FindingRow {
            rule: finding.rule,
            rule_title: finding.rule.title(),
            severity: finding.severity,
            node: finding.node.clone(),
            kind: node.map(|node| node.kind),
            title: finding.title.clone(),
            team: node.and_then(|node| node.team.clone()),
            message: finding.message.clone(),
            hint: finding.hint.clone(),
            accepted_text: accepted.map(|accepted| match accepted.until {
                Some(until) => format!("Accepted until {until}: {}", accepted.reason),
                None => format!("Accepted: {}", accepted.reason),
            }),
            accepted_reason: accepted.map(|accepted| accepted.reason.clone()),
            accepted_until: accepted.and_then(|accepted| accepted.until),
        }
    }
}

fn resource_row(index: &Index, tally: &FindingTally, at: usize) -> ResourceRow {
    let node = &index.nodes[at];
    let unit = node.unit.as_deref();
    // The analysis's one sum: over capacity it is the figure the finding quotes.
    let allocated = tally.over_allocated[at]
        .or_else(|| tally.allocated.get(node.id.as_str()).copied())
        .unwrap_or(0.0);
    let remaining = node.capacity.map(|capacity| capacity - allocated);
    let percent = node.capacity.map(|capacity| {
        if capacity > 0.0 {
            (allocated / capacity * 100.0)
                .round()
                .clamp(0.0, u32::MAX as f64) as u32
        } else if allocated > 0.0 {
            // Any allocation of a zero capacity is over it; show it as far over.
            999
        } else {
            0
        }
    });
    let over = tally.over_allocated[at].is_some();
    ResourceRow {
        id: node.id.clone(),
        title: node.title.clone(),
        resource_type: node.resource_type,
        type_label: node.resource_type.map_or("", ResourceType::label),
        team: node.team.clone(),
        unit: node.unit.clone(),
        capacity: node.capacity,
        allocated,
        remaining,
        capacity_text: node
            .capacity
            .map_or_else(|| "unlimited".to_owned(), |c| with_unit(c, unit)),
        allocated_text: with_unit(allocated, unit),
        remaining_text: remaining.map_or_else(String::new, |r| with_unit(r, unit)),
        percent,
        over,
    }
}

fn allocation_rows(index: &Index, plan: &Plan, scope: &[bool]) -> Vec<AllocationRow> {
    plan.links
        .iter()
        .filter(|link| link.kind == LinkKind::Allocates)
        .filter_map(|link| {
            let from = *index.position.get(link.from.as_str())?;
            let to = *index.position.get(link.to.as_str())?;
            if !scope[from] && !scope[to] {
                return None;
            }
            let (resource, target) = (&index.nodes[from], &index.nodes[to]);
            let amount = link.amount.unwrap_or(0.0);
            Some(AllocationRow {
                resource: resource.id.clone(),
                resource_title: resource.title.clone(),
                resource_type: resource.resource_type,
                to: target.id.clone(),
                to_title: target.title.clone(),
                to_kind: target.kind,
                amount,
                amount_text: with_unit(amount, resource.unit.as_deref()),
                unit: resource.unit.clone(),
                counting: resource.is_present() && target.is_present() && amount > 0.0,
                why: link.why.clone(),
            })
        })
        .collect()
}

fn team_sections(
    index: &Index,
    scope: &[bool],
    tally: &FindingTally,
    reaches: &[Reach],
    findings: &[Finding],
    only: Option<&str>,
) -> Vec<TeamSection> {
    let mut members: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (at, node) in index.nodes.iter().enumerate() {
        if !scope[at] || !node.is_present() {
            continue;
        }
        if let Some(team) = node.team.as_deref()
            && only.is_none_or(|only| only == team)
        {
            members.entry(team).or_default().push(at);
        }
    }
    if members.is_empty() {
        return Vec::new();
    }
    members
        .into_iter()
        .map(|(team, nodes)| {
            let mut counts = [0usize; 3];
            for finding in findings {
                if let Some(&at) = index.position.get(finding.node.as_str())
                    && index.nodes[at].team.as_deref() == Some(team)
                {
                    counts[finding.severity as usize] += 1;
                }
            }
            let groups = NodeKind::ALL
                .into_iter()
                .filter_map(|kind| {
                    let nodes: Vec<TeamNode> = nodes
                        .iter()
                        .filter(|&&at| index.nodes[at].kind == kind)
                        .map(|&at| team_node(index, tally, reaches, at))
                        .collect();
                    (!nodes.is_empty()).then_some(TeamKindGroup {
                        kind,
                        label: kind_plural(kind),
                        nodes,
                    })
                })
                .collect();
            TeamSection {
                name: team.to_owned(),
                error: counts[Severity::Error as usize],
                warning: counts[Severity::Warning as usize],
                info: counts[Severity::Info as usize],
                groups,
            }
        })
        .collect()
}

fn team_node(index: &Index, tally: &FindingTally, reaches: &[Reach], at: usize) -> TeamNode {
    let node = &index.nodes[at];
    let targets: Vec<usize> = if node.kind == NodeKind::Resource {
        index.allocated_from[at].iter().map(|&(to, _)| to).collect()
    } else {
        index.up[at].clone()
    };
    TeamNode {
        id: node.id.clone(),
        title: node.title.clone(),
        status: node.status,
        owner: node.owner.clone(),
        target_date: node.target_date,
        supports: targets
            .into_iter()
            .map(|to| index.nodes[to].title.clone())
            .collect(),
        reaches: reaches[at]
            .goals
            .iter()
            .map(|&goal| index.nodes[goal].title.clone())
            .collect(),
        reaches_more: reaches[at].more,
        severity: tally.worst[at],
        finding_count: tally.count[at],
    }
}

/// For each node of `plan`, in its order, the titles of the organizational goals it
/// traces up to (as the team sections name them: at most a few), and whether it
/// reaches more than those.
pub(crate) fn goals_traced(plan: &Plan) -> Vec<(Vec<String>, bool)> {
    let index = Index::new(plan);
    org_goals_reached(&index)
        .into_iter()
        .map(|reach| {
            let titles = reach
                .goals
                .iter()
                .map(|&goal| index.nodes[goal].title.clone())
                .collect();
            (titles, reach.more)
        })
        .collect()
}

/// The organizational goals a node reaches, capped at [`REACH_LIMIT`].
#[derive(Debug, Clone, Default)]
pub(super) struct Reach {
    pub(super) goals: Vec<usize>,
    more: bool,
}

/// For every present node, the org goals it reaches through present `supports` links
/// (a resource: those its allocations' targets reach). One pass in topological order,
/// parents first (supports links point to parents, and they form no loop).
pub(super) fn org_goals_reached(index: &Index) -> Vec<Reach> {
    let count = index.nodes.len();
    let mut pending: Vec<usize> = (0..count).map(|at| index.up[at].len()).collect();
    let mut ready: Vec<usize> = (0..count).filter(|&at| pending[at] == 0).collect();
    let mut reach = vec![Reach::default(); count];
    while let Some(at) = ready.pop() {
        let mut goals = BTreeSet::new();
        let mut more = false;
        for &parent in &index.up[at] {
            if index.nodes[parent].kind == NodeKind::OrgGoal {
                goals.insert(parent);
            }
            goals.extend(reach[parent].goals.iter().copied());
            more |= reach[parent].more;
        }
        if goals.len() > REACH_LIMIT {
            more = true;
        }
        reach[at] = Reach {
            goals: goals.into_iter().take(REACH_LIMIT).collect(),
            more,
        };
        for &child in &index.down[at] {
            pending[child] -= 1;
            if pending[child] == 0 {
                ready.push(child);
            }
        }
    }
    for at in 0..count {
        if index.nodes[at].kind == NodeKind::Resource {
            let mut goals = BTreeSet::new();
            let mut more = false;
            for &(to, _) in &index.allocated_from[at] {
                goals.extend(reach[to].goals.iter().copied());
                more |= reach[to].more;
            }
            more |= goals.len() > REACH_LIMIT;
            reach[at] = Reach {
                goals: goals.into_iter().take(REACH_LIMIT).collect(),
                more,
            };
        }
    }
    reach
}

fn map_graph(index: &Index, scope: &[bool], tally: &FindingTally) -> MapGraph {
    let mut map_position = vec![usize::MAX; index.nodes.len()];
    let mut nodes = Vec::new();
    for (at, node) in index.nodes.iter().enumerate() {
        if scope[at] && node.is_present() {
            map_position[at] = nodes.len();
            nodes.push(MapNode {
                id: node.id.clone(),
                kind: node.kind,
                title: node.title.clone(),
                resource_type: node.resource_type,
                severity: tally.worst[at],
            });
        }
    }
    let mut links = Vec::new();
    for at in 0..index.nodes.len() {
        let from = map_position[at];
        if from == usize::MAX {
            continue;
        }
        for &to in &index.up[at] {
            if map_position[to] != usize::MAX {
                links.push((from, map_position[to], LinkKind::Supports));
            }
        }
        for &(to, _) in &index.allocated_from[at] {
            if map_position[to] != usize::MAX {
                links.push((from, map_position[to], LinkKind::Allocates));
            }
        }
    }
    MapGraph { nodes, links }
}

/// The team's part as a plan of its own: nodes in scope and links between them.
/// A subset of a valid plan is valid: no new kinds, no new loops.
fn scoped_plan(index: &Index, plan: &Plan, scope: &[bool]) -> Plan {
    let keep = |id: &str| index.position.get(id).is_some_and(|&at| scope[at]);
    Plan {
        name: plan.name.clone(),
        review_cadence_days: plan.review_cadence_days,
        nodes: plan
            .nodes
            .iter()
            .filter(|node| keep(&node.id))
            .cloned()
            .collect(),
        links: plan
            .links
            .iter()
            .filter(|link| keep(&link.from) && keep(&link.to))
            .cloned()
            .collect(),
        accepted: plan
            .accepted
            .iter()
            .filter(|acceptance| keep(&acceptance.node))
            .cloned()
            .collect(),
    }
}
