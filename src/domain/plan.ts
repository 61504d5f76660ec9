// Counting a plan, written once (issue 21). The checker, the solver's rows and planCost, precheck, the report,
// compliance and re-plans all count with these: typed visit and meeting keys (no `member|cell|date` strings), the
// month a visit counts in (its kỳ: the month of the meeting it attends, which a holiday may have moved), the items
// of each period of a quota or of coverage with that period's bounds, and a count checked against them. The checker
// keeps its own rules on top of these primitives, so it stays the independent oracle of the solver.
import { boundsIn, coverageIn } from './active.js';
import { Table2 } from './group.js';
import { periodIndex, periodsOf, type Period } from './periods.js';
import type { Cell, IsoDate, Meeting, Member, PeriodBounds, PeriodKind, Policy, Quota } from './types.js';

/** What names a visit: who, where, which day. */
export interface VisitKey {
  readonly member: string;
  readonly cell: string;
  readonly date: IsoDate;
}

/** A set of visits by (member, cell, date). */
export class VisitSet {
  private readonly byMember = new Table2<string, string, Set<IsoDate>>();
  private count = 0;

  constructor(visits: Iterable<VisitKey> = []) {
    for (const v of visits) this.add(v);
  }

  add(v: VisitKey): boolean {
    const dates = this.byMember.upsert(v.member, v.cell, () => new Set());
    if (dates.has(v.date)) return false;
    dates.add(v.date);
    this.count++;
    return true;
  }

  has(v: VisitKey): boolean {
    return this.byMember.get(v.member, v.cell)?.has(v.date) ?? false;
  }

  delete(v: VisitKey): boolean {
    const done = this.byMember.get(v.member, v.cell)?.delete(v.date) ?? false;
    if (done) this.count--;
    return done;
  }

  get size(): number {
    return this.count;
  }
}

/** A map keyed by visit (member, cell, date). */
export class VisitMap<V> {
  private readonly byMember = new Table2<string, string, Map<IsoDate, V>>();

  get(v: VisitKey): V | undefined {
    return this.byMember.get(v.member, v.cell)?.get(v.date);
  }

  set(v: VisitKey, value: V): void {
    this.byMember.upsert(v.member, v.cell, () => new Map()).set(v.date, value);
  }

  /** The value for `v`, made by `make` the first time. */
  upsert(v: VisitKey, make: () => V): V {
    const row = this.byMember.upsert(v.member, v.cell, () => new Map());
    let x = row.get(v.date);
    if (x === undefined) row.set(v.date, (x = make()));
    return x;
  }

  *values(): IterableIterator<V> {
    for (const row of this.byMember.values()) yield* row.values();
  }
}

/** What names a meeting: a cell and a day. */
export interface MeetingKey {
  readonly cell: string;
  readonly date: IsoDate;
}

/** Counts per meeting (cell, date). */
export class MeetingCount {
  private readonly t = new Table2<string, IsoDate, { n: number }>();

  add(m: MeetingKey, by = 1): void {
    this.t.upsert(m.cell, m.date, () => ({ n: 0 })).n += by;
  }

  get(m: MeetingKey): number {
    return this.t.get(m.cell, m.date)?.n ?? 0;
  }

  *entries(): IterableIterator<[MeetingKey, number]> {
    for (const [cell, date, { n }] of this.t.entries()) yield [{ cell, date }, n];
  }
}

/** The month (1–12) of a date `YYYY-MM-DD`. */
export const monthOfDate = (date: IsoDate): number => Number(date.slice(5, 7));

/** The meetings of a problem by cell and day, and the month each visit counts in. */
export class MeetingIndex<M extends Pick<Meeting, 'cell' | 'date' | 'month'> = Meeting> {
  private readonly t = new Table2<string, IsoDate, M>();

  constructor(meetings: Iterable<M>) {
    for (const m of meetings) this.t.upsert(m.cell, m.date, () => m);
  }

  /** The meeting the cell holds on the day, if any. */
  at(m: MeetingKey): M | undefined {
    return this.t.get(m.cell, m.date);
  }

  /** The month a visit counts in (its kỳ): its meeting's month, else its date's month. */
  monthOf(v: MeetingKey): number {
    return this.t.get(v.cell, v.date)?.month ?? monthOfDate(v.date);
  }
}

/** The items of one period, with the bounds that hold in it. */
export interface PeriodItems<T> {
  readonly period: Period;
  /** The period's index among its kind's (0-based, as periodsOf). */
  readonly index: number;
  readonly bounds: PeriodBounds;
  readonly items: readonly T[];
}

/** Items split by the periods of `kind`, by the month each counts in. */
export function splitByPeriod<T>(kind: PeriodKind, year: number, items: Iterable<T>, month: (t: T) => number): T[][] {
  const out = periodsOf(kind, year).map(() => [] as T[]);
  for (const t of items) out[periodIndex(kind, month(t))]!.push(t);
  return out;
}

/** Every period of each of a member's quotas, with the member's items in it and the (pro-rated) bounds. */
export function quotaPeriods<T>(
  member: Pick<Member, 'quotas'>,
  year: number,
  items: readonly T[],
  month: (t: T) => number,
): Array<PeriodItems<T> & { readonly quota: Quota; readonly quotaIndex: number }> {
  return member.quotas.flatMap((quota, quotaIndex) => {
    const split = splitByPeriod(quota.per, year, items, month);
    return periodsOf(quota.per, year).map((period, index) => ({
      quota,
      quotaIndex,
      period,
      index,
      bounds: boundsIn(quota, index),
      items: split[index]!,
    }));
  });
}

/** Every coverage period of a cell, with the cell's items in it and the (pro-rated) bounds. */
export function coveragePeriods<T>(
  policy: Pick<Policy, 'coverage'>,
  cell: Pick<Cell, 'coverage'>,
  year: number,
  items: readonly T[],
  month: (t: T) => number,
): PeriodItems<T>[] {
  const kind = policy.coverage.per;
  const split = splitByPeriod(kind, year, items, month);
  return periodsOf(kind, year).map((period, index) => ({
    period,
    index,
    bounds: coverageIn(policy, cell, index),
    items: split[index]!,
  }));
}

/** How a count breaks its bounds: `min` when below the minimum, `max` when above the maximum. */
export function boundBreaks(count: number, b: PeriodBounds): Array<{ bound: 'min' | 'max'; limit: number }> {
  const out: Array<{ bound: 'min' | 'max'; limit: number }> = [];
  if (count < b.min) out.push({ bound: 'min', limit: b.min });
  if (b.max !== undefined && count > b.max) out.push({ bound: 'max', limit: b.max });
  return out;
}

/** Visits missing below the minimum. */
export const shortfall = (count: number, b: PeriodBounds): number => Math.max(0, b.min - count);
