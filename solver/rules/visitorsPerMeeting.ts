// SPEC §4.3: at most max_visitors_per_meeting members at one meeting.
import { boundedCount, rowName } from '../formulation.js';
import type { SolverRule } from './rule.js';

export const visitorsPerMeeting: SolverRule = {
  id: 'visitorsPerMeeting',
  rows(f) {
    const max = f.problem.policy.maxVisitorsPerMeeting;
    for (const [meeting, terms] of f.meetingTerms) {
      const tag = { rule: 'visitorsPerMeeting', cell: meeting.cell, date: meeting.date } as const;
      boundedCount(f, rowName('visitorsPerMeeting', meeting.cell, meeting.month), tag, terms, { max });
    }
  },
};
