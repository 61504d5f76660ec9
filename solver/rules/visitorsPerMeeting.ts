// SPEC §4.3: at most max_visitors_per_meeting members at one meeting.
import { lpName } from '../lp.js';
import { capRow, type ModelContext } from '../context.js';

export function visitorsPerMeetingRows(ctx: ModelContext): void {
  const max = ctx.problem.policy.maxVisitorsPerMeeting;
  for (const cands of ctx.byMeeting.values()) {
    const { cell, meeting } = cands[0]!;
    capRow(ctx, `visitorsPerMeeting#${lpName(cell.id)}#${meeting.month}`, cands, max, {
      rule: 'visitorsPerMeeting',
      cell: cell.id,
      date: meeting.date,
    });
  }
}
