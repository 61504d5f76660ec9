// SPEC §4.7: no visit on a member's unavailable day: a domain (no variable that day) in every formulation.
import type { IsoDate, Member, Problem } from '../../src/domain/types.js';
import type { SolverRule } from './rule.js';

export const isAvailable = (member: Member, date: IsoDate): boolean => !member.unavailable.has(date);

/** On a re-plan the past is closed: no visit may be added before `from` (what happened is among the fixed visits). */
export const isOpen = (problem: Pick<Problem, 'replan'>, member: Member, date: IsoDate): boolean =>
  isAvailable(member, date) && (problem.replan === undefined || date >= problem.replan.from);

/** The fixed visits of a problem by member|cell|date, made once per problem. */
const fixedKeys = new WeakMap<Problem, Set<string>>();
const isFixed = (problem: Problem, member: string, cell: string, date: IsoDate): boolean => {
  let keys = fixedKeys.get(problem);
  if (!keys) fixedKeys.set(problem, (keys = new Set(problem.fixed.map((f) => `${f.member}|${f.cell}|${f.date}`))));
  return keys.has(`${member}|${cell}|${date}`);
};

export const availability: SolverRule = {
  id: 'availability',
  // What happened before a re-plan's date is a fixed visit: it breaks no rule by being in the past.
  allows: (problem, member, cell, meeting) =>
    isAvailable(member, meeting.date) &&
    (problem.replan === undefined ||
      meeting.date >= problem.replan.from ||
      isFixed(problem, member.id, cell.id, meeting.date)),
};
