//! Plans kept by other tools: an ArchiMate exchange file or a spreadsheet, told apart by
//! the file's extension. The CLI's `import` and the app's File > Import both come here,
//! so they accept the same files and say the same things about them.

use std::fmt;
use std::path::Path;

use crate::archimate;
use crate::error::{Error, Result};
use crate::graph::PlanGraph;
use crate::spreadsheet::{self, SheetFormat, SheetImportSummary};

/// The kinds of file an import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForeignFormat {
    ArchiMate,
    Sheet(SheetFormat),
}

impl ForeignFormat {
    /// The format a file name asks for, or `None` for anything else (a JSON plan, a
    /// plan file).
    pub fn of(path: &Path) -> Option<ForeignFormat> {
        if path
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("xml"))
        {
            return Some(ForeignFormat::ArchiMate);
        }
        SheetFormat::of(path).map(ForeignFormat::Sheet)
    }
}

/// What an import did, in the words of its format.
#[derive(Debug, Clone, PartialEq)]
pub enum Imported {
    ArchiMate(archimate::ImportSummary),
    Sheet(SheetImportSummary),
}

impl fmt::Display for Imported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Imported::ArchiMate(summary) => summary.fmt(f),
            Imported::Sheet(summary) => summary.fmt(f),
        }
    }
}

/// Reads an ArchiMate exchange file or a spreadsheet into a checked plan, all or
/// nothing, and says what became of its contents. Errors name the file.
pub fn import_file(path: &Path) -> Result<(PlanGraph, Imported)> {
    let imported = match ForeignFormat::of(path) {
        Some(ForeignFormat::ArchiMate) => {
            let text = std::fs::read_to_string(path).map_err(|source| Error::io(path, source))?;
            archimate::import(&text).map(|(plan, summary)| (plan, Imported::ArchiMate(summary)))
        }
        Some(ForeignFormat::Sheet(_)) => {
            spreadsheet::import_file(path).map(|(plan, summary)| (plan, Imported::Sheet(summary)))
        }
        None => Err(Error::NotASpreadsheet {
            reason: "import reads ArchiMate exchange files (*.xml) and spreadsheets (*.xlsx, *.ods, *.csv)"
                .to_owned(),
        }),
    };
    imported.map_err(|error| match error {
        Error::Io { .. } => error,
        other => other.at(path.display().to_string()),
    })
}
