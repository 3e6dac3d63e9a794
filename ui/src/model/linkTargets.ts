//! The far end of a new link, found by typing: only the nodes the core's link table allows,
//! matched on title or id, the best few first. Cheap enough to run on every keystroke of a
//! 10,000-node plan: one pass, no sort of the whole plan.
import type { Node } from "../bindings/Node";
import type { NodeKind } from "../bindings/NodeKind";
import { KIND_ORDER, kindRank } from "./planIndex";
import { allows } from "./rules";

/** The link being added, as the inspector's form words it from the selected node. */
export type AddKind = "supports" | "supported_by" | "allocates";

/** The kinds of link a node of this kind is offered in the Inspector: those the core's rules allow it. */
export function linkChoices(near: NodeKind): AddKind[] {
  const all: AddKind[] = ["supports", "supported_by", "allocates"];
  return all.filter((add) => allowedKinds(add, near).length > 0);
}

/** Whether a node of kind `other` may be the far end of an `add` link from a node of kind `near`. */
export function fitsLink(add: AddKind, near: NodeKind, other: NodeKind): boolean {
  if (add === "supports") return allows("supports", near, other);
  if (add === "supported_by") return allows("supports", other, near);
  return near === "resource" ? allows("allocates", "resource", other) : other === "resource" && allows("allocates", "resource", near);
}

/** The kinds the rules allow at the far end, in the plan's order (org goals first). */
export function allowedKinds(add: AddKind, near: NodeKind): NodeKind[] {
  return KIND_ORDER.filter((kind) => fitsLink(add, near, kind));
}

export type TargetMatches = {
  /** The best matches, at most `limit`: titles starting with the text first, then by kind and title. */
  shown: Node[];
  /** How many nodes match in all. */
  total: number;
};

type Ranked = { node: Node; prefix: boolean; title: string };

function better(a: Ranked, b: Ranked) {
  if (a.prefix !== b.prefix) return a.prefix;
  const byKind = kindRank(a.node.kind) - kindRank(b.node.kind);
  if (byKind !== 0) return byKind < 0;
  return a.title < b.title || (a.title === b.title && a.node.id < b.node.id);
}

/**
 * The nodes that may be the far end of an `add` link from `near` and whose title or id holds
 * `text` (any case; an empty text matches every allowed node), leaving out `near` itself and
 * the nodes in `taken` (already linked that way).
 */
export function linkTargets(
  nodes: Iterable<Node>,
  near: Node,
  add: AddKind,
  text: string,
  taken: ReadonlySet<string>,
  limit = 8,
): TargetMatches {
  const wanted = text.trim().toLowerCase();
  const kinds = new Set(allowedKinds(add, near.kind));
  const best: Ranked[] = [];
  let total = 0;
  for (const node of nodes) {
    if (!kinds.has(node.kind) || node.id === near.id || taken.has(node.id)) continue;
    const title = node.title.toLowerCase();
    const at = title.indexOf(wanted);
    if (at < 0 && !node.id.toLowerCase().includes(wanted)) continue;
    total += 1;
    const candidate = { node, prefix: at === 0, title };
    // Keep the best `limit` in order: an insertion into a short list, not a sort of the plan.
    if (best.length === limit && !better(candidate, best[limit - 1])) continue;
    let place = best.length;
    while (place > 0 && better(candidate, best[place - 1])) place -= 1;
    best.splice(place, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return { shown: best.map((ranked) => ranked.node), total };
}
