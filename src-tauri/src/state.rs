//! What the running app holds: the open plan with its undo history, the recent plans,
//! and the settings fixed at start. Commands reach the plan only through [`AppState`].

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;

use chrono::NaiveDate;
use throughline_core::analysis::{Analysis, AnalysisChange, IncrementalAnalysis};
use throughline_core::graph::{Edit, PlanGraph};
use throughline_core::history::{Applied, History};
use throughline_core::plan_change::PlanChange;
use throughline_core::store::Store;

use crate::error::{
    AppError, AppResult, INTERNAL, NO_PLAN, NO_SCENARIO, SCENARIO_ACTIVE, UNKNOWN_RECENT,
};
use crate::models::{EditAnswer, PlanState};
use crate::recent::RecentPlans;
use crate::scenario::ActiveScenario;

/// The open plan: its store (file and checked graph), what can be undone in it, its
/// analysis, kept up to date edit by edit, and the scenario shown instead of it, if any.
#[derive(Debug)]
pub struct OpenPlan {
    pub store: Store,
    pub history: History,
    analysis: IncrementalAnalysis,
    scenario: Option<ActiveScenario>,
}

impl OpenPlan {
    fn new(store: Store, as_of: NaiveDate) -> OpenPlan {
        OpenPlan {
            analysis: IncrementalAnalysis::new(store.graph(), as_of),
            store,
            history: History::new(),
            scenario: None,
        }
    }

    /// Brings the analysis up to date with an applied edit.
    fn follow(&mut self, applied: &Applied, as_of: NaiveDate) -> AnalysisChange {
        crate::scenario::follow(&mut self.analysis, self.store.graph(), applied, as_of)
    }

    /// The plan the window shows: the scenario while there is one, else the plan.
    pub fn shown(&self) -> &PlanGraph {
        self.scenario
            .as_ref()
            .map_or_else(|| self.store.graph(), ActiveScenario::graph)
    }

    /// The analysis of [`OpenPlan::shown`], as kept up to date.
    pub fn shown_analysis(&self) -> Analysis {
        self.scenario
            .as_ref()
            .map_or_else(|| self.analysis.analysis(), ActiveScenario::analysis)
    }

    pub fn in_scenario(&self) -> bool {
        self.scenario.is_some()
    }

    /// What a difference calls the side the window shows: the plan, or the scenario.
    pub fn shown_label(&self) -> &'static str {
        if self.in_scenario() {
            crate::scenario::SCENARIO_LABEL
        } else {
            crate::scenario::PLAN_LABEL
        }
    }
}

/// A change of what the window shows: an edit, or a step through its undo history.
#[derive(Debug)]
pub enum Step {
    /// Boxed: an edit is far bigger than the other steps.
    Apply(Box<Edit>),
    Undo,
    Redo,
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

/// The app's state, shared by all commands. Locks are taken in the order `opening`,
/// `plan`, then `recent` or `startup_error`, so two commands never wait on each other in
/// a circle; no lock is held across an await.
#[derive(Debug)]
pub struct AppState {
    /// The start plan being opened on its own thread (see [`AppState::open_in_background`]).
    opening: Mutex<Option<JoinHandle<Result<Store, OpenFailure>>>>,
    plan: Mutex<Option<OpenPlan>>,
    /// Why the plan chosen at start is not open; shown until another plan is opened.
    startup_error: Mutex<Option<AppError>>,
    recent: Mutex<RecentPlans>,
    /// The plan last refused because another window or program edits it, or because it
    /// cannot be written where it is: [`AppState::open_read_only`] opens it to look at.
    held_elsewhere: Mutex<Option<PathBuf>>,
    /// Where the sample plan is kept (in the app data folder).
    sample: std::sync::OnceLock<PathBuf>,
    config_dir: PathBuf,
    as_of: AsOf,
}

/// A plan that could not be opened: why, and which file it was.
#[derive(Debug)]
pub struct OpenFailure {
    pub error: throughline_core::Error,
    pub path: PathBuf,
}

impl OpenFailure {
    pub fn new(path: &Path) -> impl FnOnce(throughline_core::Error) -> OpenFailure {
        let path = path.to_owned();
        move |error| OpenFailure { error, path }
    }
}

impl AppState {
    /// A state with no plan open; the recent list is read from `config_dir`.
    pub fn new(config_dir: PathBuf, as_of: AsOf) -> AppState {
        AppState {
            opening: Mutex::new(None),
            plan: Mutex::new(None),
            startup_error: Mutex::new(None),
            recent: Mutex::new(RecentPlans::load(&config_dir)),
            held_elsewhere: Mutex::new(None),
            sample: std::sync::OnceLock::new(),
            config_dir,
            as_of,
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

    /// Opens the start plan on another thread: a 10,000-node plan takes a few hundred
    /// milliseconds to read and check, and the main thread meanwhile shows the window and
    /// starts the web page. The first command that needs the plan waits for it.
    pub fn open_in_background(
        &self,
        open: impl FnOnce() -> Result<Store, OpenFailure> + Send + 'static,
    ) {
        let mut opening = lock(&self.opening);
        match std::thread::Builder::new()
            .name("open-plan".into())
            .spawn(open)
        {
            Ok(handle) => *opening = Some(handle),
            Err(error) => self.set_startup_error(AppError::new(
                INTERNAL,
                format!("The plan could not be opened: no thread to open it on ({error})."),
            )),
        }
    }

    /// Waits for the start plan if it is still being opened, and makes it the open plan.
    fn finish_opening(&self) {
        let mut opening = lock(&self.opening);
        let Some(handle) = opening.take() else { return };
        // Still holding `opening`, so no command sees the moment before the plan is in.
        match handle.join() {
            Ok(Ok(store)) => self.put(store),
            Ok(Err(failure)) => {
                let error = self.refused(failure);
                eprintln!("throughline: {}", error.message);
                self.set_startup_error(error);
            }
            Err(_) => self.set_startup_error(AppError::new(
                INTERNAL,
                "Opening the plan failed unexpectedly. Open it again or create a new one.",
            )),
        }
    }

    /// Opens the plan file at `path` for editing and makes it the open plan. The plan
    /// already open here is simply shown again: it is this window that holds it.
    pub fn open_for_editing(&self, path: &Path) -> AppResult<PlanState> {
        if let Ok(open) = self.snapshot()
            && same_file(Path::new(&open.path), path)
            && !open.read_only
        {
            return Ok(open);
        }
        let store = Store::open(path).map_err(OpenFailure::new(path));
        match store {
            Ok(store) => Ok(self.switch_to(store)),
            Err(failure) => Err(self.refused(failure)),
        }
    }

    /// Closes the open plan: its file and its edit lock are let go. Called as the app
    /// exits, which ends the process without running destructors, so the lock file
    /// beside the plan is removed rather than left behind.
    pub fn close(&self) {
        let open = self.plan().take();
        drop(open);
    }

    /// Says where the sample plan is kept, for [`AppState::open_sample`].
    pub fn set_sample(&self, path: PathBuf) {
        let _ = self.sample.set(path);
    }

    /// Opens the sample plan, writing it first if it is not there (or was deleted).
    pub fn open_sample(&self) -> AppResult<PlanState> {
        let path = self
            .sample
            .get()
            .cloned()
            .ok_or_else(|| AppError::new(INTERNAL, "The sample plan's folder is not known."))?;
        if path.exists() {
            return self.open_for_editing(&path);
        }
        let store = crate::startup::open_sample(&path).map_err(OpenFailure::new(&path));
        match store {
            Ok(store) => Ok(self.switch_to(store)),
            Err(failure) => Err(self.refused(failure)),
        }
    }

    /// Opens, to look at only, the plan last refused because someone else edits it or
    /// it cannot be written where it is.
    pub fn open_read_only(&self) -> AppResult<PlanState> {
        let path = lock(&self.held_elsewhere).clone().ok_or_else(|| {
            AppError::new(
                NO_PLAN,
                "No plan is waiting to be opened read-only. Open a plan first.",
            )
        })?;
        let store = Store::open_read_only(&path)?;
        *lock(&self.held_elsewhere) = None;
        Ok(self.switch_to(store))
    }

    /// The error to show for a plan that could not be opened, remembering a plan that
    /// can still be opened read-only.
    fn refused(&self, failure: OpenFailure) -> AppError {
        use throughline_core::Error;
        if matches!(
            failure.error,
            Error::PlanInUse { .. } | Error::ReadOnlyLocation { .. }
        ) {
            *lock(&self.held_elsewhere) = Some(failure.path);
        }
        AppError::from(failure.error)
    }

    /// The open plan, once the start plan is in.
    fn plan(&self) -> MutexGuard<'_, Option<OpenPlan>> {
        self.finish_opening();
        lock(&self.plan)
    }

    /// The open plan as the UI draws it.
    pub fn snapshot(&self) -> AppResult<PlanState> {
        let plan = self.plan();
        let open = plan.as_ref().ok_or_else(|| self.no_plan())?;
        Ok(self.describe(open))
    }

    /// Applies one edit, an undo or a redo to what the window shows (the scenario while
    /// there is one, else the plan) and answers what changed.
    pub fn step(&self, step: Step) -> AppResult<EditAnswer> {
        let as_of = self.as_of.date();
        {
            let mut plan = self.plan();
            let open = plan.as_mut().ok_or_else(|| self.no_plan())?;
            if let Some(active) = open.scenario.as_mut() {
                let applied = match step {
                    Step::Apply(edit) => active.scenario.apply(*edit),
                    Step::Undo => active.scenario.undo(),
                    Step::Redo => active.scenario.redo(),
                }?;
                let findings = active.follow(&applied, as_of);
                return Ok(EditAnswer {
                    plan: PlanChange::of(active.graph(), &applied),
                    score_counts_text: findings.summary.score_counts_text(),
                    findings,
                    can_undo: active.scenario.history().can_undo(),
                    can_redo: active.scenario.history().can_redo(),
                    as_of,
                    scenario: Some(active.reading(open.store.graph(), as_of)),
                });
            }
        }
        self.change(|open| match step {
            Step::Apply(edit) => open.history.apply(&mut open.store, *edit),
            Step::Undo => open.history.undo(&mut open.store),
            Step::Redo => open.history.redo(&mut open.store),
        })
    }

    /// Changes the open plan through `change` (one checked edit, an undo, a redo) and
    /// answers what changed. A refused change leaves the plan as it was (or as another
    /// program left the file: then it is analysed afresh) and returns the core's error.
    pub fn change(
        &self,
        change: impl FnOnce(&mut OpenPlan) -> throughline_core::Result<Applied>,
    ) -> AppResult<EditAnswer> {
        let mut plan = self.plan();
        let open = plan.as_mut().ok_or_else(|| self.no_plan())?;
        let as_of = self.as_of.date();
        let applied = match change(open) {
            Ok(applied) => applied,
            Err(error) => {
                open.analysis = IncrementalAnalysis::new(open.store.graph(), as_of);
                return Err(error.into());
            }
        };
        let findings = open.follow(&applied, as_of);
        Ok(EditAnswer {
            plan: PlanChange::of(open.store.graph(), &applied),
            score_counts_text: findings.summary.score_counts_text(),
            findings,
            can_undo: open.history.can_undo(),
            can_redo: open.history.can_redo(),
            as_of,
            scenario: None,
        })
    }

    /// Starts a scenario from the plan as it is: from now on the window shows, and every
    /// edit changes, a copy of the plan that is never written to the file.
    pub fn start_scenario(&self) -> AppResult<PlanState> {
        let mut plan = self.plan();
        let open = plan.as_mut().ok_or_else(|| self.no_plan())?;
        if open.in_scenario() {
            return Err(AppError::new(
                SCENARIO_ACTIVE,
                "A scenario is already in progress. Apply or discard it first.",
            ));
        }
        let plan_analysis = open.analysis.analysis();
        open.scenario = Some(ActiveScenario::start(open.store.graph(), plan_analysis)?);
        Ok(self.describe(open))
    }

    /// Ends the scenario without touching the plan, and shows the plan again.
    pub fn discard_scenario(&self) -> AppResult<PlanState> {
        let mut plan = self.plan();
        let open = plan.as_mut().ok_or_else(|| self.no_plan())?;
        open.scenario.take().ok_or_else(no_scenario)?;
        Ok(self.describe(open))
    }

    /// Applies the scenario's changes to the plan as one edit (one undo takes it back)
    /// and shows the plan. Refused as a whole, the scenario kept, when the plan changed
    /// since in the same places or the plan cannot be written.
    pub fn apply_scenario(&self) -> AppResult<PlanState> {
        let mut plan = self.plan();
        let open = plan.as_mut().ok_or_else(|| self.no_plan())?;
        let as_of = self.as_of.date();
        let active = open.scenario.as_ref().ok_or_else(no_scenario)?;
        if let Some(edit) = active.scenario.edit_for(open.store.graph(), as_of)? {
            match open.history.apply(&mut open.store, edit) {
                Ok(applied) => {
                    open.follow(&applied, as_of);
                }
                Err(error) => {
                    open.analysis = IncrementalAnalysis::new(open.store.graph(), as_of);
                    return Err(error.into());
                }
            }
        }
        open.scenario = None;
        Ok(self.describe(open))
    }

    /// Keeps the plan as it is now as a baseline named `name`, taken today. Refused
    /// during a scenario: a baseline is of the plan, and the window shows the scenario.
    pub fn take_baseline(&self, name: &str) -> AppResult<throughline_core::store::Baseline> {
        let mut plan = self.plan();
        let open = plan.as_mut().ok_or_else(|| self.no_plan())?;
        if open.in_scenario() {
            return Err(AppError::new(
                SCENARIO_ACTIVE,
                "A baseline keeps the plan, and a scenario is in progress. Apply or discard it first.",
            ));
        }
        Ok(open.store.take_baseline(name, self.as_of.date())?)
    }

    /// Reads the open plan without changing it (exports).
    pub fn read<T>(
        &self,
        read: impl FnOnce(&OpenPlan, NaiveDate) -> throughline_core::Result<T>,
    ) -> AppResult<T> {
        let plan = self.plan();
        let open = plan.as_ref().ok_or_else(|| self.no_plan())?;
        Ok(read(open, self.as_of.date())?)
    }

    /// Makes `store` the open plan with an empty history, and remembers its file.
    pub fn switch_to(&self, store: Store) -> PlanState {
        let mut plan = self.plan();
        let open = self.put_locked(&mut plan, store);
        self.describe(open)
    }

    /// [`AppState::switch_to`] without describing the plan: nobody is waiting for it.
    fn put(&self, store: Store) {
        let mut plan = lock(&self.plan);
        self.put_locked(&mut plan, store);
    }

    fn put_locked<'a>(&self, plan: &'a mut Option<OpenPlan>, store: Store) -> &'a OpenPlan {
        self.remember(&store);
        *lock(&self.startup_error) = None;
        plan.insert(OpenPlan::new(store, self.as_of.date()))
    }

    /// Replaces the open plan's store with the one `copy` makes from it (save as),
    /// keeping the history: the copy holds the same plan, so every undo still applies.
    pub fn replace_store(
        &self,
        copy: impl FnOnce(&Store) -> throughline_core::Result<Store>,
    ) -> AppResult<PlanState> {
        let mut plan = self.plan();
        let open = plan.as_mut().ok_or_else(|| self.no_plan())?;
        open.store = copy(&open.store)?;
        self.remember(&open.store);
        Ok(self.describe(open))
    }

    /// Entry `index` of the recent plans, as [`PlanState::recent`] showed them: the page
    /// says which entry, Rust's own list says which file.
    pub fn recent_plan(&self, index: usize) -> AppResult<PathBuf> {
        let recent = lock(&self.recent);
        recent.get(index).map(Path::to_owned).ok_or_else(|| {
            AppError::new(
                UNKNOWN_RECENT,
                format!(
                    "There is no recent plan number {} (the list holds {}).",
                    index + 1,
                    recent.len()
                ),
            )
        })
    }

    /// What the window shows: the scenario while there is one (with its difference to
    /// the plan), else the plan.
    fn describe(&self, open: &OpenPlan) -> PlanState {
        let as_of = self.as_of.date();
        let shown = open.shown();
        let analysis = throughline_core::analyse(shown, as_of);
        let (can_undo, can_redo, scenario) = match &open.scenario {
            Some(active) => (
                active.scenario.history().can_undo(),
                active.scenario.history().can_redo(),
                Some(active.reading(open.store.graph(), as_of)),
            ),
            None => (open.history.can_undo(), open.history.can_redo(), None),
        };
        PlanState {
            path: open
                .store
                .path()
                .map(|path| path.display().to_string())
                .unwrap_or_default(),
            plan: shown.to_plan(),
            allocated: throughline_core::analysis::allocated_by_resource(shown),
            score_counts_text: analysis.summary.score_counts_text(),
            analysis,
            can_undo,
            can_redo,
            read_only: open.store.is_read_only(),
            as_of,
            recent: lock(&self.recent).display(),
            scenario,
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

fn no_scenario() -> AppError {
    AppError::new(
        NO_SCENARIO,
        "No scenario is in progress. Start one to try changes out without touching the plan.",
    )
}

/// Whether two paths name the same file (the open plan's path is as it was opened).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Takes a lock even if a thread panicked while holding it: the store keeps the file
/// and the graph equal on every path, so the data behind a poisoned lock is sound.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, mpsc};
    use std::time::Duration;

    use throughline_core::sample::sample_plan;

    use super::*;

    fn state(folder: &Path) -> Arc<AppState> {
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a valid date");
        Arc::new(AppState::new(folder.join("config"), AsOf::Fixed(date)))
    }

    #[test]
    fn commands_that_arrive_while_the_start_plan_opens_wait_for_it() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let path = folder.path().join("start.throughline");
        let state = state(folder.path());
        let (go, wait) = mpsc::channel::<()>();
        state.open_in_background(move || {
            wait.recv().ok();
            Store::create(&path, &sample_plan()).map_err(OpenFailure::new(&path))
        });
        let readers: Vec<_> = (0..3)
            .map(|_| {
                let state = Arc::clone(&state);
                std::thread::spawn(move || state.snapshot())
            })
            .collect();
        std::thread::sleep(Duration::from_millis(50));
        go.send(())
            .expect("the opening thread waits for the signal");
        for reader in readers {
            let snapshot = reader
                .join()
                .expect("a reader thread should not panic")
                .expect("every command should see the start plan once it is open");
            assert_eq!(
                snapshot.plan.nodes.len(),
                sample_plan().node_count(),
                "the snapshot should hold the whole start plan"
            );
        }
    }

    #[test]
    fn a_start_plan_that_fails_to_open_is_reported_by_the_first_command() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let missing = folder.path().join("missing.throughline");
        let state = state(folder.path());
        state.open_in_background(move || Store::open(&missing).map_err(OpenFailure::new(&missing)));
        let error = state
            .snapshot()
            .expect_err("no plan should be open when the start plan fails");
        assert_ne!(
            error.code, NO_PLAN,
            "the error should say why the start plan did not open, not just that none is open"
        );
    }
}
