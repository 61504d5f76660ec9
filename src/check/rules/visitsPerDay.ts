// SPEC §4.7: at most max_visits_per_day visits per member per day.
import type { MemberId, Violation } from '../../domain/types.js';
import { groupByTuple, type CheckContext } from '../context.js';
import type { Rule } from '../rule.js';

export const visitsPerDay: Rule = {
  id: 'visitsPerDay',
  check(ctx: CheckContext): Violation[] {
    const max = ctx.problem.policy.maxVisitsPerDay;
    const out: Violation[] = [];
    for (const group of groupByTuple(ctx.visits, (v) => [v.member, v.date])) {
      if (group.length <= max) continue;
      const v = group[0]!;
      out.push({
        rule: 'visitsPerDay',
        member: v.member as MemberId,
        date: v.date,
        bound: 'max',
        limit: max,
        count: group.length,
        involved: group.map((g) => g.cell),
      });
    }
    return out;
  },
};
