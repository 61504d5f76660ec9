// SPEC §4.4: a member never attends two consecutive meetings of one cell (unless the cell allows it).
import { lpName } from '../lp.js';
import { capRow, type Candidate, type ModelContext } from '../context.js';

export function noConsecutiveRows(ctx: ModelContext): void {
  if (!ctx.problem.policy.noConsecutive) return;
  for (const cands of ctx.byMember.values()) {
    const byCell = new Map<string, Map<number, Candidate>>();
    for (const c of cands) {
      if (c.cell.allowConsecutive) continue;
      (byCell.get(c.cell.id) ?? byCell.set(c.cell.id, new Map()).get(c.cell.id)!).set(c.meeting.index, c);
    }
    for (const [cell, byIndex] of byCell) {
      for (const [k, a] of byIndex) {
        const b = byIndex.get(k + 1);
        if (!b) continue;
        capRow(ctx, `noConsecutive#${lpName(a.member.id)}#${lpName(cell)}#${k}`, [a, b], 1, {
          rule: 'noConsecutive',
          member: a.member.id,
          cell,
          date: b.meeting.date,
        });
      }
    }
  }
}
