//! Writing a plan as an ArchiMate 3.1 exchange file: goals as Goal, strategies as
//! CourseOfAction, initiatives as WorkPackage, resources as Resource, and the links as
//! the relationships ArchiMate 3.1 allows between those types.

use std::fmt::Write as _;

use quick_xml::escape::escape;

use crate::model::{Link, LinkKind, Node, NodeKind, Plan};

use super::properties;
use super::read::NAMESPACE_3;

/// The exchange file for `plan`. Fields ArchiMate has no place for travel as
/// properties, so that importing the file gives the same plan back.
pub fn to_exchange_xml(plan: &Plan) -> String {
    let mut xml = String::new();
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        xml,
        "<model xmlns=\"{NAMESPACE_3}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{NAMESPACE_3} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd\" \
         identifier=\"throughline-plan\">"
    );
    let _ = writeln!(xml, "  <name>{}</name>", escape(plan.name.as_str()));
    write_properties(
        &mut xml,
        "  ",
        &[
            (
                properties::REVIEW_CADENCE_DAYS,
                Some(plan.review_cadence_days.to_string()),
            ),
            (
                properties::ACCEPTED,
                (!plan.accepted.is_empty()).then(|| json_list(&plan.accepted)),
            ),
        ],
    );
    let kind_of = |id: &str| {
        plan.nodes
            .iter()
            .find(|node| node.id == id)
            .map(|node| node.kind)
    };
    if !plan.nodes.is_empty() {
        xml.push_str("  <elements>\n");
        for node in &plan.nodes {
            write_element(&mut xml, node);
        }
        xml.push_str("  </elements>\n");
    }
    if !plan.links.is_empty() {
        xml.push_str("  <relationships>\n");
        for (at, link) in plan.links.iter().enumerate() {
            let (Some(from), Some(to)) = (kind_of(&link.from), kind_of(&link.to)) else {
                continue;
            };
            write_relationship(&mut xml, at, link, from, to);
        }
        xml.push_str("  </relationships>\n");
    }
    xml.push_str("  <propertyDefinitions>\n");
    for name in properties::ALL {
        let _ = writeln!(
            xml,
            "    <propertyDefinition identifier=\"{}\" type=\"string\">\n      <name>{name}</name>\n    </propertyDefinition>",
            definition_id(name)
        );
    }
    xml.push_str("  </propertyDefinitions>\n</model>\n");
    xml
}

fn element_type(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::OrgGoal | NodeKind::TeamGoal => "Goal",
        NodeKind::Strategy => "CourseOfAction",
        NodeKind::Initiative => "WorkPackage",
        NodeKind::Resource => "Resource",
    }
}

/// The relationship ArchiMate 3.1 allows for a link between these kinds: goals
/// influence goals; courses of action and work packages realize goals and courses of
/// action; a resource realizes a course of action, and is associated with a work
/// package, the only relationship the table allows from a resource to one. (The
/// association is not marked `isDirected`: the 3.0 XSD has no such attribute, and
/// from a resource to a work package the direction is plain.)
fn relationship_type(link: &Link, from: NodeKind, to: NodeKind) -> (&'static str, &'static str) {
    match (link.kind, from, to) {
        (LinkKind::Supports, NodeKind::OrgGoal | NodeKind::TeamGoal, _) => ("Influence", ""),
        (LinkKind::Supports, _, _) => ("Realization", ""),
        (LinkKind::Allocates, _, NodeKind::Initiative) => ("Association", ""),
        (LinkKind::Allocates, _, _) => ("Realization", ""),
    }
}

/// xs:ID values must be XML names; a plan id that is not one keeps its own id in a
/// property and gets an identifier that is.
fn identifier(id: &str) -> (String, bool) {
    let is_name = id.chars().enumerate().all(|(at, c)| {
        c.is_alphabetic() || c == '_' || (at > 0 && (c.is_alphanumeric() || c == '-' || c == '.'))
    });
    if is_name {
        (id.to_owned(), false)
    } else {
        let encoded: String = id.bytes().map(|byte| format!("{byte:02x}")).collect();
        (format!("id-{encoded}"), true)
    }
}

fn definition_id(name: &str) -> String {
    format!("propid-{}", name.replace('_', "-"))
}

fn write_element(xml: &mut String, node: &Node) {
    let (identifier, renamed) = identifier(&node.id);
    let _ = writeln!(
        xml,
        "    <element identifier=\"{}\" xsi:type=\"{}\">",
        escape(identifier.as_str()),
        element_type(node.kind)
    );
    let _ = writeln!(xml, "      <name>{}</name>", escape(node.title.as_str()));
    if let Some(why) = &node.why {
        let _ = writeln!(
            xml,
            "      <documentation>{}</documentation>",
            escape(why.as_str())
        );
    }
    let date =
        |date: Option<chrono::NaiveDate>| date.map(|date| date.format("%Y-%m-%d").to_string());
    write_properties(
        xml,
        "      ",
        &[
            (properties::ID, renamed.then(|| node.id.clone())),
            (properties::KIND, Some(node.kind.as_str().to_owned())),
            (properties::STATUS, Some(node.status.as_str().to_owned())),
            (properties::OWNER, node.owner.clone()),
            (properties::TEAM, node.team.clone()),
            (properties::NOTES, node.notes.clone()),
            (properties::TARGET_DATE, date(node.target_date)),
            (properties::LAST_REVIEWED, date(node.last_reviewed)),
            (
                properties::REVIEWS,
                (!node.reviews.is_empty()).then(|| json_list(&node.reviews)),
            ),
            (
                properties::RESOURCE_TYPE,
                node.resource_type.map(|ty| ty.as_str().to_owned()),
            ),
            (
                properties::CAPACITY,
                node.capacity.map(|capacity| capacity.to_string()),
            ),
            (properties::UNIT, node.unit.clone()),
        ],
    );
    xml.push_str("    </element>\n");
}

fn write_relationship(xml: &mut String, at: usize, link: &Link, from: NodeKind, to: NodeKind) {
    let (relationship, extra) = relationship_type(link, from, to);
    let _ = writeln!(
        xml,
        "    <relationship identifier=\"link-{}\" source=\"{}\" target=\"{}\" xsi:type=\"{relationship}\"{extra}>",
        at + 1,
        escape(identifier(&link.from).0.as_str()),
        escape(identifier(&link.to).0.as_str()),
    );
    if let Some(why) = &link.why {
        let _ = writeln!(
            xml,
            "      <documentation>{}</documentation>",
            escape(why.as_str())
        );
    }
    write_properties(
        xml,
        "      ",
        &[(
            properties::AMOUNT,
            link.amount.map(|amount| amount.to_string()),
        )],
    );
    xml.push_str("    </relationship>\n");
}

fn write_properties(xml: &mut String, indent: &str, values: &[(&str, Option<String>)]) {
    let given: Vec<_> = values
        .iter()
        .filter_map(|(name, value)| value.as_ref().map(|value| (*name, value)))
        .collect();
    if given.is_empty() {
        return;
    }
    let _ = writeln!(xml, "{indent}<properties>");
    for (name, value) in given {
        let _ = writeln!(
            xml,
            "{indent}  <property propertyDefinitionRef=\"{}\">\n{indent}    <value>{}</value>\n{indent}  </property>",
            definition_id(name),
            escape(value.as_str())
        );
    }
    let _ = writeln!(xml, "{indent}</properties>");
}

/// A list as the interchange format writes it, for a property ArchiMate has no
/// structure for.
fn json_list<T: serde::Serialize>(items: &[T]) -> String {
    serde_json::to_string(items).expect("reviews and acceptances always serialize: no maps")
}
