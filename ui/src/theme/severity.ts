//! Severity colours and words: error red, warning amber, info blue, always shown with an icon too.
import type { Severity } from "../bindings/Severity";

export const SEVERITY_STYLE: Record<Severity, { label: string; plural: string; color: string; tint: string }> = {
  error: { label: "Error", plural: "Errors", color: "#c62828", tint: "#fdecec" },
  warning: { label: "Warning", plural: "Warnings", color: "#b26a00", tint: "#fff4e0" },
  info: { label: "Info", plural: "Info", color: "#1f5fbf", tint: "#e8f0fc" },
};

export const SEVERITIES: Severity[] = ["error", "warning", "info"];
