// SPEC §4.8: fixed visits stay exactly as given; a visit marked fixed must be one of them.
import type { Violation } from '../../domain/types.js';
import type { CheckContext } from '../context.js';
import type { Rule } from '../rule.js';

export const fixed: Rule = {
  id: 'fixed',
  label: 'Fixed visits kept as given',
  check(ctx: CheckContext): Violation[] {
    const out: Violation[] = [];
    const key = (v: { member: string; cell: string; date: string }) => `${v.member}|${v.cell}|${v.date}`;
    const inPlan = new Set(ctx.visits.map(key));
    const inSpec = new Set(ctx.problem.fixed.map(key));
    for (const f of ctx.problem.fixed) {
      if (!inPlan.has(key(f)))
        out.push({
          rule: 'fixed',
          member: f.member,
          cell: f.cell,
          date: f.date,
          required: 'the fixed visit of the spec',
          found: 'no such visit in the plan',
        });
    }
    for (const v of ctx.visits) {
      if (v.status === 'fixed' && !inSpec.has(key(v)))
        out.push({
          rule: 'fixed',
          member: v.member,
          cell: v.cell,
          date: v.date,
          required: 'status "fixed" only for a fixed visit of the spec',
          found: 'a visit marked fixed that the spec does not fix',
        });
    }
    return out;
  },
};
