//! The plan store: one plan in one SQLite file (`.throughline`), edited one checked
//! edit at a time, each edit one transaction.
//!
//! The store keeps the checked [`PlanGraph`] in memory beside the connection, so the
//! analysis after an edit needs no reading. Every edit is checked by the graph first;
//! only an accepted edit is written, and a failed write puts the graph back.
//!
//! One writer per plan: a store that edits a file holds its edit lock ([`lock`]), and
//! before every write it makes sure the file is still the one its graph was read from.
//! A file replaced, moved or changed by another program is never written over: the
//! edit is refused, and a changed plan is read again and checked.

mod baselines;
mod load;
mod lock;
mod recognize;
mod rows;
mod schema;
mod snapshot;

use std::cell::OnceCell;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use rusqlite::{Connection, ErrorCode, TransactionBehavior};

use crate::analysis::{Analysis, analyse};
use crate::error::{Error, Result};
use crate::files::{TemporaryFile, already_exists, remove_side_files, side_file as sidecar};
use crate::graph::{Edit, PlanGraph};
use crate::model::Plan;

pub use baselines::{Baseline, MAX_BASELINE_NAME_CHARS, load_baseline, read_baselines};
pub use load::load_plan;
pub use lock::LockHolder;
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
    access: Access,
}

/// What the store may do with its file.
#[derive(Debug)]
enum Access {
    /// No file: nothing outside can change the plan.
    Memory,
    /// The plan file, open for editing by this store alone.
    Editing {
        /// Held for the store's life; dropping it lets the next editor in.
        _lock: lock::EditLock,
        /// The file the graph was read from, to notice it being replaced.
        file: FileIdentity,
        /// SQLite's count of other connections' commits when the graph was last
        /// known equal to the file.
        data_version: i64,
    },
    /// The plan file, shown while someone else edits it: every edit is refused.
    ReadOnly,
}

impl Store {
    /// Writes the plan to a new plan file and opens it.
    ///
    /// Refuses if `path` exists. The file is built under a temporary name in the same
    /// folder and put in place only when whole, so a failure leaves no file behind.
    pub fn create(path: &Path, plan: &PlanGraph) -> Result<Store> {
        refuse_existing(path)?;
        let lock = lock::EditLock::acquire(path)?;
        let (data, graph) = fresh_copy(plan)?;
        let temporary = TemporaryFile::beside(path)?;
        build_file(temporary.path(), &data, &[]).map_err(|error| match error {
            Error::Io { source, .. } => Error::io(path, source),
            Error::Sqlite(source) => saving_error(Error::Sqlite(source), path),
            other => other,
        })?;
        temporary.publish_new(path)?;
        let connection = open_for_editing(path)?;
        schema::configure_for_editing(&connection, path)?;
        schema::prepare_session(&connection)?;
        Store::editing(connection, path, graph, lock)
    }

    /// Opens a plan file for editing.
    ///
    /// A file that is not a plan, is damaged, or comes from a newer Throughline is
    /// refused ([`Error::NotAPlan`], [`Error::Corrupt`], [`Error::NewerSchema`]) and
    /// left byte for byte as it was. So is a plan another window or program is
    /// editing ([`Error::PlanInUse`], which says who and since when; it can still be
    /// opened with [`Store::open_read_only`]). An older plan is migrated to this schema.
    pub fn open(path: &Path) -> Result<Store> {
        recognize::check_regular_file(path)?;
        recognize::check_header(path)?;
        let lock = lock::EditLock::acquire(path)?;
        let mut connection = open_for_editing(path)?;
        schema::configure(&connection)?;
        let version = recognize::check_database(&connection, path)?;
        // Read (and check) before anything is written, so a bad plan stays untouched.
        let current = if version == SCHEMA_VERSION {
            Some(load::read_graph(&connection, path)?)
        } else {
            None
        };
        schema::configure_for_editing(&connection, path)?;
        let graph = match current {
            Some(graph) => graph,
            None => {
                schema::migrate(&mut connection)?;
                load::read_graph(&connection, path)?
            }
        };
        schema::prepare_session(&connection)?;
        Store::editing(connection, path, graph, lock)
    }

    /// Opens a plan file to look at, not to change: for a plan someone else is
    /// editing, or one in a folder that cannot be written. Nothing is written to the
    /// file, and every edit is refused ([`Error::OpenedReadOnly`]).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        recognize::check_regular_file(path)?;
        let graph = load::read_plan_file(path)?;
        Ok(Store {
            connection: Connection::open_in_memory()?,
            path: Some(path.to_owned()),
            graph,
            snapshot: OnceCell::new(),
            access: Access::ReadOnly,
        })
    }

    /// Replaces the plan file at `path` (if any) with a new one holding `plan`, in one
    /// step: readers see the old plan or the new one. Refuses while anyone edits the
    /// plan at `path` ([`Error::PlanInUse`]): their confirmed edits would go nowhere.
    ///
    /// The baselines of the plan replaced are kept, as they were: what the board saw
    /// stays comparable with the new plan (a refreshed spreadsheet imported onto its plan
    /// file, say). Returns their names, oldest first. A file that cannot be read as a
    /// plan has none to keep.
    pub fn replace(path: &Path, plan: &PlanGraph) -> Result<Vec<String>> {
        if path.exists() {
            recognize::check_regular_file(path)?;
        }
        let _lock = lock::EditLock::acquire(path)?;
        let kept = if path.exists() {
            baselines::read_stored(path).unwrap_or_default()
        } else {
            Vec::new()
        };
        let data = plan.to_plan();
        let temporary = TemporaryFile::beside(path)?;
        build_file(temporary.path(), &data, &kept).map_err(|error| match error {
            Error::Io { source, .. } => Error::io(path, source),
            Error::Sqlite(source) => saving_error(Error::Sqlite(source), path),
            other => other,
        })?;
        // Nobody edits the old plan, so a write-ahead log beside it is a crashed
        // editor's, and SQLite would replay it into the new file.
        remove_side_files(path);
        temporary.replace(path)?;
        Ok(kept.into_iter().map(|baseline| baseline.name).collect())
    }

    /// A store with no file, for tests and for plans not yet saved.
    pub fn in_memory(plan: &PlanGraph) -> Result<Store> {
        let (data, graph) = fresh_copy(plan)?;
        let mut connection = Connection::open_in_memory()?;
        schema::configure(&connection)?;
        initialize(&mut connection, &data, &[])?;
        schema::prepare_session(&connection)?;
        Ok(Store {
            connection,
            path: None,
            graph,
            snapshot: OnceCell::new(),
            access: Access::Memory,
        })
    }

    fn editing(
        connection: Connection,
        path: &Path,
        graph: PlanGraph,
        lock: lock::EditLock,
    ) -> Result<Store> {
        let access = Access::Editing {
            _lock: lock,
            file: FileIdentity::of(path)?,
            data_version: data_version(&connection)?,
        };
        Ok(Store {
            connection,
            path: Some(path.to_owned()),
            graph,
            snapshot: OnceCell::new(),
            access,
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

    /// Whether the plan was opened only to look at ([`Store::open_read_only`]).
    pub fn is_read_only(&self) -> bool {
        matches!(self.access, Access::ReadOnly)
    }

    /// Checks the edit, writes it in one transaction, and returns the edit that undoes it.
    ///
    /// A refused edit changes neither the file nor the graph. If the write fails, the
    /// graph is put back to what the file holds and the error is returned; if the
    /// file was changed by another program, the graph is read from it again
    /// ([`Error::ChangedOutside`]).
    pub fn apply(&mut self, edit: Edit) -> Result<Edit> {
        if self.is_read_only() {
            return Err(Error::OpenedReadOnly {
                path: self.display_path(),
            });
        }
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

    /// Writes a copy of the plan, with its baselines, to a new file (see
    /// [`Store::create`]) and opens it.
    pub fn save_as(&self, path: &Path) -> Result<Store> {
        let mut copy = Store::create(path, &self.graph)?;
        let source = match (&self.access, &self.path) {
            (Access::ReadOnly, Some(from)) => Some(load::connect_to_read(from)?.0),
            _ => None,
        };
        let from = source.as_ref().unwrap_or(&self.connection);
        let has_baselines: bool = from
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'baselines')",
                [],
                |row| row.get(0),
            )
            .map_err(Error::Sqlite)?;
        if has_baselines {
            copy.write_with(|transaction, _| baselines::copy_all(from, transaction))?;
        }
        Ok(copy)
    }

    /// Keeps the plan as it is now as a baseline named `name`, taken on `taken_on`.
    ///
    /// # Errors
    /// [`Error::DuplicateBaseline`] when the name is taken; [`Error::InvalidField`] for
    /// an empty name; and whatever refuses an edit (a read-only plan, a file changed
    /// or replaced under it, a full disk).
    pub fn take_baseline(&mut self, name: &str, taken_on: NaiveDate) -> Result<Baseline> {
        let plan = self.graph.clone();
        self.add_baseline(name, taken_on, &plan)
    }

    /// Keeps `plan` (another plan, such as the sample's past) as a baseline of this one.
    pub fn add_baseline(
        &mut self,
        name: &str,
        taken_on: NaiveDate,
        plan: &PlanGraph,
    ) -> Result<Baseline> {
        let mut taken = None;
        self.write_with(|transaction, path| {
            taken = Some(baselines::insert(transaction, path, name, taken_on, plan)?);
            Ok(())
        })?;
        Ok(taken.expect("a committed baseline was taken"))
    }

    /// Removes a baseline; [`Error::UnknownBaseline`] when there is none of that name.
    pub fn remove_baseline(&mut self, name: &str) -> Result<()> {
        self.write_with(|transaction, path| baselines::delete(transaction, path, name))
    }

    /// The plan's baselines, oldest first.
    pub fn baselines(&self) -> Result<Vec<Baseline>> {
        match (&self.access, &self.path) {
            (Access::ReadOnly, Some(path)) => read_baselines(path),
            _ => baselines::list(&self.connection, &self.display_path()),
        }
    }

    /// One baseline as a checked plan; [`Error::UnknownBaseline`] when there is none of
    /// that name.
    pub fn baseline(&self, name: &str) -> Result<(Baseline, PlanGraph)> {
        match (&self.access, &self.path) {
            (Access::ReadOnly, Some(path)) => load_baseline(path, name),
            _ => baselines::read(&self.connection, &self.display_path(), name),
        }
    }

    fn write(&mut self, edit: &Edit) -> Result<()> {
        self.write_with(|transaction, path| rows::write_edit(transaction, edit, path))
    }

    /// Runs `change` in one write transaction, once sure the file is still the one the
    /// graph was read from, and commits it; nothing is written if it fails.
    fn write_with(
        &mut self,
        change: impl FnOnce(&rusqlite::Transaction<'_>, &Path) -> Result<()>,
    ) -> Result<()> {
        if self.is_read_only() {
            return Err(Error::OpenedReadOnly {
                path: self.display_path(),
            });
        }
        let path = self.display_path();
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|error| saving_error(Error::Sqlite(error), &path))?;
        // Checked inside the transaction, which holds the write lock: nobody can
        // change the file between this look and the commit.
        if let Access::Editing {
            file, data_version, ..
        } = &self.access
        {
            if !file.is_at(&path) {
                return Err(Error::PlanReplaced { path });
            }
            if self::data_version(&transaction)? != *data_version {
                return Err(Error::ChangedOutside { path });
            }
        }
        change(&transaction, &path).map_err(|error| saving_error(error, &path))?;
        transaction
            .commit()
            .map_err(|error| saving_error(Error::Sqlite(error), &path))
    }

    /// After a failed write (rolled back) the graph must again equal the file. Reading
    /// the file back is exact, and the remembered places of removed rows are dropped on
    /// both sides so they cannot drift apart. If even that read fails, the inverse edit
    /// puts the graph back, equal in content, and the store keeps refusing to write
    /// over a file it could not read.
    fn restore_after_failed_write(&mut self, inverse: Edit) {
        let path = self.display_path();
        let reloaded = load::read_graph(&self.connection, &path)
            .and_then(|graph| schema::forget_retired(&self.connection).map(|()| graph))
            .and_then(|graph| Ok((graph, data_version(&self.connection)?)));
        match reloaded {
            Ok((graph, now)) => {
                self.graph = graph;
                if let Access::Editing { data_version, .. } = &mut self.access {
                    *data_version = now;
                }
            }
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

/// Opens the connection that will edit `path`, refusing a file SQLite could only
/// read (a read-only file, or a folder where its side files cannot be made).
fn open_for_editing(path: &Path) -> Result<Connection> {
    let connection = Connection::open_with_flags(path, schema::READ_WRITE)
        .map_err(|error| saving_error(rows::store_error(error, path), path))?;
    if connection.is_readonly(rusqlite::MAIN_DB)? {
        return Err(Error::ReadOnlyLocation {
            path: path.to_owned(),
        });
    }
    Ok(connection)
}

/// The count SQLite raises each time another connection commits to the file.
fn data_version(connection: &Connection) -> Result<i64> {
    Ok(connection.pragma_query_value(None, "data_version", |row| row.get(0))?)
}

/// What a failed write means for the person who made the edit.
fn saving_error(error: Error, path: &Path) -> Error {
    let Error::Sqlite(source) = &error else {
        return error;
    };
    match source.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => Error::DiskFull {
            path: path.to_owned(),
        },
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen) => Error::ReadOnlyLocation {
            path: path.to_owned(),
        },
        // Another program holds SQLite's write lock past the busy timeout.
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::PlanInUse {
            path: path.to_owned(),
            holder: None,
        },
        _ => error,
    }
}

/// Which file a path names, so that a file replaced under an open plan (by a sync
/// client, a copy, another program's save) is noticed before an edit goes into the
/// old one, where nobody would ever see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileIdentity {
    device: u64,
    inode: u64,
}

impl FileIdentity {
    #[cfg(unix)]
    fn of(path: &Path) -> Result<FileIdentity> {
        use std::os::unix::fs::MetadataExt;
        let metadata = std::fs::metadata(path).map_err(|source| Error::io(path, source))?;
        Ok(FileIdentity {
            device: metadata.dev(),
            inode: metadata.ino(),
        })
    }

    /// Windows does not let an open file be replaced or deleted.
    #[cfg(not(unix))]
    fn of(_path: &Path) -> Result<FileIdentity> {
        Ok(FileIdentity {
            device: 0,
            inode: 0,
        })
    }

    fn is_at(self, path: &Path) -> bool {
        FileIdentity::of(path).is_ok_and(|now| now == self)
    }
}

/// The plan as data, and a graph built afresh from it. A clone of the caller's graph
/// would carry its memory of removed nodes' places, which the new store's file does
/// not share; a fresh graph and a fresh file start equal in every respect.
fn fresh_copy(plan: &PlanGraph) -> Result<(Plan, PlanGraph)> {
    let data = plan.to_plan();
    let graph = PlanGraph::from_plan(data.clone())?;
    Ok((data, graph))
}

/// Sets up an empty database: identity, schema, and the whole plan (with the baselines
/// kept from a plan it replaces) in one transaction.
fn initialize(
    connection: &mut Connection,
    plan: &Plan,
    kept: &[baselines::StoredBaseline],
) -> Result<()> {
    connection.pragma_update(None, "application_id", APPLICATION_ID)?;
    schema::migrate(connection)?;
    let transaction = connection.transaction()?;
    rows::write_plan(&transaction, plan)?;
    baselines::insert_stored(&transaction, kept)?;
    transaction.commit()?;
    Ok(())
}

/// Builds a complete plan file at a path nobody else uses yet.
fn build_file(path: &Path, plan: &Plan, kept: &[baselines::StoredBaseline]) -> Result<()> {
    let mut connection =
        Connection::open_with_flags(path, schema::READ_WRITE).map_err(Error::Sqlite)?;
    schema::configure(&connection)?;
    // No journal and no syncing while the file is private: if anything fails it is
    // deleted, and it is synced once, whole, before it takes the real name.
    connection.pragma_update(None, "journal_mode", "OFF")?;
    connection.pragma_update(None, "synchronous", "OFF")?;
    // Room for the indexes of a large plan while they fill (negative: in KiB).
    connection.pragma_update(None, "cache_size", -131_072)?;
    initialize(&mut connection, plan, kept)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Node, NodeKind, PlanSettings};

    /// A full disk, as SQLite meets it: the file may not grow. (`max_page_count` makes
    /// SQLite answer exactly as it does when the disk has no room, SQLITE_FULL.)
    #[test]
    fn an_edit_on_a_full_disk_says_so_and_leaves_the_plan_as_it_was() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("plan.throughline");
        let plan = PlanGraph::new(PlanSettings {
            name: "Full disk".into(),
            review_cadence_days: 90,
        })
        .expect("an empty plan");
        let mut store = Store::create(&path, &plan).expect("created");
        let pages: i64 = store
            .connection
            .pragma_query_value(None, "page_count", |row| row.get(0))
            .expect("page count");
        store
            .connection
            .pragma_update(None, "max_page_count", pages)
            .expect("no room to grow");
        let mut node = Node::new("G1", NodeKind::OrgGoal, "A goal with a long story");
        node.notes = Some("x".repeat(64 * 1024));
        let error = store
            .apply(Edit::AddNode { node })
            .expect_err("there is no room for it");
        assert_eq!(error.code(), "disk_full", "{error}");
        assert!(error.to_string().contains("nothing was saved"), "{error}");
        assert_eq!(store.graph().node_count(), 0, "the graph follows the file");
        store
            .connection
            .pragma_update(None, "max_page_count", 1_073_741_823)
            .expect("room again");
        store
            .apply(Edit::AddNode {
                node: Node::new("G2", NodeKind::OrgGoal, "Once there is room"),
            })
            .expect("once there is room, edits are saved again");
        drop(store);
        let reopened = load_plan(&path).expect("the plan reads");
        assert_eq!(reopened.node_count(), 1);
        assert!(reopened.node("G1").is_none() && reopened.node("G2").is_some());
    }
}
