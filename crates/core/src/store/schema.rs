//! The plan file's identity and schema: its application id, the append-only list of
//! migrations, and the settings every connection gets when it opens.
//!
//! Migrations follow the model of `rusqlite_migration`: one list, applied in order,
//! with `PRAGMA user_version` counting how many have run. A migration, once released,
//! is never edited; a change to the schema is a new entry at the end.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

/// `PRAGMA application_id` of every plan file ("Thln"), so that a plan is recognizable
/// (by `file(1)` too) and a random SQLite database is not mistaken for one.
pub const APPLICATION_ID: i32 = i32::from_be_bytes(*b"Thln");

/// The schema, one migration per entry; entry `n` brings `user_version` from `n` to `n + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: settings, nodes and links. `seq` is the rowid, so `ORDER BY seq` keeps the
    // order the plan was written in at no cost; AUTOINCREMENT never hands a removed
    // row's place to a new row, so an undone removal can take its place back. Links
    // point at node ids; the UNIQUE constraint leads with `from_id` so that it also
    // serves the foreign key's lookups when a node is removed, beside the `to_id` index.
    r#"
CREATE TABLE plan (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    review_cadence_days INTEGER NOT NULL
) STRICT;

CREATE TABLE nodes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    why TEXT,
    owner TEXT,
    team TEXT,
    status TEXT NOT NULL,
    target_date TEXT,
    last_reviewed TEXT,
    notes TEXT,
    resource_type TEXT,
    capacity REAL,
    unit TEXT
) STRICT;

CREATE TABLE links (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    from_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    to_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    amount REAL,
    why TEXT,
    UNIQUE (from_id, to_id, kind)
) STRICT;

CREATE INDEX links_by_to ON links (to_id);
"#,
    // 2: each goal's and strategy's review log, as the JSON list PLAN-FORMAT.md gives
    // (`[{"date", "audience"?, "note"?}]`), NULL when empty. Read and written with its
    // node, like every other field of it.
    r#"
ALTER TABLE nodes ADD COLUMN reviews TEXT;
"#,
    // 3: the findings the plan's leaders accepted knowingly (PLAN-FORMAT.md, `accepted`),
    // in the order they were written; each goes with its node.
    r#"
CREATE TABLE accepted (
    seq INTEGER PRIMARY KEY,
    rule TEXT NOT NULL,
    node_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    until TEXT,
    UNIQUE (node_id, rule)
) STRICT;
"#,
    // 4: baselines, named and dated read-only copies of the plan: what a board saw.
    // Each plan is kept whole as interchange JSON (PLAN-FORMAT.md), read back through
    // the same strict reader as any plan, so a baseline never depends on the tables
    // of the schema it was taken under.
    r#"
CREATE TABLE baselines (
    seq INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    taken_on TEXT NOT NULL,
    plan TEXT NOT NULL
) STRICT;
"#,
];

/// The schema version this build writes and reads: the number of migrations.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Flags for the connection that edits a plan: never creates a file by accident.
pub(crate) const READ_WRITE: OpenFlags = OpenFlags::SQLITE_OPEN_READ_WRITE
    .union(OpenFlags::SQLITE_OPEN_NO_MUTEX)
    .union(OpenFlags::SQLITE_OPEN_EXRESCODE);

/// Flags for reading a plan without any chance of writing to it.
pub(crate) const READ_ONLY: OpenFlags = OpenFlags::SQLITE_OPEN_READ_ONLY
    .union(OpenFlags::SQLITE_OPEN_NO_MUTEX)
    .union(OpenFlags::SQLITE_OPEN_EXRESCODE);

/// Like [`READ_ONLY`], for a `file:` URI (to pass `immutable=1`).
pub(crate) const READ_ONLY_URI: OpenFlags = READ_ONLY.union(OpenFlags::SQLITE_OPEN_URI);

pub(crate) fn user_version(connection: &Connection) -> rusqlite::Result<i64> {
    connection.pragma_query_value(None, "user_version", |row| row.get(0))
}

pub(crate) fn application_id(connection: &Connection) -> rusqlite::Result<i32> {
    connection.pragma_query_value(None, "application_id", |row| row.get(0))
}

/// Settings that hold for the life of any connection; none of them writes to the file.
pub(crate) fn configure(connection: &Connection) -> Result<()> {
    connection.pragma_update(None, "foreign_keys", true)?;
    // Another process (the CLI beside the app) may hold the lock for a moment.
    connection.busy_timeout(std::time::Duration::from_secs(3))?;
    Ok(())
}

/// Per-connection tables that remember where removed nodes and links stood, so that
/// adding them back (an undo) puts them in their old place, as the graph does. They
/// live in the connection's temporary database: never in the file, and rolled back
/// with the transaction of an edit that fails.
pub(crate) fn prepare_session(connection: &Connection) -> Result<()> {
    connection.pragma_update(None, "temp_store", "MEMORY")?;
    connection.execute_batch(
        "CREATE TEMP TABLE retired_nodes (id TEXT PRIMARY KEY, seq INTEGER NOT NULL);
         CREATE TEMP TABLE retired_links (
             kind TEXT NOT NULL, from_id TEXT NOT NULL, to_id TEXT NOT NULL,
             seq INTEGER NOT NULL,
             PRIMARY KEY (kind, from_id, to_id)
         );",
    )?;
    Ok(())
}

/// Forgets the places of removed rows, when the graph is rebuilt and forgets them too.
pub(crate) fn forget_retired(connection: &Connection) -> Result<()> {
    connection.execute_batch("DELETE FROM temp.retired_nodes; DELETE FROM temp.retired_links;")?;
    Ok(())
}

/// Settings for a connection that edits a plan file on disk. WAL keeps the file whole
/// if the process is killed mid-edit; FULL syncs each edit, which costs little at the
/// pace a person edits and keeps a confirmed edit through a power cut.
pub(crate) fn configure_for_editing(connection: &Connection, path: &Path) -> Result<()> {
    configure(connection)?;
    let mode: String =
        connection.pragma_update_and_check(None, "journal_mode", "wal", |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::io(
            path,
            std::io::Error::other(format!(
                "the plan file could not be switched to WAL mode (it stayed in {mode} mode)"
            )),
        ));
    }
    connection.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// Runs the migrations this connection's database has not had yet, each in its own
/// transaction together with the `user_version` that records it.
pub(crate) fn migrate(connection: &mut Connection) -> Result<()> {
    let current = user_version(connection)?;
    let start = usize::try_from(current).unwrap_or(0);
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(start) {
        let transaction = connection.transaction()?;
        transaction.execute_batch(sql)?;
        transaction.pragma_update(None, "user_version", index as i64 + 1)?;
        transaction.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh() -> Connection {
        let connection = Connection::open_in_memory().expect("an in-memory database opens");
        configure(&connection).expect("a fresh connection takes the settings");
        connection
    }

    #[test]
    fn migrations_apply_in_order_and_end_at_the_latest_version() {
        let mut connection = fresh();
        migrate(&mut connection).expect("every migration applies to an empty database");
        assert_eq!(
            user_version(&connection).expect("user_version reads"),
            SCHEMA_VERSION,
            "after migrating, user_version should count every migration"
        );
        let problems: Vec<String> = connection
            .prepare("PRAGMA integrity_check")
            .and_then(|mut statement| {
                statement
                    .query_map([], |row| row.get(0))?
                    .collect::<rusqlite::Result<Vec<String>>>()
            })
            .expect("integrity_check runs");
        assert_eq!(problems, ["ok"], "the migrated schema should be sound");
        let dangling: i64 = connection
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
                row.get(0)
            })
            .expect("foreign_key_check runs");
        assert_eq!(dangling, 0, "every foreign key should name a real table");
    }

    #[test]
    fn each_migration_applies_on_top_of_the_ones_before() {
        for stop in 0..MIGRATIONS.len() {
            let mut connection = fresh();
            for (index, sql) in MIGRATIONS.iter().enumerate().take(stop) {
                connection
                    .execute_batch(sql)
                    .unwrap_or_else(|error| panic!("migration {} fails: {error}", index + 1));
            }
            connection
                .pragma_update(None, "user_version", stop as i64)
                .expect("user_version is writable");
            migrate(&mut connection).unwrap_or_else(|error| {
                panic!("migrating from version {stop} should succeed, got {error}")
            });
            assert_eq!(
                user_version(&connection).expect("user_version reads"),
                SCHEMA_VERSION,
                "migrating from version {stop} should end at the latest version"
            );
        }
    }

    #[test]
    fn migrating_twice_changes_nothing() {
        let mut connection = fresh();
        migrate(&mut connection).expect("first migration");
        migrate(&mut connection).expect("a second run has nothing to do and must not fail");
        assert_eq!(user_version(&connection).ok(), Some(SCHEMA_VERSION));
    }

    #[test]
    fn the_application_id_spells_thln() {
        assert_eq!(APPLICATION_ID.to_be_bytes(), *b"Thln");
    }
}
