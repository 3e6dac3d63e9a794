//! Rust answers an edit, an undo or a redo with what it changed (EditAnswer, IPC.md), not
//! the whole plan: this brings the PlanState the UI holds up to date with it. Nodes, links and
//! findings keep their places; new ones go at the end.
import type { AnalysisChange } from "../bindings/AnalysisChange";
import type { EditAnswer } from "../bindings/EditAnswer";
import type { Finding } from "../bindings/Finding";
import type { Link } from "../bindings/Link";
import type { LinkKey } from "../bindings/LinkKey";
import type { PlanChange } from "../bindings/PlanChange";
import type { PlanState } from "../ipc/types";

const linkKey = (link: LinkKey | Link) => `${link.kind}|${link.from}|${link.to}`;
const findingKey = (finding: { rule: string; node: string }) => `${finding.rule}|${finding.node}`;

/** Removes what `removed` names, replaces in place what `upserted` holds again, appends the rest. */
function merged<T>(items: T[], keyOf: (item: T) => string, removed: string[], upserted: T[]): T[] {
  if (removed.length === 0 && upserted.length === 0) return items;
  const gone = new Set(removed);
  const fresh = new Map(upserted.map((item) => [keyOf(item), item]));
  const kept: T[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (gone.has(key) && !fresh.has(key)) continue;
    const replacement = fresh.get(key);
    fresh.delete(key);
    kept.push(replacement ?? item);
  }
  for (const item of fresh.values()) kept.push(item);
  return kept;
}

function withPlanChange(state: PlanState, change: PlanChange): PlanState {
  const plan = {
    ...state.plan,
    ...(change.settings ?? {}),
    nodes: merged(state.plan.nodes, (node) => node.id, change.removed_nodes, change.upserted_nodes),
    links: merged(state.plan.links, linkKey, change.removed_links.map(linkKey), change.upserted_links),
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
  const findings: Finding[] = merged(
    state.analysis.findings,
    findingKey,
    change.removed.map(findingKey),
    change.upserted,
  );
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
