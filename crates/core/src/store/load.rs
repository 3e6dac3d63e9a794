//! Reading a plan without changing its file: what `check`, `export` and `report` use,
//! and what a plan opened read-only is built from.

use std::path::Path;

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::graph::{PlanBuilder, PlanGraph};
use crate::interchange;
use crate::store::{EXTENSION, SCHEMA_VERSION, lock, recognize, rows, schema, sidecar};

/// Reads a plan from a file without changing it: interchange JSON (`.json`) or a plan
/// file (`.throughline`, opened read-only). Any other name is told apart by its first
/// bytes: a SQLite header means a plan file, anything else is read as JSON.
///
/// Only regular files are read: a folder, a named pipe or a device is refused at once,
/// where reading it could wait forever.
pub fn load_plan(path: &Path) -> Result<PlanGraph> {
    recognize::check_regular_file(path)?;
    let extension = path
        .extension()
        .map(|extension| extension.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("json") => interchange::read_file(path),
        Some(EXTENSION) => read_plan_file(path),
        _ if recognize::is_sqlite(path)? => read_plan_file(path),
        _ => interchange::read_file(path),
    }
}

/// Reads a plan file through a read-only connection. A plan from an older schema is
/// copied into memory and migrated there; the file itself is never written.
pub(crate) fn read_plan_file(path: &Path) -> Result<PlanGraph> {
    recognize::check_header(path)?;
    // A read-only connection to a WAL file would leave `-wal` and `-shm` files behind
    // (it may not delete them). When nobody edits the plan, every edit is in the main
    // file, so it can be read as immutable, creating nothing. While someone edits it,
    // the edits in the write-ahead log count, so it is read the ordinary way.
    let immutable = !sidecar(path, "-wal").exists() && !lock::is_held(path);
    let open = || {
        if immutable {
            Connection::open_with_flags(immutable_uri(path), schema::READ_ONLY_URI)
        } else {
            Connection::open_with_flags(path, schema::READ_ONLY)
        }
        .map_err(|error| rows::store_error(error, path))
    };
    let connection = open()?;
    let version = recognize::check_identity(&connection, path)?;
    if version == SCHEMA_VERSION {
        let graph = read_graph_while_checking(&connection, path, open)?;
        // An editor that opened the plan while it was read as immutable may have
        // changed it under the reader: read it again, the ordinary way.
        if immutable && (lock::is_held(path) || sidecar(path, "-wal").exists()) {
            drop(connection);
            let connection = Connection::open_with_flags(path, schema::READ_ONLY)
                .map_err(|error| rows::store_error(error, path))?;
            return read_graph(&connection, path);
        }
        return Ok(graph);
    }
    recognize::check_intact(&connection, path)?;
    let mut copy = Connection::open_in_memory()?;
    rusqlite::backup::Backup::new(&connection, &mut copy)?.run_to_completion(
        1024,
        std::time::Duration::ZERO,
        None,
    )?;
    schema::configure(&copy)?;
    schema::migrate(&mut copy)?;
    read_graph(&copy, path)
}

/// A read-only connection to a plan file that creates nothing beside it, and the file's
/// schema version (checked to be one this build reads).
pub(crate) fn connect_to_read(path: &Path) -> Result<(Connection, i64)> {
    recognize::check_regular_file(path)?;
    recognize::check_header(path)?;
    let immutable = !sidecar(path, "-wal").exists() && !lock::is_held(path);
    let connection = if immutable {
        Connection::open_with_flags(immutable_uri(path), schema::READ_ONLY_URI)
    } else {
        Connection::open_with_flags(path, schema::READ_ONLY)
    }
    .map_err(|error| rows::store_error(error, path))?;
    let version = recognize::check_identity(&connection, path)?;
    Ok((connection, version))
}

/// Reads the graph while a second connection, from `open`, checks on another core that
/// the file is not damaged: `quick_check` reads the whole file, a tenth of the time
/// of reading a large plan. Damage is reported first, as if checked before reading.
fn read_graph_while_checking(
    connection: &Connection,
    path: &Path,
    open: impl Fn() -> Result<Connection> + Sync,
) -> Result<PlanGraph> {
    std::thread::scope(|scope| {
        let checker = std::thread::Builder::new()
            .name("quick-check".into())
            .spawn_scoped(scope, || {
                open()
                    .ok()
                    .map(|second| recognize::check_intact(&second, path))
            });
        let graph = read_graph(connection, path);
        // No thread, or no second connection: check on this one, after reading.
        let intact = match checker.map(|checker| checker.join()) {
            Ok(Ok(Some(intact))) => intact,
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            Ok(Ok(None)) | Err(_) => recognize::check_intact(connection, path),
        };
        intact?;
        graph
    })
}

/// A `file:` URI for the path with `immutable=1`, escaping what URIs reserve.
fn immutable_uri(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut text = absolute.to_string_lossy().into_owned();
    if cfg!(windows) {
        text = text.replace('\\', "/");
    }
    let mut uri = String::from("file:");
    // Windows paths start with a drive letter; URIs want them as `/C:/...`.
    if !text.starts_with('/') {
        uri.push('/');
    }
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                uri.push(char::from(byte));
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// Reads the plan and checks it as if it were imported: a file changed by hand is
/// reported, never trusted.
///
/// Each row goes into the graph as it is read: a million-node plan is never held whole
/// beside its graph.
pub(crate) fn read_graph(connection: &Connection, path: &Path) -> Result<PlanGraph> {
    let mut builder = PlanBuilder::with_capacity(
        rows::row_count_hint(connection, "nodes"),
        rows::row_count_hint(connection, "links"),
    );
    let settings = rows::read_plan(connection, path, &mut builder)?;
    builder.finish(settings).map_err(|error| Error::Corrupt {
        path: path.to_owned(),
        detail: format!("the plan in it breaks a rule: {error}"),
    })
}
