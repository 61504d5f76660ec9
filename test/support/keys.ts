// The whole identity of a violation for comparing the solver's unmet rules with the checker's: who, where, when,
// which bound, its limit and the count found (issue 21: a key that left out bound, limit, count and team let a
// wrong count pass).
import type { Violation } from '../../src/domain/types.js';

export const violationKey = (v: Violation): string =>
  JSON.stringify([v.rule, v.member, v.cell, v.date, v.period, v.team, v.bound, v.limit, v.count]);
