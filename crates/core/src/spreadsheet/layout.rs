//! The spreadsheet layout of a plan (README, "Spreadsheets"): which sheets, which
//! columns, in which order the template writes them. Reading and writing both follow
//! these lists, so the template always reads back.

/// The sheet of nodes: one row per node.
pub const PLAN_SHEET: &str = "Plan";
/// The sheet of allocations: one row per resource given to a strategy or initiative.
pub const ALLOCATIONS_SHEET: &str = "Allocations";
/// The optional sheet of plan settings: one row per setting.
pub const SETTINGS_SHEET: &str = "Settings";

/// A column of a sheet: its header and whether a sheet must have it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    pub header: &'static str,
    pub required: bool,
    /// How wide the template makes it, in characters.
    pub(crate) width: f64,
}

const fn column(header: &'static str, width: f64) -> Column {
    Column {
        header,
        required: true,
        width,
    }
}

const fn optional(header: &'static str, width: f64) -> Column {
    Column {
        header,
        required: false,
        width,
    }
}

/// The Plan sheet's columns, as the template writes them. `notes` may be left out.
pub const NODE_COLUMNS: [Column; 14] = [
    column("id", 14.0),
    column("kind", 12.0),
    column("title", 36.0),
    column("why", 40.0),
    column("owner", 16.0),
    column("team", 16.0),
    column("status", 10.0),
    column("target_date", 12.0),
    column("last_reviewed", 13.0),
    column("supports", 20.0),
    column("resource_type", 13.0),
    column("capacity", 10.0),
    column("unit", 8.0),
    optional("notes", 30.0),
];

/// The Allocations sheet's columns; `why` may be left out.
pub const ALLOCATION_COLUMNS: [Column; 4] = [
    column("resource", 16.0),
    column("to", 16.0),
    column("amount", 10.0),
    optional("why", 40.0),
];

/// The Settings sheet's two columns.
pub const SETTING_COLUMNS: [Column; 2] = [column("setting", 22.0), column("value", 30.0)];

/// The settings a Settings sheet may name.
pub const SETTING_NAME: &str = "name";
pub const SETTING_REVIEW_CADENCE: &str = "review_cadence_days";

/// How the ids in a `supports` cell are separated.
pub const ID_SEPARATORS: [char; 3] = [',', ';', '\n'];

/// A header as written, made comparable: `Target date`, `target_date` and
/// ` TARGET DATE ` are one column.
pub(crate) fn normalize_header(text: &str) -> String {
    text.trim()
        .split(|c: char| c.is_whitespace() || c == '_')
        .filter(|part| !part.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("_")
}

/// A column's letters as a spreadsheet names them: 0 is A, 25 is Z, 26 is AA.
pub fn column_letters(index: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = index + 1;
    while rest > 0 {
        let digit = (rest - 1) % 26;
        letters.push(b'A' + digit as u8);
        rest = (rest - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// A cell's place as a spreadsheet writes it: `Plan!G14` (`row` and `column` from 0).
pub fn cell_place(sheet: &str, row: usize, column: usize) -> String {
    format!("{sheet}!{}{}", column_letters(column), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_letter_them() {
        for (index, letters) in [
            (0, "A"),
            (6, "G"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (701, "ZZ"),
            (702, "AAA"),
        ] {
            assert_eq!(column_letters(index), letters, "column {index}");
        }
        assert_eq!(cell_place("Plan", 13, 3), "Plan!D14");
    }

    #[test]
    fn headers_match_whatever_their_case_and_spacing() {
        for written in [
            "target_date",
            "Target date",
            "  TARGET   DATE ",
            "target__date",
        ] {
            assert_eq!(normalize_header(written), "target_date", "{written:?}");
        }
    }
}
