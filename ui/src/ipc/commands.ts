//! Typed wrappers over the Tauri commands of IPC.md: the only module that calls invoke.
//! No command takes a path: Rust asks the user for files, and `null` means the user cancelled.
import { Channel, invoke } from "@tauri-apps/api/core";
import type { Baseline } from "../bindings/Baseline";
import type { DiffReading } from "../bindings/DiffReading";
import type { Edit } from "../bindings/Edit";
import type { SharedBrief } from "../bindings/SharedBrief";
import type { Roadmap } from "../bindings/Roadmap";
import type { RoadmapGrouping } from "../bindings/RoadmapGrouping";
import type { WhatIfChange } from "../bindings/WhatIfChange";
import { toAppError, type EditAnswer, type ImportedPlan, type OpenedPlan, type PlanState, type ReportFormat } from "./types";

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    // Rejections arrive as {code, message}; normalise so callers can rely on the shape.
    throw toAppError(error);
  }
}

export const currentPlan = () => call<PlanState>("current_plan");

export const openPlan = () => call<OpenedPlan | null>("open_plan");
/** Opens entry `index` of `PlanState.recent`. */
export const openRecent = (index: number) => call<PlanState>("open_recent", { index });
export const newPlan = () => call<PlanState | null>("new_plan");
/** Opens, to look at only, the plan just refused as `plan_in_use` or `read_only_location`. */
export const openReadOnly = () => call<PlanState>("open_read_only");
export const openSample = () => call<PlanState>("open_sample");
export const savePlanAs = () => call<PlanState | null>("save_plan_as");
/** File > Import: an ArchiMate model or a spreadsheet into a new plan file, with what became of it. */
export const importPlan = () => call<ImportedPlan | null>("import_plan");
/** Resolves to the path the template was written to, or null. */
export const saveSpreadsheetTemplate = () => call<string | null>("save_spreadsheet_template");
/** Edits, undo and redo answer what changed (applied by state/editAnswer.ts), not the whole plan. */
export const applyEdit = (edit: Edit) => call<EditAnswer>("apply_edit", { edit });
export const undo = () => call<EditAnswer>("undo");
export const redo = () => call<EditAnswer>("redo");

/** Resolves to the path written, or null; `onChosen` hears the file's name as soon as the user picks it. */
export const exportReport = (format: ReportFormat, team: string | null, onChosen: (fileName: string) => void) =>
  call<string | null>("export_report", { format, team, onChosen: new Channel<string>(onChosen) });

/** "Share brief": the one-page brief of an initiative or strategy, where the user chooses; null if cancelled. */
export const shareBrief = (node: string, format: ReportFormat) => call<SharedBrief | null>("share_brief", { node, format });
/** The core's roadmap of the open plan, as of the plan's date. */
export const roadmap = (grouping: RoadmapGrouping) => call<Roadmap>("roadmap", { grouping });
/** Baselines, Compare, scenarios and quick what-ifs (issue 11): Rust words every difference. */
export const listBaselines = () => call<Baseline[]>("list_baselines");
export const takeBaseline = (name: string) => call<Baseline[]>("take_baseline", { name });
export const compareBaseline = (name: string) => call<DiffReading>("compare_baseline", { name });
/** Rust asks the user for another plan and keeps it; null when cancelled. */
export const compareFile = () => call<DiffReading | null>("compare_file");
/** The plan chosen in compareFile, read again (after an edit); null when none was chosen. */
export const compareFileAgain = () => call<DiffReading | null>("compare_file_again");
export const startScenario = () => call<PlanState>("start_scenario");
export const discardScenario = () => call<PlanState>("discard_scenario");
export const applyScenario = () => call<PlanState>("apply_scenario");
export const whatIfImpact = (changes: WhatIfChange[]) => call<DiffReading>("what_if_impact", { changes });
export const applyWhatIf = (changes: WhatIfChange[]) => call<EditAnswer>("apply_what_if", { changes });

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
