//! Keeps the map still across edits: once a plan is laid out, every node keeps its place; a new
//! node (or one that changed kind) is put beside what it links to, in its kind's rows, on the
//! nearest free spot. A full layout would reorder whole bands for one new link (the org goals
//! changed order four times during one task), so it runs only when a plan is first shown.
import type { NodeKind } from "../bindings/NodeKind";
import type { Plan } from "../bindings/Plan";
import { kindRank } from "./planIndex";
import { GAP_X, GAP_Y, NODE_HEIGHT, NODE_WIDTH, type Positions } from "./layout";

export type PlacedLayout = {
  positions: Positions;
  /** The kind each node was placed for: a node that changes kind moves to its new kind's rows. */
  kinds: Map<string, NodeKind>;
  /**
   * Nodes placed before they had any link (at the end of their kind's rows): the first link they
   * get moves them beside it once, which is where a CIO adding a node and then linking it looks.
   */
  unlinked: Set<string>;
};

export type LayoutUpdate = {
  layout: PlacedLayout;
  /** The nodes given a new place, top kinds first: the map brings the first into view. */
  placed: string[];
};

/** A plan laid out from scratch by `positions` (the layered layout, or ELK's order). */
export function placedLayout(plan: Plan, positions: Positions): PlacedLayout {
  const kinds = new Map<string, NodeKind>();
  for (const node of plan.nodes) kinds.set(node.id, node.kind);
  return { positions, kinds, unlinked: new Set() };
}

const PITCH_X = NODE_WIDTH + GAP_X;
/** How far a free spot is looked for on each side before a node goes to the end of the row. */
const MAX_STEPS = 400;

/** The kept nodes by row (their y), to find a free spot in a row without scanning every node. */
class Occupancy {
  private rows = new Map<number, number[]>();

  add(x: number, y: number) {
    const row = this.rows.get(y);
    if (row) row.push(x);
    else this.rows.set(y, [x]);
  }

  /** Whether a node at (x, y) would overlap, or come closer than a gap to, a node already placed. */
  taken(x: number, y: number): boolean {
    for (const [rowY, xs] of this.rows) {
      if (Math.abs(rowY - y) >= NODE_HEIGHT + 4) continue;
      for (const other of xs) if (Math.abs(other - x) < NODE_WIDTH + GAP_X / 2) return true;
    }
    return false;
  }

  /** The free x nearest `x` in the row at `y`, trying half a column at a time either side. */
  nearestFree(x: number, y: number): number {
    const step = PITCH_X / 2;
    for (let k = 0; k <= MAX_STEPS; k++) {
      if (!this.taken(x - k * step, y)) return x - k * step;
      if (!this.taken(x + k * step, y)) return x + k * step;
    }
    const row = this.rows.get(y) ?? [];
    return Math.max(x, ...row) + PITCH_X;
  }
}

type Extent = { rows: number[]; minX: number; maxX: number; top: number; bottom: number };

/** Where each kind's kept nodes are: their rows, and their horizontal and vertical span. */
function extentsByKind(layout: PlacedLayout, kept: Iterable<string>): Map<NodeKind, Extent> {
  const extents = new Map<NodeKind, Extent>();
  for (const id of kept) {
    const at = layout.positions.get(id)!;
    const kind = layout.kinds.get(id)!;
    const extent = extents.get(kind);
    if (!extent) {
      extents.set(kind, { rows: [at.y], minX: at.x, maxX: at.x, top: at.y, bottom: at.y });
      continue;
    }
    if (!extent.rows.includes(at.y)) extent.rows.push(at.y);
    extent.minX = Math.min(extent.minX, at.x);
    extent.maxX = Math.max(extent.maxX, at.x);
    extent.top = Math.min(extent.top, at.y);
    extent.bottom = Math.max(extent.bottom, at.y);
  }
  return extents;
}

/**
 * The row for a kind no kept node has: between the kinds above and below it (or above the top
 * one, below the bottom one), so the bands stay in order.
 */
function rowForNewKind(kind: NodeKind, extents: Map<NodeKind, Extent>): number {
  let above: Extent | undefined;
  let below: Extent | undefined;
  for (const [other, extent] of extents) {
    if (kindRank(other) < kindRank(kind) && (!above || extent.bottom > above.bottom)) above = extent;
    if (kindRank(other) > kindRank(kind) && (!below || extent.top < below.top)) below = extent;
  }
  if (above && below) return (above.bottom + NODE_HEIGHT + below.top) / 2 - NODE_HEIGHT / 2;
  if (above) return above.bottom + NODE_HEIGHT + GAP_Y;
  if (below) return below.top - NODE_HEIGHT - GAP_Y;
  return 0;
}

/**
 * The layout after a change of structure: nodes still there keep their place, gone ones are
 * dropped, and new ones (or ones that changed kind, or got their first link) are placed beside
 * their linked neighbours. Linear in nodes plus links.
 */
export function keepLayout(previous: PlacedLayout, plan: Plan): LayoutUpdate {
  const kindOf = new Map<string, NodeKind>();
  for (const node of plan.nodes) kindOf.set(node.id, node.kind);
  const linked = new Set<string>();
  for (const link of plan.links) {
    linked.add(link.from);
    linked.add(link.to);
  }
  const kept: string[] = [];
  const toPlace: string[] = [];
  for (const node of plan.nodes) {
    const had = previous.positions.has(node.id) && previous.kinds.get(node.id) === node.kind;
    const firstLink = previous.unlinked.has(node.id) && linked.has(node.id);
    if (had && !firstLink) kept.push(node.id);
    else toPlace.push(node.id);
  }
  if (toPlace.length === 0 && kept.length === previous.positions.size) return { layout: previous, placed: [] };

  const positions: Positions = new Map();
  const kinds = new Map<string, NodeKind>();
  const unlinked = new Set<string>();
  const occupancy = new Occupancy();
  for (const id of kept) {
    const at = previous.positions.get(id)!;
    positions.set(id, at);
    kinds.set(id, kindOf.get(id)!);
    occupancy.add(at.x, at.y);
    if (previous.unlinked.has(id)) unlinked.add(id);
  }
  if (toPlace.length === 0) return { layout: { positions, kinds, unlinked }, placed: [] };

  // Top kinds first, so a new initiative under a new team goal goes beside it.
  toPlace.sort((a, b) => kindRank(kindOf.get(a)!) - kindRank(kindOf.get(b)!));
  const neighbours = new Map<string, string[]>(toPlace.map((id) => [id, []]));
  for (const link of plan.links) {
    neighbours.get(link.from)?.push(link.to);
    neighbours.get(link.to)?.push(link.from);
  }
  const extents = extentsByKind({ positions, kinds, unlinked }, kept);
  for (const id of toPlace) {
    const kind = kindOf.get(id)!;
    const around = neighbours.get(id)!.map((other) => positions.get(other)).filter((at) => at !== undefined);
    const extent = extents.get(kind);
    const rows = extent ? extent.rows : [rowForNewKind(kind, extents)];
    let at: { x: number; y: number };
    if (around.length > 0) {
      const meanX = around.reduce((sum, p) => sum + p.x, 0) / around.length;
      const meanY = around.reduce((sum, p) => sum + p.y, 0) / around.length;
      // The row of its kind whose nearest free spot is closest to its neighbours.
      at = rows
        .map((y) => ({ x: occupancy.nearestFree(meanX, y), y }))
        .reduce((best, spot) =>
          Math.abs(spot.x - meanX) + Math.abs(spot.y - meanY) / 2 < Math.abs(best.x - meanX) + Math.abs(best.y - meanY) / 2 ? spot : best,
        );
    } else {
      // Nothing to go beside: the end of its kind's first row, and it moves once it is linked.
      const y = Math.min(...rows);
      at = { x: occupancy.nearestFree(extent ? extent.maxX + PITCH_X : 0, y), y };
      unlinked.add(id);
    }
    positions.set(id, at);
    kinds.set(id, kind);
    occupancy.add(at.x, at.y);
    const grown = extents.get(kind);
    if (grown) {
      if (!grown.rows.includes(at.y)) grown.rows.push(at.y);
      grown.minX = Math.min(grown.minX, at.x);
      grown.maxX = Math.max(grown.maxX, at.x);
    } else extents.set(kind, { rows: [at.y], minX: at.x, maxX: at.x, top: at.y, bottom: at.y });
  }
  return { layout: { positions, kinds, unlinked }, placed: toPlace };
}
