//! What the UI asks of Rust: each call goes through ipc/, re-renders from the returned PlanState
//! (or, for edits, undo and redo, from Rust's answer applied to the one held), and turns a refusal into a toast carrying the AppError code (nothing changes on a refusal).
import { useMemo } from "react";
import type { Edit } from "../bindings/Edit";
import * as ipc from "../ipc/commands";
import { toAppError, type EditAnswer, type ImportedPlan, type PlanState, type ReportFormat } from "../ipc/types";
import { editAnswered, editRefused, editStarted } from "../timing";
import { useStore, type Action } from "./store";

type Dispatch = (action: Action) => void;

// Edits apply one after another, in the order they were made, even when the user is quick.
let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

/** Refusals after which the plan can still be opened to look at. */
export const OPENS_READ_ONLY = new Set(["plan_in_use", "read_only_location"]);

/** Refusals after which Rust holds the plan as the file now is: show that, not the old one. */
const SHOWS_PLAN_ANEW = new Set(["changed_outside", "plan_replaced"]);

export function showError(dispatch: Dispatch, error: unknown) {
  const { code, message } = toAppError(error);
  const action = OPENS_READ_ONLY.has(code)
    ? { label: "Open read-only", run: () => void openReadOnly(dispatch) }
    : undefined;
  dispatch({ type: "toast", toast: { tone: "error", code, message, action } });
  if (SHOWS_PLAN_ANEW.has(code)) {
    ipc.currentPlan().then(
      (planState) => dispatch({ type: "loaded", planState, keepSelection: true }),
      () => undefined,
    );
  }
}

/** Opens the plan just refused as in use (or unwritable), to look at only. */
export async function openReadOnly(dispatch: Dispatch) {
  try {
    const planState = await ipc.openReadOnly();
    dispatch({ type: "loaded", planState });
    dispatch({ type: "select", id: null });
  } catch (error) {
    showError(dispatch, error);
  }
}

export function showInfo(dispatch: Dispatch, message: string, action?: { label: string; run: () => void }) {
  dispatch({ type: "toast", toast: { tone: "info", code: "info", message, action } });
}

/** Runs one PlanState-returning command; resolves to the new state, or null when refused. */
export async function run(dispatch: Dispatch, command: () => Promise<PlanState>): Promise<PlanState | null> {
  dispatch({ type: "pending", delta: 1 });
  try {
    const planState = await enqueue(command);
    dispatch({ type: "loaded", planState, keepSelection: true });
    return planState;
  } catch (error) {
    showError(dispatch, error);
    return null;
  } finally {
    dispatch({ type: "pending", delta: -1 });
  }
}

/** How long an edit's answer may take before the status line says "Saving…". */
export const SAVING_SHOWN_AFTER_MS = 150;

/** Runs an edit, an undo or a redo; resolves to Rust's answer (what changed), or null when refused. */
export async function runEdit(dispatch: Dispatch, command: () => Promise<EditAnswer>): Promise<EditAnswer | null> {
  editStarted();
  // "Saving…" only for an answer that keeps the user waiting: shown for every edit, it cost a
  // render and a paint of the whole window before the edit was even sent.
  let shown = false;
  const slow = setTimeout(() => {
    shown = true;
    dispatch({ type: "pending", delta: 1 });
  }, SAVING_SHOWN_AFTER_MS);
  try {
    const answer = await enqueue(command);
    editAnswered();
    dispatch({ type: "edited", answer });
    return answer;
  } catch (error) {
    editRefused();
    showError(dispatch, error);
    return null;
  } finally {
    clearTimeout(slow);
    if (shown) dispatch({ type: "pending", delta: -1 });
  }
}

export const fileStem = (path: string) =>
  (path.split(/[\\/]/).pop() ?? "plan").replace(/\.(throughline|json)$/i, "");

/** File menu and Export: Rust asks the user for the file; a null answer is a cancelled dialog. */
export function makeActions(dispatch: Dispatch) {
  /** Runs a command in turn; resolves to its answer, or null when it was refused (after the toast). */
  const attempt = async <T>(command: () => Promise<T>): Promise<T | null> => {
    try {
      return await enqueue(command);
    } catch (error) {
      showError(dispatch, error);
      return null;
    }
  };
  const show = (planState: PlanState) => {
    dispatch({ type: "loaded", planState });
    dispatch({ type: "select", id: null });
  };
  /** Shows the plan a command switched to; resolves to it, or null when cancelled or refused. */
  const switchTo = async (command: () => Promise<PlanState | null>) => {
    const planState = await attempt(command);
    if (planState) show(planState);
    return planState;
  };
  return {
    edit: (edit: Edit) => runEdit(dispatch, () => ipc.applyEdit(edit)),
    undo: () => runEdit(dispatch, ipc.undo),
    redo: () => runEdit(dispatch, ipc.redo),
    openRecent: (index: number) => switchTo(() => ipc.openRecent(index)),
    async open() {
      const opened = await attempt(ipc.openPlan);
      if (!opened) return;
      show(opened.state);
      if (opened.imported_from) showInfo(dispatch, `Imported ${opened.imported_from} into ${opened.state.path}.`);
    },
    /** Resolves to what the import did (for its summary), or null when cancelled or refused. */
    async importPlan(): Promise<ImportedPlan | null> {
      const imported = await attempt(ipc.importPlan);
      if (imported) show(imported.state);
      return imported;
    },
    async saveSpreadsheetTemplate() {
      const path = await attempt(ipc.saveSpreadsheetTemplate);
      if (path) showInfo(dispatch, `Spreadsheet template saved to ${path}. Fill it in, then use File > Import.`);
    },
    newPlan: () => switchTo(ipc.newPlan),
    openSample: () => switchTo(ipc.openSample),
    openReadOnly: () => openReadOnly(dispatch),
    async saveAs() {
      const saved = await switchTo(ipc.savePlanAs);
      if (saved) showInfo(dispatch, `Saved a copy as ${saved.path}; you are now editing it.`);
    },
    async exportReport(format: ReportFormat, team: string | null) {
      try {
        const path = await ipc.exportReport(format, team, (file) => dispatch({ type: "exporting", file }));
        if (path) showInfo(dispatch, `Report exported to ${path}`);
      } catch (error) {
        showError(dispatch, error);
      } finally {
        dispatch({ type: "exporting", file: null });
      }
    },
    async shareBrief(node: string, format: ReportFormat) {
      try {
        const shared = await ipc.shareBrief(node, format);
        if (!shared) return;
        if (shared.left_out) showInfo(dispatch, `Brief written to ${shared.path}, but it did not fit on one page: left out ${shared.left_out}.`);
        else showInfo(dispatch, `Brief written to ${shared.path}`);
      } catch (error) {
        showError(dispatch, error);
      }
    },
  };
}

export type Actions = ReturnType<typeof makeActions>;

export function useActions(): Actions {
  const { dispatch } = useStore();
  return useMemo(() => makeActions(dispatch), [dispatch]);
}
