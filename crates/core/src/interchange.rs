//! The JSON interchange format of PLAN-FORMAT.md: strict reading, faithful writing.
//!
//! Reading is all or nothing. The top level is read first, so that a file from a newer
//! format version is refused for its version rather than for a field it may add; then
//! each node and link is read on its own, so that an error names the node (by position
//! and id) or the link (by position), the field, and the line and column in the file.
//!
//! That careful reading walks the text three times (top level, lists, each element)
//! and holds the whole plan before its graph is built. A plan is first read in one
//! pass straight into its graph ([`one_pass`]), which gives up at the first doubt;
//! only then is it read the careful way, which names what is wrong.

mod one_pass;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::error::{Error, Result};
use crate::files::write_atomically;
use crate::graph::{PlanGraph, node_place};
use crate::model::{
    DEFAULT_REVIEW_CADENCE_DAYS, Link, LinkKind, Node, NodeKind, Plan, ResourceType, Status,
};

pub const FORMAT_NAME: &str = "throughline-plan";
pub const FORMAT_VERSION: u64 = 1;

const TOP_LEVEL_FIELDS: [&str; 6] = [
    "format",
    "version",
    "name",
    "review_cadence_days",
    "nodes",
    "links",
];

/// A node's fields as written; `D` holds a date's text: owned for the careful reading,
/// borrowed (no escapes, no allocation) for the one-pass reading.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNode<D> {
    id: String,
    kind: NodeKind,
    title: String,
    why: Option<String>,
    owner: Option<String>,
    team: Option<String>,
    status: Option<Status>,
    target_date: Option<D>,
    last_reviewed: Option<D>,
    notes: Option<String>,
    resource_type: Option<ResourceType>,
    capacity: Option<f64>,
    unit: Option<String>,
}

/// A link's fields as written; `S` holds its ends, like `D` in [`RawNode`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLink<S> {
    kind: LinkKind,
    from: S,
    to: S,
    amount: Option<f64>,
    why: Option<String>,
}

/// The top-level object, field by field. A map rather than a struct so that the version
/// can be checked before unknown fields; built by hand because a plain map keeps the
/// last of two equal keys, and a duplicated field must be refused like any other
/// ambiguity (nodes and links refuse theirs through `derive`).
struct TopLevel<'a>(BTreeMap<String, &'a RawValue>);

impl<'de> Deserialize<'de> for TopLevel<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = TopLevel<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a plan object")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut fields = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value: &'de RawValue = map.next_value()?;
                    if fields.contains_key(&key) {
                        return Err(serde::de::Error::custom(format_args!(
                            "duplicate field `{key}`"
                        )));
                    }
                    fields.insert(key, value);
                }
                Ok(TopLevel(fields))
            }
        }
        deserializer.deserialize_map(Fields)
    }
}

/// Just enough of a node to name it in an error about the rest of it.
#[derive(Deserialize)]
struct NodeId {
    id: Option<String>,
}

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u64,
    name: &'a str,
    review_cadence_days: u32,
    nodes: &'a [Node],
    links: &'a [Link],
}

/// Reads a plan from interchange JSON and checks every rule, or says what is wrong and where.
pub fn parse(text: &str) -> Result<PlanGraph> {
    match one_pass::read(text) {
        Some(graph) => Ok(graph),
        None => PlanGraph::from_plan(parse_fields(text)?),
    }
}

/// Reads a plan file in interchange JSON.
pub fn read_file(path: &Path) -> Result<PlanGraph> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::io(path, source))?;
    if let Some(graph) = one_pass::read(&text) {
        return Ok(graph);
    }
    let at_path = |error: Error| error.at(path.display().to_string());
    let plan = parse_fields(&text).map_err(at_path)?;
    // The text is as large as the plan again, and not needed to build its graph.
    drop(text);
    PlanGraph::from_plan(plan).map_err(at_path)
}

/// The plan as interchange JSON, pretty-printed, ending with a newline.
pub fn to_json(plan: &Plan) -> String {
    let document = Document {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        name: &plan.name,
        review_cadence_days: plan.review_cadence_days,
        nodes: &plan.nodes,
        links: &plan.links,
    };
    let mut text = serde_json::to_string_pretty(&document)
        .expect("a plan always serializes: its maps have string keys");
    text.push('\n');
    text
}

/// Writes the plan as interchange JSON; the file is replaced whole or not at all.
pub fn write_file(path: &Path, plan: &Plan) -> Result<()> {
    write_atomically(path, to_json(plan).as_bytes())
}

/// Reads the fields of a plan, checking each on its own (links and ids are checked by
/// [`PlanGraph::from_plan`]).
///
/// This is the careful reading: the first problem is named with its place in the plan
/// and its line and column in the text.
pub fn parse_fields(text: &str) -> Result<Plan> {
    let TopLevel(top) =
        serde_json::from_str(text).map_err(|error| json_error(text, None, &error))?;

    let format: Option<String> = top_field(text, &top, "format")?;
    match format.as_deref() {
        Some(FORMAT_NAME) => {}
        Some(other) => {
            return Err(Error::field(
                "field \"format\"",
                format!("expected {FORMAT_NAME:?}, got {other:?}: this is not a Throughline plan"),
            ));
        }
        None => {
            return Err(Error::field(
                "field \"format\"",
                format!("missing; a Throughline plan starts with \"format\": {FORMAT_NAME:?}"),
            ));
        }
    }
    let version: u64 = top_field(text, &top, "version")?
        .ok_or_else(|| Error::field("field \"version\"", "missing; expected 1"))?;
    if version > FORMAT_VERSION {
        return Err(Error::field(
            "field \"version\"",
            format!(
                "this plan is format version {version}; this program reads version {FORMAT_VERSION}. Update Throughline to open it."
            ),
        ));
    }
    if version < 1 {
        return Err(Error::field(
            "field \"version\"",
            format!("expected 1, got {version}"),
        ));
    }
    if let Some(unknown) = top
        .keys()
        .find(|key| !TOP_LEVEL_FIELDS.contains(&key.as_str()))
    {
        return Err(Error::field(
            format!("field {unknown:?}"),
            format!(
                "unknown field; a plan has only {}",
                TOP_LEVEL_FIELDS.join(", ")
            ),
        ));
    }
    let name: String = top_field(text, &top, "name")?
        .ok_or_else(|| Error::field("field \"name\"", "missing; the plan needs a name"))?;
    let review_cadence_days: u32 =
        top_field(text, &top, "review_cadence_days")?.unwrap_or(DEFAULT_REVIEW_CADENCE_DAYS);
    let raw_nodes: Vec<&RawValue> = top_field(text, &top, "nodes")?
        .ok_or_else(|| Error::field("field \"nodes\"", "missing; expected a list of nodes"))?;
    let raw_links: Vec<&RawValue> = top_field(text, &top, "links")?.unwrap_or_default();

    let mut nodes = Vec::with_capacity(raw_nodes.len());
    for (index, raw) in raw_nodes.iter().enumerate() {
        nodes.push(parse_node(text, index, raw)?);
    }
    let mut links = Vec::with_capacity(raw_links.len());
    for (index, raw) in raw_links.iter().enumerate() {
        expect_object(text, raw, "a link").map_err(|error| error.at(format!("link {index}")))?;
        let link: RawLink<String> = serde_json::from_str(raw.get())
            .map_err(|error| json_error(text, Some(raw), &error).at(format!("link {index}")))?;
        links.push(Link {
            kind: link.kind,
            from: link.from,
            to: link.to,
            amount: link.amount,
            why: link.why,
        });
    }
    Ok(Plan {
        name,
        review_cadence_days,
        nodes,
        links,
    })
}

fn parse_node(text: &str, index: usize, raw: &RawValue) -> Result<Node> {
    let place = || {
        let id = serde_json::from_str::<NodeId>(raw.get())
            .ok()
            .and_then(|node| node.id)
            .unwrap_or_default();
        node_place(index, &id)
    };
    expect_object(text, raw, "a node").map_err(|error| error.at(place()))?;
    let node: RawNode<String> = serde_json::from_str(raw.get())
        .map_err(|error| json_error(text, Some(raw), &error).at(place()))?;
    node_of(node)
        .map_err(|(field, message)| Error::field(format!("field {field:?}"), message).at(place()))
}

/// The node of its written fields, or the date field that is not a date and why.
fn node_of<D: AsRef<str>>(node: RawNode<D>) -> std::result::Result<Node, (&'static str, String)> {
    let date = |field: &'static str, value: Option<D>| {
        value
            .map(|value| parse_date(value.as_ref()).map_err(|message| (field, message)))
            .transpose()
    };
    Ok(Node {
        target_date: date("target_date", node.target_date)?,
        last_reviewed: date("last_reviewed", node.last_reviewed)?,
        id: node.id,
        kind: node.kind,
        title: node.title,
        why: node.why,
        owner: node.owner,
        team: node.team,
        status: node.status.unwrap_or_default(),
        notes: node.notes,
        resource_type: node.resource_type,
        capacity: node.capacity,
        unit: node.unit,
    })
}

/// A `YYYY-MM-DD` calendar date, exactly.
///
/// Read by hand rather than by chrono's format-string parser, which interprets its
/// format anew for every date: two per node, a million nodes in a large plan.
pub fn parse_date(text: &str) -> std::result::Result<NaiveDate, String> {
    let bytes = text.as_bytes();
    let well_formed = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let number = |digits: &[u8]| {
        digits
            .iter()
            .fold(0u32, |value, digit| value * 10 + u32::from(digit - b'0'))
    };
    let date = well_formed
        .then(|| {
            let year = i32::try_from(number(&bytes[0..4])).ok()?;
            NaiveDate::from_ymd_opt(year, number(&bytes[5..7]), number(&bytes[8..10]))
        })
        .flatten();
    date.ok_or_else(|| format!("expected a date as YYYY-MM-DD, got {text:?}"))
}

fn top_field<'de, T: Deserialize<'de>>(
    text: &str,
    top: &BTreeMap<String, &'de RawValue>,
    field: &str,
) -> Result<Option<T>> {
    top.get(field)
        .map(|raw| {
            serde_json::from_str(raw.get())
                .map_err(|error| json_error(text, Some(raw), &error).at(format!("field {field:?}")))
        })
        .transpose()
}

/// Serde would also read a struct from a JSON array (its fields by position), which the
/// format does not allow and which would make its messages name our internal types.
fn expect_object(text: &str, raw: &RawValue, what: &str) -> Result<()> {
    let found = match raw.get().trim_start().as_bytes().first() {
        Some(b'{') => return Ok(()),
        Some(b'[') => "a list",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    };
    let (base_line, base_column) = start_of(text, raw);
    Err(Error::Json {
        line: base_line,
        column: base_column + 1,
        message: format!("expected {what} (an object with named fields), got {found}"),
    })
}

/// Where a piece of the file starts: its line (from 1) and the bytes before it on that line.
fn start_of(text: &str, raw: &RawValue) -> (usize, usize) {
    let offset = (raw.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |at| at + 1);
    (line, column)
}

/// A serde error as an [`Error::Json`] with its line and column in the whole file.
fn json_error(text: &str, within: Option<&RawValue>, error: &serde_json::Error) -> Error {
    let message = strip_position(&error.to_string());
    let (mut line, mut column) = (error.line(), error.column());
    if let Some(raw) = within {
        let (base_line, base_column) = start_of(text, raw);
        if line <= 1 {
            column += base_column;
        }
        line += base_line - 1;
    }
    Error::Json {
        line,
        column,
        message,
    }
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> String {
        match parse(text) {
            Ok(_) => panic!("expected {text} to be refused"),
            Err(error) => error.to_string(),
        }
    }

    const MINIMAL: &str = r#"{"format":"throughline-plan","version":1,"name":"P","nodes":[]}"#;

    #[test]
    fn minimal_plan_reads_with_defaults() {
        let plan = parse(MINIMAL).expect("minimal plan is valid").to_plan();
        assert_eq!(plan.name, "P");
        assert_eq!(plan.review_cadence_days, 90);
        assert!(plan.nodes.is_empty() && plan.links.is_empty());
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let message = error_of("{\n  \"format\": \"throughline-plan\",\n  \"version\": 1,,\n}");
        assert!(message.contains("line 3"), "{message}");
        assert!(message.contains("column"), "{message}");
    }

    #[test]
    fn unknown_node_field_names_node_field_and_position() {
        let text = "{\"format\":\"throughline-plan\",\"version\":1,\"name\":\"P\",\"nodes\":[\n {\"id\":\"G1\",\"kind\":\"org_goal\",\"tilte\":\"x\"}]}";
        let message = error_of(text);
        assert!(message.contains("node 0 (\"G1\")"), "{message}");
        assert!(message.contains("tilte"), "{message}");
        assert!(message.contains("line 2"), "{message}");
    }

    #[test]
    fn newer_version_is_refused_for_its_version_even_with_new_fields() {
        let message = error_of(
            r#"{"format":"throughline-plan","version":2,"name":"P","nodes":[],"layers":[]}"#,
        );
        assert!(
            message.contains("version 2") && message.contains("reads version 1"),
            "{message}"
        );
    }

    #[test]
    fn dates_must_be_exact() {
        for bad in ["2026-13-01", "2026-2-1", "01/02/2026", "2026-02-30"] {
            let text = format!(
                r#"{{"format":"throughline-plan","version":1,"name":"P","nodes":[{{"id":"G","kind":"org_goal","title":"t","target_date":"{bad}"}}]}}"#
            );
            let message = error_of(&text);
            assert!(
                message.contains("target_date") && message.contains("YYYY-MM-DD"),
                "{bad}: {message}"
            );
        }
    }

    #[test]
    fn dates_read_by_hand_agree_with_chrono() {
        let mut checked = 0;
        for year in [
            "0000", "0001", "0099", "1900", "2000", "2024", "2026", "2100", "9999",
        ] {
            for month in 0..=13 {
                for day in 0..=32 {
                    let text = format!("{year}-{month:02}-{day:02}");
                    assert_eq!(
                        parse_date(&text).ok(),
                        NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok(),
                        "{text} should be read as chrono reads it"
                    );
                    checked += 1;
                }
            }
        }
        assert!(
            checked > 4000,
            "the comparison should cover every month and day"
        );
    }

    /// The one-pass reading must give the very plan the careful reading gives.
    fn assert_one_pass_reads_as_carefully(text: &str) {
        let fast = one_pass::read(text).expect("a plainly written plan is read in one pass");
        let careful = PlanGraph::from_plan(parse_fields(text).expect("the plan is valid"))
            .expect("the plan is valid");
        assert_eq!(
            fast.to_plan(),
            careful.to_plan(),
            "one pass and the careful reading should give the same plan"
        );
    }

    #[test]
    fn one_pass_reads_what_the_careful_reading_reads() {
        assert_one_pass_reads_as_carefully(MINIMAL);
        assert_one_pass_reads_as_carefully(crate::sample::sample_json());
        let generated = crate::generate::generate_plan(3_000, 7);
        assert_one_pass_reads_as_carefully(&to_json(&generated));
        let mut odd = generated;
        odd.review_cadence_days = 7;
        odd.nodes[0].why = Some("quotes \" and \\ backslashes, tabs\t, 🎯".to_owned());
        assert_one_pass_reads_as_carefully(&to_json(&odd));
    }

    #[test]
    fn what_one_pass_gives_up_on_is_still_read_carefully() {
        let text = r#"{
            "links": [{"kind": "supports", "from": "T\u0031", "to": "G1"}],
            "n\u0061me": "P", "format": "throughline-plan", "version": 1,
            "nodes": [
                {"id": "G1", "kind": "org_goal", "title": "g", "target_date": "2027\u002d01\u002d31"},
                {"id": "T1", "kind": "team_goal", "title": "t"}
            ]
        }"#;
        assert!(
            one_pass::read(text).is_none(),
            "escapes and links before nodes should send the plan to the careful reading"
        );
        let plan = parse(text).expect("the plan is valid").to_plan();
        assert_eq!(plan.name, "P");
        assert_eq!(
            plan.nodes[0].target_date,
            NaiveDate::from_ymd_opt(2027, 1, 31)
        );
        assert_eq!(plan.links.len(), 1, "the link written first is kept");
    }

    #[test]
    fn one_pass_gives_up_on_every_refused_plan() {
        let refused = [
            r#"{"format":"throughline-plan","version":1,"name":"P","nodes":[["G","org_goal","t"]]}"#,
            r#"{"format":"throughline-plan","version":1,"name":"P","name":"Q","nodes":[]}"#,
            r#"{"format":"throughline-plan","version":2,"name":"P","nodes":[]}"#,
            r#"{"format":"throughline-plan","version":1,"name":"P","review_cadence_days":null,"nodes":[]}"#,
            r#"{"format":"throughline-plan","version":1,"name":" ","nodes":[]}"#,
            r#"{"format":"throughline-plan","version":1,"name":"P","nodes":[],"links":null}"#,
            r#"{"format":"throughline-plan","version":1,"name":"P","nodes":[{"id":"G","kind":"org_goal","title":"t","target_date":"2026-02-30"}]}"#,
            r#"{"format":"throughline-plan","version":1,"name":"P","nodes":[{"id":"G","kind":"org_goal","title":"t"}],"links":[{"kind":"supports","from":"G","to":"X"}]}"#,
            r#"{"format":"throughline-plan","version":1,"name":"P","nodes":[]} x"#,
        ];
        for text in refused {
            assert!(
                one_pass::read(text).is_none(),
                "one pass should give up on {text}"
            );
            assert!(
                parse(text).is_err(),
                "the careful reading should refuse {text}"
            );
        }
    }
}
