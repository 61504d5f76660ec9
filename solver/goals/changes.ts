// Soft goal 4 (SPEC §4; issue 9): on a re-plan, as few changes as possible to the visits still ahead. Each visit of
// the previous plan from the re-plan date on that the new plan drops, and each new visit it adds there, costs
// CHANGE_COST (a moved visit is both: 2 × CHANGE_COST): above what one visit can gain on the goals before it (a
// visit's cost, spread, fairness and rotation move by at most about 200), below a shortfall: the rules first, then
// the fewest changes, then the other goals. Within it, each meeting a previous visit attended that keeps a visitor
// (any member) saves MEETING_KEEP_COST: cells' calendars change less, and the network formulation, which sees members
// per region and day but visitors per meeting, keeps the meetings its members' kept visits need.
//
// On the variables: +CHANGE_COST on a visit the previous plan did not have, −CHANGE_COST on one it had, and
// CHANGE_COST × (the previous visits) as a constant, so that a plan keeping everything costs 0. A network flow of x
// visits by a member to a region on a day, where the previous plan had p, costs CHANGE_COST × |x − p| (at most what
// the cells' own changes cost: a lower bound).
import { Table2 } from '../../src/domain/group.js';
import { MeetingCount, VisitSet, type MeetingKey, type VisitKey } from '../../src/domain/plan.js';
import type { IsoDate, Replan } from '../../src/domain/types.js';
import { rowName, type Formulation } from '../formulation.js';
import type { SoftGoal } from './goal.js';

export const CHANGE_COST = 1000;
export const MEETING_KEEP_COST = 5;

/** Changes of a plan against a re-plan's previous visits from its date on: dropped plus added. */
export function changeCount(replan: Replan, visits: readonly VisitKey[]): number {
  const before = new VisitSet(replan.previous);
  let kept = 0;
  let ahead = 0;
  for (const v of visits) {
    if (v.date < replan.from) continue;
    ahead++;
    if (before.has(v)) kept++;
  }
  return before.size - kept + (ahead - kept);
}

/** The previous plan's visitors per meeting, from the re-plan date on. */
function previousVisitors(replan: Replan): MeetingCount {
  const n = new MeetingCount();
  for (const v of replan.previous) n.add(v);
  return n;
}

/** The meeting part of the goal: MEETING_KEEP_COST for each previous visitor whose meeting has no one now. */
function meetingChanges(replan: Replan, visits: readonly MeetingKey[]): number {
  const now = new MeetingCount();
  for (const v of visits) if (v.date >= replan.from) now.add(v);
  let kept = 0;
  for (const [meeting, q] of previousVisitors(replan).entries()) kept += Math.min(q, now.get(meeting));
  return MEETING_KEEP_COST * (replan.previous.length - kept);
}

/** Meetings keeping a visitor: −MEETING_KEEP_COST for each of min(visitors, previous visitors); and the constant. */
function meetingRows(f: Formulation, replan: Replan, before: VisitSet): void {
  const obj = (v: number, d: number) => (f.model.vars[v]!.obj += d);
  const visitorsBefore = previousVisitors(replan);
  for (const [meeting, terms] of f.meetingTerms) {
    const q = visitorsBefore.get(meeting);
    if (q === 0 || meeting.date < replan.from) continue;
    const free = terms.filter((t) => !('constant' in t && t.constant));
    const ub = free.reduce((s, t) => s + f.model.vars[t.v]!.ub, 0);
    if (ub <= q) for (const t of free) obj(t.v, -MEETING_KEEP_COST);
    else {
      const name = rowName('changes', meeting.cell, meeting.month);
      const kept = f.model.addVar(`${name}#kept`, { lb: 0, ub: q, integer: false, obj: -MEETING_KEEP_COST });
      f.model.addRow(name, [...free.map((t) => f.model.one(t.v)), [kept, -1] as const], 0, Infinity);
    }
  }
  const constant = CHANGE_COST * before.size + MEETING_KEEP_COST * replan.previous.length;
  if (constant > 0) f.model.addVar(rowName('changes', 'previous'), { lb: 1, ub: 1, integer: false, obj: constant });
}

export const changes: SoftGoal = {
  id: 'changes',
  full(f) {
    const replan = f.problem.replan;
    if (!replan) return;
    const before = new VisitSet(replan.previous);
    for (const c of f.candidates)
      if (!c.constant && c.date >= replan.from)
        f.model.vars[c.v]!.obj += before.has({ member: c.member.id, cell: c.cell.id, date: c.date })
          ? -CHANGE_COST
          : CHANGE_COST;
    meetingRows(f, replan, before);
  },
  network(f) {
    const replan = f.problem.replan;
    if (!replan || f.relaxes.includes('changes')) return;
    const before = new VisitSet(replan.previous);
    const obj = (v: number, d: number) => (f.model.vars[v]!.obj += d);
    // The previous plan's visits per member, region and day.
    const at = new Table2<string, number, Map<IsoDate, number>>();
    for (const v of replan.previous) {
      const region = f.regionOf.get(v.cell);
      if (region === undefined) continue;
      const days = at.upsert(v.member, region, () => new Map());
      days.set(v.date, (days.get(v.date) ?? 0) + 1);
    }
    for (const g of f.groups)
      for (const t of g.flows) {
        if (t.date < replan.from) continue;
        const p = at.get(t.member.id, t.region)?.get(t.date) ?? 0;
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
    meetingRows(f, replan, before);
  },
  cost({ problem, visits }) {
    const replan = problem.replan;
    if (!replan) return 0;
    return CHANGE_COST * changeCount(replan, visits) + meetingChanges(replan, visits);
  },
};
