//! Synthetic plans of any size, for benchmarks and scale tests.
//!
//! A generated plan looks like a large organization's: a few org goals, team goals
//! under them, strategies, many initiatives and the resources behind them, with a
//! few percent of honest gaps so that every rule has something to find. The same
//! seed always gives the same plan, on every platform, so benchmark figures compare.
//!
//! The plan is valid by construction: every link joins kinds the rules allow, and a
//! `supports` link only goes up a level or, within a level, to a node created
//! earlier, so no loop can form.

use chrono::NaiveDate;

use crate::analysis::Rule;
use crate::graph::PlanGraph;
use crate::model::{Acceptance, Link, Node, NodeKind, Plan, ResourceType, Status};

/// splitmix64: tiny, fast, and fully determined by the seed (no crate, no platform
/// differences), which is all a benchmark fixture needs.
#[derive(Debug, Clone)]
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (`bound` > 0); the modulo bias is irrelevant here.
    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    /// True with the given probability in percent.
    fn percent(&mut self, chance: u64) -> bool {
        self.next() % 100 < chance
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const TEAMS: [&str; 10] = [
    "Service Desk",
    "Infrastructure",
    "Security",
    "Applications",
    "Data & Analytics",
    "Networks",
    "End-User Computing",
    "Architecture",
    "Cloud Platform",
    "Enterprise Systems",
];
const FIRST_NAMES: [&str; 16] = [
    "Dana", "Priya", "Marcus", "Sofia", "Tomás", "Jamal", "Elena", "Chen", "Aisha", "Noah",
    "Hannah", "Kofi", "Mei", "Lars", "Inés", "Ravi",
];
const LAST_NAMES: [&str; 16] = [
    "Whitfield",
    "Raman",
    "Oyelaran",
    "Lindqvist",
    "Greer",
    "Okafor",
    "Petrova",
    "Wei",
    "Bello",
    "Fischer",
    "Kowalski",
    "Mensah",
    "Tanaka",
    "Nilsen",
    "García",
    "Iyer",
];
const OUTCOMES: [&str; 12] = [
    "Faster resolution of",
    "Fewer outages in",
    "Lower cost of",
    "Stronger protection of",
    "Better visibility into",
    "Simpler access to",
    "Reliable delivery of",
    "Modernized",
    "Automated",
    "Consolidated",
    "Measurable quality of",
    "Self-service for",
];
const SUBJECTS: [&str; 16] = [
    "customer support",
    "core business services",
    "identity and access",
    "the data platform",
    "network connectivity",
    "end-user devices",
    "cloud workloads",
    "finance systems",
    "HR systems",
    "the service catalogue",
    "backup and recovery",
    "vendor contracts",
    "field operations",
    "partner integrations",
    "reporting",
    "collaboration tools",
];
const APPROACHES: [&str; 10] = [
    "Shift left to",
    "Standardize on",
    "Automate",
    "Consolidate",
    "Outsource the run of",
    "Measure and publish",
    "Move to the cloud:",
    "Zero-trust approach to",
    "Product teams for",
    "Lean process for",
];
const PROJECTS: [&str; 12] = [
    "Pilot",
    "Roll out",
    "Migrate",
    "Replace",
    "Upgrade",
    "Decommission",
    "Build",
    "Integrate",
    "Document",
    "Train teams on",
    "Retender",
    "Harden",
];
const WHYS: [&str; 6] = [
    "The board asked for measurable progress here this year.",
    "It is the most common complaint in the staff survey.",
    "The current setup is past vendor support and costs more every quarter.",
    "Auditors flagged it as a material risk.",
    "Growth plans depend on it scaling without more headcount.",
    "Customers notice it first when it goes wrong.",
];

/// Which node ids of each kind exist, in creation order.
#[derive(Default)]
struct Layers {
    org_goals: Vec<String>,
    team_goals: Vec<String>,
    strategies: Vec<String>,
    initiatives: Vec<String>,
}

/// How many nodes of each kind a plan of `nodes` nodes gets: about 3% org goals,
/// 12% team goals, 20% strategies, 45% initiatives and the rest resources.
fn kind_counts(nodes: usize) -> [usize; 5] {
    if nodes == 0 {
        return [0; 5];
    }
    let org = (nodes * 3 / 100).max(1);
    let rest = nodes - org;
    let team = (nodes * 12 / 100).min(rest);
    let strategy = (nodes * 20 / 100).min(rest - team);
    let resource = (nodes * 20 / 100).min(rest - team - strategy);
    let initiative = rest - team - strategy - resource;
    [org, team, strategy, initiative, resource]
}

fn date(days_from_epoch: i64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|base| base.checked_add_signed(chrono::Duration::days(days_from_epoch)))
}

/// A synthetic plan of exactly `nodes` nodes, the same for the same seed.
///
/// Gaps are deliberate and few: about 2% of nodes are unlinked, 2% dropped, 3% of
/// goals and strategies lack a why, 5% have a stale review, 3% of open work is past
/// its target (as of late 2026), 3% of resources are over-allocated and a few are idle.
pub fn generate(nodes: usize, seed: u64) -> PlanGraph {
    let plan = generate_plan(nodes, seed);
    // Every link is built to be allowed and loop-free, so failing here is a bug in
    // this generator, not in anyone's input.
    PlanGraph::from_plan(plan).expect("generated plans are valid by construction")
}

/// The generated plan as plain data (what [`generate`] checks and builds a graph of).
pub fn generate_plan(nodes: usize, seed: u64) -> Plan {
    let mut random = Random(seed ^ 0x5468_726f_7567_686c);
    let [org, team, strategy, initiative, resource] = kind_counts(nodes);
    let mut plan = Plan::new(format!("Generated plan ({nodes} nodes, seed {seed})"));
    plan.nodes.reserve(nodes);
    plan.links.reserve(nodes * 2);
    let mut layers = Layers::default();

    for index in 0..org {
        let id = format!("G{index}");
        let mut node = work_node(&mut random, &id, NodeKind::OrgGoal, index);
        node.team = Some("Leadership".to_owned());
        node.owner = Some("Chief Information Officer".to_owned());
        if index > 0 && random.percent(10) {
            // Divisional goals that roll up into an earlier, broader one.
            let up = random.below(index);
            plan.links.push(Link::supports(&id, &layers.org_goals[up]));
        }
        plan.nodes.push(node);
        layers.org_goals.push(id);
    }

    let unsupported_gap = |index: usize| index % 50 == 17;
    for index in 0..team {
        let id = format!("T{index}");
        let node = work_node(&mut random, &id, NodeKind::TeamGoal, index);
        if !random.percent(2) {
            // Spread primary links evenly so every org goal has team goals under it.
            plan.links
                .push(Link::supports(&id, &layers.org_goals[index % org]));
            if index > 0 && random.percent(15) {
                let up = random.below(index);
                plan.links.push(Link::supports(&id, &layers.team_goals[up]));
            }
        }
        plan.nodes.push(node);
        layers.team_goals.push(id);
    }

    for index in 0..strategy {
        let id = format!("S{index}");
        let node = work_node(&mut random, &id, NodeKind::Strategy, index);
        if !random.percent(2) {
            if team == 0 || random.percent(5) {
                let up = random.below(org);
                plan.links.push(Link::supports(&id, &layers.org_goals[up]));
            } else {
                let mut up = index % team;
                if unsupported_gap(up) {
                    up = (up + 1) % team;
                }
                if !unsupported_gap(up) {
                    plan.links.push(Link::supports(&id, &layers.team_goals[up]));
                }
                if random.percent(25) {
                    let second = random.below(team);
                    if second != up && !unsupported_gap(second) {
                        plan.links
                            .push(Link::supports(&id, &layers.team_goals[second]));
                    }
                }
            }
        }
        plan.nodes.push(node);
        layers.strategies.push(id);
    }

    for index in 0..initiative {
        let id = format!("I{index}");
        let node = work_node(&mut random, &id, NodeKind::Initiative, index);
        if !random.percent(2) {
            let direct_to_goal = strategy == 0 || random.percent(8);
            if direct_to_goal && team > 0 {
                let up = random.below(team);
                if !unsupported_gap(up) {
                    plan.links.push(Link::supports(&id, &layers.team_goals[up]));
                }
            } else if direct_to_goal {
                let up = random.below(org);
                plan.links.push(Link::supports(&id, &layers.org_goals[up]));
            } else {
                let up = index % strategy;
                plan.links.push(Link::supports(&id, &layers.strategies[up]));
                if random.percent(15) {
                    let second = random.below(strategy);
                    if second != up {
                        plan.links
                            .push(Link::supports(&id, &layers.strategies[second]));
                    }
                }
            }
        }
        plan.nodes.push(node);
        layers.initiatives.push(id);
    }

    // Resources walk the actions in order, so that nearly every action gets some
    // allocation and each resource backs a cluster of related work.
    let actions = initiative + strategy;
    let mut cursor = 0usize;
    for index in 0..resource {
        let id = format!("R{index}");
        let mut node = resource_node(&mut random, &id, index);
        let allocations = if actions == 0 || random.percent(3) {
            0 // idle: budgeted, not yet assigned
        } else {
            1 + random.below(4)
        };
        let mut total = 0.0;
        let mut targets: Vec<usize> = Vec::with_capacity(allocations);
        for _ in 0..allocations {
            let target = if random.percent(80) {
                cursor += 1;
                cursor % actions
            } else {
                random.below(actions)
            };
            if targets.contains(&target) || random.percent(4) {
                continue;
            }
            targets.push(target);
            let to = if target < initiative {
                &layers.initiatives[target]
            } else {
                &layers.strategies[target - initiative]
            };
            let amount = allocation_amount(&mut random, node.resource_type);
            total += amount;
            plan.links.push(Link::allocates(&id, to, amount));
        }
        node.capacity = if random.percent(10) {
            None // unlimited: a shared platform nobody meters
        } else if total > 0.0 && random.percent(3) {
            Some((total * 0.8).floor())
        } else {
            Some(
                (total * (1.1 + random.below(90) as f64 / 100.0))
                    .ceil()
                    .max(1.0),
            )
        };
        plan.nodes.push(node);
    }
    accept_a_few(&mut plan, &layers);
    plan
}

/// Acceptances as leaders keep them: a few findings lived with until a date, and one
/// left over from a gap since closed (an org goal is never over-allocated), so that
/// every rule, `stale_acceptance` included, has a case in a generated plan.
fn accept_a_few(plan: &mut Plan, layers: &Layers) {
    let until = chrono::NaiveDate::from_ymd_opt(2027, 6, 30);
    let mut accept = |rule: Rule, node: &String, reason: &str, until| {
        plan.accepted.push(Acceptance {
            rule,
            node: node.clone(),
            reason: reason.to_owned(),
            until,
        });
    };
    if let Some(goal) = layers.org_goals.first() {
        accept(
            Rule::OverAllocated,
            goal,
            "Accepted when the budget was shared; kept by mistake",
            None,
        );
    }
    for goal in layers.org_goals.iter().skip(1).step_by(7).take(3) {
        accept(
            Rule::StaleReview,
            goal,
            "Reviewed at the annual offsite, not each quarter",
            until,
        );
    }
}

fn allocation_amount(random: &mut Random, resource_type: Option<ResourceType>) -> f64 {
    match resource_type {
        Some(ResourceType::Funding) => (5 + random.below(200)) as f64 * 1000.0,
        Some(ResourceType::Tool) => (1 + random.below(200)) as f64,
        Some(ResourceType::Skill) => (1 + random.below(12)) as f64,
        Some(ResourceType::Time) | None => (40 + random.below(2000)) as f64,
    }
}

/// A goal, strategy or initiative with realistic fields and the occasional gap.
fn work_node(random: &mut Random, id: &str, kind: NodeKind, index: usize) -> Node {
    let subject = random.pick(&SUBJECTS);
    let title = match kind {
        NodeKind::OrgGoal | NodeKind::TeamGoal => {
            format!("{} {subject}", random.pick(&OUTCOMES))
        }
        NodeKind::Strategy => format!("{} {subject}", random.pick(&APPROACHES)),
        NodeKind::Initiative | NodeKind::Resource => {
            format!("{} {subject} #{index}", random.pick(&PROJECTS))
        }
    };
    let mut node = Node::new(id, kind, title);
    node.team = Some(random.pick(&TEAMS).to_owned());
    node.owner = Some(format!(
        "{} {}",
        random.pick(&FIRST_NAMES),
        random.pick(&LAST_NAMES)
    ));
    node.status = match random.below(100) {
        0..=1 => Status::Dropped,
        2..=11 => Status::Proposed,
        12..=16 => Status::Done,
        _ => Status::Active,
    };
    let says_why = kind.is_goal() || kind == NodeKind::Strategy;
    if says_why && !random.percent(3) {
        node.why = Some(random.pick(&WHYS).to_owned());
    }
    if says_why {
        // Reviewed in the autumn of 2026, except a few stale or never reviewed.
        node.last_reviewed = match random.below(100) {
            0 => None,
            1..=4 => date(60 + random.below(120) as i64),
            _ => date(245 + random.below(80) as i64),
        };
    }
    // Targets in 2027, except a few that have slipped past late 2026.
    node.target_date = if random.percent(3) {
        date(random.below(300) as i64)
    } else {
        date(365 + random.below(365) as i64)
    };
    node
}

fn resource_node(random: &mut Random, id: &str, index: usize) -> Node {
    let (resource_type, noun, unit) = match random.below(4) {
        0 => (ResourceType::Funding, "budget", "EUR"),
        1 => (ResourceType::Tool, "licences", "seats"),
        2 => (ResourceType::Skill, "certified specialists", "people"),
        _ => (ResourceType::Time, "project time", "hours"),
    };
    let team = random.pick(&TEAMS);
    let mut node = Node::resource(id, resource_type, format!("{team} {noun} #{index}"));
    node.team = Some(team.to_owned());
    node.unit = Some(unit.to_owned());
    if random.percent(1) {
        node.status = Status::Dropped;
    }
    node
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::analysis::{Rule, analyse};

    #[test]
    fn same_seed_gives_the_same_plan_and_another_seed_does_not() {
        let first = generate_plan(2_000, 7);
        assert_eq!(
            first,
            generate_plan(2_000, 7),
            "seed 7 should be repeatable"
        );
        assert_ne!(
            first.links,
            generate_plan(2_000, 8).links,
            "another seed should give another plan"
        );
    }

    #[test]
    fn plans_have_exactly_the_requested_node_count() {
        for nodes in [0, 1, 2, 5, 17, 100, 1_234, 10_000] {
            let plan = generate(nodes, 1);
            assert_eq!(plan.node_count(), nodes, "generate({nodes}) node count");
        }
    }

    #[test]
    fn kinds_are_mixed_in_realistic_shares() {
        let plan = generate(10_000, 3);
        let share = |kind: NodeKind| {
            plan.nodes().filter(|node| node.kind == kind).count() as f64 / 10_000.0
        };
        assert!((0.02..=0.04).contains(&share(NodeKind::OrgGoal)));
        assert!((0.10..=0.14).contains(&share(NodeKind::TeamGoal)));
        assert!((0.18..=0.22).contains(&share(NodeKind::Strategy)));
        assert!((0.43..=0.47).contains(&share(NodeKind::Initiative)));
        assert!((0.18..=0.22).contains(&share(NodeKind::Resource)));
    }

    #[test]
    fn every_rule_fires_on_a_ten_thousand_node_plan_but_gaps_stay_few() {
        let plan = generate(10_000, 42);
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date");
        let analysis = analyse(&plan, as_of);
        let fired: BTreeSet<Rule> = analysis.findings.iter().map(|f| f.rule).collect();
        for rule in Rule::ALL {
            assert!(
                fired.contains(&rule),
                "rule {} should fire on a generated 10,000-node plan",
                rule.as_str()
            );
        }
        let count = |rule: Rule| analysis.findings.iter().filter(|f| f.rule == rule).count();
        for rule in [
            Rule::Orphan,
            Rule::UnsupportedGoal,
            Rule::OverAllocated,
            Rule::MissingWhy,
            Rule::StaleReview,
        ] {
            assert!(
                count(rule) < 10_000 * 8 / 100,
                "{} should be a gap of a few percent, found {}",
                rule.as_str(),
                count(rule)
            );
        }
    }
}
