// The independent checker: (Problem, visits) -> Violation[]. It never calls a solver.
import type { Problem, RuleId, Violation, Visit } from '../domain/types.js';
import { buildContext } from './context.js';
import type { Rule } from './rule.js';
import { quota } from './rules/quota.js';
import { coverage } from './rules/coverage.js';
import { visitorsPerMeeting } from './rules/visitorsPerMeeting.js';
import { teamPerMeeting } from './rules/teamPerMeeting.js';
import { noConsecutive } from './rules/noConsecutive.js';
import { homeCell } from './rules/homeCell.js';
import { area } from './rules/area.js';
import { availability } from './rules/availability.js';
import { visitsPerDay } from './rules/visitsPerDay.js';
import { fixed } from './rules/fixed.js';
import { meetingDate } from './rules/meetingDate.js';
import { distinctVisits } from './rules/distinctVisits.js';

/** The hard rules, in the order of SPEC §4, then the meeting calendar and the plan's rows. */
export const RULES: readonly Rule[] = [
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
  meetingDate,
  distinctVisits,
];

export function checkPlan(problem: Problem, visits: readonly Visit[], only?: readonly RuleId[]): Violation[] {
  const ctx = buildContext(problem, visits);
  return RULES.filter((r) => !only || only.includes(r.id)).flatMap((r) => r.check(ctx));
}

export { quality, type Quality } from './quality.js';
export type { Rule } from './rule.js';
