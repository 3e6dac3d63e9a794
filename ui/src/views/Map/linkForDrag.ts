//! What a drag between two nodes on the map means, read against the core's link table.
import type { Link } from "../../bindings/Link";
import type { Node } from "../../bindings/Node";
import { allows } from "../../model/rules";

/**
 * The link a drag from `a` to `b` most likely means: an allocation when one end is a resource,
 * else a supports link in whichever direction the rules allow (upward). When neither fits, the
 * link as drawn, so Rust can say why it is refused.
 */
export function linkForDrag(a: Node, b: Node): Link {
  if (a.kind === "resource" || b.kind === "resource") {
    const [from, to] = a.kind === "resource" ? [a, b] : [b, a];
    return { kind: "allocates", from: from.id, to: to.id };
  }
  if (!allows("supports", a.kind, b.kind) && allows("supports", b.kind, a.kind))
    return { kind: "supports", from: b.id, to: a.id };
  return { kind: "supports", from: a.id, to: b.id };
}
