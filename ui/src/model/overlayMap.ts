//! A read-only map made from another by a few changes, without copying it: the changes sit in a
//! small overlay over a shared base, folded into a fresh base once they grow. An edit of a
//! 100,000-node plan then costs its few entries, where a copy of a Map of that size costs
//! about 20 ms. Reads see exactly what a copied-and-changed Map would hold, in Map order.

const GONE = Symbol("gone");

/** Past this many overlaid entries the next change folds them into a new base. */
const FOLD_AT = 512;

export class OverlayMap<K, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly overlay: ReadonlyMap<K, V | typeof GONE>,
    readonly size: number,
  ) {}

  // Values are never undefined: a removed key is GONE in the overlay (or absent from both).
  get(key: K): V | undefined {
    const over = this.overlay.get(key);
    if (over === GONE) return undefined;
    return over !== undefined ? over : this.base.get(key);
  }

  has(key: K): boolean {
    const over = this.overlay.get(key);
    if (over === GONE) return false;
    return over !== undefined || this.base.has(key);
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) {
      if (!this.overlay.has(key)) yield [key, value];
      else {
        const over = this.overlay.get(key)!;
        if (over !== GONE) yield [key, over];
      }
    }
    for (const [key, over] of this.overlay) if (over !== GONE && !this.base.has(key)) yield [key, over];
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  /**
   * `map` with `changes` made (a value sets the key, `undefined` removes it); `map` itself is
   * unchanged. The same map comes back when there are no changes.
   */
  static changed<K, V>(map: ReadonlyMap<K, V>, changes: ReadonlyMap<K, V | undefined>): ReadonlyMap<K, V> {
    if (changes.size === 0) return map;
    const [base, old] = map instanceof OverlayMap ? [map.base, map.overlay] : [map, new Map<K, V | typeof GONE>()];
    const overlay = new Map<K, V | typeof GONE>(old);
    let size = map.size;
    for (const [key, value] of changes) {
      const had = map.has(key);
      if (value === undefined) {
        if (!had) continue;
        size -= 1;
        if (base.has(key)) overlay.set(key, GONE);
        else overlay.delete(key);
      } else {
        if (!had) size += 1;
        overlay.set(key, value);
      }
    }
    const next = new OverlayMap<K, V>(base, overlay, size);
    return overlay.size > FOLD_AT ? new Map(next) : next;
  }
}

/**
 * Changes to one map of an index, gathered while an answer is applied, then made all at once by
 * `done` (the old map is never changed). Reads see the changes made so far.
 */
export class MapChanges<K, V> {
  private readonly changes = new Map<K, V | undefined>();

  constructor(private readonly map: ReadonlyMap<K, V>) {}

  get(key: K): V | undefined {
    return this.changes.has(key) ? this.changes.get(key) : this.map.get(key);
  }

  has(key: K): boolean {
    return this.changes.has(key) ? this.changes.get(key) !== undefined : this.map.has(key);
  }

  set(key: K, value: V) {
    this.changes.set(key, value);
  }

  delete(key: K) {
    this.changes.set(key, undefined);
  }

  done(): ReadonlyMap<K, V> {
    return OverlayMap.changed(this.map, this.changes);
  }
}
