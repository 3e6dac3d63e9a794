//! From a read model to a plan: elements become nodes by the README's table, and
//! `supports`/`allocates` links are derived through the elements Throughline has no
//! kind for, each derived link recorded in its node's notes.

use std::collections::{HashMap, HashSet, VecDeque};

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::graph::{MAX_ID_CHARS, PlanGraph};
use crate::model::DEFAULT_REVIEW_CADENCE_DAYS;
use crate::model::{Link, Node, NodeKind, PlanSettings, ResourceType, Status};

use super::properties;
use super::read::{Element, Model, Relationship};
use super::summary::ImportSummary;
use super::vocabulary::{ElementRole, RelationKind, element_role, helps_reach, is_negative};

/// A `supports` link found in the model, before it is checked against the rules.
#[derive(Debug)]
struct Candidate {
    from: usize,
    to: usize,
    /// The elements between `from` and `to`, empty for a direct relationship.
    through: Vec<usize>,
    /// Why it is derived, for the note: the chain, or the parent work package.
    via_parent: Option<usize>,
    /// The relationship's documentation, for a direct link.
    why: Option<String>,
}

/// Builds the plan a model stands for, and says what became of each part of it.
pub fn to_plan(model: &Model) -> Result<(PlanGraph, ImportSummary)> {
    let mut summary = ImportSummary::new(model.name.clone(), model.version);
    let index: HashMap<&str, usize> = model
        .elements
        .iter()
        .enumerate()
        .map(|(at, element)| (element.identifier.as_str(), at))
        .collect();
    let roles: Vec<ElementRole> = model
        .elements
        .iter()
        .map(|element| element_role(&element.element_type))
        .collect();
    let ids: Vec<String> = model
        .elements
        .iter()
        .map(|element| node_id(element, &mut summary))
        .collect::<Result<_>>()?;

    let candidates = supports_candidates(model, &index, &roles, &mut summary);
    let allocations = allocation_candidates(model, &index, &roles, &mut summary)?;

    // A goal that leads to another goal is a team goal; one that leads to none is the
    // organization's. A `kind` property decides instead when it is given.
    let leads_to_goal: HashSet<usize> = candidates
        .iter()
        .filter(|c| roles[c.from] == ElementRole::Goal && roles[c.to] == ElementRole::Goal)
        .map(|c| c.from)
        .collect();

    let mut graph = PlanGraph::new(PlanSettings {
        name: model
            .name
            .clone()
            .filter(|name| !name.trim().is_empty())
            .unwrap_or_else(|| "Imported ArchiMate model".to_owned()),
        review_cadence_days: review_cadence(model)?,
    })?;
    for (at, element) in model.elements.iter().enumerate() {
        let Some(kind) = roles[at].node_kind(leads_to_goal.contains(&at)) else {
            summary.count(&element.element_type, None);
            continue;
        };
        let node = node_of(element, ids[at].clone(), kind, roles[at])
            .map_err(|error| error.at(format!("element {:?}", element.identifier)))?;
        summary.count(&element.element_type, Some(node.kind));
        graph
            .add_node(node)
            .map_err(|error| error.at(format!("element {:?}", element.identifier)))?;
    }

    let describe = |at: usize| {
        let element = &model.elements[at];
        match roles[at] {
            ElementRole::Chain => format!(
                "{} {:?}",
                element.element_type,
                element.name.as_deref().unwrap_or(&element.identifier)
            ),
            _ => format!("{} {:?}", ids[at], graph_title(element)),
        }
    };
    for candidate in &candidates {
        let (from, to) = (&ids[candidate.from], &ids[candidate.to]);
        if graph
            .link(&Link::supports(from.clone(), to.clone()).key())
            .is_some()
        {
            continue;
        }
        let link = Link {
            why: candidate.why.clone(),
            ..Link::supports(from.clone(), to.clone())
        };
        match graph.add_link(link) {
            Ok(()) => {}
            Err(error) => {
                summary.skip(format!(
                    "{} -> {}: {error}",
                    describe(candidate.from),
                    describe(candidate.to)
                ));
                continue;
            }
        }
        let chain = if let Some(parent) = candidate.via_parent {
            format!("through its parent work package {}", describe(parent))
        } else if candidate.through.is_empty() {
            summary.direct_supports += 1;
            continue;
        } else {
            let steps: Vec<String> = std::iter::once(candidate.from)
                .chain(candidate.through.iter().copied())
                .chain(std::iter::once(candidate.to))
                .map(describe)
                .collect();
            format!("through {}", steps.join(" -> "))
        };
        let note = format!("Supports {to} (derived on ArchiMate import {chain}).");
        summary
            .derived
            .push(format!("{from} supports {to} {chain}"));
        let mut node = graph
            .node(from)
            .cloned()
            .ok_or_else(|| Error::UnknownNode { id: from.clone() })?;
        node.notes = Some(match node.notes.take().filter(|notes| !notes.is_empty()) {
            Some(notes) => format!("{notes}\n{note}"),
            None => note,
        });
        graph.update_node(node)?;
    }
    for (relationship, from, to, amount) in allocations {
        let link = Link {
            why: relationship.documentation.clone(),
            ..Link::allocates(ids[from].clone(), ids[to].clone(), amount)
        };
        match graph.add_link(link) {
            Ok(()) => summary.allocates += 1,
            Err(error) => summary.skip(format!(
                "relationship {:?}: {error}",
                relationship.identifier
            )),
        }
    }
    let accepted = json_list(&model.properties, properties::ACCEPTED)
        .map_err(|error| error.at("the model"))?;
    if !accepted.is_empty() {
        graph
            .apply(crate::graph::Edit::SetAcceptances { accepted })
            .map_err(|error| error.at(format!("model property {:?}", properties::ACCEPTED)))?;
    }
    Ok((graph, summary))
}

/// A property holding a list as the interchange format writes it (what an export
/// writes for the review log and the accepted findings); absent means empty.
fn json_list<T: serde::de::DeserializeOwned>(
    props: &[super::read::Property],
    name: &str,
) -> Result<Vec<T>> {
    properties::text(props, name)
        .map(|text| {
            serde_json::from_str(text).map_err(|error| {
                Error::field(
                    format!("property {name:?}"),
                    format!("not a valid list: {error}"),
                )
            })
        })
        .transpose()
        .map(Option::unwrap_or_default)
}

/// Element ids are kept as node ids so that a re-import matches them. An id longer
/// than the plan format allows is cut and given a hash of the whole, so the same
/// long id always gives the same node id.
fn node_id(element: &Element, summary: &mut ImportSummary) -> Result<String> {
    if let Some(id) = properties::text(&element.properties, properties::ID) {
        return Ok(id.to_owned());
    }
    let id = &element.identifier;
    if id.chars().count() <= MAX_ID_CHARS {
        return Ok(id.clone());
    }
    let kept: String = id.chars().take(MAX_ID_CHARS - 9).collect();
    let short = format!("{kept}~{:08x}", fnv1a(id.as_bytes()));
    summary.shortened_ids.push((id.clone(), short.clone()));
    Ok(short)
}

/// FNV-1a, 32 bits: stable across versions and machines, unlike the std hasher.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash: u32, byte| {
        (hash ^ u32::from(*byte)).wrapping_mul(0x0100_0193)
    })
}

fn graph_title(element: &Element) -> String {
    element
        .name
        .clone()
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| format!("{} {}", element.element_type, element.identifier))
}

/// Every "helps reach" path from a goal, strategy or initiative to the next goal,
/// strategy or initiative, through elements of other types only; the shortest path
/// to each target is kept. Then goal hierarchies and sub-work-packages.
fn supports_candidates(
    model: &Model,
    index: &HashMap<&str, usize>,
    roles: &[ElementRole],
    summary: &mut ImportSummary,
) -> Vec<Candidate> {
    let mut forward: Vec<Vec<(usize, Option<&str>)>> = vec![Vec::new(); model.elements.len()];
    let mut parts: Vec<(usize, usize)> = Vec::new();
    for relationship in &model.relationships {
        let (Some(&source), Some(&target)) = (
            index.get(relationship.source.as_str()),
            index.get(relationship.target.as_str()),
        ) else {
            summary.skip(format!(
                "relationship {:?} ({}): its source or target is not an element of the model",
                relationship.identifier, relationship.written_type
            ));
            continue;
        };
        let kind = relationship.kind;
        if helps_reach(
            kind,
            relationship.directed,
            relationship.modifier.as_deref(),
        ) {
            if !matches!(roles[source], ElementRole::Resource(_)) {
                forward[source].push((target, relationship.documentation.as_deref()));
            }
        } else if kind == RelationKind::Influence
            && is_negative(relationship.modifier.as_deref())
            && (roles[source] != ElementRole::Chain || roles[target] != ElementRole::Chain)
        {
            summary.skip(format!(
                "relationship {:?}: a negative influence ({}) works against its target, it does not support it",
                relationship.identifier,
                relationship.modifier.as_deref().unwrap_or("-")
            ));
        } else if matches!(kind, RelationKind::Aggregation | RelationKind::Composition) {
            parts.push((source, target));
        }
    }

    let mut candidates = Vec::new();
    for (start, role) in roles.iter().enumerate() {
        if !matches!(
            role,
            ElementRole::Goal | ElementRole::Strategy | ElementRole::Initiative
        ) {
            continue;
        }
        // Breadth first, so the chain recorded is a shortest one.
        let mut came_from: HashMap<usize, usize> = HashMap::new();
        let mut queue = VecDeque::from([start]);
        let mut seen = HashSet::from([start]);
        while let Some(at) = queue.pop_front() {
            for &(next, documentation) in &forward[at] {
                if !seen.insert(next) {
                    continue;
                }
                came_from.insert(next, at);
                if roles[next] == ElementRole::Chain {
                    queue.push_back(next);
                } else if !matches!(roles[next], ElementRole::Resource(_)) {
                    let mut through = Vec::new();
                    let mut step = at;
                    while step != start {
                        through.push(step);
                        step = came_from[&step];
                    }
                    through.reverse();
                    let why = through
                        .is_empty()
                        .then(|| documentation.map(str::to_owned))
                        .flatten();
                    candidates.push(Candidate {
                        from: start,
                        to: next,
                        through,
                        via_parent: None,
                        why,
                    });
                }
            }
        }
    }

    // The parts of a goal help reach the whole.
    for &(whole, part) in &parts {
        if roles[whole] == ElementRole::Goal && roles[part] == ElementRole::Goal {
            candidates.push(Candidate {
                from: part,
                to: whole,
                through: Vec::new(),
                via_parent: None,
                why: None,
            });
        }
    }
    // A sub-work-package supports what its parent supports, however deep.
    let mut changed = true;
    while changed {
        changed = false;
        for &(parent, child) in &parts {
            if roles[parent] != ElementRole::Initiative || roles[child] != ElementRole::Initiative {
                continue;
            }
            let inherited: Vec<usize> = candidates
                .iter()
                .filter(|c| c.from == parent)
                .map(|c| c.to)
                .filter(|to| !candidates.iter().any(|c| c.from == child && c.to == *to))
                .collect();
            for to in inherited {
                changed = true;
                candidates.push(Candidate {
                    from: child,
                    to,
                    through: Vec::new(),
                    via_parent: Some(parent),
                    why: None,
                });
            }
        }
    }
    candidates
}

/// Assignments, realizations and associations from a Resource or Capability to a
/// work package or course of action: allocations. An association counts directed or
/// not, since ArchiMate allows nothing else from a resource to a work package.
fn allocation_candidates<'m>(
    model: &'m Model,
    index: &HashMap<&str, usize>,
    roles: &[ElementRole],
    summary: &mut ImportSummary,
) -> Result<Vec<(&'m Relationship, usize, usize, f64)>> {
    let mut allocations = Vec::new();
    for relationship in &model.relationships {
        let (Some(&source), Some(&target)) = (
            index.get(relationship.source.as_str()),
            index.get(relationship.target.as_str()),
        ) else {
            continue;
        };
        let ElementRole::Resource(_) = roles[source] else {
            continue;
        };
        let allocating = matches!(
            relationship.kind,
            RelationKind::Assignment | RelationKind::Realization | RelationKind::Association
        );
        if !allocating {
            continue;
        }
        if !matches!(
            roles[target],
            ElementRole::Strategy | ElementRole::Initiative
        ) {
            // An association says too little to be reported as a wrong allocation.
            if roles[target] != ElementRole::Chain && relationship.kind != RelationKind::Association
            {
                summary.skip(format!(
                    "relationship {:?} ({}): a resource allocates to courses of action and work packages only, not to a {}",
                    relationship.identifier,
                    relationship.written_type,
                    model.elements[target].element_type
                ));
            }
            continue;
        }
        let amount = properties::amount(&relationship.properties)
            .map_err(|error| error.at(format!("relationship {:?}", relationship.identifier)))?
            .unwrap_or(0.0);
        allocations.push((relationship, source, target, amount));
    }
    Ok(allocations)
}

fn review_cadence(model: &Model) -> Result<u32> {
    match properties::text(&model.properties, properties::REVIEW_CADENCE_DAYS) {
        None => Ok(DEFAULT_REVIEW_CADENCE_DAYS),
        Some(text) => text
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|days| *days >= 1)
            .ok_or_else(|| {
                Error::field(
                    format!("model property {:?}", properties::REVIEW_CADENCE_DAYS),
                    format!("{text:?} is not a whole number of days, 1 or more"),
                )
            }),
    }
}

fn node_of(element: &Element, id: String, kind: NodeKind, role: ElementRole) -> Result<Node> {
    let props = &element.properties;
    let kind = match properties::text(props, properties::KIND) {
        None => kind,
        Some(text) => NodeKind::parse(text.trim())
            .filter(|given| {
                given.is_goal() == kind.is_goal()
                    && (*given == NodeKind::Resource) == (kind == NodeKind::Resource)
            })
            .ok_or_else(|| {
                Error::field(
                    format!("property {:?}", properties::KIND),
                    format!("{text:?} is not a kind a {} can have", element.element_type),
                )
            })?,
    };
    let mut node = Node::new(id, kind, graph_title(element));
    node.why = element
        .documentation
        .clone()
        .filter(|why| !why.trim().is_empty());
    node.owner = properties::text(props, properties::OWNER).map(str::to_owned);
    node.team = properties::text(props, properties::TEAM).map(str::to_owned);
    node.notes = properties::text(props, properties::NOTES).map(str::to_owned);
    if let Some(text) = properties::text(props, properties::STATUS) {
        node.status = Status::parse(text.trim()).ok_or_else(|| {
            Error::field(
                format!("property {:?}", properties::STATUS),
                format!("{text:?} is not one of proposed, active, done, dropped"),
            )
        })?;
    }
    node.target_date = date(props, properties::TARGET_DATE)?;
    node.last_reviewed = date(props, properties::LAST_REVIEWED)?;
    node.reviews = json_list(props, properties::REVIEWS)?;
    if let ElementRole::Resource(default_type) = role {
        node.resource_type = Some(match properties::text(props, properties::RESOURCE_TYPE) {
            None => default_type,
            Some(text) => ResourceType::parse(text.trim()).ok_or_else(|| {
                Error::field(
                    format!("property {:?}", properties::RESOURCE_TYPE),
                    format!("{text:?} is not one of funding, tool, skill, time"),
                )
            })?,
        });
        node.capacity = properties::number(props, properties::CAPACITY)?;
        node.unit = properties::text(props, properties::UNIT).map(str::to_owned);
    }
    Ok(node)
}

fn date(props: &[super::read::Property], name: &str) -> Result<Option<NaiveDate>> {
    properties::text(props, name)
        .map(|text| {
            NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
                Error::field(
                    format!("property {name:?}"),
                    format!("{text:?} is not a date (YYYY-MM-DD)"),
                )
            })
        })
        .transpose()
}
