// A plan lists each visit (member, cell, date) once: a repeated row is one visit written twice, never two visits
// (a plan edited in a spreadsheet, or a solver that emits a visit twice).
import type { CellId, MemberId, Violation } from '../../domain/types.js';
import { groupByTuple, type CheckContext } from '../context.js';
import type { Rule } from '../rule.js';

export const distinctVisits: Rule = {
  id: 'distinctVisits',
  check(ctx: CheckContext): Violation[] {
    const out: Violation[] = [];
    for (const rows of groupByTuple(ctx.visits, (v) => [v.member, v.cell, v.date])) {
      if (rows.length <= 1) continue;
      const v = rows[0]!;
      out.push({
        rule: 'distinctVisits',
        member: v.member as MemberId,
        cell: v.cell as CellId,
        date: v.date,
        bound: 'max',
        limit: 1,
        count: rows.length,
      });
    }
    return out;
  },
};
