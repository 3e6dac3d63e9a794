//! One cell read as what its column holds: text, a date, a number, a kind, a status.
//! Each refusal names the cell and says what was expected and what was found.

use chrono::NaiveDate;

use crate::error::Result;
use crate::interchange::parse_date;
use crate::model::{NodeKind, ResourceType, Status};
use crate::text::Literal;

use super::grid::{Grid, Value};
use super::layout::ID_SEPARATORS;

/// One cell of a grid, with its place for messages.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cell<'g> {
    pub(crate) grid: &'g Grid,
    pub(crate) row: usize,
    pub(crate) column: usize,
    /// The column's header, as the message names it ("status", "target_date").
    pub(crate) header: &'static str,
}

/// A number as people type it: `250000`, `12.5`, never `250000.0`.
pub(crate) fn number_text(number: f64) -> String {
    let text = number.to_string();
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
}

impl Cell<'_> {
    fn value(&self) -> &Value {
        self.grid.cell(self.row, self.column)
    }

    fn refuse<T>(&self, message: String) -> Result<T> {
        Err(self.grid.error(self.row, self.column, message))
    }

    /// What the cell holds, said for a message.
    fn found(&self) -> String {
        match self.value() {
            Value::Empty => "an empty cell".to_owned(),
            Value::Text(text) => format!("the text {}", Literal(text)),
            Value::Number(number) => format!("the number {}", number_text(*number)),
            Value::Date(date) => format!("the date {date}"),
            Value::DateTime(moment) => moment.clone(),
            Value::Bool(flag) => format!("the value {}", if *flag { "TRUE" } else { "FALSE" }),
            Value::Error(error) => format!("the error value {error}"),
        }
    }

    /// Text, or `None` for an empty cell. A number is taken as the text it shows (ids
    /// such as `2027`); a date, a time, TRUE/FALSE or an error value are refused, since
    /// the spreadsheet turned what was typed into something else.
    pub(crate) fn text(&self) -> Result<Option<String>> {
        match self.value() {
            Value::Empty => Ok(None),
            Value::Text(text) if text.trim().is_empty() => Ok(None),
            Value::Text(text) => Ok(Some(text.trim().to_owned())),
            Value::Number(number) => Ok(Some(number_text(*number))),
            Value::Date(_) | Value::DateTime(_) => self.refuse(format!(
                "{} is text, but the cell holds {}; the spreadsheet took what was typed for a date: format the cell as Text and type it again",
                self.header,
                self.found()
            )),
            _ => self.refuse(format!(
                "{} is text, but the cell holds {}",
                self.header,
                self.found()
            )),
        }
    }

    /// Text that must be there.
    pub(crate) fn required_text(&self) -> Result<String> {
        match self.text()? {
            Some(text) => Ok(text),
            None => self.refuse(format!("{} is required; the cell is empty", self.header)),
        }
    }

    /// A date cell, or text written `YYYY-MM-DD`.
    pub(crate) fn date(&self) -> Result<Option<NaiveDate>> {
        match self.value() {
            Value::Empty => Ok(None),
            Value::Date(date) => Ok(Some(*date)),
            Value::Text(text) if text.trim().is_empty() => Ok(None),
            Value::Text(text) => parse_date(text.trim())
                .map(Some)
                .or_else(|message| self.refuse(format!("{}: {message}", self.header))),
            _ => self.refuse(format!(
                "{} is a date (a date cell, or text as YYYY-MM-DD), but the cell holds {}",
                self.header,
                self.found()
            )),
        }
    }

    /// A number cell, or text that reads as a number.
    pub(crate) fn number(&self) -> Result<Option<f64>> {
        match self.value() {
            Value::Empty => Ok(None),
            Value::Number(number) => Ok(Some(*number)),
            Value::Text(text) if text.trim().is_empty() => Ok(None),
            Value::Text(text) => match text.trim().parse::<f64>() {
                Ok(number) if number.is_finite() => Ok(Some(number)),
                _ => self.refuse(format!(
                    "{} is a number, but the cell holds {}",
                    self.header,
                    self.found()
                )),
            },
            _ => self.refuse(format!(
                "{} is a number, but the cell holds {}",
                self.header,
                self.found()
            )),
        }
    }

    /// One of a list of words (a kind, a status, a resource type), or `None` if empty.
    fn one_of<T: Copy>(&self, all: &[T], name: impl Fn(T) -> &'static str) -> Result<Option<T>> {
        let Some(text) = self.text()? else {
            return Ok(None);
        };
        match all.iter().copied().find(|item| name(*item) == text) {
            Some(item) => Ok(Some(item)),
            None => {
                let allowed: Vec<&str> = all.iter().map(|item| name(*item)).collect();
                self.refuse(format!(
                    "{} {} is not one of {}",
                    self.header,
                    Literal(&text),
                    allowed.join(", ")
                ))
            }
        }
    }

    pub(crate) fn kind(&self) -> Result<NodeKind> {
        match self.one_of(&NodeKind::ALL, NodeKind::as_str)? {
            Some(kind) => Ok(kind),
            None => {
                let allowed: Vec<&str> = NodeKind::ALL.iter().map(|kind| kind.as_str()).collect();
                self.refuse(format!(
                    "kind is required; the cell is empty (one of {})",
                    allowed.join(", ")
                ))
            }
        }
    }

    pub(crate) fn status(&self) -> Result<Option<Status>> {
        self.one_of(&Status::ALL, Status::as_str)
    }

    pub(crate) fn resource_type(&self) -> Result<Option<ResourceType>> {
        self.one_of(&ResourceType::ALL, ResourceType::as_str)
    }

    /// The ids in a list cell, separated by commas, semicolons or line breaks.
    pub(crate) fn ids(&self) -> Result<Vec<String>> {
        Ok(self
            .text()?
            .map(|text| {
                text.split(ID_SEPARATORS)
                    .map(str::trim)
                    .filter(|id| !id.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default())
    }
}
