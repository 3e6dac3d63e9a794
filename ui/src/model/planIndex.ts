//! Lookup tables over a plan (parents, children, allocations, findings per node): built when a
//! plan is loaded, then brought up to date by each edit's answer for what it changed only.
import type { AnalysisChange } from "../bindings/AnalysisChange";
import type { Finding } from "../bindings/Finding";
import type { Link } from "../bindings/Link";
import type { Node } from "../bindings/Node";
import type { NodeKind } from "../bindings/NodeKind";
import type { Plan } from "../bindings/Plan";
import type { PlanChange } from "../bindings/PlanChange";
import type { Severity } from "../bindings/Severity";
import { MapChanges } from "./overlayMap";

export type PlanIndex = {
  nodes: ReadonlyMap<string, Node>;
  /** Plan order of each node, for stable sorting. */
  order: ReadonlyMap<string, number>;
  /** supports links: node -> the nodes it supports (upward). */
  up: ReadonlyMap<string, string[]>;
  /** supports links: node -> the nodes that support it (downward). */
  down: ReadonlyMap<string, string[]>;
  /** allocates links keyed by the resource. */
  allocationsFrom: ReadonlyMap<string, Link[]>;
  /** allocates links keyed by the receiving strategy or initiative. */
  allocationsTo: ReadonlyMap<string, Link[]>;
  findings: ReadonlyMap<string, Finding[]>;
  teams: string[];
  owners: string[];
  /** How many nodes name each team and owner, so an edit knows when one comes or goes. */
  teamCounts: Map<string, number>;
  ownerCounts: Map<string, number>;
  /** The order the next new node gets (new nodes go at the end of the plan). */
  nextOrder: number;
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

const sortText = (names: Iterable<string>) => [...names].sort((a, b) => a.localeCompare(b));

function count(counts: Map<string, number>, name: string | undefined, delta: number) {
  const key = name?.trim();
  if (!key) return;
  const next = (counts.get(key) ?? 0) + delta;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

export function buildIndex(plan: Plan, findings: Finding[]): PlanIndex {
  const nodes = new Map<string, Node>();
  const order = new Map<string, number>();
  const teamCounts = new Map<string, number>();
  const ownerCounts = new Map<string, number>();
  plan.nodes.forEach((node, i) => {
    nodes.set(node.id, node);
    order.set(node.id, i);
    count(teamCounts, node.team, 1);
    count(ownerCounts, node.owner, 1);
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
  return {
    nodes,
    order,
    up,
    down,
    allocationsFrom,
    allocationsTo,
    findings: byNode,
    teams: sortText(teamCounts.keys()),
    owners: sortText(ownerCounts.keys()),
    teamCounts,
    ownerCounts,
    nextOrder: plan.nodes.length,
  };
}

const linkKey = (link: { kind: string; from: string; to: string }) => `${link.kind}|${link.from}|${link.to}`;

/** `key`'s list rebuilt by `change` (a new list, so views holding the old one see no change). */
function editList<V>(map: MapChanges<string, V[]>, key: string, change: (list: V[]) => V[]) {
  const next = change(map.get(key) ?? []);
  if (next.length > 0) map.set(key, next);
  else map.delete(key);
}

/**
 * The index after an edit's answer, from the index before it, touching only what the answer
 * names. Never changes `index`: each changed map is the old one with the answer's few entries
 * overlaid (model/overlayMap.ts), so an edit costs what it changed, not the plan's size, and
 * React sees a new index while each view finds an unchanged list wherever nothing changed.
 */
export function updateIndex(index: PlanIndex, plan: PlanChange, findings: AnalysisChange): PlanIndex {
  const next: PlanIndex = { ...index };
  const nodesTouched = plan.upserted_nodes.length > 0 || plan.removed_nodes.length > 0;
  const linksTouched = plan.upserted_links.length > 0 || plan.removed_links.length > 0 || plan.removed_nodes.length > 0;
  if (nodesTouched) {
    const nodes = new MapChanges(index.nodes);
    const order = new MapChanges(index.order);
    const teamCounts = new Map(index.teamCounts);
    const ownerCounts = new Map(index.ownerCounts);
    for (const id of plan.removed_nodes) {
      const old = nodes.get(id);
      if (!old) continue;
      count(teamCounts, old.team, -1);
      count(ownerCounts, old.owner, -1);
      nodes.delete(id);
      order.delete(id);
    }
    for (const node of plan.upserted_nodes) {
      const old = nodes.get(node.id);
      count(teamCounts, old?.team, -1);
      count(ownerCounts, old?.owner, -1);
      count(teamCounts, node.team, 1);
      count(ownerCounts, node.owner, 1);
      nodes.set(node.id, node);
      if (!order.has(node.id)) order.set(node.id, next.nextOrder++);
    }
    next.nodes = nodes.done();
    next.order = order.done();
    next.teamCounts = teamCounts;
    next.ownerCounts = ownerCounts;
    next.teams = sameNames(index.teams, teamCounts) ? index.teams : sortText(teamCounts.keys());
    next.owners = sameNames(index.owners, ownerCounts) ? index.owners : sortText(ownerCounts.keys());
  }
  if (linksTouched) {
    const up = new MapChanges(index.up);
    const down = new MapChanges(index.down);
    const allocationsFrom = new MapChanges(index.allocationsFrom);
    const allocationsTo = new MapChanges(index.allocationsTo);
    const removeLink = (kind: string, from: string, to: string) => {
      if (kind === "supports") {
        editList(up, from, (list) => list.filter((id) => id !== to));
        editList(down, to, (list) => list.filter((id) => id !== from));
      } else {
        const key = linkKey({ kind, from, to });
        editList(allocationsFrom, from, (list) => list.filter((l) => linkKey(l) !== key));
        editList(allocationsTo, to, (list) => list.filter((l) => linkKey(l) !== key));
      }
    };
    for (const key of plan.removed_links) removeLink(key.kind, key.from, key.to);
    // A removed node's links go with it, whether or not the answer lists them.
    for (const id of plan.removed_nodes) {
      for (const to of up.get(id) ?? []) removeLink("supports", id, to);
      for (const from of down.get(id) ?? []) removeLink("supports", from, id);
      for (const link of allocationsFrom.get(id) ?? []) removeLink(link.kind, link.from, link.to);
      for (const link of allocationsTo.get(id) ?? []) removeLink(link.kind, link.from, link.to);
    }
    for (const link of plan.upserted_links) {
      if (link.kind === "supports") {
        editList(up, link.from, (list) => (list.includes(link.to) ? list : [...list, link.to]));
        editList(down, link.to, (list) => (list.includes(link.from) ? list : [...list, link.from]));
      } else {
        // An allocation's amount may have changed: the link replaces the one with its key.
        const key = linkKey(link);
        const put = (list: Link[]) => (list.some((l) => linkKey(l) === key) ? list.map((l) => (linkKey(l) === key ? link : l)) : [...list, link]);
        editList(allocationsFrom, link.from, put);
        editList(allocationsTo, link.to, put);
      }
    }
    next.up = up.done();
    next.down = down.done();
    next.allocationsFrom = allocationsFrom.done();
    next.allocationsTo = allocationsTo.done();
  }
  if (findings.removed.length > 0 || findings.upserted.length > 0) {
    const byNode = new MapChanges(index.findings);
    const findingKey = (f: { rule: string; node: string }) => `${f.rule}|${f.node}`;
    for (const gone of findings.removed) {
      const key = findingKey(gone);
      editList(byNode, gone.node, (list) => list.filter((f) => findingKey(f) !== key));
    }
    for (const finding of findings.upserted) {
      const key = findingKey(finding);
      editList(byNode, finding.node, (list) =>
        list.some((f) => findingKey(f) === key) ? list.map((f) => (findingKey(f) === key ? finding : f)) : [...list, finding],
      );
    }
    next.findings = byNode.done();
  }
  return next;
}

function sameNames(names: string[], counts: Map<string, number>) {
  return names.length === counts.size && names.every((name) => counts.has(name));
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
