//! Building a checked graph from a whole plan read from a file or handed over in
//! memory: the rules of [`PlanGraph::from_plan`], one node and one link at a time.

use hashbrown::HashMap;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};

use super::{LinkRef, PlanGraph, check_node, check_settings, node_place};
use crate::error::{Error, Result};
use crate::graph::ids::IdIndex;
use crate::model::{Acceptance, LinkKind, Node, PlanSettings};

/// Builds a checked graph from a plan's nodes, then its links, handed over one at a
/// time in the written order, so that a plan read from a file need not be held whole
/// beside its graph. The first problem is kept, and [`PlanBuilder::finish`] reports it
/// exactly as [`PlanGraph::from_plan`] does.
#[derive(Debug)]
pub(crate) struct PlanBuilder {
    graph: PlanGraph,
    nodes: usize,
    /// The edge of each link in written order, to name the link that closes a loop.
    edge_of_link: Vec<EdgeIndex>,
    problem: Option<Error>,
    /// Nodes not yet added, added a batch at a time (see `add_pending_nodes`).
    pending_nodes: Vec<Node>,
    /// Links not yet added: they are added a batch at a time, their ends looked up
    /// one after the other first, so that the processor waits for several of those
    /// cache misses at once (see `ids`) instead of one after each link's other work.
    pending: Vec<PendingLink>,
    /// The ids the pending links name, back to back.
    pending_ids: String,
}

/// How many nodes, or links, are looked up together.
const BATCH: usize = 256;

/// A link waiting in a [`PlanBuilder`]; its ends are ranges of `pending_ids`.
#[derive(Debug)]
struct PendingLink {
    kind: LinkKind,
    from: std::ops::Range<usize>,
    to: std::ops::Range<usize>,
    amount: Option<f64>,
    why: Option<String>,
}

impl PlanBuilder {
    /// A builder with room for about this many nodes and links (a hint, not a limit).
    pub(crate) fn with_capacity(nodes: usize, links: usize) -> PlanBuilder {
        PlanBuilder {
            graph: PlanGraph {
                // Set and checked in `finish`: the settings may come after the nodes.
                settings: PlanSettings {
                    name: String::new(),
                    review_cadence_days: 0,
                },
                graph: StableDiGraph::with_capacity(nodes, links),
                ids: IdIndex::with_capacity(nodes),
                next_seq: 0,
                retired_nodes: HashMap::new(),
                retired_links: HashMap::new(),
                accepted: Vec::new(),
            },
            nodes: 0,
            edge_of_link: Vec::with_capacity(links),
            problem: None,
            pending_nodes: Vec::with_capacity(BATCH),
            pending: Vec::with_capacity(BATCH),
            pending_ids: String::new(),
        }
    }

    /// Adds the next node. False once the plan is refused (which a node may only tell
    /// a batch later): nothing more is added.
    pub(crate) fn add_node(&mut self, node: Node) -> bool {
        if self.problem.is_some() {
            return false;
        }
        self.pending_nodes.push(node);
        if self.pending_nodes.len() == BATCH {
            self.add_pending_nodes();
        }
        self.problem.is_none()
    }

    /// Adds the pending nodes in order, stopping at the first one refused.
    fn add_pending_nodes(&mut self) {
        // Each new id's place in the index is a cache miss. Looked up here one after
        // the other, several misses are waited for at once; the checks below, in
        // order, then find those places in the cache. (The count keeps the lookups
        // from being optimized away; a duplicate within the batch is found below.)
        let seen = self
            .pending_nodes
            .iter()
            .filter(|node| self.graph.lookup(&node.id).is_some())
            .count();
        std::hint::black_box(seen);
        for node in self.pending_nodes.drain(..) {
            if self.problem.is_some() {
                break;
            }
            let index = self.nodes;
            self.nodes += 1;
            // The place is spelled out only for an error: formatting it for every node
            // of a large plan would cost more than checking the node.
            if let Err(error) = check_node(&node) {
                self.problem = Some(error.at(node_place(index, &node.id)));
            } else if self.graph.lookup(&node.id).is_some() {
                self.problem = Some(Error::field(
                    format!("{}, field \"id\"", node_place(index, &node.id)),
                    "this id is already used by an earlier node",
                ));
            } else {
                self.graph.place_node(node);
            }
        }
        self.pending_nodes.clear();
    }

    /// Adds the next link, once every node is in. False once the plan is refused
    /// (which a link may only tell a batch later).
    pub(crate) fn add_link(&mut self, link: LinkRef<'_>) -> bool {
        if !self.pending_nodes.is_empty() {
            self.add_pending_nodes();
        }
        if self.problem.is_some() {
            return false;
        }
        let from = self.pending_ids.len();
        self.pending_ids.push_str(link.from);
        let to = self.pending_ids.len();
        self.pending_ids.push_str(link.to);
        self.pending.push(PendingLink {
            kind: link.kind,
            from: from..to,
            to: to..self.pending_ids.len(),
            amount: link.amount,
            why: link.why,
        });
        if self.pending.len() == BATCH {
            self.add_pending_links();
        }
        self.problem.is_none()
    }

    /// Adds the pending links in order, stopping at the first one refused.
    fn add_pending_links(&mut self) {
        let ids = self.pending_ids.as_str();
        let id = |range: &std::ops::Range<usize>| ids.get(range.clone()).unwrap_or_default();
        let ends: Vec<(Option<NodeIndex>, Option<NodeIndex>)> = self
            .pending
            .iter()
            .map(|link| {
                (
                    self.graph.lookup(id(&link.from)),
                    self.graph.lookup(id(&link.to)),
                )
            })
            .collect();
        // The same for the two nodes of each link, whose kinds it checks and whose
        // lists of links it joins: read them now, together.
        let kinds: usize = ends
            .iter()
            .flat_map(|(from, to)| [from, to])
            .flatten()
            .map(|at| self.graph.graph[*at].node.kind as usize)
            .sum();
        std::hint::black_box(kinds);
        for (link, ends) in self.pending.drain(..).zip(ends) {
            if self.problem.is_some() {
                break;
            }
            let link = LinkRef {
                kind: link.kind,
                from: id(&link.from),
                to: id(&link.to),
                amount: link.amount,
                why: link.why,
            };
            match self.graph.insert_link_between(link, ends, false) {
                Ok(edge) => self.edge_of_link.push(edge),
                Err(error) => {
                    let index = self.edge_of_link.len();
                    self.problem = Some(error.at(format!("link {index}")));
                }
            }
        }
        self.pending.clear();
        self.pending_ids.clear();
    }

    /// The first node or link refused so far (those waiting in a batch are checked
    /// first), for a reading that stopped before the end of the plan.
    pub(crate) fn take_problem(&mut self) -> Option<Error> {
        self.add_pending_nodes();
        self.add_pending_links();
        self.problem.take()
    }

    /// The plan's accepted findings, checked in [`PlanBuilder::finish`] once every node
    /// is in.
    pub(crate) fn accept(&mut self, accepted: Vec<Acceptance>) {
        self.graph.accepted = accepted;
    }

    /// The checked graph, or what is wrong with the plan: its settings first, then the
    /// first node or link refused, then a loop (checked once, in linear time), then
    /// the accepted findings.
    pub(crate) fn finish(mut self, settings: PlanSettings) -> Result<PlanGraph> {
        self.add_pending_nodes();
        self.add_pending_links();
        check_settings(&settings)?;
        if let Some(problem) = self.problem {
            return Err(problem);
        }
        let mut graph = self.graph;
        graph.settings = settings;
        if let Some((edge, path)) = graph.find_supports_loop() {
            let index = self
                .edge_of_link
                .iter()
                .position(|e| *e == edge)
                .unwrap_or_default();
            let link = graph.link_key(edge);
            let title = |id: &str| {
                graph
                    .node(id)
                    .map(|node| node.title.clone())
                    .unwrap_or_default()
            };
            let titles = Box::new([title(&link.from), title(&link.to)]);
            return Err(Error::Loop { link, path, titles }.at(format!("link {index}")));
        }
        graph.check_acceptances(&graph.accepted)?;
        Ok(graph)
    }
}
