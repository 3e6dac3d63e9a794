//! The plan as a checked graph: every node and link in it obeys the rules of
//! ALIGNMENT-RULES.md and PLAN-FORMAT.md, and every edit either passes those checks
//! and applies whole, or is refused and changes nothing.
//!
//! Nodes are addressed by their string ids; petgraph's indices never leave this crate.

mod build;
mod ids;

use hashbrown::HashMap;
use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

use crate::error::{Error, Result};
use crate::model::{Acceptance, Link, LinkKey, LinkKind, Node, NodeKind, Plan, PlanSettings};

pub(crate) use build::PlanBuilder;
use ids::IdIndex;

/// Longest id the format accepts, in characters.
pub const MAX_ID_CHARS: usize = 64;

/// A node in the graph, with its place in the plan's written order.
#[derive(Debug, Clone)]
pub(crate) struct NodeSlot {
    pub(crate) node: Node,
    seq: u64,
}

/// A link's data; its ends are the graph edge's ends.
#[derive(Debug, Clone)]
pub(crate) struct LinkSlot {
    pub(crate) kind: LinkKind,
    pub(crate) amount: Option<f64>,
    pub(crate) why: Option<String>,
    seq: u64,
}

/// A plan whose every node and link has been checked against the rules.
#[derive(Debug, Clone)]
pub struct PlanGraph {
    settings: PlanSettings,
    graph: StableDiGraph<NodeSlot, LinkSlot>,
    ids: IdIndex,
    next_seq: u64,
    /// The places in the written order of removed nodes and links, so that undoing a
    /// removal (or unwinding a refused batch) puts them back where they were rather
    /// than at the end: an edit and its inverse must give back the very same plan.
    retired_nodes: HashMap<String, u64>,
    retired_links: HashMap<LinkKey, u64>,
    /// Findings the plan's leaders accepted knowingly; each names a node of the plan.
    accepted: Vec<Acceptance>,
}

/// One change to a plan. Applying an edit returns the edit that undoes it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(tag = "op", rename_all = "snake_case")]
#[ts(export)]
pub enum Edit {
    AddNode {
        node: Node,
    },
    /// Replaces the node with the same id (every field but the id may change).
    UpdateNode {
        node: Node,
    },
    /// Removes the node and every link touching it.
    RemoveNode {
        id: String,
    },
    AddLink {
        link: Link,
    },
    /// Replaces the amount and why of the link with the same kind, from and to.
    UpdateLink {
        link: Link,
    },
    RemoveLink {
        key: LinkKey,
    },
    UpdateSettings {
        settings: PlanSettings,
    },
    /// Replaces the plan's accepted findings with this list.
    SetAcceptances {
        accepted: Vec<Acceptance>,
    },
    /// Several edits that apply together or not at all.
    Batch {
        edits: Vec<Edit>,
    },
}

impl PlanGraph {
    /// An empty plan.
    pub fn new(settings: PlanSettings) -> Result<PlanGraph> {
        check_settings(&settings)?;
        Ok(PlanGraph {
            settings,
            graph: StableDiGraph::default(),
            ids: IdIndex::default(),
            next_seq: 0,
            retired_nodes: HashMap::new(),
            retired_links: HashMap::new(),
            accepted: Vec::new(),
        })
    }

    /// Checks a whole plan and builds its graph, or names the first thing wrong with it.
    ///
    /// Cost: linear in the size of the plan (the loop check runs once, at the end).
    pub fn from_plan(plan: Plan) -> Result<PlanGraph> {
        let mut builder = PlanBuilder::with_capacity(plan.nodes.len(), plan.links.len());
        // Stops at the first node or link refused; `finish` says which and why.
        let _all_taken = plan.nodes.into_iter().all(|node| builder.add_node(node))
            && plan
                .links
                .into_iter()
                .all(|link| LinkRef::lend(link, |link| builder.add_link(link)));
        builder.accept(plan.accepted);
        builder.finish(PlanSettings {
            name: plan.name,
            review_cadence_days: plan.review_cadence_days,
        })
    }

    /// The plan as plain data, nodes and links in the order they were added.
    pub fn to_plan(&self) -> Plan {
        self.to_plan_in_order().0
    }

    /// The plan as plain data, with the place in the written order of each node and
    /// each link (ascending), for [`crate::store`]'s copy of the plan kept edit by edit.
    pub(crate) fn to_plan_in_order(&self) -> (Plan, Vec<u64>, Vec<u64>) {
        let mut nodes: Vec<&NodeSlot> = self.graph.node_weights().collect();
        nodes.sort_unstable_by_key(|slot| slot.seq);
        let mut links: Vec<(u64, Link)> = self
            .graph
            .edge_references()
            .map(|edge| (edge.weight().seq, self.link_at(edge.id())))
            .collect();
        links.sort_unstable_by_key(|(seq, _)| *seq);
        let node_seqs = nodes.iter().map(|slot| slot.seq).collect();
        let link_seqs = links.iter().map(|(seq, _)| *seq).collect();
        let plan = Plan {
            name: self.settings.name.clone(),
            review_cadence_days: self.settings.review_cadence_days,
            nodes: nodes.into_iter().map(|slot| slot.node.clone()).collect(),
            links: links.into_iter().map(|(_, link)| link).collect(),
            accepted: self.accepted.clone(),
        };
        (plan, node_seqs, link_seqs)
    }

    /// The node's place in the written order.
    pub(crate) fn node_seq(&self, id: &str) -> Option<u64> {
        self.lookup(id).map(|index| self.graph[index].seq)
    }

    /// The link's place in the written order.
    pub(crate) fn link_seq(&self, key: &LinkKey) -> Option<u64> {
        self.find_link(key).map(|edge| self.graph[edge].seq)
    }

    pub fn settings(&self) -> &PlanSettings {
        &self.settings
    }

    /// The findings the plan's leaders accepted knowingly.
    pub fn accepted(&self) -> &[Acceptance] {
        &self.accepted
    }

    /// Checks a list of acceptances against this plan (PLAN-FORMAT.md, `accepted`):
    /// each names a rule and an existing node, gives a reason, and appears once.
    pub(crate) fn check_acceptances(&self, accepted: &[Acceptance]) -> Result<()> {
        for (index, acceptance) in accepted.iter().enumerate() {
            let place = format!("accepted entry {index}");
            if acceptance.rule == crate::analysis::Rule::StaleAcceptance {
                return Err(Error::field(
                    format!("{place}, field \"rule\""),
                    "stale_acceptance cannot itself be accepted; take the stale acceptance back",
                ));
            }
            if self.lookup(&acceptance.node).is_none() {
                return Err(Error::UnknownNode {
                    id: acceptance.node.clone(),
                }
                .at(place));
            }
            if acceptance.reason.trim().is_empty() {
                return Err(Error::field(
                    format!("{place}, field \"reason\""),
                    "say why the finding is accepted; a reason is required",
                ));
            }
            if accepted[..index]
                .iter()
                .any(|earlier| earlier.rule == acceptance.rule && earlier.node == acceptance.node)
            {
                return Err(Error::field(
                    place,
                    format!(
                        "{} is already accepted for node {}",
                        acceptance.rule.as_str(),
                        crate::text::Literal(&acceptance.node)
                    ),
                ));
            }
        }
        Ok(())
    }

    pub fn name(&self) -> &str {
        &self.settings.name
    }

    pub fn review_cadence_days(&self) -> u32 {
        self.settings.review_cadence_days
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn link_count(&self) -> usize {
        self.graph.edge_count()
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.lookup(id).map(|index| &self.graph[index].node)
    }

    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_weights().map(|slot| &slot.node)
    }

    pub fn link(&self, key: &LinkKey) -> Option<Link> {
        self.find_link(key).map(|edge| self.link_at(edge))
    }

    pub fn links(&self) -> impl Iterator<Item = Link> + '_ {
        self.graph.edge_indices().map(|edge| self.link_at(edge))
    }

    /// Links touching the node, outgoing first.
    pub fn links_of(&self, id: &str) -> Vec<Link> {
        let Some(index) = self.lookup(id) else {
            return Vec::new();
        };
        self.graph
            .edges_directed(index, Direction::Outgoing)
            .chain(self.graph.edges_directed(index, Direction::Incoming))
            .map(|edge| self.link_at(edge.id()))
            .collect()
    }

    /// Applies an edit whole or not at all, and returns the edit that undoes it.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit> {
        match edit {
            Edit::AddNode { node } => {
                let id = node.id.clone();
                self.add_node(node)?;
                Ok(Edit::RemoveNode { id })
            }
            Edit::UpdateNode { node } => {
                let old = self.update_node(node)?;
                Ok(Edit::UpdateNode { node: old })
            }
            Edit::RemoveNode { id } => {
                let (node, links) = self.remove_node(&id)?;
                let mut edits = vec![Edit::AddNode { node }];
                edits.extend(links.into_iter().map(|link| Edit::AddLink { link }));
                // Its acceptances go with it, and come back with it on undo.
                if self.accepted.iter().any(|acceptance| acceptance.node == id) {
                    let kept = self
                        .accepted
                        .iter()
                        .filter(|acceptance| acceptance.node != id)
                        .cloned()
                        .collect();
                    let before = std::mem::replace(&mut self.accepted, kept);
                    edits.push(Edit::SetAcceptances { accepted: before });
                }
                Ok(Edit::Batch { edits })
            }
            Edit::AddLink { link } => {
                let key = link.key();
                self.add_link(link)?;
                Ok(Edit::RemoveLink { key })
            }
            Edit::UpdateLink { link } => {
                let old = self.update_link(link)?;
                Ok(Edit::UpdateLink { link: old })
            }
            Edit::RemoveLink { key } => {
                let link = self.remove_link(&key)?;
                Ok(Edit::AddLink { link })
            }
            Edit::UpdateSettings { settings } => {
                check_settings(&settings)?;
                let old = std::mem::replace(&mut self.settings, settings);
                Ok(Edit::UpdateSettings { settings: old })
            }
            Edit::SetAcceptances { accepted } => {
                self.check_acceptances(&accepted)?;
                let old = std::mem::replace(&mut self.accepted, accepted);
                Ok(Edit::SetAcceptances { accepted: old })
            }
            Edit::Batch { edits } => {
                let mut undo = Vec::with_capacity(edits.len());
                for edit in edits {
                    match self.apply(edit) {
                        Ok(inverse) => undo.push(inverse),
                        Err(error) => {
                            self.unwind(undo);
                            return Err(error);
                        }
                    }
                }
                undo.reverse();
                Ok(Edit::Batch { edits: undo })
            }
        }
    }

    /// Reverts edits that were just applied, newest first. Their inverses cannot fail:
    /// each one restores a state that passed every check a moment ago.
    fn unwind(&mut self, applied_inverses: Vec<Edit>) {
        for inverse in applied_inverses.into_iter().rev() {
            let restored = self.apply(inverse);
            debug_assert!(
                restored.is_ok(),
                "undoing a just-applied edit failed: {restored:?}"
            );
        }
    }

    pub fn add_node(&mut self, node: Node) -> Result<()> {
        let place = format!("node {}", crate::text::Literal(&node.id));
        self.insert_node(node).map_err(|error| match error {
            Error::DuplicateNode { .. } => error,
            other => other.at(place),
        })
    }

    fn insert_node(&mut self, node: Node) -> Result<()> {
        check_node(&node)?;
        if self.lookup(&node.id).is_some() {
            return Err(Error::DuplicateNode { id: node.id });
        }
        self.place_node(node);
        Ok(())
    }

    /// Adds a node that passed its checks and whose id is free.
    fn place_node(&mut self, node: Node) {
        let retired = if self.retired_nodes.is_empty() {
            None
        } else {
            self.retired_nodes.remove(&node.id)
        };
        let seq = match retired {
            Some(seq) => seq,
            None => self.take_seq(),
        };
        let index = self.graph.add_node(NodeSlot { node, seq });
        self.ids.insert(&self.graph[index].node.id, index);
    }

    /// The index of the node with this id.
    pub(crate) fn lookup(&self, id: &str) -> Option<NodeIndex> {
        self.ids.get(id)
    }

    /// Replaces a node's fields, keeping its id, links and place; returns the old node.
    pub fn update_node(&mut self, node: Node) -> Result<Node> {
        check_node(&node)
            .map_err(|error| error.at(format!("node {}", crate::text::Literal(&node.id))))?;
        let index = self.index_of(&node.id)?;
        let old_kind = self.graph[index].node.kind;
        if node.kind != old_kind {
            for edge in self
                .graph
                .edges_directed(index, Direction::Outgoing)
                .chain(self.graph.edges_directed(index, Direction::Incoming))
            {
                let (from, to) = (edge.source(), edge.target());
                let kind_of = |at: NodeIndex| {
                    if at == index {
                        node.kind
                    } else {
                        self.graph[at].node.kind
                    }
                };
                if !edge.weight().kind.allows(kind_of(from), kind_of(to)) {
                    return Err(Error::KindChangeBreaksLink {
                        id: node.id.clone(),
                        to: node.kind,
                        link: self.link_key(edge.id()),
                    });
                }
            }
        }
        Ok(std::mem::replace(&mut self.graph[index].node, node))
    }

    /// Removes a node and the links touching it; returns them so the removal can be undone.
    pub fn remove_node(&mut self, id: &str) -> Result<(Node, Vec<Link>)> {
        let index = self.index_of(id)?;
        let mut edges: Vec<(u64, EdgeIndex)> = self
            .graph
            .edges_directed(index, Direction::Outgoing)
            .chain(self.graph.edges_directed(index, Direction::Incoming))
            .map(|edge| (edge.weight().seq, edge.id()))
            .collect();
        edges.sort_unstable();
        let links: Vec<Link> = edges.iter().map(|(_, edge)| self.link_at(*edge)).collect();
        self.ids.remove(id, index);
        let slot = self
            .graph
            .remove_node(index)
            .ok_or_else(|| Error::UnknownNode { id: id.to_owned() })?;
        for ((seq, _), link) in edges.iter().zip(&links) {
            self.retired_links.insert(link.key(), *seq);
        }
        self.retired_nodes.insert(slot.node.id.clone(), slot.seq);
        Ok((slot.node, links))
    }

    pub fn add_link(&mut self, link: Link) -> Result<()> {
        LinkRef::lend(link, |link| self.insert_link(link, true)).map(|_| ())
    }

    /// Changes a link's amount and why; returns the old link.
    pub fn update_link(&mut self, link: Link) -> Result<Link> {
        check_link_fields(link.kind, link.amount, || link.key())?;
        let key = link.key();
        let edge = self
            .find_link(&key)
            .ok_or(Error::UnknownLink { link: key })?;
        let old = self.link_at(edge);
        let slot = &mut self.graph[edge];
        slot.amount = link.amount;
        slot.why = link.why;
        Ok(old)
    }

    pub fn remove_link(&mut self, key: &LinkKey) -> Result<Link> {
        let edge = self
            .find_link(key)
            .ok_or_else(|| Error::UnknownLink { link: key.clone() })?;
        let link = self.link_at(edge);
        if let Some(slot) = self.graph.remove_edge(edge) {
            self.retired_links.insert(key.clone(), slot.seq);
        }
        Ok(link)
    }

    /// Checks and inserts a link. The loop check is skipped when a whole plan is being
    /// loaded: [`PlanGraph::from_plan`] checks for loops once, in linear time, at the end.
    ///
    /// The link's key (two copied ids) is only made for an error or an undone removal.
    fn insert_link(&mut self, link: LinkRef<'_>, check_loop: bool) -> Result<EdgeIndex> {
        let ends = (self.lookup(link.from), self.lookup(link.to));
        self.insert_link_between(link, ends, check_loop)
    }

    /// [`PlanGraph::insert_link`] with the link's ends already looked up (`None`: no
    /// node has that id).
    fn insert_link_between(
        &mut self,
        link: LinkRef<'_>,
        ends: (Option<NodeIndex>, Option<NodeIndex>),
        check_loop: bool,
    ) -> Result<EdgeIndex> {
        check_link_fields(link.kind, link.amount, || link.key())?;
        let from = ends.0.ok_or_else(|| Error::UnknownNode {
            id: link.from.to_owned(),
        })?;
        let to = ends.1.ok_or_else(|| Error::UnknownNode {
            id: link.to.to_owned(),
        })?;
        if from == to {
            return Err(Error::SelfLink { link: link.key() });
        }
        let (from_kind, to_kind) = (self.graph[from].node.kind, self.graph[to].node.kind);
        if !link.kind.allows(from_kind, to_kind) {
            return Err(Error::WrongKinds {
                link: link.key(),
                from: from_kind,
                to: to_kind,
            });
        }
        if self.find_edge(from, to, link.kind).is_some() {
            return Err(Error::DuplicateLink { link: link.key() });
        }
        if check_loop
            && link.kind == LinkKind::Supports
            && let Some(path) = self.supports_path(to, from)
        {
            let mut names = vec![link.from.to_owned()];
            names.extend(path.into_iter().map(|at| self.graph[at].node.id.clone()));
            return Err(Error::Loop {
                link: link.key(),
                path: names,
                titles: Box::new([
                    self.graph[from].node.title.clone(),
                    self.graph[to].node.title.clone(),
                ]),
            });
        }
        let retired = if self.retired_links.is_empty() {
            None
        } else {
            self.retired_links.remove(&link.key())
        };
        let seq = match retired {
            Some(seq) => seq,
            None => self.take_seq(),
        };
        Ok(self.graph.add_edge(
            from,
            to,
            LinkSlot {
                kind: link.kind,
                amount: link.amount,
                why: link.why,
                seq,
            },
        ))
    }

    /// A path of `supports` links from `start` to `goal` (both included), if one exists.
    fn supports_path(&self, start: NodeIndex, goal: NodeIndex) -> Option<Vec<NodeIndex>> {
        let mut came_from: HashMap<NodeIndex, NodeIndex> = HashMap::new();
        let mut stack = vec![start];
        came_from.insert(start, start);
        while let Some(at) = stack.pop() {
            if at == goal {
                let mut path = vec![at];
                let mut cursor = at;
                while cursor != start {
                    cursor = came_from[&cursor];
                    path.push(cursor);
                }
                path.reverse();
                return Some(path);
            }
            for edge in self.graph.edges_directed(at, Direction::Outgoing) {
                if edge.weight().kind == LinkKind::Supports
                    && !came_from.contains_key(&edge.target())
                {
                    came_from.insert(edge.target(), at);
                    stack.push(edge.target());
                }
            }
        }
        None
    }

    /// Finds a loop of `supports` links, if any: the link that closes it (the one added
    /// last) and the loop as ids, first id repeated at the end. Linear time (Kahn's
    /// algorithm, then a walk inside what it could not order).
    fn find_supports_loop(&self) -> Option<(EdgeIndex, Vec<String>)> {
        let bound = self.graph.node_bound();
        let mut indegree = vec![0u32; bound];
        for edge in self.graph.edge_references() {
            if edge.weight().kind == LinkKind::Supports {
                indegree[edge.target().index()] += 1;
            }
        }
        let mut queue: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|at| indegree[at.index()] == 0)
            .collect();
        let mut ordered = 0;
        while let Some(at) = queue.pop() {
            ordered += 1;
            for edge in self.graph.edges_directed(at, Direction::Outgoing) {
                if edge.weight().kind == LinkKind::Supports {
                    let target = edge.target().index();
                    indegree[target] -= 1;
                    if indegree[target] == 0 {
                        queue.push(edge.target());
                    }
                }
            }
        }
        if ordered == self.graph.node_count() {
            return None;
        }
        // Every node left has an incoming supports link from another node left, so
        // walking those links backwards must come round to a node already seen.
        let start = self
            .graph
            .node_indices()
            .find(|at| indegree[at.index()] > 0)?;
        let mut seen_at: HashMap<NodeIndex, usize> = HashMap::new();
        let mut walk = vec![start];
        let mut cursor = start;
        loop {
            seen_at.insert(cursor, walk.len() - 1);
            let previous = self
                .graph
                .edges_directed(cursor, Direction::Incoming)
                .find(|edge| {
                    edge.weight().kind == LinkKind::Supports && indegree[edge.source().index()] > 0
                })?
                .source();
            if let Some(&position) = seen_at.get(&previous) {
                // walk[position..] followed backwards is the loop; turn it forwards.
                let mut cycle: Vec<NodeIndex> = walk[position..].to_vec();
                cycle.reverse();
                let edges: Vec<EdgeIndex> = cycle
                    .iter()
                    .zip(cycle.iter().cycle().skip(1))
                    .filter_map(|(from, to)| self.find_edge(*from, *to, LinkKind::Supports))
                    .collect();
                let closing = edges.into_iter().max_by_key(|edge| self.graph[*edge].seq)?;
                // Start the loop's text at the closing link's source, as an edit would.
                let source = self.graph.edge_endpoints(closing)?.0;
                let offset = cycle.iter().position(|at| *at == source).unwrap_or(0);
                cycle.rotate_left(offset);
                let mut names: Vec<String> = cycle
                    .iter()
                    .map(|at| self.graph[*at].node.id.clone())
                    .collect();
                names.push(names[0].clone());
                return Some((closing, names));
            }
            walk.push(previous);
            cursor = previous;
        }
    }

    fn take_seq(&mut self) -> u64 {
        self.next_seq += 1;
        self.next_seq
    }

    fn index_of(&self, id: &str) -> Result<NodeIndex> {
        self.lookup(id)
            .ok_or_else(|| Error::UnknownNode { id: id.to_owned() })
    }

    fn find_link(&self, key: &LinkKey) -> Option<EdgeIndex> {
        let from = self.lookup(&key.from)?;
        let to = self.lookup(&key.to)?;
        self.find_edge(from, to, key.kind)
    }

    fn find_edge(&self, from: NodeIndex, to: NodeIndex, kind: LinkKind) -> Option<EdgeIndex> {
        self.graph
            .edges_connecting(from, to)
            .find(|edge| edge.weight().kind == kind)
            .map(|edge| edge.id())
    }

    fn link_key(&self, edge: EdgeIndex) -> LinkKey {
        let link = self.link_at(edge);
        link.key()
    }

    fn link_at(&self, edge: EdgeIndex) -> Link {
        let (from, to) = self
            .graph
            .edge_endpoints(edge)
            .expect("edge index taken from this graph");
        let slot = &self.graph[edge];
        Link {
            kind: slot.kind,
            from: self.graph[from].node.id.clone(),
            to: self.graph[to].node.id.clone(),
            amount: slot.amount,
            why: slot.why.clone(),
        }
    }

    /// The underlying graph, for the analysis in this crate.
    pub(crate) fn inner(&self) -> &StableDiGraph<NodeSlot, LinkSlot> {
        &self.graph
    }

    /// Every link, borrowed from the graph rather than copied: for comparing plans of
    /// hundreds of thousands of links without copying each one.
    pub(crate) fn link_views(&self) -> impl Iterator<Item = LinkView<'_>> + '_ {
        self.graph.edge_references().map(|edge| LinkView {
            kind: edge.weight().kind,
            from: &self.graph[edge.source()].node.id,
            to: &self.graph[edge.target()].node.id,
            amount: edge.weight().amount,
            why: edge.weight().why.as_deref(),
        })
    }

    /// The link of this kind between these two nodes, borrowed.
    pub(crate) fn link_view(&self, kind: LinkKind, from: &str, to: &str) -> Option<LinkView<'_>> {
        let from_at = self.lookup(from)?;
        let to_at = self.lookup(to)?;
        let edge = self.find_edge(from_at, to_at, kind)?;
        let slot = &self.graph[edge];
        Some(LinkView {
            kind,
            from: &self.graph[from_at].node.id,
            to: &self.graph[to_at].node.id,
            amount: slot.amount,
            why: slot.why.as_deref(),
        })
    }
}

/// A link's fields, borrowed from a graph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LinkView<'a> {
    pub(crate) kind: LinkKind,
    pub(crate) from: &'a str,
    pub(crate) to: &'a str,
    pub(crate) amount: Option<f64>,
    pub(crate) why: Option<&'a str>,
}

impl LinkView<'_> {
    pub(crate) fn to_link(self) -> Link {
        Link {
            kind: self.kind,
            from: self.from.to_owned(),
            to: self.to.to_owned(),
            amount: self.amount,
            why: self.why.map(str::to_owned),
        }
    }
}

/// A link with borrowed ends: all that adding a link needs, so that a link read from
/// a file need not own copies of the ids it names.
#[derive(Debug)]
pub(crate) struct LinkRef<'a> {
    pub(crate) kind: LinkKind,
    pub(crate) from: &'a str,
    pub(crate) to: &'a str,
    pub(crate) amount: Option<f64>,
    pub(crate) why: Option<String>,
}

impl LinkRef<'_> {
    /// Runs `work` on an owned link seen as a [`LinkRef`].
    fn lend<T>(link: Link, work: impl FnOnce(LinkRef<'_>) -> T) -> T {
        let Link {
            kind,
            from,
            to,
            amount,
            why,
        } = link;
        work(LinkRef {
            kind,
            from: &from,
            to: &to,
            amount,
            why,
        })
    }

    fn key(&self) -> LinkKey {
        LinkKey {
            kind: self.kind,
            from: self.from.to_owned(),
            to: self.to.to_owned(),
        }
    }
}

/// How an input names a node: by position, and by id when it has a usable one.
pub(crate) fn node_place(index: usize, id: &str) -> String {
    if id.is_empty() {
        format!("node {index}")
    } else {
        format!("node {index} ({})", crate::text::Literal(id))
    }
}

fn check_settings(settings: &PlanSettings) -> Result<()> {
    if settings.name.trim().is_empty() {
        return Err(Error::field(
            "field \"name\"",
            "the plan needs a name; it cannot be blank",
        ));
    }
    if settings.review_cadence_days < 1 {
        return Err(Error::field(
            "field \"review_cadence_days\"",
            "must be a whole number of days, 1 or more",
        ));
    }
    Ok(())
}

/// The field rules of PLAN-FORMAT.md that hold for a node on its own.
pub fn check_node(node: &Node) -> Result<()> {
    let id_chars = node.id.chars().count();
    if id_chars == 0 || id_chars > MAX_ID_CHARS {
        return Err(Error::field(
            "field \"id\"",
            format!("must be 1 to {MAX_ID_CHARS} characters, got {id_chars}"),
        ));
    }
    let place = |field: &str| format!("field {field:?}");
    if node.title.trim().is_empty() {
        return Err(Error::field(
            place("title"),
            "a title is required and cannot be blank",
        ));
    }
    if node.kind == NodeKind::Resource {
        if node.resource_type.is_none() {
            return Err(Error::field(
                place("resource_type"),
                "a resource needs a type: funding, tool, skill or time",
            ));
        }
        if node.target_date.is_some() {
            return Err(Error::field(
                place("target_date"),
                "resources have no target date",
            ));
        }
        if node.last_reviewed.is_some() {
            return Err(Error::field(
                place("last_reviewed"),
                "resources have no review date",
            ));
        }
        if !node.reviews.is_empty() {
            return Err(Error::field(
                place("reviews"),
                "resources have no review log",
            ));
        }
        if let Some(capacity) = node.capacity {
            check_amount(capacity).map_err(|message| Error::field(place("capacity"), message))?;
        }
    } else {
        for (field, present) in [
            ("resource_type", node.resource_type.is_some()),
            ("capacity", node.capacity.is_some()),
            ("unit", node.unit.is_some()),
        ] {
            if present {
                return Err(Error::field(
                    place(field),
                    format!(
                        "only resources have this field, and this node is a {}",
                        node.kind.label()
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// The field rules of a link on its own; `key` names the link in an error.
fn check_link_fields(
    kind: LinkKind,
    amount: Option<f64>,
    key: impl FnOnce() -> LinkKey,
) -> Result<()> {
    let refused = |message: String| {
        Err(Error::field(
            format!("{}, field \"amount\"", key()),
            message,
        ))
    };
    match (kind, amount) {
        (LinkKind::Allocates, None) => {
            refused("an allocation needs an amount (a number, 0 or more)".to_owned())
        }
        (LinkKind::Allocates, Some(amount)) => check_amount(amount).or_else(refused),
        (LinkKind::Supports, Some(_)) => refused("only allocates links carry an amount".to_owned()),
        (LinkKind::Supports, None) => Ok(()),
    }
}

fn check_amount(value: f64) -> std::result::Result<(), String> {
    if !value.is_finite() {
        Err(format!("must be a finite number, got {value}"))
    } else if value < 0.0 {
        Err(format!("must be 0 or more, got {value}"))
    } else {
        Ok(())
    }
}
