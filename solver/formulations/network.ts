// The network formulation: exact optimum for the common case, with a proof, at province scale.
//
// Cells are grouped into regions: cells that exactly the same members' areas cover (for a province, one region per
// commune). Variables: one per meeting (how many visitors it gets) and one per member, region and day (how many
// visits the member makes there that day); flow conservation per region and day joins them. The rule modules add
// quota, coverage, visitors per meeting, visits per day and home cells (as Hall rows), the objective adds visit
// costs, spread and fairness; what it relaxes is declared in NETWORK_RELAXES. Most rows are flow rows (the home-cell
// Hall rows, the region rotation rows and the quarter rows of the spread goal are not), so the LP optimum is nearly
// always integral (solver/index.ts solves the few fractional members again with integers); and since what is left
// out only forbids plans or adds non-negative cost, it is a lower bound of the full formulation. Members are then
// matched to the meetings their region holds that day (./networkDecode.ts); when the matching succeeds the plan
// costs exactly the lower bound: optimal, with the proof.
import type { Cell, Meeting, MemberId, Problem } from '../../src/domain/types.js';
import { groupBy, Table2 } from '../../src/domain/group.js';
import { MeetingIndex } from '../../src/domain/plan.js';
import { Model } from '../lp.js';
import {
  rowName,
  type CellTerm,
  type DayGroup,
  type FlowTerm,
  type NetworkFormulation,
  type Relaxable,
} from '../formulation.js';
import { SOLVER_RULES } from '../rules/index.js';
import { inArea } from '../rules/area.js';
import { isOpen } from '../rules/availability.js';
import { addObjective } from '../goals/index.js';

/**
 * What the network formulation leaves out: its optimum is a lower bound of every plan. (Team limits and rotation it
 * keeps only as they can be seen per region and day, or per region: weaker rows, still valid.)
 */
export const NETWORK_RELAXES: readonly Relaxable[] = ['noConsecutive', 'rotation'];

/**
 * Regions: cells covered by exactly the same members' areas and meeting on the same dates (cells of one commune
 * meeting on different days are different regions, so that a member's visits on a day go to cells meeting that day).
 * Regions that differ only by their dates share a family (a commune whose cells meet on several days).
 */
function regionsOf(problem: Problem): { regions: Cell[][]; family: number[] } {
  const areaKey = (m: Problem['members'][number]) => [...m.area].sort().join(',');
  const byArea = [...groupBy(problem.members, areaKey).values()];
  const dates = groupBy(problem.meetings, (m) => m.cell as string);
  const coveredBy = (c: Cell) =>
    byArea
      .map((ms, i) => (inArea(ms[0]!, c) ? i : -1))
      .filter((i) => i >= 0)
      .join(',');
  const cover = new Map(problem.cells.map((c) => [c.id as string, coveredBy(c)]));
  const signature = groupBy(
    problem.cells,
    (c) => cover.get(c.id) + ' ' + (dates.get(c.id) ?? []).map((m) => m.date).join(','),
  );
  const regions = [...signature.values()];
  const families = new Map<string, number>();
  const family = regions.map((cells) => {
    const key = cover.get(cells[0]!.id)!;
    if (!families.has(key)) families.set(key, families.size);
    return families.get(key)!;
  });
  return { regions, family };
}

export function buildNetwork(problem: Problem): NetworkFormulation {
  const model = new Model();
  const p = problem.policy;
  const { regions, family } = regionsOf(problem);
  const regionOf = new Map<string, number>();
  regions.forEach((cells, r) => cells.forEach((c) => regionOf.set(c.id, r)));
  const cellById = new Map(problem.cells.map((c) => [c.id as string, c]));

  // Meeting variables, grouped by region and day (and meeting month: a shifted meeting may share a date).
  const fixedCount = new Map<Meeting, number>();
  const meetingAt = new MeetingIndex(problem.meetings);
  for (const f of problem.fixed) {
    const mt = meetingAt.at(f)!;
    fixedCount.set(mt, (fixedCount.get(mt) ?? 0) + 1);
  }
  const groupIndex = new Table2<number, string, Map<number, DayGroup>>();
  const groups: DayGroup[] = [];
  const meetingTerms = new Map<Meeting, CellTerm[]>();
  for (const mt of problem.meetings) {
    const cell = cellById.get(mt.cell)!;
    const fixed = fixedCount.get(mt) ?? 0;
    const v = model.addVar(rowName('y', mt.cell, mt.month), {
      lb: 0,
      ub: Math.max(p.maxVisitorsPerMeeting, fixed),
      integer: false,
    });
    const term: CellTerm = { v, cell, meeting: mt, month: mt.month, date: mt.date, held: fixed };
    meetingTerms.set(mt, [term]);
    const region = regionOf.get(mt.cell)!;
    const byMonth = groupIndex.upsert(region, mt.date, () => new Map());
    let g = byMonth.get(mt.month);
    if (!g) {
      byMonth.set(mt.month, (g = { region, date: mt.date, month: mt.month, meetings: [], flows: [] }));
      groups.push(g);
    }
    g.meetings.push(term);
  }

  // Flow variables: member m visits region r on a day (in one meeting month).
  const fixedFlow = new Map<DayGroup, Map<MemberId, number>>();
  for (const f of problem.fixed) {
    const mt = meetingAt.at(f)!;
    const g = groupIndex.get(regionOf.get(f.cell)!, f.date)!.get(mt.month)!;
    let byMember = fixedFlow.get(g);
    if (!byMember) fixedFlow.set(g, (byMember = new Map()));
    byMember.set(f.member, (byMember.get(f.member) ?? 0) + 1);
  }
  const groupsOfRegion = groupBy(groups, (g) => g.region);
  const fixedRegions = new Map<MemberId, Set<number>>();
  for (const f of problem.fixed) {
    let rs = fixedRegions.get(f.member);
    if (!rs) fixedRegions.set(f.member, (rs = new Set()));
    rs.add(regionOf.get(f.cell)!);
  }
  const memberTerms = new Map<MemberId, FlowTerm[]>();
  for (const m of problem.members) {
    const mine: FlowTerm[] = [];
    regions.forEach((cells, r) => {
      const mayVisit = inArea(m, cells[0]!);
      // Outside the member's area only a fixed visit makes a flow (L: 2,565 members × 100 regions × 12 days).
      if (!mayVisit && !fixedRegions.get(m.id)?.has(r)) return;
      for (const g of groupsOfRegion.get(r) ?? []) {
        const fixed = fixedFlow.get(g)?.get(m.id) ?? 0;
        // A fixed visit that breaks the area or availability rule still counts (SPEC §4.8): a flow of exactly it.
        const free = mayVisit && isOpen(problem, m, g.date);
        if (!free && fixed === 0) continue;
        const ub = free ? Math.max(fixed, Math.min(p.maxVisitsPerDay, g.meetings.length)) : fixed;
        const v = model.addVar(rowName('f', m.id, r, g.date, g.month), { lb: 0, ub, integer: false });
        const term: FlowTerm = { v, member: m, region: r, month: g.month, date: g.date, held: fixed };
        g.flows.push(term);
        mine.push(term);
      }
    });
    memberTerms.set(m.id, mine);
  }
  // Conservation: the visitors a region's meetings get that day are the visits members make there that day.
  for (const g of groups) {
    model.addRow(
      rowName('flow', g.region, g.date, g.month),
      [...g.meetings.map((t) => model.one(t.v)), ...g.flows.map((t) => model.minusOne(t.v))],
      0,
      0,
    );
  }
  const f: NetworkFormulation = {
    kind: 'network',
    problem,
    model,
    integer: false,
    relaxes: NETWORK_RELAXES,
    regions,
    regionOf,
    family,
    groups,
    memberTerms,
    cellTerms: groupBy([...meetingTerms.values()].flat(), (t) => t.cell.id as string),
    meetingTerms,
    ruleRows: [],
    forced: [],
  };
  for (const rule of SOLVER_RULES) if (!f.relaxes.includes(rule.id)) rule.rows?.(f);
  addObjective(f);
  return f;
}
