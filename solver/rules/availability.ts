// SPEC §4.7: no visit on a member's unavailable day: a domain (no variable that day) in every formulation. On a
// re-plan the past is closed: before its date only what happened (a fixed visit) has a variable.
import type { IsoDate, Member, Problem } from '../../src/domain/types.js';
import { beforeReplan, isAvailable, mayAttendOn } from '../../src/domain/eligibility.js';
import type { SolverRule } from './rule.js';

export { isAvailable };

/** No visit may be added on the day: the member is unavailable, or it is before a re-plan's date. */
export const isOpen = (problem: Pick<Problem, 'replan'>, member: Member, date: IsoDate): boolean =>
  isAvailable(member, date) && !beforeReplan(problem, date);

export const availability: SolverRule = {
  id: 'availability',
  allows: (problem, member, cell, meeting) => mayAttendOn(problem, member, cell.id, meeting.date),
};
