//! What an applied edit changed in the plan, for a view of the plan (the app's window)
//! to bring itself up to date with, rather than receiving the whole plan again.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::analysis::allocated_by;
use crate::graph::{Edit, PlanGraph};
use crate::history::Applied;
use crate::model::{Acceptance, Link, LinkKey, LinkKind, Node, NodeKind, PlanSettings};

/// The nodes and links an edit added, changed or removed, and what follows from them.
/// A reader removes `removed_*`, then puts each `upserted_*` in place of the one with the
/// same id (or key), or adds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanChange {
    /// The touched nodes as they are now, sorted by id.
    pub upserted_nodes: Vec<Node>,
    pub removed_nodes: Vec<String>,
    /// The touched links as they are now, sorted by key.
    pub upserted_links: Vec<Link>,
    pub removed_links: Vec<LinkKey>,
    /// Each resource whose allocated sum may have changed: the sum now
    /// ([`allocated_by`]), or `null` when it has none (or is gone).
    pub allocated: BTreeMap<String, Option<f64>>,
    /// Nodes or links came or went, or a node changed kind: what a map's layout reads.
    /// The plan's name and review cadence, when the edit changed them.
    pub settings: Option<PlanSettings>,
    /// The plan's accepted findings, when the edit may have changed them (setting them,
    /// or removing a node, which takes its acceptances with it).
    pub accepted: Option<Vec<Acceptance>>,
    /// Field edits (titles, statuses, amounts) leave it false. A batch that takes back
    /// within itself what it added may say true: a layout is then merely made again.
    pub structure_changed: bool,
}

impl PlanChange {
    /// What `applied` changed, read from the plan it left.
    ///
    /// # Complexity
    /// Linear in the size of the edit and the links of the nodes it touches.
    pub fn of(plan: &PlanGraph, applied: &Applied) -> PlanChange {
        let mut touched = Touched::default();
        touched.collect(&applied.edit);
        touched.collect(&applied.inverse);
        let structure_changed = touched.added_or_removed || touched.kind_changed(plan);

        let mut change = PlanChange {
            upserted_nodes: Vec::new(),
            removed_nodes: Vec::new(),
            upserted_links: Vec::new(),
            removed_links: Vec::new(),
            allocated: BTreeMap::new(),
            settings: touched.settings.then(|| plan.settings().clone()),
            accepted: touched.accepted.then(|| plan.accepted().to_vec()),
            structure_changed,
        };
        let mut resources: BTreeSet<&str> = BTreeSet::new();
        for id in &touched.nodes {
            match plan.node(id) {
                Some(node) => {
                    if node.kind == NodeKind::Resource {
                        resources.insert(id);
                    }
                    change.upserted_nodes.push(node.clone());
                }
                None => {
                    // A removed resource's sum goes with it.
                    change.allocated.insert((*id).to_owned(), None);
                    change.removed_nodes.push((*id).to_owned());
                }
            }
        }
        // A node dropped or restored changes the sums of the resources allocated to it.
        let allocators: Vec<String> = touched
            .nodes
            .iter()
            .flat_map(|id| plan.links_of(id))
            .filter(|link| link.kind == LinkKind::Allocates)
            .map(|link| link.from)
            .collect();
        resources.extend(allocators.iter().map(String::as_str));
        for key in &touched.links {
            if key.kind == LinkKind::Allocates && plan.node(&key.from).is_some() {
                resources.insert(&key.from);
            }
            match plan.link(key) {
                Some(link) => change.upserted_links.push(link),
                None => change.removed_links.push(key.clone()),
            }
        }
        for resource in resources {
            change
                .allocated
                .insert(resource.to_owned(), allocated_by(plan, resource));
        }
        change
    }
}

/// The ids and link keys an edit and its inverse name.
#[derive(Default)]
struct Touched<'e> {
    nodes: BTreeSet<&'e str>,
    links: BTreeSet<LinkKey>,
    /// The nodes as an `UpdateNode` of the inverse had them before the edit.
    before_update: Vec<&'e Node>,
    added_or_removed: bool,
    settings: bool,
    accepted: bool,
}

impl<'e> Touched<'e> {
    fn collect(&mut self, edit: &'e Edit) {
        match edit {
            Edit::AddNode { node } => {
                self.added_or_removed = true;
                self.nodes.insert(&node.id);
            }
            Edit::UpdateNode { node } => {
                self.before_update.push(node);
                self.nodes.insert(&node.id);
            }
            Edit::RemoveNode { id } => {
                self.added_or_removed = true;
                self.accepted = true;
                self.nodes.insert(id);
            }
            Edit::AddLink { link } | Edit::UpdateLink { link } => {
                self.added_or_removed |= matches!(edit, Edit::AddLink { .. });
                self.links.insert(link.key());
            }
            Edit::RemoveLink { key } => {
                self.added_or_removed = true;
                self.links.insert(key.clone());
            }
            Edit::UpdateSettings { .. } => self.settings = true,
            Edit::SetAcceptances { .. } => self.accepted = true,
            Edit::Batch { edits } => edits.iter().for_each(|edit| self.collect(edit)),
        }
    }

    /// Whether a node now has another kind than an update's other side gave it (an
    /// update's inverse holds the node before it, and the update the node after).
    fn kind_changed(&self, plan: &PlanGraph) -> bool {
        self.before_update
            .iter()
            .any(|node| plan.node(&node.id).is_some_and(|now| now.kind != node.kind))
    }
}
