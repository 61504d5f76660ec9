// The soft goals (SPEC §4), one module each with its rows and its term of a plan's cost side by side: every
// formulation is charged by addObjective, and planCost charges a plan given as visits the same way, so the cost of
// one plan is one number whichever path found it. Quota and coverage shortfalls cost SHORTFALL_COST a visit
// (solver/formulation.ts boundedCount); planCost adds them from the same period counts the rules use.
import { groupBy } from '../../src/domain/group.js';
import { coveragePeriods, MeetingIndex, quotaPeriods, shortfall } from '../../src/domain/plan.js';
import type { Problem, Visit } from '../../src/domain/types.js';
import { SHORTFALL_COST, type Formulation } from '../formulation.js';
import { changes } from './changes.js';
import { fairness } from './fairness.js';
import type { CostInput, SoftGoal } from './goal.js';
import { priority } from './priority.js';
import { rotation } from './rotation.js';
import { spread } from './spread.js';

export type { SoftGoal } from './goal.js';

/** The soft goals in the catalogue's order (src/domain/rules.ts). */
export const SOFT_GOALS: readonly SoftGoal[] = [priority, rotation, spread, fairness, changes];

/**
 * The order in which addObjective writes the goals' variables and rows. It is the order the model has always had:
 * a solver's path through ties depends on it, and the same spec and seed must keep giving the same plan.
 */
const MODEL_ORDER: readonly SoftGoal[] = [priority, spread, fairness, changes, rotation];

export function addObjective(f: Formulation): void {
  for (const g of MODEL_ORDER) {
    if (f.kind === 'network' && g.network) g.network(f);
    else if (f.relaxes.includes(g.id)) continue;
    else if (f.kind === 'full' && g.full) g.full(f);
    else g.rows?.(f);
  }
}

/** The indexes every goal's cost reads, built once. */
export function costInput(problem: Problem, visits: readonly Visit[]): CostInput {
  const meetings = new MeetingIndex(problem.meetings);
  // Each visit's month once: every goal and the shortfalls read it (planCost runs after every region repair).
  const monthOf = new Map(visits.map((v) => [v, meetings.monthOf(v)]));
  return {
    problem,
    visits,
    meetings,
    month: (v) => monthOf.get(v) ?? meetings.monthOf(v),
    cellById: new Map(problem.cells.map((c) => [c.id as string, c])),
    byMember: groupBy(visits, (v) => v.member as string),
    members: problem.members,
  };
}

/** The quota and coverage shortfalls of a plan, at SHORTFALL_COST a missing visit. */
export function shortfallCost(c: CostInput): number {
  const { problem, byMember, month } = c;
  let missing = 0;
  for (const m of problem.members)
    for (const p of quotaPeriods(m, problem.year, byMember.get(m.id) ?? [], month))
      missing += shortfall(p.items.length, p.bounds);
  const byCell = groupBy(c.visits, (v) => v.cell as string);
  for (const cell of problem.cells)
    for (const p of coveragePeriods(problem.policy, cell, problem.year, byCell.get(cell.id) ?? [], month))
      missing += shortfall(p.items.length, p.bounds);
  return SHORTFALL_COST * missing;
}

/** The objective of a plan, recomputed from its visits: what every formulation charges for it. */
export function planCost(problem: Problem, visits: readonly Visit[]): number {
  const c = costInput(problem, visits);
  let cost = 0;
  for (const g of SOFT_GOALS) cost += g.cost(c);
  return cost + shortfallCost(c);
}
