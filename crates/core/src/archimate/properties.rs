//! The ArchiMate properties Throughline reads and writes, so that a plan's fields
//! that ArchiMate has no place for survive an export and a re-import.

use crate::error::{Error, Result};

use super::read::Property;

pub const ID: &str = "throughline-id";
pub const KIND: &str = "kind";
pub const STATUS: &str = "status";
pub const OWNER: &str = "owner";
pub const TEAM: &str = "team";
pub const NOTES: &str = "notes";
pub const TARGET_DATE: &str = "target_date";
pub const LAST_REVIEWED: &str = "last_reviewed";
pub const RESOURCE_TYPE: &str = "resource_type";
pub const CAPACITY: &str = "capacity";
pub const UNIT: &str = "unit";
pub const AMOUNT: &str = "amount";
pub const REVIEW_CADENCE_DAYS: &str = "review_cadence_days";
/// A node's review log, as the interchange format's JSON list.
pub const REVIEWS: &str = "reviews";
/// The plan's accepted findings, as the interchange format's JSON list.
pub const ACCEPTED: &str = "accepted";

/// Every property name, in the order an export defines them.
pub const ALL: [&str; 15] = [
    ID,
    KIND,
    STATUS,
    OWNER,
    TEAM,
    NOTES,
    TARGET_DATE,
    LAST_REVIEWED,
    RESOURCE_TYPE,
    CAPACITY,
    UNIT,
    AMOUNT,
    REVIEW_CADENCE_DAYS,
    REVIEWS,
    ACCEPTED,
];

pub fn text<'p>(properties: &'p [Property], name: &str) -> Option<&'p str> {
    properties
        .iter()
        .find(|property| property.name == name)
        .map(|property| property.value.as_str())
}

pub fn number(properties: &[Property], name: &str) -> Result<Option<f64>> {
    text(properties, name)
        .map(|text| {
            text.trim()
                .parse::<f64>()
                .ok()
                .filter(|value| value.is_finite() && *value >= 0.0)
                .ok_or_else(|| {
                    Error::field(
                        format!("property {name:?}"),
                        format!("{text:?} is not a number >= 0"),
                    )
                })
        })
        .transpose()
}

pub fn amount(properties: &[Property]) -> Result<Option<f64>> {
    number(properties, AMOUNT)
}
