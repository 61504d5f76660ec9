// Each visit falls on a meeting of its cell, at the meeting's start and end time (SPEC §1 meeting calendar).
import type { Violation } from '../../domain/types.js';
import { monthOfDate } from '../../domain/plan.js';
import { visitBreaks, type CheckContext } from '../context.js';
import type { Rule } from '../rule.js';

export const meetingDate: Rule = {
  id: 'meetingDate',
  check(ctx: CheckContext): Violation[] {
    const out: Violation[] = [];
    for (const v of ctx.visits) {
      const m = ctx.meetingOf(v);
      if (!m) {
        const month = monthOfDate(v.date);
        const same = ctx.problem.meetings.find((x) => x.cell === v.cell && x.month === month);
        out.push({ ...visitBreaks('meetingDate', v), ...(same ? { expected: { date: same.date } } : {}) });
      } else if (m.start !== v.start || m.end !== v.end) {
        out.push({
          ...visitBreaks('meetingDate', v),
          expected: { start: m.start, end: m.end },
          found: { start: v.start, end: v.end },
        });
      }
    }
    return out;
  },
};
