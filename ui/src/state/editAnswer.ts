//! Rust answers an edit, an undo or a redo with what it changed (EditAnswer, IPC.md), not
//! the whole plan: this brings the PlanState the UI holds up to date with it. Nodes, links and
//! findings keep their places; new ones go at the end.
import type { AnalysisChange } from "../bindings/AnalysisChange";
import type { EditAnswer } from "../bindings/EditAnswer";
import type { Finding } from "../bindings/Finding";
import type { Link } from "../bindings/Link";
import type { LinkKey } from "../bindings/LinkKey";
import type { Node } from "../bindings/Node";
import type { FindingKey } from "../bindings/FindingKey";
import type { PlanChange } from "../bindings/PlanChange";
import type { PlanState } from "../ipc/types";

const linkKey = (link: LinkKey | Link) => `${link.kind}|${link.from}|${link.to}`;
const findingKey = (finding: { rule: string; node: string }) => `${finding.rule}|${finding.node}`;

/** How to find an item, and what its answer removed, in a list. */
type Keys<T, R> = {
  key: (item: T) => string;
  /** A cheap part of the key (a node id): only items sharing one with a change get a full key built. */
  near: (item: T) => string;
  removedKey: (removed: R) => string;
  removedNear: (removed: R) => string;
};

/**
 * Removes what `removed` names, replaces in place what `upserted` holds again, appends the rest.
 * A 100,000-item list costs a pass of Set lookups, not 100,000 keys built as strings.
 */
function merged<T, R>(items: T[], keys: Keys<T, R>, removed: R[], upserted: T[]): T[] {
  if (removed.length === 0 && upserted.length === 0) return items;
  const gone = new Set(removed.map(keys.removedKey));
  const fresh = new Map(upserted.map((item) => [keys.key(item), item]));
  const touched = new Set([...removed.map(keys.removedNear), ...upserted.map(keys.near)]);
  const kept: T[] = [];
  for (const item of items) {
    if (!touched.has(keys.near(item))) {
      kept.push(item);
      continue;
    }
    const key = keys.key(item);
    const replacement = fresh.get(key);
    if (gone.has(key) && replacement === undefined) continue;
    fresh.delete(key);
    kept.push(replacement ?? item);
  }
  for (const item of fresh.values()) kept.push(item);
  return kept;
}

const NODES: Keys<Node, string> = { key: (node) => node.id, near: (node) => node.id, removedKey: (id) => id, removedNear: (id) => id };
const LINKS: Keys<Link, LinkKey> = { key: linkKey, near: (link) => link.from, removedKey: linkKey, removedNear: (key) => key.from };
const FINDINGS: Keys<Finding, FindingKey> = {
  key: findingKey,
  near: (finding) => finding.node,
  removedKey: findingKey,
  removedNear: (key) => key.node,
};

function withPlanChange(state: PlanState, change: PlanChange): PlanState {
  const plan = {
    ...state.plan,
    ...(change.settings ?? {}),
    nodes: merged(state.plan.nodes, NODES, change.removed_nodes, change.upserted_nodes),
    links: merged(state.plan.links, LINKS, change.removed_links, change.upserted_links),
    ...(change.accepted ? { accepted: change.accepted } : {}),
  };
  const allocated = { ...state.allocated };
  for (const [resource, sum] of Object.entries(change.allocated)) {
    if (sum === null || sum === undefined) delete allocated[resource];
    else allocated[resource] = sum;
  }
  return { ...state, plan, allocated };
}

function withFindings(state: PlanState, change: AnalysisChange): PlanState {
  const findings: Finding[] = merged(state.analysis.findings, FINDINGS, change.removed, change.upserted);
  return { ...state, analysis: { ...state.analysis, summary: change.summary, findings } };
}

/** The state after the change `answer` describes, made from the state before it. */
export function applyEditAnswer(state: PlanState, answer: EditAnswer): PlanState {
  const changed = withFindings(withPlanChange(state, answer.plan), answer.findings);
  return {
    ...changed,
    analysis: { ...changed.analysis, as_of: answer.as_of },
    score_counts_text: answer.score_counts_text,
    can_undo: answer.can_undo,
    can_redo: answer.can_redo,
    as_of: answer.as_of,
    scenario: answer.scenario,
  };
}
