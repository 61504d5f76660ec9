// SPEC §4.1: at least min (at most max) visits per member in every period of each quota. A shortfall is a slack
// named after the rule, member and period, costing far more than any soft goal.
import { quotaPeriods } from '../../src/domain/plan.js';
import { boundedCount, rowName } from '../formulation.js';
import type { SolverRule } from './rule.js';

export const quota: SolverRule = {
  id: 'quota',
  rows(f) {
    for (const m of f.problem.members)
      for (const p of quotaPeriods(m, f.problem.year, f.memberTerms.get(m.id) ?? [], (t) => t.month))
        boundedCount(
          f,
          rowName('quota', m.id, p.quotaIndex, p.period.label),
          { rule: 'quota', member: m.id, period: p.period.label },
          p.items,
          p.bounds,
        );
  },
};
