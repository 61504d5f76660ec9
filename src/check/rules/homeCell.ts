// SPEC §4.5: a member never visits their home_cell (the cell they regularly attend).
import type { Violation } from '../../domain/types.js';
import { visitBreaks, type CheckContext } from '../context.js';
import type { Rule } from '../rule.js';

export const homeCell: Rule = {
  id: 'homeCell',
  check(ctx: CheckContext): Violation[] {
    if (!ctx.problem.policy.skipHomeCell) return [];
    return ctx.visits
      .filter((v) => ctx.member.get(v.member)?.homeCell === v.cell)
      .map((v) => visitBreaks('homeCell', v));
  },
};
