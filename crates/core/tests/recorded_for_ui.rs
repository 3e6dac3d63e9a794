//! Records what the real core answers, for the UI's tests and its browser preview to
//! replay (`ui/src/test/recorded/*.json`), so that no TypeScript copy of the rules is
//! needed to test the UI: every plan, analysis, answer and refusal there came from here.
//!
//! Each recording is a start state, the states edits lead to, and the edits tried from
//! a state with what the core answered: the next state, or the `{code, message}` it
//! refused with (the error the app's shell sends the UI). The files are committed and
//! rewritten by every test run; CI fails when they differ from what is committed, like
//! the ts-rs bindings.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;
use throughline_core::{
    Analysis, Edit, Error, Link, LinkKey, LinkKind, Node, NodeKind, Plan, PlanGraph, ResourceType,
    Review, Status, analyse,
};

/// The as-of date of every recording (the browser preview's default date too).
const AS_OF: &str = "2026-11-23";

fn as_of() -> NaiveDate {
    NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").expect("AS_OF is a date")
}

/// A plan and its analysis: what `PlanState` carries besides the shell's own fields; and
/// the score as the core shows it, for the UI's gauge to match.
#[derive(Serialize)]
struct State {
    plan: Plan,
    analysis: Analysis,
    score_text: String,
    score_counts_text: String,
    allocated: std::collections::BTreeMap<String, f64>,
}

#[derive(Serialize)]
struct Refusal {
    code: &'static str,
    message: String,
}

#[derive(Serialize)]
struct Tried {
    /// What the edit is for, for people reading the file.
    name: &'static str,
    from: &'static str,
    edit: Edit,
    #[serde(skip_serializing_if = "Option::is_none")]
    answer: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    refusal: Option<Refusal>,
}

#[derive(Serialize)]
struct Recording {
    as_of: &'static str,
    start: &'static str,
    states: BTreeMap<&'static str, State>,
    edits: Vec<Tried>,
    /// What undo and redo answer with nothing to undo or redo.
    nothing_to_undo: Refusal,
    nothing_to_redo: Refusal,
}

impl Recording {
    fn new(plan: PlanGraph) -> Recording {
        let mut states = BTreeMap::new();
        states.insert("start", state_of(&plan));
        Recording {
            as_of: AS_OF,
            start: "start",
            states,
            edits: Vec::new(),
            nothing_to_undo: refusal(Error::NothingTo("undo")),
            nothing_to_redo: refusal(Error::NothingTo("redo")),
        }
    }

    /// Applies `edit` to the plan of state `from` through the core and records its answer
    /// under the name `to` (an accepted edit) or its refusal (then `to` is not used).
    fn try_edit(&mut self, name: &'static str, from: &'static str, edit: Edit, to: &'static str) {
        let mut graph = PlanGraph::from_plan(self.states[from].plan.clone())
            .expect("recorded states are valid plans");
        let (answer, refusal) = match graph.apply(edit.clone()) {
            Ok(_) => {
                self.states.insert(to, state_of(&graph));
                (Some(to), None)
            }
            Err(error) => (None, Some(refusal(error))),
        };
        self.edits.push(Tried {
            name,
            from,
            edit,
            answer,
            refusal,
        });
    }

    fn refused(&self, name: &str) -> Option<&Refusal> {
        let tried = self.edits.iter().find(|tried| tried.name == name)?;
        tried.refusal.as_ref()
    }

    fn write(&self, file: &str) {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../ui/src/test/recorded")
            .join(file);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("the folder exists");
        let mut text = serde_json::to_string_pretty(self).expect("a recording serializes");
        text.push('\n');
        std::fs::write(&path, text)
            .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
    }
}

/// An error as the app's shell sends it to the UI.
fn refusal(error: Error) -> Refusal {
    Refusal {
        code: error.code(),
        message: error.to_string(),
    }
}

fn state_of(graph: &PlanGraph) -> State {
    let analysis = analyse(graph, as_of());
    State {
        plan: graph.to_plan(),
        score_text: analysis.summary.score_text(),
        score_counts_text: analysis.summary.score_counts_text(),
        allocated: throughline_core::analysis::allocated_by_resource(graph),
        analysis,
    }
}

fn node(id: &str, kind: NodeKind, title: &str, team: &str, owner: &str) -> Node {
    Node {
        team: Some(team.to_owned()),
        owner: Some(owner.to_owned()),
        why: (kind != NodeKind::Resource).then(|| format!("Why {title} matters.")),
        last_reviewed: (kind != NodeKind::Resource)
            .then(|| NaiveDate::from_ymd_opt(2026, 11, 1).expect("a date")),
        ..Node::new(id, kind, title)
    }
}

fn graph_of(name: &str, nodes: Vec<Node>, links: Vec<Link>) -> PlanGraph {
    let mut plan = Plan::new(name);
    plan.nodes = nodes;
    plan.links = links;
    PlanGraph::from_plan(plan).expect("the recorded plans are valid")
}

/// The UI's unit-test plan: two org goals, a chain down to resources, one loose
/// initiative (an orphan) and one strategy without a why.
fn small_plan() -> PlanGraph {
    use NodeKind::*;
    let mut s1 = node("S1", Strategy, "Shift left", "Service Desk", "Priya");
    s1.why = None;
    let mut s2 = node("S2", Strategy, "Zero trust", "Security", "Sofia");
    s2.status = Status::Proposed;
    let mut r1 = Node::resource("R1", ResourceType::Funding, "Budget");
    r1.capacity = Some(100.0);
    r1.unit = Some("EUR".to_owned());
    let r2 = Node::resource("R2", ResourceType::Time, "Security hours");
    graph_of(
        "Test plan",
        vec![
            node(
                "G1",
                OrgGoal,
                "Customers reach us in one call",
                "Leadership",
                "CIO",
            ),
            node("G2", OrgGoal, "No security incident", "Leadership", "CIO"),
            node(
                "TG1",
                TeamGoal,
                "First contact resolution",
                "Service Desk",
                "Priya",
            ),
            s1,
            s2,
            node(
                "I1",
                Initiative,
                "Self-service portal",
                "Service Desk",
                "Jamal",
            ),
            node("I2", Initiative, "Loose initiative", "Security", "Noah"),
            r1,
            r2,
        ],
        vec![
            Link::supports("TG1", "G1"),
            Link::supports("S1", "TG1"),
            Link::supports("S2", "G2"),
            Link::supports("I1", "S1"),
            Link::allocates("R1", "I1", 60.0),
            Link::allocates("R2", "S2", 10.0),
        ],
    )
}

fn updated(graph: &PlanGraph, id: &str, change: impl FnOnce(&mut Node)) -> Edit {
    let mut node = graph.node(id).expect("the node exists").clone();
    change(&mut node);
    Edit::UpdateNode { node }
}

#[test]
fn the_small_plan_and_its_edits_are_recorded() {
    let graph = small_plan();
    let mut recording = Recording::new(graph.clone());
    let today = as_of();
    recording.try_edit(
        "mark G1 reviewed today",
        "start",
        updated(&graph, "G1", |g| {
            g.reviews.push(Review {
                date: today,
                audience: Some("Board".to_owned()),
                note: None,
            })
        }),
        "G1 reviewed",
    );
    recording.try_edit(
        "rename S1",
        "start",
        updated(&graph, "S1", |s| {
            s.title = "Shift left, for real".to_owned()
        }),
        "S1 renamed",
    );
    recording.try_edit(
        "allocate R2 to I1",
        "start",
        Edit::AddLink {
            link: Link::allocates("R2", "I1", 25.0),
        },
        "R2 allocated to I1",
    );
    recording.try_edit(
        "link the loose initiative to S2",
        "start",
        Edit::AddLink {
            link: Link::supports("I2", "S2"),
        },
        "I2 supports S2",
    );
    recording.try_edit(
        "put G2 under G1",
        "start",
        Edit::AddLink {
            link: Link::supports("G2", "G1"),
        },
        "G2 supports G1",
    );
    // Only goals may support their own kind, so a loop needs goals linked first.
    recording.try_edit(
        "close a loop",
        "G2 supports G1",
        Edit::AddLink {
            link: Link::supports("G1", "G2"),
        },
        "never",
    );
    let refusals: [(&'static str, Edit); 8] = [
        (
            "link wrong kinds",
            Edit::AddLink {
                link: Link::supports("G1", "TG1"),
            },
        ),
        (
            "link a node to itself",
            Edit::AddLink {
                link: Link::supports("S1", "S1"),
            },
        ),
        (
            "add a link twice",
            Edit::AddLink {
                link: Link::supports("TG1", "G1"),
            },
        ),
        (
            "link to an unknown node",
            Edit::AddLink {
                link: Link::supports("I2", "X9"),
            },
        ),
        (
            "allocate a negative amount",
            Edit::AddLink {
                link: Link::allocates("R1", "I2", -5.0),
            },
        ),
        (
            "add a node whose id is taken",
            Edit::AddNode {
                node: Node::new("G1", NodeKind::OrgGoal, "Another goal"),
            },
        ),
        (
            "add a node without a title",
            Edit::AddNode {
                node: Node::new("G3", NodeKind::OrgGoal, "  "),
            },
        ),
        (
            "turn a strategy with supporters into an initiative",
            updated(&graph, "S1", |s| s.kind = NodeKind::Initiative),
        ),
    ];
    for (name, edit) in refusals {
        recording.try_edit(name, "start", edit, "never");
    }
    recording.try_edit(
        "remove a link that is not there",
        "start",
        Edit::RemoveLink {
            key: LinkKey {
                kind: LinkKind::Supports,
                from: "I2".to_owned(),
                to: "G2".to_owned(),
            },
        },
        "never",
    );

    let expected_codes = [
        ("close a loop", "loop"),
        ("link wrong kinds", "wrong_kinds"),
        ("link a node to itself", "self_link"),
        ("add a link twice", "duplicate_link"),
        ("link to an unknown node", "unknown_node"),
        ("allocate a negative amount", "invalid_field"),
        ("add a node whose id is taken", "duplicate_node"),
        ("add a node without a title", "invalid_field"),
        (
            "turn a strategy with supporters into an initiative",
            "kind_change_breaks_link",
        ),
        ("remove a link that is not there", "unknown_link"),
    ];
    for (name, code) in expected_codes {
        let refusal = recording
            .refused(name)
            .unwrap_or_else(|| panic!("the core should refuse to {name}"));
        assert_eq!(refusal.code, code, "{name}: {}", refusal.message);
    }
    assert_eq!(
        recording.states.len(),
        6,
        "five accepted edits, five new states besides the start"
    );
    recording.write("small.json");
}

/// Resources whose bars the UI must draw from the findings: one over capacity, one
/// that would be over if it counted work that was dropped, one whose decimal amounts
/// sum a hair above its capacity in binary floating point.
#[test]
fn a_plan_of_resources_near_their_capacity_is_recorded() {
    use NodeKind::*;
    let pool = |id: &str, ty: ResourceType, capacity: f64| Node {
        capacity: Some(capacity),
        unit: Some("days".to_owned()),
        ..Node::resource(id, ty, format!("Pool {id}"))
    };
    let mut dropped = node("I3", Initiative, "Dropped work", "Ops", "Ana");
    dropped.status = Status::Dropped;
    let graph = graph_of(
        "Resources near capacity",
        vec![
            node("O", OrgGoal, "Keep the lights on", "Leadership", "CIO"),
            node("I1", Initiative, "Patch monthly", "Ops", "Ana"),
            node("I2", Initiative, "Replace the firewall", "Ops", "Ana"),
            dropped,
            pool("R-over", ResourceType::Time, 100.0),
            pool("R-dropped-work", ResourceType::Skill, 100.0),
            pool("R-decimal", ResourceType::Funding, 0.3),
        ],
        vec![
            Link::supports("I1", "O"),
            Link::supports("I2", "O"),
            Link::supports("I3", "O"),
            Link::allocates("R-over", "I1", 60.0),
            Link::allocates("R-over", "I2", 50.0),
            Link::allocates("R-dropped-work", "I1", 60.0),
            Link::allocates("R-dropped-work", "I3", 80.0),
            Link::allocates("R-decimal", "I1", 0.1),
            Link::allocates("R-decimal", "I2", 0.2),
        ],
    );
    let recording = Recording::new(graph);
    let over: Vec<&str> = recording.states["start"]
        .analysis
        .findings
        .iter()
        .filter(|f| f.rule == throughline_core::Rule::OverAllocated)
        .map(|f| f.node.as_str())
        .collect();
    assert_eq!(
        over,
        ["R-over"],
        "only R-over is over capacity: dropped work does not count, and 0.1 + 0.2 is 0.3"
    );
    recording.write("resources.json");
}

/// The sample plan the app opens at first start, as the browser preview shows it.
#[test]
fn the_sample_plan_is_recorded() {
    let recording = Recording::new(throughline_core::sample::sample_plan());
    assert!(
        recording.states["start"].analysis.has_errors(),
        "the sample keeps its deliberate gaps"
    );
    recording.write("sample.json");
}
