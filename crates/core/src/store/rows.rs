//! The plan as rows: writing a whole plan, writing the effect of one edit, and reading
//! the plan back in the order it was written.
//!
//! Nothing here checks the rules: edits reach this module only after
//! [`crate::graph::PlanGraph::apply`] accepted them, and a plan read back goes through
//! [`crate::graph::PlanGraph::from_plan`] before anyone trusts it.

use std::borrow::Cow;
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, ErrorCode, OptionalExtension, Row, Statement, params};

use crate::error::{Error, Result};
use crate::graph::{Edit, LinkRef, PlanBuilder};
use crate::interchange::parse_date;
use crate::model::{
    Acceptance, Link, LinkKind, Node, NodeKind, Plan, PlanSettings, ResourceType, Review, Status,
};

/// A node goes back to the place it had if it was removed in this session, else last.
const INSERT_NODE: &str = "INSERT INTO nodes (seq, id, kind, title, why, owner, team, status, \
     target_date, last_reviewed, notes, resource_type, capacity, unit, reviews) \
     VALUES ((SELECT seq FROM temp.retired_nodes WHERE id = ?1), \
     ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";

const UPDATE_NODE: &str = "UPDATE nodes SET kind = ?2, title = ?3, why = ?4, owner = ?5, \
     team = ?6, status = ?7, target_date = ?8, last_reviewed = ?9, notes = ?10, \
     resource_type = ?11, capacity = ?12, unit = ?13, reviews = ?14 WHERE id = ?1";

/// Like [`INSERT_NODE`], a link goes back to its old place if it had one.
const INSERT_LINK: &str = "INSERT INTO links (seq, kind, from_id, to_id, amount, why) \
     VALUES ((SELECT seq FROM temp.retired_links \
     WHERE kind = ?1 AND from_id = ?2 AND to_id = ?3), ?1, ?2, ?3, ?4, ?5)";

/// A whole plan is written into empty tables, so every row simply goes last.
const BULK_INSERT_NODE: &str = "INSERT INTO nodes (id, kind, title, why, owner, team, status, \
     target_date, last_reviewed, notes, resource_type, capacity, unit, reviews) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";

const BULK_INSERT_LINK: &str =
    "INSERT INTO links (kind, from_id, to_id, amount, why) VALUES (?1, ?2, ?3, ?4, ?5)";

const LINK_WHERE: &str = "kind = ?1 AND from_id = ?2 AND to_id = ?3";

const SELECT_NODES: &str = "SELECT seq, id, kind, title, why, owner, team, status, target_date, \
     last_reviewed, notes, resource_type, capacity, unit, reviews FROM nodes ORDER BY seq";

const SELECT_LINKS: &str = "SELECT seq, kind, from_id, to_id, amount, why FROM links ORDER BY seq";

/// Writes a whole plan into empty tables, nodes and links in the plan's order.
pub(crate) fn write_plan(connection: &Connection, plan: &Plan) -> Result<()> {
    connection.execute(
        "INSERT INTO plan (id, name, review_cadence_days) VALUES (1, ?1, ?2)",
        params![plan.name, plan.review_cadence_days],
    )?;
    let mut insert_node = connection.prepare(BULK_INSERT_NODE)?;
    for node in &plan.nodes {
        execute_node(&mut insert_node, node)?;
    }
    let mut insert_link = connection.prepare(BULK_INSERT_LINK)?;
    for link in &plan.links {
        execute_link(&mut insert_link, link)?;
    }
    write_acceptances(connection, &plan.accepted)
}

/// Writes the accepted findings into an empty table, in their order.
fn write_acceptances(connection: &Connection, accepted: &[Acceptance]) -> Result<()> {
    let mut insert = connection.prepare_cached(
        "INSERT INTO accepted (rule, node_id, reason, until) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for acceptance in accepted {
        insert.execute(params![
            acceptance.rule.as_str(),
            acceptance.node,
            acceptance.reason,
            acceptance.until.map(date_text)
        ])?;
    }
    Ok(())
}

/// Writes what an accepted edit changed. `path` names the file in errors.
pub(crate) fn write_edit(connection: &Connection, edit: &Edit, path: &Path) -> Result<()> {
    match edit {
        Edit::AddNode { node } => {
            execute_node(&mut *connection.prepare_cached(INSERT_NODE)?, node)?;
            connection
                .prepare_cached("DELETE FROM temp.retired_nodes WHERE id = ?1")?
                .execute([&node.id])?;
        }
        Edit::UpdateNode { node } => {
            let changed = execute_node(&mut *connection.prepare_cached(UPDATE_NODE)?, node)?;
            expect_one_row(changed, path, || format!("node {:?}", node.id))?;
        }
        Edit::RemoveNode { id } => {
            connection
                .prepare_cached(
                    "INSERT OR REPLACE INTO temp.retired_links (kind, from_id, to_id, seq) \
                     SELECT kind, from_id, to_id, seq FROM links WHERE from_id = ?1 \
                     UNION ALL \
                     SELECT kind, from_id, to_id, seq FROM links WHERE to_id = ?1",
                )?
                .execute([id])?;
            connection
                .prepare_cached(
                    "INSERT OR REPLACE INTO temp.retired_nodes (id, seq) \
                     SELECT id, seq FROM nodes WHERE id = ?1",
                )?
                .execute([id])?;
            // The links touching the node go with it (ON DELETE CASCADE).
            let changed = connection
                .prepare_cached("DELETE FROM nodes WHERE id = ?1")?
                .execute([id])?;
            expect_one_row(changed, path, || format!("node {id:?}"))?;
        }
        Edit::AddLink { link } => {
            execute_link(&mut *connection.prepare_cached(INSERT_LINK)?, link)?;
            connection
                .prepare_cached(&format!(
                    "DELETE FROM temp.retired_links WHERE {LINK_WHERE}"
                ))?
                .execute(params![link.kind.as_str(), link.from, link.to])?;
        }
        Edit::UpdateLink { link } => {
            let changed = connection
                .prepare_cached(&format!(
                    "UPDATE links SET amount = ?4, why = ?5 WHERE {LINK_WHERE}"
                ))?
                .execute(params![
                    link.kind.as_str(),
                    link.from,
                    link.to,
                    link.amount,
                    link.why
                ])?;
            expect_one_row(changed, path, || link.key().to_string())?;
        }
        Edit::RemoveLink { key } => {
            let key_params = params![key.kind.as_str(), key.from, key.to];
            connection
                .prepare_cached(&format!(
                    "INSERT OR REPLACE INTO temp.retired_links (kind, from_id, to_id, seq) \
                     SELECT kind, from_id, to_id, seq FROM links WHERE {LINK_WHERE}"
                ))?
                .execute(key_params)?;
            let changed = connection
                .prepare_cached(&format!("DELETE FROM links WHERE {LINK_WHERE}"))?
                .execute(key_params)?;
            expect_one_row(changed, path, || key.to_string())?;
        }
        Edit::SetAcceptances { accepted } => {
            connection.execute("DELETE FROM accepted", [])?;
            write_acceptances(connection, accepted)?;
        }
        Edit::UpdateSettings { settings } => {
            let changed = connection
                .prepare_cached("UPDATE plan SET name = ?1, review_cadence_days = ?2 WHERE id = 1")?
                .execute(params![settings.name, settings.review_cadence_days])?;
            expect_one_row(changed, path, || "the plan settings".to_owned())?;
        }
        Edit::Batch { edits } => {
            for edit in edits {
                write_edit(connection, edit, path)?;
            }
        }
    }
    Ok(())
}

/// The in-memory plan and the file disagree (another program changed the file): the
/// edit must not be written over a state nobody checked.
fn expect_one_row(changed: usize, path: &Path, what: impl FnOnce() -> String) -> Result<()> {
    if changed == 1 {
        Ok(())
    } else {
        Err(Error::Corrupt {
            path: path.to_owned(),
            detail: format!(
                "{} is missing from the file though the open plan has it; was the file changed by another program?",
                what()
            ),
        })
    }
}

fn execute_node(statement: &mut Statement<'_>, node: &Node) -> Result<usize> {
    Ok(statement.execute(params![
        node.id,
        node.kind.as_str(),
        node.title,
        node.why,
        node.owner,
        node.team,
        node.status.as_str(),
        node.target_date.map(date_text),
        node.last_reviewed.map(date_text),
        node.notes,
        node.resource_type.map(ResourceType::as_str),
        node.capacity,
        node.unit,
        reviews_text(&node.reviews),
    ])?)
}

/// The review log as its column holds it: JSON, NULL when empty.
fn reviews_text(reviews: &[Review]) -> Option<String> {
    (!reviews.is_empty())
        .then(|| serde_json::to_string(reviews).expect("a review log always serializes: no maps"))
}

fn execute_link(statement: &mut Statement<'_>, link: &Link) -> Result<usize> {
    Ok(statement.execute(params![
        link.kind.as_str(),
        link.from,
        link.to,
        link.amount,
        link.why
    ])?)
}

fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Reads the plan back, handing nodes and then links to `builder` in the order they
/// were written, and returns the settings. A row that holds something this program
/// never writes is reported as damage, naming the row; every row is read even after
/// the builder refused the plan, so that damage is reported before a broken rule.
pub(crate) fn read_plan(
    connection: &Connection,
    path: &Path,
    builder: &mut PlanBuilder,
) -> Result<PlanSettings> {
    let damaged = |detail: String| Error::Corrupt {
        path: path.to_owned(),
        detail,
    };
    let settings = connection
        .query_row(
            "SELECT name, review_cadence_days FROM plan WHERE id = 1",
            [],
            |row| Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?)),
        )
        .optional()
        .map_err(|error| store_error(error, path))?
        .ok_or_else(|| damaged("the plan settings row is missing".to_owned()))?;
    let review_cadence_days = u32::try_from(settings.1).map_err(|_| {
        damaged(format!(
            "review_cadence_days is {}, not a number of days",
            settings.1
        ))
    })?;

    each_row(connection, SELECT_NODES, path, |seq, row| {
        let node = node_of(row)
            .map_err(|problem| damaged(format!("node row {seq}: {}", problem.into_detail())))?;
        builder.add_node(node);
        Ok(())
    })?;

    each_row(connection, SELECT_LINKS, path, |seq, row| {
        let link = link_of(row)
            .map_err(|problem| damaged(format!("link row {seq}: {}", problem.into_detail())))?;
        builder.add_link(LinkRef {
            kind: link.kind,
            from: &link.from,
            to: &link.to,
            amount: link.amount,
            why: link.why,
        });
        Ok(())
    })?;

    let mut accepted = Vec::new();
    each_row(
        connection,
        "SELECT seq, rule, node_id, reason, until FROM accepted ORDER BY seq",
        path,
        |seq, row| {
            let acceptance = acceptance_of(row).map_err(|problem| {
                damaged(format!("accepted row {seq}: {}", problem.into_detail()))
            })?;
            accepted.push(acceptance);
            Ok(())
        },
    )?;
    builder.accept(accepted);

    Ok(PlanSettings {
        name: settings.0,
        review_cadence_days,
    })
}

/// Runs `sql` (whose first column is the row's `seq`) and hands each row to `visit`.
fn each_row(
    connection: &Connection,
    sql: &str,
    path: &Path,
    mut visit: impl FnMut(i64, &Row<'_>) -> Result<()>,
) -> Result<()> {
    let mut statement = connection
        .prepare(sql)
        .map_err(|error| store_error(error, path))?;
    let mut rows = statement
        .query([])
        .map_err(|error| store_error(error, path))?;
    while let Some(row) = rows.next().map_err(|error| store_error(error, path))? {
        let seq: i64 = row.get(0).map_err(|error| store_error(error, path))?;
        visit(seq, row)?;
    }
    Ok(())
}

/// About how many rows a table holds, from its first and last `seq` (no scan); 0 if
/// that cannot be read, which the full read that follows will report.
pub(crate) fn row_count_hint(connection: &Connection, table: &str) -> usize {
    connection
        .query_row(
            // Two subqueries: SQLite finds a lone min() or max() by rowid at once,
            // but scans the table for both in one query.
            &format!(
                "SELECT coalesce((SELECT max(seq) FROM {table}) - (SELECT min(seq) FROM {table}) + 1, 0)"
            ),
            [],
            |row| row.get::<_, i64>(0),
        )
        .ok()
        .and_then(|count| usize::try_from(count).ok())
        .unwrap_or(0)
}

/// What is wrong with one row.
enum RowProblem {
    Sqlite(rusqlite::Error),
    Value(String),
}

impl RowProblem {
    fn into_detail(self) -> String {
        match self {
            RowProblem::Sqlite(error) => error.to_string(),
            RowProblem::Value(detail) => detail,
        }
    }
}

impl From<rusqlite::Error> for RowProblem {
    fn from(error: rusqlite::Error) -> RowProblem {
        RowProblem::Sqlite(error)
    }
}

// Columns that are parsed rather than kept (kinds, statuses, dates) are read in
// place, without a copy; they are read in the same order, and fail the same way, as
// `row.get::<String>` would.

fn node_of(row: &Row<'_>) -> std::result::Result<Node, RowProblem> {
    let id: String = row.get(1)?;
    let kind = text_of(row, 2)?;
    let status = text_of(row, 7)?;
    let resource_type = optional_text_of(row, 11)?;
    Ok(Node {
        kind: parsed("kind", &kind, NodeKind::parse)?,
        title: row.get(3)?,
        why: row.get(4)?,
        owner: row.get(5)?,
        team: row.get(6)?,
        status: parsed("status", &status, Status::parse)?,
        target_date: date_of("target_date", optional_text_of(row, 8)?)?,
        last_reviewed: date_of("last_reviewed", optional_text_of(row, 9)?)?,
        notes: row.get(10)?,
        resource_type: resource_type
            .map(|text| parsed("resource_type", &text, ResourceType::parse))
            .transpose()?,
        capacity: row.get(12)?,
        unit: row.get(13)?,
        reviews: match optional_text_of(row, 14)? {
            None => Vec::new(),
            Some(text) => serde_json::from_str(&text).map_err(|error| {
                RowProblem::Value(format!("reviews: not a review log ({error})"))
            })?,
        },
        id,
    })
}

fn acceptance_of(row: &Row<'_>) -> std::result::Result<Acceptance, RowProblem> {
    let rule = text_of(row, 1)?;
    Ok(Acceptance {
        rule: parsed("rule", &rule, crate::analysis::Rule::parse)?,
        node: row.get(2)?,
        reason: row.get(3)?,
        until: date_of("until", optional_text_of(row, 4)?)?,
    })
}

/// A text column as `row.get::<String>` reads it, borrowed when it can be.
fn text_of<'r>(row: &'r Row<'_>, column: usize) -> rusqlite::Result<Cow<'r, str>> {
    if let Ok(ValueRef::Text(bytes)) = row.get_ref(column)
        && let Ok(text) = std::str::from_utf8(bytes)
    {
        return Ok(Cow::Borrowed(text));
    }
    row.get(column).map(Cow::Owned)
}

/// A nullable text column as `row.get::<Option<String>>` reads it, borrowed when it can be.
fn optional_text_of<'r>(row: &'r Row<'_>, column: usize) -> rusqlite::Result<Option<Cow<'r, str>>> {
    match row.get_ref(column) {
        Ok(ValueRef::Null) => Ok(None),
        _ => text_of(row, column).map(Some),
    }
}

/// A link as read from its row, its ends still in the row.
struct LinkRow<'r> {
    kind: LinkKind,
    from: Cow<'r, str>,
    to: Cow<'r, str>,
    amount: Option<f64>,
    why: Option<String>,
}

fn link_of<'r>(row: &'r Row<'_>) -> std::result::Result<LinkRow<'r>, RowProblem> {
    let kind = text_of(row, 1)?;
    Ok(LinkRow {
        kind: parsed("kind", &kind, LinkKind::parse)?,
        from: text_of(row, 2)?,
        to: text_of(row, 3)?,
        amount: row.get(4)?,
        why: row.get(5)?,
    })
}

fn parsed<T>(
    field: &str,
    text: &str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> std::result::Result<T, RowProblem> {
    parse(text)
        .ok_or_else(|| RowProblem::Value(format!("{field} holds {text:?}, which is not a {field}")))
}

fn date_of(
    field: &str,
    text: Option<Cow<'_, str>>,
) -> std::result::Result<Option<NaiveDate>, RowProblem> {
    text.map(|text| {
        parse_date(&text).map_err(|message| RowProblem::Value(format!("{field}: {message}")))
    })
    .transpose()
}

/// A SQLite error met while reading a plan: damage to the file is [`Error::Corrupt`];
/// anything else (a lock, a permission, a full disk) keeps its own error.
pub(crate) fn store_error(error: rusqlite::Error, path: &Path) -> Error {
    match error.sqlite_error_code() {
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => Error::Corrupt {
            path: path.to_owned(),
            detail: error.to_string(),
        },
        // "no such table", "no such column": the tables are not the ones this schema
        // version has, so someone changed the file by hand.
        Some(ErrorCode::Unknown) => Error::Corrupt {
            path: path.to_owned(),
            detail: error.to_string(),
        },
        _ => Error::Sqlite(error),
    }
}
