//! A difference as one edit: applied to the old plan, it gives the new one.

use std::collections::BTreeSet;

use crate::graph::Edit;

use super::PlanDiff;

impl PlanDiff {
    /// One batch of edits that turns the old plan into the new one: the same nodes,
    /// links, settings and acceptances (new nodes and links go last in the plan's order).
    ///
    /// Every step leaves a plan the rules accept: links go before their nodes, and
    /// while nodes change, the links kept are ones both plans have. A node whose kind
    /// changed is taken out and put back, so that no link is ever checked against a
    /// kind half-way between the two plans.
    pub fn to_edit(&self) -> Edit {
        let rekinded: BTreeSet<&str> = self
            .nodes_changed
            .iter()
            .filter(|change| change.before.kind != change.after.kind)
            .map(|change| change.id.as_str())
            .collect();
        let touches_rekinded =
            |from: &str, to: &str| rekinded.contains(from) || rekinded.contains(to);
        let mut edits = Vec::new();
        for link in &self.links_removed {
            edits.push(Edit::RemoveLink { key: link.key() });
        }
        for node in &self.nodes_removed {
            edits.push(Edit::RemoveNode {
                id: node.id.clone(),
            });
        }
        for change in &self.nodes_changed {
            if rekinded.contains(change.id.as_str()) {
                edits.push(Edit::RemoveNode {
                    id: change.id.clone(),
                });
            }
        }
        for change in &self.nodes_changed {
            edits.push(if rekinded.contains(change.id.as_str()) {
                Edit::AddNode {
                    node: change.after.clone(),
                }
            } else {
                Edit::UpdateNode {
                    node: change.after.clone(),
                }
            });
        }
        for node in &self.nodes_added {
            edits.push(Edit::AddNode { node: node.clone() });
        }
        for change in &self.links_changed {
            edits.push(if touches_rekinded(&change.after.from, &change.after.to) {
                Edit::AddLink {
                    link: change.after.clone(),
                }
            } else {
                Edit::UpdateLink {
                    link: change.after.clone(),
                }
            });
        }
        for link in &self.links_added {
            edits.push(Edit::AddLink { link: link.clone() });
        }
        // A link between two nodes that both changed kind is named by both.
        let mut relinked = BTreeSet::new();
        for change in &self.nodes_changed {
            for link in &change.relinked {
                if relinked.insert(link.key()) {
                    edits.push(Edit::AddLink { link: link.clone() });
                }
            }
        }
        if let Some(settings) = &self.settings {
            edits.push(Edit::UpdateSettings {
                settings: settings.after.clone(),
            });
        }
        if let Some(accepted) = &self.accepted_after {
            edits.push(Edit::SetAcceptances {
                accepted: accepted.clone(),
            });
        }
        Edit::Batch { edits }
    }
}
