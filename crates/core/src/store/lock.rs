//! One editor per plan file.
//!
//! A plan open for editing holds an exclusive lock on a small side file,
//! `PLAN.throughline-lock`, which also says who holds it and since when, so a second
//! window, the CLI or another user on a shared folder is told who has the plan rather
//! than being allowed to write beside it. The lock is the operating system's
//! (`flock` on Unix, `LockFileEx` on Windows): it ends with the process, so a crashed
//! editor never leaves a plan locked; the side file's text is only there to be read.
//!
//! Readers (`check`, `export`, `report`) take no lock: SQLite gives them a consistent
//! snapshot whoever is editing.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};

use crate::error::{Error, Result};
use crate::store::sidecar;

/// The side file's suffix, after the plan file's name.
pub(crate) const SUFFIX: &str = "-lock";

/// Who holds a plan open for editing, as recorded in its lock file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockHolder {
    /// The program's name ("throughline-app", "throughline").
    pub program: String,
    pub process: u32,
    /// When the plan was opened, in the holder's local time (RFC 3339).
    pub since: String,
}

impl std::fmt::Display for LockHolder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let program = match self.program.as_str() {
            "throughline-app" => "another Throughline window",
            "throughline" => "a throughline command",
            other => other,
        };
        write!(f, "{program} (process {})", self.process)?;
        if let Ok(since) = DateTime::parse_from_rfc3339(&self.since) {
            let since = since.with_timezone(&Local);
            if since.date_naive() == Local::now().date_naive() {
                write!(f, " since {}", since.format("%H:%M"))?;
            } else {
                write!(f, " since {}", since.format("%Y-%m-%d %H:%M"))?;
            }
        }
        Ok(())
    }
}

/// The exclusive right to edit one plan file, for as long as it lives.
#[derive(Debug)]
pub(crate) struct EditLock {
    file: File,
    path: PathBuf,
}

impl EditLock {
    /// Takes the plan's edit lock, or says who holds it ([`Error::PlanInUse`]).
    pub(crate) fn acquire(plan: &Path) -> Result<EditLock> {
        let path = sidecar(plan, SUFFIX);
        // The holder removes the side file when it lets go; a file opened just before
        // that may be locked after it, on a name nobody sees any more. Locking again
        // until the locked file is the one at the name settles it.
        loop {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(|source| lock_io_error(plan, source))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    return Err(Error::PlanInUse {
                        path: plan.to_owned(),
                        holder: read_holder(&path),
                    });
                }
                Err(TryLockError::Error(source)) => return Err(lock_io_error(plan, source)),
            }
            if is_same_file(&file, &path) {
                let mut lock = EditLock { file, path };
                lock.record_holder()
                    .map_err(|source| lock_io_error(plan, source))?;
                return Ok(lock);
            }
        }
    }

    fn record_holder(&mut self) -> std::io::Result<()> {
        let program = std::env::current_exe()
            .ok()
            .and_then(|exe| {
                exe.file_stem()
                    .map(|stem| stem.to_string_lossy().into_owned())
            })
            .unwrap_or_else(|| "throughline".to_owned());
        let text = format!(
            "program={program}\nprocess={}\nsince={}\n",
            std::process::id(),
            Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
        );
        self.file.set_len(0)?;
        (&self.file).write_all(text.as_bytes())?;
        self.file.sync_data()
    }
}

impl Drop for EditLock {
    fn drop(&mut self) {
        // Removed while still locked, so nobody can take a lock on a file about to go.
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Whether someone holds the plan's edit lock right now. Readers use this to decide
/// whether the file may change under them.
pub(crate) fn is_held(plan: &Path) -> bool {
    let path = sidecar(plan, SUFFIX);
    let Ok(file) = File::open(&path) else {
        return false;
    };
    match file.try_lock_shared() {
        Ok(()) => false,
        Err(TryLockError::WouldBlock) => true,
        Err(TryLockError::Error(_)) => false,
    }
}

/// The holder recorded in a lock file; `None` if it cannot be read (a holder that has
/// only just taken the lock, or a file from an older Throughline).
fn read_holder(path: &Path) -> Option<LockHolder> {
    let mut text = String::new();
    File::open(path)
        .ok()?
        .take(4096)
        .read_to_string(&mut text)
        .ok()?;
    let field = |name: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(name)?.strip_prefix('='))
            .map(str::to_owned)
    };
    Some(LockHolder {
        program: field("program")?,
        process: field("process")?.parse().ok()?,
        since: field("since")?,
    })
}

/// A folder where the lock file cannot be made is a folder the plan cannot be edited
/// in either (SQLite needs its side files there too).
fn lock_io_error(plan: &Path, source: std::io::Error) -> Error {
    if matches!(
        source.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    ) {
        Error::ReadOnlyLocation {
            path: plan.to_owned(),
        }
    } else {
        Error::io(plan, source)
    }
}

#[cfg(unix)]
fn is_same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

/// Windows does not let an open file be deleted, so the name cannot move away.
#[cfg(not(unix))]
fn is_same_file(_file: &File, _path: &Path) -> bool {
    true
}
