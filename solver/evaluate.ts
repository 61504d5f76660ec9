// The rules a plan breaks, read from the solver's own rule rows: the plan's visits are made the only variables of
// the full formulation (each held at 1), and unmetOf reads every row against the rule's limits. Whichever path
// found a plan (matching, region repair, a MIP), its unmet rules are computed here, the one way.
import type { Meeting, MemberId, Problem, Violation, Visit } from '../src/domain/types.js';
import { Table2 } from '../src/domain/group.js';
import { MeetingIndex } from '../src/domain/plan.js';
import { unmetOf } from './formulation.js';
import { buildFull, type Pair } from './formulations/full.js';

export function planUnmet(problem: Problem, visits: readonly Visit[]): Violation[] {
  const meetingAt = new MeetingIndex(problem.meetings);
  const member = new Map(problem.members.map((m) => [m.id as string, m]));
  const cell = new Map(problem.cells.map((c) => [c.id as string, c]));
  const seen = new Table2<MemberId, Meeting, true>();
  const pairs: Pair[] = [];
  for (const v of visits) {
    const meeting = meetingAt.at(v);
    const m = member.get(v.member);
    const c = cell.get(v.cell);
    if (!meeting || !m || !c || seen.get(m.id, meeting)) continue;
    seen.upsert(m.id, meeting, () => true);
    pairs.push({ member: m, cell: c, meeting, held: true });
  }
  return unmetOf(buildFull(problem, { pairs, objective: false }), () => 1);
}
