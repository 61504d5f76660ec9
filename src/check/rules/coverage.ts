// SPEC §4.2: each cell receives at least coverage.min visits (and at most any max) in every coverage.per period.
import type { Violation } from '../../domain/types.js';
import { periodIndex, periodsOf } from '../../domain/periods.js';
import { groupBy, type CheckContext } from '../context.js';
import type { Rule } from '../rule.js';
import { coverageIn } from '../../domain/active.js';

export const coverage: Rule = {
  id: 'coverage',
  check(ctx: CheckContext): Violation[] {
    const out: Violation[] = [];
    const { per } = ctx.problem.policy.coverage;
    const periods = periodsOf(per, ctx.problem.year);
    const byCell = groupBy(ctx.visits, (v) => v.cell);
    for (const c of ctx.problem.cells) {
      const counts = periods.map(() => 0);
      for (const v of byCell.get(c.id) ?? []) counts[periodIndex(per, ctx.monthOfVisit(v))]!++;
      periods.forEach((p, i) => {
        const n = counts[i]!;
        const { min, max } = coverageIn(ctx.problem.policy, c, i);
        if (n < min)
          out.push({
            rule: 'coverage',
            cell: c.id,
            period: p.label,
            bound: 'min',
            limit: min,
            count: n,
          });
        if (max !== undefined && n > max)
          out.push({
            rule: 'coverage',
            cell: c.id,
            period: p.label,
            bound: 'max',
            limit: max,
            count: n,
          });
      });
    }
    return out;
  },
};
