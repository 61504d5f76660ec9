// SPEC §4.3: at most max_per_team_per_meeting members of one team at one meeting. Needs to know who visits which
// meeting: the full formulation only (the network formulation relaxes it and is used only where it cannot bind).
import { groupBy } from '../../src/domain/group.js';
import { boundedCount, rowName } from '../formulation.js';
import type { SolverRule } from './rule.js';

export const teamPerMeeting: SolverRule = {
  id: 'teamPerMeeting',
  rows(f) {
    if (f.kind !== 'full') return;
    const max = f.problem.policy.maxPerTeamPerMeeting;
    // Written even where visitorsPerMeeting implies it: fixed visits may break both, and both are then reported.
    for (const [meeting, terms] of f.meetingTerms) {
      for (const [team, list] of groupBy(terms, (c) => c.member.team)) {
        const tag = { rule: 'teamPerMeeting', cell: meeting.cell, date: meeting.date, team } as const;
        boundedCount(f, rowName('teamPerMeeting', meeting.cell, meeting.month, team), tag, list, { max });
      }
    }
  },
};
