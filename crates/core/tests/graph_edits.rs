//! The checks every edit passes through: each refused link, node and settings change,
//! with its error code and a message that names the place; kind changes; batches that
//! apply whole or not at all; undo that restores the plan exactly.

mod common;

use common::{PlanBuilder, ids};
use throughline_core::{
    Edit, Error, Link, LinkKey, LinkKind, Node, NodeKind, PlanGraph, PlanSettings, ResourceType,
};

use NodeKind::{Initiative, OrgGoal, Resource, Strategy, TeamGoal};

/// The link table of ALIGNMENT-RULES.md, written out independently of the code.
fn spec_allows(kind: LinkKind, from: NodeKind, to: NodeKind) -> bool {
    let table: &[(LinkKind, NodeKind, &[NodeKind])] = &[
        (LinkKind::Supports, OrgGoal, &[OrgGoal]),
        (LinkKind::Supports, TeamGoal, &[OrgGoal, TeamGoal]),
        (LinkKind::Supports, Strategy, &[TeamGoal, OrgGoal]),
        (
            LinkKind::Supports,
            Initiative,
            &[Strategy, TeamGoal, OrgGoal],
        ),
        (LinkKind::Allocates, Resource, &[Strategy, Initiative]),
    ];
    table
        .iter()
        .any(|(k, f, tos)| *k == kind && *f == from && tos.contains(&to))
}

fn node_of(kind: NodeKind, id: &str) -> Node {
    match kind {
        Resource => Node::resource(id, ResourceType::Funding, format!("Title of {id}")),
        other => Node::new(id, other, format!("Title of {id}")),
    }
}

fn link_of(kind: LinkKind, from: &str, to: &str) -> Link {
    match kind {
        LinkKind::Supports => Link::supports(from, to),
        LinkKind::Allocates => Link::allocates(from, to, 1.0),
    }
}

fn refused(graph: &mut PlanGraph, edit: Edit) -> Error {
    let before = graph.to_plan();
    let error = match graph.apply(edit.clone()) {
        Ok(_) => panic!("{edit:?} should be refused"),
        Err(error) => error,
    };
    assert_eq!(
        graph.to_plan(),
        before,
        "a refused edit ({error}) must leave the plan unchanged"
    );
    error
}

fn add_link(graph: &mut PlanGraph, link: Link) -> Error {
    refused(graph, Edit::AddLink { link })
}

fn contains_all(message: &str, parts: &[&str]) {
    for part in parts {
        assert!(
            message.contains(part),
            "message should contain {part:?}: {message}"
        );
    }
}

// ---------------------------------------------------------------- link kinds

#[test]
fn every_pair_of_kinds_is_allowed_or_refused_as_the_table_says() {
    for kind in [LinkKind::Supports, LinkKind::Allocates] {
        for from in NodeKind::ALL {
            for to in NodeKind::ALL {
                let mut graph = PlanBuilder::new().graph();
                graph.add_node(node_of(from, "A")).expect("valid node");
                graph.add_node(node_of(to, "B")).expect("valid node");
                let link = link_of(kind, "A", "B");
                let expected = spec_allows(kind, from, to);
                assert_eq!(
                    kind.allows(from, to),
                    expected,
                    "LinkKind::allows disagrees with the spec for {kind:?} {from:?} -> {to:?}"
                );
                match graph.add_link(link) {
                    Ok(()) => assert!(expected, "{kind:?} {from:?} -> {to:?} should be refused"),
                    Err(error) => {
                        assert!(
                            !expected,
                            "{kind:?} {from:?} -> {to:?} was refused: {error}"
                        );
                        assert_eq!(error.code(), "wrong_kinds");
                        contains_all(
                            &error.to_string(),
                            &[&format!("{} link A -> B", kind.as_str()), "cannot"],
                        );
                        assert_eq!(graph.link_count(), 0);
                    }
                }
            }
        }
    }
}

#[test]
fn wrong_kinds_message_says_what_is_allowed() {
    let mut graph = PlanBuilder::new()
        .team("T")
        .initiative("I")
        .org("O")
        .resource("R", ResourceType::Tool)
        .graph();
    let message = add_link(&mut graph, Link::supports("T", "I")).to_string();
    assert_eq!(
        message,
        "supports link T -> I: a team goal cannot support an initiative (it may support an organizational goal or a team goal)"
    );
    let message = add_link(&mut graph, Link::supports("R", "O")).to_string();
    contains_all(
        &message,
        &[
            "supports link R -> O",
            "a resource cannot support an organizational goal",
            "resources allocate, they do not support",
        ],
    );
    let message = add_link(&mut graph, Link::allocates("I", "O", 1.0)).to_string();
    contains_all(
        &message,
        &["allocates link I -> O", "only resources allocate"],
    );
    let message = add_link(&mut graph, Link::allocates("R", "O", 1.0)).to_string();
    contains_all(
        &message,
        &["allocate to a strategy or an initiative", "R -> O"],
    );
}

#[test]
fn a_link_to_itself_is_refused() {
    let mut graph = PlanBuilder::new()
        .org("O")
        .resource("R", ResourceType::Time)
        .graph();
    let error = add_link(&mut graph, Link::supports("O", "O"));
    assert_eq!(error.code(), "self_link");
    contains_all(&error.to_string(), &["supports link O -> O", "itself"]);
    let error = add_link(&mut graph, Link::allocates("R", "R", 1.0));
    assert_eq!(error.code(), "self_link");
}

#[test]
fn a_link_to_an_unknown_node_is_refused() {
    let mut graph = PlanBuilder::new().org("O").team("T").graph();
    let error = add_link(&mut graph, Link::supports("T", "O-missing"));
    assert_eq!(error.code(), "unknown_node");
    contains_all(&error.to_string(), &["\"O-missing\"", "does not exist"]);
    let error = add_link(&mut graph, Link::supports("T-missing", "O"));
    assert_eq!(error.code(), "unknown_node");
    contains_all(&error.to_string(), &["\"T-missing\""]);
}

#[test]
fn a_duplicate_link_is_refused_whatever_its_amount_or_why() {
    let mut graph = PlanBuilder::new()
        .org("O")
        .initiative("I")
        .resource("R", ResourceType::Funding)
        .supports("I", "O")
        .allocates("R", "I", 5.0)
        .graph();
    let error = add_link(&mut graph, Link::supports("I", "O"));
    assert_eq!(error.code(), "duplicate_link");
    contains_all(
        &error.to_string(),
        &["supports link I -> O", "already exists"],
    );
    let error = add_link(&mut graph, Link::allocates("R", "I", 7.0));
    assert_eq!(error.code(), "duplicate_link");
    contains_all(&error.to_string(), &["allocates link R -> I"]);
}

#[test]
fn a_loop_is_refused_and_the_message_lists_it() {
    let mut graph = PlanBuilder::new()
        .org("A")
        .org("B")
        .org("C")
        .supports("A", "B")
        .supports("B", "C")
        .graph();
    let error = add_link(&mut graph, Link::supports("C", "A"));
    assert_eq!(error.code(), "loop");
    match &error {
        Error::Loop { link, path, .. } => {
            assert_eq!(link, &Link::supports("C", "A").key());
            assert_eq!(path, &ids(&["C", "A", "B", "C"]), "the loop, closed");
        }
        other => panic!("expected a loop error, got {other:?}"),
    }
    contains_all(
        &error.to_string(),
        &[
            "supports link C -> A",
            "would close a loop",
            "C -> A -> B -> C",
            "(“Title of A” already supports “Title of C”, directly or through others)",
        ],
    );

    let mut teams = PlanBuilder::new()
        .team("T1")
        .team("T2")
        .supports("T1", "T2")
        .graph();
    let error = add_link(&mut teams, Link::supports("T2", "T1"));
    contains_all(&error.to_string(), &["T2 -> T1 -> T2"]);
}

#[test]
fn a_loop_through_dropped_nodes_is_still_a_loop() {
    let mut graph = PlanBuilder::new()
        .team("T1")
        .team("T2")
        .team("T3")
        .supports("T1", "T2")
        .supports("T2", "T3")
        .dropped("T2")
        .graph();
    let error = add_link(&mut graph, Link::supports("T3", "T1"));
    assert_eq!(
        error.code(),
        "loop",
        "status does not matter to the shape of the plan"
    );
}

#[test]
fn link_amounts_are_checked() {
    let mut graph = PlanBuilder::new()
        .org("O")
        .initiative("I")
        .resource("R", ResourceType::Funding)
        .graph();
    let no_amount = Link {
        amount: None,
        ..Link::allocates("R", "I", 0.0)
    };
    for (link, expected) in [
        (no_amount, "needs an amount"),
        (Link::allocates("R", "I", -0.5), "0 or more"),
        (Link::allocates("R", "I", f64::NAN), "finite"),
        (Link::allocates("R", "I", f64::INFINITY), "finite"),
        (
            Link {
                amount: Some(1.0),
                ..Link::supports("I", "O")
            },
            "only allocates links carry an amount",
        ),
    ] {
        let described = format!("{link:?}");
        let error = add_link(&mut graph, link);
        assert_eq!(error.code(), "invalid_field", "{described}");
        contains_all(&error.to_string(), &["field \"amount\"", " -> ", expected]);
    }
    graph
        .add_link(Link::allocates("R", "I", 0.0))
        .expect("a zero amount is allowed (it just does not count)");
}

#[test]
fn update_and_remove_of_unknown_links_are_refused() {
    let mut graph = PlanBuilder::new()
        .org("O")
        .initiative("I")
        .supports("I", "O")
        .graph();
    let key = LinkKey {
        kind: LinkKind::Supports,
        from: "O".into(),
        to: "I".into(),
    };
    let error = refused(&mut graph, Edit::RemoveLink { key: key.clone() });
    assert_eq!(error.code(), "unknown_link");
    contains_all(
        &error.to_string(),
        &["supports link O -> I", "does not exist"],
    );
    let error = refused(
        &mut graph,
        Edit::UpdateLink {
            link: Link::supports("O", "I"),
        },
    );
    assert_eq!(error.code(), "unknown_link");
    let error = refused(
        &mut graph,
        Edit::UpdateLink {
            link: Link {
                amount: Some(3.0),
                ..Link::supports("I", "O")
            },
        },
    );
    assert_eq!(
        error.code(),
        "invalid_field",
        "an update cannot give a supports link an amount"
    );
}

// ---------------------------------------------------------------- nodes

#[test]
fn node_fields_are_checked_on_add_and_update() {
    let mut graph = PlanBuilder::new().org("O").graph();
    let long_id = "x".repeat(65);
    let cases: Vec<(Node, &str)> = vec![
        (Node::new("G", OrgGoal, "  \t"), "field \"title\""),
        (Node::new(long_id.clone(), OrgGoal, "t"), "got 65"),
        (Node::new("", OrgGoal, "t"), "got 0"),
        (Node::new("R", Resource, "t"), "field \"resource_type\""),
        (
            Node {
                target_date: Some(common::as_of()),
                ..Node::resource("R", ResourceType::Time, "t")
            },
            "field \"target_date\"",
        ),
        (
            Node {
                last_reviewed: Some(common::as_of()),
                ..Node::resource("R", ResourceType::Time, "t")
            },
            "field \"last_reviewed\"",
        ),
        (
            Node {
                capacity: Some(-1.0),
                ..Node::resource("R", ResourceType::Time, "t")
            },
            "field \"capacity\"",
        ),
        (
            Node {
                capacity: Some(f64::NAN),
                ..Node::resource("R", ResourceType::Time, "t")
            },
            "finite",
        ),
        (
            Node {
                capacity: Some(1.0),
                ..Node::new("S", Strategy, "t")
            },
            "only resources",
        ),
        (
            Node {
                unit: Some("EUR".into()),
                ..Node::new("S", Strategy, "t")
            },
            "field \"unit\"",
        ),
        (
            Node {
                resource_type: Some(ResourceType::Tool),
                ..Node::new("S", Initiative, "t")
            },
            "field \"resource_type\"",
        ),
    ];
    for (node, expected) in cases {
        let described = format!("{node:?}");
        let id = node.id.clone();
        let error = refused(&mut graph, Edit::AddNode { node: node.clone() });
        assert_eq!(error.code(), "invalid_field", "{described}");
        contains_all(&error.to_string(), &[expected, &format!("node {id:?}")]);
        if expected.starts_with("got ") {
            continue; // the id is what is wrong; an update names an existing id
        }
        let error = refused(
            &mut graph,
            Edit::UpdateNode {
                node: Node {
                    id: "O".into(),
                    ..node
                },
            },
        );
        assert_eq!(error.code(), "invalid_field", "update with {described}");
        contains_all(&error.to_string(), &[expected, "node \"O\""]);
    }
    graph
        .add_node(Node::new("y".repeat(64), OrgGoal, "t"))
        .expect("64 characters is the longest id");
    graph
        .add_node(Node::new("🎯".repeat(64), OrgGoal, "t"))
        .expect("ids are counted in characters, not bytes");
}

#[test]
fn duplicate_and_unknown_nodes_are_refused() {
    let mut graph = PlanBuilder::new().org("O").graph();
    let error = refused(
        &mut graph,
        Edit::AddNode {
            node: Node::new("O", TeamGoal, "again"),
        },
    );
    assert_eq!(error.code(), "duplicate_node");
    contains_all(&error.to_string(), &["\"O\"", "already exists"]);
    let error = refused(
        &mut graph,
        Edit::UpdateNode {
            node: Node::new("ghost", TeamGoal, "t"),
        },
    );
    assert_eq!(error.code(), "unknown_node");
    contains_all(&error.to_string(), &["\"ghost\""]);
    let error = refused(&mut graph, Edit::RemoveNode { id: "ghost".into() });
    assert_eq!(error.code(), "unknown_node");
}

#[test]
fn kind_changes_that_would_break_a_link_are_refused() {
    let mut graph = PlanBuilder::new()
        .org("O")
        .strategy("S")
        .initiative("I")
        .resource("R", ResourceType::Funding)
        .supports("S", "O")
        .supports("I", "S")
        .allocates("R", "I", 1.0)
        .graph();
    let error = refused(
        &mut graph,
        Edit::UpdateNode {
            node: Node::new("I", Strategy, "now a strategy"),
        },
    );
    assert_eq!(error.code(), "kind_change_breaks_link");
    contains_all(
        &error.to_string(),
        &[
            "node \"I\" cannot become a strategy",
            "supports link I -> S",
            "remove it first",
        ],
    );
    let error = refused(
        &mut graph,
        Edit::UpdateNode {
            node: Node::new("S", Initiative, "target becomes initiative"),
        },
    );
    assert_eq!(error.code(), "kind_change_breaks_link");
    contains_all(&error.to_string(), &["cannot become an initiative"]);
    let error = refused(
        &mut graph,
        Edit::UpdateNode {
            node: Node::new("R", Initiative, "no longer a resource"),
        },
    );
    assert_eq!(error.code(), "kind_change_breaks_link");
    contains_all(&error.to_string(), &["allocates link R -> I"]);
    let error = refused(
        &mut graph,
        Edit::UpdateNode {
            node: Node::resource("O", ResourceType::Tool, "goal becomes resource"),
        },
    );
    assert_eq!(error.code(), "kind_change_breaks_link");
    contains_all(&error.to_string(), &["supports link S -> O"]);
}

#[test]
fn kind_changes_the_links_allow_apply_and_undo() {
    let mut graph = PlanBuilder::new()
        .org("O")
        .team("T")
        .initiative("I")
        .supports("T", "O")
        .supports("I", "T")
        .graph();
    let before = graph.to_plan();
    let undo = graph
        .apply(Edit::UpdateNode {
            node: Node::new("T", OrgGoal, "now an org goal"),
        })
        .expect("org -> org and initiative -> org are allowed");
    assert_eq!(graph.node("T").map(|n| n.kind), Some(OrgGoal));
    graph.apply(undo).expect("undo applies");
    assert_eq!(graph.to_plan(), before);
}

// ---------------------------------------------------------------- settings, batches, undo

#[test]
fn settings_are_checked() {
    let mut graph = PlanBuilder::new().graph();
    let error = refused(
        &mut graph,
        Edit::UpdateSettings {
            settings: PlanSettings {
                name: " \n".into(),
                review_cadence_days: 30,
            },
        },
    );
    assert_eq!(error.code(), "invalid_field");
    contains_all(&error.to_string(), &["field \"name\""]);
    let error = refused(
        &mut graph,
        Edit::UpdateSettings {
            settings: PlanSettings {
                name: "ok".into(),
                review_cadence_days: 0,
            },
        },
    );
    contains_all(
        &error.to_string(),
        &["field \"review_cadence_days\"", "1 or more"],
    );
}

#[test]
fn a_batch_applies_whole_or_not_at_all() {
    let mut graph = PlanBuilder::new()
        .org("O")
        .team("T")
        .initiative("I")
        .supports("T", "O")
        .supports("I", "T")
        .graph();
    let error = refused(
        &mut graph,
        Edit::Batch {
            edits: vec![
                Edit::RemoveNode { id: "O".into() },
                Edit::RemoveLink {
                    key: Link::supports("I", "T").key(),
                },
                Edit::AddNode {
                    node: Node::new("N", OrgGoal, "new"),
                },
                Edit::UpdateSettings {
                    settings: PlanSettings {
                        name: "renamed".into(),
                        review_cadence_days: 5,
                    },
                },
                Edit::AddLink {
                    link: Link::supports("T", "I"),
                },
            ],
        },
    );
    assert_eq!(
        error.code(),
        "wrong_kinds",
        "the last edit is the one refused"
    );
    // `refused` has checked that the plan, node and link order included, is as before.
}

#[test]
fn undoing_a_removal_puts_nodes_and_links_back_in_place() {
    let mut graph = PlanBuilder::new()
        .org("O1")
        .org("O2")
        .team("T")
        .initiative("I")
        .resource("R", ResourceType::Skill)
        .supports("T", "O1")
        .supports("T", "O2")
        .supports("I", "T")
        .allocates("R", "I", 2.0)
        .graph();
    let before = graph.to_plan();
    let undo = graph
        .apply(Edit::RemoveNode { id: "T".into() })
        .expect("T exists");
    assert_eq!(
        graph.link_count(),
        1,
        "removing a node removes the links touching it"
    );
    match &undo {
        Edit::Batch { edits } => assert_eq!(edits.len(), 4, "the node and its three links"),
        other => panic!("undo of a removal is a batch, got {other:?}"),
    }
    graph.apply(undo).expect("undo applies");
    assert_eq!(
        graph.to_plan(),
        before,
        "same nodes and links, in the same order"
    );

    let undo = graph
        .apply(Edit::RemoveLink {
            key: Link::supports("T", "O1").key(),
        })
        .expect("link exists");
    graph.apply(undo).expect("undo applies");
    assert_eq!(graph.to_plan(), before);
}

#[test]
fn update_link_changes_amount_and_why_and_undoes() {
    let mut graph = PlanBuilder::new()
        .initiative("I")
        .resource("R", ResourceType::Skill)
        .allocates("R", "I", 2.0)
        .graph();
    let before = graph.to_plan();
    let changed = Link {
        why: Some("training".into()),
        ..Link::allocates("R", "I", 3.5)
    };
    let undo = graph
        .apply(Edit::UpdateLink {
            link: changed.clone(),
        })
        .expect("link exists");
    assert_eq!(graph.link(&changed.key()), Some(changed));
    graph.apply(undo).expect("undo applies");
    assert_eq!(graph.to_plan(), before);
}

#[test]
fn edits_serialize_with_an_op_tag() {
    let edit = Edit::RemoveNode { id: "G1".into() };
    let json = serde_json::to_value(&edit).expect("edits serialize");
    assert_eq!(json, serde_json::json!({"op": "remove_node", "id": "G1"}));
    let back: Edit = serde_json::from_value(json).expect("edits deserialize");
    assert_eq!(back, edit);
}
