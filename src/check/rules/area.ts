// SPEC §4.6: a member only visits cells inside their area.
import type { Violation } from '../../domain/types.js';
import { inArea } from '../../domain/eligibility.js';
import { visitBreaks, type CheckContext } from '../context.js';
import type { Rule } from '../rule.js';

export const area: Rule = {
  id: 'area',
  check(ctx: CheckContext): Violation[] {
    const out: Violation[] = [];
    for (const v of ctx.visits) {
      const m = ctx.member.get(v.member);
      if (!m || inArea(m, v.cell)) continue;
      out.push(visitBreaks('area', v));
    }
    return out;
  },
};
