// The solver's rules, in the order of SPEC §4: each file adds its rows to whichever formulation it applies to.
// test/catalogue.test.ts holds this list, the checker's list and the catalogue (src/domain/rules.ts) together.
import type { RuleId } from '../../src/domain/rules.js';
import type { Cell, Meeting, Member, Problem } from '../../src/domain/types.js';
import type { SolverRule } from './rule.js';
import { quota } from './quota.js';
import { coverage } from './coverage.js';
import { visitorsPerMeeting } from './visitorsPerMeeting.js';
import { teamPerMeeting } from './teamPerMeeting.js';
import { noConsecutive } from './noConsecutive.js';
import { homeCell } from './homeCell.js';
import { area } from './area.js';
import { availability } from './availability.js';
import { visitsPerDay } from './visitsPerDay.js';
import { fixed } from './fixed.js';

export type { SolverRule } from './rule.js';

export const SOLVER_RULES: readonly SolverRule[] = [
  quota,
  coverage,
  visitorsPerMeeting,
  teamPerMeeting,
  noConsecutive,
  homeCell,
  area,
  availability,
  visitsPerDay,
  fixed,
];

/** Rules only the checker has, and why the solver needs no rows for them. */
export const CHECKER_ONLY: Readonly<Partial<Record<RuleId, string>>> = {
  meetingDate: 'the solver’s variables are the calendar’s meetings: a visit off a meeting cannot be expressed',
  distinctVisits: 'the solver has one variable per member and meeting: a visit cannot be listed twice',
};

/** The domain rules that forbid the member at the meeting (none: the full formulation has a variable for it). */
export function forbiddenBy(problem: Problem, member: Member, cell: Cell, meeting: Meeting): RuleId[] {
  return SOLVER_RULES.filter((r) => r.allows && !r.allows(problem, member, cell, meeting)).map((r) => r.id);
}
