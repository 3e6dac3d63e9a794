//! The analysis kept up to date edit by edit, so that an edit costs what it can reach
//! rather than the whole plan (issue 9: at 100,000 nodes a full analysis alone takes
//! about 70 ms, beyond the 50 ms an edit may take from click to screen).
//!
//! An edit names the nodes it touches (and its inverse names those a removal took
//! links from). Only their facts can change at first hand; the change then spreads
//! along links: counting allocations to the other end of an `allocates` link, what
//! reaches a node from below to everything above it, whether a node reaches an org goal
//! to everything below it. Those nodes' facts are gathered again, in the same per-node
//! steps a full analysis takes ([`Facts`]), their rules asked again ([`check_node`]),
//! and the findings compared with the ones kept, which gives the change to hand on.
//! The property tests check that the result always equals [`super::analyse`].

use chrono::NaiveDate;
use hashbrown::HashSet;
use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, NodeIndexable};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::graph::{Edit, PlanGraph};
use crate::model::{Acceptance, LinkKind};

use super::facts::{FactTables, Facts};
use super::finding::{AcceptedAs, Analysis, Finding, ScoreTally, Summary, is_scored};
use super::rule::Rule;
use super::{check_node, checks, sorted};

/// Names one finding: a rule finds a node at most once.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FindingKey {
    pub rule: Rule,
    pub node: String,
}

impl FindingKey {
    pub fn of(finding: &Finding) -> FindingKey {
        FindingKey {
            rule: finding.rule,
            node: finding.node.clone(),
        }
    }
}

/// What one edit changed in the analysis: apply `removed`, then `upserted` (a finding
/// replaces the one with the same key), and read the new `summary`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AnalysisChange {
    pub removed: Vec<FindingKey>,
    pub upserted: Vec<Finding>,
    pub summary: Summary,
}

impl AnalysisChange {
    /// What changed from one whole analysis to another (as when the date moves on and
    /// every date rule is read again).
    pub fn between(old: &Analysis, new: &Analysis) -> AnalysisChange {
        let kept: HashSet<(Rule, &str)> = new
            .findings
            .iter()
            .map(|finding| (finding.rule, finding.node.as_str()))
            .collect();
        let before: hashbrown::HashMap<(Rule, &str), &Finding> = old
            .findings
            .iter()
            .map(|finding| ((finding.rule, finding.node.as_str()), finding))
            .collect();
        AnalysisChange {
            removed: old
                .findings
                .iter()
                .filter(|finding| !kept.contains(&(finding.rule, finding.node.as_str())))
                .map(FindingKey::of)
                .collect(),
            upserted: new
                .findings
                .iter()
                .filter(|finding| {
                    before.get(&(finding.rule, finding.node.as_str())) != Some(finding)
                })
                .cloned()
                .collect(),
            summary: new.summary.clone(),
        }
    }

    /// Whether the findings changed at all.
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.upserted.is_empty()
    }
}

/// An analysis as of one date, kept equal to [`super::analyse`] of the plan it is
/// updated with.
#[derive(Debug, Clone)]
pub struct IncrementalAnalysis {
    as_of: NaiveDate,
    facts: FactTables,
    /// By node index: what the per-node rules found about the node there.
    findings: Vec<Vec<Finding>>,
    /// By resource index: its `single_point_of_failure` finding.
    sole_resource_findings: Vec<Option<Finding>>,
    /// By resource index: the present goals it alone stands behind.
    goals_behind: Vec<Vec<NodeIndex>>,
    /// By goal index: the resource it is listed under in `goals_behind`.
    listed_behind: Vec<Option<NodeIndex>>,
    /// By node index: scored, and aligned, in the score kept in `score`.
    scored: Vec<bool>,
    aligned: Vec<bool>,
    score: ScoreTally,
    severity_counts: [usize; 3],
    /// By node index: a node was there at the last update (so a removal shows).
    occupied: Vec<bool>,
    /// The plan's accepted findings at the last update: they mark findings, and one
    /// that matches none is itself reported (`stale_acceptance`).
    accepted: Vec<Acceptance>,
    /// The `stale_acceptance` findings as they stand.
    stale_acceptances: Vec<Finding>,
}

impl IncrementalAnalysis {
    /// Analyses the whole plan.
    pub fn new(plan: &PlanGraph, as_of: NaiveDate) -> IncrementalAnalysis {
        let mut analysis = IncrementalAnalysis {
            as_of,
            facts: FactTables::default(),
            findings: Vec::new(),
            sole_resource_findings: Vec::new(),
            goals_behind: Vec::new(),
            listed_behind: Vec::new(),
            scored: Vec::new(),
            aligned: Vec::new(),
            score: ScoreTally::default(),
            severity_counts: [0; 3],
            occupied: Vec::new(),
            accepted: Vec::new(),
            stale_acceptances: Vec::new(),
        };
        let everything: Vec<NodeIndex> = plan.inner().node_indices().collect();
        let change = analysis.refresh(plan, everything);
        analysis.overlay_acceptances(plan, change);
        analysis
    }

    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// Brings the analysis up to date with `plan`, just changed by `edit`, whose
    /// inverse is `inverse`, and answers what changed. The cost grows with the nodes
    /// the edit can reach, not with the plan (a settings change reaches every node).
    pub fn update(&mut self, plan: &PlanGraph, edit: &Edit, inverse: &Edit) -> AnalysisChange {
        let mut ids = Vec::new();
        let settings_changed = touched_ids(edit, &mut ids) | touched_ids(inverse, &mut ids);
        let seeds: Vec<NodeIndex> = if settings_changed {
            plan.inner().node_indices().collect()
        } else {
            ids.into_iter().filter_map(|id| plan.lookup(id)).collect()
        };
        let change = self.refresh(plan, seeds);
        self.overlay_acceptances(plan, change)
    }

    /// The summary as it stands.
    pub fn summary(&self) -> Summary {
        let mut counts = self.severity_counts;
        counts[Rule::StaleAcceptance.severity() as usize] += self.stale_acceptances.len();
        Summary::from_counts(counts, self.score)
    }

    /// Accepted findings over the rules' own (ALIGNMENT-RULES.md): the findings an
    /// acceptance in force names carry it, and one that names no finding is reported.
    /// Acceptances are few, so every one is looked at after every edit; the findings
    /// whose mark may have changed (named by an acceptance before or after) are
    /// answered again.
    fn overlay_acceptances(
        &mut self,
        plan: &PlanGraph,
        mut change: AnalysisChange,
    ) -> AnalysisChange {
        let before = std::mem::replace(&mut self.accepted, plan.accepted().to_vec());
        for finding in &mut change.upserted {
            finding.accepted = self.acceptance_of(finding);
        }
        for acceptance in before.iter().chain(plan.accepted()) {
            let Some(finding) = self.raw_finding(plan, acceptance.rule, &acceptance.node) else {
                continue;
            };
            let already = change
                .upserted
                .iter()
                .any(|f| f.rule == finding.rule && f.node == finding.node);
            if !already {
                let mut finding = finding.clone();
                finding.accepted = self.acceptance_of(&finding);
                change.upserted.push(finding);
            }
        }
        let mut stale = Vec::new();
        checks::stale_acceptances(plan, self.as_of, &mut stale, |rule, node| {
            self.raw_finding(plan, rule, node).is_some()
        });
        for old in &self.stale_acceptances {
            if !stale.iter().any(|now: &Finding| now.node == old.node) {
                change.removed.push(FindingKey::of(old));
            }
        }
        change.upserted.extend(stale.iter().cloned());
        self.stale_acceptances = stale;
        change.summary = self.summary();
        change
    }

    /// What the rules found for `rule` on the node with this id, before acceptances.
    fn raw_finding(&self, plan: &PlanGraph, rule: Rule, id: &str) -> Option<&Finding> {
        let at = plan.lookup(id)?.index();
        self.findings
            .get(at)?
            .iter()
            .chain(self.sole_resource_findings.get(at)?.iter())
            .find(|finding| finding.rule == rule)
    }

    fn acceptance_of(&self, finding: &Finding) -> Option<AcceptedAs> {
        self.accepted
            .iter()
            .find(|acceptance| {
                acceptance.rule == finding.rule
                    && acceptance.node == finding.node
                    && acceptance.holds_on(self.as_of)
            })
            .map(|acceptance| AcceptedAs {
                reason: acceptance.reason.clone(),
                until: acceptance.until,
            })
    }

    /// The whole analysis, as [`super::analyse`] gives it.
    ///
    /// # Complexity
    /// O(n + f log f) for n nodes and f findings: for a whole answer, not for an edit.
    pub fn analysis(&self) -> Analysis {
        let findings: Vec<Finding> = self
            .findings
            .iter()
            .flatten()
            .chain(self.sole_resource_findings.iter().flatten())
            .map(|finding| {
                let mut finding = finding.clone();
                finding.accepted = self.acceptance_of(&finding);
                finding
            })
            .chain(self.stale_acceptances.iter().cloned())
            .collect();
        let findings = sorted(findings);
        Analysis {
            as_of: self.as_of,
            summary: Summary::new(&findings, self.score),
            findings,
        }
    }

    fn grow_to(&mut self, bound: usize) {
        self.facts.grow_to(bound);
        if self.findings.len() >= bound {
            return;
        }
        self.findings.resize_with(bound, Vec::new);
        self.sole_resource_findings.resize(bound, None);
        self.goals_behind.resize_with(bound, Vec::new);
        self.listed_behind.resize(bound, None);
        self.scored.resize(bound, false);
        self.aligned.resize(bound, false);
        self.occupied.resize(bound, false);
    }

    /// Gathers again the facts of `seeds`, of the nodes removed since the last update,
    /// and of every node they reach, then asks their rules again.
    fn refresh(&mut self, plan: &PlanGraph, mut seeds: Vec<NodeIndex>) -> AnalysisChange {
        let graph = plan.inner();
        self.grow_to(graph.node_bound());
        // A removed node leaves its index empty; its findings must go.
        seeds.extend(
            (0..self.occupied.len())
                .map(NodeIndex::new)
                .filter(|&at| self.occupied[at.index()] && !graph.contains_node(at)),
        );
        let mut facts = Facts {
            plan,
            tables: std::mem::take(&mut self.facts),
        };
        for &at in &seeds {
            facts.refresh_own(at);
            self.occupied[at.index()] = graph.contains_node(at);
        }
        // Counting allocations depend on the presence of both ends of a link.
        let mut allocation_scope = Scope::new(self.occupied.len());
        for &at in &seeds {
            allocation_scope.insert(at);
            for direction in [Direction::Outgoing, Direction::Incoming] {
                for edge in graph.edges_directed(at, direction) {
                    if edge.weight().kind == LinkKind::Allocates {
                        allocation_scope.insert(if direction == Direction::Outgoing {
                            edge.target()
                        } else {
                            edge.source()
                        });
                    }
                }
            }
        }
        for &at in &allocation_scope.members {
            facts.refresh_allocations(at);
        }
        let upward = Scope::closure(plan, &allocation_scope.members, Direction::Outgoing);
        for at in upward.topological(plan, Direction::Outgoing) {
            facts.refresh_upward(at);
        }
        let downward = Scope::closure(plan, &seeds, Direction::Incoming);
        for at in downward.topological(plan, Direction::Incoming) {
            facts.refresh_downward(at);
        }

        let mut change = ChangeBuilder::default();
        let mut resources_to_recheck: HashSet<NodeIndex> = HashSet::new();
        let seed_set: HashSet<NodeIndex> = seeds.iter().copied().collect();
        let mut rechecked = Scope::new(self.occupied.len());
        for &at in upward.members.iter().chain(&downward.members) {
            if !rechecked.insert(at) {
                continue;
            }
            self.recheck_node(&facts, at, &mut change);
            let listed = checks::sole_resource_behind(&facts, at);
            let before = self.listed_behind[at.index()];
            if listed != before {
                if let Some(resource) = before {
                    let goals = &mut self.goals_behind[resource.index()];
                    if let Some(place) = goals.iter().position(|&goal| goal == at) {
                        goals.swap_remove(place);
                    }
                }
                if let Some(resource) = listed {
                    self.goals_behind[resource.index()].push(at);
                }
                self.listed_behind[at.index()] = listed;
            }
            // A goal's title is in its resource's finding, and a resource's own.
            if listed != before || seed_set.contains(&at) {
                resources_to_recheck.extend(before);
                resources_to_recheck.extend(listed);
            }
            if seed_set.contains(&at) {
                resources_to_recheck.insert(at);
            }
        }
        for resource in resources_to_recheck {
            let i = resource.index();
            let found = if facts.is_present(resource) {
                checks::single_point_of_failure(&facts, resource, &mut self.goals_behind[i])
            } else {
                None
            };
            let old = std::mem::replace(&mut self.sole_resource_findings[i], found);
            let new = self.sole_resource_findings[i].clone();
            self.compare(
                old.into_iter().collect(),
                new.into_iter().collect(),
                &mut change,
            );
        }
        self.facts = facts.tables;
        change.finish(self.summary())
    }

    /// Asks the per-node rules about one node again and keeps the score and counts.
    fn recheck_node(&mut self, facts: &Facts, at: NodeIndex, change: &mut ChangeBuilder) {
        let i = at.index();
        let mut found = Vec::new();
        let (mut scored, mut aligned) = (false, false);
        if facts.is_present(at) {
            let node = facts.node(at);
            let misaligned = check_node(facts, at, node, self.as_of, &mut found);
            scored = is_scored(node.kind);
            aligned = scored && !misaligned;
        }
        if self.scored[i] {
            self.score.scored -= 1;
        }
        if self.aligned[i] {
            self.score.aligned -= 1;
        }
        self.score.scored += usize::from(scored);
        self.score.aligned += usize::from(aligned);
        self.scored[i] = scored;
        self.aligned[i] = aligned;
        let old = std::mem::replace(&mut self.findings[i], found);
        let new = self.findings[i].clone();
        self.compare(old, new, change);
    }

    /// Counts the findings of one node that went and came, and notes what changed.
    fn compare(&mut self, old: Vec<Finding>, new: Vec<Finding>, change: &mut ChangeBuilder) {
        for finding in &old {
            self.severity_counts[finding.severity as usize] -= 1;
            if !new
                .iter()
                .any(|now| now.rule == finding.rule && now.node == finding.node)
            {
                change.removed.push(FindingKey::of(finding));
            }
        }
        for finding in new {
            self.severity_counts[finding.severity as usize] += 1;
            if !old.contains(&finding) {
                change.upserted.push(finding);
            }
        }
    }
}

/// The ids an edit touches; true when it changes the plan's settings (which every
/// node's `stale_review` reads).
fn touched_ids<'e>(edit: &'e Edit, ids: &mut Vec<&'e str>) -> bool {
    match edit {
        Edit::AddNode { node } | Edit::UpdateNode { node } => {
            ids.push(&node.id);
            false
        }
        Edit::RemoveNode { id } => {
            ids.push(id);
            false
        }
        Edit::AddLink { link } | Edit::UpdateLink { link } => {
            ids.extend([link.from.as_str(), link.to.as_str()]);
            false
        }
        Edit::RemoveLink { key } => {
            ids.extend([key.from.as_str(), key.to.as_str()]);
            false
        }
        Edit::UpdateSettings { .. } => true,
        // Acceptances change no rule's own finding: only their overlay, redone each time.
        Edit::SetAcceptances { .. } => false,
        Edit::Batch { edits } => edits
            .iter()
            .fold(false, |settings, edit| touched_ids(edit, ids) | settings),
    }
}

#[derive(Default)]
struct ChangeBuilder {
    removed: Vec<FindingKey>,
    upserted: Vec<Finding>,
}

impl ChangeBuilder {
    /// A node removed and added again in one edit can sit at a new index: its findings
    /// then leave the old index and arrive at the new one, and only the arrival stands.
    fn finish(mut self, summary: Summary) -> AnalysisChange {
        let arrived: HashSet<(Rule, &str)> = self
            .upserted
            .iter()
            .map(|finding| (finding.rule, finding.node.as_str()))
            .collect();
        self.removed
            .retain(|key| !arrived.contains(&(key.rule, key.node.as_str())));
        drop(arrived);
        self.removed.sort_unstable();
        self.removed.dedup();
        AnalysisChange {
            removed: self.removed,
            upserted: self.upserted,
            summary,
        }
    }
}

/// A set of node indices, in the order they joined.
struct Scope {
    member: Vec<bool>,
    members: Vec<NodeIndex>,
}

impl Scope {
    fn new(bound: usize) -> Scope {
        Scope {
            member: vec![false; bound],
            members: Vec::new(),
        }
    }

    /// Adds a node; false if it was already in.
    fn insert(&mut self, at: NodeIndex) -> bool {
        let joined = !std::mem::replace(&mut self.member[at.index()], true);
        if joined {
            self.members.push(at);
        }
        joined
    }

    /// `start` and every node reached from it along `supports` links in `direction`,
    /// dropped nodes included (whether they count is for the facts to say).
    fn closure(plan: &PlanGraph, start: &[NodeIndex], direction: Direction) -> Scope {
        let graph = plan.inner();
        let mut scope = Scope::new(graph.node_bound().max(start_bound(start)));
        let mut stack: Vec<NodeIndex> = start
            .iter()
            .copied()
            .filter(|&at| scope.insert(at))
            .collect();
        while let Some(at) = stack.pop() {
            for edge in graph.edges_directed(at, direction) {
                let next = if direction == Direction::Outgoing {
                    edge.target()
                } else {
                    edge.source()
                };
                if edge.weight().kind == LinkKind::Supports && scope.insert(next) {
                    stack.push(next);
                }
            }
        }
        scope
    }

    /// The members ordered so that every `supports` link between two of them is
    /// followed in `direction` from an earlier to a later one (Kahn's algorithm on the
    /// members alone; `supports` links never close a loop).
    fn topological(&self, plan: &PlanGraph, direction: Direction) -> Vec<NodeIndex> {
        let graph = plan.inner();
        let behind = direction.opposite();
        let before_count = |at: NodeIndex| {
            graph
                .edges_directed(at, behind)
                .filter(|edge| {
                    let other = if behind == Direction::Incoming {
                        edge.source()
                    } else {
                        edge.target()
                    };
                    edge.weight().kind == LinkKind::Supports && self.member[other.index()]
                })
                .count()
        };
        let mut waiting: hashbrown::HashMap<NodeIndex, usize> = hashbrown::HashMap::new();
        let mut order: Vec<NodeIndex> = Vec::with_capacity(self.members.len());
        for &at in &self.members {
            match before_count(at) {
                0 => order.push(at),
                count => {
                    waiting.insert(at, count);
                }
            }
        }
        let mut next = 0;
        while next < order.len() {
            let at = order[next];
            next += 1;
            for edge in graph.edges_directed(at, direction) {
                let after = if direction == Direction::Outgoing {
                    edge.target()
                } else {
                    edge.source()
                };
                if edge.weight().kind != LinkKind::Supports || !self.member[after.index()] {
                    continue;
                }
                if let Some(count) = waiting.get_mut(&after) {
                    *count -= 1;
                    if *count == 0 {
                        waiting.remove(&after);
                        order.push(after);
                    }
                }
            }
        }
        order
    }
}

/// Room for removed nodes' indices, which can lie beyond the graph's current bound.
fn start_bound(start: &[NodeIndex]) -> usize {
    start.iter().map(|at| at.index() + 1).max().unwrap_or(0)
}
