//! Positions for the map. A plan shown for the first time is laid out whole (the TS layered layout
//! at once, its order refined by ELK in a worker when the plan is small enough); after that every
//! node keeps its place and only new ones are placed (model/stableLayout.ts). The layout lives
//! outside the map component, so switching to another view and back keeps it, and the viewport.
import { useEffect, useMemo, useRef, useState } from "react";
import type { Plan } from "../../bindings/Plan";
import { layeredLayout, type Positions } from "../../model/layout";
import { keepLayout, placedLayout, type PlacedLayout } from "../../model/stableLayout";
import type { Viewport } from "../../model/viewport";
import { milestone, timed } from "../../timing";
import { elkPositions } from "./elkLayout";

export type MapLayout = {
  positions: Positions;
  source: "layered" | "elk";
  /** Nodes given a place by the last change of structure (the map brings the first into view). */
  placed: string[];
  /** Counts changes of structure, so the map can tell a new placement from a re-render. */
  version: number;
};

type Memory = {
  path: string;
  version: number;
  layout: PlacedLayout;
  source: "layered" | "elk";
  placed: string[];
  /** Laid out whole and not edited since: ELK may still reorder its bands. */
  refinable: boolean;
  /** Where the map looked, by scope: "" the whole plan, else the open overview group's id. */
  viewports: Map<string, Viewport>;
  /** The overview group open on a big plan's map (null: the overview), kept across view switches. */
  group: string | null;
};

/** The one plan's layout the map remembers (one plan is open at a time). */
let memory: Memory | null = null;

/** Where the map was looking at `path`'s plan (or at one overview group of it) when last shown, if it was. */
export function rememberedViewport(path: string, scope: string): Viewport | null {
  return memory?.path === path ? memory.viewports.get(scope) ?? null : null;
}

export function rememberViewport(path: string, scope: string, viewport: Viewport) {
  if (memory?.path === path) memory.viewports.set(scope, viewport);
}

export function rememberedGroup(path: string): string | null {
  return memory?.path === path ? memory.group : null;
}

export function rememberGroup(path: string, group: string | null) {
  if (memory?.path === path) memory.group = group;
}

/** Forgets every layout: for tests that open the same plan anew. */
export function forgetLayouts() {
  memory = null;
}

/** The layout for `plan` at `version` (UiState.structureVersion), from the one remembered when it can. */
function layoutFor(plan: Plan, path: string, version: number): Memory {
  const known = memory;
  if (known && known.path === path && known.version === version) return known;
  if (known && known.path === path && known.layout.positions.size > 0) {
    const { layout, placed } = timed("layout-keep", () => keepLayout(known.layout, plan));
    memory = { ...known, version, layout, placed, refinable: known.refinable && placed.length === 0 && layout === known.layout };
    return memory;
  }
  const positions = timed("layout-layered", () => layeredLayout(plan));
  memory = { path, version, layout: placedLayout(plan, positions), source: "layered", placed: [], refinable: true, viewports: new Map(), group: null };
  return memory;
}

/** What the map is given while it shows no nodes (a big plan's overview): nothing laid out. */
const NOT_LAID_OUT: Memory = {
  path: "",
  version: -1,
  layout: { positions: new Map(), kinds: new Map(), unlinked: new Set() },
  source: "layered",
  placed: [],
  refinable: false,
  viewports: new Map(),
  group: null,
};

/**
 * The map's layout of `plan`; computed only when `needed` (the map draws nodes). A 100,000-node
 * plan opens on its overview of org goals without the 0.3 s its layout costs, until a group opens.
 */
export function useMapLayout(plan: Plan, path: string, version: number, needed = true): MapLayout {
  // The plan object changes on every edit; `version` says whether its structure did.
  const planRef = useRef(plan);
  planRef.current = plan;
  const [refinedAt, setRefinedAt] = useState(0);
  const current = useMemo(
    () => (needed ? layoutFor(planRef.current, path, version) : NOT_LAID_OUT),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [path, version, refinedAt, needed],
  );

  useEffect(() => {
    if (!current.refinable || current.source === "elk") return;
    const superseded = new AbortController();
    // After the next frame is painted: starting a worker (fetching and compiling 1.6 MB of ELK)
    // would otherwise compete with the first paint of the map.
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        if (superseded.signal.aborted) return;
        const plan = planRef.current;
        void elkPositions(plan, superseded.signal).then((positions) => {
          // Only onto the layout it was made for: after an edit, nodes keep their places instead.
          if (superseded.signal.aborted || !positions || memory !== current) return;
          milestone("layout-elk");
          memory = { ...current, layout: placedLayout(plan, positions), source: "elk", refinable: false };
          setRefinedAt((n) => n + 1);
        });
      }, 0),
    );
    return () => {
      cancelAnimationFrame(frame);
      superseded.abort();
    };
  }, [current]);

  return useMemo(
    () => ({ positions: current.layout.positions, source: current.source, placed: current.placed, version: current.version }),
    [current],
  );
}
