// SPEC §4.2: every cell at least coverage.min (at most max) visits in every coverage.per period; shortfall slacks.
import { lpName } from '../lp.js';
import { capRow, SHORTFALL_COST, type ModelContext } from '../context.js';
import { byPeriod } from './periods.js';

export function coverageRows(ctx: ModelContext): void {
  const { min, max, per } = ctx.problem.policy.coverage;
  for (const c of ctx.problem.cells) {
    for (const p of byPeriod(per, ctx.problem.year, ctx.byCell.get(c.id) ?? [])) {
      const name = `coverage#${lpName(c.id)}#${p.label}`;
      if (min > 0) {
        const s = ctx.model.addVar(`${name}#short`, { lb: 0, ub: min, obj: SHORTFALL_COST, integer: ctx.integer });
        ctx.slacks.push({ v: s, rule: 'coverage', cell: c.id, period: p.label });
        ctx.model.addRow(`${name}#min`, [...p.cands.map((x) => [x.v, 1] as const), [s, 1] as const], min, Infinity);
      }
      if (max !== undefined)
        capRow(ctx, `${name}#max`, p.cands, max, { rule: 'coverage', cell: c.id, period: p.label });
    }
  }
}
