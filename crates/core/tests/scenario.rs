//! Scenarios (issue 11): whatever a leader does in a scenario, discarding it leaves the
//! plan file and its export byte for byte as they were; applying it to an unchanged
//! plan gives the scenario's plan, in one edit that one undo takes back.

use chrono::NaiveDate;
use proptest::prelude::*;
use throughline_core::diff::{Side, diff_plans};
use throughline_core::generate::generate_plan;
use throughline_core::history::History;
use throughline_core::interchange;
use throughline_core::scenario::Scenario;
use throughline_core::store::{Store, load_plan};
use throughline_core::{Edit, Link, Node, NodeKind, Plan, PlanGraph, PlanSettings};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a valid date")
}

/// One step a leader may take in a scenario; the test makes it an edit of the plan at
/// hand, valid or not (a refused edit is part of what a scenario meets).
#[derive(Debug, Clone)]
enum Step {
    Retitle(usize, String),
    Drop(usize),
    Unlink(usize),
    Add(usize, String),
    Link(usize, usize),
    Scale(usize, f64),
    Rename(String),
    Undo,
    Redo,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (any::<usize>(), "[A-Za-z ]{1,20}").prop_map(|(at, title)| Step::Retitle(at, title)),
        any::<usize>().prop_map(Step::Drop),
        any::<usize>().prop_map(Step::Unlink),
        (any::<usize>(), "[A-Za-z ]{1,20}").prop_map(|(kind, title)| Step::Add(kind, title)),
        (any::<usize>(), any::<usize>()).prop_map(|(from, to)| Step::Link(from, to)),
        (any::<usize>(), 0.0f64..3.0).prop_map(|(at, factor)| Step::Scale(at, factor)),
        "[A-Za-z ]{1,20}".prop_map(Step::Rename),
        Just(Step::Undo),
        Just(Step::Redo),
    ]
}

fn take(scenario: &mut Scenario, step: &Step, added: &mut usize) {
    let plan = scenario.graph().to_plan();
    let node =
        |at: usize| (!plan.nodes.is_empty()).then(|| plan.nodes[at % plan.nodes.len()].clone());
    let edit = match step {
        Step::Undo => {
            let _ = scenario.undo();
            return;
        }
        Step::Redo => {
            let _ = scenario.redo();
            return;
        }
        Step::Retitle(at, title) => node(*at).map(|mut node| {
            node.title = title.clone();
            Edit::UpdateNode { node }
        }),
        Step::Drop(at) => node(*at).map(|node| Edit::RemoveNode { id: node.id }),
        Step::Unlink(at) => (!plan.links.is_empty()).then(|| Edit::RemoveLink {
            key: plan.links[at % plan.links.len()].key(),
        }),
        Step::Add(kind, title) => {
            *added += 1;
            let kind = NodeKind::ALL[kind % NodeKind::ALL.len()];
            Some(Edit::AddNode {
                node: Node::new(format!("S-{added}"), kind, title.as_str()),
            })
        }
        Step::Link(from, to) => match (node(*from), node(*to)) {
            (Some(from), Some(to)) if from.kind == NodeKind::Resource => Some(Edit::AddLink {
                link: Link::allocates(from.id, to.id, 1.0),
            }),
            (Some(from), Some(to)) => Some(Edit::AddLink {
                link: Link::supports(from.id, to.id),
            }),
            _ => None,
        },
        Step::Scale(at, factor) => plan
            .links
            .iter()
            .filter(|link| link.amount.is_some())
            .nth(*at % plan.links.len().max(1))
            .map(|link| Edit::UpdateLink {
                link: Link {
                    amount: link.amount.map(|amount| amount * factor),
                    ..link.clone()
                },
            }),
        Step::Rename(name) => Some(Edit::UpdateSettings {
            settings: PlanSettings {
                name: name.clone(),
                review_cadence_days: 30,
            },
        }),
    };
    if let Some(edit) = edit {
        // A refused edit leaves the scenario as it was, as it would the plan.
        let _ = scenario.apply(edit);
    }
}

/// The same plan, whatever order its links were added in.
fn same(a: &Plan, b: &Plan) -> bool {
    let graph = |plan: &Plan| PlanGraph::from_plan(plan.clone()).expect("a checked plan");
    diff_plans(
        Side::new(&graph(a), "a", as_of()),
        Side::new(&graph(b), "b", as_of()),
    )
    .is_empty()
}

fn small_generated(seed: u64) -> PlanGraph {
    PlanGraph::from_plan(generate_plan(40, seed)).expect("generated plans are valid")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// A discarded scenario leaves the plan file and its export exactly as they were.
    #[test]
    fn a_discarded_scenario_leaves_the_plan_file_and_its_export_identical(
        seed in 0u64..1000,
        steps in prop::collection::vec(step(), 1..25),
    ) {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let path = folder.path().join("plan.throughline");
        let store = Store::create(&path, &small_generated(seed)).expect("the plan file is written");
        let export_before = interchange::to_json(&store.plan());
        let bytes_before = std::fs::read(&path).expect("the plan file reads");

        let mut scenario = Scenario::start(store.graph()).expect("a scenario starts");
        let mut added = 0;
        for step in &steps {
            take(&mut scenario, step, &mut added);
        }
        // Asking what applying would do writes nothing either.
        let _ = scenario.edit_for(store.graph(), as_of());
        drop(scenario);

        prop_assert_eq!(interchange::to_json(&store.plan()), export_before.clone());
        drop(store);
        prop_assert_eq!(std::fs::read(&path).expect("the plan file reads"), bytes_before);
        let reread = load_plan(&path).expect("the plan file reads back");
        prop_assert_eq!(interchange::to_json(&reread.to_plan()), export_before);
    }

    /// Applied to the plan it started from, a scenario's edit gives the scenario's plan
    /// (the same nodes, links and settings; new links go last, as a difference applies
    /// them), and one undo gives the plan back.
    #[test]
    fn an_applied_scenario_is_one_undoable_edit_of_the_plan(
        seed in 0u64..1000,
        steps in prop::collection::vec(step(), 1..25),
    ) {
        let mut store = Store::in_memory(&small_generated(seed)).expect("a store");
        let before = store.plan();
        let mut scenario = Scenario::start(store.graph()).expect("a scenario starts");
        let mut added = 0;
        for step in &steps {
            take(&mut scenario, step, &mut added);
        }
        let mut history = History::new();
        match scenario.edit_for(store.graph(), as_of()).expect("nothing changed the plan meanwhile") {
            None => prop_assert!(same(&scenario.graph().to_plan(), &before)),
            Some(edit) => {
                history.apply(&mut store, edit).expect("the scenario's edit applies");
                prop_assert!(same(&store.plan(), &scenario.graph().to_plan()));
                prop_assert_eq!(history.undo_len(), 1);
                history.undo(&mut store).expect("the edit undoes");
                prop_assert!(same(&store.plan(), &before));
            }
        }
    }
}
