//! What changed between two plans: nodes, links, allocations, findings, acceptances and
//! the alignment score, for Compare (a baseline against the plan, or two plan files),
//! the `diff` gate, what-ifs and the "Changes since" section of reports.
//!
//! [`diff_plans`] compares two whole plans; [`what_if`] compares a plan with itself
//! after a few hypothetical changes, without writing anything. The difference is
//! complete enough to be applied ([`PlanDiff::to_edit`]): applied to the old plan it
//! gives the new one, which the property tests check. Everything in it is sorted (by
//! id, by link key, by finding key), so the same two plans always give the same bytes.

mod apply;
mod compare;
mod reading;
mod render;
mod what_if;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::analysis::{Analysis, Finding, Summary, analyse};
use crate::graph::PlanGraph;
use crate::model::{Acceptance, Link, Node, NodeKind, PlanSettings, ResourceType};

pub use reading::{DiffReading, NodeMark, ReadingSection};
pub use render::{DiffSection, gate_sentence, render_markdown, render_text};
pub use what_if::{WhatIfChange, what_if, what_if_edit};

/// One side of a comparison as it is judged: what it is called, the date its findings
/// are judged on, and its counts and score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DiffSide {
    /// What people call this side: a file name, or a baseline's name.
    pub label: String,
    #[ts(type = "string")]
    pub as_of: NaiveDate,
    pub summary: Summary,
}

/// The difference between an old plan and a new one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanDiff {
    pub old: DiffSide,
    pub new: DiffSide,
    /// The plan's name or review cadence, when either changed.
    pub settings: Option<SettingsChange>,
    /// Sorted by id.
    pub nodes_added: Vec<Node>,
    pub nodes_removed: Vec<Node>,
    pub nodes_changed: Vec<NodeChange>,
    /// Sorted by kind, then from, then to.
    pub links_added: Vec<Link>,
    pub links_removed: Vec<Link>,
    /// Links whose amount or why changed.
    pub links_changed: Vec<LinkChange>,
    /// Each resource whose allocated sum changed (ALIGNMENT-RULES.md's counting
    /// allocations), sorted by id.
    pub allocations: Vec<AllocationChange>,
    /// The resources above summed by resource type and unit: what they gave out
    /// together before and after.
    pub allocation_totals: Vec<AllocationTotal>,
    /// Findings of the new plan that the old one did not have, and the reverse; sorted
    /// by severity, rule and node as an analysis sorts them.
    pub findings_appeared: Vec<Finding>,
    pub findings_resolved: Vec<Finding>,
    /// Error findings of the new plan that nobody accepted and that the old plan did not
    /// have unaccepted: what fails the `diff` gate.
    pub new_errors: Vec<Finding>,
    /// Sorted by node, then rule.
    pub acceptances_added: Vec<Acceptance>,
    pub acceptances_removed: Vec<Acceptance>,
    pub acceptances_changed: Vec<AcceptanceChange>,
    /// Acceptances that held for the old plan on its date and hold no longer: their
    /// until-date passed.
    pub acceptances_expired: Vec<Acceptance>,
    /// The title and kind of every node named above (in the new plan, else the old),
    /// so that the difference reads with titles on its own.
    pub names: BTreeMap<String, NodeName>,
    /// The new plan's accepted findings in its order, when they differ from the old
    /// plan's in any way (or a node with acceptances changed kind): what applying the
    /// difference sets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub accepted_after: Option<Vec<Acceptance>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NodeName {
    pub title: String,
    pub kind: NodeKind,
    /// A resource's unit, for the amounts it allocates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SettingsChange {
    pub before: PlanSettings,
    pub after: PlanSettings,
}

/// A node found in both plans with something different about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NodeChange {
    pub id: String,
    /// The field by field difference, in the order of the interchange format.
    pub fields: Vec<FieldChange>,
    pub before: Node,
    pub after: Node,
    /// When the kind changed: the links both plans have, unchanged, that touch it. They
    /// are put back after the node when the difference is applied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Link>>", optional)]
    pub relinked: Vec<Link>,
}

/// One field of a node, before and after, as people read it; `None` when absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldChange {
    /// The field's name in the interchange format: `title`, `status`, `capacity`...
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LinkChange {
    pub before: Link,
    pub after: Link,
}

/// What one resource gives out, before and after; `None` when it gave nothing or was
/// not there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AllocationChange {
    pub resource: String,
    pub title: String,
    pub resource_type: Option<ResourceType>,
    pub unit: Option<String>,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

/// Everything resources of one type and unit give out, before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AllocationTotal {
    pub resource_type: ResourceType,
    pub unit: Option<String>,
    pub before: f64,
    pub after: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AcceptanceChange {
    pub before: Acceptance,
    pub after: Acceptance,
}

/// A plan to compare, with the name people know it by and the date it is judged on.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub plan: &'a PlanGraph,
    pub label: &'a str,
    pub as_of: NaiveDate,
}

impl<'a> Side<'a> {
    pub fn new(plan: &'a PlanGraph, label: &'a str, as_of: NaiveDate) -> Side<'a> {
        Side { plan, label, as_of }
    }
}

/// The difference from `old` to `new`, each analysed on its own date (a baseline is
/// judged on the day it was taken: what the board saw).
///
/// # Complexity
/// Linear in the size of both plans (plus sorting what changed): two analyses, and one
/// look-up per node, link, resource and finding.
pub fn diff_plans(old: Side<'_>, new: Side<'_>) -> PlanDiff {
    // The two analyses are independent: on two cores, they take the time of one.
    let (old_analysis, new_analysis) = std::thread::scope(|scope| {
        let other = std::thread::Builder::new()
            .name("analyse-old".into())
            .spawn_scoped(scope, || analyse(old.plan, old.as_of));
        let new_analysis = analyse(new.plan, new.as_of);
        let old_analysis = match other.map(|thread| thread.join()) {
            Ok(Ok(analysis)) => analysis,
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            // No thread to be had: analyse here, one after the other.
            Err(_) => analyse(old.plan, old.as_of),
        };
        (old_analysis, new_analysis)
    });
    diff_analysed(old, &old_analysis, new, &new_analysis)
}

/// [`diff_plans`] for plans whose analyses the caller already has.
pub fn diff_analysed(
    old: Side<'_>,
    old_analysis: &Analysis,
    new: Side<'_>,
    new_analysis: &Analysis,
) -> PlanDiff {
    compare::compare(
        old,
        old_analysis,
        new,
        new_analysis,
        compare::Candidates::All,
    )
}

impl PlanDiff {
    /// Whether the plans hold the same nodes, links, settings and acceptances, and the
    /// same findings.
    pub fn is_empty(&self) -> bool {
        self.settings.is_none()
            && self.nodes_added.is_empty()
            && self.nodes_removed.is_empty()
            && self.nodes_changed.is_empty()
            && self.links_added.is_empty()
            && self.links_removed.is_empty()
            && self.links_changed.is_empty()
            && self.allocations.is_empty()
            && self.findings_appeared.is_empty()
            && self.findings_resolved.is_empty()
            && self.acceptances_added.is_empty()
            && self.acceptances_removed.is_empty()
            && self.acceptances_changed.is_empty()
            && self.acceptances_expired.is_empty()
    }

    /// Whether the new plan brings no error finding that the old one did not have
    /// (accepted findings do not count): the gate `throughline diff` exits on.
    pub fn passes_gate(&self) -> bool {
        self.new_errors.is_empty()
    }

    /// The alignment score before and after, as people read it: "62% to 70%".
    pub fn score_trend(&self) -> String {
        format!(
            "{} to {}",
            self.old.summary.score_text(),
            self.new.summary.score_text()
        )
    }

    /// The difference as one JSON document, byte for byte the same for the same plans.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self)
            .expect("a difference always serializes: its maps have string keys");
        text.push('\n');
        text
    }

    /// The part of the difference that touches the nodes `covers` accepts (a team's part
    /// of both plans, for a team's report), with each side's summary over that part.
    ///
    /// A node, finding or acceptance stays when its node is covered, a link when both its
    /// ends are, an allocation change when its resource is; the plan's settings stay. What
    /// is left reads on its own but is no longer complete enough to apply:
    /// [`PlanDiff::to_edit`] is for whole differences.
    pub fn limited_to(
        mut self,
        covers: impl Fn(&str) -> bool,
        old_summary: Summary,
        new_summary: Summary,
    ) -> PlanDiff {
        let link_covered = |link: &Link| covers(&link.from) && covers(&link.to);
        self.old.summary = old_summary;
        self.new.summary = new_summary;
        self.nodes_added.retain(|node| covers(&node.id));
        self.nodes_removed.retain(|node| covers(&node.id));
        self.nodes_changed.retain(|change| covers(&change.id));
        self.links_added.retain(link_covered);
        self.links_removed.retain(link_covered);
        self.links_changed
            .retain(|change| link_covered(&change.after));
        self.allocations.retain(|change| covers(&change.resource));
        self.allocation_totals = compare::allocation_totals(&self.allocations);
        for findings in [
            &mut self.findings_appeared,
            &mut self.findings_resolved,
            &mut self.new_errors,
        ] {
            findings.retain(|finding| covers(&finding.node));
        }
        for acceptances in [
            &mut self.acceptances_added,
            &mut self.acceptances_removed,
            &mut self.acceptances_expired,
        ] {
            acceptances.retain(|acceptance| covers(&acceptance.node));
        }
        self.acceptances_changed
            .retain(|change| covers(&change.after.node));
        self.names.retain(|id, _| covers(id));
        self.accepted_after = None;
        self
    }

    /// The title a node the difference names has in the new plan (or had in the old).
    pub fn title_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.names.get(id).map_or(id, |name| name.title.as_str())
    }

    /// The kind of a node the difference names, as it is now (or was).
    pub fn kind_of(&self, id: &str) -> Option<NodeKind> {
        self.names.get(id).map(|name| name.kind)
    }
}
