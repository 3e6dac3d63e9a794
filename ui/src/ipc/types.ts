//! The IPC's app-side types, generated from src-tauri by ts-rs, and what the UI adds to them.
import type { AppError } from "../bindings/AppError";
import type { AppErrorCode } from "../bindings/AppErrorCode";
import type { ReportFormat } from "../bindings/ReportFormat";

export type { AppError } from "../bindings/AppError";
export type { OpenedPlan } from "../bindings/OpenedPlan";
export type { ImportedPlan } from "../bindings/ImportedPlan";
export type { AppErrorCode } from "../bindings/AppErrorCode";
export type { EditAnswer } from "../bindings/EditAnswer";
export type { PlanState } from "../bindings/PlanState";
export type { ReportFormat } from "../bindings/ReportFormat";

export const REPORT_FORMATS: { format: ReportFormat; label: string }[] = [
  { format: "html", label: "HTML report (with map and charts)" },
  { format: "pdf", label: "PDF report" },
  { format: "md", label: "Markdown" },
  { format: "csv", label: "CSV (findings and allocations)" },
  { format: "json", label: "JSON plan (interchange)" },
  { format: "xlsx", label: "Excel workbook (findings, allocations, traces)" },
];

/**
 * Turns whatever invoke rejected with into an AppError the UI can switch on. Rust always rejects
 * with `{code, message}`; anything else means the call broke on the way (`internal`).
 */
export function toAppError(error: unknown): AppError {
  if (error && typeof error === "object" && "code" in error && "message" in error) {
    const { code, message } = error as { code: unknown; message: unknown };
    return { code: String(code) as AppErrorCode, message: String(message) };
  }
  if (typeof error === "string") return { code: "internal", message: error };
  if (error instanceof Error) return { code: "internal", message: error.message };
  return { code: "internal", message: "Something went wrong." };
}
