//! Lookup tables over a plan (parents, children, allocations, findings per node), built once per PlanState.
import type { Finding } from "../bindings/Finding";
import type { Link } from "../bindings/Link";
import type { Node } from "../bindings/Node";
import type { NodeKind } from "../bindings/NodeKind";
import type { Plan } from "../bindings/Plan";
import type { Severity } from "../bindings/Severity";

export type PlanIndex = {
  nodes: Map<string, Node>;
  /** Plan order of each node, for stable sorting. */
  order: Map<string, number>;
  /** supports links: node -> the nodes it supports (upward). */
  up: Map<string, string[]>;
  /** supports links: node -> the nodes that support it (downward). */
  down: Map<string, string[]>;
  /** allocates links keyed by the resource. */
  allocationsFrom: Map<string, Link[]>;
  /** allocates links keyed by the receiving strategy or initiative. */
  allocationsTo: Map<string, Link[]>;
  findings: Map<string, Finding[]>;
  teams: string[];
  owners: string[];
};

export const KIND_ORDER: NodeKind[] = ["org_goal", "team_goal", "strategy", "initiative", "resource"];
export const kindRank = (kind: NodeKind) => KIND_ORDER.indexOf(kind);

const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];
export const severityRank = (severity: Severity) => SEVERITY_ORDER.indexOf(severity);

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildIndex(plan: Plan, findings: Finding[]): PlanIndex {
  const nodes = new Map<string, Node>();
  const order = new Map<string, number>();
  const teams = new Set<string>();
  const owners = new Set<string>();
  plan.nodes.forEach((node, i) => {
    nodes.set(node.id, node);
    order.set(node.id, i);
    if (node.team?.trim()) teams.add(node.team.trim());
    if (node.owner?.trim()) owners.add(node.owner.trim());
  });
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  const allocationsFrom = new Map<string, Link[]>();
  const allocationsTo = new Map<string, Link[]>();
  for (const link of plan.links) {
    if (link.kind === "supports") {
      push(up, link.from, link.to);
      push(down, link.to, link.from);
    } else {
      push(allocationsFrom, link.from, link);
      push(allocationsTo, link.to, link);
    }
  }
  const byNode = new Map<string, Finding[]>();
  for (const finding of findings) push(byNode, finding.node, finding);
  const sortText = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b));
  return {
    nodes,
    order,
    up,
    down,
    allocationsFrom,
    allocationsTo,
    findings: byNode,
    teams: sortText(teams),
    owners: sortText(owners),
  };
}

/** The worst severity among a node's findings, or null when it has none. */
export function worstSeverity(findings: Finding[] | undefined): Severity | null {
  if (!findings || findings.length === 0) return null;
  return findings.reduce<Severity>(
    (worst, f) => (severityRank(f.severity) < severityRank(worst) ? f.severity : worst),
    "info",
  );
}

/** The analysis's over-allocation finding for a resource, if it has one: the only reason to draw it red. */
export function overAllocation(index: PlanIndex, resourceId: string): Finding | undefined {
  return index.findings.get(resourceId)?.find((f) => f.rule === "over_allocated");
}
