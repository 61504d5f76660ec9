// SPEC §4.3: at most max_per_team_per_meeting members of one team at one meeting. Only written where it can bind.
import { lpName } from '../lp.js';
import { capRow, type Candidate, type ModelContext } from '../context.js';

export function teamPerMeetingRows(ctx: ModelContext): void {
  const max = ctx.problem.policy.maxPerTeamPerMeeting;
  if (max >= ctx.problem.policy.maxVisitorsPerMeeting) return; // implied by visitorsPerMeeting
  for (const cands of ctx.byMeeting.values()) {
    const teams = new Map<string, Candidate[]>();
    for (const c of cands)
      if (c.member.team !== undefined)
        (teams.get(c.member.team) ?? teams.set(c.member.team, []).get(c.member.team)!).push(c);
    for (const [team, list] of teams) {
      const { cell, meeting } = list[0]!;
      capRow(ctx, `teamPerMeeting#${lpName(cell.id)}#${meeting.month}#${lpName(team)}`, list, max, {
        rule: 'teamPerMeeting',
        cell: cell.id,
        date: meeting.date,
      });
    }
  }
}
