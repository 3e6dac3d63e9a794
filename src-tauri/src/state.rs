//! What the running app holds: the open plan with its undo history, the recent plans,
//! and the settings fixed at start. Commands reach the plan only through [`AppState`].

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::NaiveDate;
use serde::Serialize;
use throughline_core::history::History;
use throughline_core::store::Store;
use throughline_core::{Analysis, Plan};
use ts_rs::TS;

use crate::error::{AppError, AppResult, NO_PLAN};
use crate::recent::RecentPlans;

/// The open plan: its store (file and checked graph) and what can be undone in it.
#[derive(Debug)]
pub struct OpenPlan {
    pub store: Store,
    pub history: History,
}

/// The date the analysis is made as of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsOf {
    /// Fixed at start (env `THROUGHLINE_AS_OF`): reproducible tests and screenshots.
    Fixed(NaiveDate),
    /// The local date at each analysis, so an app left open past midnight stays right.
    Today,
}

impl AsOf {
    pub fn date(self) -> NaiveDate {
        match self {
            AsOf::Fixed(date) => date,
            AsOf::Today => chrono::Local::now().date_naive(),
        }
    }
}

/// Everything the UI needs to draw the plan, returned by every command that changes it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PlanState {
    pub path: String,
    pub plan: Plan,
    pub analysis: Analysis,
    pub can_undo: bool,
    pub can_redo: bool,
    #[ts(type = "string")]
    pub as_of: NaiveDate,
    pub recent: Vec<String>,
}

/// The app's state, shared by all commands. `plan` is always locked first (then
/// `recent` or `startup_error`), so two commands never wait on each other in a circle;
/// no lock is held across an await.
#[derive(Debug)]
pub struct AppState {
    plan: Mutex<Option<OpenPlan>>,
    /// Why the plan chosen at start is not open; shown until another plan is opened.
    startup_error: Mutex<Option<AppError>>,
    recent: Mutex<RecentPlans>,
    config_dir: PathBuf,
    as_of: AsOf,
    test_save_dir: Option<PathBuf>,
}

impl AppState {
    /// A state with no plan open; the recent list is read from `config_dir`.
    pub fn new(config_dir: PathBuf, as_of: AsOf, test_save_dir: Option<PathBuf>) -> AppState {
        AppState {
            plan: Mutex::new(None),
            startup_error: Mutex::new(None),
            recent: Mutex::new(RecentPlans::load(&config_dir)),
            config_dir,
            as_of,
            test_save_dir,
        }
    }

    /// The plan opened most recently, from the recent list.
    pub fn last_opened(&self) -> Option<PathBuf> {
        lock(&self.recent).last().map(Path::to_owned)
    }

    /// Records why no plan could be opened at start, for [`AppState::snapshot`] to report.
    pub fn set_startup_error(&self, error: AppError) {
        *lock(&self.startup_error) = Some(error);
    }

    /// The open plan as the UI draws it.
    pub fn snapshot(&self) -> AppResult<PlanState> {
        let plan = lock(&self.plan);
        let open = plan.as_ref().ok_or_else(|| self.no_plan())?;
        Ok(self.describe(open))
    }

    /// Changes the open plan through `change` (one checked edit, an undo, a redo). A
    /// refused change leaves the plan as it was and returns the core's error.
    pub fn change(
        &self,
        change: impl FnOnce(&mut OpenPlan) -> throughline_core::Result<()>,
    ) -> AppResult<PlanState> {
        let mut plan = lock(&self.plan);
        let open = plan.as_mut().ok_or_else(|| self.no_plan())?;
        change(open)?;
        Ok(self.describe(open))
    }

    /// Reads the open plan without changing it (exports).
    pub fn read<T>(
        &self,
        read: impl FnOnce(&OpenPlan, NaiveDate) -> throughline_core::Result<T>,
    ) -> AppResult<T> {
        let plan = lock(&self.plan);
        let open = plan.as_ref().ok_or_else(|| self.no_plan())?;
        Ok(read(open, self.as_of.date())?)
    }

    /// Makes `store` the open plan with an empty history, and remembers its file.
    pub fn switch_to(&self, store: Store) -> PlanState {
        let mut plan = lock(&self.plan);
        self.remember(&store);
        let open = plan.insert(OpenPlan {
            store,
            history: History::new(),
        });
        *lock(&self.startup_error) = None;
        self.describe(open)
    }

    /// Replaces the open plan's store with the one `copy` makes from it (save as),
    /// keeping the history: the copy holds the same plan, so every undo still applies.
    pub fn replace_store(
        &self,
        copy: impl FnOnce(&Store) -> throughline_core::Result<Store>,
    ) -> AppResult<PlanState> {
        let mut plan = lock(&self.plan);
        let open = plan.as_mut().ok_or_else(|| self.no_plan())?;
        open.store = copy(&open.store)?;
        self.remember(&open.store);
        Ok(self.describe(open))
    }

    /// Where the e2e tests want a file saved, bypassing the native dialog: the test
    /// folder (env `THROUGHLINE_TEST_SAVE_DIR`) joined with the file name only, so the
    /// name cannot point outside it. `None` in normal use.
    pub fn test_save_path(&self, default_name: &str) -> Option<PathBuf> {
        let folder = self.test_save_dir.as_ref()?;
        let name = Path::new(default_name).file_name()?;
        Some(folder.join(name))
    }

    fn describe(&self, open: &OpenPlan) -> PlanState {
        let as_of = self.as_of.date();
        PlanState {
            path: open
                .store
                .path()
                .map(|path| path.display().to_string())
                .unwrap_or_default(),
            plan: open.store.plan(),
            analysis: open.store.analyse(as_of),
            can_undo: open.history.can_undo(),
            can_redo: open.history.can_redo(),
            as_of,
            recent: lock(&self.recent).display(),
        }
    }

    /// Puts the store's file first in the recent list. Failing to save the list is
    /// reported on stderr only: the plan itself is open and safe.
    fn remember(&self, store: &Store) {
        let Some(path) = store.path() else { return };
        let mut recent = lock(&self.recent);
        recent.remember(path);
        if let Err(error) = recent.save(&self.config_dir) {
            eprintln!("throughline: cannot save the recent plans list: {error}");
        }
    }

    fn no_plan(&self) -> AppError {
        lock(&self.startup_error).clone().unwrap_or_else(|| {
            AppError::new(NO_PLAN, "No plan is open. Open a plan or create a new one.")
        })
    }
}

/// Takes a lock even if a thread panicked while holding it: the store keeps the file
/// and the graph equal on every path, so the data behind a poisoned lock is sound.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
