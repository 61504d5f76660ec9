// SPEC §4.4: a member never attends two consecutive meetings of the same cell, unless the cell allow_consecutive.
import type { Violation } from '../../domain/types.js';
import { groupByTuple, type CheckContext } from '../context.js';
import type { Rule } from '../rule.js';

export const noConsecutive: Rule = {
  id: 'noConsecutive',
  check(ctx: CheckContext): Violation[] {
    if (!ctx.problem.policy.noConsecutive) return [];
    const out: Violation[] = [];
    for (const group of groupByTuple(ctx.visits, (v) => [v.member, v.cell])) {
      const first = group[0]!;
      if (ctx.cell.get(first.cell)?.allowConsecutive) continue;
      const meetings = group
        .map((v) => ctx.meetingOf(v))
        .filter((m) => m !== undefined)
        .sort((a, b) => a.index - b.index);
      for (let k = 1; k < meetings.length; k++) {
        const a = meetings[k - 1]!;
        const b = meetings[k]!;
        if (b.index === a.index + 1) {
          out.push({
            rule: 'noConsecutive',
            member: first.member,
            cell: first.cell,
            date: b.date,
            bound: 'max',
            limit: 1,
            count: 2,
            involved: [a.date, b.date],
          });
        }
      }
    }
    return out;
  },
};
