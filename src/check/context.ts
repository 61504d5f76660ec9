// Indexes over a (Problem, Plan) pair shared by the rule modules. Everything is recomputed from the plan's visits:
// the checker trusts nothing a solver says about them.
import type { Cell, Meeting, Member, Problem, RuleId, Violation, Visit } from '../domain/types.js';
import { MeetingIndex } from '../domain/plan.js';

export interface CheckContext {
  readonly problem: Problem;
  readonly visits: readonly Visit[];
  readonly member: ReadonlyMap<string, Member>;
  readonly cell: ReadonlyMap<string, Cell>;
  /** The meeting each cell holds on a day. */
  readonly meetings: MeetingIndex;
  /** The meeting a visit attends, if it falls on one. */
  meetingOf(v: Visit): Meeting | undefined;
  /** The month (1–12) a visit counts in: its meeting's month, else its date's month. */
  monthOfVisit(v: Visit): number;
}

export function buildContext(problem: Problem, visits: readonly Visit[]): CheckContext {
  const meetings = new MeetingIndex(problem.meetings);
  return {
    problem,
    visits,
    member: new Map(problem.members.map((m) => [m.id, m])),
    cell: new Map(problem.cells.map((c) => [c.id, c])),
    meetings,
    meetingOf: (v) => meetings.at(v),
    monthOfVisit: (v) => meetings.monthOf(v),
  };
}

export { groupBy, groupByTuple } from '../domain/group.js';

/** A rule one visit breaks on its own (a visit that should not exist): at most 0 such visits, found 1. */
export function visitBreaks(rule: RuleId, v: Visit): Violation {
  return { rule, member: v.member, cell: v.cell, date: v.date, bound: 'max', limit: 0, count: 1 };
}
