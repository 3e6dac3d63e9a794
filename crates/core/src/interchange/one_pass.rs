//! The fast reading of a plan: one pass over the text, each node and link checked and
//! put into the graph as soon as it is read, ids and dates borrowed from the text.
//!
//! It gives up (`None`) at the first doubt: any problem, and anything written in a way
//! it does not expect (escapes in ids, dates or keys; links before nodes). The careful
//! reading then runs and names the problem, or reads the unusual plan. So this reading
//! must accept nothing the careful one refuses, and read what it accepts the same way.
//! Why it gave up is never shown, so its errors carry no detail.

use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{FORMAT_NAME, FORMAT_VERSION, RawLink, RawNode, node_of};
use crate::graph::{LinkRef, PlanBuilder, PlanGraph};
use crate::model::{DEFAULT_REVIEW_CADENCE_DAYS, PlanSettings};

/// Room made in advance for one node and one link per this many bytes of text, about
/// what a node takes as the format writes it. Too little costs growing the graph and
/// its id index on the way; too much costs memory.
const BYTES_PER_NODE_HINT: usize = 400;

/// The plan in `text`, read and checked in one pass; `None` to read it carefully.
pub(super) fn read(text: &str) -> Option<PlanGraph> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let hint = text.len() / BYTES_PER_NODE_HINT;
    let graph = Plan { hint }.deserialize(&mut deserializer).ok()?;
    deserializer.end().ok()?;
    Some(graph)
}

/// Gives up on the reading.
fn give_up<E: serde::de::Error>() -> E {
    E::custom("read carefully")
}

/// The whole plan object.
struct Plan {
    hint: usize,
}

impl<'de> DeserializeSeed<'de> for Plan {
    type Value = PlanGraph;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<PlanGraph, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Plan {
    type Value = PlanGraph;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a plan object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PlanGraph, A::Error> {
        fn once<T, E: serde::de::Error>(slot: &mut Option<T>, value: T) -> Result<(), E> {
            match slot.replace(value) {
                None => Ok(()),
                Some(_) => Err(give_up()),
            }
        }
        let mut builder = PlanBuilder::with_capacity(self.hint, self.hint);
        let mut format: Option<&'de str> = None;
        let mut version: Option<u64> = None;
        let mut name: Option<String> = None;
        let mut cadence: Option<u32> = None;
        let mut nodes: Option<()> = None;
        let mut links: Option<()> = None;
        // Borrowed keys: a key written with escapes gives up.
        while let Some(key) = map.next_key::<&'de str>()? {
            match key {
                "format" => once(&mut format, map.next_value()?)?,
                "version" => once(&mut version, map.next_value()?)?,
                "name" => once(&mut name, map.next_value()?)?,
                "review_cadence_days" => once(&mut cadence, map.next_value()?)?,
                // The builder takes every node before any link.
                "nodes" if links.is_none() => {
                    once(&mut nodes, map.next_value_seed(Nodes(&mut builder))?)?;
                }
                "links" if nodes.is_some() => {
                    once(&mut links, map.next_value_seed(Links(&mut builder))?)?;
                }
                _ => return Err(give_up()),
            }
        }
        if format != Some(FORMAT_NAME) || version != Some(FORMAT_VERSION) || nodes.is_none() {
            return Err(give_up());
        }
        let settings = PlanSettings {
            name: name.ok_or_else(give_up)?,
            review_cadence_days: cadence.unwrap_or(DEFAULT_REVIEW_CADENCE_DAYS),
        };
        builder.finish(settings).map_err(|_| give_up())
    }
}

/// The list of nodes, each one into the builder as soon as it is read.
struct Nodes<'b>(&'b mut PlanBuilder);

impl<'de> DeserializeSeed<'de> for Nodes<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Nodes<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of nodes")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut elements: A) -> Result<(), A::Error> {
        while let Some(Object(raw)) = elements.next_element::<Object<RawNode<&'de str>>>()? {
            let node = node_of(raw).map_err(|_| give_up::<A::Error>())?;
            if !self.0.add_node(node) {
                return Err(give_up());
            }
        }
        Ok(())
    }
}

/// The list of links, each one into the builder as soon as it is read.
struct Links<'b>(&'b mut PlanBuilder);

impl<'de> DeserializeSeed<'de> for Links<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Links<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of links")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut elements: A) -> Result<(), A::Error> {
        while let Some(Object(link)) = elements.next_element::<Object<RawLink<&'de str>>>()? {
            let accepted = self.0.add_link(LinkRef {
                kind: link.kind,
                from: link.from,
                to: link.to,
                amount: link.amount,
                why: link.why,
            });
            if !accepted {
                return Err(give_up());
            }
        }
        Ok(())
    }
}

/// A struct read only from a JSON object, as the careful reading demands
/// (`expect_object`): serde would also read it from a list of its fields by position.
struct Object<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Fields<T> {
            type Value = Object<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Object)
            }
        }
        deserializer.deserialize_map(Fields(PhantomData))
    }
}
