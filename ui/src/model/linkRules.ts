//! Which links the rules allow (ALIGNMENT-RULES.md), used to offer sensible targets and to orient
//! a drag on the map. Rust stays the judge: anything it refuses comes back as a toast.
import type { Link } from "../bindings/Link";
import type { LinkKind } from "../bindings/LinkKind";
import type { Node } from "../bindings/Node";
import type { NodeKind } from "../bindings/NodeKind";

const SUPPORTS: Partial<Record<NodeKind, NodeKind[]>> = {
  org_goal: ["org_goal"],
  team_goal: ["org_goal", "team_goal"],
  strategy: ["team_goal", "org_goal"],
  initiative: ["strategy", "team_goal", "org_goal"],
};

export function allows(kind: LinkKind, from: NodeKind, to: NodeKind): boolean {
  if (kind === "allocates") return from === "resource" && (to === "strategy" || to === "initiative");
  return SUPPORTS[from]?.includes(to) ?? false;
}

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
