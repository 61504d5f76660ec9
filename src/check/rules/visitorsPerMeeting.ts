// SPEC §4.3: at most max_visitors_per_meeting members at one meeting, counting all levels together.
import type { CellId, Violation } from '../../domain/types.js';
import { groupByTuple, type CheckContext } from '../context.js';
import type { Rule } from '../rule.js';

export const visitorsPerMeeting: Rule = {
  id: 'visitorsPerMeeting',
  check(ctx: CheckContext): Violation[] {
    const max = ctx.problem.policy.maxVisitorsPerMeeting;
    const out: Violation[] = [];
    for (const group of groupByTuple(ctx.visits, (v) => [v.cell, v.date])) {
      if (group.length <= max) continue;
      const v = group[0]!;
      out.push({
        rule: 'visitorsPerMeeting',
        cell: v.cell as CellId,
        date: v.date,
        bound: 'max',
        limit: max,
        count: group.length,
        involved: group.map((g) => g.member),
      });
    }
    return out;
  },
};
