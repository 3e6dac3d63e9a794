//! Writing a node's *why* is explaining it: a goal or strategy whose why is written for the first
//! time gets its first review (PLAN-FORMAT.md, `reviews`) dated that day, so a node made with its
//! why is not flagged "never reviewed" the moment it exists.
import type { Node } from "../bindings/Node";

const neverReviewed = (node: Node) => !node.last_reviewed && (node.reviews ?? []).length === 0;

/** `node` with `why` (blank removes it), and a first review on `asOf` when this is its first why and it never had a review. */
export function withWhy(node: Node, why: string, asOf: string): Node {
  const text = why.trim() === "" ? undefined : why;
  const next: Node = { ...node, why: text };
  if (text !== undefined && !node.why?.trim() && neverReviewed(node) && node.kind !== "resource")
    next.reviews = [{ date: asOf, note: "Why written" }];
  return next;
}
