//! Search and filter of nodes by text, kind, team, owner, status and severity (map, outline, findings).
import type { Finding } from "../bindings/Finding";
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

// A node's searchable text, lower-cased once per node object: nodes an edit did not touch stay
// the same object (state/editAnswer.ts), so a keystroke costs one substring test per node.
const haystacks = new WeakMap<Node, string>();

function haystackOf(node: Node): string {
  let text = haystacks.get(node);
  if (text === undefined) {
    text = [node.id, node.title, node.why, node.owner, node.team, node.notes].filter(Boolean).join("\n").toLowerCase();
    haystacks.set(node, text);
  }
  return text;
}

/** The words of a search, lower-cased: a node matches when each occurs in its text. */
export const searchWords = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

/** Text matches when every word occurs in the id, title, why, owner, team or notes (case-insensitive). */
export function matchesText(node: Node, text: string): boolean {
  const words = searchWords(text);
  if (words.length === 0) return true;
  const haystack = haystackOf(node);
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

/**
 * Whether the Findings view shows a finding under this filter: its node must match the text,
 * kind, team, owner and status; the severity asked for is the finding's own ("none" keeps none).
 */
export function findingMatches(finding: Finding, filter: NodeFilter, index: PlanIndex): boolean {
  if (filter.severity === "none" || (filter.severity && finding.severity !== filter.severity)) return false;
  const node = index.nodes.get(finding.node);
  if (!node) return !isFilterActive({ ...filter, severity: "" });
  return matchesFilter(node, { ...filter, severity: "" }, index);
}

/** How many nodes match, and the first `limit` of them in plan order: what the search box lists as you type. */
export function searchMatches(nodes: Node[], filter: NodeFilter, index: PlanIndex, limit: number): { count: number; first: Node[] } {
  const first: Node[] = [];
  let count = 0;
  for (const node of nodes) {
    if (!matchesFilter(node, filter, index)) continue;
    count += 1;
    if (first.length < limit) first.push(node);
  }
  return { count, first };
}
