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

/// The SQLite file header's size, and where its fields sit in it (all big-endian):
/// <https://www.sqlite.org/fileformat2.html#the_database_header>.
const HEADER_LEN: usize = 100;
const PAGE_SIZE_AT: usize = 16;
const CHANGE_COUNTER_AT: usize = 24;
const PAGE_COUNT_AT: usize = 28;
const APPLICATION_ID_AT: usize = 68;
const VERSION_VALID_FOR_AT: usize = 92;

/// Refuses anything but a regular file before it is opened: opening a named pipe
/// waits for a writer that may never come, and a folder or a device is no plan.
pub(crate) fn check_regular_file(path: &Path) -> Result<()> {
    let metadata = std::fs::metadata(path).map_err(|source| Error::io(path, source))?;
    let what = if metadata.is_file() {
        return Ok(());
    } else if metadata.is_dir() {
        "a folder"
    } else {
        "a named pipe, socket or device"
    };
    Err(Error::io(
        path,
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("this is {what}, not a plan file"),
        ),
    ))
}

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
    if be_u32(&header, APPLICATION_ID_AT).cast_signed() != APPLICATION_ID {
        return Err(not_a_plan(
            "it is a SQLite database, but not one written by Throughline",
        ));
    }
    check_length(path, &header)
}

/// Refuses a file shorter than its header says it is: a copy or download cut short
/// would otherwise read as good, with whatever its last page holds.
fn check_length(path: &Path, header: &[u8]) -> Result<()> {
    let damaged = |detail: String| Error::Corrupt {
        path: path.to_owned(),
        detail,
    };
    let page_size = match u16::from_be_bytes([header[PAGE_SIZE_AT], header[PAGE_SIZE_AT + 1]]) {
        1 => 65_536,
        size if size >= 512 && size.is_power_of_two() => u64::from(size),
        size => {
            return Err(damaged(format!(
                "its header gives an impossible page size, {size}"
            )));
        }
    };
    // The page count is only trusted when written by a SQLite that keeps it (3.7.0+).
    if be_u32(header, VERSION_VALID_FOR_AT) != be_u32(header, CHANGE_COUNTER_AT) {
        return Ok(());
    }
    let expected = u64::from(be_u32(header, PAGE_COUNT_AT)) * page_size;
    let actual = std::fs::metadata(path)
        .map_err(|source| Error::io(path, source))?
        .len();
    if actual < expected {
        return Err(damaged(format!(
            "it is cut short: {actual} bytes where its header says {expected}; \
             a copy or download may not have finished"
        )));
    }
    Ok(())
}

fn be_u32(header: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
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
    // Every plan file is made whole under a temporary name, schema included, before
    // it gets its name: a version below 1 was never a finished plan. It is refused,
    // not given tables, since opening must never write to a file it refuses.
    if version < 1 {
        return Err(Error::Corrupt {
            path: path.to_owned(),
            detail: if has_tables(connection).map_err(|error| store_error(error, path))? {
                format!("its schema version is {version}, yet it holds tables")
            } else {
                "it is marked as a plan but holds no plan: it was never finished".to_owned()
            },
        });
    }
    if version > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            path: path.to_owned(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(version)
}

fn has_tables(connection: &Connection) -> rusqlite::Result<bool> {
    connection.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table')",
        [],
        |row| row.get(0),
    )
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
