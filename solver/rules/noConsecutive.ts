// SPEC §4.4: a member never attends two consecutive meetings of one cell (unless the cell allows it). Needs the
// member's visits per meeting: the full formulation only (the network relaxes it; its matching never repeats a cell).
import { boundedCount, rowName, type Candidate } from '../formulation.js';
import type { SolverRule } from './rule.js';

export const noConsecutive: SolverRule = {
  id: 'noConsecutive',
  rows(f) {
    if (f.kind !== 'full' || !f.problem.policy.noConsecutive) return;
    for (const cands of f.byMember.values()) {
      const byCell = new Map<string, Map<number, Candidate>>();
      for (const c of cands) {
        if (c.cell.allowConsecutive) continue;
        let byIndex = byCell.get(c.cell.id);
        if (!byIndex) byCell.set(c.cell.id, (byIndex = new Map()));
        byIndex.set(c.meeting.index, c);
      }
      for (const [cell, byIndex] of byCell) {
        for (const [k, a] of byIndex) {
          const b = byIndex.get(k + 1);
          if (!b) continue;
          const tag = { rule: 'noConsecutive', member: a.member.id, cell: a.cell.id, date: b.meeting.date } as const;
          boundedCount(f, rowName('noConsecutive', a.member.id, cell, k), tag, [a, b], { max: 1 });
        }
      }
    }
  },
};
