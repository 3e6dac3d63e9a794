//! Runs the ELK layered layout in a web worker (never on the UI thread) and reads back the order
//! it gives each band; the map keeps the TS layout's bands and rows (layoutFromOrder).
import ELK, { type ElkNode } from "elkjs/lib/elk-api.js";
import elkWorkerUrl from "elkjs/lib/elk-worker.min.js?url";
import type { Plan } from "../../bindings/Plan";
import { elkGraph, layoutFromOrder, type Positions } from "../../model/layout";

/**
 * Above this many nodes the TS layered layout is used alone. ELK's time grows fast: cold, it
 * took 0.9 s on the 46-node sample, 1.3 s on 100 nodes, 3 s on 200 and 16 s on 400 (Node 20),
 * a core busy all that time; and at 400 nodes, once wrapped into rows, its order crossed more
 * links than the TS layout's sweeps.
 */
export const ELK_NODE_LIMIT = 200;

/**
 * ELK positions, or null when there is no worker, the plan is too big, or ELK fails.
 *
 * Each call starts a worker and ends it when done (or when `signal` aborts; the promise then
 * never settles). A worker kept alive holds ELK's compiled
 * code and heap, about 70 MB of the web process measured on the sample plan, for a layout that
 * reruns only when nodes or links come or go.
 */
export async function elkPositions(plan: Plan, signal?: AbortSignal): Promise<Positions | null> {
  if (plan.nodes.length === 0 || plan.nodes.length > ELK_NODE_LIMIT || typeof Worker === "undefined") return null;
  const elk = new ELK({ workerUrl: elkWorkerUrl });
  // A newer layout supersedes this one: end the worker now rather than when it is done.
  signal?.addEventListener("abort", () => elk.terminateWorker());
  try {
    // The ELK typings are looser than the graph we build; the shape is the documented JSON one.
    const result = await elk.layout(elkGraph(plan) as unknown as ElkNode);
    const order = new Map<string, number>();
    for (const child of result.children ?? []) order.set(child.id, child.x ?? 0);
    return layoutFromOrder(plan, order);
  } catch (error) {
    console.warn("ELK layout failed; keeping the layered layout", error);
    return null;
  } finally {
    elk.terminateWorker();
  }
}
