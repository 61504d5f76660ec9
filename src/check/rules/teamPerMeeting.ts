// SPEC §4.3: at most max_per_team_per_meeting members of one team (tổ cấp ủy) at one meeting.
import type { Violation } from '../../domain/types.js';
import { groupByTuple, type CheckContext } from '../context.js';
import type { Rule } from '../rule.js';

export const teamPerMeeting: Rule = {
  id: 'teamPerMeeting',
  check(ctx: CheckContext): Violation[] {
    const max = ctx.problem.policy.maxPerTeamPerMeeting;
    const out: Violation[] = [];
    const key = (v: { member: string; cell: string; date: string }) => {
      const team = ctx.member.get(v.member)?.team;
      return team === undefined ? undefined : [v.cell, v.date, team];
    };
    for (const group of groupByTuple(ctx.visits, key)) {
      if (group.length <= max) continue;
      const v = group[0]!;
      const team = ctx.member.get(v.member)!.team!;
      out.push({
        rule: 'teamPerMeeting',
        cell: v.cell,
        date: v.date,
        team,
        bound: 'max',
        limit: max,
        count: group.length,
        involved: group.map((g) => g.member),
      });
    }
    return out;
  },
};
