// Soft goal 2 (SPEC §4): each member rotates across cells. A member's second and later visit to one cell costs
// ROTATION_COST each. The network formulation, which does not know the cell inside a region, charges what it can
// see: a member's visits to a region beyond the number of its cells they may visit are repeats, each costing at
// least ROTATION_COST (a lower bound of the full formulation's rotation cost).
import { groupBy, Table2 } from '../../src/domain/group.js';
import { atHomeCell, inArea } from '../../src/domain/eligibility.js';
import type { Cell, Member, MemberId, Policy } from '../../src/domain/types.js';
import { rowName, type FlowTerm } from '../formulation.js';
import { beyond, type SoftGoal } from './goal.js';

export const ROTATION_COST = 30;

export const rotation: SoftGoal = {
  id: 'rotation',
  full(f) {
    for (const [member, cands] of f.byMember)
      for (const [cell, list] of groupBy(cands, (c) => c.cell.id))
        beyond(f, rowName('rotation', member, cell), list, ROTATION_COST);
  },
  network(f) {
    const { policy } = f.problem;
    const fixedAt = new Table2<MemberId, string, true>();
    for (const v of f.problem.fixed) fixedAt.upsert(v.member, v.cell, () => true);
    const byMemberRegion = new Table2<MemberId, number, FlowTerm[]>();
    for (const g of f.groups)
      for (const fl of g.flows) byMemberRegion.upsert(fl.member.id, g.region, () => []).push(fl);
    for (const [member, region, flows] of byMemberRegion.entries()) {
      const k = cellsMayVisit(policy, flows[0]!.member, f.regions[region]!, (c) => fixedAt.get(member, c) === true);
      beyond(f, rowName('rotation', member, region), flows, ROTATION_COST, k);
    }
  },
  cost({ byMember }) {
    let cost = 0;
    for (const mine of byMember.values())
      for (const list of groupBy(mine, (v) => v.cell).values()) cost += ROTATION_COST * Math.max(0, list.length - 1);
    return cost;
  },
};

/**
 * The visits a member may make to a region without a repeat, as the network charges them: the region's cells in the
 * member's area and not their home cell, or where they hold a fixed visit; at least one.
 */
export function cellsMayVisit(
  policy: Pick<Policy, 'skipHomeCell'>,
  m: Member,
  cells: readonly Cell[],
  fixedAt: (cell: string) => boolean,
): number {
  const may = cells.filter((c) => (inArea(m, c.id) && !atHomeCell(policy, m, c.id)) || fixedAt(c.id)).length;
  return Math.max(1, may);
}
