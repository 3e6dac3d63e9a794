//! The plan as a checked graph: every node and link in it obeys the rules of
//! ALIGNMENT-RULES.md and PLAN-FORMAT.md, and every edit either passes those checks
//! and applies whole, or is refused and changes nothing.
//!
//! Nodes are addressed by their string ids; petgraph's indices never leave this crate.

use std::collections::HashMap;

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

use crate::error::{Error, Result};
use crate::model::{Link, LinkKey, LinkKind, Node, NodeKind, Plan, PlanSettings};

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
    ids: HashMap<String, NodeIndex>,
    next_seq: u64,
    /// The places in the written order of removed nodes and links, so that undoing a
    /// removal (or unwinding a refused batch) puts them back where they were rather
    /// than at the end: an edit and its inverse must give back the very same plan.
    retired_nodes: HashMap<String, u64>,
    retired_links: HashMap<LinkKey, u64>,
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
            ids: HashMap::new(),
            next_seq: 0,
            retired_nodes: HashMap::new(),
            retired_links: HashMap::new(),
        })
    }

    /// Checks a whole plan and builds its graph, or names the first thing wrong with it.
    ///
    /// Cost: linear in the size of the plan (the loop check runs once, at the end).
    pub fn from_plan(plan: Plan) -> Result<PlanGraph> {
        let mut graph = PlanGraph::new(PlanSettings {
            name: plan.name,
            review_cadence_days: plan.review_cadence_days,
        })?;
        graph.ids.reserve(plan.nodes.len());
        for (index, node) in plan.nodes.into_iter().enumerate() {
            let place = node_place(index, &node.id);
            graph.insert_node(node).map_err(|error| match error {
                Error::DuplicateNode { .. } => Error::field(
                    format!("{place}, field \"id\""),
                    "this id is already used by an earlier node",
                ),
                other => other.at(place),
            })?;
        }
        let mut edge_of_link = Vec::with_capacity(plan.links.len());
        for (index, link) in plan.links.into_iter().enumerate() {
            let edge = graph
                .insert_link(link, false)
                .map_err(|error| error.at(format!("link {index}")))?;
            edge_of_link.push(edge);
        }
        if let Some((edge, path)) = graph.find_supports_loop() {
            let index = edge_of_link
                .iter()
                .position(|e| *e == edge)
                .unwrap_or_default();
            let link = graph.link_key(edge);
            return Err(Error::Loop { link, path }.at(format!("link {index}")));
        }
        Ok(graph)
    }

    /// The plan as plain data, nodes and links in the order they were added.
    pub fn to_plan(&self) -> Plan {
        let mut nodes: Vec<&NodeSlot> = self.graph.node_weights().collect();
        nodes.sort_unstable_by_key(|slot| slot.seq);
        let mut links: Vec<(u64, Link)> = self
            .graph
            .edge_references()
            .map(|edge| (edge.weight().seq, self.link_at(edge.id())))
            .collect();
        links.sort_unstable_by_key(|(seq, _)| *seq);
        Plan {
            name: self.settings.name.clone(),
            review_cadence_days: self.settings.review_cadence_days,
            nodes: nodes.into_iter().map(|slot| slot.node.clone()).collect(),
            links: links.into_iter().map(|(_, link)| link).collect(),
        }
    }

    pub fn settings(&self) -> &PlanSettings {
        &self.settings
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
        self.ids.get(id).map(|index| &self.graph[*index].node)
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
        let Some(&index) = self.ids.get(id) else {
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
        let place = format!("node {:?}", node.id);
        self.insert_node(node).map_err(|error| match error {
            Error::DuplicateNode { .. } => error,
            other => other.at(place),
        })
    }

    fn insert_node(&mut self, node: Node) -> Result<()> {
        check_node(&node)?;
        if self.ids.contains_key(&node.id) {
            return Err(Error::DuplicateNode { id: node.id });
        }
        let seq = match self.retired_nodes.remove(&node.id) {
            Some(seq) => seq,
            None => self.take_seq(),
        };
        let id = node.id.clone();
        let index = self.graph.add_node(NodeSlot { node, seq });
        self.ids.insert(id, index);
        Ok(())
    }

    /// Replaces a node's fields, keeping its id, links and place; returns the old node.
    pub fn update_node(&mut self, node: Node) -> Result<Node> {
        check_node(&node).map_err(|error| error.at(format!("node {:?}", node.id)))?;
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
        self.ids.remove(id);
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
        self.insert_link(link, true).map(|_| ())
    }

    /// Changes a link's amount and why; returns the old link.
    pub fn update_link(&mut self, link: Link) -> Result<Link> {
        check_link_fields(&link)?;
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
    fn insert_link(&mut self, link: Link, check_loop: bool) -> Result<EdgeIndex> {
        check_link_fields(&link)?;
        let key = link.key();
        let from = *self.ids.get(&link.from).ok_or_else(|| Error::UnknownNode {
            id: link.from.clone(),
        })?;
        let to = *self.ids.get(&link.to).ok_or_else(|| Error::UnknownNode {
            id: link.to.clone(),
        })?;
        if from == to {
            return Err(Error::SelfLink { link: key });
        }
        let (from_kind, to_kind) = (self.graph[from].node.kind, self.graph[to].node.kind);
        if !link.kind.allows(from_kind, to_kind) {
            return Err(Error::WrongKinds {
                link: key,
                from: from_kind,
                to: to_kind,
            });
        }
        if self.find_edge(from, to, link.kind).is_some() {
            return Err(Error::DuplicateLink { link: key });
        }
        if check_loop
            && link.kind == LinkKind::Supports
            && let Some(path) = self.supports_path(to, from)
        {
            let mut names = vec![link.from.clone()];
            names.extend(path.into_iter().map(|at| self.graph[at].node.id.clone()));
            return Err(Error::Loop {
                link: key,
                path: names,
            });
        }
        let seq = match self.retired_links.remove(&key) {
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
        self.ids
            .get(id)
            .copied()
            .ok_or_else(|| Error::UnknownNode { id: id.to_owned() })
    }

    fn find_link(&self, key: &LinkKey) -> Option<EdgeIndex> {
        let from = *self.ids.get(&key.from)?;
        let to = *self.ids.get(&key.to)?;
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
}

/// How an input names a node: by position, and by id when it has a usable one.
pub(crate) fn node_place(index: usize, id: &str) -> String {
    if id.is_empty() {
        format!("node {index}")
    } else {
        format!("node {index} ({id:?})")
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

fn check_link_fields(link: &Link) -> Result<()> {
    match (link.kind, link.amount) {
        (LinkKind::Allocates, None) => Err(Error::field(
            format!("{}, field \"amount\"", link.key()),
            "an allocation needs an amount (a number, 0 or more)",
        )),
        (LinkKind::Allocates, Some(amount)) => check_amount(amount)
            .map_err(|message| Error::field(format!("{}, field \"amount\"", link.key()), message)),
        (LinkKind::Supports, Some(_)) => Err(Error::field(
            format!("{}, field \"amount\"", link.key()),
            "only allocates links carry an amount",
        )),
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
