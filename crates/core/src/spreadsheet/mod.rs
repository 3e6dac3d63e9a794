//! Plans in spreadsheets: XLSX and ODS workbooks (read with calamine) and CSV files
//! read into a plan, and the template a planner fills in (written with
//! rust_xlsxwriter). The README's "Spreadsheets" section is the layout's specification;
//! [`layout`] is its one definition in code.
//!
//! An import is all or nothing: the first problem is named by its sheet, row and column
//! (`Plan!G14: status "actve" is not one of proposed, active, done, dropped`) and no
//! plan is made.

mod cells;
mod grid;
pub mod layout;
mod read;
mod summary;
mod write;

use std::path::{Path, PathBuf};

pub use grid::WorkbookKind;
pub use summary::SheetImportSummary;
pub use write::{example_plan, template_csv, template_xlsx};

use crate::error::{Error, Result};
use crate::graph::PlanGraph;

use self::grid::{Grid, read_csv, read_workbook};
use self::layout::{ALLOCATIONS_SHEET, PLAN_SHEET, SETTINGS_SHEET};
use self::read::{Sheets, read_plan};

/// The spreadsheet files a plan is imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetFormat {
    Workbook(WorkbookKind),
    Csv,
}

impl SheetFormat {
    /// The format a file name asks for (`plan.XLSX`, `plan.ods`, `plan.csv`).
    pub fn of(path: &Path) -> Option<SheetFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "xlsx" => Some(SheetFormat::Workbook(WorkbookKind::Xlsx)),
            "ods" => Some(SheetFormat::Workbook(WorkbookKind::Ods)),
            "csv" => Some(SheetFormat::Csv),
            _ => None,
        }
    }
}

/// Where the allocations of a plan kept as CSV are: beside it, named after its stem
/// (`q3.csv` -> `q3-allocations.csv`), as the CSV report names its allocations.
pub fn allocations_csv_path(path: &Path) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!("{stem}-allocations.csv"))
}

/// Reads a spreadsheet file (its format by its extension) into a checked plan, named
/// after the file unless a Settings sheet names it, and says what became of its rows.
pub fn import_file(path: &Path) -> Result<(PlanGraph, SheetImportSummary)> {
    let Some(format) = SheetFormat::of(path) else {
        return Err(Error::NotASpreadsheet {
            reason: format!("{}: name the file *.xlsx, *.ods or *.csv", path.display()),
        });
    };
    let default_name = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .filter(|stem| !stem.trim().is_empty())
        .unwrap_or_else(|| "Imported plan".to_owned());
    let bytes = std::fs::read(path).map_err(|source| Error::io(path, source))?;
    match format {
        SheetFormat::Workbook(kind) => {
            let grids = read_workbook(bytes, kind)?;
            let (plan, mut summary) = import_grids(&grids, &default_name)?;
            summary.source = format!("an {} workbook", kind.label());
            Ok((plan, summary))
        }
        SheetFormat::Csv => {
            let name = file_name(path);
            let nodes = read_csv(&bytes, &name)?;
            let companion = allocations_csv_path(path);
            let allocations = match std::fs::read(&companion) {
                Ok(bytes) => Some(read_csv(&bytes, &file_name(&companion))?),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
                Err(source) => return Err(Error::io(companion, source)),
            };
            let sheets = Sheets {
                plan: &nodes,
                allocations: allocations.as_ref(),
                settings: None,
            };
            let (plan, mut summary) = read_plan(&sheets, &default_name)?;
            summary.source = if allocations.is_some() {
                format!("a CSV file and {}", file_name(&companion))
            } else {
                "a CSV file (no allocations file beside it)".to_owned()
            };
            Ok((plan, summary))
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The layout's sheets among a workbook's: Plan and Allocations must be there,
/// Settings may be; any other sheet is left alone (notes, pivot tables, charts).
fn import_grids(grids: &[Grid], default_name: &str) -> Result<(PlanGraph, SheetImportSummary)> {
    let find = |name: &str| {
        grids
            .iter()
            .find(|grid| grid.sheet.trim().eq_ignore_ascii_case(name))
    };
    let names: Vec<&str> = grids.iter().map(|grid| grid.sheet.as_str()).collect();
    let missing = |name: &str| Error::NotASpreadsheet {
        reason: format!(
            "the workbook has no sheet named {name:?} (its sheets are {}); start from `throughline template`",
            names
                .iter()
                .map(|name| format!("{name:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let plan = find(PLAN_SHEET).ok_or_else(|| missing(PLAN_SHEET))?;
    let allocations = find(ALLOCATIONS_SHEET).ok_or_else(|| missing(ALLOCATIONS_SHEET))?;
    let sheets = Sheets {
        plan,
        allocations: Some(allocations),
        settings: find(SETTINGS_SHEET),
    };
    read_plan(&sheets, default_name)
}

#[cfg(test)]
mod tests;
