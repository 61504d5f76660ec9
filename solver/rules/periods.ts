import type { PeriodKind } from '../../src/domain/types.js';
import { periodIndex, periodsOf } from '../../src/domain/periods.js';
import type { VisitTerm } from '../formulation.js';

/** Terms split by the periods of `kind` (by their meeting month). */
export function byPeriod<T extends VisitTerm>(
  kind: PeriodKind,
  year: number,
  terms: readonly T[],
): Array<{ label: string; terms: T[] }> {
  const periods = periodsOf(kind, year).map((p) => ({ label: p.label, terms: [] as T[] }));
  for (const t of terms) periods[periodIndex(kind, t.month)]!.terms.push(t);
  return periods;
}
