//! Writing files so that a reader never sees half of one, and nothing is left behind.
//!
//! Every file Throughline writes (plan files, JSON, reports) is first written in full
//! under a hidden temporary name beside its target, then given the target's name in
//! one step. The temporary file is locked while its writer lives: a process killed
//! mid-write leaves it unlocked, and the next write beside it sweeps it away.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};

/// SQLite's side files, which a temporary plan file may have beside it.
const SIDE_FILES: [&str; 3] = ["-journal", "-wal", "-shm"];

/// Writes `bytes` to `path`, replacing what is there: after a crash the old file or
/// the new one is there, never a torn mix.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let temporary = TemporaryFile::beside(path)?;
    temporary
        .write_all(bytes)
        .map_err(|source| Error::io(path, source))?;
    temporary.replace(path)
}

/// Writes `bytes` to a new file at `path`; refuses if a file of that name exists, or
/// appears while writing.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let temporary = TemporaryFile::beside(path)?;
    temporary
        .write_all(bytes)
        .map_err(|source| Error::io(path, source))?;
    temporary.publish_new(path)
}

/// A file under a fresh hidden name next to its target, locked by this process and
/// deleted (with any SQLite side files) when dropped, unless it was given its name.
#[derive(Debug)]
pub(crate) struct TemporaryFile {
    path: PathBuf,
    /// Holds the lock that tells a sweeper this file is in use.
    file: File,
}

impl TemporaryFile {
    /// Claims a new temporary name beside `target`, first sweeping away the ones that
    /// writers killed earlier left there.
    pub(crate) fn beside(target: &Path) -> Result<TemporaryFile> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let folder = folder_of(target);
        let name = target
            .file_name()
            .ok_or_else(|| Error::io(target, std::io::Error::other("not a file path")))?
            .to_string_lossy()
            .into_owned();
        sweep_stale(folder, &name);
        loop {
            let path = folder.join(format!(
                ".{name}.{}.{}.tmp",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::Relaxed)
            ));
            match OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(file) => {
                    // Fresh and ours alone: the lock cannot be taken by anyone yet,
                    // and a failure here only means a sweeper may take it for stale.
                    let _ = file.try_lock();
                    return Ok(TemporaryFile { path, file });
                }
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(source) => return Err(Error::io(target, source)),
            }
        }
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    fn write_all(&self, bytes: &[u8]) -> std::io::Result<()> {
        (&self.file).write_all(bytes)?;
        self.file.sync_all()
    }

    /// Gives the file its target's name, replacing whatever is there.
    pub(crate) fn replace(self, target: &Path) -> Result<()> {
        std::fs::rename(&self.path, target).map_err(|source| Error::io(target, source))?;
        sync_folder(target);
        Ok(())
    }

    /// Gives the file its target's name without ever replacing a file that appeared
    /// there meanwhile: a hard link fails if the name is taken. Where links are not
    /// supported, it falls back to checking and renaming.
    pub(crate) fn publish_new(self, target: &Path) -> Result<()> {
        match std::fs::hard_link(&self.path, target) {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(already_exists(target));
            }
            Err(_) => {
                if target
                    .try_exists()
                    .map_err(|source| Error::io(target, source))?
                {
                    return Err(already_exists(target));
                }
                std::fs::rename(&self.path, target).map_err(|source| Error::io(target, source))?;
            }
        }
        sync_folder(target);
        Ok(())
    }
}

impl Drop for TemporaryFile {
    fn drop(&mut self) {
        remove_with_side_files(&self.path);
    }
}

/// The error for a name that is taken.
pub(crate) fn already_exists(path: &Path) -> Error {
    Error::io(
        path,
        std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "a file with this name already exists; choose another name",
        ),
    )
}

/// The path of one of SQLite's side files (`-wal`, `-shm`, `-journal`), or of the
/// plan's lock file.
pub(crate) fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Removes SQLite's side files of `path`.
pub(crate) fn remove_side_files(path: &Path) {
    for suffix in SIDE_FILES {
        let _ = std::fs::remove_file(side_file(path, suffix));
    }
}

fn remove_with_side_files(path: &Path) {
    let _ = std::fs::remove_file(path);
    remove_side_files(path);
}

fn folder_of(target: &Path) -> &Path {
    match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Makes a new name itself durable, not only the file's bytes.
fn sync_folder(target: &Path) {
    let _ = File::open(folder_of(target)).and_then(|folder| folder.sync_all());
}

/// Deletes the temporary files of `name` that no live writer holds: what a killed
/// `import` or report left behind. Best effort; a file it cannot judge is left alone.
fn sweep_stale(folder: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let Some(rest) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        if !is_temporary_name(rest) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = OpenOptions::new().read(true).write(true).open(&path) else {
            continue;
        };
        match file.try_lock() {
            Ok(()) => remove_with_side_files(&path),
            Err(TryLockError::WouldBlock | TryLockError::Error(_)) => {}
        }
    }
}

/// `<process>.<counter>.tmp`, as [`TemporaryFile::beside`] names them.
fn is_temporary_name(rest: &str) -> bool {
    let Some(numbers) = rest.strip_suffix(".tmp") else {
        return false;
    };
    let mut parts = numbers.split('.');
    let is_number = |part: Option<&str>| {
        part.is_some_and(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
    };
    is_number(parts.next()) && is_number(parts.next()) && parts.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replaced_file_holds_the_new_bytes_and_nothing_is_left_beside_it() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let target = folder.path().join("report.md");
        std::fs::write(&target, "old").expect("the old file is written");
        write_atomically(&target, b"new").expect("the file is replaced");
        assert_eq!(std::fs::read(&target).expect("readable"), b"new");
        assert_eq!(
            std::fs::read_dir(folder.path()).expect("listable").count(),
            1,
            "only the target should remain"
        );
    }

    #[test]
    fn a_new_file_never_replaces_one_that_exists() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let target = folder.path().join("plan.json");
        std::fs::write(&target, "someone's work").expect("written");
        let error = write_new(&target, b"mine").expect_err("the name is taken");
        assert!(error.to_string().contains("already exists"), "{error}");
        assert_eq!(std::fs::read(&target).expect("readable"), b"someone's work");
        assert_eq!(
            std::fs::read_dir(folder.path()).expect("listable").count(),
            1
        );
    }

    #[test]
    fn leftovers_of_dead_writers_are_swept_but_a_live_writers_file_is_not() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let target = folder.path().join("x.throughline");
        // What a killed writer leaves: unlocked temporary files and their side files.
        for stale in [
            ".x.throughline.999999.0.tmp",
            ".x.throughline.999999.0.tmp-journal",
        ] {
            std::fs::write(folder.path().join(stale), "stale").expect("written");
        }
        // Not ours to judge: another file's temporary, and a name of another shape.
        for other in [".y.throughline.1.0.tmp", ".x.throughline.notes.tmp"] {
            std::fs::write(folder.path().join(other), "keep").expect("written");
        }
        let live = TemporaryFile::beside(&target).expect("a temporary file");
        write_atomically(&target, b"done").expect("the target is written");
        let mut names: Vec<String> = std::fs::read_dir(folder.path())
            .expect("listable")
            .map(|entry| {
                entry
                    .expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        let live_name = live
            .path()
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        let mut expected = vec![
            live_name,
            ".x.throughline.notes.tmp".to_owned(),
            ".y.throughline.1.0.tmp".to_owned(),
            "x.throughline".to_owned(),
        ];
        expected.sort();
        assert_eq!(
            names, expected,
            "only the dead writer's files should be swept"
        );
        drop(live);
        assert!(!folder.path().join(".x.throughline.999999.0.tmp").exists());
    }
}
