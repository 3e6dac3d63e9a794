//! A sheet's cells as the import reads them, whatever file they came from: a workbook
//! read by calamine (XLSX, ODS) or a CSV file. Positions are the spreadsheet's own
//! (row 0 is row 1), so every message names the cell a planner sees.

use std::io::Cursor;

use calamine::{Data, Ods, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::text::Literal;

use super::layout::cell_place;

/// One cell's content, with the types a spreadsheet tells apart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    /// A date with a time of day, or a duration, said for a message: never what a
    /// plan's field holds.
    DateTime(String),
    Bool(bool),
    /// An error value such as `#N/A` or `#REF!`.
    Error(String),
}

impl Value {
    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

/// One sheet: its name (for a CSV file, the file's name) and its cells by row.
#[derive(Debug, Clone)]
pub(crate) struct Grid {
    pub(crate) sheet: String,
    pub(crate) rows: Vec<Vec<Value>>,
}

impl Grid {
    pub(crate) fn cell(&self, row: usize, column: usize) -> &Value {
        self.rows
            .get(row)
            .and_then(|cells| cells.get(column))
            .unwrap_or(&Value::Empty)
    }

    pub(crate) fn place(&self, row: usize, column: usize) -> String {
        cell_place(&self.sheet, row, column)
    }

    /// An error about the cell at `row`, `column`.
    pub(crate) fn error(&self, row: usize, column: usize, message: impl Into<String>) -> Error {
        Error::field(self.place(row, column), message)
    }

    pub(crate) fn row_is_empty(&self, row: usize) -> bool {
        self.rows
            .get(row)
            .is_none_or(|cells| cells.iter().all(Value::is_empty))
    }
}

/// The kinds of workbook the import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkbookKind {
    Xlsx,
    Ods,
}

impl WorkbookKind {
    pub fn label(self) -> &'static str {
        match self {
            WorkbookKind::Xlsx => "XLSX",
            WorkbookKind::Ods => "ODS",
        }
    }
}

/// Every sheet of a workbook, in the workbook's order, or why it cannot be read. A
/// cell holding a formula is refused here: the import takes values, and a formula's
/// value is whatever the program that last saved it computed.
pub(crate) fn read_workbook(bytes: Vec<u8>, kind: WorkbookKind) -> Result<Vec<Grid>> {
    match kind {
        WorkbookKind::Xlsx => {
            let workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
                .map_err(|error| not_a_workbook(kind, &error))?;
            read_sheets(workbook, kind)
        }
        WorkbookKind::Ods => {
            let workbook: Ods<_> = open_workbook_from_rs(Cursor::new(bytes))
                .map_err(|error| not_a_workbook(kind, &error))?;
            read_sheets(workbook, kind)
        }
    }
}

fn not_a_workbook(kind: WorkbookKind, error: &dyn std::fmt::Display) -> Error {
    Error::NotASpreadsheet {
        reason: format!(
            "the file cannot be read as an {} workbook ({error}); it may be damaged, cut short, or of another kind",
            kind.label()
        ),
    }
}

fn read_sheets<RS, R>(mut workbook: R, kind: WorkbookKind) -> Result<Vec<Grid>>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let names = workbook.sheet_names();
    let mut grids = Vec::with_capacity(names.len());
    for sheet in names {
        let range = workbook
            .worksheet_range(&sheet)
            .map_err(|error| not_a_workbook(kind, &error))?;
        let formulas = workbook
            .worksheet_formula(&sheet)
            .map_err(|error| not_a_workbook(kind, &error))?;
        if let Some((row, column, formula)) = formulas
            .used_cells()
            .find(|(_, _, formula)| !formula.trim().is_empty())
        {
            let (top, left) = formulas.start().unwrap_or((0, 0));
            return Err(Error::field(
                cell_place(&sheet, top as usize + row, left as usize + column),
                format!(
                    "the cell holds a formula ({}); the import takes values only: type the value itself (copy the cell, then paste values only)",
                    Literal(&format!("={}", formula.trim_start_matches('=')))
                ),
            ));
        }
        let mut rows: Vec<Vec<Value>> = Vec::new();
        if let Some((top, left)) = range.start() {
            let (top, left) = (top as usize, left as usize);
            for (row, column, data) in range.used_cells() {
                let (row, column) = (top + row, left + column);
                if rows.len() <= row {
                    rows.resize_with(row + 1, Vec::new);
                }
                let cells = &mut rows[row];
                if cells.len() <= column {
                    cells.resize(column + 1, Value::Empty);
                }
                cells[column] = value_of(data);
            }
        }
        grids.push(Grid { sheet, rows });
    }
    Ok(grids)
}

fn value_of(data: &Data) -> Value {
    match data {
        Data::Empty => Value::Empty,
        Data::String(text) => Value::Text(text.clone()),
        Data::Float(number) => Value::Number(*number),
        Data::Int(number) => Value::Number(*number as f64),
        Data::Bool(flag) => Value::Bool(*flag),
        Data::Error(error) => Value::Error(format!("{error:?}")),
        Data::DateTime(moment) if moment.is_datetime() => {
            let (year, month, day, hour, minute, second, milli) = moment.to_ymd_hms_milli();
            let date = NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day));
            match date {
                Some(date) if (hour, minute, second, milli) == (0, 0, 0, 0) => Value::Date(date),
                _ => Value::DateTime(format!(
                    "the date and time {year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}"
                )),
            }
        }
        Data::DateTime(moment) => {
            Value::DateTime(format!("a duration of {} days", moment.as_f64()))
        }
        Data::DateTimeIso(text) => match crate::interchange::parse_date(text) {
            Ok(date) => Value::Date(date),
            Err(_) => Value::DateTime(format!("the date and time {text}")),
        },
        Data::DurationIso(text) => Value::DateTime(format!("a duration of {text}")),
    }
}

/// A CSV file as one sheet named `name`; every cell is text, as CSV has no types.
pub(crate) fn read_csv(bytes: &[u8], name: &str) -> Result<Grid> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for (at, record) in reader.records().enumerate() {
        let record = record.map_err(|error| {
            let line = error
                .position()
                .map_or(at + 1, |position| position.line() as usize);
            Error::field(
                format!("{name}, line {line}"),
                format!("not readable as CSV ({error})"),
            )
        })?;
        rows.push(
            record
                .iter()
                .map(|cell| {
                    if cell.is_empty() {
                        Value::Empty
                    } else {
                        Value::Text(cell.to_owned())
                    }
                })
                .collect(),
        );
    }
    Ok(Grid {
        sheet: name.to_owned(),
        rows,
    })
}
