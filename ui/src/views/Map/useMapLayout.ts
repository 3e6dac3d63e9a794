//! Positions for the map: the TS layered layout at once, refined by ELK (in a worker) when the plan
//! is small enough; recomputed only when nodes or links come or go, not on field edits.
import { useEffect, useMemo, useRef, useState } from "react";
import type { Plan } from "../../bindings/Plan";
import { layeredLayout, structureKey, type Positions } from "../../model/layout";
import { elkPositions } from "./elkLayout";

export type MapLayout = { positions: Positions; source: "layered" | "elk"; key: string };

export function useMapLayout(plan: Plan): MapLayout {
  const key = useMemo(() => structureKey(plan), [plan]);
  // The plan object changes on every edit; the key says whether the structure did.
  const planRef = useRef(plan);
  planRef.current = plan;
  const layered = useMemo(() => layeredLayout(planRef.current), [key]);
  const [refined, setRefined] = useState<{ key: string; positions: Positions } | null>(null);
  const lastRefined = useRef<Positions | null>(null);

  useEffect(() => {
    let current = true;
    void elkPositions(planRef.current).then((positions) => {
      if (current && positions) {
        lastRefined.current = positions;
        setRefined({ key, positions });
      }
    });
    return () => {
      current = false;
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
