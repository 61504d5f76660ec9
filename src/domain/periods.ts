// Periods of a year: month, quarter, half, year. A meeting belongs to the period of its month (its "kỳ").
import type { PeriodKind } from './types.js';

export interface Period {
  readonly kind: PeriodKind;
  /** `2027`, `2027-H2`, `2027-Q1`, `2027-03` */
  readonly label: string;
  /** Months 1–12 inside the period. */
  readonly months: readonly number[];
}

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** The index (0-based) of the period of `kind` that holds `month`. */
export function periodIndex(kind: PeriodKind, month: number): number {
  switch (kind) {
    case 'year':
      return 0;
    case 'half':
      return month <= 6 ? 0 : 1;
    case 'quarter':
      return Math.floor((month - 1) / 3);
    case 'month':
      return month - 1;
  }
}

export function periodLabel(kind: PeriodKind, year: number, index: number): string {
  switch (kind) {
    case 'year':
      return String(year);
    case 'half':
      return `${year}-H${index + 1}`;
    case 'quarter':
      return `${year}-Q${index + 1}`;
    case 'month':
      return `${year}-${String(index + 1).padStart(2, '0')}`;
  }
}

/** How many periods of each kind a year has. */
export const PERIODS_PER_YEAR: Readonly<Record<PeriodKind, number>> = { year: 1, half: 2, quarter: 4, month: 12 };

export function periodsOf(kind: PeriodKind, year: number): Period[] {
  const count = PERIODS_PER_YEAR[kind];
  return Array.from({ length: count }, (_, i) => ({
    kind,
    label: periodLabel(kind, year, i),
    months: MONTHS.filter((m) => periodIndex(kind, m) === i),
  }));
}
