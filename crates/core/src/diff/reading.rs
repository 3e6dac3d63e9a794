//! A difference as the app shows it: the score before and after, every change as a
//! sentence, and what a leader weighing a change asks first (which goals lose or gain
//! support, which resources become over-allocated or stop being). Compare, a scenario
//! in progress and a quick what-if all show this one shape, worded here, so the window
//! never re-derives a sentence or a rule.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::analysis::{Finding, Rule};

use super::PlanDiff;
use super::render::gate_sentence;

/// One heading of the difference and one sentence per change under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ReadingSection {
    pub heading: String,
    pub lines: Vec<String>,
}

/// How a node of the newer plan differs from the older one, for marking it on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum NodeMark {
    /// Not in the older plan.
    Added,
    /// A field changed, or a link to or from it was added, removed or changed.
    Changed,
}

/// A [`PlanDiff`] in sentences a CIO reads: titles, not ids.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DiffReading {
    /// What the older and newer side are called ("Board review 2027-Q1", "the plan").
    pub old_label: String,
    pub new_label: String,
    #[ts(type = "string")]
    pub old_as_of: NaiveDate,
    #[ts(type = "string")]
    pub new_as_of: NaiveDate,
    /// The alignment score of each side, as the gauge shows it ("62%").
    pub score_before: String,
    pub score_after: String,
    /// "The alignment score went from 62% to 70%: ..."
    pub score_sentence: String,
    /// "Findings: 1 error, ... before, ... after."
    pub counts_sentence: String,
    /// Every change, in the order a reader asks (see [`PlanDiff::sections`]).
    pub sections: Vec<ReadingSection>,
    /// Goals that now have nothing (or no resource) working toward them, and the reverse.
    pub support_lost: Vec<String>,
    pub support_gained: Vec<String>,
    /// Resources that now give out more than they have, and those that no longer do.
    pub over_allocations_created: Vec<String>,
    pub over_allocations_cleared: Vec<String>,
    pub findings_appeared: usize,
    pub findings_resolved: usize,
    /// Whether the newer side brings an error finding nobody accepted that the older
    /// side did not have, said in a sentence.
    pub passes_gate: bool,
    pub gate_sentence: String,
    /// Nodes of the newer plan that are new or changed, by id.
    pub marks: BTreeMap<String, NodeMark>,
    /// Nothing differs.
    pub is_empty: bool,
}

impl DiffReading {
    pub fn of(diff: &PlanDiff) -> DiffReading {
        let goal_support = |finding: &&Finding| {
            matches!(finding.rule, Rule::UnsupportedGoal | Rule::UnresourcedGoal)
        };
        let over_allocated = |finding: &&Finding| finding.rule == Rule::OverAllocated;
        DiffReading {
            old_label: diff.old.label.clone(),
            new_label: diff.new.label.clone(),
            old_as_of: diff.old.as_of,
            new_as_of: diff.new.as_of,
            score_before: diff.old.summary.score_text(),
            score_after: diff.new.summary.score_text(),
            score_sentence: diff.score_sentence(),
            counts_sentence: diff.counts_sentence(),
            sections: diff
                .sections()
                .into_iter()
                .map(|section| ReadingSection {
                    heading: section.heading.to_owned(),
                    lines: section.lines,
                })
                .collect(),
            support_lost: sentences(diff.findings_appeared.iter().filter(goal_support)),
            support_gained: sentences(diff.findings_resolved.iter().filter(goal_support)),
            over_allocations_created: sentences(
                diff.findings_appeared.iter().filter(over_allocated),
            ),
            over_allocations_cleared: sentences(
                diff.findings_resolved.iter().filter(over_allocated),
            ),
            findings_appeared: diff.findings_appeared.len(),
            findings_resolved: diff.findings_resolved.len(),
            passes_gate: diff.passes_gate(),
            gate_sentence: gate_sentence(diff),
            marks: marks(diff),
            is_empty: diff.is_empty(),
        }
    }
}

/// The findings' own sentences, which name the node by its kind and title.
fn sentences<'a>(findings: impl Iterator<Item = &'a Finding>) -> Vec<String> {
    findings.map(|finding| finding.message.clone()).collect()
}

fn marks(diff: &PlanDiff) -> BTreeMap<String, NodeMark> {
    let mut marks: BTreeMap<String, NodeMark> = diff
        .nodes_added
        .iter()
        .map(|node| (node.id.clone(), NodeMark::Added))
        .collect();
    let removed: std::collections::BTreeSet<&str> = diff
        .nodes_removed
        .iter()
        .map(|node| node.id.as_str())
        .collect();
    let linked = diff
        .links_added
        .iter()
        .chain(&diff.links_removed)
        .chain(diff.links_changed.iter().map(|change| &change.after))
        .flat_map(|link| [link.from.as_str(), link.to.as_str()]);
    let changed = diff
        .nodes_changed
        .iter()
        .map(|change| change.id.as_str())
        .chain(linked);
    for id in changed {
        if !removed.contains(id) {
            marks.entry(id.to_owned()).or_insert(NodeMark::Changed);
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::diff::{Side, diff_plans};
    use crate::graph::{Edit, PlanGraph};
    use crate::model::{Node, NodeKind};
    use crate::sample::sample_plan;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).expect("a valid date")
    }

    fn read(old: &PlanGraph, new: &PlanGraph) -> DiffReading {
        DiffReading::of(&diff_plans(
            Side::new(old, "before", date()),
            Side::new(new, "after", date()),
        ))
    }

    #[test]
    fn a_plan_against_itself_reads_as_no_difference() {
        let plan = sample_plan();
        let reading = read(&plan, &plan);
        assert!(reading.is_empty);
        assert!(reading.sections.is_empty());
        assert!(reading.marks.is_empty());
        assert_eq!(reading.score_before, reading.score_after);
    }

    #[test]
    fn a_new_goal_is_marked_added_and_reads_as_losing_support_it_never_had() {
        let old = sample_plan();
        let mut new = old.clone();
        new.apply(Edit::AddNode {
            node: Node::new("G-NEW", NodeKind::OrgGoal, "Open a second market"),
        })
        .expect("a new goal applies");
        let reading = read(&old, &new);
        assert_eq!(reading.marks.get("G-NEW"), Some(&NodeMark::Added));
        assert!(
            reading
                .support_lost
                .iter()
                .any(|line| line.contains("“Open a second market”")),
            "a goal with nothing under it is named by its title: {:?}",
            reading.support_lost
        );
        assert!(
            reading
                .sections
                .iter()
                .any(|section| section.heading == "Nodes added"),
            "the new node has its sentence: {:?}",
            reading.sections
        );
        assert!(!reading.passes_gate, "an unsupported goal is a new error");
    }

    #[test]
    fn a_link_marks_both_ends_changed_and_a_removed_node_is_not_marked() {
        let old = sample_plan();
        let link = old
            .links()
            .find(|link| link.kind == crate::model::LinkKind::Supports)
            .expect("the sample has a supports link");
        let mut new = old.clone();
        new.apply(Edit::RemoveLink { key: link.key() })
            .expect("the link can be removed");
        let reading = read(&old, &new);
        assert_eq!(reading.marks.get(&link.from), Some(&NodeMark::Changed));
        assert_eq!(reading.marks.get(&link.to), Some(&NodeMark::Changed));

        let mut without = old.clone();
        without
            .apply(Edit::RemoveNode {
                id: link.from.clone(),
            })
            .expect("the node can be removed");
        let reading = read(&old, &without);
        assert!(
            !reading.marks.contains_key(&link.from),
            "a node no longer on the map cannot be marked on it"
        );
    }
}
