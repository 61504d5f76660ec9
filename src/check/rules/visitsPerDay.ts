// SPEC §4.7: at most max_visits_per_day visits per member per day.
import type { MemberId, Violation } from '../../domain/types.js';
import { groupBy, plural, type CheckContext } from '../context.js';
import type { Rule } from '../rule.js';

export const visitsPerDay: Rule = {
  id: 'visitsPerDay',
  label: 'Visits per member per day',
  check(ctx: CheckContext): Violation[] {
    const max = ctx.problem.policy.maxVisitsPerDay;
    const out: Violation[] = [];
    for (const group of groupBy(ctx.visits, (v) => `${v.member}|${v.date}`).values()) {
      if (group.length <= max) continue;
      const v = group[0]!;
      out.push({
        rule: 'visitsPerDay',
        member: v.member as MemberId,
        date: v.date,
        required: `at most ${plural(max, 'visit')} a day`,
        found: `${plural(group.length, 'visit')}: ${group.map((g) => g.cell).join(', ')}`,
      });
    }
    return out;
  },
};
