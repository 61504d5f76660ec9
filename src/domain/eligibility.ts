// Who may attend which meeting, written once (issue 21): the area, home-cell and availability predicates that the
// solver's domain rules (solver/rules/area.ts, homeCell.ts, availability.ts), the checker's rules of the same ids,
// precheck and the re-plan's reasons all use.
import { VisitSet, type VisitKey } from './plan.js';
import type { IsoDate, Member, Policy, Problem } from './types.js';

/** SPEC §4.6: the cell is inside the member's area. */
export const inArea = (member: Pick<Member, 'eligibleCells'>, cell: string): boolean =>
  (member.eligibleCells as ReadonlySet<string>).has(cell);

/** SPEC §4.5: the cell is the member's home cell and the policy skips home cells. */
export const atHomeCell = (policy: Pick<Policy, 'skipHomeCell'>, member: Pick<Member, 'homeCell'>, cell: string) =>
  policy.skipHomeCell && member.homeCell === cell;

/** SPEC §4.7: the member is not unavailable that day. */
export const isAvailable = (member: Pick<Member, 'unavailable'>, date: IsoDate): boolean =>
  !member.unavailable.has(date);

/** A re-plan closes the past: before its date only what happened (its fixed visits) stands. */
export const beforeReplan = (problem: Pick<Problem, 'replan'>, date: IsoDate): boolean =>
  problem.replan !== undefined && date < problem.replan.from;

/** The problem's fixed visits as a set, made once per problem. */
const fixedSets = new WeakMap<Pick<Problem, 'fixed'>, VisitSet>();
export function fixedVisits(problem: Pick<Problem, 'fixed'>): VisitSet {
  let s = fixedSets.get(problem);
  if (!s) fixedSets.set(problem, (s = new VisitSet(problem.fixed)));
  return s;
}

/** Availability of a visit: the member is available, and on a re-plan the visit is not in the closed past unless it
 * is one that happened (`fixed`). */
export const mayAttendOn = (
  problem: Pick<Problem, 'replan' | 'fixed'>,
  member: Pick<Member, 'id' | 'unavailable'>,
  cell: string,
  date: IsoDate,
  fixed?: VisitSet,
): boolean =>
  isAvailable(member, date) &&
  // The key is made only for a day before a re-plan's date: this runs for every member at every meeting.
  (!beforeReplan(problem, date) || (fixed ?? fixedVisits(problem)).has({ member: member.id, cell, date }));

/** The rules that forbid the member at the cell's meeting on the visit's day, in the catalogue's order: what the
 * solver's domain rules leave without a variable, and what a re-plan names as the reason a visit could not stay. */
export function forbiddingRules(
  problem: Pick<Problem, 'policy' | 'replan' | 'fixed'>,
  member: Member,
  visit: VisitKey,
): Array<'homeCell' | 'area' | 'availability'> {
  const out: Array<'homeCell' | 'area' | 'availability'> = [];
  if (atHomeCell(problem.policy, member, visit.cell)) out.push('homeCell');
  if (!inArea(member, visit.cell)) out.push('area');
  if (!mayAttendOn(problem, member, visit.cell, visit.date)) out.push('availability');
  return out;
}
