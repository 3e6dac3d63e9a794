//! Briefing mode's walk: which goals, strategies and initiatives a briefing shows, in what
//! order (from the org goals down the throughline, one level at a time), and the one edit
//! that records it in the review log of every goal and strategy shown.
import type { Edit } from "../bindings/Edit";
import type { Node } from "../bindings/Node";
import type { Review } from "../bindings/Review";
import { kindRank, type PlanIndex } from "./planIndex";
import { reviewedKind } from "./rules";

/** What a briefing is about: a team's work, or one node's throughline. */
export type BriefingScope = { team: string } | { node: string };

export type BriefingStep = {
  id: string;
  /** The path from the org goal this step was reached from down to it (ids, ending with it). */
  trail: string[];
};

const shown = (node: Node | undefined): node is Node => !!node && node.status !== "dropped" && node.kind !== "resource";

/** The nodes a briefing covers: the scope's own goals and work, and every node above them. */
export function briefingNodes(index: PlanIndex, scope: BriefingScope): Set<string> {
  const start =
    "team" in scope
      ? [...index.nodes.values()].filter((n) => shown(n) && (n.team ?? "").trim() === scope.team).map((n) => n.id)
      : shown(index.nodes.get(scope.node)) ? [scope.node] : [];
  const covered = new Set<string>();
  const climb = (id: string) => {
    if (covered.has(id) || !shown(index.nodes.get(id))) return;
    covered.add(id);
    for (const parent of index.up.get(id) ?? []) climb(parent);
  };
  start.forEach(climb);
  // From one node, the briefing also walks down to the work under it.
  if ("node" in scope && covered.has(scope.node)) {
    const descend = (id: string) => {
      for (const child of index.down.get(id) ?? []) {
        if (!covered.has(child) && shown(index.nodes.get(child))) {
          covered.add(child);
          descend(child);
        }
      }
    };
    descend(scope.node);
  }
  return covered;
}

/**
 * The steps in the order a leader tells them: each top node (an org goal, normally) and then,
 * depth first, what supports it within the briefing, goals before strategies before
 * initiatives, plan order within a kind. A node reached twice is shown once, where it is
 * first reached.
 */
export function briefingSteps(index: PlanIndex, scope: BriefingScope): BriefingStep[] {
  const covered = briefingNodes(index, scope);
  const byPlanOrder = (a: string, b: string) => {
    const na = index.nodes.get(a)!;
    const nb = index.nodes.get(b)!;
    return kindRank(na.kind) - kindRank(nb.kind) || index.order.get(a)! - index.order.get(b)!;
  };
  const tops = [...covered].filter((id) => !(index.up.get(id) ?? []).some((p) => covered.has(p))).sort(byPlanOrder);
  const steps: BriefingStep[] = [];
  const visited = new Set<string>();
  const walk = (id: string, trail: string[]) => {
    if (visited.has(id)) return;
    visited.add(id);
    const here = [...trail, id];
    steps.push({ id, trail: here });
    const children = (index.down.get(id) ?? []).filter((c) => covered.has(c)).sort(byPlanOrder);
    for (const child of children) walk(child, here);
  };
  for (const top of tops) walk(top, []);
  return steps;
}

/** A briefing records a review on the kinds the core asks to be re-explained: goals and strategies (initiatives are shown, not reviewed). */
export const isReviewed = (node: Node) => reviewedKind(node.kind);

/** One review entry: today's date, and audience and note only when written. */
export function review(date: string, audience: string, note: string): Review {
  return { date, ...(audience.trim() ? { audience: audience.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}) };
}

/** The node with `entry` appended to its review log (oldest first, as PLAN-FORMAT.md keeps it). */
export const withReview = (node: Node, entry: Review): Node => ({ ...node, reviews: [...(node.reviews ?? []), entry] });

/** One undoable edit adding `entry` to the log of every goal and strategy shown. */
export function recordBriefing(index: PlanIndex, steps: BriefingStep[], entry: Review): Edit {
  const edits: Edit[] = steps
    .map((step) => index.nodes.get(step.id))
    .filter((node): node is Node => !!node && isReviewed(node))
    .map((node) => ({ op: "update_node", node: withReview(node, entry) }));
  return { op: "batch", edits };
}
