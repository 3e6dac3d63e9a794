//! Reading a plan in one pass over its text, whatever program wrote it: keys in any
//! order, escaped or not, pretty-printed or not. Each node and link is checked and put
//! into the graph as soon as it is read, with no copy of the plan held on the way.
//! (Links written before the nodes, as sorted keys put them, are skimmed and read once
//! the nodes are in: the builder needs every node before any link.)
//!
//! The problem reported is the first one the reading meets, named by its place (field,
//! node, link) and, when it is in the JSON, its line and column; but a file in another
//! format or a newer version is refused for that ([`rescan`]), and what needs the whole
//! plan (the plan's settings, a link's ends, loops) is checked once it is all in.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::fields::{Object, RawLink, RawNode, Text};
use super::{FORMAT_NAME, FORMAT_VERSION, rescan};
use crate::error::{Error, Result};
use crate::graph::{PlanBuilder, PlanGraph, node_place};
use crate::model::{Acceptance, DEFAULT_REVIEW_CADENCE_DAYS, PlanSettings};
use crate::text::{Literal, shorten_quoted};

/// Room made in advance for one node and one link per this many bytes of text, about
/// what a node takes as the format writes it. Too little costs growing the graph and
/// its id index on the way; too much costs memory.
const BYTES_PER_NODE_HINT: usize = 400;

/// The plan in `text`, read and checked, or its first problem.
pub(super) fn read(text: &str) -> Result<PlanGraph> {
    let mut reading = Reading::new(text);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let read = TopLevel(&mut reading)
        .deserialize(&mut deserializer)
        .and_then(|()| deserializer.end());
    match read {
        Ok(()) => reading.finish(),
        Err(error) => Err(reading.failure(&error)),
    }
}

/// The fields of the top-level object, in the order the format lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TopField {
    Format,
    Version,
    Name,
    ReviewCadenceDays,
    Nodes,
    Links,
    Accepted,
}

impl TopField {
    const ALL: [TopField; 7] = [
        TopField::Format,
        TopField::Version,
        TopField::Name,
        TopField::ReviewCadenceDays,
        TopField::Nodes,
        TopField::Links,
        TopField::Accepted,
    ];

    fn name(self) -> &'static str {
        match self {
            TopField::Format => "format",
            TopField::Version => "version",
            TopField::Name => "name",
            TopField::ReviewCadenceDays => "review_cadence_days",
            TopField::Nodes => "nodes",
            TopField::Links => "links",
            TopField::Accepted => "accepted",
        }
    }

    fn of(key: &str) -> Option<TopField> {
        TopField::ALL.into_iter().find(|field| field.name() == key)
    }
}

/// Where the reading is, to name the place of a problem in the JSON.
#[derive(Debug, Clone, Copy)]
enum Place {
    TopLevel,
    Field(TopField),
    Node(usize),
    Link(usize),
}

/// A reading under way: the graph being built and the top-level fields read so far.
struct Reading<'de> {
    text: &'de str,
    builder: PlanBuilder,
    /// The top-level fields already read, to refuse one written twice.
    seen: Vec<TopField>,
    /// Whether `format` and `version` were read and are this format's: if not when the
    /// reading stops, they are looked for in the rest of the text.
    format_and_version_read: [bool; 2],
    name: Option<String>,
    review_cadence_days: Option<u32>,
    /// The accepted findings, checked against the nodes once all are in.
    accepted: Vec<Acceptance>,
    /// Links written before the nodes, kept as their text until the nodes are in.
    held_links: Option<&'de RawValue>,
    place: Place,
    /// A problem that is not in the JSON's syntax or types; the reading stopped with a
    /// stand-in error (see [`stop`]).
    refusal: Option<Error>,
}

/// Stops the reading; the reason is in [`Reading::refusal`] or in the builder.
fn stop<E: de::Error>() -> E {
    E::custom("the reading stopped at a problem")
}

impl<'de> Reading<'de> {
    fn new(text: &'de str) -> Reading<'de> {
        let hint = text.len() / BYTES_PER_NODE_HINT;
        Reading {
            text,
            builder: PlanBuilder::with_capacity(hint, hint),
            seen: Vec::with_capacity(TopField::ALL.len()),
            format_and_version_read: [false; 2],
            name: None,
            review_cadence_days: None,
            accepted: Vec::new(),
            held_links: None,
            place: Place::TopLevel,
            refusal: None,
        }
    }

    /// Stops the reading at `problem`.
    fn refuse<E: de::Error>(&mut self, problem: Error) -> E {
        self.refusal = Some(problem);
        stop()
    }

    fn read_field<A: MapAccess<'de>>(
        &mut self,
        field: TopField,
        map: &mut A,
    ) -> Result<(), A::Error> {
        if self.seen.contains(&field) {
            return Err(de::Error::duplicate_field(field.name()));
        }
        self.seen.push(field);
        self.place = Place::Field(field);
        match field {
            TopField::Format => {
                let format: Text<'de> = map.next_value()?;
                check_format(Some(&format.0)).map_err(|problem| self.refuse(problem))?;
                self.format_and_version_read[0] = true;
            }
            TopField::Version => {
                check_version(Some(map.next_value()?)).map_err(|problem| self.refuse(problem))?;
                self.format_and_version_read[1] = true;
            }
            TopField::Name => self.name = Some(map.next_value()?),
            TopField::ReviewCadenceDays => self.review_cadence_days = Some(map.next_value()?),
            TopField::Nodes => {
                map.next_value_seed(Nodes(self))?;
                if let Some(links) = self.held_links.take() {
                    self.read_held_links(links)?;
                }
            }
            // The builder takes every node before any link.
            TopField::Links if self.seen.contains(&TopField::Nodes) => {
                map.next_value_seed(Links(self))?;
            }
            TopField::Links => self.held_links = Some(map.next_value()?),
            TopField::Accepted => self.accepted = map.next_value()?,
        }
        self.place = Place::TopLevel;
        Ok(())
    }

    /// Reads the links that were written before the nodes, now that the nodes are in.
    fn read_held_links<E: de::Error>(&mut self, links: &'de RawValue) -> Result<(), E> {
        self.place = Place::Field(TopField::Links);
        let mut deserializer = serde_json::Deserializer::from_str(links.get());
        match Links(self).deserialize(&mut deserializer) {
            Ok(()) => Ok(()),
            Err(error) => {
                if self.refusal.is_none() {
                    self.refusal = Some(self.json_error(&error, Some(links)));
                }
                Err(stop())
            }
        }
    }

    /// What is missing once the top-level object has been read.
    fn check_complete(&self) -> Result<()> {
        if !self.format_and_version_read[0] {
            check_format(None)?;
        }
        if !self.format_and_version_read[1] {
            check_version(None)?;
        }
        if self.name.is_none() {
            return Err(Error::field(
                "field \"name\"",
                "missing; the plan needs a name",
            ));
        }
        if !self.seen.contains(&TopField::Nodes) {
            return Err(Error::field(
                "field \"nodes\"",
                "missing; expected a list of nodes",
            ));
        }
        Ok(())
    }

    fn finish(mut self) -> Result<PlanGraph> {
        self.builder.accept(self.accepted);
        let settings = PlanSettings {
            name: self.name.unwrap_or_default(),
            review_cadence_days: self
                .review_cadence_days
                .unwrap_or(DEFAULT_REVIEW_CADENCE_DAYS),
        };
        self.builder.finish(settings)
    }

    /// The problem to report for a reading that stopped with `error`: a node or link
    /// the builder refused (it was read before whatever stopped the reading), else the
    /// refusal, else the JSON error; unless the file is in another format or a newer
    /// version.
    fn failure(mut self, error: &serde_json::Error) -> Error {
        let problem = match self.builder.take_problem() {
            Some(problem) => problem,
            None => match self.refusal.take() {
                Some(refusal) => refusal,
                None => self.json_error(error, None),
            },
        };
        self.foreign_or_newer().unwrap_or(problem)
    }

    /// Why the file cannot be read at all, if its `format` or `version` (not reached,
    /// or read past) says so.
    fn foreign_or_newer(&self) -> Option<Error> {
        if self.format_and_version_read == [true, true] {
            return None;
        }
        let (format, version) = rescan::format_and_version(self.text)?;
        let format_problem = match &format {
            None => check_format(None).err(),
            Some(serde_json::Value::String(format)) => check_format(Some(format)).err(),
            // Not text: the reading says so when it gets there.
            Some(_) => None,
        };
        let version_problem = match &version {
            None => check_version(None).err(),
            Some(version) => version.as_u64().and_then(|v| check_version(Some(v)).err()),
        };
        format_problem.or(version_problem)
    }

    /// A serde error as an [`Error::Json`] at its line and column in the whole text,
    /// `within` the piece of it that was read on its own, and named by its place.
    fn json_error(&self, error: &serde_json::Error, within: Option<&RawValue>) -> Error {
        let message = error.to_string();
        let message = match message.rfind(" at line ") {
            Some(at) => &message[..at],
            None => &message,
        };
        let (mut line, mut column) = (error.line(), error.column());
        if let Some(piece) = within {
            let (piece_line, piece_column) = start_of(self.text, piece);
            if line <= 1 {
                column += piece_column;
            }
            line += piece_line - 1;
        }
        let json = Error::Json {
            line,
            column,
            message: shorten_quoted(message).into_owned(),
        };
        match self.place {
            Place::TopLevel => json,
            Place::Field(field) => json.at(format!("field {:?}", field.name())),
            Place::Node(index) => {
                let id = rescan::node_id(self.text, index).unwrap_or_default();
                json.at(node_place(index, &id))
            }
            Place::Link(index) => json.at(format!("link {index}")),
        }
    }
}

/// Where a piece of the text starts: its line (from 1) and the bytes before it on that line.
fn start_of(text: &str, piece: &RawValue) -> (usize, usize) {
    let offset = (piece.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |at| at + 1);
    (line, column)
}

fn check_format(format: Option<&str>) -> Result<()> {
    match format {
        Some(FORMAT_NAME) => Ok(()),
        Some(other) => Err(Error::field(
            "field \"format\"",
            format!(
                "expected {FORMAT_NAME:?}, got {}: this is not a Throughline plan",
                Literal(other)
            ),
        )),
        None => Err(Error::field(
            "field \"format\"",
            format!("missing; a Throughline plan starts with \"format\": {FORMAT_NAME:?}"),
        )),
    }
}

fn check_version(version: Option<u64>) -> Result<()> {
    match version {
        None => Err(Error::field("field \"version\"", "missing; expected 1")),
        Some(version) if version > FORMAT_VERSION => Err(Error::field(
            "field \"version\"",
            format!(
                "this plan is format version {version}; this program reads version {FORMAT_VERSION}. Update Throughline to open it."
            ),
        )),
        Some(0) => Err(Error::field("field \"version\"", "expected 1, got 0")),
        Some(_) => Ok(()),
    }
}

/// The top-level object, each field as it comes.
struct TopLevel<'r, 'de>(&'r mut Reading<'de>);

impl<'de> DeserializeSeed<'de> for TopLevel<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TopLevel<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a plan object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let reading = self.0;
        while let Some(key) = map.next_key::<Text<'de>>()? {
            let Some(field) = TopField::of(&key.0) else {
                let known: Vec<&str> = TopField::ALL.iter().map(|field| field.name()).collect();
                return Err(reading.refuse(Error::field(
                    format!("field {}", Literal(&key.0)),
                    format!("unknown field; a plan has only {}", known.join(", ")),
                )));
            };
            reading.read_field(field, &mut map)?;
        }
        reading
            .check_complete()
            .map_err(|problem| reading.refuse(problem))
    }
}

/// The list of nodes, each one into the builder as soon as it is read.
struct Nodes<'r, 'de>(&'r mut Reading<'de>);

impl<'de> DeserializeSeed<'de> for Nodes<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Nodes<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of nodes")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut elements: A) -> Result<(), A::Error> {
        let reading = self.0;
        for index in 0.. {
            reading.place = Place::Node(index);
            let Some(raw) = elements.next_element_seed(Object::<RawNode<'de>>::new("a node"))?
            else {
                break;
            };
            let node = raw
                .into_node(index)
                .map_err(|problem| reading.refuse(problem))?;
            if !reading.builder.add_node(node) {
                return Err(stop());
            }
        }
        Ok(())
    }
}

/// The list of links, each one into the builder as soon as it is read.
struct Links<'r, 'de>(&'r mut Reading<'de>);

impl<'de> DeserializeSeed<'de> for Links<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Links<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of links")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut elements: A) -> Result<(), A::Error> {
        let reading = self.0;
        for index in 0.. {
            reading.place = Place::Link(index);
            let Some(raw) = elements.next_element_seed(Object::<RawLink<'de>>::new("a link"))?
            else {
                break;
            };
            if !raw.lend(|link| reading.builder.add_link(link)) {
                return Err(stop());
            }
        }
        Ok(())
    }
}
