import type { PeriodKind } from '../../src/domain/types.js';
import { periodIndex, periodsOf } from '../../src/domain/periods.js';
import type { Candidate } from '../context.js';

/** Candidates split by the periods of `kind` (by the meeting's month). */
export function byPeriod(
  kind: PeriodKind,
  year: number,
  cands: readonly Candidate[],
): Array<{ label: string; cands: Candidate[] }> {
  const periods = periodsOf(kind, year).map((p) => ({ label: p.label, cands: [] as Candidate[] }));
  for (const c of cands) periods[periodIndex(kind, c.meeting.month)]!.cands.push(c);
  return periods;
}
