//! Scenarios: the leader edits a copy of the plan freely, sees the difference to the
//! plan, then applies the copy's edits to the plan as one edit, or discards them.
//!
//! The copy lives in memory, with its own undo history, and is never written to the
//! plan file: discarding a scenario is dropping it. Applying turns what the scenario
//! changed since it started into one batch edit ([`crate::diff::PlanDiff::to_edit`]) for
//! the plan as it is now, refused as a whole when the plan changed meanwhile in the
//! same places ([`Error::ScenarioConflict`]).

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::diff::{PlanDiff, Side, diff_plans};
use crate::error::{Error, Result};
use crate::graph::{Edit, PlanGraph};
use crate::history::{Applied, History};
use crate::model::LinkKey;
use crate::store::Store;
use crate::text::quoted;

/// A copy of the plan being edited on its own, and the plan as it was when it started.
#[derive(Debug)]
pub struct Scenario {
    start: PlanGraph,
    /// In memory: a scenario's edits are checked as the plan's are, and written nowhere.
    store: Store,
    history: History,
}

impl Scenario {
    /// A scenario starting from `plan` as it is now.
    pub fn start(plan: &PlanGraph) -> Result<Scenario> {
        Ok(Scenario {
            start: plan.clone(),
            store: Store::in_memory(plan)?,
            history: History::new(),
        })
    }

    /// The scenario's plan as edited so far.
    pub fn graph(&self) -> &PlanGraph {
        self.store.graph()
    }

    /// The plan as it was when the scenario started.
    pub fn started_from(&self) -> &PlanGraph {
        &self.start
    }

    /// Applies one edit to the scenario (never to the plan) and remembers how to undo it.
    pub fn apply(&mut self, edit: Edit) -> Result<Applied> {
        self.history.apply(&mut self.store, edit)
    }

    /// Undoes the scenario's newest edit.
    pub fn undo(&mut self) -> Result<Applied> {
        self.history.undo(&mut self.store)
    }

    /// Redoes the scenario's newest undone edit.
    pub fn redo(&mut self) -> Result<Applied> {
        self.history.redo(&mut self.store)
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// What the scenario changed since it started, as one edit of `now` (the plan as it
    /// is now); `None` when it changed nothing.
    ///
    /// # Errors
    /// [`Error::ScenarioConflict`] when the plan changed since the scenario started in a
    /// node, link, setting or acceptance the scenario changed too (or a node one side
    /// changed is one the other linked to or from): applying would overwrite one of the
    /// two, so nothing is applied.
    pub fn edit_for(&self, now: &PlanGraph, as_of: NaiveDate) -> Result<Option<Edit>> {
        let ours = diff_plans(
            Side::new(&self.start, "the plan", as_of),
            Side::new(self.graph(), "the scenario", as_of),
        );
        if !changes_anything(&ours) {
            return Ok(None);
        }
        let theirs = diff_plans(
            Side::new(&self.start, "the plan", as_of),
            Side::new(now, "the plan now", as_of),
        );
        if changes_anything(&theirs) {
            let clashes = clashes(&Touched::of(&ours), &Touched::of(&theirs));
            if !clashes.is_empty() {
                let mut titles: Vec<String> = clashes
                    .iter()
                    .map(|id| {
                        let title = now
                            .node(id)
                            .or_else(|| self.graph().node(id))
                            .map_or(id.as_str(), |node| node.title.as_str());
                        quoted(title)
                    })
                    .collect();
                titles.dedup();
                return Err(Error::ScenarioConflict { titles });
            }
        }
        Ok(Some(ours.to_edit()))
    }
}

/// Whether a difference holds anything to apply (findings follow from the rest).
fn changes_anything(diff: &PlanDiff) -> bool {
    diff.settings.is_some()
        || !diff.nodes_added.is_empty()
        || !diff.nodes_removed.is_empty()
        || !diff.nodes_changed.is_empty()
        || !diff.links_added.is_empty()
        || !diff.links_removed.is_empty()
        || !diff.links_changed.is_empty()
        || diff.accepted_after.is_some()
}

/// What one side of a three-way comparison changed.
#[derive(Default)]
struct Touched {
    /// Nodes added, removed or changed.
    nodes: BTreeSet<String>,
    /// Nodes at either end of a link added, removed or changed.
    link_ends: BTreeSet<String>,
    links: BTreeSet<LinkKey>,
    settings: bool,
    acceptances: bool,
}

impl Touched {
    fn of(diff: &PlanDiff) -> Touched {
        let mut touched = Touched {
            settings: diff.settings.is_some(),
            acceptances: diff.accepted_after.is_some(),
            ..Touched::default()
        };
        touched.nodes.extend(
            diff.nodes_added
                .iter()
                .chain(&diff.nodes_removed)
                .map(|node| node.id.clone()),
        );
        touched
            .nodes
            .extend(diff.nodes_changed.iter().map(|change| change.id.clone()));
        for link in diff
            .links_added
            .iter()
            .chain(&diff.links_removed)
            .chain(diff.links_changed.iter().map(|change| &change.after))
        {
            touched.links.insert(link.key());
            touched.link_ends.insert(link.from.clone());
            touched.link_ends.insert(link.to.clone());
        }
        touched
    }
}

/// The ids (or, for settings and acceptances, a word) both sides changed.
fn clashes(ours: &Touched, theirs: &Touched) -> Vec<String> {
    let mut ids: BTreeSet<String> = BTreeSet::new();
    ids.extend(ours.nodes.intersection(&theirs.nodes).cloned());
    ids.extend(ours.nodes.intersection(&theirs.link_ends).cloned());
    ids.extend(ours.link_ends.intersection(&theirs.nodes).cloned());
    for key in ours.links.intersection(&theirs.links) {
        ids.insert(key.from.clone());
        ids.insert(key.to.clone());
    }
    let mut clashes: Vec<String> = ids.into_iter().collect();
    if ours.settings && theirs.settings {
        clashes.push("the plan's settings".to_owned());
    }
    if ours.acceptances && theirs.acceptances {
        clashes.push("the accepted findings".to_owned());
    }
    clashes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Node, NodeKind};
    use crate::sample::sample_plan;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).expect("a valid date")
    }

    fn retitled(plan: &PlanGraph, id: &str, title: &str) -> Edit {
        let mut node = plan.node(id).expect("the node exists").clone();
        node.title = title.to_owned();
        Edit::UpdateNode { node }
    }

    fn first_of(plan: &PlanGraph, kind: NodeKind) -> String {
        plan.nodes()
            .find(|node| node.kind == kind)
            .expect("the sample has one of each kind")
            .id
            .clone()
    }

    #[test]
    fn a_scenario_edits_its_copy_and_undoes_on_its_own() {
        let plan = sample_plan();
        let goal = first_of(&plan, NodeKind::OrgGoal);
        let mut scenario = Scenario::start(&plan).expect("a scenario starts");
        scenario
            .apply(retitled(&plan, &goal, "Renamed in the scenario"))
            .expect("the edit applies");
        assert_eq!(
            scenario.graph().node(&goal).map(|n| n.title.as_str()),
            Some("Renamed in the scenario")
        );
        assert_eq!(scenario.started_from().to_plan(), plan.to_plan());
        assert!(scenario.history().can_undo());
        scenario.undo().expect("the edit undoes");
        assert_eq!(scenario.graph().to_plan(), plan.to_plan());
        assert_eq!(
            scenario.edit_for(&plan, date()).expect("nothing clashes"),
            None,
            "a scenario back where it started has nothing to apply"
        );
    }

    #[test]
    fn its_edit_applied_to_an_unchanged_plan_gives_the_scenario() {
        let plan = sample_plan();
        let initiative = first_of(&plan, NodeKind::Initiative);
        let mut scenario = Scenario::start(&plan).expect("a scenario starts");
        scenario
            .apply(Edit::RemoveNode { id: initiative })
            .expect("the initiative can be dropped");
        scenario
            .apply(Edit::AddNode {
                node: Node::new("G-S", NodeKind::OrgGoal, "A goal of the scenario"),
            })
            .expect("a goal can be added");
        let edit = scenario
            .edit_for(&plan, date())
            .expect("nothing clashes")
            .expect("the scenario changed the plan");
        let mut applied = plan.clone();
        applied.apply(edit).expect("the edit applies");
        assert_eq!(applied.to_plan(), scenario.graph().to_plan());
    }

    #[test]
    fn a_plan_changed_elsewhere_in_the_same_node_refuses_the_scenario_naming_it() {
        let plan = sample_plan();
        let goal = first_of(&plan, NodeKind::OrgGoal);
        let mut scenario = Scenario::start(&plan).expect("a scenario starts");
        scenario
            .apply(retitled(&plan, &goal, "The scenario's title"))
            .expect("the edit applies");
        let mut now = plan.clone();
        now.apply(retitled(&plan, &goal, "Someone else's title"))
            .expect("the edit applies");
        let error = scenario
            .edit_for(&now, date())
            .expect_err("both changed the same goal");
        assert_eq!(error.code(), "scenario_conflict");
        assert!(
            error.to_string().contains("“Someone else's title”"),
            "the conflict names the goal by its title: {error}"
        );
    }

    #[test]
    fn a_plan_changed_elsewhere_in_other_places_takes_the_scenario_and_keeps_both() {
        let plan = sample_plan();
        let goal = first_of(&plan, NodeKind::OrgGoal);
        let resource = first_of(&plan, NodeKind::Resource);
        let mut scenario = Scenario::start(&plan).expect("a scenario starts");
        scenario
            .apply(retitled(&plan, &goal, "The scenario's title"))
            .expect("the edit applies");
        let mut now = plan.clone();
        now.apply(retitled(&plan, &resource, "Renamed meanwhile"))
            .expect("the edit applies");
        let edit = scenario
            .edit_for(&now, date())
            .expect("different nodes do not clash")
            .expect("the scenario changed the plan");
        now.apply(edit).expect("the scenario's edit applies");
        assert_eq!(
            now.node(&goal).map(|n| n.title.as_str()),
            Some("The scenario's title")
        );
        assert_eq!(
            now.node(&resource).map(|n| n.title.as_str()),
            Some("Renamed meanwhile")
        );
    }

    #[test]
    fn a_link_to_a_node_removed_meanwhile_is_a_conflict() {
        let plan = sample_plan();
        let strategy = first_of(&plan, NodeKind::Strategy);
        let mut scenario = Scenario::start(&plan).expect("a scenario starts");
        scenario
            .apply(Edit::AddNode {
                node: Node::new("I-S", NodeKind::Initiative, "New initiative"),
            })
            .expect("the initiative is added");
        scenario
            .apply(Edit::AddLink {
                link: Link::supports("I-S", &strategy),
            })
            .expect("it supports the strategy");
        let mut now = plan.clone();
        now.apply(Edit::RemoveNode {
            id: strategy.clone(),
        })
        .expect("the strategy is removed");
        let error = scenario
            .edit_for(&now, date())
            .expect_err("the scenario links to a node that is gone");
        assert_eq!(error.code(), "scenario_conflict");
    }
}
