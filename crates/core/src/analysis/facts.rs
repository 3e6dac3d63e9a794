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
///
/// Owned apart from the plan, so that an [`super::IncrementalAnalysis`] can keep them
/// between edits and bring only the nodes an edit can reach up to date.
#[derive(Debug, Clone, Default)]
pub(super) struct FactTables {
    /// Not dropped.
    pub present: Vec<bool>,
    /// Each node's kind, kept compact: passes over every node then read a byte per
    /// node rather than the node itself.
    pub kind: Vec<NodeKind>,
    /// Has at least one counting allocation.
    pub resourced: Vec<bool>,
    /// The resource types of its own counting allocations (bits of `ResourceType::bit`).
    pub own_types: Vec<u8>,
    /// The resources allocated to it directly.
    pub own_backing: Vec<Backing>,
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

impl FactTables {
    /// Makes room for every index below `bound`; new places hold the facts of an absent node.
    pub fn grow_to(&mut self, bound: usize) {
        if self.present.len() >= bound {
            return;
        }
        self.present.resize(bound, false);
        self.kind.resize(bound, NodeKind::Resource);
        self.resourced.resize(bound, false);
        self.own_types.resize(bound, 0);
        self.own_backing.resize(bound, Backing::None);
        self.allocates_any.resize(bound, false);
        self.reached_by_action.resize(bound, false);
        self.reached_by_resourced_action.resize(bound, false);
        self.reached_by_resourced_initiative.resize(bound, false);
        self.initiative_types.resize(bound, 0);
        self.backing.resize(bound, Backing::None);
        self.reaches_org.resize(bound, false);
        self.dead_end.resize(bound, None);
    }
}

/// The facts of one plan: its [`FactTables`] beside the plan they describe.
#[derive(Debug)]
pub(super) struct Facts<'a> {
    pub plan: &'a PlanGraph,
    pub tables: FactTables,
}

impl std::ops::Deref for Facts<'_> {
    type Target = FactTables;

    fn deref(&self) -> &FactTables {
        &self.tables
    }
}

impl<'a> Facts<'a> {
    /// Gathers every fact of the plan.
    ///
    /// # Complexity
    /// O(n + m) for n nodes and m links.
    pub fn gather(plan: &'a PlanGraph) -> Facts<'a> {
        let mut facts = Facts {
            plan,
            tables: FactTables::default(),
        };
        facts.tables.grow_to(plan.inner().node_bound());
        let everything: Vec<NodeIndex> = plan.inner().node_indices().collect();
        for &at in &everything {
            facts.refresh_own(at);
        }
        for &at in &everything {
            facts.refresh_allocations(at);
        }
        let order = facts.topological_order();
        for &at in &order {
            facts.refresh_upward(at);
        }
        for &at in order.iter().rev() {
            facts.refresh_downward(at);
        }
        facts
    }

    pub fn node(&self, at: NodeIndex) -> &'a Node {
        &self.plan.inner()[at].node
    }

    pub fn is_present(&self, at: NodeIndex) -> bool {
        self.present[at.index()]
    }

    /// A node's own presence and kind (an absent index reads as a dropped node).
    pub fn refresh_own(&mut self, at: NodeIndex) {
        let i = at.index();
        match self.plan.inner().node_weight(at) {
            Some(slot) => {
                self.tables.present[i] = slot.node.is_present();
                self.tables.kind[i] = slot.node.kind;
            }
            None => {
                self.tables.present[i] = false;
                self.tables.kind[i] = NodeKind::Resource;
            }
        }
    }

    /// A node's counting allocations: whether it is resourced, with which types, by
    /// which resources, and (for a resource) whether it allocates anything. Reads only
    /// the node's own links and the presence of their other ends.
    pub fn refresh_allocations(&mut self, at: NodeIndex) {
        let graph = self.plan.inner();
        let tables = &mut self.tables;
        let i = at.index();
        let mut resourced = false;
        let mut own_types = 0;
        let mut own_backing = Backing::None;
        let mut allocates_any = false;
        if tables.present[i] {
            let counts =
                |edge: &petgraph::stable_graph::EdgeReference<'_, crate::graph::LinkSlot>,
                 present: &[bool]| {
                    edge.weight().kind == LinkKind::Allocates
                        && present[edge.source().index()]
                        && present[edge.target().index()]
                        && edge.weight().amount.unwrap_or(0.0) > 0.0
                };
            for edge in graph.edges_directed(at, Direction::Incoming) {
                if !counts(&edge, &tables.present) {
                    continue;
                }
                let from = edge.source();
                resourced = true;
                if let Some(ty) = graph[from].node.resource_type {
                    own_types |= ty.bit();
                }
                own_backing = own_backing.join(Backing::One(from));
            }
            allocates_any = graph
                .edges_directed(at, Direction::Outgoing)
                .any(|edge| counts(&edge, &tables.present));
        }
        tables.resourced[i] = resourced;
        tables.own_types[i] = own_types;
        tables.own_backing[i] = own_backing;
        tables.allocates_any[i] = allocates_any;
    }

    /// What reaches a node from below, read from the nodes directly below it (whose
    /// facts must be up to date: call in topological order).
    pub fn refresh_upward(&mut self, at: NodeIndex) {
        let graph = self.plan.inner();
        let tables = &mut self.tables;
        let i = at.index();
        let mut reached_by_action = false;
        let mut reached_by_resourced_action = false;
        let mut reached_by_resourced_initiative = false;
        let mut initiative_types = 0;
        let mut backing = Backing::None;
        if tables.present[i] {
            for edge in graph.edges_directed(at, Direction::Incoming) {
                let below = edge.source().index();
                if edge.weight().kind != LinkKind::Supports || !tables.present[below] {
                    continue;
                }
                let kind = tables.kind[below];
                let is_action = kind.is_action();
                let is_initiative = kind == NodeKind::Initiative;
                let resourced = tables.resourced[below];
                reached_by_action |= tables.reached_by_action[below] || is_action;
                reached_by_resourced_action |=
                    tables.reached_by_resourced_action[below] || (is_action && resourced);
                reached_by_resourced_initiative |=
                    tables.reached_by_resourced_initiative[below] || (is_initiative && resourced);
                initiative_types |= tables.initiative_types[below]
                    | if is_initiative {
                        tables.own_types[below]
                    } else {
                        0
                    };
                backing = backing.join(if is_action {
                    tables.backing[below].join(tables.own_backing[below])
                } else {
                    tables.backing[below]
                });
            }
        }
        tables.reached_by_action[i] = reached_by_action;
        tables.reached_by_resourced_action[i] = reached_by_resourced_action;
        tables.reached_by_resourced_initiative[i] = reached_by_resourced_initiative;
        tables.initiative_types[i] = initiative_types;
        tables.backing[i] = backing;
    }

    /// Whether a node reaches an org goal, and where its chain stops, read from the
    /// nodes directly above it (whose facts must be up to date: call in reverse
    /// topological order).
    pub fn refresh_downward(&mut self, at: NodeIndex) {
        let plan = self.plan;
        let node = |at: NodeIndex| &plan.inner()[at].node;
        let tables = &mut self.tables;
        let i = at.index();
        let mut reaches_org = false;
        let mut dead_end = None;
        if tables.present[i] {
            let mut has_way_up = false;
            for up in supports_up(plan, &tables.present, at) {
                has_way_up = true;
                let u = up.index();
                if tables.kind[u] == NodeKind::OrgGoal || tables.reaches_org[u] {
                    reaches_org = true;
                }
                // Of several ways up, keep the dead end with the smallest id: the evidence
                // must depend on the plan alone, not on the order links were added in.
                dead_end = match (dead_end, tables.dead_end[u]) {
                    (Some(kept), Some(other)) if node(other).id < node(kept).id => Some(other),
                    (None, other) => other,
                    (kept, _) => kept,
                };
            }
            if !has_way_up {
                dead_end = Some(at);
            }
        }
        tables.reaches_org[i] = reaches_org;
        tables.dead_end[i] = dead_end;
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
