// SPEC §4.2: every cell at least coverage.min (at most max) visits in every coverage.per period; shortfall slacks.
import { coveragePeriods } from '../../src/domain/plan.js';
import { boundedCount, rowName } from '../formulation.js';
import type { SolverRule } from './rule.js';

export const coverage: SolverRule = {
  id: 'coverage',
  rows(f) {
    const { policy, year } = f.problem;
    for (const c of f.problem.cells)
      for (const p of coveragePeriods(policy, c, year, f.cellTerms.get(c.id) ?? [], (t) => t.month))
        boundedCount(
          f,
          rowName('coverage', c.id, p.period.label),
          { rule: 'coverage', cell: c.id, period: p.period.label },
          p.items,
          p.bounds,
        );
  },
};
