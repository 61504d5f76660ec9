// The full formulation: one binary variable per member and meeting the member may attend (the domain rules decide
// which), plus one per fixed visit whatever those rules say; every rule's rows, then the objective. Exact, and
// large: a province-sized instance has about a million candidates, so it is built for small problems and regions.
// Its LP relaxation (solver/lp.ts `continuous`) keeps every row.
import type { Cell, Meeting, Member, MemberId, Problem, Violation } from '../../src/domain/types.js';
import { groupBy, Table2 } from '../../src/domain/group.js';
import { Model } from '../lp.js';
import { rowName, type Candidate, type FullFormulation } from '../formulation.js';
import { forbiddenBy, SOLVER_RULES } from '../rules/index.js';
import { addObjective } from '../goals/index.js';

/** A (member, meeting) pair a formulation may give a variable; `held` ones stay whatever the rules say. */
export interface Pair {
  readonly member: Member;
  readonly cell: Cell;
  readonly meeting: Meeting;
  readonly held: boolean;
}

export interface FullOptions {
  /** The pairs to consider (default: every member at every meeting, held when fixed); the domain rules filter all
   * but the held ones, which get a variable with lower bound 1 and are reported when they break a rule. */
  readonly pairs?: Iterable<Pair>;
  /** Visits that stay as they are and only count toward the members' rows (a piece's members' visits elsewhere):
   * variables fixed to 1, never reported. */
  readonly constants?: Iterable<Pair>;
  /** False: the rule rows alone, no objective (reading a plan's unmet rules needs no costs). Default true. */
  readonly objective?: boolean;
}

/** Every member at every meeting of their problem, held when it is a fixed visit. */
function* allPairs(problem: Problem): Iterable<Pair> {
  const fixedAt = new Table2<string, string, Set<string>>(); // member, cell -> dates
  for (const f of problem.fixed) fixedAt.upsert(f.member, f.cell, () => new Set()).add(f.date);
  const meetingsOf = groupBy(problem.meetings, (m) => m.cell as string);
  for (const member of problem.members)
    for (const cell of problem.cells) {
      const fixedDates = fixedAt.get(member.id, cell.id);
      for (const meeting of meetingsOf.get(cell.id) ?? [])
        yield { member, cell, meeting, held: fixedDates?.has(meeting.date) ?? false };
    }
}

export function buildFull(problem: Problem, opts: FullOptions = {}): FullFormulation {
  const model = new Model();
  const candidates: Candidate[] = [];
  const forced: Violation[] = [];
  for (const { member, cell, meeting, held } of opts.pairs ?? allPairs(problem)) {
    const why = forbiddenBy(problem, member, cell, meeting);
    if (why.length > 0 && !held) continue;
    for (const rule of why)
      forced.push({ rule, member: member.id, cell: cell.id, date: meeting.date, bound: 'max', limit: 0, count: 1 });
    const v = model.addVar(rowName('x', member.id, cell.id, meeting.month), { lb: 0, ub: 1, integer: true });
    const { month, date } = meeting;
    candidates.push({ v, member, cell, meeting, month, date, held: held ? 1 : 0 });
  }
  for (const { member, cell, meeting } of opts.constants ?? []) {
    const v = model.addVar(rowName('k', member.id, cell.id, meeting.month), { lb: 1, ub: 1, integer: false });
    candidates.push({ v, member, cell, meeting, month: meeting.month, date: meeting.date, held: 1, constant: true });
  }
  const f: FullFormulation = {
    kind: 'full',
    problem,
    model,
    integer: true,
    relaxes: [],
    candidates,
    byMember: groupBy(candidates, (c) => c.member.id as MemberId),
    memberTerms: groupBy(candidates, (c) => c.member.id as MemberId),
    cellTerms: groupBy(candidates, (c) => c.cell.id as string),
    meetingTerms: groupBy(candidates, (c) => c.meeting as Meeting),
    ruleRows: [],
    forced,
  };
  for (const rule of SOLVER_RULES) if (!f.relaxes.includes(rule.id)) rule.rows?.(f);
  if (opts.objective !== false) addObjective(f);
  return f;
}
