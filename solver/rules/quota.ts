// SPEC §4.1: at least min (at most max) visits per member in every period of each quota. A shortfall is a slack
// named after the rule, member and period, costing far more than any soft goal.
import { boundedCount, rowName } from '../formulation.js';
import type { SolverRule } from './rule.js';
import { byPeriod } from './periods.js';
import { boundsIn } from '../../src/domain/active.js';

export const quota: SolverRule = {
  id: 'quota',
  rows(f) {
    for (const m of f.problem.members) {
      const mine = f.memberTerms.get(m.id) ?? [];
      m.quotas.forEach((q, qi) => {
        byPeriod(q.per, f.problem.year, mine).forEach((p, i) => {
          boundedCount(
            f,
            rowName('quota', m.id, qi, p.label),
            { rule: 'quota', member: m.id, period: p.label },
            p.terms,
            boundsIn(q, i),
          );
        });
      });
    }
  },
};
