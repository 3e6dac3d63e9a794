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
import type { PlanIndex } from "../model/planIndex";

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

/** The items a list holds under a cheap key (a node id), as the index keeps them: the very same objects. */
type Held<T> = (near: string) => readonly T[] | undefined;

/** More changed items than this, and one pass over the list beats a scan per item. */
const SCANS_UP_TO = 32;

/**
 * Where the items sharing a cheap key with a change stand, ascending: found by identity through
 * the index (a native scan of the list per item). Null when the index does not know one of them,
 * or there are too many: the caller then looks through the whole list.
 */
function positionsOf<T>(items: T[], touched: Set<string>, held: Held<T> | undefined): number[] | null {
  if (!held) return null;
  const positions: number[] = [];
  for (const near of touched) {
    for (const item of held(near) ?? []) {
      const at = items.indexOf(item);
      if (at < 0 || positions.length === SCANS_UP_TO) return null;
      positions.push(at);
    }
  }
  return positions.sort((a, b) => a - b);
}

/**
 * Removes what `removed` names, replaces in place what `upserted` holds again, appends the rest.
 * On a 100,000-item list this costs a few native scans when the index knows the items touched,
 * else one pass of Set lookups on a cheap key; untouched stretches are copied natively, and only
 * items sharing a node with a change get a full key built.
 */
function merged<T, R>(items: T[], keys: Keys<T, R>, removed: R[], upserted: T[], held?: Held<T>): T[] {
  if (removed.length === 0 && upserted.length === 0) return items;
  const gone = new Set(removed.map(keys.removedKey));
  const fresh = new Map(upserted.map((item) => [keys.key(item), item]));
  const touched = new Set([...removed.map(keys.removedNear), ...upserted.map(keys.near)]);
  let replaced: T[] | null = null;
  const dropped: number[] = [];
  const visit = (at: number) => {
    const key = keys.key(items[at]);
    const replacement = fresh.get(key);
    if (replacement !== undefined) {
      (replaced ??= items.slice())[at] = replacement;
      fresh.delete(key);
    } else if (gone.has(key)) {
      dropped.push(at);
    }
  };
  const positions = positionsOf(items, touched, held);
  if (positions) for (const at of positions) visit(at);
  else for (let at = 0; at < items.length; at++) if (touched.has(keys.near(items[at]))) visit(at);
  let result = replaced ?? items;
  if (dropped.length > 0) {
    const stretches: T[][] = [];
    let from = 0;
    for (const at of dropped) {
      stretches.push(result.slice(from, at));
      from = at + 1;
    }
    stretches.push(result.slice(from));
    result = ([] as T[]).concat(...stretches);
  }
  if (fresh.size > 0) result = result.concat([...fresh.values()]);
  return result;
}

const NODES: Keys<Node, string> = { key: (node) => node.id, near: (node) => node.id, removedKey: (id) => id, removedNear: (id) => id };
const LINKS: Keys<Link, LinkKey> = { key: linkKey, near: (link) => link.from, removedKey: linkKey, removedNear: (key) => key.from };
const FINDINGS: Keys<Finding, FindingKey> = {
  key: findingKey,
  near: (finding) => finding.node,
  removedKey: findingKey,
  removedNear: (key) => key.node,
};

function withPlanChange(state: PlanState, change: PlanChange, index?: PlanIndex): PlanState {
  const plan = {
    ...state.plan,
    ...(change.settings ?? {}),
    nodes: merged(state.plan.nodes, NODES, change.removed_nodes, change.upserted_nodes, index && nodeHeld(index)),
    links: merged(state.plan.links, LINKS, change.removed_links, change.upserted_links),
    ...(change.accepted ? { accepted: change.accepted } : {}),
  };
  // Copied only when a sum changed: a 100,000-node plan has sums for tens of thousands of resources.
  const sums = Object.entries(change.allocated);
  const allocated = sums.length > 0 ? { ...state.allocated } : state.allocated;
  for (const [resource, sum] of sums) {
    if (sum === null || sum === undefined) delete allocated[resource];
    else allocated[resource] = sum;
  }
  return { ...state, plan, allocated };
}

function withFindings(state: PlanState, change: AnalysisChange, index?: PlanIndex): PlanState {
  const findings: Finding[] = merged(state.analysis.findings, FINDINGS, change.removed, change.upserted, index && ((node) => index.findings.get(node)));
  return { ...state, analysis: { ...state.analysis, summary: change.summary, findings } };
}

const nodeHeld = (index: PlanIndex): Held<Node> => (id) => {
  const node = index.nodes.get(id);
  return node ? [node] : undefined;
};

/**
 * The state after the change `answer` describes, made from the state before it. `index`, when
 * given, is the index of that state before: it finds the changed nodes and findings in their
 * lists without a pass over them.
 */
export function applyEditAnswer(state: PlanState, answer: EditAnswer, index?: PlanIndex): PlanState {
  const changed = withFindings(withPlanChange(state, answer.plan, index), answer.findings, index);
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
