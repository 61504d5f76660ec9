// The whole identity of a violation for comparing the solver's unmet rules with the checker's: who, where, when,
// which bound, its limit and the count found (issue 21: a key that left out bound, limit, count and team let a
// wrong count pass).
import type { RuleId, Violation } from '../../src/domain/types.js';

export const violationKey = (v: Violation): string =>
  JSON.stringify([v.rule, v.member, v.cell, v.date, v.period, v.team, v.bound, v.limit, v.count]);

/** The rules the full formulation writes as rows (the others are variables' domains or checker-only). */
export const ROW_RULES: readonly RuleId[] = [
  'quota',
  'coverage',
  'visitorsPerMeeting',
  'teamPerMeeting',
  'noConsecutive',
  'visitsPerDay',
];
