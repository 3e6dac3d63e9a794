//! Typed wrappers over the Tauri commands of IPC.md: the only module that calls invoke.
import { invoke } from "@tauri-apps/api/core";
import type { Edit } from "../bindings/Edit";
import { toAppError, type PlanState, type ReportFormat } from "./types";

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    // Rejections arrive as {code, message}; normalise so callers can rely on the shape.
    throw toAppError(error);
  }
}

export const currentPlan = () => call<PlanState>("current_plan");

export const openPlan = (path: string) => call<PlanState>("open_plan", { path });
export const importPlan = (source: string, path: string) => call<PlanState>("import_plan", { source, path });
export const newPlan = (path: string, name: string) => call<PlanState>("new_plan", { path, name });
export const savePlanAs = (path: string) => call<PlanState>("save_plan_as", { path });
export const applyEdit = (edit: Edit) => call<PlanState>("apply_edit", { edit });
export const undo = () => call<PlanState>("undo");
export const redo = () => call<PlanState>("redo");
export const exportReport = (path: string, format: ReportFormat, team: string | null) =>
  call<void>("export_report", { path, format, team });
export const testSavePath = (defaultName: string) =>
  call<string | null>("test_save_path", { defaultName });

let prefetched: Promise<PlanState> | null = null;

/**
 * Asks Rust for the start plan as soon as the script runs (main.tsx), so Rust describes and
 * serialises it while React boots: on a 10,000-node plan that is 50 ms or more on each side.
 */
export function prefetchStartPlan() {
  prefetched = currentPlan();
  // App attaches the real handlers; this keeps an early failure from counting as unhandled.
  prefetched.catch(() => undefined);
}

/** The start plan: the prefetched request, taken once, else a new one. */
export function startPlan(): Promise<PlanState> {
  const request = prefetched ?? currentPlan();
  prefetched = null;
  return request;
}
