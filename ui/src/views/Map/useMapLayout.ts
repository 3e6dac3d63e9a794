//! Positions for the map: the TS layered layout at once, its order refined by ELK (in a worker) when
//! the plan is small enough; recomputed only when nodes or links come or go, not on field edits.
import { useEffect, useMemo, useRef, useState } from "react";
import type { Plan } from "../../bindings/Plan";
import { layeredLayout, structureKey, type Positions } from "../../model/layout";
import { milestone, timed } from "../../timing";
import { elkPositions } from "./elkLayout";

export type MapLayout = { positions: Positions; source: "layered" | "elk"; key: string };

export function useMapLayout(plan: Plan): MapLayout {
  const key = useMemo(() => structureKey(plan), [plan]);
  // The plan object changes on every edit; the key says whether the structure did.
  const planRef = useRef(plan);
  planRef.current = plan;
  const layered = useMemo(() => timed("layout-layered", () => layeredLayout(planRef.current)), [key]);
  const [refined, setRefined] = useState<{ key: string; positions: Positions } | null>(null);
  const lastRefined = useRef<Positions | null>(null);

  useEffect(() => {
    const superseded = new AbortController();
    // After the next frame is painted: starting a worker (fetching and compiling 1.6 MB of ELK)
    // would otherwise compete with the first paint of the map.
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        if (superseded.signal.aborted) return;
        void elkPositions(planRef.current, superseded.signal).then((positions) => {
          if (!superseded.signal.aborted && positions) {
            milestone("layout-elk");
            lastRefined.current = positions;
            setRefined({ key, positions });
          }
        });
      }, 0),
    );
    return () => {
      cancelAnimationFrame(frame);
      superseded.abort();
    };
  }, [key]);

  return useMemo(() => {
    if (refined?.key === key) return { positions: refined.positions, source: "elk", key };
    const previous = lastRefined.current;
    if (!previous) return { positions: layered, source: "layered", key };
    // While ELK works on a small change, keep everyone where they were and place newcomers by the fallback.
    const merged: Positions = new Map();
    for (const [id, at] of layered) merged.set(id, previous.get(id) ?? at);
    return { positions: merged, source: "layered", key };
  }, [refined, key, layered]);
}
