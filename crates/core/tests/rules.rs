//! Each rule of ALIGNMENT-RULES.md pinned by examples: where it fires, where it does
//! not, and the edge cases the spec spells out (dropped nodes, zero amounts, the review
//! cadence boundary, deep hierarchies, the evidence each finding carries).

mod common;

use common::{PlanBuilder, as_of, date, finding, fired, ids, of_rule};
use throughline_core::analysis::Allocation;
use throughline_core::{NodeKind, PlanGraph, ResourceType, Rule, Severity, Status, analyse};

use ResourceType::{Funding, Skill, Time, Tool};

/// O <- S <- I, with R funding I: every structural rule is satisfied.
fn aligned_chain() -> PlanBuilder {
    PlanBuilder::new()
        .org("O")
        .strategy("S")
        .initiative("I")
        .resource("R", Funding)
        .supports("S", "O")
        .supports("I", "S")
        .allocates("R", "I", 10.0)
}

// ---------------------------------------------------------------- orphan

#[test]
fn orphan_fires_for_unlinked_team_goal_strategy_and_initiative() {
    let analysis = PlanBuilder::new()
        .org("O")
        .team("T")
        .strategy("S")
        .initiative("I")
        .analyse();
    assert_eq!(
        fired(&analysis, Rule::Orphan),
        ids(&["I", "S", "T"]),
        "every unlinked team goal, strategy and initiative is an orphan; org goals never are"
    );
    for id in ["I", "S", "T"] {
        let orphan = finding(&analysis, Rule::Orphan, id);
        assert_eq!(orphan.severity, Severity::Error);
        assert_eq!(
            orphan.stops_at,
            Some(ids(&[id])),
            "a node that supports nothing stops at itself"
        );
    }
}

#[test]
fn orphan_does_not_fire_through_deep_hierarchies() {
    let analysis = PlanBuilder::new()
        .org("O1")
        .org("O2")
        .org("O3")
        .team("T1")
        .team("T2")
        .team("T3")
        .strategy("S")
        .initiative("I")
        .supports("O3", "O2")
        .supports("O2", "O1")
        .supports("T3", "T2")
        .supports("T2", "T1")
        .supports("T1", "O3")
        .supports("S", "T3")
        .supports("I", "S")
        .analyse();
    assert!(
        fired(&analysis, Rule::Orphan).is_empty(),
        "team->team->team->org->org->org reaches an org goal: {:#?}",
        analysis.findings
    );
}

#[test]
fn orphan_stops_at_lists_where_the_chains_end() {
    let analysis = PlanBuilder::new()
        .org("O")
        .team("T-top")
        .team("T-mid")
        .team("T-b")
        .strategy("S")
        .initiative("I")
        .supports("T-mid", "T-top")
        .supports("S", "T-mid")
        .supports("I", "S")
        .supports("I", "T-b")
        .analyse();
    assert_eq!(
        fired(&analysis, Rule::Orphan),
        ids(&["I", "S", "T-b", "T-mid", "T-top"])
    );
    assert_eq!(
        finding(&analysis, Rule::Orphan, "S").stops_at,
        Some(ids(&["T-top"])),
        "S's chain goes S -> T-mid -> T-top and stops there"
    );
    assert_eq!(
        finding(&analysis, Rule::Orphan, "I").stops_at,
        Some(ids(&["T-b", "T-top"])),
        "I has two ways up, ending at T-top and at T-b, sorted"
    );
    let message = &finding(&analysis, Rule::Orphan, "S").message;
    assert!(
        message.contains("T-top"),
        "the message names the dead end: {message}"
    );
}

#[test]
fn orphan_with_several_parents_needs_only_one_way_up() {
    let analysis = PlanBuilder::new()
        .org("O")
        .team("T-dead")
        .strategy("S1")
        .strategy("S2")
        .initiative("I")
        .supports("S1", "T-dead")
        .supports("S2", "O")
        .supports("I", "S1")
        .supports("I", "S2")
        .analyse();
    assert_eq!(
        fired(&analysis, Rule::Orphan),
        ids(&["S1", "T-dead"]),
        "I reaches O through S2 even though S1 leads nowhere"
    );
}

#[test]
fn orphan_ignores_dropped_nodes_and_their_links() {
    let analysis = PlanBuilder::new()
        .org("O")
        .org("O-dropped")
        .strategy("S-dropped")
        .initiative("I1")
        .initiative("I2")
        .initiative("I3")
        .supports("S-dropped", "O")
        .supports("I1", "S-dropped")
        .supports("I2", "O-dropped")
        .supports("I3", "O")
        .dropped("S-dropped")
        .dropped("O-dropped")
        .analyse();
    assert_eq!(
        fired(&analysis, Rule::Orphan),
        ids(&["I1", "I2"]),
        "a path through a dropped node, or to a dropped org goal, does not count; dropped nodes are never reported"
    );
    assert_eq!(
        finding(&analysis, Rule::Orphan, "I1").stops_at,
        Some(ids(&["I1"])),
        "the link to the dropped strategy is ignored, so I1 has no way up at all"
    );
}

#[test]
fn orphan_is_not_fired_for_done_nodes_only_for_dropped() {
    let analysis = PlanBuilder::new()
        .org("O")
        .initiative("I-done")
        .status("I-done", Status::Done)
        .initiative("I-proposed")
        .status("I-proposed", Status::Proposed)
        .analyse();
    assert_eq!(
        fired(&analysis, Rule::Orphan),
        ids(&["I-done", "I-proposed"]),
        "done and proposed nodes are present, so they can be orphans"
    );
}

// ---------------------------------------------------------------- unsupported_goal

#[test]
fn unsupported_goal_fires_for_goals_no_action_reaches() {
    let analysis = PlanBuilder::new()
        .org("O")
        .team("T")
        .team("T-below")
        .supports("T-below", "T")
        .supports("T", "O")
        .analyse();
    assert_eq!(
        fired(&analysis, Rule::UnsupportedGoal),
        ids(&["O", "T", "T-below"]),
        "goals supporting goals are not actions"
    );
    assert_eq!(
        finding(&analysis, Rule::UnsupportedGoal, "O").severity,
        Severity::Error
    );
}

#[test]
fn unsupported_goal_does_not_fire_through_several_levels() {
    let analysis = aligned_chain()
        .org("O-top")
        .org("O-mid")
        .team("T")
        .team("T-top")
        .supports("O", "O-mid")
        .supports("O-mid", "O-top")
        .strategy("S2")
        .supports("S2", "T")
        .supports("T", "T-top")
        .supports("T-top", "O-top")
        .allocates("R", "S2", 1.0)
        .analyse();
    assert!(
        fired(&analysis, Rule::UnsupportedGoal).is_empty(),
        "I -> S -> O -> O-mid -> O-top and S2 -> T -> T-top reach every goal: {:#?}",
        analysis.findings
    );
}

#[test]
fn unsupported_goal_ignores_actions_that_are_dropped_or_reach_only_through_dropped_goals() {
    let analysis = PlanBuilder::new()
        .org("O1")
        .org("O2")
        .team("T-dropped")
        .initiative("I-dropped")
        .initiative("I")
        .supports("I-dropped", "O1")
        .supports("I", "T-dropped")
        .supports("T-dropped", "O2")
        .dropped("I-dropped")
        .dropped("T-dropped")
        .analyse();
    assert_eq!(fired(&analysis, Rule::UnsupportedGoal), ids(&["O1", "O2"]));
}

// ---------------------------------------------------------------- unresourced_goal

#[test]
fn unresourced_goal_fires_when_actions_reach_it_but_none_is_resourced() {
    let analysis = PlanBuilder::new()
        .org("O")
        .team("T")
        .strategy("S")
        .initiative("I-b")
        .initiative("I-a")
        .supports("T", "O")
        .supports("S", "T")
        .supports("I-b", "S")
        .supports("I-a", "T")
        .analyse();
    assert_eq!(fired(&analysis, Rule::UnresourcedGoal), ids(&["O", "T"]));
    let o = finding(&analysis, Rule::UnresourcedGoal, "O");
    assert_eq!(o.severity, Severity::Error);
    assert_eq!(
        o.unresourced_actions,
        Some(ids(&["I-a", "I-b", "S"])),
        "the evidence lists every action under the goal, sorted, including those via a strategy"
    );
    assert!(
        fired(&analysis, Rule::UnsupportedGoal).is_empty(),
        "a goal is never both unsupported and unresourced"
    );
}

#[test]
fn unresourced_goal_does_not_fire_when_an_initiative_under_a_strategy_is_resourced() {
    let analysis = aligned_chain()
        .team("T")
        .supports("T", "O")
        .supports("S", "T")
        .analyse();
    assert!(
        fired(&analysis, Rule::UnresourcedGoal).is_empty(),
        "R -> I -> S -> T -> O resources both goals: {:#?}",
        analysis.findings
    );
    assert_eq!(analysis.summary.alignment_score, Some(1.0));
}

#[test]
fn unresourced_goal_ignores_zero_amounts_and_dropped_resources() {
    let analysis = PlanBuilder::new()
        .org("O")
        .initiative("I")
        .resource("R-zero", Funding)
        .resource("R-dropped", Tool)
        .supports("I", "O")
        .allocates("R-zero", "I", 0.0)
        .allocates("R-dropped", "I", 5.0)
        .dropped("R-dropped")
        .analyse();
    assert_eq!(fired(&analysis, Rule::UnresourcedGoal), ids(&["O"]));
    assert_eq!(fired(&analysis, Rule::UnsupportedGoal), ids(&[] as &[&str]));
}

#[test]
fn unsupported_and_unresourced_never_both_fire() {
    let analysis = PlanBuilder::new()
        .org("O-empty")
        .org("O-unresourced")
        .org("O-ok")
        .team("T-empty")
        .initiative("I1")
        .initiative("I2")
        .resource("R", Skill)
        .supports("T-empty", "O-empty")
        .supports("I1", "O-unresourced")
        .supports("I2", "O-ok")
        .allocates("R", "I2", 1.0)
        .analyse();
    assert_eq!(
        fired(&analysis, Rule::UnsupportedGoal),
        ids(&["O-empty", "T-empty"])
    );
    assert_eq!(
        fired(&analysis, Rule::UnresourcedGoal),
        ids(&["O-unresourced"])
    );
    for goal in ["O-empty", "O-unresourced", "O-ok", "T-empty"] {
        let rules: Vec<Rule> = analysis.findings_for(goal).map(|f| f.rule).collect();
        assert!(
            !(rules.contains(&Rule::UnsupportedGoal) && rules.contains(&Rule::UnresourcedGoal)),
            "{goal} got both: {rules:?}"
        );
    }
}

// ---------------------------------------------------------------- over_allocated

#[test]
fn over_allocated_fires_with_its_evidence() {
    let analysis = PlanBuilder::new()
        .org("O")
        .strategy("S-b")
        .initiative("I-a")
        .initiative("I-zero")
        .initiative("I-dropped")
        .pool("R", Funding, 100.0)
        .with("R", |r| r.unit = Some("EUR".into()))
        .supports("S-b", "O")
        .supports("I-a", "S-b")
        .supports("I-zero", "S-b")
        .allocates("R", "S-b", 60.0)
        .allocates("R", "I-a", 50.5)
        .allocates("R", "I-zero", 0.0)
        .allocates("R", "I-dropped", 1000.0)
        .dropped("I-dropped")
        .analyse();
    let over = finding(&analysis, Rule::OverAllocated, "R");
    assert_eq!(over.severity, Severity::Error);
    assert_eq!(
        over.allocations,
        Some(vec![
            Allocation {
                to: "I-a".into(),
                amount: 50.5
            },
            Allocation {
                to: "S-b".into(),
                amount: 60.0
            },
        ]),
        "evidence: the counting allocations only (no zero amount, nothing to a dropped node), sorted by target"
    );
    assert_eq!(over.allocated, Some(110.5));
    assert_eq!(over.capacity, Some(100.0));
    assert!(
        over.message.contains("110.5 EUR") && over.message.contains("100 EUR"),
        "the message gives sum and capacity with the unit: {}",
        over.message
    );
}

#[test]
fn allocated_totals_count_what_the_rules_count_and_agree_with_the_finding() {
    let graph = aligned_chain()
        .initiative("I-2")
        .supports("I-2", "S")
        .initiative("I-dropped")
        .supports("I-dropped", "S")
        .dropped("I-dropped")
        .pool("R-pool", ResourceType::Time, 1.0)
        .allocates("R-pool", "I", 0.1)
        .allocates("R-pool", "I-2", 0.2)
        .allocates("R-pool", "S", 0.75)
        .allocates("R-pool", "I-dropped", 500.0)
        .resource("R-idle", ResourceType::Tool)
        .allocates("R-idle", "I", 0.0)
        .resource("R-gone", ResourceType::Skill)
        .allocates("R-gone", "I", 3.0)
        .dropped("R-gone")
        .graph();
    let totals = throughline_core::analysis::allocated_by_resource(&graph);
    let pool = totals["R-pool"];
    assert!(
        (pool - 1.05).abs() < 1e-9,
        "dropped work takes no capacity: {pool}"
    );
    assert!(
        !totals.contains_key("R-idle"),
        "a zero amount is no counting allocation"
    );
    assert!(
        !totals.contains_key("R-gone"),
        "a dropped resource gives nothing"
    );
    let analysis = throughline_core::analyse(&graph, as_of());
    assert_eq!(
        finding(&analysis, Rule::OverAllocated, "R-pool").allocated,
        Some(pool),
        "the total is the very figure the finding quotes"
    );
}

#[test]
fn over_allocated_does_not_fire_at_or_under_capacity_or_without_one() {
    let analysis = PlanBuilder::new()
        .org("O")
        .initiative("I1")
        .initiative("I2")
        .pool("R-exact", Funding, 100.0)
        .resource("R-unlimited", Time)
        .pool("R-dropped-target", Tool, 1.0)
        .pool("R-decimal", Skill, 0.3)
        .supports("I1", "O")
        .supports("I2", "O")
        .allocates("R-exact", "I1", 60.0)
        .allocates("R-exact", "I2", 40.0)
        .allocates("R-unlimited", "I1", 1e12)
        .allocates("R-decimal", "I1", 0.1)
        .allocates("R-decimal", "I2", 0.2)
        .initiative("I-dropped")
        .allocates("R-dropped-target", "I-dropped", 50.0)
        .allocates("R-dropped-target", "I1", 1.0)
        .dropped("I-dropped")
        .analyse();
    assert!(
        fired(&analysis, Rule::OverAllocated).is_empty(),
        "exactly at capacity, no capacity, 0.1 + 0.2 against 0.3, and allocations to dropped nodes are not over-allocation: {:#?}",
        of_rule(&analysis, Rule::OverAllocated)
    );
}

#[test]
fn over_allocated_with_zero_capacity_fires_for_any_counting_amount() {
    let analysis = PlanBuilder::new()
        .org("O")
        .initiative("I")
        .supports("I", "O")
        .pool("R-zero-cap", Time, 0.0)
        .pool("R-zero-cap-zero-amount", Time, 0.0)
        .allocates("R-zero-cap", "I", 0.5)
        .allocates("R-zero-cap-zero-amount", "I", 0.0)
        .analyse();
    assert_eq!(fired(&analysis, Rule::OverAllocated), ids(&["R-zero-cap"]));
}

#[test]
fn over_allocated_ignores_dropped_resources() {
    let analysis = PlanBuilder::new()
        .org("O")
        .initiative("I")
        .supports("I", "O")
        .pool("R", Funding, 1.0)
        .allocates("R", "I", 2.0)
        .dropped("R")
        .analyse();
    assert!(fired(&analysis, Rule::OverAllocated).is_empty());
    assert!(fired(&analysis, Rule::IdleResource).is_empty());
}

// ---------------------------------------------------------------- unresourced_strategy

#[test]
fn unresourced_strategy_fires_without_own_or_initiative_resources() {
    let analysis = PlanBuilder::new()
        .org("O")
        .strategy("S-alone")
        .strategy("S-idle-initiative")
        .strategy("S-zero")
        .strategy("S-dropped-initiative")
        .initiative("I-unresourced")
        .initiative("I-dropped")
        .resource("R", Funding)
        .supports("S-alone", "O")
        .supports("S-idle-initiative", "O")
        .supports("S-zero", "O")
        .supports("S-dropped-initiative", "O")
        .supports("I-unresourced", "S-idle-initiative")
        .supports("I-dropped", "S-dropped-initiative")
        .allocates("R", "S-zero", 0.0)
        .allocates("R", "I-dropped", 3.0)
        .dropped("I-dropped")
        .analyse();
    assert_eq!(
        fired(&analysis, Rule::UnresourcedStrategy),
        ids(&[
            "S-alone",
            "S-dropped-initiative",
            "S-idle-initiative",
            "S-zero"
        ])
    );
    assert_eq!(
        finding(&analysis, Rule::UnresourcedStrategy, "S-alone").severity,
        Severity::Warning
    );
}

#[test]
fn unresourced_strategy_does_not_fire_when_resourced_or_carried_by_a_resourced_initiative() {
    let analysis = PlanBuilder::new()
        .org("O")
        .strategy("S-own")
        .strategy("S-via")
        .initiative("I")
        .resource("R", Funding)
        .supports("S-own", "O")
        .supports("S-via", "O")
        .supports("I", "S-via")
        .allocates("R", "S-own", 1.0)
        .allocates("R", "I", 1.0)
        .analyse();
    assert!(fired(&analysis, Rule::UnresourcedStrategy).is_empty());
}

// ---------------------------------------------------------------- unresourced_initiative

#[test]
fn unresourced_initiative_fires_and_does_not() {
    let analysis = PlanBuilder::new()
        .org("O")
        .initiative("I-none")
        .initiative("I-zero")
        .initiative("I-dropped-resource")
        .initiative("I-ok")
        .initiative("I-dropped")
        .resource("R", Tool)
        .resource("R-dropped", Tool)
        .supports("I-none", "O")
        .supports("I-zero", "O")
        .supports("I-dropped-resource", "O")
        .supports("I-ok", "O")
        .allocates("R", "I-zero", 0.0)
        .allocates("R", "I-ok", 2.0)
        .allocates("R-dropped", "I-dropped-resource", 2.0)
        .dropped("R-dropped")
        .dropped("I-dropped")
        .analyse();
    assert_eq!(
        fired(&analysis, Rule::UnresourcedInitiative),
        ids(&["I-dropped-resource", "I-none", "I-zero"])
    );
    assert_eq!(
        finding(&analysis, Rule::UnresourcedInitiative, "I-none").severity,
        Severity::Warning
    );
}

// ---------------------------------------------------------------- missing_why

#[test]
fn missing_why_fires_for_goals_and_strategies_with_absent_or_blank_why() {
    let analysis = aligned_chain()
        .team("T")
        .supports("T", "O")
        .with("O", |n| n.why = None)
        .with("T", |n| n.why = Some(" \t\n ".into()))
        .with("S", |n| n.why = Some(String::new()))
        .with("I", |n| n.why = None)
        .analyse();
    assert_eq!(
        fired(&analysis, Rule::MissingWhy),
        ids(&["O", "S", "T"]),
        "initiatives and resources need no why"
    );
    assert_eq!(
        finding(&analysis, Rule::MissingWhy, "O").severity,
        Severity::Warning
    );
}

#[test]
fn missing_why_does_not_fire_with_a_why_or_when_dropped() {
    let analysis = aligned_chain()
        .org("O-dropped")
        .with("O-dropped", |n| n.why = None)
        .dropped("O-dropped")
        .org("O-done")
        .with("O-done", |n| n.why = Some("x".into()))
        .status("O-done", Status::Done)
        .analyse();
    assert!(fired(&analysis, Rule::MissingWhy).is_empty());
    let done_without_why = aligned_chain()
        .with("O", |n| {
            n.why = None;
            n.status = Status::Done;
        })
        .analyse();
    assert_eq!(
        fired(&done_without_why, Rule::MissingWhy),
        ids(&["O"]),
        "done goals are present, so they still need a why"
    );
}

// ---------------------------------------------------------------- stale_review

#[test]
fn stale_review_boundary_is_exactly_the_cadence() {
    let reviewed = |days: i64| Some(as_of() - chrono::Duration::days(days));
    let analysis = aligned_chain()
        .cadence(30)
        .org("O-30")
        .with("O-30", |n| n.last_reviewed = reviewed(30))
        .org("O-31")
        .with("O-31", |n| n.last_reviewed = reviewed(31))
        .team("T-never")
        .with("T-never", |n| n.last_reviewed = None)
        .strategy("S-31")
        .with("S-31", |n| n.last_reviewed = reviewed(31))
        .org("O-future")
        .with("O-future", |n| n.last_reviewed = reviewed(-5))
        .with("I", |n| n.last_reviewed = None)
        .analyse();
    assert_eq!(
        fired(&analysis, Rule::StaleReview),
        ids(&["O-31", "S-31", "T-never"]),
        "exactly the cadence is not stale, one day more is, never reviewed is; initiatives are not reviewed"
    );
    let stale = finding(&analysis, Rule::StaleReview, "O-31");
    assert_eq!(stale.severity, Severity::Warning);
    assert!(
        stale.message.contains("31 days") && stale.message.contains("30 days"),
        "the message says how long ago and the cadence: {}",
        stale.message
    );
}

#[test]
fn stale_review_reads_the_latest_of_last_reviewed_and_the_review_log() {
    let days_ago = |days: i64| as_of() - chrono::Duration::days(days);
    let review = |days: i64| throughline_core::Review {
        date: days_ago(days),
        audience: Some("Service desk".into()),
        note: None,
    };
    let analysis = aligned_chain()
        .cadence(30)
        .with("O", |n| n.last_reviewed = None)
        // Explained again last week, though its last_reviewed field is old.
        .org("O-log-recent")
        .with("O-log-recent", |n| {
            n.last_reviewed = Some(days_ago(200));
            n.reviews = vec![review(120), review(7)];
        })
        // Only a log, and its latest entry is past the cadence.
        .org("O-log-old")
        .with("O-log-old", |n| {
            n.last_reviewed = None;
            n.reviews = vec![review(90), review(31)];
        })
        // The log is old, but last_reviewed is recent.
        .org("O-field-recent")
        .with("O-field-recent", |n| {
            n.last_reviewed = Some(days_ago(3));
            n.reviews = vec![review(400)];
        })
        .analyse();
    assert_eq!(
        fired(&analysis, Rule::StaleReview),
        ids(&["O", "O-log-old"]),
        "the later of last_reviewed and the log's dates counts"
    );
    let stale = finding(&analysis, Rule::StaleReview, "O-log-old");
    assert!(
        stale.message.contains(&days_ago(31).to_string()),
        "the message gives the latest review's date: {}",
        stale.message
    );
}

#[test]
fn stale_review_uses_the_plans_cadence() {
    let reviewed_100_days_ago = |b: PlanBuilder| {
        b.with("O", |n| {
            n.last_reviewed = Some(as_of() - chrono::Duration::days(100))
        })
    };
    let default_cadence = reviewed_100_days_ago(aligned_chain()).analyse();
    assert_eq!(
        fired(&default_cadence, Rule::StaleReview),
        ids(&["O"]),
        "100 days > the default 90"
    );
    let long_cadence = reviewed_100_days_ago(aligned_chain().cadence(100)).analyse();
    assert!(fired(&long_cadence, Rule::StaleReview).is_empty());
}

#[test]
fn stale_review_only_for_proposed_and_active() {
    let analysis = aligned_chain()
        .with("O", |n| n.last_reviewed = None)
        .org("O-proposed")
        .with("O-proposed", |n| {
            n.last_reviewed = None;
            n.status = Status::Proposed;
        })
        .org("O-done")
        .with("O-done", |n| {
            n.last_reviewed = None;
            n.status = Status::Done;
        })
        .team("T-dropped")
        .with("T-dropped", |n| {
            n.last_reviewed = Some(date("2000-01-01"));
            n.status = Status::Dropped;
        })
        .analyse();
    assert_eq!(
        fired(&analysis, Rule::StaleReview),
        ids(&["O", "O-proposed"])
    );
}

// ---------------------------------------------------------------- past_target

#[test]
fn past_target_fires_before_as_of_not_on_it() {
    let analysis = aligned_chain()
        .with("O", |n| n.target_date = Some(as_of()))
        .with("S", |n| {
            n.target_date = Some(as_of().pred_opt().expect("date"))
        })
        .with("I", |n| {
            n.target_date = Some(date("2020-01-01"));
            n.status = Status::Proposed;
        })
        .team("T-later")
        .with("T-later", |n| n.target_date = Some(date("2030-01-01")))
        .team("T-none")
        .analyse();
    assert_eq!(
        fired(&analysis, Rule::PastTarget),
        ids(&["I", "S"]),
        "a target on the as-of date is not past; the day before is; initiatives count too"
    );
    let past = finding(&analysis, Rule::PastTarget, "S");
    assert_eq!(past.severity, Severity::Warning);
    let day_before = as_of().pred_opt().expect("date").to_string();
    assert!(
        past.message.contains(&day_before) && past.message.contains("is 1 day before"),
        "the message names the target date: {}",
        past.message
    );
}

#[test]
fn past_target_ignores_done_and_dropped() {
    let analysis = aligned_chain()
        .with("O", |n| {
            n.target_date = Some(date("2020-01-01"));
            n.status = Status::Done;
        })
        .with("S", |n| {
            n.target_date = Some(date("2020-01-01"));
            n.status = Status::Dropped;
        })
        .analyse();
    assert!(fired(&analysis, Rule::PastTarget).is_empty());
}

// ---------------------------------------------------------------- capability_gap

#[test]
fn capability_gap_lists_missing_types_in_spec_order() {
    let analysis = PlanBuilder::new()
        .org("O")
        .strategy("S")
        .resource("R-time", Time)
        .resource("R-skill", Skill)
        .supports("S", "O")
        .allocates("R-time", "S", 1.0)
        .allocates("R-skill", "S", 1.0)
        .analyse();
    let gap = finding(&analysis, Rule::CapabilityGap, "S");
    assert_eq!(gap.severity, Severity::Info);
    assert_eq!(
        gap.missing,
        Some(vec![Funding, Tool]),
        "missing types come in the order funding, tool, skill, time"
    );
}

#[test]
fn capability_gap_counts_initiatives_reaching_the_strategy() {
    let analysis = PlanBuilder::new()
        .org("O")
        .strategy("S")
        .initiative("I1")
        .initiative("I2")
        .resource("R-tool", Tool)
        .resource("R-time", Time)
        .resource("R-zero-funding", Funding)
        .resource("R-dropped-skill", Skill)
        .supports("S", "O")
        .supports("I1", "S")
        .supports("I2", "S")
        .allocates("R-tool", "I1", 1.0)
        .allocates("R-time", "I2", 1.0)
        .allocates("R-zero-funding", "S", 0.0)
        .allocates("R-dropped-skill", "I1", 1.0)
        .dropped("R-dropped-skill")
        .analyse();
    assert_eq!(
        finding(&analysis, Rule::CapabilityGap, "S").missing,
        Some(vec![Funding, Skill]),
        "the initiatives' tool and time count; a zero amount and a dropped resource do not"
    );
}

#[test]
fn capability_gap_does_not_fire_when_complete_or_unresourced() {
    let complete = PlanBuilder::new()
        .org("O")
        .strategy("S")
        .initiative("I")
        .resource("R1", Funding)
        .resource("R2", Tool)
        .resource("R3", Skill)
        .resource("R4", Time)
        .supports("S", "O")
        .supports("I", "S")
        .allocates("R1", "S", 1.0)
        .allocates("R2", "S", 1.0)
        .allocates("R3", "I", 1.0)
        .allocates("R4", "I", 1.0)
        .analyse();
    assert!(fired(&complete, Rule::CapabilityGap).is_empty());

    let unresourced = PlanBuilder::new()
        .org("O")
        .strategy("S")
        .initiative("I")
        .supports("S", "O")
        .supports("I", "S")
        .analyse();
    assert!(
        fired(&unresourced, Rule::CapabilityGap).is_empty(),
        "an unresourced strategy is an unresourced_strategy, not a capability gap"
    );
    assert_eq!(fired(&unresourced, Rule::UnresourcedStrategy), ids(&["S"]));
}

// ---------------------------------------------------------------- idle_resource

#[test]
fn idle_resource_fires_without_counting_allocations() {
    let analysis = aligned_chain()
        .resource("R-none", Funding)
        .resource("R-zero", Tool)
        .resource("R-to-dropped", Skill)
        .resource("R-dropped", Time)
        .initiative("I-dropped")
        .allocates("R-zero", "I", 0.0)
        .allocates("R-to-dropped", "I-dropped", 4.0)
        .dropped("I-dropped")
        .dropped("R-dropped")
        .analyse();
    assert_eq!(
        fired(&analysis, Rule::IdleResource),
        ids(&["R-none", "R-to-dropped", "R-zero"]),
        "R gives a counting amount; a dropped resource is not reported"
    );
    assert_eq!(
        finding(&analysis, Rule::IdleResource, "R-none").severity,
        Severity::Info
    );
}

// ---------------------------------------------------------------- single_point_of_failure

#[test]
fn single_point_of_failure_lists_every_goal_it_alone_backs_sorted() {
    let analysis = PlanBuilder::new()
        .org("G-b")
        .org("G-a")
        .team("G-c")
        .strategy("S")
        .initiative("I")
        .resource("R", Funding)
        .supports("G-c", "G-b")
        .supports("G-c", "G-a")
        .supports("S", "G-c")
        .supports("I", "S")
        .allocates("R", "I", 1.0)
        .analyse();
    let spof = finding(&analysis, Rule::SinglePointOfFailure, "R");
    assert_eq!(spof.severity, Severity::Info);
    assert_eq!(
        spof.related,
        Some(ids(&["G-a", "G-b", "G-c"])),
        "every goal above, through a strategy and several parents, sorted by id"
    );
}

#[test]
fn single_point_of_failure_same_resource_via_two_actions_is_still_one() {
    let analysis = PlanBuilder::new()
        .org("O")
        .initiative("I1")
        .initiative("I2")
        .resource("R", Time)
        .supports("I1", "O")
        .supports("I2", "O")
        .allocates("R", "I1", 1.0)
        .allocates("R", "I2", 1.0)
        .analyse();
    assert_eq!(
        finding(&analysis, Rule::SinglePointOfFailure, "R").related,
        Some(ids(&["O"]))
    );
}

#[test]
fn single_point_of_failure_two_resources_behind_a_goal_is_none() {
    let analysis = PlanBuilder::new()
        .org("O")
        .team("T1")
        .team("T2")
        .initiative("I1")
        .initiative("I2")
        .resource("R1", Time)
        .resource("R2", Time)
        .supports("T1", "O")
        .supports("T2", "O")
        .supports("I1", "T1")
        .supports("I2", "T2")
        .allocates("R1", "I1", 1.0)
        .allocates("R2", "I2", 1.0)
        .analyse();
    assert_eq!(
        finding(&analysis, Rule::SinglePointOfFailure, "R1").related,
        Some(ids(&["T1"])),
        "O has R1 and R2 behind it, so only T1 depends on R1 alone"
    );
    assert_eq!(
        finding(&analysis, Rule::SinglePointOfFailure, "R2").related,
        Some(ids(&["T2"]))
    );

    let shared = PlanBuilder::new()
        .org("O")
        .initiative("I")
        .resource("R1", Funding)
        .resource("R2", Skill)
        .supports("I", "O")
        .allocates("R1", "I", 1.0)
        .allocates("R2", "I", 1.0)
        .analyse();
    assert!(
        fired(&shared, Rule::SinglePointOfFailure).is_empty(),
        "two resources on the same action: no single point of failure"
    );
}

#[test]
fn single_point_of_failure_ignores_zero_amounts_and_dropped_resources() {
    let analysis = PlanBuilder::new()
        .org("O")
        .initiative("I")
        .resource("R", Funding)
        .resource("R-zero", Tool)
        .resource("R-dropped", Skill)
        .supports("I", "O")
        .allocates("R", "I", 1.0)
        .allocates("R-zero", "I", 0.0)
        .allocates("R-dropped", "I", 1.0)
        .dropped("R-dropped")
        .analyse();
    assert_eq!(
        fired(&analysis, Rule::SinglePointOfFailure),
        ids(&["R"]),
        "the other resources do not count as backing"
    );
}

#[test]
fn single_point_of_failure_needs_a_goal() {
    let analysis = PlanBuilder::new()
        .strategy("S")
        .resource("R", Funding)
        .allocates("R", "S", 1.0)
        .analyse();
    assert!(
        fired(&analysis, Rule::SinglePointOfFailure).is_empty(),
        "an action that reaches no goal puts no goal at risk"
    );
}

// ---------------------------------------------------------------- alignment score

/// (aligned, scored, exact fraction) of an analysis.
fn score(analysis: &throughline_core::Analysis) -> (usize, usize, Option<f64>) {
    let summary = &analysis.summary;
    (summary.aligned, summary.scored, summary.alignment_score)
}

#[test]
fn alignment_score_is_null_when_nothing_is_scored() {
    let only_dropped_and_resources = PlanBuilder::new()
        .org("O-dropped")
        .resource("R", Funding)
        .dropped("O-dropped")
        .analyse();
    assert_eq!(
        score(&only_dropped_and_resources),
        (0, 0, None),
        "resources and dropped nodes are not scored"
    );
    assert_eq!(
        score(&PlanBuilder::new().analyse()),
        (0, 0, None),
        "an empty plan has no score"
    );
}

#[test]
fn alignment_score_counts_every_present_goal_strategy_and_initiative() {
    // O-ok <- I-ok (resourced) and O-ok <- T <- I-ok: aligned. O-unsupported: nothing
    // works toward it. O-unresourced <- I-idle: work without resources (two nodes down).
    let analysis = PlanBuilder::new()
        .org("O-ok")
        .org("O-unsupported")
        .org("O-unresourced")
        .org("O-dropped")
        .team("T")
        .initiative("I-ok")
        .initiative("I-idle")
        .resource("R", Funding)
        .supports("I-ok", "O-ok")
        .supports("I-idle", "O-unresourced")
        .supports("T", "O-ok")
        .supports("I-ok", "T")
        .allocates("R", "I-ok", 1.0)
        .dropped("O-dropped")
        .analyse();
    assert_eq!(
        score(&analysis),
        (3, 6, Some(0.5)),
        "O-ok, T and I-ok are aligned; O-unsupported, O-unresourced and I-idle are not; \
         the resource and the dropped goal are not scored"
    );
    let third = PlanBuilder::new()
        .org("A")
        .initiative("I")
        .resource("R", Tool)
        .supports("I", "A")
        .allocates("R", "I", 1.0)
        .team("T-loose")
        .analyse();
    assert_eq!(
        score(&third),
        (2, 3, Some(2.0 / 3.0)),
        "an unlinked team goal is scored, and lowers the score"
    );
}

#[test]
fn each_structural_rule_lowers_the_score_and_hygiene_and_resource_rules_do_not() {
    let lowering = [
        (Rule::Orphan, "an orphan"),
        (Rule::UnsupportedGoal, "an unsupported goal"),
        (Rule::UnresourcedGoal, "an unresourced goal"),
        (Rule::UnresourcedStrategy, "an unresourced strategy"),
        (Rule::UnresourcedInitiative, "an unresourced initiative"),
    ];
    for rule in Rule::ALL {
        let expected = lowering.iter().any(|(lowers, _)| *lowers == rule);
        assert_eq!(
            rule.lowers_alignment(),
            expected,
            "ALIGNMENT-RULES.md names exactly five rules that lower the score; {rule:?}"
        );
    }
    // Every rule but the five fires here, and every scored node stays aligned.
    let hygiene_and_resources = aligned_chain()
        .pool("R-over", Tool, 1.0)
        .allocates("R-over", "I", 5.0)
        .resource("R-idle", Time)
        .with("S", |s| {
            s.why = None;
            s.last_reviewed = None;
            s.target_date = Some(date("2020-01-01"));
        })
        .org("O2")
        .initiative("I2")
        .supports("I2", "O2")
        .allocates("R", "I2", 1.0)
        .analyse();
    for rule in [
        Rule::OverAllocated,
        Rule::MissingWhy,
        Rule::StaleReview,
        Rule::PastTarget,
        Rule::CapabilityGap,
        Rule::IdleResource,
        Rule::SinglePointOfFailure,
    ] {
        assert!(
            !fired(&hygiene_and_resources, rule).is_empty(),
            "the example should fire {rule:?}: {:#?}",
            hygiene_and_resources.findings
        );
    }
    assert_eq!(
        score(&hygiene_and_resources),
        (5, 5, Some(1.0)),
        "errors and warnings of other rules do not lower the score"
    );
    assert!(
        hygiene_and_resources.has_errors(),
        "100% with an error finding is possible: over-allocation is a resource rule"
    );
}

#[test]
fn the_score_shows_as_a_whole_percentage_rounded_down() {
    let summary = |aligned, scored| throughline_core::Summary {
        error: 0,
        warning: 0,
        info: 0,
        alignment_score: Some(aligned as f64 / scored as f64),
        aligned,
        scored,
    };
    assert_eq!(
        summary(29, 100).score_text(),
        "29%",
        "not 28%: 0.29 * 100 floors to 28"
    );
    assert_eq!(
        summary(2, 3).score_text(),
        "66%",
        "rounded down, not to 67%"
    );
    assert_eq!(
        summary(999, 1000).score_text(),
        "99%",
        "100% only when all is aligned"
    );
    assert_eq!(summary(5, 5).score_text(), "100%");
    assert_eq!(summary(0, 5).score_text(), "0%");
    assert_eq!(
        summary(18, 29).score_counts_text(),
        "18 of 29 goals, strategies and initiatives aligned"
    );
}

#[test]
fn the_sample_plan_no_longer_reads_100_percent_above_its_errors() {
    let plan = throughline_core::sample::sample_plan();
    let analysis = analyse(&plan, as_of());
    assert!(
        analysis.has_errors(),
        "the sample keeps its deliberate gaps"
    );
    let percent = analysis
        .summary
        .score_percent()
        .expect("the sample has goals, strategies and initiatives");
    assert!(
        percent < 100,
        "issue 8: version 1 read 100% above four error findings; version 2 reads {percent}%"
    );
    let misaligned: std::collections::BTreeSet<&str> = analysis
        .findings
        .iter()
        .filter(|f| f.rule.lowers_alignment())
        .map(|f| f.node.as_str())
        .collect();
    assert_eq!(
        analysis.summary.scored - analysis.summary.aligned,
        misaligned.len(),
        "each node named by an orphan or unsupported/unresourced finding counts once against the score"
    );
}

// ---------------------------------------------------------------- order and summary

#[test]
fn findings_are_sorted_by_severity_rule_and_node_and_counted() {
    let analysis = PlanBuilder::new()
        .org("Z")
        .org("A")
        .team("M")
        .strategy("S")
        .initiative("I")
        .resource("R-idle", Time)
        .pool("R-over", Funding, 1.0)
        .supports("I", "S")
        .allocates("R-over", "I", 2.0)
        .with("Z", |n| {
            n.why = None;
            n.last_reviewed = None;
            n.target_date = Some(date("2000-01-01"));
        })
        .with("A", |n| n.why = None)
        .analyse();
    let keys: Vec<(Severity, Rule, &str)> = analysis
        .findings
        .iter()
        .map(|f| (f.severity, f.rule, f.node.as_str()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "findings are sorted by severity, rule, node");
    for finding in &analysis.findings {
        assert_eq!(finding.severity, finding.rule.severity());
    }
    assert_eq!(
        &keys[..5],
        &[
            (Severity::Error, Rule::Orphan, "I"),
            (Severity::Error, Rule::Orphan, "M"),
            (Severity::Error, Rule::Orphan, "S"),
            (Severity::Error, Rule::UnsupportedGoal, "A"),
            (Severity::Error, Rule::UnsupportedGoal, "M"),
        ]
    );
    let count = |severity| keys.iter().filter(|k| k.0 == severity).count();
    assert_eq!(analysis.summary.error, count(Severity::Error));
    assert_eq!(analysis.summary.warning, count(Severity::Warning));
    assert_eq!(analysis.summary.info, count(Severity::Info));
    assert!(analysis.has_errors());
    assert_eq!(analysis.as_of, as_of());
}

#[test]
fn rule_order_and_severities_follow_the_spec_table() {
    let names: Vec<&str> = Rule::ALL.iter().map(|rule| rule.as_str()).collect();
    assert_eq!(
        names,
        [
            "orphan",
            "unsupported_goal",
            "unresourced_goal",
            "over_allocated",
            "unresourced_strategy",
            "unresourced_initiative",
            "missing_why",
            "stale_review",
            "past_target",
            "capability_gap",
            "idle_resource",
            "single_point_of_failure",
            "stale_acceptance"
        ]
    );
    let severities: Vec<Severity> = Rule::ALL.iter().map(|rule| rule.severity()).collect();
    use Severity::{Error, Info, Warning};
    assert_eq!(
        severities,
        [
            Error, Error, Error, Error, Warning, Warning, Warning, Warning, Warning, Info, Info,
            Info, Info
        ]
    );
    let json = serde_json::to_string(&Rule::SinglePointOfFailure).expect("rules serialize");
    assert_eq!(json, "\"single_point_of_failure\"");
}

#[test]
fn a_clean_plan_has_no_findings() {
    let analysis = PlanBuilder::new()
        .org("O")
        .strategy("S")
        .resource("R1", Funding)
        .resource("R2", Tool)
        .resource("R3", Skill)
        .resource("R4", Time)
        .supports("S", "O")
        .allocates("R1", "S", 1.0)
        .allocates("R2", "S", 1.0)
        .allocates("R3", "S", 1.0)
        .allocates("R4", "S", 1.0)
        .analyse();
    assert!(
        analysis.findings.is_empty(),
        "nothing to say about a fully aligned, resourced, reviewed plan: {:#?}",
        analysis.findings
    );
    assert!(!analysis.has_errors());
    assert_eq!(analysis.summary.alignment_score, Some(1.0));
}

#[test]
fn analysis_depends_only_on_the_plan_not_on_edit_history() {
    // The same plan built twice: once in order, once with links removed and re-added
    // and nodes removed and re-added, so that the graph's internals differ.
    let plan = PlanBuilder::new()
        .org("O")
        .team("T1")
        .team("T2")
        .strategy("S")
        .initiative("I")
        .resource("R", Funding)
        .supports("I", "S")
        .supports("S", "T1")
        .supports("S", "T2")
        .allocates("R", "I", 1.0)
        .graph();
    let mut edited = plan.clone();
    let links: Vec<_> = edited.links_of("S");
    for link in &links {
        edited.remove_link(&link.key()).expect("link exists");
    }
    for link in links.into_iter().rev() {
        edited.add_link(link).expect("link was valid");
    }
    let analysed = analyse(&plan, as_of());
    let reanalysed = analyse(&edited, as_of());
    assert_eq!(
        finding(&analysed, Rule::Orphan, "I").stops_at,
        finding(&reanalysed, Rule::Orphan, "I").stops_at
    );
    assert_eq!(analysed, reanalysed, "same plan, same analysis");
    assert_eq!(
        finding(&analysed, Rule::Orphan, "I").stops_at,
        Some(ids(&["T1"])),
        "of several dead ends, the evidence names the smallest id"
    );
    assert_eq!(
        NodeKind::ALL.len(),
        5,
        "the spec has five node kinds; update these tests if it grows"
    );
}

// ---------------------------------------------------------------- accepted findings

fn accept(rule: Rule, node: &str, until: Option<&str>) -> throughline_core::model::Acceptance {
    throughline_core::model::Acceptance {
        rule,
        node: node.to_owned(),
        reason: "This year's budget cannot buy a second one".to_owned(),
        until: until.map(date),
    }
}

/// A plan with one error (an orphan initiative) and one single point of failure.
fn plan_with_acceptances(accepted: Vec<throughline_core::model::Acceptance>) -> PlanGraph {
    let mut plan = aligned_chain().initiative("I-orphan").graph().to_plan();
    plan.accepted = accepted;
    PlanGraph::from_plan(plan).expect("a valid plan with acceptances")
}

#[test]
fn an_accepted_finding_is_still_reported_marked_and_no_longer_an_error_that_fails() {
    let plain = analyse(&plan_with_acceptances(vec![]), as_of());
    assert!(plain.has_errors(), "the orphan is an error");
    let accepted = analyse(
        &plan_with_acceptances(vec![accept(Rule::Orphan, "I-orphan", None)]),
        as_of(),
    );
    let orphan = finding(&accepted, Rule::Orphan, "I-orphan");
    assert_eq!(
        orphan.accepted.as_ref().map(|a| a.reason.as_str()),
        Some("This year's budget cannot buy a second one"),
        "still reported, marked with its reason"
    );
    assert!(
        !accepted.has_errors(),
        "an accepted error does not fail a check"
    );
    assert_eq!(
        accepted.summary, plain.summary,
        "counts and score ignore acceptances"
    );
}

#[test]
fn an_acceptance_holds_through_its_date_and_lapses_after_it() {
    let on = |until: &str| {
        analyse(
            &plan_with_acceptances(vec![accept(Rule::Orphan, "I-orphan", Some(until))]),
            as_of(),
        )
    };
    let today = as_of().to_string();
    assert!(
        !on(&today).has_errors(),
        "an acceptance until the as-of date holds on it"
    );
    let yesterday = (as_of() - chrono::Duration::days(1)).to_string();
    let lapsed = on(&yesterday);
    assert!(
        lapsed.has_errors(),
        "the finding comes back by itself when its date passes"
    );
    assert!(
        finding(&lapsed, Rule::Orphan, "I-orphan")
            .accepted
            .is_none()
    );
    assert!(
        fired(&lapsed, Rule::StaleAcceptance).is_empty(),
        "an expired acceptance simply no longer applies"
    );
}

#[test]
fn an_acceptance_in_force_that_matches_no_finding_is_reported_stale() {
    let analysis = analyse(
        &plan_with_acceptances(vec![accept(Rule::OverAllocated, "O", None)]),
        as_of(),
    );
    assert_eq!(fired(&analysis, Rule::StaleAcceptance), ids(&["O"]));
    let stale = finding(&analysis, Rule::StaleAcceptance, "O");
    assert_eq!(stale.severity, Severity::Info);
    assert_eq!(stale.related, Some(vec!["over_allocated".to_owned()]));
}

#[test]
fn acceptances_are_checked_against_the_plan() {
    for (acceptances, expected) in [
        (vec![accept(Rule::Orphan, "NOPE", None)], "NOPE"),
        (
            vec![throughline_core::model::Acceptance {
                reason: "  ".into(),
                ..accept(Rule::Orphan, "I-orphan", None)
            }],
            "reason",
        ),
        (
            vec![
                accept(Rule::Orphan, "I-orphan", None),
                accept(Rule::Orphan, "I-orphan", None),
            ],
            "already accepted",
        ),
        (
            vec![accept(Rule::StaleAcceptance, "O", None)],
            "cannot itself be accepted",
        ),
    ] {
        let mut plan = aligned_chain().initiative("I-orphan").graph().to_plan();
        plan.accepted = acceptances;
        let error = PlanGraph::from_plan(plan).expect_err("refused");
        assert!(
            error.to_string().contains("accepted entry") && error.to_string().contains(expected),
            "{error}"
        );
    }
}

#[test]
fn removing_a_node_takes_its_acceptances_and_undo_brings_them_back() {
    let mut graph = plan_with_acceptances(vec![accept(Rule::Orphan, "I-orphan", None)]);
    let before = graph.to_plan();
    let undo = graph
        .apply(throughline_core::Edit::RemoveNode {
            id: "I-orphan".into(),
        })
        .expect("removed");
    assert!(graph.accepted().is_empty());
    graph.apply(undo).expect("undone");
    assert_eq!(graph.to_plan(), before);
}
