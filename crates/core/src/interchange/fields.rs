//! One node's and one link's fields as a plan file writes them: in any order, each at
//! most once, none unknown (a typo such as `tilte` is refused, not dropped).
//!
//! serde's derive reads them, so its messages ("unknown field `tilte`, expected one of
//! ...", "missing field `id`", "duplicate field `title`") are the format's. A field
//! added to the format is a field added here and in [`crate::model::Node`].

use std::borrow::Cow;
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, de};

use super::parse_date;
use crate::error::{Error, Result};
use crate::graph::{LinkRef, node_place};
use crate::model::{LinkKind, Node, NodeKind, ResourceType, Review, Status};

/// A node's fields as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNode<'a> {
    id: String,
    kind: NodeKind,
    title: String,
    why: Option<String>,
    owner: Option<String>,
    team: Option<String>,
    status: Option<Status>,
    #[serde(borrow)]
    target_date: Option<Text<'a>>,
    #[serde(borrow)]
    last_reviewed: Option<Text<'a>>,
    #[serde(borrow)]
    reviews: Option<Vec<RawReview<'a>>>,
    notes: Option<String>,
    resource_type: Option<ResourceType>,
    capacity: Option<f64>,
    unit: Option<String>,
}

impl RawNode<'_> {
    /// The node, or the date field that is not a date, named with the node's place
    /// (`index` in the list of nodes).
    pub(super) fn into_node(self, index: usize) -> Result<Node> {
        let date = |field: &str, value: Option<Text<'_>>| {
            value
                .map(|value| parse_date(&value.0))
                .transpose()
                .map_err(|message| {
                    Error::field(format!("field {field:?}"), message)
                        .at(node_place(index, &self.id))
                })
        };
        let reviews = self
            .reviews
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(at, review)| {
                let date = parse_date(&review.date.0).map_err(|message| {
                    Error::field(format!("field \"reviews\", entry {at}, \"date\""), message)
                        .at(node_place(index, &self.id))
                })?;
                Ok(Review {
                    date,
                    audience: review.audience,
                    note: review.note,
                })
            })
            .collect::<Result<Vec<Review>>>()?;
        Ok(Node {
            target_date: date("target_date", self.target_date)?,
            last_reviewed: date("last_reviewed", self.last_reviewed)?,
            reviews,
            id: self.id,
            kind: self.kind,
            title: self.title,
            why: self.why,
            owner: self.owner,
            team: self.team,
            status: self.status.unwrap_or_default(),
            notes: self.notes,
            resource_type: self.resource_type,
            capacity: self.capacity,
            unit: self.unit,
        })
    }
}

/// One entry of a node's review log as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReview<'a> {
    #[serde(borrow)]
    date: Text<'a>,
    audience: Option<String>,
    note: Option<String>,
}

/// A link's fields as written; its ends are only looked up, so they are borrowed.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLink<'a> {
    kind: LinkKind,
    #[serde(borrow)]
    from: Text<'a>,
    #[serde(borrow)]
    to: Text<'a>,
    amount: Option<f64>,
    why: Option<String>,
}

impl RawLink<'_> {
    /// Runs `work` on the link as the graph takes it.
    pub(super) fn lend<T>(self, work: impl FnOnce(LinkRef<'_>) -> T) -> T {
        work(LinkRef {
            kind: self.kind,
            from: &self.from.0,
            to: &self.to.0,
            amount: self.amount,
            why: self.why,
        })
    }
}

/// Text borrowed from the plan when written without escapes, copied when not: a date
/// or a link's end is looked at once and dropped, and needs no copy of its own.
pub(super) struct Text<'a>(pub(super) Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Borrowed(text)))
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(text.to_owned())))
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(text)))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

/// A node or a link, read only from a JSON object. serde would also read a struct
/// from a list of its fields by position, which the format does not allow; and its
/// message for anything else would name our types rather than what the file lacks.
pub(super) struct Object<T> {
    /// What the object is, for the message: "a node", "a link".
    what: &'static str,
    read: PhantomData<T>,
}

impl<T> Object<T> {
    pub(super) fn new(what: &'static str) -> Object<T> {
        Object {
            what,
            read: PhantomData,
        }
    }

    fn refuse<E: de::Error>(&self, found: &str) -> E {
        E::custom(format_args!(
            "expected {} (an object with named fields), got {found}",
            self.what
        ))
    }
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Object<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Object<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (an object with named fields)", self.what)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(map))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<T, A::Error> {
        Err(self.refuse("a list"))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<T, E> {
        Err(self.refuse("a string"))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<T, E> {
        Err(self.refuse("a boolean"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        Err(self.refuse("null"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<T, E> {
        Err(self.refuse("a number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<T, E> {
        Err(self.refuse("a number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<T, E> {
        Err(self.refuse("a number"))
    }
}
