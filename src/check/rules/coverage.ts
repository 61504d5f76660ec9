// SPEC §4.2: each cell receives at least coverage.min visits (and at most any max) in every coverage.per period.
import type { Violation } from '../../domain/types.js';
import { boundBreaks, coveragePeriods } from '../../domain/plan.js';
import { groupBy, type CheckContext } from '../context.js';
import type { Rule } from '../rule.js';

export const coverage: Rule = {
  id: 'coverage',
  check(ctx: CheckContext): Violation[] {
    const out: Violation[] = [];
    const { policy, year } = ctx.problem;
    const byCell = groupBy(ctx.visits, (v) => v.cell);
    for (const c of ctx.problem.cells)
      for (const p of coveragePeriods(policy, c, year, byCell.get(c.id) ?? [], ctx.monthOfVisit)) {
        const count = p.items.length;
        for (const b of boundBreaks(count, p.bounds))
          out.push({ rule: 'coverage', cell: c.id, period: p.period.label, ...b, count });
      }
    return out;
  },
};
