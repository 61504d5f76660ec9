// Re-planning from a date (issue 9, item 3): the problem a re-plan solves. Before the date, what happened stays as
// it happened — the previous plan's visits as the attendance file records them (done, replaced by another member,
// visits outside the plan; unrecorded ones done unless --unrecorded missed) — as fixed visits that count toward
// quotas and coverage, and no other visit may be added there. From the date on, the previous plan's visits are what
// the new plan should keep (soft goal `changes`, solver/objective.ts).
import type { Finding } from '../../solver/precheck.js';
import { DateTime } from 'luxon';
import { happened, type Unrecorded } from '../attendance/compliance.js';
import type { Attendance } from '../attendance/file.js';
import type { FixedVisit, IsoDate, Meeting, Plan, Problem, Visit } from '../domain/types.js';
import { Table2 } from '../domain/group.js';
import { monthOfDate, VisitSet } from '../domain/plan.js';

export interface ReplanInput {
  /** The problem of the spec as it is now (members and cells may have joined or left). */
  readonly problem: Problem;
  /** The previous plan's visits (read from its plan.json alone: its members and cells may have left the spec). */
  readonly previous: readonly Visit[];
  readonly attendance?: Attendance;
  readonly from: IsoDate;
  readonly unrecorded: Exclude<Unrecorded, 'pending'>;
}

export interface ReplanSetup {
  /** The problem to solve: what happened among the fixed visits, the past closed, the previous visits to keep. */
  readonly problem: Problem;
  /** What happened before the date, as the new plan keeps it. */
  readonly past: readonly Visit[];
  readonly missed: number;
  readonly replaced: number;
  readonly unplanned: number;
  /** What could not be carried over (visits of members or cells the spec no longer has, and the like). */
  readonly notes: readonly Finding[];
}

/**
 * The problem a plan answers: the spec's, or for a re-plan's plan (plan.json says `replan.from`) the spec's with the
 * plan's visits before that date as what happened — so that `check` and `report` judge it as `plan` did.
 */
export function problemForPlan(problem: Problem, plan: Pick<Plan, 'visits' | 'replan'>): Problem {
  if (!plan.replan) return problem;
  const from = plan.replan.from;
  return replanProblem({ problem, previous: plan.visits.filter((v) => v.date < from), from, unrecorded: 'done' })
    .problem;
}

export const dayBefore = (d: IsoDate): IsoDate => DateTime.fromISO(d).minus({ days: 1 }).toISODate()!;

export function replanProblem(input: ReplanInput): ReplanSetup {
  const { problem, from } = input;
  const notes: Finding[] = [];
  const members = new Set(problem.members.map((m) => m.id as string));
  const cells = new Set(problem.cells.map((c) => c.id as string));
  const known = (v: Visit) => members.has(v.member) && cells.has(v.cell);
  const pastPlanned = input.previous.filter((v) => v.date < from);
  const gone = pastPlanned.filter((v) => !known(v));
  if (gone.length > 0) notes.push({ code: 'replan.gone-not-counted', params: { count: gone.length, from } });
  const attendance = input.attendance ?? { records: [], recordsReports: false, notes: [] };
  const later = attendance.records.filter((r) => r.date >= from).length;
  if (later > 0) notes.push({ code: 'replan.later-rows', params: { count: later, from } });
  const h = happened(problem, pastPlanned.filter(known), attendance, dayBefore(from), input.unrecorded);

  // A visit made on a day its cell did not meet by the plan: that month's meeting was held that day.
  const meetings = [...problem.meetings];
  const at = new Table2<string, IsoDate, number>();
  meetings.forEach((m, i) => at.set(m.cell, m.date, i));
  const past: Visit[] = [];
  const seen = new VisitSet();
  for (const v of h.done) {
    if (seen.has(v)) continue;
    let i = at.get(v.cell, v.date);
    if (i === undefined) {
      const month = monthOfDate(v.date);
      const j = meetings.findIndex((m) => m.cell === v.cell && m.month === month);
      const prev = meetings[j - 1];
      const next = meetings[j + 1];
      const fits =
        j >= 0 &&
        meetings[j]!.date < from &&
        (prev?.cell !== v.cell || prev.date < v.date) &&
        (next?.cell !== v.cell || next.date > v.date);
      if (!fits) {
        notes.push({ code: 'replan.off-meeting', params: { member: v.member, cell: v.cell, date: v.date } });
        continue;
      }
      at.delete(v.cell, meetings[j]!.date);
      meetings[j] = { ...meetings[j]!, date: v.date };
      at.set(v.cell, v.date, j);
      i = j;
    }
    const m: Meeting = meetings[i]!;
    seen.add(v);
    past.push({ member: v.member, cell: v.cell, date: v.date, start: m.start, end: m.end, status: 'fixed' });
  }
  const specFixed = new VisitSet(problem.fixed);
  const fixed: FixedVisit[] = [
    ...problem.fixed,
    ...past.filter((v) => !specFixed.has(v)).map((v) => ({ member: v.member, cell: v.cell, date: v.date })),
  ];
  const previous = input.previous
    .filter((v) => v.date >= from && known(v))
    .map((v) => ({ member: v.member, cell: v.cell, date: v.date }));
  const replaced = attendance.records.filter((r) => r.result === 'replaced' && r.date < from).length;
  return {
    problem: { ...problem, meetings, fixed, replan: { from, previous } },
    past,
    missed: h.missed.length - replaced,
    replaced,
    unplanned: h.unplanned.length,
    notes,
  };
}
