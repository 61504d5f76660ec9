// SPEC §4.1: at least min (at most max) visits per member in every period of each quota. A shortfall is a slack
// variable named after the rule, member and period, with a cost far above every soft goal.
import { lpName } from '../lp.js';
import { capRow, SHORTFALL_COST, type ModelContext } from '../context.js';
import { byPeriod } from './periods.js';

export function quotaRows(ctx: ModelContext): void {
  for (const m of ctx.problem.members) {
    const mine = ctx.byMember.get(m.id) ?? [];
    m.quotas.forEach((q, qi) => {
      for (const p of byPeriod(q.per, ctx.problem.year, mine)) {
        const name = `quota#${lpName(m.id)}#${qi}#${p.label}`;
        if (q.min > 0) {
          const s = ctx.model.addVar(`${name}#short`, { lb: 0, ub: q.min, obj: SHORTFALL_COST, integer: ctx.integer });
          ctx.slacks.push({ v: s, rule: 'quota', member: m.id, period: p.label });
          ctx.model.addRow(`${name}#min`, [...p.cands.map((c) => [c.v, 1] as const), [s, 1] as const], q.min, Infinity);
        }
        if (q.max !== undefined)
          capRow(ctx, `${name}#max`, p.cands, q.max, { rule: 'quota', member: m.id, period: p.label });
      }
    });
  }
}
