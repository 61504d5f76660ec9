// Members and cells that join or leave during the year (issue 9): `active: "2027-07-01.."`, `"..2027-06-30"` or
// `"2027-03-01..2027-09-30"`. No visit outside the range; quotas and coverage are pro-rated to the active share of
// each period, written once here for the solver's rows, the checker, the cost and the reports:
//  - a member's quota in a period is min × share rounded to the nearest whole visit, halves up (a yearly 6 for a
//    member active half the year is 3; a monthly 1 in a month they are active 10 of 31 days is 0), and any max
//    × share rounded up;
//  - a cell's coverage in a period is 0 if it holds no meeting of the cell while active, else min × share rounded the
//    same way but at least 1 when min is (a cell active from a date is covered from then on).
import { DateTime } from 'luxon';
import { periodsOf } from './periods.js';
import type { ActiveRange, Cell, IsoDate, PeriodBounds, PeriodKind, Policy } from './types.js';

export const isActive = (r: ActiveRange | undefined, date: IsoDate): boolean =>
  r === undefined || ((r.from === undefined || date >= r.from) && (r.to === undefined || date <= r.to));

/** `"2027-07-01.."`, `"..2027-06-30"`, `"a..b"`; undefined when the text is not one. */
export function parseActive(text: string): ActiveRange | undefined {
  const m = /^\s*(\d{4}-\d{2}-\d{2})?\s*\.\.\s*(\d{4}-\d{2}-\d{2})?\s*$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  return { ...(m[1] ? { from: m[1] } : {}), ...(m[2] ? { to: m[2] } : {}) };
}

const dayNumber = (d: IsoDate) => Math.round(DateTime.fromISO(d, { zone: 'utc' }).toMillis() / 86_400_000);

/** The share (0–1) of the days of each period of `kind` inside the range. */
export function activeShares(r: ActiveRange, kind: PeriodKind, year: number): number[] {
  return periodsOf(kind, year).map((p) => {
    const first = dayNumber(`${year}-${String(p.months[0]!).padStart(2, '0')}-01`);
    const endMonth = DateTime.fromObject({ year, month: p.months[p.months.length - 1]!, day: 1 }, { zone: 'utc' });
    const last = dayNumber(endMonth.endOf('month').toISODate()!);
    const a = Math.max(first, r.from !== undefined ? dayNumber(r.from) : first);
    const b = Math.min(last, r.to !== undefined ? dayNumber(r.to) : last);
    return Math.max(0, b - a + 1) / (last - first + 1);
  });
}

/** min × share to the nearest whole visit (halves up), max × share rounded up. */
export function proRate(b: PeriodBounds, share: number): PeriodBounds {
  const min = Math.floor(b.min * share + 0.5 + 1e-9);
  return { min, ...(b.max !== undefined ? { max: Math.ceil(b.max * share - 1e-9) } : {}) };
}

/** The bounds of period `i` of a quota or coverage that may carry per-period bounds (pro-rated). */
export function boundsIn(q: PeriodBounds & { readonly byPeriod?: readonly PeriodBounds[] }, i: number): PeriodBounds {
  return q.byPeriod?.[i] ?? q;
}

/** A cell's coverage bounds in coverage period `i`. */
export const coverageIn = (policy: Pick<Policy, 'coverage'>, cell: Pick<Cell, 'coverage'>, i: number): PeriodBounds =>
  cell.coverage?.[i] ?? policy.coverage;
