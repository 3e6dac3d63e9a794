//! The JSON interchange format of PLAN-FORMAT.md: strict reading, faithful writing.
//!
//! Reading is all or nothing, in one pass over the text, whatever program wrote it
//! ([`read`]): a plan exported by Throughline, or one from a script, a spreadsheet or
//! another tool, with its keys in any order, escaped or not, pretty-printed or not. The
//! first problem is named by its place (node by position and id, link by position,
//! field) and, when it is in the JSON, by its line and column in the file.

mod fields;
mod read;
mod rescan;

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::files::write_atomically;
use crate::graph::PlanGraph;
use crate::model::Plan;
use crate::text::Literal;

pub const FORMAT_NAME: &str = "throughline-plan";
pub const FORMAT_VERSION: u64 = 1;

/// Reads a plan from interchange JSON and checks every rule, or says what is wrong and where.
pub fn parse(text: &str) -> Result<PlanGraph> {
    // Some editors and spreadsheet exports start a UTF-8 file with a byte order mark,
    // which JSON has no use for.
    read::read(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Reads a plan file in interchange JSON.
pub fn read_file(path: &Path) -> Result<PlanGraph> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::io(path, source))?;
    parse(&text).map_err(|error| error.at(path.display().to_string()))
}

/// The plan as interchange JSON, ending with a newline: one line per setting, and one
/// line per node, link and acceptance, in the plan's order.
///
/// The same plan always gives the same bytes, and a change to one node changes one
/// line, so a plan kept in git shows small, readable differences.
pub fn to_json(plan: &Plan) -> String {
    let mut text = String::with_capacity(256 * (plan.nodes.len() + plan.links.len()) + 256);
    text.push_str("{\n");
    text.push_str(&format!("  \"format\": {},\n", json_text(&FORMAT_NAME)));
    text.push_str(&format!("  \"version\": {FORMAT_VERSION},\n"));
    text.push_str(&format!("  \"name\": {},\n", json_text(&plan.name)));
    text.push_str(&format!(
        "  \"review_cadence_days\": {},\n",
        plan.review_cadence_days
    ));
    push_list(&mut text, "nodes", &plan.nodes);
    text.push_str(",\n");
    push_list(&mut text, "links", &plan.links);
    if !plan.accepted.is_empty() {
        text.push_str(",\n");
        push_list(&mut text, "accepted", &plan.accepted);
    }
    text.push_str("\n}\n");
    text
}

/// `"key": [` then one item per line, then `]` (or `"key": []`).
fn push_list<T: Serialize>(text: &mut String, key: &str, items: &[T]) {
    text.push_str(&format!("  \"{key}\": ["));
    for (index, item) in items.iter().enumerate() {
        text.push_str(if index == 0 { "\n    " } else { ",\n    " });
        text.push_str(&json_text(item));
    }
    text.push_str(if items.is_empty() { "]" } else { "\n  ]" });
}

fn json_text<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("plan data always serializes: its maps have string keys")
}

/// Writes the plan as interchange JSON; the file is replaced whole or not at all.
pub fn write_file(path: &Path, plan: &Plan) -> Result<()> {
    write_atomically(path, to_json(plan).as_bytes())
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
    date.ok_or_else(|| format!("expected a date as YYYY-MM-DD, got {}", Literal(text)))
}

/// An optional `YYYY-MM-DD` field read with [`parse_date`], so its message is the
/// format's own rather than chrono's.
pub(crate) fn optional_date<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Option<NaiveDate>, D::Error> {
    let text: Option<std::borrow::Cow<'de, str>> = serde::Deserialize::deserialize(deserializer)?;
    text.map(|text| parse_date(&text).map_err(serde::de::Error::custom))
        .transpose()
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

    #[test]
    fn escapes_anywhere_and_links_before_nodes_are_read() {
        let text = r#"{
            "links": [{"kind": "supports", "from": "T\u0031", "to": "G1"}],
            "n\u0061me": "P", "format": "throughline-plan", "version": 1,
            "nodes": [
                {"id": "G1", "kind": "org_goal", "title": "g", "target_date": "2027\u002d01\u002d31"},
                {"id": "T1", "kind": "team_goal", "title": "t"}
            ]
        }"#;
        let plan = parse(text).expect("the plan is valid").to_plan();
        assert_eq!(plan.name, "P");
        assert_eq!(
            plan.nodes[0].target_date,
            NaiveDate::from_ymd_opt(2027, 1, 31)
        );
        assert_eq!(plan.links.len(), 1, "the link written first is kept");
    }
}
