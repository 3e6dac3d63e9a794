//! Second looks at a plan's text, taken only once its reading has stopped at a
//! problem: for what the one pass had not reached yet, or had read past.
//!
//! A file from a newer format version is refused for its version, not for a field that
//! version may add, even when `version` is written last (as `json.dump(...,
//! sort_keys=True)` writes it); and a node is named by its id even when the field that
//! is wrong comes before its `id`.

use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::fields::Object;

/// The plan's `format` and `version` fields as written (the first of each), or `None`
/// when the text is not a well-formed JSON object.
pub(super) fn format_and_version(text: &str) -> Option<(Option<Value>, Option<Value>)> {
    struct Fields;
    impl<'de> Visitor<'de> for Fields {
        type Value = (Option<Value>, Option<Value>);

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a plan object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let (mut format, mut version) = (None, None);
            while let Some(key) = map.next_key::<String>()? {
                match key.as_str() {
                    "format" if format.is_none() => format = Some(map.next_value()?),
                    "version" if version.is_none() => version = Some(map.next_value()?),
                    _ => {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
            }
            Ok((format, version))
        }
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let fields = deserializer.deserialize_map(Fields).ok()?;
    deserializer.end().ok()?;
    Some(fields)
}

/// The id of the node at `index` in the plan's list of nodes, when it is written as a
/// string in a node that is an object.
pub(super) fn node_id(text: &str, index: usize) -> Option<String> {
    let mut found = None;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    // Stops (with an error, which says nothing) at the node: what follows it, however
    // broken, does not matter.
    let _stopped = deserializer.deserialize_map(NodeIdAt {
        index,
        found: &mut found,
    });
    found
}

/// Looks for the id of the node at `index`, into `found`.
struct NodeIdAt<'f> {
    index: usize,
    found: &'f mut Option<String>,
}

#[derive(Deserialize)]
struct IdOnly {
    id: Option<String>,
}

impl<'de> Visitor<'de> for NodeIdAt<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a plan object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "nodes" {
                return map.next_value_seed(self);
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut nodes: A) -> Result<(), A::Error> {
        for _ in 0..self.index {
            if nodes.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
        }
        let node = nodes.next_element_seed(Object::<IdOnly>::new("a node"))?;
        *self.found = node.and_then(|node| node.id);
        Err(serde::de::Error::custom("found"))
    }
}

impl<'de> DeserializeSeed<'de> for NodeIdAt<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}
