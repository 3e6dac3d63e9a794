//! Quick what-ifs: the plan with a node dropped or a resource scaled, compared with the
//! plan as it is, and nothing written.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::analysis::{Analysis, analyse};
use crate::error::{Error, Result};
use crate::graph::{Edit, PlanGraph};
use crate::model::{Link, LinkKind, NodeKind};
use crate::text::Literal;

use super::compare::{Candidates, compare};
use super::{PlanDiff, Side};

/// One hypothetical change to a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
#[ts(export)]
pub enum WhatIfChange {
    /// The plan without this node (a goal, strategy, initiative or resource) and its links.
    Drop { id: String },
    /// Every amount this resource allocates, multiplied by `factor` (0.7: 30% less).
    Scale { resource: String, factor: f64 },
}

/// The changes as one edit of `plan`: scalings first, then drops, so that a resource
/// both scaled and dropped is simply dropped.
///
/// # Errors
/// [`Error::UnknownNode`] for an id the plan does not have; [`Error::InvalidField`] for
/// scaling something that is not a resource, or by a factor that is negative or not a
/// number.
pub fn what_if_edit(plan: &PlanGraph, changes: &[WhatIfChange]) -> Result<Edit> {
    let dropped: BTreeSet<&str> = changes
        .iter()
        .filter_map(|change| match change {
            WhatIfChange::Drop { id } => Some(id.as_str()),
            WhatIfChange::Scale { .. } => None,
        })
        .collect();
    let mut edits = Vec::new();
    for change in changes {
        let WhatIfChange::Scale { resource, factor } = change else {
            continue;
        };
        let node = plan.node(resource).ok_or_else(|| Error::UnknownNode {
            id: resource.clone(),
        })?;
        if node.kind != NodeKind::Resource {
            return Err(Error::field(
                format!("scale {}", Literal(resource)),
                format!(
                    "only a resource's allocations can be scaled, and this is {}",
                    node.kind.label()
                ),
            ));
        }
        if !factor.is_finite() || *factor < 0.0 {
            return Err(Error::field(
                format!("scale {}", Literal(resource)),
                format!("the factor must be a number of 0 or more, like 0.7; got {factor}"),
            ));
        }
        if dropped.contains(resource.as_str()) {
            continue;
        }
        for link in plan.links_of(resource) {
            if link.kind == LinkKind::Allocates && link.from == *resource {
                edits.push(Edit::UpdateLink {
                    link: Link {
                        amount: link.amount.map(|amount| amount * factor),
                        ..link
                    },
                });
            }
        }
    }
    let mut seen = BTreeSet::new();
    for id in dropped {
        if plan.node(id).is_none() {
            return Err(Error::UnknownNode { id: id.to_owned() });
        }
        if seen.insert(id) {
            edits.push(Edit::RemoveNode { id: id.to_owned() });
        }
    }
    Ok(Edit::Batch { edits })
}

/// The difference the changes would make to the plan, judged on the date of
/// `analysis` (the plan's analysis, which the caller already has). Nothing is written;
/// `plan` is left as it is.
///
/// # Complexity
/// One copy and one analysis of the plan; the comparison itself looks only at what
/// the changes touched, and at the findings.
pub fn what_if(
    plan: Side<'_>,
    analysis: &Analysis,
    changes: &[WhatIfChange],
    label: &str,
) -> Result<PlanDiff> {
    let edit = what_if_edit(plan.plan, changes)?;
    let (nodes, links) = touched(plan.plan, &edit);
    let mut changed = plan.plan.clone();
    changed.apply(edit)?;
    let changed_analysis = analyse(&changed, plan.as_of);
    Ok(compare(
        plan,
        analysis,
        Side::new(&changed, label, plan.as_of),
        &changed_analysis,
        Candidates::Touched { nodes, links },
    ))
}

/// The nodes and links a what-if edit changes, as the plan has them before it.
fn touched(plan: &PlanGraph, edit: &Edit) -> (BTreeSet<String>, BTreeSet<crate::model::LinkKey>) {
    let mut nodes = BTreeSet::new();
    let mut links = BTreeSet::new();
    let Edit::Batch { edits } = edit else {
        return (nodes, links);
    };
    for edit in edits {
        match edit {
            Edit::RemoveNode { id } => {
                links.extend(plan.links_of(id).iter().map(Link::key));
                nodes.insert(id.clone());
            }
            Edit::UpdateLink { link } => {
                links.insert(link.key());
            }
            _ => {}
        }
    }
    (nodes, links)
}
