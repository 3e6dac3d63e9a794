//! The facts every rule reads, gathered once per analysis: which nodes are present,
//! which are resourced and by what, what reaches each node from below and whether each
//! node reaches an organizational goal.
//!
//! Gathered in one pass over the links, one over the `supports` graph in topological
//! order (upward) and one in reverse (downward), carrying small per-node values, so the
//! cost grows linearly with the size of the plan. The rules themselves
//! ([`super::checks`]) then only look facts up.

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

use crate::graph::PlanGraph;
use crate::model::{LinkKind, Node, NodeKind};

/// How many distinct resources stand behind a node: the lattice None < One(r) < Many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Backing {
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

/// Per-node facts, indexed by `NodeIndex::index()`. The terms are those of
/// ALIGNMENT-RULES.md ("present", "reaches", "counting allocation", "resourced").
#[derive(Debug)]
pub(super) struct Facts<'a> {
    pub plan: &'a PlanGraph,
    /// Not dropped.
    pub present: Vec<bool>,
    /// Each node's kind, kept compact: passes over every node then read a byte per
    /// node rather than the node itself.
    pub kind: Vec<NodeKind>,
    /// Has at least one counting allocation.
    pub resourced: Vec<bool>,
    /// The resource types of its own counting allocations (bits of `ResourceType::bit`).
    pub own_types: Vec<u8>,
    /// A resource with at least one counting allocation.
    pub allocates_any: Vec<bool>,
    /// Some present action reaches it.
    pub reached_by_action: Vec<bool>,
    /// Some resourced action reaches it.
    pub reached_by_resourced_action: Vec<bool>,
    /// Some resourced initiative reaches it.
    pub reached_by_resourced_initiative: Vec<bool>,
    /// The resource types allocated to initiatives that reach it.
    pub initiative_types: Vec<u8>,
    /// The resources allocated to it (if an action) and to the actions that reach it.
    pub backing: Vec<Backing>,
    /// It reaches a present org goal.
    pub reaches_org: Vec<bool>,
    /// Of its chains of links upward, where the one ending at the smallest id stops.
    pub dead_end: Vec<Option<NodeIndex>>,
}

impl<'a> Facts<'a> {
    /// Gathers every fact of the plan.
    ///
    /// # Complexity
    /// O(n + m) for n nodes and m links.
    pub fn gather(plan: &'a PlanGraph) -> Facts<'a> {
        let bound = plan.inner().node_bound();
        let mut facts = Facts {
            plan,
            present: vec![false; bound],
            kind: vec![NodeKind::Resource; bound],
            resourced: vec![false; bound],
            own_types: vec![0; bound],
            allocates_any: vec![false; bound],
            reached_by_action: vec![false; bound],
            reached_by_resourced_action: vec![false; bound],
            reached_by_resourced_initiative: vec![false; bound],
            initiative_types: vec![0; bound],
            backing: vec![Backing::None; bound],
            reaches_org: vec![false; bound],
            dead_end: vec![None; bound],
        };
        for at in plan.inner().node_indices() {
            let node = facts.node(at);
            facts.present[at.index()] = node.is_present();
            facts.kind[at.index()] = node.kind;
        }
        let own_backing = facts.gather_allocations();
        let order = facts.topological_order();
        facts.gather_upward(&order, &own_backing);
        facts.gather_downward(&order);
        facts
    }

    pub fn node(&self, at: NodeIndex) -> &'a Node {
        &self.plan.inner()[at].node
    }

    pub fn is_present(&self, at: NodeIndex) -> bool {
        self.present[at.index()]
    }

    /// Counting allocations: who is resourced, with which types, by which resources.
    /// Returns each node's own backing (the resources allocated to it directly).
    fn gather_allocations(&mut self) -> Vec<Backing> {
        let graph = self.plan.inner();
        // Plain slices in the hot loops: a fact vector reached through `self` would be
        // looked up again after every write to another.
        let present: &[bool] = &self.present;
        let resourced: &mut [bool] = &mut self.resourced;
        let own_types: &mut [u8] = &mut self.own_types;
        let allocates_any: &mut [bool] = &mut self.allocates_any;
        let mut own_backing = vec![Backing::None; present.len()];
        for edge in graph.edge_references() {
            let (from, to) = (edge.source(), edge.target());
            let link = edge.weight();
            if link.kind != LinkKind::Allocates || !present[from.index()] || !present[to.index()] {
                continue;
            }
            if link.amount.unwrap_or(0.0) <= 0.0 {
                continue;
            }
            resourced[to.index()] = true;
            if let Some(ty) = graph[from].node.resource_type {
                own_types[to.index()] |= ty.bit();
            }
            own_backing[to.index()] = own_backing[to.index()].join(Backing::One(from));
            allocates_any[from.index()] = true;
        }
        own_backing
    }

    /// What reaches each node from below, carried up the `supports` links.
    fn gather_upward(&mut self, order: &[NodeIndex], own_backing: &[Backing]) {
        let graph = self.plan.inner();
        let present: &[bool] = &self.present;
        let kinds: &[NodeKind] = &self.kind;
        let resourced: &[bool] = &self.resourced;
        let own_types: &[u8] = &self.own_types;
        let reached_by_action: &mut [bool] = &mut self.reached_by_action;
        let reached_by_resourced_action: &mut [bool] = &mut self.reached_by_resourced_action;
        let reached_by_resourced_initiative: &mut [bool] =
            &mut self.reached_by_resourced_initiative;
        let initiative_types: &mut [u8] = &mut self.initiative_types;
        let backing: &mut [Backing] = &mut self.backing;
        for &at in order {
            let i = at.index();
            let kind = kinds[i];
            let is_action = kind.is_action();
            let is_initiative = kind == NodeKind::Initiative;
            let gives_action = reached_by_action[i] || is_action;
            let gives_resourced_action =
                reached_by_resourced_action[i] || (is_action && resourced[i]);
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
                if edge.weight().kind != LinkKind::Supports || !present[up.index()] {
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
    }

    /// Whether each node reaches an org goal, and where its chain stops, carried down.
    fn gather_downward(&mut self, order: &[NodeIndex]) {
        let plan = self.plan;
        let node = |at: NodeIndex| &plan.inner()[at].node;
        let present: &[bool] = &self.present;
        let kinds: &[NodeKind] = &self.kind;
        let reaches_org: &mut [bool] = &mut self.reaches_org;
        let dead_end: &mut [Option<NodeIndex>] = &mut self.dead_end;
        for &at in order.iter().rev() {
            let i = at.index();
            let mut has_way_up = false;
            for up in supports_up(plan, present, at) {
                has_way_up = true;
                let u = up.index();
                if kinds[u] == NodeKind::OrgGoal || reaches_org[u] {
                    reaches_org[i] = true;
                }
                // Of several ways up, keep the dead end with the smallest id: the evidence
                // must depend on the plan alone, not on the order links were added in.
                dead_end[i] = match (dead_end[i], dead_end[u]) {
                    (Some(kept), Some(other)) if node(other).id < node(kept).id => Some(other),
                    (None, other) => other,
                    (kept, _) => kept,
                };
            }
            if !has_way_up {
                dead_end[i] = Some(at);
            }
        }
    }

    /// Present nodes ordered so that every `supports` link between present nodes goes
    /// from an earlier node to a later one (Kahn's algorithm; the graph has no loops).
    fn topological_order(&self) -> Vec<NodeIndex> {
        let graph = self.plan.inner();
        let mut indegree = vec![0u32; self.present.len()];
        for edge in graph.edge_references() {
            if edge.weight().kind == LinkKind::Supports
                && self.is_present(edge.source())
                && self.is_present(edge.target())
            {
                indegree[edge.target().index()] += 1;
            }
        }
        let mut order: Vec<NodeIndex> = graph
            .node_indices()
            .filter(|&at| self.is_present(at) && indegree[at.index()] == 0)
            .collect();
        let mut next = 0;
        while next < order.len() {
            let at = order[next];
            next += 1;
            for up in self.supports_up(at) {
                indegree[up.index()] -= 1;
                if indegree[up.index()] == 0 {
                    order.push(up);
                }
            }
        }
        order
    }

    /// The present nodes that a present node supports directly.
    pub fn supports_up(&self, at: NodeIndex) -> impl Iterator<Item = NodeIndex> + '_ {
        supports_up(self.plan, &self.present, at)
    }

    /// A resource's allocations that count (positive, to a present node), unsorted.
    /// Borrowed: most resources are within capacity and never show them.
    pub fn counting_allocations(&self, resource: NodeIndex) -> Vec<(&'a str, f64)> {
        let graph = self.plan.inner();
        graph
            .edges_directed(resource, Direction::Outgoing)
            .filter(|edge| {
                edge.weight().kind == LinkKind::Allocates && self.is_present(edge.target())
            })
            .filter_map(|edge| {
                let amount = edge.weight().amount.unwrap_or(0.0);
                (amount > 0.0).then(|| (graph[edge.target()].node.id.as_str(), amount))
            })
            .collect()
    }
}

/// The present nodes that a present node supports directly (a free function, so that a
/// pass can read `present` while it writes other facts).
fn supports_up<'g>(
    plan: &'g PlanGraph,
    present: &'g [bool],
    at: NodeIndex,
) -> impl Iterator<Item = NodeIndex> + 'g {
    plan.inner()
        .edges_directed(at, Direction::Outgoing)
        .filter(move |edge| {
            edge.weight().kind == LinkKind::Supports && present[edge.target().index()]
        })
        .map(|edge| edge.target())
}
