//! The alignment analysis of ALIGNMENT-RULES.md: findings and the alignment score.
//!
//! [`analyse`] gathers the facts every rule needs once ([`facts`]), then asks each rule
//! ([`checks`], one small function per rule, beside its line of the spec) about each
//! present node, and tallies the score as it goes. The cost grows linearly with the
//! size of the plan. The as-of date is passed in, never read from the clock.

use chrono::NaiveDate;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::IntoNodeReferences;

use crate::graph::PlanGraph;
use crate::model::Node;

mod checks;
mod facts;
mod finding;
mod incremental;
mod rule;

pub use finding::{
    AcceptedAs, Allocation, Analysis, Finding, SCORE_SENTENCE, ScoreTally, Summary, is_scored,
};
pub use incremental::{AnalysisChange, FindingKey, IncrementalAnalysis};
pub use rule::{Rule, Severity};

use facts::Facts;

/// What each present resource gives out: the sum of its counting allocations
/// (ALIGNMENT-RULES.md: to present nodes, with `amount > 0`), summed in the order
/// `over_allocated` sums them, so a figure shown beside its finding is the same to the
/// last digit. Resources with no counting allocation are absent.
///
/// The one definition the app's Resources view and the reports read.
pub fn allocated_by_resource(plan: &PlanGraph) -> std::collections::BTreeMap<String, f64> {
    plan.nodes()
        .filter(|node| node.kind == crate::model::NodeKind::Resource)
        .filter_map(|node| Some((node.id.clone(), allocated_by(plan, &node.id)?)))
        .collect()
}

/// What one resource gives out, as [`allocated_by_resource`] gives it: `None` for a
/// resource with no counting allocation, a dropped one or an unknown id.
pub fn allocated_by(plan: &PlanGraph, resource: &str) -> Option<f64> {
    use petgraph::visit::EdgeRef;
    let graph = plan.inner();
    let at = plan.lookup(resource)?;
    if !graph[at].node.is_present() {
        return None;
    }
    let mut to: Vec<(&str, f64)> = graph
        .edges_directed(at, petgraph::Direction::Outgoing)
        .filter(|edge| {
            edge.weight().kind == crate::model::LinkKind::Allocates
                && graph[edge.target()].node.is_present()
        })
        .filter_map(|edge| {
            let amount = edge.weight().amount.unwrap_or(0.0);
            (amount > 0.0).then(|| (graph[edge.target()].node.id.as_str(), amount))
        })
        .collect();
    if to.is_empty() {
        return None;
    }
    to.sort_unstable_by(|a, b| a.0.cmp(b.0));
    Some(to.iter().map(|(_, amount)| amount).sum())
}

/// Analyses the plan as of the given date.
///
/// # Complexity
/// O(n + m) for n nodes and m links, plus sorting the findings.
pub fn analyse(plan: &PlanGraph, as_of: NaiveDate) -> Analysis {
    let facts = Facts::gather(plan);
    let mut findings = Vec::new();
    let mut score = ScoreTally::default();
    for (at, slot) in plan.inner().node_references() {
        let node = &slot.node;
        if !facts.is_present(at) {
            continue;
        }
        let misaligned = check_node(&facts, at, node, as_of, &mut findings);
        score.count(node.kind, misaligned);
    }
    findings.extend(checks::single_points_of_failure(&facts));
    checks::apply_acceptances(plan, as_of, &mut findings);

    let findings = sorted(findings);
    Analysis {
        as_of,
        summary: Summary::new(&findings, score),
        findings,
    }
}

/// Asks every per-node rule about one present node, adding what they find to `found`;
/// answers whether a rule that lowers alignment fired (for the score).
fn check_node(
    facts: &Facts,
    at: NodeIndex,
    node: &Node,
    as_of: NaiveDate,
    found: &mut Vec<Finding>,
) -> bool {
    let first = found.len();
    checks::orphan(facts, at, node, found);
    checks::unsupported_goal(facts, at, node, found);
    checks::unresourced_goal(facts, at, node, found);
    checks::over_allocated(facts, at, node, found);
    checks::unresourced_strategy(facts, at, node, found);
    checks::unresourced_initiative(facts, at, node, found);
    checks::missing_why(node, found);
    checks::stale_review(facts, node, as_of, found);
    checks::past_target(node, as_of, found);
    checks::capability_gap(facts, at, node, found);
    checks::idle_resource(facts, at, node, found);
    found[first..]
        .iter()
        .any(|finding| finding.rule.lowers_alignment())
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
