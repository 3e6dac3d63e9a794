//! Reading an ArchiMate Open Group exchange file (2.1 or 3.x) into its plain
//! elements and relationships, before any meaning is given to them.

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::reader::NsReader;

use crate::error::{Error, Result};

use super::vocabulary::{self, RelationKind};

/// ArchiMate 2.1's exchange namespace.
pub const NAMESPACE_2_1: &str = "http://www.opengroup.org/xsd/archimate";
/// ArchiMate 3.x's exchange namespace (3.0, 3.1 and 3.2 files all use it).
pub const NAMESPACE_3: &str = "http://www.opengroup.org/xsd/archimate/3.0/";
const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// Which edition of the exchange format a file was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatVersion {
    V2_1,
    V3,
}

impl FormatVersion {
    pub fn label(self) -> &'static str {
        match self {
            FormatVersion::V2_1 => "ArchiMate 2.1 exchange format",
            FormatVersion::V3 => "ArchiMate 3.x exchange format",
        }
    }
}

/// A named property of an element, relationship or the model, by its definition's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Property {
    pub name: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub identifier: String,
    /// The `xsi:type`, as written (`Goal`, `WorkPackage`, ...).
    pub element_type: String,
    pub name: Option<String>,
    pub documentation: Option<String>,
    pub properties: Vec<Property>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Relationship {
    pub identifier: String,
    /// The `xsi:type` as written, for messages.
    pub written_type: String,
    pub kind: RelationKind,
    pub source: String,
    pub target: String,
    /// `isDirected="true"` on an association; other relationships are always directed.
    pub directed: bool,
    /// `modifier` of an influence (ArchiMate 3: `+`, `++`, `-`, `--`, `0`..`10`).
    pub modifier: Option<String>,
    pub documentation: Option<String>,
    pub properties: Vec<Property>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub version: FormatVersion,
    pub name: Option<String>,
    pub properties: Vec<Property>,
    pub elements: Vec<Element>,
    pub relationships: Vec<Relationship>,
    /// Property definitions (id, name), used while reading only.
    definitions: Vec<(String, String)>,
}

/// What is being read at the moment: text goes to the innermost of these.
#[derive(Debug)]
enum Open {
    Model,
    Element(Element),
    Relationship(Relationship),
    /// A `<property propertyDefinitionRef=...>` of the model, element or relationship.
    Property(String),
    /// A `<propertyDefinition identifier=...>`, waiting for its name.
    PropertyDefinition(String),
    /// A `<name>`, `<documentation>` or `<value>` being read.
    Text,
    Other,
}

/// The text fields being collected: `name`, `documentation`, `value`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum TextField {
    Name,
    Documentation,
    Value,
}

/// Reads an exchange file. Anything that is not well-formed XML fails with its line
/// and column; well-formed XML that is not an ArchiMate model fails saying why.
pub fn read_model(text: &str) -> Result<Model> {
    let mut reader = NsReader::from_str(text);
    let mut stack: Vec<Open> = Vec::new();
    let mut field: Option<(TextField, String)> = None;
    let mut version = None;
    let mut pending_value: Option<String> = None;
    let mut model = Model {
        version: FormatVersion::V3,
        name: None,
        properties: Vec::new(),
        elements: Vec::new(),
        relationships: Vec::new(),
        definitions: Vec::new(),
    };

    loop {
        let position = reader.buffer_position();
        let (namespace, event) = match reader.read_resolved_event() {
            Ok((ns, event)) => (namespace_of(&ns), event),
            Err(error) => return Err(xml_error(text, reader.error_position(), &error.to_string())),
        };
        match event {
            Event::Start(ref start) | Event::Empty(ref start) => {
                let is_empty = matches!(event, Event::Empty(_));
                let local = start.local_name().as_ref().to_owned();
                if stack.is_empty() {
                    version = Some(root_version(text, position, namespace.as_deref(), &local)?);
                    stack.push(Open::Model);
                    if is_empty {
                        break;
                    }
                    continue;
                }
                let open = match local.as_str() {
                    "element" if in_container(&stack) => {
                        Open::Element(read_element(&reader, start, text, position)?)
                    }
                    "relationship" if in_container(&stack) => {
                        Open::Relationship(read_relationship(&reader, start, text, position)?)
                    }
                    "property" => Open::Property(
                        attribute(&reader, start, "propertyDefinitionRef").unwrap_or_default(),
                    ),
                    "propertyDefinition" => Open::PropertyDefinition(
                        attribute(&reader, start, "identifier").unwrap_or_default(),
                    ),
                    "name" | "documentation" | "value" => {
                        let kind = match local.as_str() {
                            "name" => TextField::Name,
                            "documentation" => TextField::Documentation,
                            _ => TextField::Value,
                        };
                        field = Some((kind, String::new()));
                        Open::Text
                    }
                    _ => Open::Other,
                };
                if is_empty {
                    close(open, &mut stack, &mut field, &mut model, &mut pending_value);
                } else {
                    stack.push(open);
                }
            }
            Event::Text(ref content) => {
                if let Some((_, value)) = field.as_mut() {
                    value.push_str(&content.xml10_content());
                }
            }
            Event::CData(ref content) => {
                if let Some((_, value)) = field.as_mut() {
                    value.push_str(content);
                }
            }
            Event::GeneralRef(ref reference) => {
                if let Some((_, value)) = field.as_mut() {
                    let resolved = if reference.is_char_ref() {
                        reference
                            .resolve_char_ref()
                            .ok()
                            .flatten()
                            .map(String::from)
                    } else {
                        quick_xml::escape::resolve_predefined_entity(reference).map(String::from)
                    };
                    let Some(resolved) = resolved else {
                        return Err(xml_error(
                            text,
                            position,
                            &format!("unknown entity &{};", &**reference),
                        ));
                    };
                    value.push_str(&resolved);
                }
            }
            Event::End(_) => {
                let Some(open) = stack.pop() else { break };
                if stack.is_empty() {
                    break;
                }
                close(open, &mut stack, &mut field, &mut model, &mut pending_value);
            }
            Event::Eof => {
                if version.is_none() {
                    return Err(Error::NotArchiMate {
                        reason: "the file holds no XML element".to_owned(),
                    });
                }
                return Err(xml_error(
                    text,
                    text.len() as u64,
                    "the file ends before the model is closed",
                ));
            }
            _ => {}
        }
    }
    let Some(version) = version else {
        return Err(Error::NotArchiMate {
            reason: "the file holds no XML element".to_owned(),
        });
    };
    model.version = version;
    // Properties refer to their definition by id; the names are known only at the end.
    let definitions = std::mem::take(&mut model.definitions);
    let name_properties = |properties: &mut Vec<Property>| {
        for property in properties {
            if let Some((_, name)) = definitions.iter().find(|(id, _)| *id == property.name) {
                property.name = name.clone();
            }
        }
    };
    name_properties(&mut model.properties);
    for element in &mut model.elements {
        name_properties(&mut element.properties);
    }
    for relationship in &mut model.relationships {
        name_properties(&mut relationship.properties);
    }
    Ok(model)
}

/// Puts what just closed where it belongs: a text into its owner, a property into
/// the nearest element, relationship or the model, an element into the model.
fn close(
    open: Open,
    stack: &mut [Open],
    field: &mut Option<(TextField, String)>,
    model: &mut Model,
    pending_value: &mut Option<String>,
) {
    match open {
        Open::Text => {
            if let Some((kind, value)) = field.take() {
                store_text(kind, value, stack.last_mut(), model, pending_value);
            }
        }
        Open::Element(element) => model.elements.push(element),
        Open::Relationship(relationship) => model.relationships.push(relationship),
        Open::Property(definition) => {
            let Some(value) = pending_value.take() else {
                return;
            };
            let property = Property {
                name: definition,
                value,
            };
            let owner = stack.iter_mut().rev().find(|open| {
                matches!(open, Open::Element(_) | Open::Relationship(_) | Open::Model)
            });
            match owner {
                Some(Open::Element(element)) => element.properties.push(property),
                Some(Open::Relationship(relationship)) => relationship.properties.push(property),
                _ => model.properties.push(property),
            }
        }
        Open::PropertyDefinition(_) | Open::Model | Open::Other => {}
    }
}

fn store_text(
    kind: TextField,
    value: String,
    owner: Option<&mut Open>,
    model: &mut Model,
    pending_value: &mut Option<String>,
) {
    // Several languages may be given; the first one written is kept.
    fn first(slot: &mut Option<String>, value: String) {
        if slot.is_none() {
            *slot = Some(value);
        }
    }
    match (kind, owner) {
        (TextField::Name, Some(Open::Model)) => first(&mut model.name, value),
        (TextField::Name, Some(Open::Element(element))) => first(&mut element.name, value),
        (TextField::Name, Some(Open::PropertyDefinition(id)))
            if !model.definitions.iter().any(|(known, _)| known == id) =>
        {
            model.definitions.push((id.clone(), value));
        }
        (TextField::Documentation, Some(Open::Element(element))) => {
            first(&mut element.documentation, value)
        }
        (TextField::Documentation, Some(Open::Relationship(relationship))) => {
            first(&mut relationship.documentation, value)
        }
        (TextField::Value, Some(Open::Property(_))) => first(pending_value, value),
        _ => {}
    }
}

/// A parse error with its place, counted in characters as editors count them.
fn xml_error(text: &str, position: u64, message: &str) -> Error {
    let (line, column) = line_and_column(text, position);
    Error::Xml {
        line,
        column,
        message: message.to_owned(),
    }
}

fn line_and_column(text: &str, position: u64) -> (usize, usize) {
    let mut end = (position as usize).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    (line, column)
}

fn namespace_of(resolved: &ResolveResult<'_>) -> Option<String> {
    match resolved {
        ResolveResult::Bound(Namespace(ns)) => Some((*ns).to_owned()),
        _ => None,
    }
}

/// `<element>` and `<relationship>` count only inside `<elements>` / `<relationships>`;
/// views have nodes that refer to them and are not read.
fn in_container(stack: &[Open]) -> bool {
    stack.len() == 2 && matches!(stack[0], Open::Model)
}

fn root_version(
    text: &str,
    position: u64,
    namespace: Option<&str>,
    local: &str,
) -> Result<FormatVersion> {
    let version = match namespace {
        Some(NAMESPACE_3) => Some(FormatVersion::V3),
        Some(NAMESPACE_2_1) => Some(FormatVersion::V2_1),
        _ => None,
    };
    match (local, version) {
        ("model", Some(version)) => Ok(version),
        _ => {
            let (line, column) = line_and_column(text, position);
            Err(Error::NotArchiMate {
                reason: format!(
                    "the root element at line {line}, column {column} is <{local}> in namespace {}; an exchange file starts with <model> in {NAMESPACE_3} or {NAMESPACE_2_1}",
                    namespace.map_or_else(|| "(none)".to_owned(), |ns| format!("{ns:?}"))
                ),
            })
        }
    }
}

fn read_element(
    reader: &NsReader<&[u8]>,
    start: &BytesStart<'_>,
    text: &str,
    position: u64,
) -> Result<Element> {
    Ok(Element {
        identifier: required(reader, start, "identifier", "element", text, position)?,
        element_type: required_type(reader, start, "element", text, position)?,
        name: None,
        documentation: None,
        properties: Vec::new(),
    })
}

fn read_relationship(
    reader: &NsReader<&[u8]>,
    start: &BytesStart<'_>,
    text: &str,
    position: u64,
) -> Result<Relationship> {
    let written_type = required_type(reader, start, "relationship", text, position)?;
    Ok(Relationship {
        identifier: required(reader, start, "identifier", "relationship", text, position)?,
        kind: vocabulary::relation_kind(&written_type),
        written_type,
        source: required(reader, start, "source", "relationship", text, position)?,
        target: required(reader, start, "target", "relationship", text, position)?,
        directed: attribute(reader, start, "isDirected").is_some_and(|value| value == "true"),
        modifier: attribute(reader, start, "modifier"),
        documentation: None,
        properties: Vec::new(),
    })
}

fn required(
    reader: &NsReader<&[u8]>,
    start: &BytesStart<'_>,
    name: &str,
    what: &str,
    text: &str,
    position: u64,
) -> Result<String> {
    attribute(reader, start, name).ok_or_else(|| {
        let (line, column) = line_and_column(text, position);
        Error::NotArchiMate {
            reason: format!("the {what} at line {line}, column {column} has no {name} attribute"),
        }
    })
}

fn required_type(
    reader: &NsReader<&[u8]>,
    start: &BytesStart<'_>,
    what: &str,
    text: &str,
    position: u64,
) -> Result<String> {
    let found = start.attributes().flatten().find_map(|attribute| {
        let (ns, local) = reader.resolver().resolve_attribute(attribute.key);
        let is_xsi = matches!(ns, ResolveResult::Bound(Namespace(ns)) if ns == XSI);
        (is_xsi && local.as_ref() == "type")
            .then(|| {
                attribute
                    .normalized_value(XmlVersion::Implicit1_0)
                    .ok()
                    .map(|value| value.into_owned())
            })
            .flatten()
    });
    found.ok_or_else(|| {
        let (line, column) = line_and_column(text, position);
        Error::NotArchiMate {
            reason: format!("the {what} at line {line}, column {column} has no xsi:type attribute"),
        }
    })
}

/// An unqualified attribute's value.
fn attribute(reader: &NsReader<&[u8]>, start: &BytesStart<'_>, name: &str) -> Option<String> {
    start.attributes().flatten().find_map(|attribute| {
        let (ns, local) = reader.resolver().resolve_attribute(attribute.key);
        (matches!(ns, ResolveResult::Unbound) && local.as_ref() == name)
            .then(|| {
                attribute
                    .normalized_value(XmlVersion::Implicit1_0)
                    .ok()
                    .map(|value| value.into_owned())
            })
            .flatten()
    })
}
