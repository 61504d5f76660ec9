// SPEC §4.1: each member makes at least the minimum (and at most any maximum) visits in every period of each quota.
import type { Violation } from '../../domain/types.js';
import { periodIndex, periodsOf } from '../../domain/periods.js';
import { groupBy, type CheckContext } from '../context.js';
import type { Rule } from '../rule.js';
import { boundsIn } from '../../domain/active.js';

export const quota: Rule = {
  id: 'quota',
  check(ctx: CheckContext): Violation[] {
    const out: Violation[] = [];
    const { year } = ctx.problem;
    const byMember = groupBy(ctx.visits, (v) => v.member);
    for (const m of ctx.problem.members) {
      const months = (byMember.get(m.id) ?? []).map((v) => ctx.monthOfVisit(v));
      for (const q of m.quotas) {
        const counts = periodsOf(q.per, year).map(() => 0);
        for (const month of months) counts[periodIndex(q.per, month)]!++;
        periodsOf(q.per, year).forEach((p, i) => {
          const n = counts[i]!;
          const b = boundsIn(q, i);
          if (n < b.min)
            out.push({
              rule: 'quota',
              member: m.id,
              period: p.label,
              bound: 'min',
              limit: b.min,
              count: n,
            });
          if (b.max !== undefined && n > b.max)
            out.push({
              rule: 'quota',
              member: m.id,
              period: p.label,
              bound: 'max',
              limit: b.max,
              count: n,
            });
        });
      }
    }
    return out;
  },
};
