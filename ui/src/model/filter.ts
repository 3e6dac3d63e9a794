//! Search and filter of nodes by text, kind, team, owner, status and severity (map and outline).
import type { Node } from "../bindings/Node";
import type { NodeKind } from "../bindings/NodeKind";
import type { Severity } from "../bindings/Severity";
import type { Status } from "../bindings/Status";
import type { PlanIndex } from "./planIndex";

export type NodeFilter = {
  text: string;
  kind: NodeKind | "";
  team: string;
  owner: string;
  status: Status | "";
  /** "" = any; "none" = nodes without findings. */
  severity: Severity | "none" | "";
};

export const EMPTY_FILTER: NodeFilter = { text: "", kind: "", team: "", owner: "", status: "", severity: "" };

export const isFilterActive = (filter: NodeFilter) =>
  Object.values(filter).some((value) => value.trim() !== "");

/** Text matches when every word occurs in the id, title, why, owner, team or notes (case-insensitive). */
function matchesText(node: Node, text: string): boolean {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [node.id, node.title, node.why, node.owner, node.team, node.notes]
    .filter(Boolean)
    .join("\n")
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function matchesFilter(node: Node, filter: NodeFilter, index: PlanIndex): boolean {
  if (filter.kind && node.kind !== filter.kind) return false;
  if (filter.status && node.status !== filter.status) return false;
  if (filter.team && (node.team ?? "").trim() !== filter.team) return false;
  if (filter.owner && (node.owner ?? "").trim() !== filter.owner) return false;
  if (filter.severity) {
    const findings = index.findings.get(node.id) ?? [];
    if (filter.severity === "none" ? findings.length > 0 : !findings.some((f) => f.severity === filter.severity))
      return false;
  }
  return matchesText(node, filter.text);
}

/** The ids of the nodes that match, or null when no filter is set (everything matches). */
export function matchingIds(nodes: Node[], filter: NodeFilter, index: PlanIndex): Set<string> | null {
  if (!isFilterActive(filter)) return null;
  const ids = new Set<string>();
  for (const node of nodes) if (matchesFilter(node, filter, index)) ids.add(node.id);
  return ids;
}
