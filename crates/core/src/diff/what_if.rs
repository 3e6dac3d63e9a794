//! Quick what-ifs: the plan with a node dropped, a resource scaled or one of its
//! allocations scaled, compared with the plan as it is, and nothing written.

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
    /// The amount this resource allocates to `to` alone, multiplied by `factor`.
    ScaleAllocation {
        resource: String,
        to: String,
        factor: f64,
    },
}

impl WhatIfChange {
    /// The resource a scaling scales, and the one target it is limited to.
    fn scaled(&self) -> Option<(&str, Option<&str>, f64)> {
        match self {
            WhatIfChange::Drop { .. } => None,
            WhatIfChange::Scale { resource, factor } => Some((resource, None, *factor)),
            WhatIfChange::ScaleAllocation {
                resource,
                to,
                factor,
            } => Some((resource, Some(to), *factor)),
        }
    }
}

/// The changes as one edit of `plan`: scalings first, then drops, so that a resource
/// both scaled and dropped is simply dropped.
///
/// # Errors
/// [`Error::UnknownNode`] for an id the plan does not have; [`Error::InvalidField`] for
/// scaling something that is not a resource, an allocation the resource does not make,
/// or by a factor that is negative or not a number.
pub fn what_if_edit(plan: &PlanGraph, changes: &[WhatIfChange]) -> Result<Edit> {
    let dropped: BTreeSet<&str> = changes
        .iter()
        .filter_map(|change| match change {
            WhatIfChange::Drop { id } => Some(id.as_str()),
            WhatIfChange::Scale { .. } | WhatIfChange::ScaleAllocation { .. } => None,
        })
        .collect();
    let mut edits = Vec::new();
    for (resource, only_to, factor) in changes.iter().filter_map(WhatIfChange::scaled) {
        let node = plan.node(resource).ok_or_else(|| Error::UnknownNode {
            id: resource.to_owned(),
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
        if !factor.is_finite() || factor < 0.0 {
            return Err(Error::field(
                format!("scale {}", Literal(resource)),
                format!("the factor must be a number of 0 or more, like 0.7; got {factor}"),
            ));
        }
        let allocations: Vec<Link> = plan
            .links_of(resource)
            .into_iter()
            .filter(|link| link.kind == LinkKind::Allocates && link.from == resource)
            .filter(|link| only_to.is_none_or(|to| link.to == to))
            .collect();
        if let Some(to) = only_to
            && allocations.is_empty()
        {
            return Err(Error::field(
                format!("scale {} to {}", Literal(resource), Literal(to)),
                format!("{} allocates nothing to it", Literal(resource)),
            ));
        }
        if dropped.contains(resource) {
            continue;
        }
        edits.extend(allocations.into_iter().map(|link| Edit::UpdateLink {
            link: Link {
                amount: link.amount.map(|amount| amount * factor),
                ..link
            },
        }));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_plan;

    fn amounts(plan: &PlanGraph, resource: &str) -> Vec<(String, Option<f64>)> {
        plan.links_of(resource)
            .into_iter()
            .filter(|link| link.kind == LinkKind::Allocates && link.from == resource)
            .map(|link| (link.to, link.amount))
            .collect()
    }

    #[test]
    fn scaling_one_allocation_leaves_the_resources_others_as_they_are() {
        let plan = sample_plan();
        let before = amounts(&plan, "R-INFRA-TIME");
        let edit = what_if_edit(
            &plan,
            &[WhatIfChange::ScaleAllocation {
                resource: "R-INFRA-TIME".to_owned(),
                to: "I-MONITORING".to_owned(),
                factor: 0.5,
            }],
        )
        .expect("the sample's resource allocates to the initiative");
        let mut changed = plan.clone();
        changed.apply(edit).expect("applies");
        let after = amounts(&changed, "R-INFRA-TIME");
        for ((to, was), (_, now)) in before.iter().zip(&after) {
            let expected = if to == "I-MONITORING" {
                was.map(|amount| amount * 0.5)
            } else {
                *was
            };
            assert_eq!(*now, expected, "{to}");
        }
    }

    #[test]
    fn scaling_an_allocation_the_resource_does_not_make_is_refused_by_name() {
        let error = what_if_edit(
            &sample_plan(),
            &[WhatIfChange::ScaleAllocation {
                resource: "R-INFRA-TIME".to_owned(),
                to: "I-FIDO2".to_owned(),
                factor: 0.5,
            }],
        )
        .expect_err("the infrastructure engineers give nothing to the security keys");
        let message = error.to_string();
        assert!(
            message.contains("R-INFRA-TIME") && message.contains("I-FIDO2"),
            "{message}"
        );
    }
}
