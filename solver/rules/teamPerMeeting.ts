// SPEC §4.3: at most max_per_team_per_meeting members of one team at one meeting. The full formulation knows who
// visits which meeting; the network formulation gets the aggregate per region and day (a weaker, valid row).
import { groupBy } from '../../src/domain/group.js';
import { boundedCount, rowName } from '../formulation.js';
import type { SolverRule } from './rule.js';

export const teamPerMeeting: SolverRule = {
  id: 'teamPerMeeting',
  rows(f) {
    const max = f.problem.policy.maxPerTeamPerMeeting;
    if (f.kind === 'network') {
      // The network does not know who sits at which meeting, only who visits a region on a day: a team's visits to
      // a region on a day are at most `max` per meeting held there that day (a valid row, so the bound stays one).
      if (max >= f.problem.policy.maxVisitorsPerMeeting) return;
      for (const g of f.groups)
        for (const [team, flows] of groupBy(g.flows, (fl) => fl.member.team)) {
          const tag = { rule: 'teamPerMeeting', date: g.date, team } as const;
          const cap = max * g.meetings.length;
          boundedCount(f, rowName('teamPerMeeting', g.region, g.date, g.month, team), tag, flows, { max: cap });
        }
      return;
    }
    // Written even where visitorsPerMeeting implies it: fixed visits may break both, and both are then reported.
    for (const [meeting, terms] of f.meetingTerms) {
      for (const [team, list] of groupBy(terms, (c) => c.member.team)) {
        const tag = { rule: 'teamPerMeeting', cell: meeting.cell, date: meeting.date, team } as const;
        boundedCount(f, rowName('teamPerMeeting', meeting.cell, meeting.month, team), tag, list, { max });
      }
    }
  },
};
