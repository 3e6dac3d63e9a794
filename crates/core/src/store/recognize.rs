//! Telling a plan file from anything else before anything is written to it.
//!
//! A file is checked from its first bytes (is it SQLite at all, is it ours), then
//! through a connection that has only read (schema version, `quick_check`). Only a
//! file that passes every check is ever switched to WAL or migrated, so a text file,
//! someone else's database, a damaged plan or a plan from a newer Throughline is left
//! exactly as it was.

use std::io::Read;
use std::path::Path;

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::store::rows::store_error;
use crate::store::schema::{APPLICATION_ID, SCHEMA_VERSION, application_id, user_version};

/// The first 16 bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// The SQLite file header's size, and where `application_id` sits in it (big-endian).
const HEADER_LEN: usize = 100;
const APPLICATION_ID_AT: usize = 68;

/// Whether the file starts like a SQLite database.
pub(crate) fn is_sqlite(path: &Path) -> Result<bool> {
    let header = read_header(path)?;
    Ok(header.starts_with(SQLITE_MAGIC))
}

/// Checks the file's header bytes: SQLite, whole, and carrying Throughline's application id.
pub(crate) fn check_header(path: &Path) -> Result<()> {
    let header = read_header(path)?;
    let not_a_plan = |reason: &str| Error::NotAPlan {
        path: path.to_owned(),
        reason: reason.to_owned(),
    };
    if header.is_empty() {
        return Err(not_a_plan("the file is empty"));
    }
    if !header.starts_with(SQLITE_MAGIC) {
        return Err(not_a_plan("it is not a SQLite database"));
    }
    if header.len() < HEADER_LEN {
        return Err(Error::Corrupt {
            path: path.to_owned(),
            detail: format!(
                "the file ends after {} bytes, inside its header",
                header.len()
            ),
        });
    }
    let id_bytes: [u8; 4] = header[APPLICATION_ID_AT..APPLICATION_ID_AT + 4]
        .try_into()
        .unwrap_or_default();
    if i32::from_be_bytes(id_bytes) != APPLICATION_ID {
        return Err(not_a_plan(
            "it is a SQLite database, but not one written by Throughline",
        ));
    }
    Ok(())
}

/// Checks, through a connection that has only read so far, that the database is a
/// plan this build can read and that it is not damaged. Returns its schema version.
pub(crate) fn check_database(connection: &Connection, path: &Path) -> Result<i64> {
    let version = check_identity(connection, path)?;
    check_intact(connection, path)?;
    Ok(version)
}

/// The first half of [`check_database`]: a plan, and one this build can read.
pub(crate) fn check_identity(connection: &Connection, path: &Path) -> Result<i64> {
    let id = application_id(connection).map_err(|error| store_error(error, path))?;
    if id != APPLICATION_ID {
        return Err(Error::NotAPlan {
            path: path.to_owned(),
            reason: "it is a SQLite database, but not one written by Throughline".to_owned(),
        });
    }
    let version = user_version(connection).map_err(|error| store_error(error, path))?;
    if version > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            path: path.to_owned(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(version)
}

/// The second half of [`check_database`]: not damaged (`quick_check`, which reads the
/// whole file).
pub(crate) fn check_intact(connection: &Connection, path: &Path) -> Result<()> {
    let problems: Vec<String> = connection
        .prepare("PRAGMA quick_check(5)")
        .and_then(|mut statement| {
            statement
                .query_map([], |row| row.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()
        })
        .map_err(|error| store_error(error, path))?;
    if problems != ["ok"] {
        return Err(Error::Corrupt {
            path: path.to_owned(),
            detail: problems.join("; "),
        });
    }
    Ok(())
}

fn read_header(path: &Path) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).map_err(|source| Error::io(path, source))?;
    let mut header = Vec::with_capacity(HEADER_LEN);
    file.take(HEADER_LEN as u64)
        .read_to_end(&mut header)
        .map_err(|source| Error::io(path, source))?;
    Ok(header)
}
