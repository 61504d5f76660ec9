// SPEC §4.1: each member makes at least the minimum (and at most any maximum) visits in every period of each quota.
import type { Violation } from '../../domain/types.js';
import { boundBreaks, quotaPeriods } from '../../domain/plan.js';
import { groupBy, type CheckContext } from '../context.js';
import type { Rule } from '../rule.js';

export const quota: Rule = {
  id: 'quota',
  check(ctx: CheckContext): Violation[] {
    const out: Violation[] = [];
    const byMember = groupBy(ctx.visits, (v) => v.member);
    for (const m of ctx.problem.members)
      for (const p of quotaPeriods(m, ctx.problem.year, byMember.get(m.id) ?? [], ctx.monthOfVisit)) {
        const count = p.items.length;
        for (const b of boundBreaks(count, p.bounds))
          out.push({ rule: 'quota', member: m.id, period: p.period.label, ...b, count });
      }
    return out;
  },
};
