// SPEC §4.2: every cell at least coverage.min (at most max) visits in every coverage.per period; shortfall slacks.
import { boundedCount, rowName } from '../formulation.js';
import type { SolverRule } from './rule.js';
import { byPeriod } from './periods.js';

export const coverage: SolverRule = {
  id: 'coverage',
  rows(f) {
    const cov = f.problem.policy.coverage;
    for (const c of f.problem.cells) {
      for (const p of byPeriod(cov.per, f.problem.year, f.cellTerms.get(c.id) ?? [])) {
        boundedCount(
          f,
          rowName('coverage', c.id, p.label),
          { rule: 'coverage', cell: c.id, period: p.label },
          p.terms,
          cov,
        );
      }
    }
  },
};
