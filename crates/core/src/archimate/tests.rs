//! The mapping, pinned on small models written for each rule.

use crate::model::{Link, LinkKind, Node, NodeKind, Plan, ResourceType};

use super::{export, import};

fn model(elements: &str, relationships: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
  <name>Test</name>
  <elements>{elements}</elements>
  <relationships>{relationships}</relationships>
</model>"#
    )
}

fn element(id: &str, ty: &str) -> String {
    format!(r#"<element identifier="{id}" xsi:type="{ty}"><name>{id} name</name></element>"#)
}

fn relation(id: &str, ty: &str, source: &str, target: &str) -> String {
    format!(
        r#"<relationship identifier="{id}" source="{source}" target="{target}" xsi:type="{ty}"/>"#
    )
}

#[test]
fn a_chain_through_deliverable_and_requirement_becomes_one_supports_link_noted_on_the_node() {
    let text = model(
        &[
            element("wp", "WorkPackage"),
            element("d", "Deliverable"),
            element("app", "ApplicationComponent"),
            element("req", "Requirement"),
            element("g", "Goal"),
        ]
        .concat(),
        &[
            relation("r1", "Realization", "wp", "d"),
            relation("r2", "Realization", "d", "app"),
            relation("r3", "Realization", "app", "req"),
            relation("r4", "Realization", "req", "g"),
        ]
        .concat(),
    );
    let (graph, summary) = import(&text).expect("a well-formed model imports");
    assert!(
        graph.link(&Link::supports("wp", "g").key()).is_some(),
        "wp should support g through the chain"
    );
    let notes = graph
        .node("wp")
        .and_then(|node| node.notes.clone())
        .unwrap_or_default();
    assert!(notes.contains("Deliverable \"d name\" -> ApplicationComponent \"app name\" -> Requirement \"req name\""), "notes: {notes}");
    assert_eq!(summary.derived.len(), 1);
    assert_eq!(
        graph.node_count(),
        2,
        "chain elements are not imported as nodes"
    );
}

#[test]
fn a_goal_leading_to_another_goal_is_a_team_goal_and_goal_parts_support_the_whole() {
    let text = model(
        &[
            element("top", "Goal"),
            element("mid", "Outcome"),
            element("part", "Goal"),
        ]
        .concat(),
        &[
            relation("r1", "Realization", "mid", "top"),
            relation("r2", "Aggregation", "mid", "part"),
        ]
        .concat(),
    );
    let (graph, _) = import(&text).expect("imports");
    assert_eq!(graph.node("top").map(|n| n.kind), Some(NodeKind::OrgGoal));
    assert_eq!(graph.node("mid").map(|n| n.kind), Some(NodeKind::TeamGoal));
    assert_eq!(graph.node("part").map(|n| n.kind), Some(NodeKind::TeamGoal));
    assert!(
        graph.link(&Link::supports("part", "mid").key()).is_some(),
        "an aggregated goal supports its whole"
    );
}

#[test]
fn a_sub_work_package_supports_what_its_parent_supports() {
    let text = model(
        &[
            element("g", "Goal"),
            element("parent", "WorkPackage"),
            element("child", "WorkPackage"),
            element("grandchild", "WorkPackage"),
        ]
        .concat(),
        &[
            relation("r1", "Realization", "parent", "g"),
            relation("r2", "Aggregation", "parent", "child"),
            relation("r3", "Composition", "child", "grandchild"),
        ]
        .concat(),
    );
    let (graph, summary) = import(&text).expect("imports");
    assert!(graph.link(&Link::supports("child", "g").key()).is_some());
    assert!(
        graph
            .link(&Link::supports("grandchild", "g").key())
            .is_some()
    );
    assert!(
        summary
            .derived
            .iter()
            .any(|line| line.contains("parent work package")),
        "{:?}",
        summary.derived
    );
}

#[test]
fn resources_allocate_with_their_amount_and_capabilities_are_skills() {
    let text = model(
        &[
            element("coa", "CourseOfAction"),
            element("wp", "WorkPackage"),
            r#"<element identifier="money" xsi:type="Resource"><name>Budget</name><properties><property propertyDefinitionRef="p1"><value>1500</value></property></properties></element>"#.to_owned(),
            element("cap", "Capability"),
        ]
        .concat(),
        &[
            r#"<relationship identifier="a1" source="money" target="wp" xsi:type="Assignment"><properties><property propertyDefinitionRef="p2"><value>250</value></property></properties></relationship>"#.to_owned(),
            relation("a2", "Realization", "cap", "coa"),
        ]
        .concat(),
    )
    .replace(
        "</model>",
        r#"<propertyDefinitions><propertyDefinition identifier="p1" type="number"><name>capacity</name></propertyDefinition><propertyDefinition identifier="p2" type="number"><name>amount</name></propertyDefinition></propertyDefinitions></model>"#,
    );
    let (graph, summary) = import(&text).expect("imports");
    assert_eq!(
        graph.node("money").and_then(|n| n.resource_type),
        Some(ResourceType::Funding)
    );
    assert_eq!(graph.node("money").and_then(|n| n.capacity), Some(1500.0));
    assert_eq!(
        graph.node("cap").and_then(|n| n.resource_type),
        Some(ResourceType::Skill)
    );
    assert_eq!(
        graph
            .link(&Link::allocates("money", "wp", 0.0).key())
            .and_then(|l| l.amount),
        Some(250.0)
    );
    assert_eq!(
        graph
            .link(&Link::allocates("cap", "coa", 0.0).key())
            .and_then(|l| l.amount),
        Some(0.0)
    );
    assert_eq!(summary.allocates, 2);
}

#[test]
fn wrong_kinds_loops_and_negative_influences_are_skipped_and_reported() {
    let text = model(
        &[element("g1", "Goal"), element("g2", "Goal"), element("wp", "WorkPackage")].concat(),
        &[
            relation("r1", "Influence", "g1", "g2"),
            relation("r2", "Influence", "g2", "g1"),
            relation("r3", "Realization", "g1", "wp"),
            r#"<relationship identifier="r4" source="wp" target="g2" xsi:type="Influence" modifier="--"/>"#.to_owned(),
        ]
        .concat(),
    );
    let (graph, summary) = import(&text).expect("skipped relations are not fatal");
    assert_eq!(
        graph.link_count(),
        1,
        "only one of the two goal influences fits: {summary}"
    );
    assert!(
        summary.skipped.iter().any(|line| line.contains("loop")),
        "{:?}",
        summary.skipped
    );
    assert!(
        summary
            .skipped
            .iter()
            .any(|line| line.contains("cannot support")),
        "{:?}",
        summary.skipped
    );
    assert!(
        summary
            .skipped
            .iter()
            .any(|line| line.contains("negative influence")),
        "{:?}",
        summary.skipped
    );
}

#[test]
fn ids_longer_than_64_characters_are_shortened_the_same_way_every_time() {
    let long = "x".repeat(80);
    let text = model(&element(&long, "Goal"), "");
    let (first, summary) = import(&text).expect("imports");
    let (second, _) = import(&text).expect("imports");
    let id = first
        .nodes()
        .next()
        .map(|n| n.id.clone())
        .unwrap_or_default();
    assert_eq!(id.chars().count(), 64);
    assert_eq!(second.nodes().next().map(|n| n.id.clone()), Some(id));
    assert_eq!(summary.shortened_ids.len(), 1);
}

#[test]
fn archimate_2_1_relationship_names_are_read() {
    let text = r#"<model xmlns="http://www.opengroup.org/xsd/archimate" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
      <elements>
        <element identifier="s" xsi:type="BusinessService"><label>svc</label></element>
        <element identifier="g" xsi:type="Goal"><label>goal</label></element>
        <element identifier="wp" xsi:type="WorkPackage"><label>wp</label></element>
      </elements>
      <relationships>
        <relationship identifier="r1" source="wp" target="s" xsi:type="RealisationRelationship"/>
        <relationship identifier="r2" source="s" target="g" xsi:type="UsedByRelationship"/>
      </relationships></model>"#;
    let (graph, summary) = import(text).expect("a 2.1 model imports");
    assert!(
        graph.link(&Link::supports("wp", "g").key()).is_some(),
        "{summary}"
    );
}

#[test]
fn broken_xml_is_refused_with_line_and_column() {
    let error = import(
        "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\">\n  <elements>\n  </model>",
    )
    .expect_err("mismatched tags");
    let message = error.to_string();
    assert!(message.contains("line 3"), "{message}");
    assert_eq!(error.code(), "invalid_xml");
}

#[test]
fn other_xml_is_refused_as_not_archimate() {
    let error = import("<?xml version=\"1.0\"?>\n<html><body/></html>").expect_err("not a model");
    assert_eq!(error.code(), "not_archimate");
    assert!(error.to_string().contains("line 2, column 1"), "{error}");
}

#[test]
fn export_then_import_gives_the_same_plan() {
    let mut plan = Plan::new("Round trip & <more>");
    plan.review_cadence_days = 30;
    let mut goal = Node::new("G1", NodeKind::OrgGoal, "Customers \"first\"");
    goal.why = Some("Because < 3 calls".to_owned());
    goal.target_date = chrono::NaiveDate::from_ymd_opt(2027, 6, 30);
    let mut team = Node::new("team goal 2", NodeKind::TeamGoal, "Team");
    team.owner = Some("CIO".to_owned());
    let sub = Node::new("G0", NodeKind::OrgGoal, "Parent org goal");
    let mut money = Node::resource("R1", ResourceType::Time, "Hours");
    money.capacity = Some(120.5);
    money.unit = Some("hours".to_owned());
    plan.nodes = vec![
        goal,
        team,
        sub,
        Node::new("S1", NodeKind::Strategy, "Strategy"),
        Node::new("I1", NodeKind::Initiative, "Initiative"),
        money,
    ];
    plan.links = vec![
        Link::supports("G1", "G0"),
        Link::supports("team goal 2", "G1"),
        Link {
            why: Some("fewer calls".to_owned()),
            ..Link::supports("S1", "team goal 2")
        },
        Link::supports("I1", "S1"),
        Link::allocates("R1", "I1", 40.0),
        Link::allocates("R1", "S1", 0.25),
    ];
    let (graph, summary) = import(&export(&plan)).expect("the export imports");
    assert!(summary.skipped.is_empty(), "{summary}");
    assert_eq!(graph.to_plan(), plan);
    assert_eq!(LinkKind::Supports.as_str(), "supports");
}
