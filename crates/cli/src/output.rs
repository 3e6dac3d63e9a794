//! Writing plan files: the file type from the name, and never a half-written or
//! silently replaced file.
//!
//! Policy: an existing output file is refused unless `--force` is given, for JSON and
//! `.throughline` alike, because a plan file is someone's work. The new file is
//! written in full beside the target under a temporary name and then moved into
//! place in one step, so a failure or a kill leaves either nothing or the old file.
//! Without `--force` the move is a hard link, which the file system refuses if the
//! target appeared meanwhile; with `--force` it is a rename over the old file.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use throughline_core::PlanGraph;
use throughline_core::files::write_atomically;
use throughline_core::interchange;
use throughline_core::store::Store;

/// The two ways a plan is kept on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanFileKind {
    /// Interchange JSON (`.json`).
    Json,
    /// A SQLite plan file (`.throughline`).
    Store,
}

impl PlanFileKind {
    /// The kind a file name asks for, by its extension (case-insensitive).
    pub fn of(path: &Path) -> anyhow::Result<PlanFileKind> {
        let extension = path
            .extension()
            .map(|ext| ext.to_string_lossy().to_ascii_lowercase());
        match extension.as_deref() {
            Some("json") => Ok(PlanFileKind::Json),
            Some("throughline") => Ok(PlanFileKind::Store),
            _ => bail!(
                "{}: cannot tell which kind of plan file to write; name it *.json or *.throughline",
                path.display()
            ),
        }
    }
}

/// Refuses early, before any work, when `path` exists and `force` is not given.
pub fn check_target(path: &Path, force: bool) -> anyhow::Result<()> {
    if !force && path.exists() {
        bail!(
            "{}: the file already exists; pass --force to replace it",
            path.display()
        );
    }
    Ok(())
}

/// Writes the plan to `path` in the file kind its name asks for.
pub fn write_plan(path: &Path, plan: &PlanGraph, force: bool) -> anyhow::Result<()> {
    let kind = PlanFileKind::of(path)?;
    check_target(path, force)?;
    match kind {
        PlanFileKind::Json => write_json(path, plan, force),
        PlanFileKind::Store => write_store(path, plan, force),
    }
}

fn write_json(path: &Path, plan: &PlanGraph, force: bool) -> anyhow::Result<()> {
    write_json_text(path, &interchange::to_json(&plan.to_plan()), force)
}

/// Writes finished interchange JSON to `path` (whose kind the caller has checked).
pub fn write_json_text(path: &Path, text: &str, force: bool) -> anyhow::Result<()> {
    check_target(path, force)?;
    if force {
        write_atomically(path, text.as_bytes())?;
        return Ok(());
    }
    let partial = PartialFile::beside(path)?;
    write_atomically(&partial.path, text.as_bytes())?;
    partial.publish(path, force)
}

fn write_store(path: &Path, plan: &PlanGraph, force: bool) -> anyhow::Result<()> {
    if !force {
        // The store builds under a temporary name and links it into place itself,
        // refusing a name that is taken.
        drop(Store::create(path, plan)?);
        return Ok(());
    }
    let partial = PartialFile::beside(path)?;
    // Closed (dropped) before the move, so SQLite has folded its journal into the
    // file and the file stands alone.
    drop(Store::create(&partial.path, plan)?);
    // SQLite would replay a stale write-ahead log of the old file into the new one.
    remove_journals(path);
    partial.publish(path, force)
}

/// A file being written under a temporary name; removed again unless published.
#[derive(Debug)]
struct PartialFile {
    path: PathBuf,
    published: bool,
}

impl PartialFile {
    fn beside(target: &Path) -> anyhow::Result<PartialFile> {
        let name = target
            .file_name()
            .with_context(|| format!("{}: not a file name", target.display()))?;
        let folder = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        if !folder.is_dir() {
            bail!(
                "{}: the folder {} does not exist",
                target.display(),
                folder.display()
            );
        }
        let path = folder.join(format!(
            ".{}.{}.partial",
            name.to_string_lossy(),
            std::process::id()
        ));
        // A leftover from a killed earlier run with the same process id is garbage.
        remove_with_journals(&path);
        Ok(PartialFile {
            path,
            published: false,
        })
    }

    fn publish(mut self, target: &Path, force: bool) -> anyhow::Result<()> {
        let moved = if force {
            std::fs::rename(&self.path, target)
        } else {
            match std::fs::hard_link(&self.path, target) {
                Ok(()) => std::fs::remove_file(&self.path),
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                    bail!(
                        "{}: the file already exists; pass --force to replace it",
                        target.display()
                    )
                }
                // File systems without hard links: the early check stands in.
                Err(_) => std::fs::rename(&self.path, target),
            }
        };
        moved.with_context(|| format!("{}: cannot write the file", target.display()))?;
        self.published = true;
        Ok(())
    }
}

impl Drop for PartialFile {
    fn drop(&mut self) {
        if !self.published {
            remove_with_journals(&self.path);
        }
    }
}

fn remove_with_journals(path: &Path) {
    let _ = std::fs::remove_file(path);
    remove_journals(path);
}

fn remove_journals(path: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}
