// SPEC §4.7: no visit on a day the member is unavailable.
import type { Violation } from '../../domain/types.js';
import type { CheckContext } from '../context.js';
import type { Rule } from '../rule.js';

export const availability: Rule = {
  id: 'availability',
  check(ctx: CheckContext): Violation[] {
    return ctx.visits
      .filter((v) => ctx.member.get(v.member)?.unavailable.has(v.date))
      .map((v) => ({
        rule: 'availability',
        member: v.member,
        cell: v.cell,
        date: v.date,
        bound: 'max' as const,
        limit: 0,
        count: 1,
      }));
  },
};
