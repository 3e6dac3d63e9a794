//! Sheets into a checked plan, all or nothing: every row is read and every rule is
//! checked before anything is written, and the first problem is named by its cell.

use std::collections::{BTreeMap, HashMap};

use crate::error::{Error, Result};
use crate::graph::{PlanGraph, check_node};
use crate::model::{DEFAULT_REVIEW_CADENCE_DAYS, Link, Node, PlanSettings};
use crate::text::Literal;

use super::cells::{Cell, number_text};
use super::grid::{Grid, Value};
use super::layout::{
    ALLOCATION_COLUMNS, Column, NODE_COLUMNS, SETTING_COLUMNS, SETTING_NAME,
    SETTING_REVIEW_CADENCE, normalize_header,
};
use super::summary::SheetImportSummary;

/// The sheets of one import: nodes, and optionally allocations and settings.
#[derive(Debug)]
pub(crate) struct Sheets<'g> {
    pub(crate) plan: &'g Grid,
    pub(crate) allocations: Option<&'g Grid>,
    pub(crate) settings: Option<&'g Grid>,
}

/// Which column of the sheet holds each of the layout's columns (by the layout's order).
struct Header<'g> {
    grid: &'g Grid,
    columns: Vec<Option<usize>>,
    layout: &'static [Column],
}

impl<'g> Header<'g> {
    /// Reads row 1: every header must be one of the layout's, once, and every required
    /// one must be there.
    fn read(grid: &'g Grid, layout: &'static [Column]) -> Result<Header<'g>> {
        let names: Vec<&str> = layout.iter().map(|column| column.header).collect();
        if grid.row_is_empty(0) {
            return Err(Error::field(
                format!("{} row 1", grid.sheet),
                format!(
                    "the first row names the columns, and it is empty; the columns are {}",
                    names.join(", ")
                ),
            ));
        }
        let mut columns = vec![None; layout.len()];
        let width = grid.rows.first().map_or(0, Vec::len);
        for at in 0..width {
            let value = grid.cell(0, at);
            if value.is_empty() {
                continue;
            }
            let written = match value {
                Value::Text(text) => text.clone(),
                _ => {
                    return Err(grid.error(
                        0,
                        at,
                        "a column's header is text naming the column".to_owned(),
                    ));
                }
            };
            let normalized = normalize_header(&written);
            let Some(index) = layout.iter().position(|column| column.header == normalized) else {
                return Err(grid.error(
                    0,
                    at,
                    format!(
                        "unknown column {}; the {} sheet's columns are {}",
                        Literal(&written),
                        grid.sheet,
                        names.join(", ")
                    ),
                ));
            };
            if let Some(first) = columns[index] {
                return Err(grid.error(
                    0,
                    at,
                    format!(
                        "column {} appears twice (first at {})",
                        layout[index].header,
                        grid.place(0, first)
                    ),
                ));
            }
            columns[index] = Some(at);
        }
        let missing: Vec<&str> = layout
            .iter()
            .zip(&columns)
            .filter(|(column, found)| column.required && found.is_none())
            .map(|(column, _)| column.header)
            .collect();
        if !missing.is_empty() {
            return Err(Error::field(
                format!("{} row 1", grid.sheet),
                format!(
                    "missing column{} {}; the {} sheet's columns are {}",
                    if missing.len() == 1 { "" } else { "s" },
                    missing.join(", "),
                    grid.sheet,
                    names.join(", ")
                ),
            ));
        }
        Ok(Header {
            grid,
            columns,
            layout,
        })
    }

    /// The cell of column `header` on `row`; `None` if the sheet leaves the column out.
    fn cell(&self, row: usize, header: &'static str) -> Option<Cell<'g>> {
        let index = self
            .layout
            .iter()
            .position(|column| column.header == header)?;
        self.columns[index].map(|column| Cell {
            grid: self.grid,
            row,
            column,
            header,
        })
    }

    /// The cell of a column the header check made sure of.
    fn required(&self, row: usize, header: &'static str) -> Cell<'g> {
        self.cell(row, header).unwrap_or(Cell {
            grid: self.grid,
            row,
            column: 0,
            header,
        })
    }

    /// The rows below the header that hold anything, and how many empty ones lie
    /// between them (empty rows after the last filled one are not counted).
    fn data_rows(&self) -> (Vec<usize>, usize) {
        let rows: Vec<usize> = (1..self.grid.rows.len())
            .filter(|&row| !self.grid.row_is_empty(row))
            .collect();
        let empty = rows.last().map_or(0, |&last| last - rows.len());
        (rows, empty)
    }
}

/// A node as read from its row, with the cells its links came from.
struct NodeRow<'g> {
    node: Node,
    supports: Vec<String>,
    supports_cell: Cell<'g>,
}

fn read_node<'g>(header: &Header<'g>, row: usize) -> Result<NodeRow<'g>> {
    let text = |name| match header.cell(row, name) {
        Some(cell) => cell.text(),
        None => Ok(None),
    };
    let id_cell = header.required(row, "id");
    let kind = header.required(row, "kind").kind()?;
    let node = Node {
        id: id_cell.required_text()?,
        kind,
        title: header.required(row, "title").required_text()?,
        why: text("why")?,
        owner: text("owner")?,
        team: text("team")?,
        status: header.required(row, "status").status()?.unwrap_or_default(),
        target_date: header.required(row, "target_date").date()?,
        last_reviewed: header.required(row, "last_reviewed").date()?,
        reviews: Vec::new(),
        notes: text("notes")?,
        resource_type: header.required(row, "resource_type").resource_type()?,
        capacity: header.required(row, "capacity").number()?,
        unit: text("unit")?,
    };
    let supports_cell = header.required(row, "supports");
    let supports = supports_cell.ids()?;
    // The field rules of a node on its own, reported at the cell of the field.
    check_node(&node).map_err(|error| at_field(header, row, error))?;
    Ok(NodeRow {
        node,
        supports,
        supports_cell,
    })
}

/// A field error of [`check_node`] (`field "capacity": ...`) placed at that field's cell.
fn at_field(header: &Header<'_>, row: usize, error: Error) -> Error {
    if let Error::InvalidField { place, message } = &error {
        let field = place.trim_start_matches("field ").trim_matches('"');
        if let Some(cell) = NODE_COLUMNS
            .iter()
            .find(|column| column.header == field)
            .and_then(|column| header.cell(row, column.header))
        {
            return header
                .grid
                .error(row, cell.column, format!("{field}: {message}"));
        }
    }
    error.at(format!("{} row {}", header.grid.sheet, row + 1))
}

/// Reads the sheets into a plan named `default_name` unless the Settings sheet names it.
pub(crate) fn read_plan(
    sheets: &Sheets<'_>,
    default_name: &str,
) -> Result<(PlanGraph, SheetImportSummary)> {
    let settings = match sheets.settings {
        Some(grid) => read_settings(grid, default_name)?,
        None => PlanSettings {
            name: default_name.to_owned(),
            review_cadence_days: DEFAULT_REVIEW_CADENCE_DAYS,
        },
    };
    let mut summary = SheetImportSummary::new(settings.name.clone());
    let mut plan = PlanGraph::new(settings)?;

    let header = Header::read(sheets.plan, &NODE_COLUMNS)?;
    let (rows, empty) = header.data_rows();
    summary.empty_rows += empty;
    let mut read = Vec::with_capacity(rows.len());
    let mut first_row_of: HashMap<String, usize> = HashMap::with_capacity(rows.len());
    for row in rows {
        let node_row = read_node(&header, row)?;
        if let Some(&first) = first_row_of.get(&node_row.node.id) {
            return Err(header.required(row, "id").grid.error(
                row,
                header.required(row, "id").column,
                format!(
                    "id {} is already used on row {}; every node needs its own id",
                    Literal(&node_row.node.id),
                    first + 1
                ),
            ));
        }
        first_row_of.insert(node_row.node.id.clone(), row);
        *summary.nodes.entry(node_row.node.kind).or_default() += 1;
        plan.add_node(node_row.node.clone())
            .map_err(|error| error.at(format!("{} row {}", sheets.plan.sheet, row + 1)))?;
        read.push(node_row);
    }
    for node_row in &read {
        for target in &node_row.supports {
            let cell = node_row.supports_cell;
            plan.add_link(Link::supports(node_row.node.id.clone(), target.clone()))
                .map_err(|error| {
                    cell.grid
                        .error(cell.row, cell.column, link_message(&error, target))
                })?;
            summary.supports += 1;
        }
    }
    if let Some(grid) = sheets.allocations {
        read_allocations(grid, &mut plan, &mut summary)?;
    }
    Ok((plan, summary))
}

/// A link's refusal as a cell's message: an unknown node said plainly, the rest as the
/// plan's rules say them.
fn link_message(error: &Error, target: &str) -> String {
    match error {
        Error::UnknownNode { id } if id == target => {
            format!("supports {}, but no row has that id", Literal(target))
        }
        other => other.to_string(),
    }
}

fn read_allocations(
    grid: &Grid,
    plan: &mut PlanGraph,
    summary: &mut SheetImportSummary,
) -> Result<()> {
    let header = Header::read(grid, &ALLOCATION_COLUMNS)?;
    let (rows, empty) = header.data_rows();
    summary.empty_rows += empty;
    for row in rows {
        let resource_cell = header.required(row, "resource");
        let to_cell = header.required(row, "to");
        let amount_cell = header.required(row, "amount");
        let resource = resource_cell.required_text()?;
        let to = to_cell.required_text()?;
        let Some(amount) = amount_cell.number()? else {
            return Err(grid.error(
                row,
                amount_cell.column,
                "amount is required: how much of the resource's capacity it gives (0 or more)",
            ));
        };
        for (cell, id) in [(resource_cell, &resource), (to_cell, &to)] {
            if plan.node(id).is_none() {
                return Err(grid.error(
                    row,
                    cell.column,
                    format!(
                        "{} {} is not the id of any row of the Plan sheet",
                        cell.header,
                        Literal(id)
                    ),
                ));
            }
        }
        let why = match header.cell(row, "why") {
            Some(cell) => cell.text()?,
            None => None,
        };
        let link = Link {
            why,
            ..Link::allocates(resource, to, amount)
        };
        // An amount the rules refuse is the amount's cell; anything else (kinds that
        // may not be linked, a duplicate) is about what it is given to.
        plan.add_link(link).map_err(|error| {
            let cell = match error {
                Error::InvalidField { .. } => amount_cell,
                _ => to_cell,
            };
            grid.error(row, cell.column, error.to_string())
        })?;
        summary.allocates += 1;
    }
    Ok(())
}

fn read_settings(grid: &Grid, default_name: &str) -> Result<PlanSettings> {
    let header = Header::read(grid, &SETTING_COLUMNS)?;
    let mut settings = PlanSettings {
        name: default_name.to_owned(),
        review_cadence_days: DEFAULT_REVIEW_CADENCE_DAYS,
    };
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for row in header.data_rows().0 {
        let setting_cell = header.required(row, "setting");
        let value_cell = header.required(row, "value");
        let setting = setting_cell.required_text()?;
        if let Some(first) = seen.insert(setting.clone(), row) {
            return Err(grid.error(
                row,
                setting_cell.column,
                format!(
                    "setting {} is already given on row {}",
                    Literal(&setting),
                    first + 1
                ),
            ));
        }
        match setting.as_str() {
            SETTING_NAME => settings.name = value_cell.required_text()?,
            SETTING_REVIEW_CADENCE => {
                let days = value_cell.number()?.unwrap_or(0.0);
                if days.fract() != 0.0 || !(1.0..=f64::from(u32::MAX)).contains(&days) {
                    return Err(grid.error(
                        row,
                        value_cell.column,
                        format!(
                            "review_cadence_days is a whole number of days, 1 or more; got {}",
                            number_text(days)
                        ),
                    ));
                }
                settings.review_cadence_days = days as u32;
            }
            _ => {
                return Err(grid.error(
                    row,
                    setting_cell.column,
                    format!(
                        "unknown setting {}; the settings are {SETTING_NAME} and {SETTING_REVIEW_CADENCE}",
                        Literal(&setting)
                    ),
                ));
            }
        }
    }
    Ok(settings)
}
