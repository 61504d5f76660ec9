// SPEC §4.7: no visit on a day the member is unavailable; on a re-plan, no visit before its date but what happened.
import type { Violation } from '../../domain/types.js';
import { beforeReplan, mayAttendOn } from '../../domain/eligibility.js';
import { VisitSet } from '../../domain/plan.js';
import { visitBreaks, type CheckContext } from '../context.js';
import type { Rule } from '../rule.js';

export const availability: Rule = {
  id: 'availability',
  check(ctx: CheckContext): Violation[] {
    const happened = new VisitSet(ctx.problem.fixed);
    return ctx.visits
      .filter((v) => {
        const m = ctx.member.get(v.member);
        if (m === undefined) return beforeReplan(ctx.problem, v.date) && !happened.has(v);
        return !mayAttendOn(ctx.problem, m, v.cell, v.date, happened);
      })
      .map((v) => visitBreaks('availability', v));
  },
};
