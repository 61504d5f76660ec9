// The soft goals (SPEC §4), written once: every formulation is charged by addObjective, and planCost charges a plan
// given as visits the same way, so the cost of one plan is one number whichever path found it.
//  - priority: every visit costs VISIT_COST less a bonus, larger for heavier cells (the policy's tag weights) and
//    earlier months, always below VISIT_COST (no visit is ever added for the bonus alone);
//  - rotation: a member's second and later visit to one cell costs ROTATION_COST each (full formulation only; the
//    network formulation relaxes it, and its matching never repeats a cell);
//  - spread: each visit a member makes beyond one in a meeting month costs SPREAD_COST; a member with a yearly
//    quota q (src/domain/workload.ts) pays UNDER_COST for each visit a quarter holds below ⌊q/4⌋ and OVER_COST for each
//    visit above ⌈q/4⌉ (member-side rows nested in the member's periods: a network stays a network);
//  - fairness: a member's k-th visit beyond q costs FAIR_COST × min(k, FAIR_STEPS), a convex cost (parallel arcs of
//    increasing cost on the member's year), so that extra visits coverage needs are shared evenly;
//  - changes (on a re-plan, issue 9): each visit of the previous plan from the re-plan date on that the new plan
//    drops, and each new visit it adds there, costs CHANGE_COST (a moved visit is both: 2 × CHANGE_COST). Above
//    what one visit can gain on the goals before it (a visit's cost, spread, fairness and rotation move by at most
//    about 200), below a shortfall: the rules first, then the fewest changes, then the other goals. Within it, each
//    meeting a previous visit attended that keeps a visitor (any member) saves MEETING_KEEP_COST: cells' calendars
//    change less, and the network formulation, which sees members per region and day but visitors per meeting,
//    keeps the meetings its members' kept visits need;
//  - quota and coverage shortfalls cost SHORTFALL_COST a visit (src: solver/formulation.ts boundedCount).
import { groupBy, meetingIndex, Table2 } from '../src/domain/group.js';
import { quarterTarget, yearlyQuota } from '../src/domain/workload.js';
import { periodIndex, periodsOf } from '../src/domain/periods.js';
import { boundsIn, coverageIn } from '../src/domain/active.js';
import type { Cell, MemberId, Problem, Replan, Visit } from '../src/domain/types.js';
import { rowName, SHORTFALL_COST, type FlowTerm, type Formulation, type VisitTerm } from './formulation.js';

export const VISIT_COST = 100;
export const ROTATION_COST = 30;
export const SPREAD_COST = 10;
export const UNDER_COST = 12;
export const OVER_COST = 6;
export const FAIR_COST = 4;
export const FAIR_STEPS = 6;
export const CHANGE_COST = 1000;
export const MEETING_KEEP_COST = 5;

const visitKey = (member: string, cell: string, date: string) => `${member}|${cell}|${date}`;

/** The visits a re-plan should keep, by member|cell|date. */
export function previousKeys(replan: Replan): Set<string> {
  return new Set(replan.previous.map((v) => visitKey(v.member, v.cell, v.date)));
}

/** Changes of a plan against a re-plan's previous visits from its date on: dropped plus added. */
export function changeCount(replan: Replan, visits: readonly Pick<Visit, 'member' | 'cell' | 'date'>[]): number {
  const before = previousKeys(replan);
  let kept = 0;
  let ahead = 0;
  for (const v of visits) {
    if (v.date < replan.from) continue;
    ahead++;
    if (before.has(visitKey(v.member, v.cell, v.date))) kept++;
  }
  return before.size - kept + (ahead - kept);
}

/**
 * The change cost on the variables that say who visits where: +CHANGE_COST on a visit the previous plan did not have,
 * −CHANGE_COST on one it had, and CHANGE_COST × (the previous visits) as a constant, so that a plan keeping
 * everything costs 0. A network flow of x visits by a member to a region on a day, where the previous plan had p,
 * costs CHANGE_COST × |x − p| (at most what the cells' own changes cost: a lower bound).
 */
function addChanges(f: Formulation, replan: Replan): void {
  const before = previousKeys(replan);
  const obj = (v: number, d: number) => (f.model.vars[v]!.obj += d);
  if (f.kind === 'full') {
    for (const c of f.candidates)
      if (!c.constant && c.date >= replan.from)
        obj(c.v, before.has(visitKey(c.member.id, c.cell.id, c.date)) ? -CHANGE_COST : CHANGE_COST);
  } else {
    const at = new Map<string, number>();
    for (const v of replan.previous) {
      const region = f.regionOf.get(v.cell);
      if (region === undefined) continue;
      const k = `${v.member}|${region}|${v.date}`;
      at.set(k, (at.get(k) ?? 0) + 1);
    }
    for (const g of f.groups)
      for (const t of g.flows) {
        if (t.date < replan.from) continue;
        const p = at.get(`${t.member.id}|${t.region}|${t.date}`) ?? 0;
        const ub = f.model.vars[t.v]!.ub;
        if (p === 0) obj(t.v, CHANGE_COST);
        else if (p >= ub) obj(t.v, -CHANGE_COST);
        else {
          // Several visits a day in a region with several cells meeting: kept ≤ min(x, p) (rare; not a flow row).
          const name = rowName('changes', t.member.id, t.region, t.date, t.month);
          const kept = f.model.addVar(`${name}#kept`, { lb: 0, ub: p, integer: false, obj: -2 * CHANGE_COST });
          obj(t.v, CHANGE_COST);
          f.model.addRow(
            name,
            [
              [t.v, 1],
              [kept, -1],
            ],
            0,
            Infinity,
          );
        }
      }
  }
  // Meetings keeping a visitor: −MEETING_KEEP_COST for each of min(visitors, previous visitors).
  const visitorsBefore = previousVisitors(replan);
  for (const [meeting, terms] of f.meetingTerms) {
    const q = visitorsBefore.get(`${meeting.cell}|${meeting.date}`) ?? 0;
    if (q === 0 || meeting.date < replan.from) continue;
    const free = terms.filter((t) => !('constant' in t && t.constant));
    const ub = free.reduce((s, t) => s + f.model.vars[t.v]!.ub, 0);
    if (ub <= q) for (const t of free) obj(t.v, -MEETING_KEEP_COST);
    else {
      const name = rowName('changes', meeting.cell, meeting.month);
      const kept = f.model.addVar(`${name}#kept`, { lb: 0, ub: q, integer: false, obj: -MEETING_KEEP_COST });
      f.model.addRow(name, [...free.map((t) => [t.v, 1] as const), [kept, -1] as const], 0, Infinity);
    }
  }
  const constant = CHANGE_COST * before.size + MEETING_KEEP_COST * replan.previous.length;
  if (constant > 0) f.model.addVar(rowName('changes', 'previous'), { lb: 1, ub: 1, integer: false, obj: constant });
}

/** The previous plan's visitors per meeting (cell|date), from the re-plan date on. */
function previousVisitors(replan: Replan): Map<string, number> {
  const n = new Map<string, number>();
  for (const v of replan.previous) n.set(`${v.cell}|${v.date}`, (n.get(`${v.cell}|${v.date}`) ?? 0) + 1);
  return n;
}

/** The meeting part of the changes goal: MEETING_KEEP_COST for each previous visitor whose meeting has no one now. */
function meetingChanges(replan: Replan, visits: readonly Pick<Visit, 'cell' | 'date'>[]): number {
  const now = new Map<string, number>();
  for (const v of visits)
    if (v.date >= replan.from) now.set(`${v.cell}|${v.date}`, (now.get(`${v.cell}|${v.date}`) ?? 0) + 1);
  let kept = 0;
  for (const [k, q] of previousVisitors(replan)) kept += Math.min(q, now.get(k) ?? 0);
  return MEETING_KEEP_COST * (replan.previous.length - kept);
}

/** The spread cost of a quarter holding n visits of a member with yearly quota q. */
export function quarterCost(q: number, n: number): number {
  if (q <= 0) return 0;
  const t = quarterTarget(q);
  return UNDER_COST * Math.max(0, t.min - n) + OVER_COST * Math.max(0, n - t.max);
}

/** The fairness cost of a member with yearly quota q making n visits in the year. */
export function fairCost(q: number, n: number): number {
  const e = Math.max(0, n - q);
  const ramp = Math.min(e, FAIR_STEPS - 1);
  return FAIR_COST * ((ramp * (ramp + 1)) / 2 + FAIR_STEPS * (e - ramp));
}

/** The bonus of a visit to a cell of priority weight `w` (sum of its tags' weights) in `month` (1–12). */
export function priorityBonus(w: number, month: number): number {
  return Math.min(90, w * (4 + (12 - month) / 3));
}

export function cellWeight(priority: Readonly<Record<string, number>>, tags: readonly string[]): number {
  return tags.reduce((s, t) => s + (Object.hasOwn(priority, t) ? priority[t]! : 0), 0);
}

export function visitCost(problem: Pick<Problem, 'policy'>, cell: Pick<Cell, 'tags'>, month: number): number {
  return VISIT_COST - priorityBonus(cellWeight(problem.policy.priority, cell.tags), month);
}

/** A penalty variable `p >= sum(terms) - k` costing `cost` a unit, where the terms can sum to more than k. */
function beyond(f: Formulation, name: string, terms: readonly VisitTerm[], cost: number, k = 1): void {
  const capacity = terms.reduce((s, t) => s + f.model.vars[t.v]!.ub, 0);
  if (capacity <= k) return;
  const p = f.model.addVar(name, { lb: 0, ub: capacity - k, integer: false, obj: cost });
  f.model.addRow(name, [...terms.map((t) => [t.v, 1] as const), [p, -1] as const], -Infinity, k);
}

export function addObjective(f: Formulation): void {
  // Priority: the cost of each visit, on the variables that count visits to a cell's meeting.
  for (const terms of f.cellTerms.values())
    for (const t of terms) f.model.vars[t.v]!.obj = visitCost(f.problem, t.cell, t.month);
  // Spread (a row per member and month, and per member and quarter: they nest in the member's periods, so a network
  // stays a network). A quarter with no possible visit still pays its shortfall, as a constant.
  if (!f.relaxes.includes('spread')) {
    for (const [member, terms] of f.memberTerms)
      for (const [month, list] of groupBy(terms, (t) => t.month))
        beyond(f, rowName('spread', member, month), list, SPREAD_COST);
    for (const m of f.problem.members) {
      const q = yearlyQuota(m);
      if (q <= 0) continue;
      const t = quarterTarget(q);
      const byQuarter = groupBy(f.memberTerms.get(m.id) ?? [], (x) => periodIndex('quarter', x.month));
      for (let i = 0; i < 4; i++) {
        const list = byQuarter.get(i) ?? [];
        const name = rowName('spread', m.id, `Q${i + 1}`);
        const capacity = list.reduce((s, x) => s + f.model.vars[x.v]!.ub, 0);
        const sum = list.map((x) => [x.v, 1] as const);
        if (t.min === 0 && capacity <= t.max) continue;
        const under =
          t.min > 0
            ? [[f.model.addVar(`${name}#under`, { lb: 0, ub: t.min, integer: false, obj: UNDER_COST }), 1] as const]
            : [];
        if (capacity <= t.max) {
          f.model.addRow(`${name}#min`, [...sum, ...under], t.min, Infinity);
          continue;
        }
        const over = f.model.addVar(`${name}#over`, { lb: 0, ub: capacity - t.max, integer: false, obj: OVER_COST });
        f.model.addRow(name, [...sum, ...under, [over, -1] as const], t.min > 0 ? t.min : -Infinity, t.max);
      }
    }
  }
  // Fairness: the member's visits in the year = q at no cost + parallel arcs of increasing cost (one row each).
  if (!f.relaxes.includes('fairness')) {
    for (const m of f.problem.members) {
      const terms = f.memberTerms.get(m.id) ?? [];
      const q = yearlyQuota(m);
      const capacity = terms.reduce((s, x) => s + f.model.vars[x.v]!.ub, 0);
      if (capacity <= q) continue;
      const name = rowName('fairness', m.id);
      const arcs: (readonly [number, number])[] = [];
      arcs.push([f.model.addVar(`${name}#0`, { lb: 0, ub: q, integer: false }), -1]);
      for (let k = 1; k <= FAIR_STEPS && q + k - 1 < capacity; k++) {
        const ub = k < FAIR_STEPS ? 1 : capacity - q - k + 1;
        arcs.push([f.model.addVar(`${name}#${k}`, { lb: 0, ub, integer: false, obj: FAIR_COST * k }), -1]);
      }
      f.model.addRow(name, [...terms.map((x) => [x.v, 1] as const), ...arcs], 0, 0);
    }
  }
  if (f.problem.replan && !f.relaxes.includes('changes')) addChanges(f, f.problem.replan);
  // Rotation.
  if (f.kind === 'full' && !f.relaxes.includes('rotation')) {
    for (const [member, cands] of f.byMember)
      for (const [cell, list] of groupBy(cands, (c) => c.cell.id))
        beyond(f, rowName('rotation', member, cell), list, ROTATION_COST);
  }
  // Rotation as the network sees it: a member's visits to a region beyond the number of its cells they may visit
  // are repeats, each costing at least ROTATION_COST (a lower bound of the full formulation's rotation cost).
  if (f.kind === 'network') {
    const skipHome = f.problem.policy.skipHomeCell;
    const fixedAt = new Table2<MemberId, string, true>();
    for (const v of f.problem.fixed) fixedAt.upsert(v.member, v.cell, () => true);
    const byMemberRegion = new Table2<MemberId, number, FlowTerm[]>();
    for (const g of f.groups)
      for (const fl of g.flows) byMemberRegion.upsert(fl.member.id, g.region, () => []).push(fl);
    for (const [member, region, flows] of byMemberRegion.entries()) {
      const m = flows[0]!.member;
      const may = (c: Cell) =>
        (m.eligibleCells.has(c.id) && !(skipHome && m.homeCell === c.id)) || fixedAt.get(member, c.id) === true;
      const k = f.regions[region]!.filter(may).length;
      beyond(f, rowName('rotation', member, region), flows, ROTATION_COST, Math.max(1, k));
    }
  }
}

/** The objective of a plan, recomputed from its visits: what every formulation charges for it. */
export function planCost(problem: Problem, visits: readonly Visit[]): number {
  const meetingAt = meetingIndex(problem.meetings);
  const cellById = new Map(problem.cells.map((c) => [c.id as string, c]));
  const month = (v: Visit) => meetingAt.get(v.cell, v.date)?.month ?? Number(v.date.slice(5, 7));
  const beyond = (n: number) => Math.max(0, n - 1);
  let cost = 0;
  for (const v of visits) cost += visitCost(problem, cellById.get(v.cell) ?? { tags: [] }, month(v));
  const byMember = groupBy(visits, (v) => v.member);
  for (const mine of byMember.values()) {
    for (const list of groupBy(mine, month).values()) cost += SPREAD_COST * beyond(list.length);
    for (const list of groupBy(mine, (v) => v.cell).values()) cost += ROTATION_COST * beyond(list.length);
  }
  const y = problem.year;
  for (const m of problem.members) {
    const months = (byMember.get(m.id) ?? []).map(month);
    const q = yearlyQuota(m);
    for (let i = 0; i < 4; i++) cost += quarterCost(q, months.filter((mo) => periodIndex('quarter', mo) === i).length);
    cost += fairCost(q, months.length);
    for (const q of m.quotas)
      periodsOf(q.per, y).forEach((_, i) => {
        const n = months.filter((mo) => periodIndex(q.per, mo) === i).length;
        cost += SHORTFALL_COST * Math.max(0, boundsIn(q, i).min - n);
      });
  }
  if (problem.replan)
    cost += CHANGE_COST * changeCount(problem.replan, visits) + meetingChanges(problem.replan, visits);
  const cov = problem.policy.coverage;
  const byCell = groupBy(visits, (v) => v.cell);
  for (const c of problem.cells) {
    const months = (byCell.get(c.id) ?? []).map(month);
    periodsOf(cov.per, y).forEach((_, i) => {
      const n = months.filter((mo) => periodIndex(cov.per, mo) === i).length;
      cost += SHORTFALL_COST * Math.max(0, coverageIn(problem.policy, c, i).min - n);
    });
  }
  return cost;
}
