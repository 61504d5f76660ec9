// SPEC §4.7: at most max_visits_per_day visits per member per day.
import { lpName } from '../lp.js';
import { capRow, type Candidate, type ModelContext } from '../context.js';

export function visitsPerDayRows(ctx: ModelContext): void {
  const max = ctx.problem.policy.maxVisitsPerDay;
  for (const [member, cands] of ctx.byMember) {
    const byDate = new Map<string, Candidate[]>();
    for (const c of cands) (byDate.get(c.meeting.date) ?? byDate.set(c.meeting.date, []).get(c.meeting.date)!).push(c);
    for (const [date, list] of byDate)
      capRow(ctx, `visitsPerDay#${lpName(member)}#${date}`, list, max, { rule: 'visitsPerDay', member, date });
  }
}
