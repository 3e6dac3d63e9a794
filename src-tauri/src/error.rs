//! The error every command returns: `{code, message}`, so the UI switches on a stable
//! code and shows the message, never parsing text.

use serde::Serialize;
use ts_rs::TS;

/// An error as the UI receives it. `code` is [`throughline_core::Error::code`] for core
/// errors, `no_plan` when no plan is open (the start plan could not be opened),
/// `unknown_recent` for a recent-plan index out of range, or `internal` when the work
/// behind a command stopped without an answer. IPC.md lists them all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AppError {
    pub code: String,
    pub message: String,
}

/// No plan is open: the plan chosen at start could not be opened, and none since.
pub const NO_PLAN: &str = "no_plan";

/// `open_recent` was given an index the recent list does not have.
pub const UNKNOWN_RECENT: &str = "unknown_recent";

/// The work behind a command stopped without an answer (its thread panicked).
pub const INTERNAL: &str = "internal";

impl AppError {
    pub fn new(code: &str, message: impl Into<String>) -> AppError {
        AppError {
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

impl From<throughline_core::Error> for AppError {
    fn from(error: throughline_core::Error) -> AppError {
        AppError::new(error.code(), error.to_string())
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for AppError {}

pub type AppResult<T> = Result<T, AppError>;
