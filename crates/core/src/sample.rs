//! The sample plan: a realistic IT organization's strategy, with a few honest gaps.
//!
//! It is what the app opens on first start and what `throughline demo` writes, so a
//! new user sees every kind of node and every error rule on a plan that reads like a
//! real one. It lives in the interchange format so that it goes through the same
//! strict reader as any user's file.

use std::path::Path;

use chrono::NaiveDate;

use crate::error::Result;
use crate::graph::{Edit, PlanGraph};
use crate::interchange;
use crate::model::Link;
use crate::store::{Baseline, Store};

const SAMPLE_JSON: &str = include_str!("sample_plan.json");

/// The name of the baseline the sample plan file ships with.
pub const SAMPLE_BASELINE_NAME: &str = "Board review 2026-Q3";

/// The sample plan as interchange JSON, exactly as shipped.
pub fn sample_json() -> &'static str {
    SAMPLE_JSON
}

/// The sample plan as a checked graph.
pub fn sample_plan() -> PlanGraph {
    // The text is compiled in and pinned by the tests below: failing here is a build
    // defect, not bad user input.
    interchange::parse(SAMPLE_JSON).expect("the bundled sample plan is valid")
}

/// The sample plan as the board saw it at its review in 2026-Q3, before three changes
/// made since: the monitoring initiative added (which pushed the infrastructure
/// engineers' time over capacity), the migration's capital budget cut from 700,000 to
/// 600,000 EUR, and the cloud strategy renamed. So a first-time user sees Compare work.
///
/// Baselines live in the plan file only, never in the interchange JSON, so the sample
/// keeps one JSON file and this baseline is the sample with those changes taken back.
pub fn sample_baseline() -> (Baseline, PlanGraph) {
    let mut plan = sample_plan();
    let mut cloud = plan
        .node("S-CLOUD")
        .expect("the sample has the cloud strategy")
        .clone();
    cloud.title = "Move steady workloads to the cloud".to_owned();
    let past = Edit::Batch {
        edits: vec![
            Edit::RemoveNode {
                id: "I-MONITORING".to_owned(),
            },
            Edit::UpdateLink {
                link: Link::allocates("R-INFRA-CAPEX", "I-MIGRATE", 700_000.0),
            },
            Edit::UpdateNode { node: cloud },
        ],
    };
    plan.apply(past).expect("the sample's past is a valid plan");
    let baseline = Baseline {
        name: SAMPLE_BASELINE_NAME.to_owned(),
        taken_on: NaiveDate::from_ymd_opt(2026, 9, 15).expect("a valid date"),
    };
    (baseline, plan)
}

/// Writes the sample plan to a new plan file with its baseline, and opens it: what the
/// app's first start and `throughline demo -o FILE.throughline` give.
pub fn create_sample_file(path: &Path) -> Result<Store> {
    let mut store = Store::create(path, &sample_plan())?;
    add_sample_baseline(&mut store)?;
    Ok(store)
}

/// Adds the sample's baseline to a plan file holding the sample plan.
pub fn add_sample_baseline(store: &mut Store) -> Result<Baseline> {
    let (baseline, plan) = sample_baseline();
    store.add_baseline(&baseline.name, baseline.taken_on, &plan)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use chrono::NaiveDate;

    use super::*;
    use crate::analysis::{Rule, Severity, analyse};
    use crate::model::{NodeKind, ResourceType, Status};

    fn as_of() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date")
    }

    #[test]
    fn sample_parses_into_a_plan_of_about_forty_nodes_of_every_kind() {
        let plan = interchange::parse(sample_json()).expect("the sample plan parses");
        assert!(
            (35..=50).contains(&plan.node_count()),
            "the sample should have about 40 nodes, has {}",
            plan.node_count()
        );
        for kind in NodeKind::ALL {
            assert!(
                plan.nodes().any(|node| node.kind == kind),
                "the sample should have a {}",
                kind.as_str()
            );
        }
        for ty in ResourceType::ALL {
            assert!(
                plan.nodes().any(|node| node.resource_type == Some(ty)),
                "the sample should have a {} resource",
                ty.as_str()
            );
        }
        assert!(
            plan.nodes().any(|node| node.status == Status::Dropped),
            "the sample should show a dropped node"
        );
    }

    #[test]
    fn every_goal_and_strategy_has_an_owner_and_team_and_most_say_why() {
        let plan = sample_plan();
        let mut without_why = 0;
        for node in plan.nodes() {
            assert!(
                node.owner.is_some() && node.team.is_some(),
                "{} should have an owner and a team",
                node.id
            );
            if (node.kind.is_goal() || node.kind == NodeKind::Strategy) && node.why.is_none() {
                without_why += 1;
            }
        }
        assert_eq!(
            without_why, 1,
            "exactly one strategy should be missing its why (a deliberate gap)"
        );
    }

    #[test]
    fn every_error_rule_and_most_others_fire_on_the_sample() {
        let analysis = analyse(&sample_plan(), as_of());
        let fired: BTreeSet<Rule> = analysis.findings.iter().map(|f| f.rule).collect();
        for rule in Rule::ALL {
            assert!(
                fired.contains(&rule),
                "rule {} should fire at least once on the sample at {}; fired: {fired:?}",
                rule.as_str(),
                as_of()
            );
        }
        // A real plan with a few gaps, not a failing one: most org goals are aligned.
        let score = analysis
            .summary
            .alignment_score
            .expect("the sample has org goals");
        assert!(
            score >= 0.5,
            "the sample should be mostly aligned, score {score}"
        );
        assert!(
            analysis.summary.error <= 8,
            "a few honest gaps, not a wall of errors: {} errors",
            analysis.summary.error
        );
        assert!(
            analysis
                .findings
                .iter()
                .any(|f| f.severity == Severity::Error)
        );
    }

    #[test]
    fn goals_and_strategies_have_a_review_history_that_ends_at_their_last_review() {
        let plan = sample_plan();
        let logged: Vec<&str> = plan
            .nodes()
            .filter(|node| !node.reviews.is_empty())
            .map(|node| node.id.as_str())
            .collect();
        for kind in [NodeKind::OrgGoal, NodeKind::TeamGoal, NodeKind::Strategy] {
            assert!(
                plan.nodes()
                    .any(|node| node.kind == kind && !node.reviews.is_empty()),
                "a {} with a review log, so the demo's log is not empty; logged: {logged:?}",
                kind.label()
            );
        }
        for node in plan.nodes().filter(|node| !node.reviews.is_empty()) {
            let dates: Vec<NaiveDate> = node.reviews.iter().map(|review| review.date).collect();
            assert!(dates.is_sorted(), "{}'s reviews run oldest first", node.id);
            // The log tells the story behind `last_reviewed`, so the findings the
            // sample is built to show at its as-of date stay as they are.
            assert_eq!(
                dates.last().copied(),
                node.last_reviewed,
                "{}'s latest logged review is its last review",
                node.id
            );
            assert!(
                node.reviews
                    .iter()
                    .all(|review| review.audience.is_some() && review.note.is_some()),
                "{}'s reviews say to whom and what came up",
                node.id
            );
        }
    }

    #[test]
    fn sample_round_trips_through_the_interchange_format() {
        let plan = sample_plan().to_plan();
        let again = interchange::parse(&interchange::to_json(&plan))
            .expect("written sample parses")
            .to_plan();
        assert_eq!(plan, again, "the sample should survive export and import");
    }

    #[test]
    fn the_baseline_differs_from_the_sample_in_a_few_ways_a_board_would_ask_about() {
        let (baseline, past) = sample_baseline();
        let now = sample_plan();
        let diff = crate::diff::diff_plans(
            crate::diff::Side::new(&past, &baseline.name, baseline.taken_on),
            crate::diff::Side::new(&now, "today", as_of()),
        );
        let added: Vec<&str> = diff.nodes_added.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(added, ["I-MONITORING"]);
        let changed: Vec<&str> = diff.nodes_changed.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(changed, ["S-CLOUD"]);
        assert_eq!(diff.links_changed.len(), 1, "the migration's budget");
        assert!(
            diff.findings_appeared
                .iter()
                .any(|f| f.rule == Rule::OverAllocated && f.node == "R-INFRA-TIME"),
            "the new initiative pushed the engineers over: {:?}",
            diff.findings_appeared
        );
        assert!(!diff.passes_gate(), "and that is a new error");
    }
}
