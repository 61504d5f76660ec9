// SPEC §4.5: a member never visits their home_cell (the cell they regularly attend).
import type { Violation } from '../../domain/types.js';
import { atHomeCell } from '../../domain/eligibility.js';
import { visitBreaks, type CheckContext } from '../context.js';
import type { Rule } from '../rule.js';

export const homeCell: Rule = {
  id: 'homeCell',
  check(ctx: CheckContext): Violation[] {
    const { policy } = ctx.problem;
    return ctx.visits
      .filter((v) => {
        const m = ctx.member.get(v.member);
        return m !== undefined && atHomeCell(policy, m, v.cell);
      })
      .map((v) => visitBreaks('homeCell', v));
  },
};
