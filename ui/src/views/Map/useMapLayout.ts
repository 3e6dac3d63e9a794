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

/** One laid-out scope: the whole plan (""), or one overview group of a big plan, laid out alone. */
type ScopeLayout = {
  version: number;
  layout: PlacedLayout;
  source: "layered" | "elk";
  placed: string[];
  /** Laid out whole and not edited since: ELK may still reorder its bands. */
  refinable: boolean;
};

type Memory = {
  path: string;
  /** By scope: "" the whole plan, else the open overview group's id. */
  layouts: Map<string, ScopeLayout>;
  /** Where the map looked, by scope. */
  viewports: Map<string, Viewport>;
  /** The overview group open on a big plan's map (null: the overview), kept across view switches. */
  group: string | null;
};

/** What the map remembers of the one plan open (one plan is open at a time). */
let memory: Memory | null = null;

function memoryOf(path: string): Memory {
  if (memory?.path !== path) memory = { path, layouts: new Map(), viewports: new Map(), group: null };
  return memory;
}

/** Where the map was looking at `path`'s plan (or at one overview group of it) when last shown, if it was. */
export function rememberedViewport(path: string, scope: string): Viewport | null {
  return memory?.path === path ? memory.viewports.get(scope) ?? null : null;
}

export function rememberViewport(path: string, scope: string, viewport: Viewport) {
  memoryOf(path).viewports.set(scope, viewport);
}

export function rememberedGroup(path: string): string | null {
  return memory?.path === path ? memory.group : null;
}

export function rememberGroup(path: string, group: string | null) {
  memoryOf(path).group = group;
}

/** Forgets every layout: for tests that open the same plan anew. */
export function forgetLayouts() {
  memory = null;
}

/**
 * The layout of `shown` (the plan, or the part of it in scope) at `version`
 * (UiState.structureVersion), from the one remembered for the scope when it can.
 */
function layoutFor(shown: Plan, path: string, scope: string, version: number): ScopeLayout {
  const layouts = memoryOf(path).layouts;
  const known = layouts.get(scope);
  if (known && known.version === version) return known;
  let next: ScopeLayout;
  if (known && known.layout.positions.size > 0) {
    const { layout, placed } = timed("layout-keep", () => keepLayout(known.layout, shown));
    next = { ...known, version, layout, placed, refinable: known.refinable && placed.length === 0 && layout === known.layout };
  } else {
    const positions = timed("layout-layered", () => layeredLayout(shown));
    next = { version, layout: placedLayout(shown, positions), source: "layered", placed: [], refinable: true };
  }
  layouts.set(scope, next);
  return next;
}

/** What the map is given while it shows no nodes (a big plan's overview): nothing laid out. */
const NOT_LAID_OUT: ScopeLayout = {
  version: -1,
  layout: { positions: new Map(), kinds: new Map(), unlinked: new Set() },
  source: "layered",
  placed: [],
  refinable: false,
};

/**
 * The map's layout of `shown`: the whole plan, or (scope set) one overview group of a big plan,
 * laid out on its own so that its nodes sit together instead of scattered across rows of
 * thousands. Computed only when `needed` (the map draws nodes): a 100,000-node plan opens on
 * its overview without a layout, until a group opens.
 */
export function useMapLayout(shown: Plan, path: string, scope: string, version: number, needed = true): MapLayout {
  // The plan object changes on every edit; `version` says whether its structure did.
  const planRef = useRef(shown);
  planRef.current = shown;
  const [refinedAt, setRefinedAt] = useState(0);
  const current = useMemo(
    () => (needed ? layoutFor(planRef.current, path, scope, version) : NOT_LAID_OUT),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [path, scope, version, refinedAt, needed],
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
          const layouts = memory?.path === path ? memory.layouts : null;
          if (superseded.signal.aborted || !positions || !layouts || layouts.get(scope) !== current) return;
          milestone("layout-elk");
          layouts.set(scope, { ...current, layout: placedLayout(plan, positions), source: "elk", refinable: false });
          setRefinedAt((n) => n + 1);
        });
      }, 0),
    );
    return () => {
      cancelAnimationFrame(frame);
      superseded.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current]);

  return useMemo(
    () => ({ positions: current.layout.positions, source: current.source, placed: current.placed, version: current.version }),
    [current],
  );
}
