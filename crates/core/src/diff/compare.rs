//! The comparison itself: every node, link, resource, finding and acceptance of two
//! plans (or only those a what-if touched) looked up on the other side.

use std::collections::{BTreeMap, BTreeSet};

use hashbrown::HashSet;

use crate::analysis::{Analysis, Finding, Rule, Severity, allocated_by};
use crate::graph::PlanGraph;
use crate::model::{Acceptance, Link, LinkKey, LinkKind, Node, NodeKind, ResourceType, Review};
use crate::text::format_amount;

use super::{
    AcceptanceChange, AllocationChange, AllocationTotal, DiffSide, FieldChange, LinkChange,
    NodeChange, NodeName, PlanDiff, SettingsChange, Side,
};

/// Which nodes, links and resources may differ between the two plans.
pub(super) enum Candidates {
    /// Any of them: two plans nothing is known about.
    All,
    /// Only these, and the resources allocating along these links or to these nodes:
    /// the new plan is the old one after an edit that touched nothing else.
    Touched {
        nodes: BTreeSet<String>,
        links: BTreeSet<LinkKey>,
    },
}

pub(super) fn compare(
    old: Side<'_>,
    old_analysis: &Analysis,
    new: Side<'_>,
    new_analysis: &Analysis,
    candidates: Candidates,
) -> PlanDiff {
    let mut diff = PlanDiff {
        old: side(old, old_analysis),
        new: side(new, new_analysis),
        settings: (old.plan.settings() != new.plan.settings()).then(|| SettingsChange {
            before: old.plan.settings().clone(),
            after: new.plan.settings().clone(),
        }),
        nodes_added: Vec::new(),
        nodes_removed: Vec::new(),
        nodes_changed: Vec::new(),
        links_added: Vec::new(),
        links_removed: Vec::new(),
        links_changed: Vec::new(),
        allocations: Vec::new(),
        allocation_totals: Vec::new(),
        findings_appeared: Vec::new(),
        findings_resolved: Vec::new(),
        new_errors: Vec::new(),
        acceptances_added: Vec::new(),
        acceptances_removed: Vec::new(),
        acceptances_changed: Vec::new(),
        acceptances_expired: Vec::new(),
        names: BTreeMap::new(),
        accepted_after: None,
    };
    let resources = match candidates {
        Candidates::All => {
            compare_all_nodes(&mut diff, old.plan, new.plan);
            compare_all_links(&mut diff, old.plan, new.plan);
            all_resources(old.plan, new.plan)
        }
        Candidates::Touched { nodes, links } => {
            compare_nodes(&mut diff, old.plan, new.plan, &nodes);
            compare_links(&mut diff, old.plan, new.plan, &links);
            resources_touched(old.plan, new.plan, &nodes, &links)
        }
    };
    compare_allocations(&mut diff, old.plan, new.plan, &resources);
    compare_findings(&mut diff, old_analysis, new_analysis);
    compare_acceptances(&mut diff, old, new);
    diff.names = names(&diff, old.plan, new.plan);
    let rekinded = diff
        .nodes_changed
        .iter()
        .any(|change| change.before.kind != change.after.kind);
    if rekinded || old.plan.accepted() != new.plan.accepted() {
        diff.accepted_after = Some(new.plan.accepted().to_vec());
    }
    diff
}

fn side(side: Side<'_>, analysis: &Analysis) -> DiffSide {
    DiffSide {
        label: side.label.to_owned(),
        as_of: side.as_of,
        summary: analysis.summary.clone(),
    }
}

/// Every node of either plan, looked up in the other; what differs is sorted by id.
fn compare_all_nodes(diff: &mut PlanDiff, old: &PlanGraph, new: &PlanGraph) {
    for before in old.nodes() {
        match new.node(&before.id) {
            None => diff.nodes_removed.push(before.clone()),
            Some(after) if after != before => {
                diff.nodes_changed
                    .push(node_change(old, new, before, after));
            }
            Some(_) => {}
        }
    }
    diff.nodes_added = new
        .nodes()
        .filter(|after| old.node(&after.id).is_none())
        .cloned()
        .collect();
    diff.nodes_removed.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    diff.nodes_added.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    diff.nodes_changed.sort_unstable_by(|a, b| a.id.cmp(&b.id));
}

/// Every link of either plan, looked up in the other without copying it; what differs
/// is sorted by key.
fn compare_all_links(diff: &mut PlanDiff, old: &PlanGraph, new: &PlanGraph) {
    for before in old.link_views() {
        match new.link_view(before.kind, before.from, before.to) {
            None => diff.links_removed.push(before.to_link()),
            Some(after) if after != before => diff.links_changed.push(LinkChange {
                before: before.to_link(),
                after: after.to_link(),
            }),
            Some(_) => {}
        }
    }
    diff.links_added = new
        .link_views()
        .filter(|after| old.link_view(after.kind, after.from, after.to).is_none())
        .map(|after| after.to_link())
        .collect();
    diff.links_removed.sort_unstable_by_key(Link::key);
    diff.links_added.sort_unstable_by_key(Link::key);
    diff.links_changed
        .sort_unstable_by_key(|change| change.after.key());
}

fn all_resources(old: &PlanGraph, new: &PlanGraph) -> BTreeSet<String> {
    old.nodes()
        .chain(new.nodes())
        .filter(|node| node.kind == NodeKind::Resource)
        .map(|node| node.id.clone())
        .collect()
}

/// Ids in sorted order, so every list built from them comes out sorted.
fn compare_nodes(diff: &mut PlanDiff, old: &PlanGraph, new: &PlanGraph, ids: &BTreeSet<String>) {
    for id in ids {
        match (old.node(id), new.node(id)) {
            (Some(before), Some(after)) if before != after => {
                diff.nodes_changed
                    .push(node_change(old, new, before, after));
            }
            (Some(_), Some(_)) | (None, None) => {}
            (Some(before), None) => diff.nodes_removed.push(before.clone()),
            (None, Some(after)) => diff.nodes_added.push(after.clone()),
        }
    }
}

fn node_change(old: &PlanGraph, new: &PlanGraph, before: &Node, after: &Node) -> NodeChange {
    let relinked = if before.kind == after.kind {
        Vec::new()
    } else {
        new.links_of(&after.id)
            .into_iter()
            .filter(|link| old.link(&link.key()).as_ref() == Some(link))
            .collect()
    };
    NodeChange {
        id: after.id.clone(),
        fields: field_changes(before, after),
        before: before.clone(),
        after: after.clone(),
        relinked,
    }
}

fn compare_links(diff: &mut PlanDiff, old: &PlanGraph, new: &PlanGraph, keys: &BTreeSet<LinkKey>) {
    for key in keys {
        match (old.link(key), new.link(key)) {
            (Some(before), Some(after)) if before != after => {
                diff.links_changed.push(LinkChange { before, after });
            }
            (Some(_), Some(_)) | (None, None) => {}
            (Some(before), None) => diff.links_removed.push(before),
            (None, Some(after)) => diff.links_added.push(after),
        }
    }
}

/// The resources whose allocated sum the touched nodes and links may have changed:
/// resources among them, and those allocating along or to them.
fn resources_touched(
    old: &PlanGraph,
    new: &PlanGraph,
    ids: &BTreeSet<String>,
    keys: &BTreeSet<LinkKey>,
) -> BTreeSet<String> {
    let mut resources = BTreeSet::new();
    for plan in [old, new] {
        for id in ids {
            let Some(node) = plan.node(id) else { continue };
            if node.kind == NodeKind::Resource {
                resources.insert(id.clone());
            } else if node.kind.is_action() {
                resources.extend(
                    plan.links_of(id)
                        .into_iter()
                        .filter(|link| link.kind == LinkKind::Allocates)
                        .map(|link| link.from),
                );
            }
        }
    }
    resources.extend(
        keys.iter()
            .filter(|key| key.kind == LinkKind::Allocates)
            .map(|key| key.from.clone()),
    );
    resources
}

fn compare_allocations(
    diff: &mut PlanDiff,
    old: &PlanGraph,
    new: &PlanGraph,
    resources: &BTreeSet<String>,
) {
    for id in resources {
        let (before, after) = (allocated_by(old, id), allocated_by(new, id));
        if before == after {
            continue;
        }
        let Some(node) = new.node(id).or_else(|| old.node(id)) else {
            continue;
        };
        diff.allocations.push(AllocationChange {
            resource: id.clone(),
            title: node.title.clone(),
            resource_type: node.resource_type,
            unit: node.unit.clone(),
            before,
            after,
        });
    }
    diff.allocation_totals = allocation_totals(&diff.allocations);
}

/// What the changed resources give out together, by resource type and unit: summed over
/// the resources that changed, so a what-if never reads the whole plan.
pub(super) fn allocation_totals(changes: &[AllocationChange]) -> Vec<AllocationTotal> {
    let mut totals: BTreeMap<(ResourceType, Option<String>), (f64, f64)> = BTreeMap::new();
    for change in changes {
        let Some(resource_type) = change.resource_type else {
            continue;
        };
        let total = totals
            .entry((resource_type, change.unit.clone()))
            .or_insert((0.0, 0.0));
        total.0 += change.before.unwrap_or(0.0);
        total.1 += change.after.unwrap_or(0.0);
    }
    totals
        .into_iter()
        .map(|((resource_type, unit), (before, after))| AllocationTotal {
            resource_type,
            unit,
            before,
            after,
        })
        .collect()
}

fn compare_findings(diff: &mut PlanDiff, old: &Analysis, new: &Analysis) {
    let key = |finding: &Finding| (finding.rule, finding.node.clone());
    let old_keys: HashSet<(Rule, String)> = old.findings.iter().map(key).collect();
    let new_keys: HashSet<(Rule, String)> = new.findings.iter().map(key).collect();
    let failing =
        |finding: &&Finding| finding.severity == Severity::Error && finding.accepted.is_none();
    let old_failing: HashSet<(Rule, String)> =
        old.findings.iter().filter(failing).map(key).collect();
    diff.findings_appeared = new
        .findings
        .iter()
        .filter(|finding| !old_keys.contains(&key(finding)))
        .cloned()
        .collect();
    diff.findings_resolved = old
        .findings
        .iter()
        .filter(|finding| !new_keys.contains(&key(finding)))
        .cloned()
        .collect();
    diff.new_errors = new
        .findings
        .iter()
        .filter(failing)
        .filter(|finding| !old_failing.contains(&key(finding)))
        .cloned()
        .collect();
}

fn compare_acceptances(diff: &mut PlanDiff, old: Side<'_>, new: Side<'_>) {
    let key = |acceptance: &Acceptance| (acceptance.node.clone(), acceptance.rule);
    let before: BTreeMap<(String, Rule), &Acceptance> =
        old.plan.accepted().iter().map(|a| (key(a), a)).collect();
    let after: BTreeMap<(String, Rule), &Acceptance> =
        new.plan.accepted().iter().map(|a| (key(a), a)).collect();
    for (key, then) in &before {
        match after.get(key) {
            None => diff.acceptances_removed.push((*then).clone()),
            Some(now) => {
                if then != now {
                    diff.acceptances_changed.push(AcceptanceChange {
                        before: (*then).clone(),
                        after: (*now).clone(),
                    });
                }
                if then.holds_on(old.as_of) && !now.holds_on(new.as_of) {
                    diff.acceptances_expired.push((*now).clone());
                }
            }
        }
    }
    diff.acceptances_added = after
        .iter()
        .filter(|(key, _)| !before.contains_key(*key))
        .map(|(_, acceptance)| (*acceptance).clone())
        .collect();
}

/// The title and kind of every node the difference names.
fn names(diff: &PlanDiff, old: &PlanGraph, new: &PlanGraph) -> BTreeMap<String, NodeName> {
    let mut ids: HashSet<&str> = HashSet::new();
    ids.extend(diff.nodes_added.iter().map(|node| node.id.as_str()));
    ids.extend(diff.nodes_removed.iter().map(|node| node.id.as_str()));
    ids.extend(diff.nodes_changed.iter().map(|change| change.id.as_str()));
    for link in diff
        .links_added
        .iter()
        .chain(&diff.links_removed)
        .chain(diff.links_changed.iter().map(|change| &change.after))
    {
        ids.insert(&link.from);
        ids.insert(&link.to);
    }
    ids.extend(
        diff.allocations
            .iter()
            .map(|change| change.resource.as_str()),
    );
    for finding in diff.findings_appeared.iter().chain(&diff.findings_resolved) {
        ids.insert(&finding.node);
    }
    for acceptance in diff
        .acceptances_added
        .iter()
        .chain(&diff.acceptances_removed)
        .chain(&diff.acceptances_expired)
        .chain(diff.acceptances_changed.iter().map(|change| &change.after))
    {
        ids.insert(&acceptance.node);
    }
    ids.into_iter()
        .filter_map(|id| {
            let node = new.node(id).or_else(|| old.node(id))?;
            Some((
                id.to_owned(),
                NodeName {
                    title: node.title.clone(),
                    kind: node.kind,
                    unit: node.unit.clone(),
                },
            ))
        })
        .collect()
}

/// The fields that differ, in the order of the interchange format, as people read them.
fn field_changes(before: &Node, after: &Node) -> Vec<FieldChange> {
    let text = |value: &Option<String>| value.clone();
    let date = |value: &Option<chrono::NaiveDate>| value.map(|date| date.to_string());
    let fields: [(&str, Option<String>, Option<String>); 13] = [
        (
            "kind",
            Some(before.kind.label().to_owned()),
            Some(after.kind.label().to_owned()),
        ),
        (
            "title",
            Some(before.title.clone()),
            Some(after.title.clone()),
        ),
        ("why", text(&before.why), text(&after.why)),
        ("owner", text(&before.owner), text(&after.owner)),
        ("team", text(&before.team), text(&after.team)),
        (
            "status",
            Some(before.status.as_str().to_owned()),
            Some(after.status.as_str().to_owned()),
        ),
        (
            "target_date",
            date(&before.target_date),
            date(&after.target_date),
        ),
        (
            "last_reviewed",
            date(&before.last_reviewed),
            date(&after.last_reviewed),
        ),
        ("reviews", reviews(&before.reviews), reviews(&after.reviews)),
        ("notes", text(&before.notes), text(&after.notes)),
        (
            "resource_type",
            before.resource_type.map(|ty| ty.label().to_owned()),
            after.resource_type.map(|ty| ty.label().to_owned()),
        ),
        (
            "capacity",
            before.capacity.map(format_amount),
            after.capacity.map(format_amount),
        ),
        ("unit", text(&before.unit), text(&after.unit)),
    ];
    let mut changes: Vec<FieldChange> = fields
        .into_iter()
        .filter(|(_, before, after)| before != after)
        .map(|(field, before, after)| FieldChange {
            field: field.to_owned(),
            before,
            after,
        })
        .collect();
    // Two amounts that print alike but differ (0.1 + 0.2 against 0.3) still differ.
    if before.capacity != after.capacity && !changes.iter().any(|c| c.field == "capacity") {
        changes.push(FieldChange {
            field: "capacity".to_owned(),
            before: before.capacity.map(|value| value.to_string()),
            after: after.capacity.map(|value| value.to_string()),
        });
    }
    // A review log edited in place, with the same count and latest date.
    if before.reviews != after.reviews && !changes.iter().any(|c| c.field == "reviews") {
        changes.push(FieldChange {
            field: "reviews".to_owned(),
            before: reviews(&before.reviews).map(|text| format!("{text}, as it was")),
            after: reviews(&after.reviews).map(|text| format!("{text}, edited")),
        });
    }
    changes
}

/// "3 reviews, latest 2026-09-01"; `None` for an empty log.
fn reviews(log: &[Review]) -> Option<String> {
    let latest = log.iter().map(|review| review.date).max()?;
    let count = log.len();
    let plural = if count == 1 { "review" } else { "reviews" };
    Some(format!("{count} {plural}, latest {latest}"))
}
