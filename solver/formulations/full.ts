// The full formulation: one binary variable per member and meeting the member may attend (the domain rules decide
// which), plus one per fixed visit whatever those rules say; every rule's rows, then the objective. Exact, and
// large: a province-sized instance has about a million candidates, so it is built for small problems and regions.
// With `relax`, the rows that couple a member's visits to one cell across months (noConsecutive, rotation) and the
// team rows are left out and the variables made continuous: what remains has one laminar family of rows per member
// and one per cell, so its LP optimum is (nearly always) integral and a lower bound of the full model.
import type { Meeting, MemberId, Problem, Violation } from '../../src/domain/types.js';
import { groupBy, Table2 } from '../../src/domain/group.js';
import { Model } from '../lp.js';
import { rowName, type Candidate, type FullFormulation, type Relaxable } from '../formulation.js';
import { forbiddenBy, SOLVER_RULES } from '../rules/index.js';
import { addObjective } from '../objective.js';

/** What the LP relaxation of the full formulation leaves out. */
export const FULL_RELAXATION: readonly Relaxable[] = ['teamPerMeeting', 'noConsecutive', 'rotation'];

export function buildFull(problem: Problem, opts: { relaxed?: boolean } = {}): FullFormulation {
  const relaxed = opts.relaxed ?? false;
  const model = new Model();
  const fixedAt = new Table2<string, string, Set<string>>(); // member, cell -> dates
  for (const f of problem.fixed) fixedAt.upsert(f.member, f.cell, () => new Set()).add(f.date);
  const meetingsOf = groupBy(problem.meetings, (m) => m.cell as string);
  const candidates: Candidate[] = [];
  const forced: Violation[] = [];
  for (const member of problem.members) {
    for (const cell of problem.cells) {
      const fixedDates = fixedAt.get(member.id, cell.id);
      for (const meeting of meetingsOf.get(cell.id) ?? []) {
        const isFixed = fixedDates?.has(meeting.date) ?? false;
        const why = forbiddenBy(problem, member, cell, meeting);
        if (why.length > 0 && !isFixed) continue;
        for (const rule of why)
          forced.push({ rule, member: member.id, cell: cell.id, date: meeting.date, bound: 'max', limit: 0, count: 1 });
        const v = model.addVar(rowName('x', member.id, cell.id, meeting.month), { lb: 0, ub: 1, integer: !relaxed });
        candidates.push({ v, member, cell, meeting, month: meeting.month, date: meeting.date, fixed: isFixed ? 1 : 0 });
      }
    }
  }
  const f: FullFormulation = {
    kind: 'full',
    problem,
    model,
    integer: !relaxed,
    relaxes: relaxed ? FULL_RELAXATION : [],
    candidates,
    byMember: groupBy(candidates, (c) => c.member.id as MemberId),
    memberTerms: groupBy(candidates, (c) => c.member.id as MemberId),
    cellTerms: groupBy(candidates, (c) => c.cell.id as string),
    meetingTerms: groupBy(candidates, (c) => c.meeting as Meeting),
    ruleRows: [],
    forced,
  };
  for (const rule of SOLVER_RULES) if (!f.relaxes.includes(rule.id)) rule.rows?.(f);
  addObjective(f);
  return f;
}
