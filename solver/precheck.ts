// Reasons a plan cannot meet every rule, found before solving: a member with fewer meetings they may attend than
// their quota in some period, a cell no member may visit. Each is a code with its parameters (src/i18n/messages.ts).
import type { Meeting, Problem } from '../src/domain/types.js';
import { groupBy, Table2 } from '../src/domain/group.js';
import { MeetingIndex, quotaPeriods } from '../src/domain/plan.js';
import { forbiddenBy } from './rules/index.js';
import type { Code, Params } from '../src/i18n/messages.js';

export interface Finding {
  readonly code: Code;
  readonly params: Params;
}

export function precheck(problem: Problem): Finding[] {
  const out: Finding[] = [];
  const visitable = new Set<string>();
  const cellById = new Map(problem.cells.map((c) => [c.id as string, c]));
  const meetingsOf = groupBy(problem.meetings, (m: Meeting) => m.cell as string);
  const fixedOf = groupBy(problem.fixed, (f) => f.member as string);
  const meetingAt = new MeetingIndex(problem.meetings);
  for (const m of problem.members) {
    const months: number[] = [];
    const dates = new Set<string>();
    // A fixed visit stands whatever the rules say (on a re-plan: what happened before its date).
    const fixedMeetings = (fixedOf.get(m.id) ?? []).flatMap((f) => meetingAt.at(f) ?? []);
    const fixedHere = new Table2<string, string, true>();
    for (const mt of fixedMeetings) fixedHere.upsert(mt.cell, mt.date, () => true);
    const consider = (mt: Meeting) => {
      // Nothing left to learn from this meeting (most of a province member's 33,600): its day and cell are known.
      if (dates.has(mt.date) && visitable.has(mt.cell)) return;
      const cell = cellById.get(mt.cell)!;
      if (!fixedHere.get(mt.cell, mt.date) && forbiddenBy(problem, m, cell, mt).length > 0) return;
      visitable.add(cell.id);
      if (!dates.has(mt.date)) {
        dates.add(mt.date);
        months.push(mt.month);
      }
    };
    for (const c of m.eligibleCells) for (const mt of meetingsOf.get(c) ?? []) consider(mt);
    for (const mt of fixedMeetings) consider(mt);
    // At most max_visits_per_day a day: the days they can attend bound what they can do.
    for (const p of quotaPeriods(m, problem.year, months, (mo) => mo)) {
      const n = p.items.length * problem.policy.maxVisitsPerDay;
      if (n < p.bounds.min)
        out.push({
          code: 'precheck.member-short',
          params: { member: m.id, name: m.name, most: n, period: p.period.label, must: p.bounds.min },
        });
    }
  }
  if (problem.policy.coverage.min > 0) {
    for (const c of problem.cells)
      if (!visitable.has(c.id)) out.push({ code: 'precheck.cell-unreachable', params: { cell: c.id, name: c.name } });
  }
  return out;
}
