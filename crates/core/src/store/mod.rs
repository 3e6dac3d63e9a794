//! The plan store: one plan in one SQLite file (`.throughline`), edited one checked
//! edit at a time, each edit one transaction.
//!
//! The store keeps the checked [`PlanGraph`] in memory beside the connection, so the
//! analysis after an edit needs no reading. Every edit is checked by the graph first;
//! only an accepted edit is written, and a failed write puts the graph back.

mod recognize;
mod rows;
mod schema;
mod snapshot;

use std::cell::OnceCell;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::analysis::{Analysis, analyse};
use crate::error::{Error, Result};
use crate::graph::{Edit, PlanBuilder, PlanGraph};
use crate::interchange;
use crate::model::Plan;

pub use schema::{APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION};
use snapshot::{Snapshot, Touched};

/// The extension of plan files.
pub const EXTENSION: &str = "throughline";

/// How an in-memory store names itself in errors.
const IN_MEMORY: &str = ":memory:";

/// An open plan: the SQLite connection, the file it is in (none in memory), and the
/// checked graph, always equal to what the file holds.
#[derive(Debug)]
pub struct Store {
    connection: Connection,
    path: Option<PathBuf>,
    graph: PlanGraph,
    /// The plan as plain data for [`Store::shared_plan`], made at its first call.
    snapshot: OnceCell<Snapshot>,
}

impl Store {
    /// Writes the plan to a new plan file and opens it.
    ///
    /// Refuses if `path` exists. The file is built under a temporary name in the same
    /// folder and put in place only when whole, so a failure leaves no file behind.
    pub fn create(path: &Path, plan: &PlanGraph) -> Result<Store> {
        refuse_existing(path)?;
        let (data, graph) = fresh_copy(plan)?;
        let temporary = TemporaryFile::claim(path)?;
        build_file(temporary.path(), &data).map_err(|error| match error {
            Error::Io { source, .. } => Error::io(path, source),
            other => other,
        })?;
        publish(temporary.path(), path)?;
        drop(temporary);
        let connection =
            Connection::open_with_flags(path, schema::READ_WRITE).map_err(Error::Sqlite)?;
        schema::configure_for_editing(&connection, path)?;
        schema::prepare_session(&connection)?;
        Ok(Store {
            connection,
            path: Some(path.to_owned()),
            graph,
            snapshot: OnceCell::new(),
        })
    }

    /// Opens a plan file for editing.
    ///
    /// A file that is not a plan, is damaged, or comes from a newer Throughline is
    /// refused ([`Error::NotAPlan`], [`Error::Corrupt`], [`Error::NewerSchema`]) and
    /// left byte for byte as it was. An older plan is migrated to this schema.
    pub fn open(path: &Path) -> Result<Store> {
        recognize::check_header(path)?;
        let mut connection = Connection::open_with_flags(path, schema::READ_WRITE)
            .map_err(|error| rows::store_error(error, path))?;
        schema::configure(&connection)?;
        let version = recognize::check_database(&connection, path)?;
        // Read (and check) before anything is written, so a bad plan stays untouched.
        let current = if version == SCHEMA_VERSION {
            Some(read_graph(&connection, path)?)
        } else {
            None
        };
        schema::configure_for_editing(&connection, path)?;
        let graph = match current {
            Some(graph) => graph,
            None => {
                schema::migrate(&mut connection)?;
                read_graph(&connection, path)?
            }
        };
        schema::prepare_session(&connection)?;
        Ok(Store {
            connection,
            path: Some(path.to_owned()),
            graph,
            snapshot: OnceCell::new(),
        })
    }

    /// A store with no file, for tests and for plans not yet saved.
    pub fn in_memory(plan: &PlanGraph) -> Result<Store> {
        let (data, graph) = fresh_copy(plan)?;
        let mut connection = Connection::open_in_memory()?;
        schema::configure(&connection)?;
        initialize(&mut connection, &data)?;
        schema::prepare_session(&connection)?;
        Ok(Store {
            connection,
            path: None,
            graph,
            snapshot: OnceCell::new(),
        })
    }

    /// The checked plan, as it is in the file.
    pub fn graph(&self) -> &PlanGraph {
        &self.graph
    }

    /// The plan as plain data, in the order [`PlanGraph::to_plan`] gives.
    pub fn plan(&self) -> Plan {
        self.graph.to_plan()
    }

    /// The plan as plain data, equal to [`Store::plan`], shared rather than copied.
    ///
    /// After the first call the store keeps this copy up to date edit by edit, so
    /// taking it after an edit costs next to nothing, where [`Store::plan`] copies
    /// every node (milliseconds at 10,000 nodes). A plan still held from an earlier
    /// call is left as it was: the next edit then copies the plan once.
    pub fn shared_plan(&self) -> Arc<Plan> {
        self.snapshot
            .get_or_init(|| Snapshot::of(&self.graph))
            .plan()
    }

    /// The plan file; `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Checks the edit, writes it in one transaction, and returns the edit that undoes it.
    ///
    /// A refused edit changes neither the file nor the graph. If the write fails, the
    /// graph is put back to what the file holds and the error is returned.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit> {
        let touched = (self.snapshot.get().is_some()).then(|| Touched::by(&edit, &self.graph));
        let inverse = self.graph.apply(edit.clone())?;
        match self.write(&edit) {
            Ok(()) => {
                if let (Some(snapshot), Some(touched)) = (self.snapshot.get_mut(), touched) {
                    snapshot.update(touched, &self.graph);
                }
                Ok(inverse)
            }
            Err(error) => {
                self.restore_after_failed_write(inverse);
                // The graph may have been read back afresh, its places renumbered.
                self.snapshot = OnceCell::new();
                Err(error)
            }
        }
    }

    /// The alignment analysis of the plan as of a date.
    pub fn analyse(&self, as_of: NaiveDate) -> Analysis {
        analyse(&self.graph, as_of)
    }

    /// Writes a copy of the plan to a new file (see [`Store::create`]) and opens it.
    pub fn save_as(&self, path: &Path) -> Result<Store> {
        Store::create(path, &self.graph)
    }

    fn write(&mut self, edit: &Edit) -> Result<()> {
        let path = self.display_path();
        let transaction = self.connection.transaction()?;
        rows::write_edit(&transaction, edit, &path)?;
        transaction.commit()?;
        Ok(())
    }

    /// After a failed write (rolled back) the graph must again equal the file. Reading
    /// the file back is exact, and the remembered places of removed rows are dropped on
    /// both sides so they cannot drift apart. If even that read fails, the inverse edit
    /// puts the graph back, equal in content.
    fn restore_after_failed_write(&mut self, inverse: Edit) {
        let path = self.display_path();
        let reloaded = read_graph(&self.connection, &path)
            .and_then(|graph| schema::forget_retired(&self.connection).map(|()| graph));
        match reloaded {
            Ok(graph) => self.graph = graph,
            Err(_) => {
                let restored = self.graph.apply(inverse);
                debug_assert!(
                    restored.is_ok(),
                    "the inverse of an edit applies: {restored:?}"
                );
            }
        }
    }

    fn display_path(&self) -> PathBuf {
        self.path
            .clone()
            .unwrap_or_else(|| PathBuf::from(IN_MEMORY))
    }
}

/// Reads a plan from a file without changing it: interchange JSON (`.json`) or a plan
/// file (`.throughline`, opened read-only). Any other name is told apart by its first
/// bytes: a SQLite header means a plan file, anything else is read as JSON.
pub fn load_plan(path: &Path) -> Result<PlanGraph> {
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
fn read_plan_file(path: &Path) -> Result<PlanGraph> {
    recognize::check_header(path)?;
    // A read-only connection to a WAL file would leave `-wal` and `-shm` files behind
    // (it may not delete them). Without a `-wal` file nobody has the plan open and
    // every edit is in the main file, so it can be read as immutable, creating nothing.
    // With one, the edits in it count, so it is read the ordinary way.
    let immutable = !sidecar(path, "-wal").exists();
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
        return read_graph_while_checking(&connection, path, open);
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
fn read_graph(connection: &Connection, path: &Path) -> Result<PlanGraph> {
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

/// The plan as data, and a graph built afresh from it. A clone of the caller's graph
/// would carry its memory of removed nodes' places, which the new store's file does
/// not share; a fresh graph and a fresh file start equal in every respect.
fn fresh_copy(plan: &PlanGraph) -> Result<(Plan, PlanGraph)> {
    let data = plan.to_plan();
    let graph = PlanGraph::from_plan(data.clone())?;
    Ok((data, graph))
}

/// Sets up an empty database: identity, schema, and the whole plan in one transaction.
fn initialize(connection: &mut Connection, plan: &Plan) -> Result<()> {
    connection.pragma_update(None, "application_id", APPLICATION_ID)?;
    schema::migrate(connection)?;
    let transaction = connection.transaction()?;
    rows::write_plan(&transaction, plan)?;
    transaction.commit()?;
    Ok(())
}

/// Builds a complete plan file at a path nobody else uses yet.
fn build_file(path: &Path, plan: &Plan) -> Result<()> {
    let mut connection =
        Connection::open_with_flags(path, schema::READ_WRITE).map_err(Error::Sqlite)?;
    schema::configure(&connection)?;
    // No journal and no syncing while the file is private: if anything fails it is
    // deleted, and it is synced once, whole, before it takes the real name.
    connection.pragma_update(None, "journal_mode", "OFF")?;
    connection.pragma_update(None, "synchronous", "OFF")?;
    // Room for the indexes of a large plan while they fill (negative: in KiB).
    connection.pragma_update(None, "cache_size", -131_072)?;
    initialize(&mut connection, plan)?;
    connection
        .close()
        .map_err(|(_, error)| Error::Sqlite(error))?;
    std::fs::File::open(path)
        .and_then(|file| file.sync_all())
        .map_err(|source| Error::io(path, source))
}

fn refuse_existing(path: &Path) -> Result<()> {
    let wal = sidecar(path, "-wal");
    for candidate in [path, wal.as_path()] {
        if candidate
            .try_exists()
            .map_err(|source| Error::io(candidate, source))?
        {
            return Err(already_exists(candidate));
        }
    }
    Ok(())
}

fn already_exists(path: &Path) -> Error {
    Error::io(
        path,
        std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "a file with this name already exists; choose another name",
        ),
    )
}

/// The path of one of SQLite's side files (`-wal`, `-shm`, `-journal`).
fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Gives the finished file its name without ever replacing a file that appeared there
/// meanwhile: a hard link fails if the name is taken. Where links are not supported,
/// it falls back to checking and renaming.
fn publish(temporary: &Path, path: &Path) -> Result<()> {
    match std::fs::hard_link(temporary, path) {
        Ok(()) => {}
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(already_exists(path));
        }
        Err(_) => {
            refuse_existing(path)?;
            std::fs::rename(temporary, path).map_err(|source| Error::io(path, source))?;
        }
    }
    // Make the new name itself durable.
    if let Some(folder) = path
        .parent()
        .filter(|folder| !folder.as_os_str().is_empty())
    {
        let _ = std::fs::File::open(folder).and_then(|folder| folder.sync_all());
    }
    Ok(())
}

/// A file under a fresh name next to the target, deleted (with SQLite's side files)
/// when dropped, whatever happened.
struct TemporaryFile(PathBuf);

impl TemporaryFile {
    fn claim(target: &Path) -> Result<TemporaryFile> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let folder = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let name = target
            .file_name()
            .ok_or_else(|| Error::io(target, std::io::Error::other("not a file path")))?
            .to_string_lossy();
        loop {
            let candidate = folder.join(format!(
                ".{name}.{}.{}.tmp",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::Relaxed)
            ));
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&candidate)
            {
                Ok(_) => return Ok(TemporaryFile(candidate)),
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(source) => return Err(Error::io(target, source)),
            }
        }
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TemporaryFile {
    fn drop(&mut self) {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            let _ = std::fs::remove_file(sidecar(&self.0, suffix));
        }
    }
}

impl std::fmt::Debug for TemporaryFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("TemporaryFile").field(&self.0).finish()
    }
}
