//! The one error type of the core, with a stable machine-readable code per variant.
//!
//! Messages are written for the person who made the mistake: they name the place
//! (node id, link, field, line and column) and what was expected. The app's UI
//! switches on [`Error::code`], never on message text.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{LinkKey, NodeKind};
use crate::text::{Literal, Quoted};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A field holds something the format does not allow.
    #[error("{place}: {message}")]
    InvalidField { place: String, message: String },

    #[error("node {} does not exist", Literal(id))]
    UnknownNode { id: String },

    #[error("a node with id {} already exists", Literal(id))]
    DuplicateNode { id: String },

    #[error("{link} does not exist")]
    UnknownLink { link: LinkKey },

    #[error("{link}: a node cannot be linked to itself")]
    SelfLink { link: LinkKey },

    #[error("{link}: {} cannot {} {}{}", a(from.label()), verb(link), a(to.label()), allowed_targets(link, *from))]
    WrongKinds {
        link: LinkKey,
        from: NodeKind,
        to: NodeKind,
    },

    #[error("{link} already exists")]
    DuplicateLink { link: LinkKey },

    /// `path` runs from the link's `from` back to itself, by id; `titles` (of `from`
    /// and `to`) say it again for a reader who knows the plan by its titles. Boxed to
    /// keep every `Result` of the crate small.
    #[error(
        "{link} would close a loop: {} ({} already supports {}, directly or through others)",
        path.join(" -> "),
        Quoted(&titles[1]),
        Quoted(&titles[0])
    )]
    Loop {
        link: LinkKey,
        path: Vec<String>,
        titles: Box<[String; 2]>,
    },

    /// The node's kind cannot change while links that the new kind may not have remain.
    #[error("node {} cannot become {}: {link} would no longer be allowed; remove it first", Literal(id), a(to.label()))]
    KindChangeBreaksLink {
        id: String,
        to: NodeKind,
        link: LinkKey,
    },

    /// An error inside a larger input, with where it happened ("link 4", "node \"G1\"").
    #[error("{place}: {source}")]
    At {
        place: String,
        #[source]
        source: Box<Error>,
    },

    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },

    #[error("invalid XML at line {line}, column {column}: {message}")]
    Xml {
        line: usize,
        column: usize,
        message: String,
    },

    #[error("not an ArchiMate exchange file: {reason}")]
    NotArchiMate { reason: String },

    #[error("not a spreadsheet Throughline can read: {reason}")]
    NotASpreadsheet { reason: String },

    #[error("{path}: not a Throughline plan ({reason})")]
    NotAPlan { path: PathBuf, reason: String },

    #[error(
        "{path}: this plan was written by a newer Throughline (schema {found}); this program reads schema {supported} and older"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error("{path}: the plan file is damaged ({detail})")]
    Corrupt { path: PathBuf, detail: String },

    /// Another window or program is editing the plan; `holder` says who, if known.
    #[error(
        "{path}: this plan is open for editing in {}; close it there first, or open it read-only",
        holder.as_ref().map_or_else(|| "another window or program".to_owned(), ToString::to_string)
    )]
    PlanInUse {
        path: PathBuf,
        holder: Option<crate::store::LockHolder>,
    },

    #[error(
        "{path}: the plan file was replaced, moved or deleted by another program since it was opened here; nothing was saved. Open the plan again"
    )]
    PlanReplaced { path: PathBuf },

    #[error(
        "{path}: another program changed the plan file while it was open here; nothing was saved. The plan has been read again: check it and make the edit again"
    )]
    ChangedOutside { path: PathBuf },

    #[error("{path}: the disk is full; nothing was saved. Free some space and try again")]
    DiskFull { path: PathBuf },

    #[error(
        "{path}: the plan cannot be written here (the file or its folder is read-only); open it read-only, or copy it to a folder you can write to"
    )]
    ReadOnlyLocation { path: PathBuf },

    #[error(
        "{path}: this plan is open read-only, so nothing was changed; open it again for editing once nobody else is editing it"
    )]
    OpenedReadOnly { path: PathBuf },

    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("plan store: {0}")]
    Sqlite(#[from] rusqlite::Error),

    #[error("nothing to {0}")]
    NothingTo(&'static str),

    /// A report was asked for a team that no node belongs to.
    #[error(
        "team {} does not exist in this plan; {}",
        Literal(team),
        known_teams(known)
    )]
    UnknownTeam { team: String, known: Vec<String> },

    /// No baseline of this name is kept in the plan file.
    #[error(
        "{path}: there is no baseline named {}; {}",
        Literal(name),
        known_baselines(known)
    )]
    UnknownBaseline {
        path: PathBuf,
        name: String,
        known: Vec<String>,
    },

    #[error(
        "{path}: a baseline named {} already exists; choose another name, or remove it first",
        Literal(name)
    )]
    DuplicateBaseline { path: PathBuf, name: String },

    /// A brief was asked for a node that is neither an initiative nor a strategy.
    #[error(
        "node {} ({}) is {}; a brief is written for an initiative or a strategy",
        Literal(id),
        Literal(title),
        a(kind.label())
    )]
    NotBriefable {
        id: String,
        title: String,
        kind: NodeKind,
    },
    /// A scenario's edits touch what the plan changed since the scenario started.
    #[error(
        "the plan changed since the scenario started, in {} the scenario changed too; nothing was applied. Discard the scenario, or start again from the plan as it is now",
        titles.join(", ")
    )]
    ScenarioConflict { titles: Vec<String> },

    /// A report could not be rendered (a defect of ours, not of the plan).
    #[error("could not render the {format} report: {detail}")]
    Render {
        format: &'static str,
        detail: String,
    },
}

fn known_teams(known: &[String]) -> String {
    if known.is_empty() {
        "no node has a team".to_owned()
    } else {
        let names: Vec<String> = known.iter().map(|team| Literal(team).to_string()).collect();
        format!("the teams are: {}", names.join(", "))
    }
}

fn known_baselines(known: &[String]) -> String {
    if known.is_empty() {
        "the plan has no baselines yet".to_owned()
    } else {
        let names: Vec<String> = known.iter().map(|name| Literal(name).to_string()).collect();
        format!("the baselines are: {}", names.join(", "))
    }
}

fn verb(link: &LinkKey) -> &'static str {
    match link.kind {
        crate::model::LinkKind::Supports => "support",
        crate::model::LinkKind::Allocates => "allocate to",
    }
}

fn allowed_targets(link: &LinkKey, from: NodeKind) -> String {
    let allowed: Vec<&str> = NodeKind::ALL
        .into_iter()
        .filter(|to| link.kind.allows(from, *to))
        .map(NodeKind::label)
        .collect();
    if allowed.is_empty() {
        match link.kind {
            crate::model::LinkKind::Allocates => " (only resources allocate)".to_owned(),
            crate::model::LinkKind::Supports => {
                " (resources allocate, they do not support)".to_owned()
            }
        }
    } else {
        let allowed: Vec<String> = allowed.into_iter().map(a).collect();
        format!(" (it may {} {})", verb(link), allowed.join(" or "))
    }
}

/// A kind's label with its indefinite article: "an initiative", "a team goal".
fn a(label: &str) -> String {
    let article = if label.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {label}")
}

/// The stable identifier of each kind of error, for programs (the app's UI, scripts) to
/// switch on. Exported to TypeScript as a union of its snake_case names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    InvalidField,
    UnknownNode,
    DuplicateNode,
    UnknownLink,
    SelfLink,
    WrongKinds,
    DuplicateLink,
    Loop,
    KindChangeBreaksLink,
    InvalidJson,
    InvalidXml,
    NotArchimate,
    NotASpreadsheet,
    NotAPlan,
    NewerSchema,
    Corrupt,
    PlanInUse,
    PlanReplaced,
    ChangedOutside,
    DiskFull,
    ReadOnlyLocation,
    OpenedReadOnly,
    Io,
    Store,
    NothingToDo,
    UnknownTeam,
    NotBriefable,
    Render,
    UnknownBaseline,
    DuplicateBaseline,
    ScenarioConflict,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 31] = [
        ErrorCode::InvalidField,
        ErrorCode::UnknownNode,
        ErrorCode::DuplicateNode,
        ErrorCode::UnknownLink,
        ErrorCode::SelfLink,
        ErrorCode::WrongKinds,
        ErrorCode::DuplicateLink,
        ErrorCode::Loop,
        ErrorCode::KindChangeBreaksLink,
        ErrorCode::InvalidJson,
        ErrorCode::InvalidXml,
        ErrorCode::NotArchimate,
        ErrorCode::NotASpreadsheet,
        ErrorCode::NotAPlan,
        ErrorCode::NewerSchema,
        ErrorCode::Corrupt,
        ErrorCode::PlanInUse,
        ErrorCode::PlanReplaced,
        ErrorCode::ChangedOutside,
        ErrorCode::DiskFull,
        ErrorCode::ReadOnlyLocation,
        ErrorCode::OpenedReadOnly,
        ErrorCode::Io,
        ErrorCode::Store,
        ErrorCode::NothingToDo,
        ErrorCode::UnknownTeam,
        ErrorCode::NotBriefable,
        ErrorCode::Render,
        ErrorCode::UnknownBaseline,
        ErrorCode::DuplicateBaseline,
        ErrorCode::ScenarioConflict,
    ];

    /// The code as it appears in `{code, message}` errors: `duplicate_node`, `loop`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidField => "invalid_field",
            ErrorCode::UnknownNode => "unknown_node",
            ErrorCode::DuplicateNode => "duplicate_node",
            ErrorCode::UnknownLink => "unknown_link",
            ErrorCode::SelfLink => "self_link",
            ErrorCode::WrongKinds => "wrong_kinds",
            ErrorCode::DuplicateLink => "duplicate_link",
            ErrorCode::Loop => "loop",
            ErrorCode::KindChangeBreaksLink => "kind_change_breaks_link",
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::InvalidXml => "invalid_xml",
            ErrorCode::NotArchimate => "not_archimate",
            ErrorCode::NotASpreadsheet => "not_a_spreadsheet",
            ErrorCode::NotAPlan => "not_a_plan",
            ErrorCode::NewerSchema => "newer_schema",
            ErrorCode::Corrupt => "corrupt",
            ErrorCode::PlanInUse => "plan_in_use",
            ErrorCode::PlanReplaced => "plan_replaced",
            ErrorCode::ChangedOutside => "changed_outside",
            ErrorCode::DiskFull => "disk_full",
            ErrorCode::ReadOnlyLocation => "read_only_location",
            ErrorCode::OpenedReadOnly => "opened_read_only",
            ErrorCode::Io => "io",
            ErrorCode::Store => "store",
            ErrorCode::NothingToDo => "nothing_to_do",
            ErrorCode::UnknownTeam => "unknown_team",
            ErrorCode::NotBriefable => "not_briefable",
            ErrorCode::Render => "render",
            ErrorCode::UnknownBaseline => "unknown_baseline",
            ErrorCode::DuplicateBaseline => "duplicate_baseline",
            ErrorCode::ScenarioConflict => "scenario_conflict",
        }
    }
}

impl Error {
    /// What kind of error this is, as a stable code (an error [`Error::At`] a place
    /// has the code of the error inside it).
    pub fn error_code(&self) -> ErrorCode {
        match self {
            Error::InvalidField { .. } => ErrorCode::InvalidField,
            Error::UnknownNode { .. } => ErrorCode::UnknownNode,
            Error::DuplicateNode { .. } => ErrorCode::DuplicateNode,
            Error::UnknownLink { .. } => ErrorCode::UnknownLink,
            Error::SelfLink { .. } => ErrorCode::SelfLink,
            Error::WrongKinds { .. } => ErrorCode::WrongKinds,
            Error::DuplicateLink { .. } => ErrorCode::DuplicateLink,
            Error::Loop { .. } => ErrorCode::Loop,
            Error::KindChangeBreaksLink { .. } => ErrorCode::KindChangeBreaksLink,
            Error::At { source, .. } => source.error_code(),
            Error::Json { .. } => ErrorCode::InvalidJson,
            Error::Xml { .. } => ErrorCode::InvalidXml,
            Error::NotArchiMate { .. } => ErrorCode::NotArchimate,
            Error::NotASpreadsheet { .. } => ErrorCode::NotASpreadsheet,
            Error::NotAPlan { .. } => ErrorCode::NotAPlan,
            Error::NewerSchema { .. } => ErrorCode::NewerSchema,
            Error::Corrupt { .. } => ErrorCode::Corrupt,
            Error::PlanInUse { .. } => ErrorCode::PlanInUse,
            Error::PlanReplaced { .. } => ErrorCode::PlanReplaced,
            Error::ChangedOutside { .. } => ErrorCode::ChangedOutside,
            Error::DiskFull { .. } => ErrorCode::DiskFull,
            Error::ReadOnlyLocation { .. } => ErrorCode::ReadOnlyLocation,
            Error::OpenedReadOnly { .. } => ErrorCode::OpenedReadOnly,
            Error::Io { .. } => ErrorCode::Io,
            Error::Sqlite(_) => ErrorCode::Store,
            Error::NothingTo(_) => ErrorCode::NothingToDo,
            Error::UnknownTeam { .. } => ErrorCode::UnknownTeam,
            Error::NotBriefable { .. } => ErrorCode::NotBriefable,
            Error::Render { .. } => ErrorCode::Render,
            Error::UnknownBaseline { .. } => ErrorCode::UnknownBaseline,
            Error::DuplicateBaseline { .. } => ErrorCode::DuplicateBaseline,
            Error::ScenarioConflict { .. } => ErrorCode::ScenarioConflict,
        }
    }

    /// [`Error::error_code`] as text.
    pub fn code(&self) -> &'static str {
        self.error_code().as_str()
    }

    pub(crate) fn field(place: impl Into<String>, message: impl Into<String>) -> Error {
        Error::InvalidField {
            place: place.into(),
            message: message.into(),
        }
    }

    pub(crate) fn at(self, place: impl Into<String>) -> Error {
        Error::At {
            place: place.into(),
            source: Box::new(self),
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialize_as_the_text_programs_switch_on() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).expect("a code serializes");
            assert_eq!(
                json,
                format!("\"{}\"", code.as_str()),
                "the TypeScript union and the message's code must spell {code:?} alike"
            );
        }
    }
}
