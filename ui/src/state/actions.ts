//! What the UI asks of Rust: each call goes through ipc/, re-renders from the returned PlanState,
//! and turns a refusal into a toast carrying the AppError code (nothing changes on a refusal).
import { useMemo } from "react";
import type { Edit } from "../bindings/Edit";
import * as ipc from "../ipc/commands";
import { choosePlanFilePath, choosePlanToOpen, chooseSavePath } from "../ipc/dialogs";
import { REPORT_FORMATS, toAppError, type PlanState, type ReportFormat } from "../ipc/types";
import { useStore, type Action } from "./store";

type Dispatch = (action: Action) => void;

// Edits apply one after another, in the order they were made, even when the user is quick.
let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

export function showError(dispatch: Dispatch, error: unknown) {
  const { code, message } = toAppError(error);
  dispatch({ type: "toast", toast: { tone: "error", code, message } });
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

export const fileStem = (path: string) =>
  (path.split(/[\\/]/).pop() ?? "plan").replace(/\.(throughline|json)$/i, "");

const slug = (text: string) =>
  text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "plan";

export function makeActions(dispatch: Dispatch, getState: () => PlanState | null) {
  const switchTo = async (command: () => Promise<PlanState>) => {
    try {
      const planState = await enqueue(command);
      dispatch({ type: "loaded", planState });
      dispatch({ type: "select", id: null });
      return planState;
    } catch (error) {
      showError(dispatch, error);
      return null;
    }
  };
  return {
    edit: (edit: Edit) => run(dispatch, () => ipc.applyEdit(edit)),
    undo: () => run(dispatch, ipc.undo),
    redo: () => run(dispatch, ipc.redo),
    openPath: (path: string) => switchTo(() => ipc.openPlan(path)),
    async open() {
      try {
        const path = await choosePlanToOpen();
        if (!path) return;
        if (!/\.json$/i.test(path)) {
          await switchTo(() => ipc.openPlan(path));
          return;
        }
        const target = await choosePlanFilePath(`${fileStem(path)}.throughline`);
        if (!target) return;
        const imported = await switchTo(() => ipc.importPlan(path, target));
        if (imported) showInfo(dispatch, `Imported ${path} into ${imported.path}.`);
      } catch (error) {
        showError(dispatch, error);
      }
    },
    async newPlan() {
      try {
        const path = await choosePlanFilePath("new-plan.throughline");
        if (!path) return;
        const name = fileStem(path).replace(/[-_]+/g, " ").replace(/^./, (c) => c.toUpperCase());
        await switchTo(() => ipc.newPlan(path, name || "New plan"));
      } catch (error) {
        showError(dispatch, error);
      }
    },
    async saveAs() {
      const current = getState();
      try {
        const path = await choosePlanFilePath(`${slug(current?.plan.name ?? "plan")}.throughline`);
        if (!path) return;
        const saved = await switchTo(() => ipc.savePlanAs(path));
        if (saved) showInfo(dispatch, `Saved a copy as ${saved.path}; you are now editing it.`);
      } catch (error) {
        showError(dispatch, error);
      }
    },
    async exportReport(format: ReportFormat, team: string | null) {
      const current = getState();
      const ext = REPORT_FORMATS.find((f) => f.format === format)!.ext;
      const base = slug(current?.plan.name ?? "plan") + (team ? `-${slug(team)}` : "");
      try {
        const path = await chooseSavePath(`${base}.${ext}`, [{ name: format.toUpperCase(), extensions: [ext] }]);
        if (!path) return;
        dispatch({ type: "exporting", file: path.split(/[\\/]/).pop() ?? path });
        await ipc.exportReport(path, format, team);
        showInfo(dispatch, `Report exported to ${path}`);
      } catch (error) {
        showError(dispatch, error);
      } finally {
        dispatch({ type: "exporting", file: null });
      }
    },
  };
}

export type Actions = ReturnType<typeof makeActions>;

export function useActions(): Actions {
  const { state, dispatch } = useStore();
  // A ref-like getter so the actions object stays stable while the plan changes.
  const holder = useMemo(() => ({ current: null as PlanState | null }), []);
  holder.current = state.planState;
  return useMemo(() => makeActions(dispatch, () => holder.current), [dispatch, holder]);
}
