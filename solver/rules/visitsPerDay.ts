// SPEC §4.7: at most max_visits_per_day visits per member per day.
import { groupBy } from '../../src/domain/group.js';
import { boundedCount, rowName } from '../formulation.js';
import type { SolverRule } from './rule.js';

export const visitsPerDay: SolverRule = {
  id: 'visitsPerDay',
  rows(f) {
    const max = f.problem.policy.maxVisitsPerDay;
    for (const [member, terms] of f.memberTerms) {
      for (const [date, list] of groupBy(terms, (t) => t.date)) {
        const tag = { rule: 'visitsPerDay', member, date } as const;
        boundedCount(f, rowName('visitsPerDay', member, date), tag, list, { max });
      }
    }
  },
};
