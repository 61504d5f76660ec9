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

/** The meeting each cell holds on a date: (cell, date) -> meeting. */
export function meetingIndex<M extends { readonly cell: string; readonly date: string }>(
  meetings: Iterable<M>,
): Table2<string, string, M> {
  const out = new Table2<string, string, M>();
  for (const m of meetings) out.upsert(m.cell, m.date, () => m);
  return out;
}
