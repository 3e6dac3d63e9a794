//! Which plan the app opens when it starts, and the settings the environment gives it.
//!
//! Order: the first command-line argument, else env `THROUGHLINE_PLAN`, else the plan
//! opened last, else the sample plan in the app data folder (written on first start).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use throughline_core::store::Store;

#[cfg(debug_assertions)]
use crate::dialogs::StandIn;
use throughline_core::Error;

use crate::state::{AsOf, OpenFailure};

/// The sample plan's file name in the app data folder.
pub const SAMPLE_FILE_NAME: &str = "sample.throughline";

/// What the command line and environment say about this run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Launch {
    /// The plan named on the command line.
    pub plan_arg: Option<PathBuf>,
    /// Env `THROUGHLINE_PLAN`.
    pub plan_env: Option<PathBuf>,
    /// Env `THROUGHLINE_AS_OF`; `None` means today.
    pub as_of: Option<NaiveDate>,
    /// Env `THROUGHLINE_CONFIG_DIR`; `None` means the platform's app config folder.
    pub config_dir: Option<PathBuf>,
    /// Where the sample plan is kept; `None` means the platform's app data folder.
    pub data_dir: Option<PathBuf>,
    /// Env `THROUGHLINE_TEST_SAVE_DIR` and `THROUGHLINE_TEST_OPEN`: the e2e tests' answers
    /// to the file dialogs. Debug builds only: a release build always asks the user.
    #[cfg(debug_assertions)]
    pub dialog_stand_in: StandIn,
    /// Env `THROUGHLINE_GPU=1`: keep the webview's GPU compositing (see `webview.rs`).
    pub gpu: bool,
    /// Env `THROUGHLINE_TRACE=1`: the UI's start-up milestones go to stdout (`webview.rs`).
    pub trace: bool,
    /// Env `THROUGHLINE_WINDOW_SIZE=1920x1080`: the window's size in logical pixels, for a
    /// projector, and for screenshots on a display with no window manager to resize it.
    pub window_size: Option<(u32, u32)>,
}

impl Launch {
    /// Reads this process's arguments and environment. A malformed setting is reported
    /// on stderr and ignored, so the app still starts.
    pub fn from_environment() -> Launch {
        let as_of = env_value("THROUGHLINE_AS_OF").and_then(|text| {
            let text = text.to_string_lossy();
            match NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
                Ok(date) => Some(date),
                Err(_) => {
                    eprintln!(
                        "throughline: THROUGHLINE_AS_OF={text:?} is not a date like 2026-11-23; using today"
                    );
                    None
                }
            }
        });
        Launch {
            plan_arg: plan_argument(std::env::args_os().skip(1)),
            plan_env: env_value("THROUGHLINE_PLAN").map(PathBuf::from),
            as_of,
            config_dir: env_value("THROUGHLINE_CONFIG_DIR").map(PathBuf::from),
            data_dir: None,
            #[cfg(debug_assertions)]
            dialog_stand_in: StandIn {
                save_dir: env_value("THROUGHLINE_TEST_SAVE_DIR").map(PathBuf::from),
                open_answer: env_value("THROUGHLINE_TEST_OPEN").map(PathBuf::from),
            },
            gpu: env_flag("THROUGHLINE_GPU"),
            trace: env_flag("THROUGHLINE_TRACE"),
            window_size: env_value("THROUGHLINE_WINDOW_SIZE").and_then(|text| {
                let text = text.to_string_lossy();
                let size = window_size(&text);
                if size.is_none() {
                    eprintln!(
                        "throughline: THROUGHLINE_WINDOW_SIZE={text:?} is not a size like 1920x1080; using the default"
                    );
                }
                size
            }),
        }
    }

    pub fn as_of(&self) -> AsOf {
        self.as_of.map_or(AsOf::Today, AsOf::Fixed)
    }
}

/// The first argument that is not an option: options are for the toolkit, not plans.
fn plan_argument(arguments: impl Iterator<Item = OsString>) -> Option<PathBuf> {
    arguments
        .filter(|argument| !argument.to_string_lossy().starts_with('-'))
        .map(PathBuf::from)
        .next()
}

/// "WIDTHxHEIGHT" in pixels, each at least 1.
fn window_size(text: &str) -> Option<(u32, u32)> {
    let (width, height) = text.trim().split_once(['x', 'X'])?;
    let size = (width.trim().parse().ok()?, height.trim().parse().ok()?);
    (size.0 > 0 && size.1 > 0).then_some(size)
}

/// An environment variable set to `1`.
fn env_flag(name: &str) -> bool {
    env_value(name).is_some_and(|value| value == "1")
}

/// An environment variable that is set and not empty.
fn env_value(name: &str) -> Option<OsString> {
    std::env::var_os(name).filter(|value| !value.is_empty())
}

/// The plan to open at start and why it was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartPlan {
    /// Named by the user (argument or env): opened as is, an error if it cannot be.
    Named(PathBuf),
    /// The plan opened last; if it is gone, the sample is opened instead.
    Last { path: PathBuf, sample: PathBuf },
    /// The sample plan, written first if it does not exist.
    Sample(PathBuf),
}

/// Applies the start order. Relative names are made absolute against the working
/// folder, so the recent list never holds a path that means something else later.
pub fn choose(launch: &Launch, last_opened: Option<&Path>, sample: &Path) -> StartPlan {
    if let Some(named) = launch.plan_arg.as_ref().or(launch.plan_env.as_ref()) {
        return StartPlan::Named(absolute(named));
    }
    match last_opened {
        Some(path) => StartPlan::Last {
            path: path.to_owned(),
            sample: sample.to_owned(),
        },
        None => StartPlan::Sample(sample.to_owned()),
    }
}

/// Opens the chosen plan. The last plan gives way to the sample when it is gone or
/// damaged, but not when someone else is editing it: then the user is told, and may
/// open it read-only (a second window on the same plan).
pub fn open(start: &StartPlan) -> Result<Store, OpenFailure> {
    match start {
        StartPlan::Named(path) => Store::open(path).map_err(OpenFailure::new(path)),
        StartPlan::Last { path, sample } => match Store::open(path) {
            Ok(store) => Ok(store),
            Err(error @ (Error::PlanInUse { .. } | Error::ReadOnlyLocation { .. })) => {
                Err(OpenFailure::new(path)(error))
            }
            Err(error) => {
                eprintln!(
                    "throughline: cannot reopen the last plan ({error}); opening the sample plan"
                );
                open_sample(sample).map_err(OpenFailure::new(sample))
            }
        },
        StartPlan::Sample(sample) => open_sample(sample).map_err(OpenFailure::new(sample)),
    }
}

/// Opens the sample plan, writing it first if it is not there yet. An existing sample
/// is opened as is: the user may have edited it.
pub fn open_sample(path: &Path) -> throughline_core::Result<Store> {
    if path.exists() {
        return Store::open(path);
    }
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|source| throughline_core::Error::Io {
            path: folder.to_owned(),
            source,
        })?;
    }
    // With the sample's baseline, so that a first-time user sees Compare at work.
    throughline_core::sample::create_sample_file(path)
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

#[cfg(test)]
mod tests {
    use throughline_core::sample::sample_plan;

    use super::*;

    fn launch(plan_arg: Option<&str>, plan_env: Option<&str>) -> Launch {
        Launch {
            plan_arg: plan_arg.map(PathBuf::from),
            plan_env: plan_env.map(PathBuf::from),
            ..Launch::default()
        }
    }

    #[test]
    fn a_window_size_reads_width_by_height_and_refuses_anything_else() {
        assert_eq!(window_size("1920x1080"), Some((1920, 1080)));
        assert_eq!(window_size(" 1280 X 800 "), Some((1280, 800)));
        for bad in ["1920", "0x1080", "1920x", "wide", "-1x5", "1920x1080x2"] {
            assert_eq!(window_size(bad), None, "{bad:?} is not a window size");
        }
    }

    #[test]
    fn the_argument_wins_over_the_environment_and_the_last_plan() {
        let start = choose(
            &launch(Some("/a.throughline"), Some("/b.throughline")),
            Some(Path::new("/c.throughline")),
            Path::new("/data/sample.throughline"),
        );
        assert_eq!(start, StartPlan::Named(PathBuf::from("/a.throughline")));
    }

    #[test]
    fn the_environment_wins_over_the_last_plan() {
        let start = choose(
            &launch(None, Some("/b.throughline")),
            Some(Path::new("/c.throughline")),
            Path::new("/data/sample.throughline"),
        );
        assert_eq!(start, StartPlan::Named(PathBuf::from("/b.throughline")));
    }

    #[test]
    fn the_last_plan_comes_before_the_sample_and_the_sample_comes_last() {
        let sample = Path::new("/data/sample.throughline");
        assert_eq!(
            choose(
                &launch(None, None),
                Some(Path::new("/c.throughline")),
                sample
            ),
            StartPlan::Last {
                path: PathBuf::from("/c.throughline"),
                sample: sample.to_owned()
            }
        );
        assert_eq!(
            choose(&launch(None, None), None, sample),
            StartPlan::Sample(sample.to_owned())
        );
    }

    #[test]
    fn a_relative_name_is_made_absolute() {
        let StartPlan::Named(path) = choose(
            &launch(Some("plans/q3.throughline"), None),
            None,
            Path::new("/s"),
        ) else {
            panic!("a named plan should be chosen");
        };
        assert!(
            path.is_absolute() && path.ends_with("plans/q3.throughline"),
            "{path:?} should be absolute"
        );
    }

    #[test]
    fn options_are_not_taken_for_a_plan() {
        let arguments = ["--no-sandbox", "q3.throughline"].map(OsString::from);
        assert_eq!(
            plan_argument(arguments.into_iter()),
            Some(PathBuf::from("q3.throughline"))
        );
    }

    #[test]
    fn a_missing_last_plan_falls_back_to_the_sample_which_is_written_once() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let sample = folder.path().join("data/sample.throughline");
        let start = StartPlan::Last {
            path: folder.path().join("deleted.throughline"),
            sample: sample.clone(),
        };
        let store = open(&start).expect("the sample opens when the last plan is gone");
        assert_eq!(store.path(), Some(sample.as_path()));
        assert_eq!(
            store.graph().node_count(),
            sample_plan().node_count(),
            "the sample file should hold the sample plan"
        );
        drop(store);
        let again = open_sample(&sample).expect("an existing sample reopens");
        assert_eq!(again.graph().name(), sample_plan().name());
    }

    #[test]
    fn a_named_plan_that_does_not_exist_is_an_error_not_a_new_file() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let missing = folder.path().join("missing.throughline");
        let error = open(&StartPlan::Named(missing.clone()))
            .expect_err("a missing named plan should not open");
        assert!(
            !missing.exists(),
            "opening a missing plan should not create it ({})",
            error.error
        );
        assert_eq!(error.path, missing, "the failure names the file");
    }
}
