//! Runs the ELK layered layout in a web worker (never on the UI thread) and reads back positions.
import ELK, { type ElkNode } from "elkjs/lib/elk-api.js";
import elkWorkerUrl from "elkjs/lib/elk-worker.min.js?url";
import type { Plan } from "../../bindings/Plan";
import { elkGraph, maxPerRow, wrapWideLayers, type Positions } from "../../model/layout";

/** Above this many nodes ELK takes too long even off-thread; the TS layered layout is used alone. */
export const ELK_NODE_LIMIT = 1500;

let elk: InstanceType<typeof ELK> | null = null;

function engine(): InstanceType<typeof ELK> | null {
  if (typeof Worker === "undefined") return null;
  if (!elk) elk = new ELK({ workerUrl: elkWorkerUrl });
  return elk;
}

/** ELK positions, or null when there is no worker, the plan is too big, or ELK fails. */
export async function elkPositions(plan: Plan): Promise<Positions | null> {
  if (plan.nodes.length === 0 || plan.nodes.length > ELK_NODE_LIMIT) return null;
  const layout = engine();
  if (!layout) return null;
  try {
    // The ELK typings are looser than the graph we build; the shape is the documented JSON one.
    const result = await layout.layout(elkGraph(plan) as unknown as ElkNode);
    const positions: Positions = new Map();
    for (const child of result.children ?? []) positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
    return wrapWideLayers(positions, maxPerRow(plan.nodes.length));
  } catch (error) {
    console.warn("ELK layout failed; keeping the layered layout", error);
    return null;
  }
}
