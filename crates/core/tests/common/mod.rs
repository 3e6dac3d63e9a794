//! Small builders for the core's integration tests: plans written in a line each,
//! and quick views of an analysis.
#![allow(dead_code)] // each test file uses its own share of these

pub mod foreign;

use chrono::NaiveDate;
use throughline_core::{
    Analysis, Finding, Link, Node, NodeKind, Plan, PlanGraph, ResourceType, Rule, Status, analyse,
};

/// The as-of date the rule tests analyse on.
pub const AS_OF: &str = "2026-06-15";

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test dates are YYYY-MM-DD")
}

pub fn as_of() -> NaiveDate {
    date(AS_OF)
}

/// A plan under construction. Nodes start "tidy" (a why, reviewed on the as-of
/// date) so that only the rules a test is about have anything to say.
#[derive(Debug, Clone)]
pub struct PlanBuilder {
    pub plan: Plan,
}

impl Default for PlanBuilder {
    fn default() -> Self {
        PlanBuilder::new()
    }
}

impl PlanBuilder {
    pub fn new() -> PlanBuilder {
        PlanBuilder {
            plan: Plan::new("Test plan"),
        }
    }

    pub fn cadence(mut self, days: u32) -> PlanBuilder {
        self.plan.review_cadence_days = days;
        self
    }

    pub fn node(mut self, id: &str, kind: NodeKind) -> PlanBuilder {
        let mut node = Node::new(id, kind, format!("Title of {id}"));
        node.why = Some(format!("Why {id} matters"));
        node.last_reviewed = Some(as_of());
        self.plan.nodes.push(node);
        self
    }

    pub fn org(self, id: &str) -> PlanBuilder {
        self.node(id, NodeKind::OrgGoal)
    }

    pub fn team(self, id: &str) -> PlanBuilder {
        self.node(id, NodeKind::TeamGoal)
    }

    pub fn strategy(self, id: &str) -> PlanBuilder {
        self.node(id, NodeKind::Strategy)
    }

    pub fn initiative(self, id: &str) -> PlanBuilder {
        self.node(id, NodeKind::Initiative)
    }

    pub fn resource(mut self, id: &str, ty: ResourceType) -> PlanBuilder {
        self.plan
            .nodes
            .push(Node::resource(id, ty, format!("Title of {id}")));
        self
    }

    /// A resource with a capacity.
    pub fn pool(mut self, id: &str, ty: ResourceType, capacity: f64) -> PlanBuilder {
        let mut node = Node::resource(id, ty, format!("Title of {id}"));
        node.capacity = Some(capacity);
        self.plan.nodes.push(node);
        self
    }

    /// Changes the node with this id (which must exist already).
    pub fn with(mut self, id: &str, change: impl FnOnce(&mut Node)) -> PlanBuilder {
        let node = self
            .plan
            .nodes
            .iter_mut()
            .find(|node| node.id == id)
            .unwrap_or_else(|| panic!("test plan has no node {id}"));
        change(node);
        self
    }

    pub fn status(self, id: &str, status: Status) -> PlanBuilder {
        self.with(id, |node| node.status = status)
    }

    pub fn dropped(self, id: &str) -> PlanBuilder {
        self.status(id, Status::Dropped)
    }

    pub fn supports(mut self, from: &str, to: &str) -> PlanBuilder {
        self.plan.links.push(Link::supports(from, to));
        self
    }

    pub fn allocates(mut self, from: &str, to: &str, amount: f64) -> PlanBuilder {
        self.plan.links.push(Link::allocates(from, to, amount));
        self
    }

    pub fn graph(self) -> PlanGraph {
        PlanGraph::from_plan(self.plan).expect("the test plan follows the rules")
    }

    pub fn analyse(self) -> Analysis {
        analyse(&self.graph(), as_of())
    }
}

/// The findings of one rule.
pub fn of_rule(analysis: &Analysis, rule: Rule) -> Vec<&Finding> {
    analysis
        .findings
        .iter()
        .filter(|finding| finding.rule == rule)
        .collect()
}

/// The nodes one rule fires for, in the analysis' order.
pub fn fired(analysis: &Analysis, rule: Rule) -> Vec<String> {
    of_rule(analysis, rule)
        .into_iter()
        .map(|finding| finding.node.clone())
        .collect()
}

/// The one finding of a rule about a node; fails the test if there is not exactly one.
pub fn finding<'a>(analysis: &'a Analysis, rule: Rule, node: &str) -> &'a Finding {
    let found: Vec<&Finding> = analysis
        .findings
        .iter()
        .filter(|finding| finding.rule == rule && finding.node == node)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected exactly one {} finding for {node}, got {found:#?}",
        rule.as_str()
    );
    found[0]
}

pub fn ids(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| (*item).to_owned()).collect()
}
