// SPEC §4.7: no visit on a day the member is unavailable.
import type { Violation } from '../../domain/types.js';
import { visitBreaks, type CheckContext } from '../context.js';
import type { Rule } from '../rule.js';

export const availability: Rule = {
  id: 'availability',
  check(ctx: CheckContext): Violation[] {
    return ctx.visits
      .filter((v) => ctx.member.get(v.member)?.unavailable.has(v.date))
      .map((v) => visitBreaks('availability', v));
  },
};
