// SPEC §4.7: no visit on a day the member is unavailable; on a re-plan, no visit before its date but what happened.
import type { Violation } from '../../domain/types.js';
import { visitBreaks, type CheckContext } from '../context.js';
import type { Rule } from '../rule.js';

export const availability: Rule = {
  id: 'availability',
  check(ctx: CheckContext): Violation[] {
    const from = ctx.problem.replan?.from;
    const happened = new Set(ctx.problem.fixed.map((f) => `${f.member}|${f.cell}|${f.date}`));
    return ctx.visits
      .filter(
        (v) =>
          ctx.member.get(v.member)?.unavailable.has(v.date) ||
          (from !== undefined && v.date < from && !happened.has(`${v.member}|${v.cell}|${v.date}`)),
      )
      .map((v) => visitBreaks('availability', v));
  },
};
