// SPEC §4.5: a member never visits their home cell. In the full formulation a domain (no variable there); in the
// network formulation, where a member's visits to a region are not yet tied to a cell, Hall's condition of the
// day's matching: the members of one home cell who visit a region on a day need as many places outside that cell.
import { Table2 } from '../../src/domain/group.js';
import { atHomeCell } from '../../src/domain/eligibility.js';
import { rowName } from '../formulation.js';
import type { SolverRule } from './rule.js';

export const homeCell: SolverRule = {
  id: 'homeCell',
  allows: (problem, member, cell) => !atHomeCell(problem.policy, member, cell.id),
  rows(f) {
    if (f.kind !== 'network' || !f.problem.policy.skipHomeCell) return;
    // Fixed visits at a member's home cell are kept (SPEC §4.8): they need no other place.
    const homeOf = new Map(f.problem.members.map((m) => [m.id as string, m.homeCell]));
    const atHome = new Table2<string, string, { n: number }>(); // cell, date
    for (const v of f.problem.fixed)
      if (homeOf.get(v.member) === v.cell) atHome.upsert(v.cell, v.date, () => ({ n: 0 })).n++;
    for (const g of f.groups) {
      const homes = new Map<string, number[]>();
      for (const fl of g.flows) {
        const h = fl.member.homeCell;
        if (h === undefined || !g.meetings.some((y) => y.cell.id === h)) continue;
        let list = homes.get(h);
        if (!list) homes.set(h, (list = []));
        list.push(fl.v);
      }
      for (const [h, flows] of homes) {
        const others = g.meetings.filter((y) => y.cell.id !== h);
        f.model.addRow(
          rowName('homeCell', g.region, g.date, g.month, h),
          [...flows.map((v) => f.model.one(v)), ...others.map((y) => f.model.minusOne(y.v))],
          -Infinity,
          atHome.get(h, g.date)?.n ?? 0,
        );
      }
    }
  },
};
