// SPEC §4.2: every cell at least coverage.min (at most max) visits in every coverage.per period; shortfall slacks.
import { boundedCount, rowName } from '../formulation.js';
import type { SolverRule } from './rule.js';
import { byPeriod } from './periods.js';
import { coverageIn } from '../../src/domain/active.js';

export const coverage: SolverRule = {
  id: 'coverage',
  rows(f) {
    const cov = f.problem.policy.coverage;
    for (const c of f.problem.cells) {
      byPeriod(cov.per, f.problem.year, f.cellTerms.get(c.id) ?? []).forEach((p, i) => {
        boundedCount(
          f,
          rowName('coverage', c.id, p.label),
          { rule: 'coverage', cell: c.id, period: p.label },
          p.terms,
          coverageIn(f.problem.policy, c, i),
        );
      });
    }
  },
};
