//! Baselines: named, dated, read-only copies of the plan kept inside the plan file,
//! "what the board saw". Unlike the undo history they outlive the session, and no edit
//! of the plan changes them; they are only taken and removed, each in one transaction.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::graph::PlanGraph;
use crate::interchange::{self, parse_date};

use super::load::connect_to_read;
use super::rows::store_error;

/// The schema version that brought the baselines table: older files have none.
const BASELINES_SINCE: i64 = 4;

/// Longest baseline name, in characters: a name is for a list, not a note.
pub const MAX_BASELINE_NAME_CHARS: usize = 120;

/// A baseline as listed: its name and the day it was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Baseline {
    pub name: String,
    #[ts(type = "string")]
    pub taken_on: NaiveDate,
}

/// The baselines of a plan file, oldest first, read without writing to it.
pub fn read_baselines(path: &Path) -> Result<Vec<Baseline>> {
    let (connection, version) = connect_to_read(path)?;
    if version < BASELINES_SINCE {
        return Ok(Vec::new());
    }
    list(&connection, path)
}

/// One baseline of a plan file as a checked plan, read without writing to it.
///
/// # Errors
/// [`Error::UnknownBaseline`] (naming the baselines there are) when none has this name.
pub fn load_baseline(path: &Path, name: &str) -> Result<(Baseline, PlanGraph)> {
    let (connection, version) = connect_to_read(path)?;
    if version < BASELINES_SINCE {
        return Err(unknown(path, name, Vec::new()));
    }
    read(&connection, path, name)
}

/// A baseline as the file holds it, its plan still the interchange JSON it was kept as:
/// copied into the file that replaces a plan's, it is carried byte for byte.
pub(super) struct StoredBaseline {
    pub name: String,
    taken_on: String,
    plan: String,
}

/// The baselines of a plan file as stored, oldest first, read without writing to it.
pub(super) fn read_stored(path: &Path) -> Result<Vec<StoredBaseline>> {
    let (connection, version) = connect_to_read(path)?;
    if version < BASELINES_SINCE {
        return Ok(Vec::new());
    }
    let mut statement = connection
        .prepare("SELECT name, taken_on, plan FROM baselines ORDER BY seq")
        .map_err(|error| store_error(error, path))?;
    statement
        .query_map([], |row| {
            Ok(StoredBaseline {
                name: row.get(0)?,
                taken_on: row.get(1)?,
                plan: row.get(2)?,
            })
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(|error| store_error(error, path))
}

/// Puts stored baselines into a new plan file, in their order. The caller holds the
/// transaction.
pub(super) fn insert_stored(connection: &Connection, kept: &[StoredBaseline]) -> Result<()> {
    for baseline in kept {
        connection.execute(
            "INSERT INTO baselines (name, taken_on, plan) VALUES (?1, ?2, ?3)",
            params![baseline.name, baseline.taken_on, baseline.plan],
        )?;
    }
    Ok(())
}

pub(super) fn list(connection: &Connection, path: &Path) -> Result<Vec<Baseline>> {
    let mut statement = connection
        .prepare("SELECT name, taken_on FROM baselines ORDER BY seq")
        .map_err(|error| store_error(error, path))?;
    let rows = statement
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(|error| store_error(error, path))?;
    rows.into_iter()
        .map(|(name, taken_on)| {
            let taken_on = parse_date(&taken_on).map_err(|detail| Error::Corrupt {
                path: path.to_owned(),
                detail: format!("baseline {name:?}, field \"taken_on\": {detail}"),
            })?;
            Ok(Baseline { name, taken_on })
        })
        .collect()
}

pub(super) fn read(
    connection: &Connection,
    path: &Path,
    name: &str,
) -> Result<(Baseline, PlanGraph)> {
    let row: Option<(String, String)> = connection
        .query_row(
            "SELECT taken_on, plan FROM baselines WHERE name = ?1",
            [name],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()
        .map_err(|error| store_error(error, path))?;
    let Some((taken_on, plan)) = row else {
        let known = list(connection, path)?
            .into_iter()
            .map(|baseline| baseline.name)
            .collect();
        return Err(unknown(path, name, known));
    };
    let corrupt = |detail: String| Error::Corrupt {
        path: path.to_owned(),
        detail: format!("baseline {name:?}: {detail}"),
    };
    let taken_on = parse_date(&taken_on).map_err(corrupt)?;
    let graph = interchange::parse(&plan).map_err(|error| corrupt(error.to_string()))?;
    Ok((
        Baseline {
            name: name.to_owned(),
            taken_on,
        },
        graph,
    ))
}

/// Keeps `plan` as a new baseline. The caller holds the transaction.
pub(super) fn insert(
    connection: &Connection,
    path: &Path,
    name: &str,
    taken_on: NaiveDate,
    plan: &PlanGraph,
) -> Result<Baseline> {
    check_name(name)?;
    let exists: bool = connection.query_row(
        "SELECT EXISTS (SELECT 1 FROM baselines WHERE name = ?1)",
        [name],
        |row| row.get(0),
    )?;
    if exists {
        return Err(Error::DuplicateBaseline {
            path: path.to_owned(),
            name: name.to_owned(),
        });
    }
    connection.execute(
        "INSERT INTO baselines (name, taken_on, plan) VALUES (?1, ?2, ?3)",
        params![
            name,
            taken_on.format("%Y-%m-%d").to_string(),
            interchange::to_json(&plan.to_plan())
        ],
    )?;
    Ok(Baseline {
        name: name.to_owned(),
        taken_on,
    })
}

/// Removes a baseline. The caller holds the transaction.
pub(super) fn delete(connection: &Connection, path: &Path, name: &str) -> Result<()> {
    let removed = connection.execute("DELETE FROM baselines WHERE name = ?1", [name])?;
    if removed == 0 {
        let known = list(connection, path)?
            .into_iter()
            .map(|baseline| baseline.name)
            .collect();
        return Err(unknown(path, name, known));
    }
    Ok(())
}

/// Copies every baseline, as kept, from one plan file's connection to another's.
pub(super) fn copy_all(from: &Connection, to: &Connection) -> Result<()> {
    let mut select = from.prepare("SELECT name, taken_on, plan FROM baselines ORDER BY seq")?;
    let mut insert =
        to.prepare("INSERT INTO baselines (name, taken_on, plan) VALUES (?1, ?2, ?3)")?;
    let mut rows = select.query([])?;
    while let Some(row) = rows.next()? {
        insert.execute(params![
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?
        ])?;
    }
    Ok(())
}

fn check_name(name: &str) -> Result<()> {
    let place = "baseline name";
    if name.trim().is_empty() {
        return Err(Error::field(
            place,
            "a baseline needs a name, like \"Board review 2027-Q1\"",
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::field(
            place,
            "a name is one line, without control characters",
        ));
    }
    if name.chars().count() > MAX_BASELINE_NAME_CHARS {
        return Err(Error::field(
            place,
            format!("a name may be {MAX_BASELINE_NAME_CHARS} characters at most"),
        ));
    }
    Ok(())
}

fn unknown(path: &Path, name: &str, known: Vec<String>) -> Error {
    Error::UnknownBaseline {
        path: path.to_owned(),
        name: name.to_owned(),
        known,
    }
}
