//! Property tests over random valid plans:
//! (a) `analyse` agrees with a brute-force reading of ALIGNMENT-RULES.md written here
//!     from the rule text alone (explicit path searches, nothing shared with analysis.rs);
//! (b) export then import gives back the same plan, and the same analysis, however
//!     another program writes the exported text again;
//! (c) a refused edit changes nothing, and an edit followed by its inverse gives back
//!     exactly the plan it started from, for every kind of edit;
//! (d) the store's shared plan, kept up to date edit by edit, is always the plan;
//! (e) the analysis kept up to date edit by edit equals a full analysis after every
//!     edit, undo and redo, and the changes it answers turn one into the next; so do
//!     the plan changes answered (nodes, links, allocated sums, whether the structure
//!     changed);
//! (f) the difference of a plan with itself is empty, and the difference of two plans,
//!     applied to the first, gives the second; a what-if, which compares only what its
//!     changes touched, gives the very difference a whole comparison gives.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use throughline_core::analysis::{AnalysisChange, IncrementalAnalysis, allocated_by_resource};
use throughline_core::diff::{Side, WhatIfChange, diff_plans, what_if, what_if_edit};
use throughline_core::history::Applied;
use throughline_core::history::History;
use throughline_core::plan_change::PlanChange;
use throughline_core::store::Store;
use throughline_core::{
    Analysis, Edit, Link, LinkKey, LinkKind, Node, NodeKind, Plan, PlanGraph, PlanSettings,
    ResourceType, Rule, Status, analyse, interchange,
};

use common::as_of;
use common::foreign::{KeyOrder, Style, rewrite};

// ---------------------------------------------------------------- random plans

#[derive(Debug, Clone)]
enum Reviewed {
    /// Days before the as-of date, relative to the cadence (-2..=2 around it).
    NearCadence(i64),
    DaysAgo(i64),
}

#[derive(Debug, Clone)]
struct NodeSpec {
    kind: NodeKind,
    status: Status,
    prefix: char,
    title: String,
    why: Option<String>,
    owner: Option<String>,
    notes: Option<String>,
    reviewed: Option<Reviewed>,
    target_days_from_as_of: Option<i64>,
    resource_type: ResourceType,
    capacity: Option<f64>,
    unit: Option<String>,
}

#[derive(Debug, Clone)]
struct LinkSpec {
    /// Use the kind the `from` node's kind calls for (most links then have a chance).
    natural_kind: bool,
    allocates: bool,
    from: usize,
    to: usize,
    amount: f64,
    why: Option<String>,
}

#[derive(Debug, Clone)]
struct PlanSpec {
    name: String,
    cadence: u32,
    nodes: Vec<NodeSpec>,
    links: Vec<LinkSpec>,
}

fn kind() -> impl Strategy<Value = NodeKind> {
    prop::sample::select(NodeKind::ALL.to_vec())
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        3 => Just(Status::Active),
        1 => Just(Status::Proposed),
        1 => Just(Status::Done),
        1 => Just(Status::Dropped),
    ]
}

fn resource_type() -> impl Strategy<Value = ResourceType> {
    prop::sample::select(ResourceType::ALL.to_vec())
}

/// Text that a careless reader would mangle: markup, quotes, escapes, emoji,
/// right-to-left and invisible characters, control characters.
const HOSTILE: [&str; 14] = [
    "<script>alert('x')</script>",
    "\"quoted\" and 'single' and `back`",
    "emoji 🎯🚀 👩‍👩‍👧 family",
    "مرحبا بالعالم",
    "שלום \u{202E}desrever\u{202C} end",
    "back\\slash \\n \\u0041",
    "line\nbreak\ttab\r\n",
    "nul \u{0} and bell \u{7}",
    "{\"json\": [1, 2]}",
    "&amp; &lt;b&gt; </div>",
    "  leading and trailing  ",
    "zero\u{200D}width\u{200B}joiner",
    "\u{FEFF}bom",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 astral",
];

/// Plain text, or (when `hostile`) anything at all.
fn text(hostile: bool) -> BoxedStrategy<String> {
    if hostile {
        prop_oneof![
            prop::sample::select(HOSTILE.to_vec()).prop_map(str::to_owned),
            any::<String>(),
        ]
        .boxed()
    } else {
        "[a-z]{1,6}".boxed()
    }
}

fn title(hostile: bool) -> BoxedStrategy<String> {
    text(hostile)
        .prop_filter("titles are not blank", |title| !title.trim().is_empty())
        .boxed()
}

/// Why texts: absent, blank or written.
fn why(hostile: bool) -> BoxedStrategy<Option<String>> {
    prop_oneof![
        Just(None),
        Just(Some(String::new())),
        Just(Some(" \n\t".to_owned())),
        text(hostile).prop_map(Some),
    ]
    .boxed()
}

/// Amounts that add up exactly in binary (for comparing sums with the brute force),
/// or (when `any_amount`) any finite number the format allows.
fn amount(any_amount: bool) -> BoxedStrategy<f64> {
    let exact = prop::sample::select(vec![0.0, 0.5, 1.0, 2.0, 5.0, 10.0]);
    if any_amount {
        prop_oneof![
            exact,
            0.0..1e15f64,
            Just(f64::MIN_POSITIVE),
            Just(5e-324),
            Just(f64::MAX),
            Just(0.1),
            Just(1.0 / 3.0),
        ]
        .boxed()
    } else {
        exact.boxed()
    }
}

fn reviewed() -> impl Strategy<Value = Option<Reviewed>> {
    prop_oneof![
        Just(None),
        (-2i64..=2).prop_map(|d| Some(Reviewed::NearCadence(d))),
        (-10i64..200).prop_map(|d| Some(Reviewed::DaysAgo(d))),
    ]
}

fn node_spec(hostile: bool, any_amount: bool) -> impl Strategy<Value = NodeSpec> {
    (
        (
            kind(),
            status(),
            prop::sample::select(vec!['a', 'B', 'x', 'Z', '_', '9']),
            title(hostile),
            why(hostile),
            prop::option::of(text(hostile)),
            prop::option::of(text(hostile)),
        ),
        (
            reviewed(),
            prop::option::of(-3i64..=3),
            resource_type(),
            prop::option::of(prop_oneof![
                amount(any_amount),
                prop::sample::select(vec![0.0, 1.0, 3.0, 10.0, 100.0]),
            ]),
            prop::option::of(text(hostile)),
        ),
    )
        .prop_map(
            |(
                (kind, status, prefix, title, why, owner, notes),
                (reviewed, target, resource_type, capacity, unit),
            )| NodeSpec {
                kind,
                status,
                prefix,
                title,
                why,
                owner,
                notes,
                reviewed,
                target_days_from_as_of: target,
                resource_type,
                capacity,
                unit,
            },
        )
}

fn link_spec(hostile: bool, any_amount: bool) -> impl Strategy<Value = LinkSpec> {
    (
        prop::bool::weighted(0.85),
        any::<bool>(),
        any::<usize>(),
        any::<usize>(),
        amount(any_amount),
        prop::option::of(text(hostile)),
    )
        .prop_map(
            |(natural_kind, allocates, from, to, amount, why)| LinkSpec {
                natural_kind,
                allocates,
                from,
                to,
                amount,
                why,
            },
        )
}

fn plan_spec(hostile: bool, any_amount: bool) -> impl Strategy<Value = PlanSpec> {
    (
        title(hostile),
        1u32..60,
        prop::collection::vec(node_spec(hostile, any_amount), 0..14),
        prop::collection::vec(link_spec(hostile, any_amount), 0..45),
    )
        .prop_map(|(name, cadence, nodes, links)| PlanSpec {
            name,
            cadence,
            nodes,
            links,
        })
}

fn node_of(spec: &NodeSpec, index: usize, cadence: u32) -> Node {
    let mut node = Node::new(format!("{}{index}", spec.prefix), spec.kind, &spec.title);
    node.status = spec.status;
    node.why = spec.why.clone();
    node.owner = spec.owner.clone();
    node.notes = spec.notes.clone();
    if spec.kind == NodeKind::Resource {
        node.resource_type = Some(spec.resource_type);
        node.capacity = spec.capacity;
        node.unit = spec.unit.clone();
    } else {
        node.last_reviewed = spec.reviewed.as_ref().map(|reviewed| {
            let days_ago = match reviewed {
                Reviewed::NearCadence(delta) => i64::from(cadence) + delta,
                Reviewed::DaysAgo(days) => *days,
            };
            as_of() - Duration::days(days_ago)
        });
        node.target_date = spec
            .target_days_from_as_of
            .map(|days| as_of() + Duration::days(days));
    }
    node
}

/// Builds the plan through the graph's own checks, the way the app does: links that
/// break a rule (wrong kinds, duplicates, loops) are refused and left out.
fn build(spec: &PlanSpec) -> PlanGraph {
    let mut graph = PlanGraph::new(PlanSettings {
        name: spec.name.clone(),
        review_cadence_days: spec.cadence,
    })
    .expect("generated settings are valid");
    for (index, node) in spec.nodes.iter().enumerate() {
        graph
            .add_node(node_of(node, index, spec.cadence))
            .expect("generated nodes are valid");
    }
    let ids: Vec<String> = graph.to_plan().nodes.into_iter().map(|n| n.id).collect();
    if ids.is_empty() {
        return graph;
    }
    for link in &spec.links {
        let from = &ids[link.from % ids.len()];
        let to = &ids[link.to % ids.len()];
        let from_kind = graph.node(from).expect("id from the plan").kind;
        let allocates = if link.natural_kind {
            from_kind == NodeKind::Resource
        } else {
            link.allocates
        };
        let candidate = if allocates {
            Link::allocates(from, to, link.amount)
        } else {
            Link::supports(from, to)
        };
        let candidate = Link {
            why: link.why.clone(),
            ..candidate
        };
        if let Err(error) = graph.add_link(candidate) {
            assert!(
                ["wrong_kinds", "self_link", "duplicate_link", "loop"].contains(&error.code()),
                "a generated link of allowed fields can only break a graph rule: {error}"
            );
        }
    }
    graph
}

// ---------------------------------------------------------------- the brute force

/// ALIGNMENT-RULES.md read literally, over the plain plan data.
struct Oracle<'a> {
    plan: &'a Plan,
    as_of: NaiveDate,
    nodes: BTreeMap<&'a str, &'a Node>,
}

type Key = (Rule, String, Option<Vec<ResourceType>>, Option<Vec<String>>);

impl<'a> Oracle<'a> {
    fn new(plan: &'a Plan, as_of: NaiveDate) -> Oracle<'a> {
        Oracle {
            plan,
            as_of,
            nodes: plan.nodes.iter().map(|n| (n.id.as_str(), n)).collect(),
        }
    }

    fn present(&self, id: &str) -> bool {
        self.nodes[id].status != Status::Dropped
    }

    fn present_nodes(&self) -> impl Iterator<Item = &'a Node> + '_ {
        self.plan
            .nodes
            .iter()
            .filter(|n| n.status != Status::Dropped)
    }

    /// "X reaches Y": a path of one or more supports links from X to Y through
    /// present nodes only. A plain depth-first search, pair by pair.
    fn reaches(&self, x: &str, y: &str) -> bool {
        if !self.present(x) || !self.present(y) {
            return false;
        }
        let mut seen = BTreeSet::new();
        let mut stack = vec![x];
        while let Some(at) = stack.pop() {
            for link in &self.plan.links {
                if link.kind == LinkKind::Supports
                    && link.from == at
                    && self.present(&link.to)
                    && seen.insert(link.to.as_str())
                {
                    if link.to == y {
                        return true;
                    }
                    stack.push(&link.to);
                }
            }
        }
        false
    }

    /// Counting allocations: present resource, present target, amount > 0.
    fn counting(&self) -> Vec<(&'a str, &'a str, f64)> {
        self.plan
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::Allocates)
            .filter(|l| self.present(&l.from) && self.present(&l.to))
            .filter_map(|l| {
                let amount = l.amount.expect("allocations carry an amount");
                (amount > 0.0).then_some((l.from.as_str(), l.to.as_str(), amount))
            })
            .collect()
    }

    fn resourced(&self, id: &str) -> bool {
        self.counting().iter().any(|(_, to, _)| *to == id)
    }

    fn is_goal(kind: NodeKind) -> bool {
        kind == NodeKind::OrgGoal || kind == NodeKind::TeamGoal
    }

    fn is_action(kind: NodeKind) -> bool {
        kind == NodeKind::Strategy || kind == NodeKind::Initiative
    }

    fn actions_reaching(&self, goal: &str) -> Vec<&'a Node> {
        self.present_nodes()
            .filter(|a| Self::is_action(a.kind) && self.reaches(&a.id, goal))
            .collect()
    }

    fn unsupported(&self, goal: &Node) -> bool {
        Self::is_goal(goal.kind) && self.actions_reaching(&goal.id).is_empty()
    }

    fn unresourced(&self, goal: &Node) -> bool {
        let actions = self.actions_reaching(&goal.id);
        Self::is_goal(goal.kind)
            && !actions.is_empty()
            && actions.iter().all(|a| !self.resourced(&a.id))
    }

    fn findings(&self) -> Vec<Key> {
        let mut out: Vec<Key> = Vec::new();
        let cadence = i64::from(self.plan.review_cadence_days);
        let open = |n: &Node| matches!(n.status, Status::Proposed | Status::Active);
        let counting = self.counting();
        let mut spof: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for n in self.present_nodes() {
            let id = n.id.clone();
            let plain = |rule| (rule, id.clone(), None, None);
            let kind = n.kind;
            if matches!(
                kind,
                NodeKind::TeamGoal | NodeKind::Strategy | NodeKind::Initiative
            ) && !self
                .present_nodes()
                .any(|o| o.kind == NodeKind::OrgGoal && self.reaches(&n.id, &o.id))
            {
                out.push(plain(Rule::Orphan));
            }
            if Self::is_goal(kind) && self.unsupported(n) {
                out.push(plain(Rule::UnsupportedGoal));
            }
            if Self::is_goal(kind) && self.unresourced(n) {
                out.push(plain(Rule::UnresourcedGoal));
            }
            if kind == NodeKind::Resource {
                if let Some(capacity) = n.capacity {
                    let sum: f64 = counting
                        .iter()
                        .filter(|(from, _, _)| *from == n.id)
                        .map(|(_, _, amount)| amount)
                        .sum();
                    if sum > capacity {
                        out.push(plain(Rule::OverAllocated));
                    }
                }
                if !counting.iter().any(|(from, _, _)| *from == n.id) {
                    out.push(plain(Rule::IdleResource));
                }
            }
            let resourced_initiative_reaches = || {
                self.present_nodes().any(|i| {
                    i.kind == NodeKind::Initiative
                        && self.resourced(&i.id)
                        && self.reaches(&i.id, &n.id)
                })
            };
            if kind == NodeKind::Strategy
                && !self.resourced(&n.id)
                && !resourced_initiative_reaches()
            {
                out.push(plain(Rule::UnresourcedStrategy));
            }
            if kind == NodeKind::Initiative && !self.resourced(&n.id) {
                out.push(plain(Rule::UnresourcedInitiative));
            }
            let goal_or_strategy = Self::is_goal(kind) || kind == NodeKind::Strategy;
            if goal_or_strategy && n.why.as_deref().is_none_or(|w| w.trim().is_empty()) {
                out.push(plain(Rule::MissingWhy));
            }
            if goal_or_strategy
                && open(n)
                && n.last_reviewed
                    .is_none_or(|r| (self.as_of - r).num_days() > cadence)
            {
                out.push(plain(Rule::StaleReview));
            }
            if kind != NodeKind::Resource
                && open(n)
                && n.target_date.is_some_and(|t| t < self.as_of)
            {
                out.push(plain(Rule::PastTarget));
            }
            if kind == NodeKind::Strategy
                && (self.resourced(&n.id) || resourced_initiative_reaches())
            {
                let behind: Vec<&str> = std::iter::once(n.id.as_str())
                    .chain(
                        self.present_nodes()
                            .filter(|i| {
                                i.kind == NodeKind::Initiative && self.reaches(&i.id, &n.id)
                            })
                            .map(|i| i.id.as_str()),
                    )
                    .collect();
                let types: BTreeSet<ResourceType> = counting
                    .iter()
                    .filter(|(_, to, _)| behind.contains(to))
                    .map(|(from, _, _)| {
                        self.nodes[from]
                            .resource_type
                            .expect("resources have a type")
                    })
                    .collect();
                let missing: Vec<ResourceType> = [
                    ResourceType::Funding,
                    ResourceType::Tool,
                    ResourceType::Skill,
                    ResourceType::Time,
                ]
                .into_iter()
                .filter(|ty| !types.contains(ty))
                .collect();
                if !missing.is_empty() {
                    out.push((Rule::CapabilityGap, id.clone(), Some(missing), None));
                }
            }
            if Self::is_goal(kind) {
                let resources: BTreeSet<&str> = counting
                    .iter()
                    .filter(|(_, to, _)| {
                        Self::is_action(self.nodes[to].kind) && self.reaches(to, &n.id)
                    })
                    .map(|(from, _, _)| *from)
                    .collect();
                if resources.len() == 1 {
                    let only = resources.into_iter().next().expect("one resource");
                    spof.entry(only.to_owned()).or_default().push(id.clone());
                }
            }
        }
        for (resource, mut goals) in spof {
            goals.sort();
            out.push((Rule::SinglePointOfFailure, resource, None, Some(goals)));
        }
        out.sort();
        out
    }

    /// Version 2: scored = every present goal, strategy and initiative; aligned = a
    /// scored node on which none of the five structural rules fires.
    fn score(&self) -> (Option<f64>, usize, usize) {
        const LOWERING: [Rule; 5] = [
            Rule::Orphan,
            Rule::UnsupportedGoal,
            Rule::UnresourcedGoal,
            Rule::UnresourcedStrategy,
            Rule::UnresourcedInitiative,
        ];
        let findings = self.findings();
        let scored: Vec<&Node> = self
            .present_nodes()
            .filter(|n| Self::is_goal(n.kind) || Self::is_action(n.kind))
            .collect();
        let aligned = scored
            .iter()
            .filter(|n| {
                !findings
                    .iter()
                    .any(|(rule, node, ..)| *node == n.id && LOWERING.contains(rule))
            })
            .count();
        let fraction = (!scored.is_empty()).then(|| aligned as f64 / scored.len() as f64);
        (fraction, aligned, scored.len())
    }
}

fn score(analysis: &Analysis) -> (Option<f64>, usize, usize) {
    let summary = &analysis.summary;
    (summary.alignment_score, summary.aligned, summary.scored)
}

fn keys(analysis: &Analysis) -> Vec<Key> {
    let mut keys: Vec<Key> = analysis
        .findings
        .iter()
        .map(|f| (f.rule, f.node.clone(), f.missing.clone(), f.related.clone()))
        .collect();
    keys.sort();
    keys
}

/// The evidence that is not part of the finding's identity, checked against the rule text.
fn check_evidence(oracle: &Oracle<'_>, analysis: &Analysis) -> Result<(), TestCaseError> {
    for f in &analysis.findings {
        prop_assert_eq!(f.severity, f.rule.severity());
        match f.rule {
            Rule::Orphan => {
                let stops = f.stops_at.as_ref().expect("orphans say where they stop");
                prop_assert!(!stops.is_empty());
                for stop in stops {
                    let has_way_up = oracle.plan.links.iter().any(|l| {
                        l.kind == LinkKind::Supports && &l.from == stop && oracle.present(&l.to)
                    });
                    prop_assert!(
                        !has_way_up && oracle.present(stop),
                        "{} stops at {}, which must be a present dead end",
                        f.node,
                        stop
                    );
                    prop_assert!(
                        *stop == f.node || oracle.reaches(&f.node, stop),
                        "{} stops at {}, which it must reach",
                        f.node,
                        stop
                    );
                }
            }
            Rule::UnresourcedGoal => {
                let mut expected: Vec<String> = oracle
                    .actions_reaching(&f.node)
                    .iter()
                    .map(|a| a.id.clone())
                    .collect();
                expected.sort();
                prop_assert_eq!(f.unresourced_actions.clone(), Some(expected));
            }
            Rule::OverAllocated => {
                let mut expected: Vec<(String, f64)> = oracle
                    .counting()
                    .into_iter()
                    .filter(|(from, _, _)| *from == f.node)
                    .map(|(_, to, amount)| (to.to_owned(), amount))
                    .collect();
                expected.sort_by(|a, b| a.0.cmp(&b.0));
                let got: Vec<(String, f64)> = f
                    .allocations
                    .clone()
                    .expect("over-allocation lists allocations")
                    .into_iter()
                    .map(|a| (a.to, a.amount))
                    .collect();
                prop_assert_eq!(&got, &expected);
                prop_assert_eq!(f.allocated, Some(expected.iter().map(|a| a.1).sum::<f64>()));
                prop_assert_eq!(f.capacity, oracle.nodes[f.node.as_str()].capacity);
            }
            _ => {}
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- edits

/// Everything a random edit needs; the test turns it into a valid edit on the plan at hand.
#[derive(Debug, Clone)]
struct EditChoice {
    op: usize,
    a: usize,
    b: usize,
    kind: NodeKind,
    status: Status,
    text: String,
    amount: f64,
}

fn edit_choice() -> impl Strategy<Value = EditChoice> {
    (
        0usize..7,
        any::<usize>(),
        any::<usize>(),
        kind(),
        status(),
        title(true),
        amount(true),
    )
        .prop_map(|(op, a, b, kind, status, text, amount)| EditChoice {
            op,
            a,
            b,
            kind,
            status,
            text,
            amount,
        })
}

fn pick<T: Clone>(items: &[T], index: usize) -> Option<T> {
    (!items.is_empty()).then(|| items[index % items.len()].clone())
}

/// A node of the given kind with every field it may carry.
fn full_node(id: &str, kind: NodeKind, choice: &EditChoice) -> Node {
    let mut node = Node::new(id, kind, &choice.text);
    node.status = choice.status;
    node.why = Some(choice.text.clone());
    node.team = Some("team".into());
    if kind == NodeKind::Resource {
        node.resource_type = Some(ResourceType::Skill);
        node.capacity = Some(choice.amount);
        node.unit = Some("hours".into());
    } else {
        node.target_date = Some(as_of());
        node.last_reviewed = Some(as_of());
    }
    node
}

/// A link the rules allow between two present ids, found by asking a scratch copy.
fn addable_link(graph: &PlanGraph, choice: &EditChoice) -> Option<Link> {
    let plan = graph.to_plan();
    let n = plan.nodes.len();
    for offset in 0..n * n {
        let at = (choice.a % n.max(1) * n + choice.b % n.max(1) + offset) % (n * n);
        let (from, to) = (&plan.nodes[at / n], &plan.nodes[at % n]);
        let link = if from.kind == NodeKind::Resource {
            Link::allocates(&from.id, &to.id, choice.amount)
        } else {
            Link::supports(&from.id, &to.id)
        };
        if graph.clone().add_link(link.clone()).is_ok() {
            return Some(link);
        }
    }
    None
}

/// Turns a choice into an edit that the plan should accept.
fn valid_edit(graph: &PlanGraph, choice: &EditChoice) -> Edit {
    let plan = graph.to_plan();
    let node = pick(&plan.nodes, choice.a);
    let link = pick(&plan.links, choice.b);
    let fallback = Edit::UpdateSettings {
        settings: PlanSettings {
            name: choice.text.clone(),
            review_cadence_days: 1 + (choice.b % 365) as u32,
        },
    };
    let new_id = format!("new-{}", choice.a % 1000);
    match choice.op {
        0 if graph.node(&new_id).is_none() => Edit::AddNode {
            node: full_node(&new_id, choice.kind, choice),
        },
        1 => match node {
            // Same kind, every other field changed; kind changes are in graph_edits.rs.
            Some(old) => Edit::UpdateNode {
                node: full_node(&old.id, old.kind, choice),
            },
            None => fallback,
        },
        0 => fallback,
        2 => match node {
            Some(old) => Edit::RemoveNode { id: old.id },
            None => fallback,
        },
        3 => match addable_link(graph, choice) {
            Some(link) => Edit::AddLink { link },
            None => fallback,
        },
        4 => match link {
            Some(old) => Edit::UpdateLink {
                link: Link {
                    amount: old.amount.map(|_| choice.amount),
                    why: Some(choice.text.clone()),
                    ..old
                },
            },
            None => fallback,
        },
        5 => match link {
            Some(old) => Edit::RemoveLink { key: old.key() },
            None => fallback,
        },
        _ => fallback,
    }
}

/// An edit the rules refuse, with the error code it must be refused with.
fn invalid_edit(graph: &PlanGraph, category: usize, a: usize, b: usize) -> (Edit, &'static str) {
    let plan = graph.to_plan();
    let nodes = &plan.nodes;
    let pairs: Vec<(&Node, &Node)> = nodes
        .iter()
        .flat_map(|x| nodes.iter().map(move |y| (x, y)))
        .filter(|(x, y)| x.id != y.id)
        .collect();
    let natural = |from: &Node, to: &Node| {
        if from.kind == NodeKind::Resource {
            Link::allocates(&from.id, &to.id, 1.0)
        } else {
            Link::supports(&from.id, &to.id)
        }
    };
    let unknown = (
        Edit::AddLink {
            link: Link::supports("no-such-node", nodes.first().map_or("x", |n| &n.id)),
        },
        "unknown_node",
    );
    let choice = match category % 13 {
        0 => {
            let wrong: Vec<Link> = pairs
                .iter()
                .flat_map(|(x, y)| {
                    [
                        Link::supports(&x.id, &y.id),
                        Link::allocates(&x.id, &y.id, 1.0),
                    ]
                })
                .filter(|l| {
                    !l.kind
                        .allows(graph.node(&l.from).map(|n| n.kind).expect("known"), {
                            graph.node(&l.to).map(|n| n.kind).expect("known")
                        })
                })
                .collect();
            pick(&wrong, a).map(|link| (Edit::AddLink { link }, "wrong_kinds"))
        }
        1 => pick(nodes, a).map(|n| {
            (
                Edit::AddLink {
                    link: natural(&n, &n),
                },
                "self_link",
            )
        }),
        2 => pick(nodes, a).map(|n| {
            (
                Edit::AddLink {
                    link: natural(&n, &Node::new("ghost", NodeKind::OrgGoal, "g")),
                },
                "unknown_node",
            )
        }),
        3 => pick(&plan.links, a).map(|link| {
            let link = Link {
                amount: link.amount.map(|x| x + 1.0),
                why: Some("again".into()),
                ..link
            };
            (Edit::AddLink { link }, "duplicate_link")
        }),
        4 => {
            let oracle = Oracle::new(&plan, as_of());
            let closing: Vec<Link> = pairs
                .iter()
                .filter(|(x, y)| LinkKind::Supports.allows(x.kind, y.kind))
                .filter(|(x, y)| supports_path_any_status(&oracle, &y.id, &x.id))
                .map(|(x, y)| Link::supports(&x.id, &y.id))
                .collect();
            pick(&closing, a).map(|link| (Edit::AddLink { link }, "loop"))
        }
        5 => {
            let allocatable: Vec<Link> = pairs
                .iter()
                .filter(|(x, y)| LinkKind::Allocates.allows(x.kind, y.kind))
                .map(|(x, y)| {
                    let mut link = Link::allocates(&x.id, &y.id, 1.0);
                    link.amount = [None, Some(-1.0), Some(f64::NAN), Some(f64::INFINITY)][b % 4];
                    link
                })
                .collect();
            pick(&allocatable, a).map(|link| (Edit::AddLink { link }, "invalid_field"))
        }
        6 => pick(nodes, a).map(|n| {
            (
                Edit::AddNode {
                    node: Node::new(&n.id, NodeKind::OrgGoal, "dup"),
                },
                "duplicate_node",
            )
        }),
        7 => {
            let bad = [
                Node::new("blank", NodeKind::OrgGoal, "   "),
                Node::new("x".repeat(65), NodeKind::OrgGoal, "long"),
                Node::new("", NodeKind::OrgGoal, "empty id"),
                Node::new("untyped", NodeKind::Resource, "no type"),
            ];
            Some((
                Edit::AddNode {
                    node: bad[b % bad.len()].clone(),
                },
                "invalid_field",
            ))
        }
        8 => {
            // A kind change that some link of the node forbids.
            let mut found = None;
            for n in nodes
                .iter()
                .cycle()
                .skip(a % nodes.len().max(1))
                .take(nodes.len())
            {
                if graph.links_of(&n.id).is_empty() {
                    continue;
                }
                for kind in NodeKind::ALL {
                    let changed = if kind == NodeKind::Resource {
                        Node::resource(&n.id, ResourceType::Time, "changed")
                    } else {
                        Node::new(&n.id, kind, "changed")
                    };
                    let breaks = graph.links_of(&n.id).iter().any(|l| {
                        let kind_of = |id: &str| {
                            if id == n.id {
                                kind
                            } else {
                                graph.node(id).expect("known").kind
                            }
                        };
                        !l.kind.allows(kind_of(&l.from), kind_of(&l.to))
                    });
                    if breaks {
                        found = Some((
                            Edit::UpdateNode { node: changed },
                            "kind_change_breaks_link",
                        ));
                        break;
                    }
                }
                if found.is_some() {
                    break;
                }
            }
            found
        }
        9 => Some((
            [
                Edit::UpdateNode {
                    node: Node::new("ghost", NodeKind::OrgGoal, "g"),
                },
                Edit::RemoveNode { id: "ghost".into() },
            ][b % 2]
                .clone(),
            "unknown_node",
        )),
        10 => Some((
            [
                Edit::RemoveLink {
                    key: LinkKey {
                        kind: LinkKind::Supports,
                        from: "ghost".into(),
                        to: "spirit".into(),
                    },
                },
                Edit::UpdateLink {
                    link: Link::allocates("ghost", "spirit", 1.0),
                },
            ][b % 2]
                .clone(),
            "unknown_link",
        )),
        11 => Some((
            Edit::UpdateSettings {
                settings: [
                    PlanSettings {
                        name: " ".into(),
                        review_cadence_days: 30,
                    },
                    PlanSettings {
                        name: "ok".into(),
                        review_cadence_days: 0,
                    },
                ][b % 2]
                    .clone(),
            },
            "invalid_field",
        )),
        _ => {
            // Valid edits first (removals among them), then one that is refused: the
            // batch must be undone whole, positions included.
            let mut scratch = graph.clone();
            let mut edits = Vec::new();
            if let Some(n) = pick(nodes, a) {
                let edit = Edit::RemoveNode { id: n.id };
                scratch.apply(edit.clone()).expect("the node exists");
                edits.push(edit);
            }
            if let Some(link) = pick(&scratch.to_plan().links, b) {
                edits.push(Edit::RemoveLink { key: link.key() });
            }
            edits.push(Edit::UpdateSettings {
                settings: PlanSettings {
                    name: "renamed".into(),
                    review_cadence_days: 7,
                },
            });
            edits.push(Edit::AddNode {
                node: Node::new("batch-new", NodeKind::TeamGoal, "new"),
            });
            edits.push(unknown.0.clone());
            Some((Edit::Batch { edits }, "unknown_node"))
        }
    };
    choice.unwrap_or(unknown)
}

/// A path of supports links from x to y, whatever the nodes' status (loops are about
/// links, not about what the analysis counts).
fn supports_path_any_status(oracle: &Oracle<'_>, x: &str, y: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![x.to_owned()];
    while let Some(at) = stack.pop() {
        if at == y {
            return true;
        }
        for link in &oracle.plan.links {
            if link.kind == LinkKind::Supports && link.from == at && seen.insert(link.to.clone()) {
                stack.push(link.to.clone());
            }
        }
    }
    false
}

// ---------------------------------------------------------------- the properties

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// (a) The analysis says what the rule text says, finding for finding.
    #[test]
    fn analysis_agrees_with_brute_force(spec in plan_spec(false, false)) {
        let graph = build(&spec);
        let plan = graph.to_plan();
        let analysis = analyse(&graph, as_of());
        let oracle = Oracle::new(&plan, as_of());
        prop_assert_eq!(keys(&analysis), oracle.findings());
        prop_assert_eq!(score(&analysis), oracle.score());
        check_evidence(&oracle, &analysis)?;

        let order: Vec<_> = analysis.findings.iter().map(|f| (f.severity, f.rule, f.node.clone())).collect();
        let mut sorted = order.clone();
        sorted.sort();
        prop_assert_eq!(order, sorted, "findings are sorted by severity, rule, node");
        for goal in plan.nodes.iter().filter(|n| n.kind.is_goal()) {
            let rules: Vec<Rule> = analysis.findings_for(&goal.id).map(|f| f.rule).collect();
            prop_assert!(
                !(rules.contains(&Rule::UnsupportedGoal) && rules.contains(&Rule::UnresourcedGoal)),
                "{} is both unsupported and unresourced", goal.id
            );
        }
        let count = |severity| analysis.findings.iter().filter(|f| f.severity == severity).count();
        prop_assert_eq!(analysis.summary.error, count(throughline_core::Severity::Error));
        prop_assert_eq!(analysis.summary.warning, count(throughline_core::Severity::Warning));
        prop_assert_eq!(analysis.summary.info, count(throughline_core::Severity::Info));
    }

    /// (a) again, after random edits: the analysis follows the plan through its history.
    #[test]
    fn analysis_agrees_with_brute_force_after_edits(
        spec in plan_spec(false, false),
        choices in prop::collection::vec(edit_choice(), 1..6),
    ) {
        let mut graph = build(&spec);
        for choice in &choices {
            let mut choice = choice.clone();
            // Exact amounts only, so sums compare exactly with the brute force.
            choice.amount = [0.0, 1.0, 2.5, 7.0][choice.b % 4];
            let edit = valid_edit(&graph, &choice);
            graph.apply(edit).expect("valid edits apply");
        }
        let plan = graph.to_plan();
        let analysis = analyse(&graph, as_of());
        let oracle = Oracle::new(&plan, as_of());
        prop_assert_eq!(keys(&analysis), oracle.findings());
        prop_assert_eq!(score(&analysis), oracle.score());
        check_evidence(&oracle, &analysis)?;
    }

    /// (b) Export then import is the identity, for any text and any allowed number,
    /// and the imported plan analyses exactly like the original.
    #[test]
    fn export_then_import_is_the_identity(
        spec in plan_spec(true, true),
        choices in prop::collection::vec(edit_choice(), 0..4),
    ) {
        let mut graph = build(&spec);
        for choice in &choices {
            let edit = valid_edit(&graph, choice);
            graph.apply(edit).expect("valid edits apply");
        }
        let plan = graph.to_plan();
        let json = interchange::to_json(&plan);
        let imported = interchange::parse(&json)
            .map_err(|error| TestCaseError::fail(format!("export must import: {error}\n{json}")))?;
        prop_assert_eq!(&imported.to_plan(), &plan);
        prop_assert_eq!(interchange::to_json(&imported.to_plan()), json, "export is stable");
        prop_assert_eq!(analyse(&imported, as_of()), analyse(&graph, as_of()),
            "the analysis depends on the plan, not on how the graph was built");
        let rebuilt = PlanGraph::from_plan(plan.clone()).expect("a checked plan rebuilds");
        prop_assert_eq!(rebuilt.to_plan(), plan);
    }

    /// (b) A plan written again by another program (keys in any order, escaped,
    /// indented or not) reads as the plan exported: there is no other reading.
    #[test]
    fn a_plan_written_by_another_program_reads_as_exported(
        spec in plan_spec(true, true),
        seed in any::<u64>(),
        ascii_only in any::<bool>(),
        indented in any::<bool>(),
    ) {
        let plan = build(&spec).to_plan();
        let style = Style {
            key_order: KeyOrder::Shuffled(seed),
            ascii_only,
            escaped: &['e', '-', '0'],
            indent: indented.then_some("  "),
            line_end: if seed % 2 == 0 { "\n" } else { "\r\n" },
            byte_order_mark: seed % 3 == 0,
        };
        let text = rewrite(&interchange::to_json(&plan), &style);
        let read = interchange::parse(&text)
            .map_err(|error| TestCaseError::fail(format!("must read: {error}\n{text}")))?;
        prop_assert_eq!(read.to_plan(), plan);
    }

    /// (c) A refused edit returns an error of the right kind and changes nothing.
    #[test]
    fn refused_edits_change_nothing(
        spec in plan_spec(false, false),
        category in 0usize..13,
        a in any::<usize>(),
        b in any::<usize>(),
    ) {
        let mut graph = build(&spec);
        let before = graph.to_plan();
        let before_analysis = analyse(&graph, as_of());
        let (edit, code) = invalid_edit(&graph, category, a, b);
        let described = format!("{edit:?}");
        match graph.apply(edit) {
            Ok(_) => return Err(TestCaseError::fail(format!("{described} should have been refused"))),
            Err(error) => {
                prop_assert_eq!(error.code(), code, "{} refused as {}", described, error);
                prop_assert!(!error.to_string().is_empty());
            }
        }
        prop_assert_eq!(graph.to_plan(), before, "a refused edit leaves the plan as it was");
        prop_assert_eq!(analyse(&graph, as_of()), before_analysis);
    }

    /// (c) Every edit is undone exactly by its inverse, and redone by the inverse's inverse.
    #[test]
    fn inverse_edits_restore_the_plan_exactly(
        spec in plan_spec(true, true),
        choices in prop::collection::vec(edit_choice(), 1..5),
        batch in any::<bool>(),
    ) {
        let mut graph = build(&spec);
        let before = graph.to_plan();
        let edit = if batch {
            // Each edit of the batch is chosen against the plan as the ones before it left it.
            let mut scratch = graph.clone();
            let mut edits = Vec::new();
            for choice in &choices {
                let edit = valid_edit(&scratch, choice);
                scratch.apply(edit.clone()).expect("valid edits apply");
                edits.push(edit);
            }
            Edit::Batch { edits }
        } else {
            valid_edit(&graph, &choices[0])
        };
        let described = format!("{edit:?}");
        let inverse = graph.apply(edit)
            .map_err(|error| TestCaseError::fail(format!("{described} should apply: {error}")))?;
        let after = graph.to_plan();
        let redo = graph.apply(inverse)
            .map_err(|error| TestCaseError::fail(format!("undo of {described} failed: {error}")))?;
        prop_assert_eq!(graph.to_plan(), before.clone(), "undo of {} restores the plan exactly", described);
        graph.apply(redo)
            .map_err(|error| TestCaseError::fail(format!("redo of {described} failed: {error}")))?;
        prop_assert_eq!(graph.to_plan(), after, "redo of {} gives the edited plan again", described);
    }

    /// (d) The plan the store shares, changed in place edit by edit, equals the plan
    /// copied afresh from the graph, through edits, batches, undos and redos; and a
    /// plan handed out earlier stays as it was.
    #[test]
    fn the_shared_plan_follows_every_edit(
        spec in plan_spec(true, true),
        steps in prop::collection::vec((edit_choice(), 0usize..4), 1..8),
    ) {
        let mut store = Store::in_memory(&build(&spec)).expect("an in-memory store");
        let mut history = History::new();
        let mut held = store.shared_plan();
        prop_assert_eq!(&*held, &store.plan());
        for (choice, action) in &steps {
            let before = store.plan();
            let edit = if *action == 3 {
                // A batch of two edits, the second chosen against the plan the first leaves.
                let mut scratch = store.graph().clone();
                let first = valid_edit(&scratch, choice);
                scratch.apply(first.clone()).expect("valid edits apply");
                let second = valid_edit(&scratch, &EditChoice { op: (choice.op + 2) % 7, ..choice.clone() });
                Edit::Batch { edits: vec![first, second] }
            } else {
                valid_edit(store.graph(), choice)
            };
            let described = format!("{edit:?}");
            let changed = match action {
                1 => history.undo(&mut store).is_ok(),
                2 => history.redo(&mut store).is_ok(),
                _ => {
                    history.apply(&mut store, edit)
                        .map_err(|error| TestCaseError::fail(format!("{described} should apply: {error}")))?;
                    true
                }
            };
            prop_assert_eq!(&*held, &before, "a plan handed out earlier does not change");
            held = store.shared_plan();
            prop_assert_eq!(
                &*held,
                &store.plan(),
                "after {} (changed: {}), the shared plan is the plan",
                if matches!(action, 1 | 2) { "an undo or redo" } else { described.as_str() },
                changed
            );
        }
    }
}

/// The findings by key, as a screen holding the analysis keeps them.
fn findings_by_key(analysis: &Analysis) -> BTreeMap<(Rule, String), throughline_core::Finding> {
    analysis
        .findings
        .iter()
        .map(|finding| ((finding.rule, finding.node.clone()), finding.clone()))
        .collect()
}

/// Applies an answered change the way its reader must: removals, then upserts.
fn apply_change(
    held: &mut BTreeMap<(Rule, String), throughline_core::Finding>,
    change: &AnalysisChange,
) {
    for key in &change.removed {
        held.remove(&(key.rule, key.node.clone()));
    }
    for finding in &change.upserted {
        held.insert((finding.rule, finding.node.clone()), finding.clone());
    }
}

/// The plan as a window holding it keeps it: nodes by id, links by key, sums by resource.
#[derive(Debug, PartialEq)]
struct HeldPlan {
    settings: PlanSettings,
    nodes: BTreeMap<String, Node>,
    links: BTreeMap<LinkKey, Link>,
    allocated: BTreeMap<String, f64>,
}

impl HeldPlan {
    fn of(graph: &PlanGraph) -> HeldPlan {
        let plan = graph.to_plan();
        HeldPlan {
            settings: graph.settings().clone(),
            nodes: plan
                .nodes
                .into_iter()
                .map(|node| (node.id.clone(), node))
                .collect(),
            links: plan
                .links
                .into_iter()
                .map(|link| (link.key(), link))
                .collect(),
            allocated: allocated_by_resource(graph),
        }
    }

    /// Node ids and kinds, link keys: what a map's layout reads.
    fn structure(&self) -> (Vec<(&String, NodeKind)>, Vec<&LinkKey>) {
        (
            self.nodes
                .iter()
                .map(|(id, node)| (id, node.kind))
                .collect(),
            self.links.keys().collect(),
        )
    }

    fn apply(&mut self, change: &PlanChange) {
        if let Some(settings) = &change.settings {
            self.settings = settings.clone();
        }
        for id in &change.removed_nodes {
            self.nodes.remove(id);
        }
        for key in &change.removed_links {
            self.links.remove(key);
        }
        for node in &change.upserted_nodes {
            self.nodes.insert(node.id.clone(), node.clone());
        }
        for link in &change.upserted_links {
            self.links.insert(link.key(), link.clone());
        }
        for (resource, sum) in &change.allocated {
            match sum {
                Some(sum) => self.allocated.insert(resource.clone(), *sum),
                None => self.allocated.remove(resource),
            };
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// (e) Edits, batches, undos and redos, each followed by an incremental update:
    /// the kept analysis is the full analysis every time, and the answered change
    /// turns the previous findings into the new ones.
    #[test]
    fn the_incremental_analysis_equals_a_full_analysis_after_every_edit(
        spec in plan_spec(true, true),
        steps in prop::collection::vec((edit_choice(), 0usize..5), 1..10),
    ) {
        let mut graph = build(&spec);
        let mut incremental = IncrementalAnalysis::new(&graph, as_of());
        prop_assert_eq!(incremental.analysis(), analyse(&graph, as_of()), "after opening");
        let mut held = findings_by_key(&incremental.analysis());
        let mut held_plan = HeldPlan::of(&graph);
        let mut undo: Vec<Edit> = Vec::new();
        let mut redo: Vec<Edit> = Vec::new();
        for (choice, action) in &steps {
            let (edit, from_redo) = match action {
                1 => match undo.pop() { Some(edit) => (edit, false), None => continue },
                2 => match redo.pop() { Some(edit) => (edit, true), None => continue },
                3 => {
                    let mut scratch = graph.clone();
                    let first = valid_edit(&scratch, choice);
                    scratch.apply(first.clone()).expect("valid edits apply");
                    let second = valid_edit(&scratch, &EditChoice { op: (choice.op + 2) % 7, ..choice.clone() });
                    (Edit::Batch { edits: vec![first, second] }, false)
                }
                _ => (valid_edit(&graph, choice), false),
            };
            let described = format!("{edit:?}");
            let inverse = graph.apply(edit.clone())
                .map_err(|error| TestCaseError::fail(format!("{described} should apply: {error}")))?;
            let change = incremental.update(&graph, &edit, &inverse);
            let plan_change = PlanChange::of(&graph, &Applied { edit: edit.clone(), inverse: inverse.clone() });
            let structure_before = format!("{:?}", held_plan.structure());
            held_plan.apply(&plan_change);
            prop_assert_eq!(&held_plan, &HeldPlan::of(&graph), "the plan change answered after {}", described);
            let structure_changed = format!("{:?}", held_plan.structure()) != structure_before;
            // A batch may undo within itself what it did: then a relayout is merely spared.
            if matches!(edit, Edit::Batch { .. }) {
                prop_assert!(plan_change.structure_changed || !structure_changed,
                    "a structure change is said, after {}", described);
            } else {
                prop_assert_eq!(plan_change.structure_changed, structure_changed,
                    "whether the structure changed, after {}", described);
            }
            match action {
                1 => redo.push(inverse),
                2 if from_redo => undo.push(inverse),
                _ => { redo.clear(); undo.push(inverse) }
            }
            let full = analyse(&graph, as_of());
            prop_assert_eq!(&incremental.analysis(), &full, "after {}", described);
            prop_assert_eq!(&change.summary, &full.summary, "the summary answered after {}", described);
            apply_change(&mut held, &change);
            prop_assert_eq!(&held, &findings_by_key(&full), "the change answered after {}", described);
        }
    }
}

#[test]
fn the_generators_reach_every_rule() {
    // A guard against a generator too tame to test anything: over a fixed sample of
    // random plans, every rule fires at least once.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = plan_spec(false, false);
    let mut seen: HashMap<Rule, usize> = HashMap::new();
    let mut links = 0;
    for _ in 0..300 {
        let spec = strategy
            .new_tree(&mut runner)
            .expect("the generator makes plans")
            .current();
        let graph = build(&spec);
        links += graph.link_count();
        for finding in analyse(&graph, as_of()).findings {
            *seen.entry(finding.rule).or_default() += 1;
        }
    }
    // The random plans carry no acceptances, so no acceptance can go stale in them:
    // that rule is pinned case by case in rules.rs.
    for rule in Rule::ALL
        .into_iter()
        .filter(|rule| *rule != Rule::StaleAcceptance)
    {
        assert!(
            seen.get(&rule).copied().unwrap_or(0) > 0,
            "no random plan triggered {}: {seen:?}",
            rule.as_str()
        );
    }
    assert!(links > 1000, "random plans should hold links, got {links}");
}

#[test]
fn the_incremental_analysis_keeps_accepted_findings_and_stale_acceptances_as_a_full_one_does() {
    use throughline_core::model::Acceptance;
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
    let mut graph = throughline_core::sample::sample_plan();
    assert!(
        !graph.accepted().is_empty(),
        "the sample carries acceptances"
    );
    let mut incremental = IncrementalAnalysis::new(&graph, as_of);
    assert_eq!(
        incremental.analysis(),
        analyse(&graph, as_of),
        "after opening"
    );
    let mut held = findings_by_key(&incremental.analysis());
    let mut accepted: Vec<Acceptance> = graph.accepted().to_vec();
    accepted.push(Acceptance {
        rule: Rule::UnresourcedInitiative,
        node: "I-RESETBOT".into(),
        reason: "Built in the team's own time".into(),
        until: None,
    });
    let steps = vec![
        // The idle resource's acceptance stops being stale once it is idle.
        Edit::RemoveLink {
            key: throughline_core::LinkKey {
                kind: throughline_core::LinkKind::Allocates,
                from: "R-ATLASSIAN".into(),
                to: "I-CONFLUENCE".into(),
            },
        },
        Edit::SetAcceptances { accepted },
        // Its node removed, an acceptance goes; the undo below brings it back.
        Edit::RemoveNode {
            id: "R-INFRA-TIME".into(),
        },
        Edit::SetAcceptances { accepted: vec![] },
    ];
    let mut undo = Vec::new();
    for edit in steps {
        let described = format!("{edit:?}");
        let inverse = graph.apply(edit.clone()).expect("the step applies");
        let change = incremental.update(&graph, &edit, &inverse);
        let full = analyse(&graph, as_of);
        assert_eq!(incremental.analysis(), full, "after {described}");
        assert_eq!(
            change.summary, full.summary,
            "the summary after {described}"
        );
        apply_change(&mut held, &change);
        assert_eq!(
            held,
            findings_by_key(&full),
            "the change answered after {described}"
        );
        undo.push((edit, inverse));
    }
    while let Some((edit, inverse)) = undo.pop() {
        let again = graph.apply(inverse.clone()).expect("the undo applies");
        let change = incremental.update(&graph, &inverse, &again);
        let full = analyse(&graph, as_of);
        assert_eq!(incremental.analysis(), full, "after undoing {edit:?}");
        apply_change(&mut held, &change);
        assert_eq!(
            held,
            findings_by_key(&full),
            "the change answered after undoing {edit:?}"
        );
    }
}

// ---------------------------------------------------------------- differences

/// Accepts every `every`-th finding the plan has (none when 0), as a leader would.
fn with_acceptances(mut graph: PlanGraph, every: usize, until: Option<NaiveDate>) -> PlanGraph {
    if every == 0 {
        return graph;
    }
    let accepted: Vec<throughline_core::model::Acceptance> = analyse(&graph, as_of())
        .findings
        .iter()
        .filter(|finding| finding.rule != Rule::StaleAcceptance)
        .step_by(every)
        .map(|finding| throughline_core::model::Acceptance {
            rule: finding.rule,
            node: finding.node.clone(),
            reason: format!("we live with {}", finding.rule.as_str()),
            until,
        })
        .collect();
    graph
        .apply(Edit::SetAcceptances { accepted })
        .expect("acceptances of the plan's own findings are valid");
    graph
}

/// A plan's content regardless of the order it was written in.
fn content(
    plan: &PlanGraph,
) -> (
    PlanSettings,
    Vec<Node>,
    Vec<Link>,
    Vec<throughline_core::model::Acceptance>,
) {
    let plan = plan.to_plan();
    let mut nodes = plan.nodes;
    nodes.sort_by(|a, b| a.id.cmp(&b.id));
    let mut links = plan.links;
    links.sort_by_key(Link::key);
    (
        PlanSettings {
            name: plan.name,
            review_cadence_days: plan.review_cadence_days,
        },
        nodes,
        links,
        plan.accepted,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// (f) Nothing differs between a plan and itself, however it was built.
    #[test]
    fn the_difference_of_a_plan_with_itself_is_empty(
        spec in plan_spec(true, true),
        every in 0usize..4,
    ) {
        let graph = with_acceptances(build(&spec), every, None);
        let diff = diff_plans(Side::new(&graph, "a", as_of()), Side::new(&graph, "b", as_of()));
        prop_assert!(diff.is_empty(), "{:?}", diff);
        prop_assert!(diff.passes_gate());
        prop_assert_eq!(diff.old.summary, diff.new.summary);
    }

    /// (f) Two unrelated plans (sharing ids, so nodes change kind too), or a plan and
    /// itself after edits: the difference applied to the first gives the second, and
    /// then nothing differs.
    #[test]
    fn applying_a_difference_to_the_old_plan_gives_the_new_one(
        old_spec in plan_spec(true, true),
        new_spec in plan_spec(true, true),
        choices in prop::collection::vec(edit_choice(), 0..6),
        unrelated in any::<bool>(),
        (old_every, new_every) in (0usize..4, 0usize..4),
        expiring in any::<bool>(),
    ) {
        let old = with_acceptances(build(&old_spec), old_every, None);
        let new = if unrelated {
            build(&new_spec)
        } else {
            let mut edited = old.clone();
            for choice in &choices {
                let edit = valid_edit(&edited, choice);
                edited.apply(edit).expect("valid edits apply");
            }
            edited
        };
        let until = expiring.then(|| as_of() - Duration::days(1));
        let new = with_acceptances(new, new_every, until);
        let diff = diff_plans(Side::new(&old, "old", as_of()), Side::new(&new, "new", as_of()));
        let mut applied = old.clone();
        let edit = diff.to_edit();
        let described = format!("{edit:?}");
        applied.apply(edit).map_err(|error| {
            TestCaseError::fail(format!("the difference should apply: {error}\n{described}"))
        })?;
        prop_assert_eq!(content(&applied), content(&new), "applied: {}", described);
        let again = diff_plans(Side::new(&applied, "a", as_of()), Side::new(&new, "b", as_of()));
        prop_assert!(again.is_empty(), "{:?}", again);
        // What the gate reads agrees with the analyses themselves.
        let old_analysis = analyse(&old, as_of());
        let new_analysis = analyse(&new, as_of());
        let failing = |analysis: &Analysis| -> BTreeSet<(Rule, String)> {
            analysis.findings.iter()
                .filter(|f| f.severity == throughline_core::Severity::Error && f.accepted.is_none())
                .map(|f| (f.rule, f.node.clone()))
                .collect()
        };
        let brought: BTreeSet<(Rule, String)> =
            failing(&new_analysis).difference(&failing(&old_analysis)).cloned().collect();
        let reported: BTreeSet<(Rule, String)> =
            diff.new_errors.iter().map(|f| (f.rule, f.node.clone())).collect();
        prop_assert_eq!(reported, brought);
        prop_assert_eq!(diff.passes_gate(), failing(&new_analysis).is_subset(&failing(&old_analysis)));
    }

    /// (f) A team's report keeps the part of a difference that touches its nodes: all of
    /// that part, and nothing else. Covering everything keeps the whole difference.
    #[test]
    fn a_limited_difference_keeps_exactly_what_touches_the_covered_nodes(
        // Ordinary amounts: the totals are checked by summing them in another order.
        old_spec in plan_spec(true, false),
        choices in prop::collection::vec(edit_choice(), 1..6),
        modulus in 1u32..4,
    ) {
        let old = build(&old_spec);
        let mut new = old.clone();
        for choice in &choices {
            let edit = valid_edit(&new, choice);
            new.apply(edit).expect("valid edits apply");
        }
        let diff = diff_plans(Side::new(&old, "old", as_of()), Side::new(&new, "new", as_of()));
        let covers = |id: &str| id.bytes().map(u32::from).sum::<u32>() % modulus == 0;
        let limited = diff.clone().limited_to(covers, diff.new.summary.clone(), diff.old.summary.clone());
        prop_assert_eq!(&limited.old.summary, &diff.new.summary, "the summaries given are the ones kept");
        let kept_nodes = |list: &[throughline_core::model::Node]| list.iter().map(|n| n.id.clone()).collect::<Vec<_>>();
        let covered_nodes = |list: &[throughline_core::model::Node]| {
            list.iter().filter(|n| covers(&n.id)).map(|n| n.id.clone()).collect::<Vec<_>>()
        };
        prop_assert_eq!(kept_nodes(&limited.nodes_added), covered_nodes(&diff.nodes_added));
        prop_assert_eq!(kept_nodes(&limited.nodes_removed), covered_nodes(&diff.nodes_removed));
        let changed: Vec<&str> = diff.nodes_changed.iter().map(|c| c.id.as_str()).filter(|id| covers(id)).collect();
        prop_assert_eq!(limited.nodes_changed.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), changed);
        let links = |list: &[throughline_core::model::Link]| {
            list.iter().filter(|l| covers(&l.from) && covers(&l.to)).cloned().collect::<Vec<_>>()
        };
        prop_assert_eq!(&limited.links_added, &links(&diff.links_added));
        prop_assert_eq!(&limited.links_removed, &links(&diff.links_removed));
        let findings = |list: &[throughline_core::Finding]| {
            list.iter().filter(|f| covers(&f.node)).cloned().collect::<Vec<_>>()
        };
        prop_assert_eq!(&limited.findings_appeared, &findings(&diff.findings_appeared));
        prop_assert_eq!(&limited.findings_resolved, &findings(&diff.findings_resolved));
        prop_assert_eq!(&limited.new_errors, &findings(&diff.new_errors));
        let allocations: Vec<_> = diff.allocations.iter().filter(|a| covers(&a.resource)).cloned().collect();
        prop_assert_eq!(&limited.allocations, &allocations);
        let given: f64 = limited.allocations.iter().filter(|a| a.resource_type.is_some()).map(|a| a.after.unwrap_or(0.0)).sum();
        let totalled: f64 = limited.allocation_totals.iter().map(|t| t.after).sum();
        prop_assert!((given - totalled).abs() <= 1e-6 * given.abs().max(1.0), "totals {} of {}", totalled, given);

        let whole = diff.clone().limited_to(|_| true, diff.old.summary.clone(), diff.new.summary.clone());
        prop_assert_eq!(whole, throughline_core::diff::PlanDiff { accepted_after: None, ..diff });
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// (f) The quick what-if looks only at what it touched; it must agree with
    /// comparing the whole plans.
    #[test]
    fn a_what_if_equals_the_whole_difference_it_stands_for(
        // Ordinary amounts: scaling the largest finite ones overflows, and is refused.
        spec in plan_spec(true, false),
        every in 0usize..3,
        drops in prop::collection::vec(any::<usize>(), 0..3),
        scales in prop::collection::vec((any::<usize>(), 0u32..30, any::<Option<usize>>()), 0..3),
    ) {
        let graph = with_acceptances(build(&spec), every, None);
        let plan = graph.to_plan();
        let resources: Vec<&Node> =
            plan.nodes.iter().filter(|node| node.kind == NodeKind::Resource).collect();
        let mut changes: Vec<WhatIfChange> = Vec::new();
        if !plan.nodes.is_empty() {
            changes.extend(drops.iter().map(|at| WhatIfChange::Drop {
                id: plan.nodes[at % plan.nodes.len()].id.clone(),
            }));
        }
        if !resources.is_empty() {
            changes.extend(scales.iter().map(|(at, tenths, one)| {
                let resource = resources[at % resources.len()].id.clone();
                let factor = f64::from(*tenths) / 10.0;
                let given: Vec<&str> = plan.links.iter()
                    .filter(|link| link.kind == LinkKind::Allocates && link.from == resource)
                    .map(|link| link.to.as_str())
                    .collect();
                // One of its allocations when it makes any, else all of them.
                match one {
                    Some(pick) if !given.is_empty() => WhatIfChange::ScaleAllocation {
                        to: given[pick % given.len()].to_owned(),
                        resource,
                        factor,
                    },
                    _ => WhatIfChange::Scale { resource, factor },
                }
            }));
        }
        let analysis = analyse(&graph, as_of());
        let quick = what_if(Side::new(&graph, "plan", as_of()), &analysis, &changes, "what-if")
            .expect("changes naming the plan's own nodes apply");
        let mut changed = graph.clone();
        changed.apply(what_if_edit(&graph, &changes).expect("the same edit")).expect("applies");
        let whole = diff_plans(
            Side::new(&graph, "plan", as_of()),
            Side::new(&changed, "what-if", as_of()),
        );
        prop_assert_eq!(quick, whole);
    }
}
