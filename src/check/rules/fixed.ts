// SPEC §4.8: fixed visits stay exactly as given; a visit marked fixed must be one of them.
import type { Violation } from '../../domain/types.js';
import { VisitSet } from '../../domain/plan.js';
import { visitBreaks, type CheckContext } from '../context.js';
import type { Rule } from '../rule.js';

export const fixed: Rule = {
  id: 'fixed',
  check(ctx: CheckContext): Violation[] {
    const out: Violation[] = [];
    const inPlan = new VisitSet(ctx.visits);
    const inSpec = new VisitSet(ctx.problem.fixed);
    for (const f of ctx.problem.fixed) {
      if (!inPlan.has(f))
        out.push({
          rule: 'fixed',
          member: f.member,
          cell: f.cell,
          date: f.date,
          bound: 'min',
          limit: 1,
          count: 0,
        });
    }
    for (const v of ctx.visits) {
      if (v.status === 'fixed' && !inSpec.has(v)) out.push(visitBreaks('fixed', v));
    }
    return out;
  },
};
