//! App-side IPC types (PlanState, AppError, ReportFormat) as IPC.md defines them.
// src-tauri exports these with ts-rs; until its bindings land in ../bindings, these
// hand-written copies follow IPC.md field for field. Switch the imports when they do.
import type { Analysis } from "../bindings/Analysis";
import type { Plan } from "../bindings/Plan";

export type PlanState = {
  path: string;
  plan: Plan;
  analysis: Analysis;
  can_undo: boolean;
  can_redo: boolean;
  as_of: string;
  recent: string[];
};

export type AppError = { code: string; message: string };

export type ReportFormat = "html" | "pdf" | "md" | "csv" | "json";

export const REPORT_FORMATS: { format: ReportFormat; label: string; ext: string }[] = [
  { format: "html", label: "HTML report (with map and charts)", ext: "html" },
  { format: "pdf", label: "PDF report", ext: "pdf" },
  { format: "md", label: "Markdown", ext: "md" },
  { format: "csv", label: "CSV (findings and allocations)", ext: "csv" },
  { format: "json", label: "JSON plan (interchange)", ext: "json" },
];

/** Turns whatever invoke rejected with into an AppError the UI can switch on. */
export function toAppError(error: unknown): AppError {
  if (error && typeof error === "object" && "code" in error && "message" in error) {
    const { code, message } = error as { code: unknown; message: unknown };
    return { code: String(code), message: String(message) };
  }
  if (typeof error === "string") return { code: "unknown", message: error };
  if (error instanceof Error) return { code: "unknown", message: error.message };
  return { code: "unknown", message: "Something went wrong." };
}
