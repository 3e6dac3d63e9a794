//! The open plan as plain data, shared and kept up to date edit by edit.
//!
//! The app shows the whole plan after every edit. Copying it out of the graph each
//! time costs milliseconds at 10,000 nodes, a good part of the frame an edit has; this
//! copy is changed in place where the edit changed the graph, and handed out shared.

use std::sync::Arc;

use hashbrown::HashMap;

use crate::graph::{Edit, PlanGraph};
use crate::model::{LinkKey, Plan};

/// The plan, with the place in the written order of each node and each link.
#[derive(Debug)]
pub(super) struct Snapshot {
    plan: Arc<Plan>,
    /// Parallel to `plan.nodes` and `plan.links`, ascending.
    node_seqs: Vec<u64>,
    link_seqs: Vec<u64>,
}

/// What an edit may change, with where each thing stood before it: read from the
/// graph before the edit applies.
#[derive(Debug, Default)]
pub(super) struct Touched {
    nodes: HashMap<String, Option<u64>>,
    links: HashMap<LinkKey, Option<u64>>,
    settings: bool,
    accepted: bool,
}

impl Touched {
    pub(super) fn by(edit: &Edit, graph: &PlanGraph) -> Touched {
        let mut touched = Touched::default();
        touched.add(edit, graph);
        touched
    }

    fn add(&mut self, edit: &Edit, graph: &PlanGraph) {
        match edit {
            Edit::AddNode { node } | Edit::UpdateNode { node } => self.node(&node.id, graph),
            Edit::RemoveNode { id } => {
                self.node(id, graph);
                // Its acceptances go with it.
                self.accepted = true;
                // The node's links go with it.
                for link in graph.links_of(id) {
                    self.link(link.key(), graph);
                }
            }
            Edit::AddLink { link } | Edit::UpdateLink { link } => self.link(link.key(), graph),
            Edit::RemoveLink { key } => self.link(key.clone(), graph),
            Edit::UpdateSettings { .. } => self.settings = true,
            Edit::SetAcceptances { .. } => self.accepted = true,
            Edit::Batch { edits } => {
                for edit in edits {
                    self.add(edit, graph);
                }
            }
        }
    }

    fn node(&mut self, id: &str, graph: &PlanGraph) {
        if !self.nodes.contains_key(id) {
            self.nodes.insert(id.to_owned(), graph.node_seq(id));
        }
    }

    fn link(&mut self, key: LinkKey, graph: &PlanGraph) {
        if !self.links.contains_key(&key) {
            let seq = graph.link_seq(&key);
            self.links.insert(key, seq);
        }
    }
}

impl Snapshot {
    pub(super) fn of(graph: &PlanGraph) -> Snapshot {
        let (plan, node_seqs, link_seqs) = graph.to_plan_in_order();
        Snapshot {
            plan: Arc::new(plan),
            node_seqs,
            link_seqs,
        }
    }

    pub(super) fn plan(&self) -> Arc<Plan> {
        Arc::clone(&self.plan)
    }

    /// Brings the copy up to date after an edit that changed what `touched` names;
    /// `graph` is the plan after the edit. Nothing else can have changed, and nothing
    /// else moves: places in the written order are never reused. Each thing touched
    /// is taken out from where it stood and put back where it stands now, so the
    /// order they are handled in does not matter.
    pub(super) fn update(&mut self, touched: Touched, graph: &PlanGraph) {
        // Copied only if the plan handed out last is still held somewhere.
        let plan = Arc::make_mut(&mut self.plan);
        for (id, before) in touched.nodes {
            let after = graph.node_seq(&id).zip(graph.node(&id));
            replace(
                &mut self.node_seqs,
                &mut plan.nodes,
                before,
                after.map(|(seq, node)| (seq, node.clone())),
            );
        }
        for (key, before) in touched.links {
            let after = graph.link_seq(&key).zip(graph.link(&key));
            replace(&mut self.link_seqs, &mut plan.links, before, after);
        }
        if touched.accepted {
            plan.accepted = graph.accepted().to_vec();
        }
        if touched.settings {
            plan.name = graph.name().to_owned();
            plan.review_cadence_days = graph.review_cadence_days();
        }
    }
}

/// Takes out the item that stood at place `before` (if any) and puts in the one that
/// stands at place `after` now (if any), keeping `items` in the order of `seqs`.
fn replace<T>(
    seqs: &mut Vec<u64>,
    items: &mut Vec<T>,
    before: Option<u64>,
    after: Option<(u64, T)>,
) {
    let old = before.and_then(|seq| seqs.binary_search(&seq).ok());
    match (old, after) {
        // Changed where it stands (an update): no shifting the rest.
        (Some(at), Some((seq, item))) if seqs[at] == seq => items[at] = item,
        (old, after) => {
            if let Some(at) = old {
                seqs.remove(at);
                items.remove(at);
            }
            if let Some((seq, item)) = after {
                let at = seqs.partition_point(|other| *other < seq);
                seqs.insert(at, seq);
                items.insert(at, item);
            }
        }
    }
}
