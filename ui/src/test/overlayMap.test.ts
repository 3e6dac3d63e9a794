import { describe, expect, it } from "vitest";
import { MapChanges, OverlayMap } from "../model/overlayMap";

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % below;
  };
}

describe("a map changed through an overlay", () => {
  it("reads, counts and iterates exactly as a copied and changed Map, across many changes and folds", () => {
    for (const seed of [1, 2, 3]) {
      const next = random(seed);
      let real = new Map(Array.from({ length: 300 }, (_, i) => [`k${i}`, i] as [string, number]));
      let overlaid: ReadonlyMap<string, number> = new Map(real);
      const kept: [ReadonlyMap<string, number>, Map<string, number>][] = [];
      for (let step = 0; step < 400; step++) {
        const changes = new MapChanges(overlaid);
        const copy = new Map(real);
        for (let n = next(6); n >= 0; n--) {
          const key = `k${next(700)}`;
          if (next(3) === 0) {
            changes.delete(key);
            copy.delete(key);
          } else {
            changes.set(key, step);
            copy.set(key, step);
          }
          expect(changes.get(key), "reads see the changes made so far").toBe(copy.get(key));
        }
        overlaid = changes.done();
        real = copy;
        if (step % 50 === 0) kept.push([overlaid, new Map(real)]);
        expect(overlaid.size, `seed ${seed} step ${step}`).toBe(real.size);
        for (const key of ["k0", `k${next(700)}`, "missing"]) {
          expect(overlaid.get(key)).toBe(real.get(key));
          expect(overlaid.has(key)).toBe(real.has(key));
        }
      }
      expect(new Map(overlaid), `seed ${seed}: same entries`).toEqual(real);
      expect([...overlaid.keys()].sort(), "same keys").toEqual([...real.keys()].sort());
      for (const [old, then] of kept) expect(new Map(old), "an older map never changes").toEqual(then);
    }
  });

  it("keeps Map order: a changed key stays in its place, a new key goes last", () => {
    const base = new Map([["a", 1], ["b", 2], ["c", 3]]);
    const changed = OverlayMap.changed(base, new Map<string, number | undefined>([["b", 20], ["d", 4], ["a", undefined]]));
    expect([...changed.entries()]).toEqual([["b", 20], ["c", 3], ["d", 4]]);
    expect(OverlayMap.changed(base, new Map()), "no change, the same map").toBe(base);
    expect(base.get("b"), "the base is untouched").toBe(2);
  });
});
