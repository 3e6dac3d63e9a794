//! The error every command returns: `{code, message}`, so the UI switches on a stable
//! code and shows the message, never parsing text.

use serde::Serialize;
use throughline_core::ErrorCode;
use ts_rs::TS;

/// An error as the UI receives it. `code` is [`throughline_core::Error::error_code`] for
/// core errors, or one of the shell's own codes ([`ShellErrorCode`]). IPC.md lists them all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AppError {
    pub code: AppErrorCode,
    pub message: String,
}

/// Every code the UI can meet: the core's, then the shell's. Serialized as the bare
/// code (`"loop"`, `"no_plan"`), so TypeScript sees one union of string literals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(untagged)]
#[ts(export)]
pub enum AppErrorCode {
    Core(ErrorCode),
    Shell(ShellErrorCode),
}

/// The codes only the shell answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ShellErrorCode {
    /// No plan is open: the plan chosen at start could not be opened, and none since.
    NoPlan,
    /// `open_recent` was given an index the recent list does not have.
    UnknownRecent,
    /// The work behind a command stopped without an answer (its thread panicked).
    Internal,
    /// Apply or discard was asked for, and no scenario is in progress.
    NoScenario,
    /// A scenario is in progress, and the command needs the plan itself.
    ScenarioActive,
}

impl AppErrorCode {
    /// The code as the UI receives it.
    pub fn as_str(self) -> &'static str {
        match self {
            AppErrorCode::Core(code) => code.as_str(),
            AppErrorCode::Shell(ShellErrorCode::NoPlan) => "no_plan",
            AppErrorCode::Shell(ShellErrorCode::UnknownRecent) => "unknown_recent",
            AppErrorCode::Shell(ShellErrorCode::Internal) => "internal",
            AppErrorCode::Shell(ShellErrorCode::NoScenario) => "no_scenario",
            AppErrorCode::Shell(ShellErrorCode::ScenarioActive) => "scenario_active",
        }
    }
}

pub const NO_PLAN: AppErrorCode = AppErrorCode::Shell(ShellErrorCode::NoPlan);

pub const UNKNOWN_RECENT: AppErrorCode = AppErrorCode::Shell(ShellErrorCode::UnknownRecent);

pub const INTERNAL: AppErrorCode = AppErrorCode::Shell(ShellErrorCode::Internal);

pub const NO_SCENARIO: AppErrorCode = AppErrorCode::Shell(ShellErrorCode::NoScenario);

pub const SCENARIO_ACTIVE: AppErrorCode = AppErrorCode::Shell(ShellErrorCode::ScenarioActive);

impl AppError {
    pub fn new(code: AppErrorCode, message: impl Into<String>) -> AppError {
        AppError {
            code,
            message: message.into(),
        }
    }
}

impl From<throughline_core::Error> for AppError {
    fn from(error: throughline_core::Error) -> AppError {
        AppError::new(AppErrorCode::Core(error.error_code()), error.to_string())
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code.as_str())
    }
}

impl std::error::Error for AppError {}

pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reaches_the_ui_as_its_bare_name() {
        let codes = throughline_core::ErrorCode::ALL
            .into_iter()
            .map(AppErrorCode::Core)
            .chain([NO_PLAN, INTERNAL, NO_SCENARIO, SCENARIO_ACTIVE]);
        for code in codes {
            assert_eq!(
                serde_json::to_value(code).expect("a code serializes"),
                serde_json::Value::from(code.as_str()),
                "the TypeScript union and the error's text must spell {code:?} alike"
            );
        }
    }
}
