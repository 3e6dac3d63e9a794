//! Layered map layout: org goals on top, resources at the bottom. A fast TS layout for any size,
//! and the ELK graph description used (in a web worker) for plans small enough to refine.
import type { Plan } from "../bindings/Plan";
import { kindRank } from "./planIndex";

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 72;
const GAP_X = 26;
const GAP_Y = 76;
const WRAP_GAP_Y = 28;

/**
 * How many nodes a row holds before it wraps: a band of 14 initiatives would otherwise make the
 * map too wide to read at 1280 pixels, and a 10,000-node plan a 2-million-pixel line.
 */
export const maxPerRow = (nodeCount: number) => Math.max(7, Math.round(Math.sqrt(nodeCount)));

export type Positions = Map<string, { x: number; y: number }>;

/**
 * Depth of each node below same-kind nodes it supports (an org goal that supports another
 * org goal sits one band lower), computed iteratively so deep chains cannot overflow the stack.
 */
function sameKindDepth(plan: Plan): Map<string, number> {
  const kind = new Map(plan.nodes.map((n) => [n.id, n.kind]));
  const parents = new Map<string, string[]>();
  for (const link of plan.links) {
    if (link.kind !== "supports" || kind.get(link.from) !== kind.get(link.to)) continue;
    const list = parents.get(link.from);
    if (list) list.push(link.to);
    else parents.set(link.from, [link.to]);
  }
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  for (const start of plan.nodes) {
    const stack: [string, boolean][] = [[start.id, false]];
    while (stack.length > 0) {
      const [id, expanded] = stack.pop()!;
      if (depth.has(id)) continue;
      const ups = parents.get(id) ?? [];
      if (expanded) {
        depth.set(id, Math.max(-1, ...ups.map((p) => depth.get(p) ?? -1)) + 1);
        continue;
      }
      if (visiting.has(id)) continue;
      visiting.add(id);
      stack.push([id, true]);
      for (const p of ups) if (!depth.has(p) && !visiting.has(p)) stack.push([p, false]);
    }
  }
  return depth;
}

/** Band of a node: kinds in order, and same-kind chains within a kind. Lower bands are higher up. */
export function bands(plan: Plan): Map<string, number> {
  const depth = sameKindDepth(plan);
  const maxDepth = [0, 0, 0, 0, 0];
  for (const node of plan.nodes) {
    const r = kindRank(node.kind);
    maxDepth[r] = Math.max(maxDepth[r], depth.get(node.id) ?? 0);
  }
  const offset: number[] = [];
  let next = 0;
  for (let r = 0; r < 5; r++) {
    offset[r] = next;
    next += maxDepth[r] + 1;
  }
  return new Map(plan.nodes.map((n) => [n.id, offset[kindRank(n.kind)] + (depth.get(n.id) ?? 0)]));
}

/**
 * The fallback layout: bands top to bottom, and within a band nodes ordered by the mean
 * position of what they point to (barycentre), one pass top-down. Linear-ish in plan size.
 */
export function layeredLayout(plan: Plan): Positions {
  const band = bands(plan);
  const targets = new Map<string, string[]>();
  for (const link of plan.links) {
    const list = targets.get(link.from);
    if (list) list.push(link.to);
    else targets.set(link.from, [link.to]);
  }
  const byBand = new Map<number, string[]>();
  for (const node of plan.nodes) {
    const b = band.get(node.id)!;
    const list = byBand.get(b);
    if (list) list.push(node.id);
    else byBand.set(b, [node.id]);
  }
  const positions: Positions = new Map();
  const order = new Map<string, number>();
  let y = 0;
  for (const b of [...byBand.keys()].sort((p, q) => p - q)) {
    const ids = byBand.get(b)!;
    const weight = new Map<string, number>();
    ids.forEach((id, i) => {
      const placed = (targets.get(id) ?? []).map((t) => order.get(t)).filter((v): v is number => v !== undefined);
      // Nodes that point at nothing placed keep their plan order, after the linked ones.
      weight.set(id, placed.length ? placed.reduce((s, v) => s + v, 0) / placed.length : 1e9 + i);
    });
    ids.sort((p, q) => weight.get(p)! - weight.get(q)!);
    const perRow = maxPerRow(plan.nodes.length);
    for (let start = 0; start < ids.length; start += perRow) {
      const row = ids.slice(start, start + perRow);
      const rowWidth = row.length * (NODE_WIDTH + GAP_X) - GAP_X;
      row.forEach((id, i) => {
        const x = i * (NODE_WIDTH + GAP_X) - rowWidth / 2;
        positions.set(id, { x, y });
        order.set(id, x);
      });
      y += NODE_HEIGHT + (start + perRow < ids.length ? WRAP_GAP_Y : GAP_Y);
    }
  }
  return positions;
}

/**
 * Wraps the wide layers of a computed layout (ELK's) into several rows, keeping each layer's
 * left-to-right order and centre, so the crossing-minimised order survives.
 */
export function wrapWideLayers(positions: Positions, perRow: number): Positions {
  const layers = new Map<number, { id: string; x: number }[]>();
  for (const [id, at] of positions) {
    const key = Math.round(at.y);
    const list = layers.get(key);
    if (list) list.push({ id, x: at.x });
    else layers.set(key, [{ id, x: at.x }]);
  }
  const out: Positions = new Map();
  let y = 0;
  for (const key of [...layers.keys()].sort((a, b) => a - b)) {
    const layer = layers.get(key)!.sort((a, b) => a.x - b.x);
    if (layer.length <= perRow) {
      for (const { id, x } of layer) out.set(id, { x, y });
      y += NODE_HEIGHT + GAP_Y;
      continue;
    }
    const centre = layer.reduce((sum, n) => sum + n.x, 0) / layer.length;
    for (let start = 0; start < layer.length; start += perRow) {
      const row = layer.slice(start, start + perRow);
      const width = row.length * (NODE_WIDTH + GAP_X) - GAP_X;
      row.forEach(({ id }, i) => out.set(id, { x: centre - width / 2 + i * (NODE_WIDTH + GAP_X), y }));
      y += NODE_HEIGHT + (start + perRow < layer.length ? WRAP_GAP_Y : GAP_Y);
    }
  }
  return out;
}

export type ElkGraph = {
  id: string;
  layoutOptions: Record<string, string>;
  children: { id: string; width: number; height: number; layoutOptions: Record<string, string> }[];
  edges: { id: string; sources: string[]; targets: string[] }[];
};

/** The ELK input: layered, edges pointing up, and one partition per band so kinds stay in order. */
export function elkGraph(plan: Plan): ElkGraph {
  const band = bands(plan);
  const maxBand = Math.max(0, ...band.values());
  return {
    id: "plan",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "UP",
      "elk.partitioning.activate": "true",
      "elk.spacing.nodeNode": String(GAP_X),
      "elk.layered.spacing.nodeNodeBetweenLayers": String(GAP_Y - 20),
      "elk.layered.crossingMinimization.strategy": "LAYER_SWEEP",
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
      "elk.separateConnectedComponents": "false",
    },
    children: plan.nodes.map((n) => ({
      id: n.id,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      // With direction UP the first partition is at the bottom: resources first, org goals last.
      layoutOptions: { "elk.partitioning.partition": String(maxBand - band.get(n.id)!) },
    })),
    edges: plan.links.map((l, i) => ({ id: `e${i}`, sources: [l.from], targets: [l.to] })),
  };
}

/** A key that changes only when nodes or links come or go (or change kind), so field edits keep the layout. */
export function structureKey(plan: Plan): string {
  let key = "";
  for (const n of plan.nodes) key += `${n.id}:${n.kind};`;
  key += "|";
  for (const l of plan.links) key += `${l.kind[0]}${l.from}>${l.to};`;
  return key;
}
