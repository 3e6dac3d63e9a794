//! What one briefing slide says about a node beyond its own fields: what supports it and
//! the resources that stand behind it (given to it or to any work under it), summed per resource.
import type { Node } from "../../bindings/Node";
import type { PlanIndex } from "../../model/planIndex";

export type Backing = { resource: Node; amount: number };

const present = (node: Node | undefined): node is Node => !!node && node.status !== "dropped";

/** The present nodes that support `id` directly, goals before strategies before initiatives. */
export function supporters(index: PlanIndex, id: string): Node[] {
  return (index.down.get(id) ?? [])
    .map((child) => index.nodes.get(child))
    .filter(present)
    .sort((a, b) => index.order.get(a.id)! - index.order.get(b.id)!);
}

/**
 * The resources allocated to `id` and to everything that reaches it, each once with its
 * amounts summed: what a leader means by "what stands behind this". Zero amounts give nothing.
 */
export function backing(index: PlanIndex, id: string): Backing[] {
  const sums = new Map<string, number>();
  const seen = new Set<string>();
  const visit = (at: string) => {
    if (seen.has(at) || !present(index.nodes.get(at))) return;
    seen.add(at);
    for (const link of index.allocationsTo.get(at) ?? []) {
      const amount = link.amount ?? 0;
      if (amount > 0 && present(index.nodes.get(link.from))) sums.set(link.from, (sums.get(link.from) ?? 0) + amount);
    }
    for (const child of index.down.get(at) ?? []) visit(child);
  };
  visit(id);
  return [...sums]
    .map(([resource, amount]) => ({ resource: index.nodes.get(resource)!, amount }))
    .sort((a, b) => index.order.get(a.resource.id)! - index.order.get(b.resource.id)!);
}
