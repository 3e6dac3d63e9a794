//! Writing plan files: the file type from the name, and never a half-written or
//! silently replaced file.
//!
//! Policy: an existing output file is refused unless `--force` is given, for JSON and
//! `.throughline` alike, because a plan file is someone's work; and a plan file that
//! is open for editing is never replaced, `--force` or not. The core writes every
//! file in full under a temporary name and moves it into place in one step, so a
//! failure or a kill leaves either nothing or the old file.

use std::path::Path;

use anyhow::bail;
use throughline_core::PlanGraph;
use throughline_core::files::{write_atomically, write_new};
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
    write_text(path, text, force)
}

/// Writes a finished file of any format whole, never half, nor over an existing file
/// without `force`.
pub fn write_text(path: &Path, text: &str, force: bool) -> anyhow::Result<()> {
    write_bytes(path, text.as_bytes(), force)
}

/// [`write_text`] for a file that is not text (a workbook).
pub fn write_bytes(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    check_target(path, force)?;
    if force {
        write_atomically(path, bytes)?;
    } else {
        write_new(path, bytes)?;
    }
    Ok(())
}

/// A plan file is replaced only when nobody has it open: the store refuses otherwise,
/// since the edits its editor confirms afterwards would go into a file nobody sees.
fn write_store(path: &Path, plan: &PlanGraph, force: bool) -> anyhow::Result<()> {
    if force {
        let kept = Store::replace(path, plan)?;
        if !kept.is_empty() {
            eprintln!(
                "kept the baselines of the plan it replaced: {}",
                kept.iter()
                    .map(|name| throughline_core::text::quoted(name))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    } else {
        drop(Store::create(path, plan)?);
    }
    Ok(())
}

/// Prints finished text to standard output; a reader that stopped early (`| head`) is
/// not a failure.
pub fn print_to_stdout(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(anyhow::Error::new(error).context("cannot write to standard output")),
    }
}
