// Group-by, written once: the checker and the solver both group visits and candidates.

/** Groups items by a key, keeping first-seen order of keys and input order inside each group. */
export function groupBy<T, K>(items: Iterable<T>, key: (t: T) => K | undefined): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const it of items) {
    const k = key(it);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

/** A two-level map: typed keys without packing them into one string. */
export class Table2<A, B, V> {
  private readonly rows = new Map<A, Map<B, V>>();

  get(a: A, b: B): V | undefined {
    return this.rows.get(a)?.get(b);
  }

  /** The value at (a, b), made by `make` the first time. */
  upsert(a: A, b: B, make: () => V): V {
    let row = this.rows.get(a);
    if (!row) this.rows.set(a, (row = new Map()));
    let v = row.get(b);
    if (v === undefined) row.set(b, (v = make()));
    return v;
  }

  set(a: A, b: B, v: V): void {
    let row = this.rows.get(a);
    if (!row) this.rows.set(a, (row = new Map()));
    row.set(b, v);
  }

  delete(a: A, b: B): boolean {
    return this.rows.get(a)?.delete(b) ?? false;
  }

  row(a: A): ReadonlyMap<B, V> {
    return this.rows.get(a) ?? new Map();
  }

  *entries(): IterableIterator<[A, B, V]> {
    for (const [a, row] of this.rows) for (const [b, v] of row) yield [a, b, v];
  }

  *values(): IterableIterator<V> {
    for (const row of this.rows.values()) yield* row.values();
  }
}

/**
 * Groups items by a tuple of keys (typed values, never packed into one string), in first-seen order of the tuple and
 * input order inside each group; an item whose key is undefined is left out.
 */
export function groupByTuple<T>(items: Iterable<T>, key: (t: T) => readonly unknown[] | undefined): T[][] {
  const root = new Map<unknown, unknown>();
  const out: T[][] = [];
  for (const it of items) {
    const k = key(it);
    if (k === undefined) continue;
    let level = root;
    for (let i = 0; i < k.length - 1; i++) {
      let next = level.get(k[i]) as Map<unknown, unknown> | undefined;
      if (!next) level.set(k[i], (next = new Map()));
      level = next;
    }
    let group = level.get(k[k.length - 1]) as T[] | undefined;
    if (!group) {
      level.set(k[k.length - 1], (group = []));
      out.push(group);
    }
    group.push(it);
  }
  return out;
}
