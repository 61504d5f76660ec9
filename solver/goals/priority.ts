// Soft goal 1 (SPEC §4): priority cells get more visits and get them earlier. Every visit costs VISIT_COST less a
// bonus, larger for heavier cells (the policy's tag weights) and earlier months, always below VISIT_COST, so no
// visit is ever added for the bonus alone.
import { cellWeight } from '../../src/domain/weights.js';
import type { Cell, Problem } from '../../src/domain/types.js';
import type { SoftGoal } from './goal.js';

export const VISIT_COST = 100;

/** The bonus of a visit to a cell of priority weight `w` (sum of its tags' weights) in `month` (1–12). */
export function priorityBonus(w: number, month: number): number {
  return Math.min(90, w * (4 + (12 - month) / 3));
}

export function visitCost(problem: Pick<Problem, 'policy'>, cell: Pick<Cell, 'tags'>, month: number): number {
  return VISIT_COST - priorityBonus(cellWeight(problem.policy.priority, cell.tags), month);
}

export const priority: SoftGoal = {
  id: 'priority',
  // The cost of each visit, on the variables that count visits to a cell's meeting.
  rows(f) {
    for (const terms of f.cellTerms.values())
      for (const t of terms) f.model.vars[t.v]!.obj = visitCost(f.problem, t.cell, t.month);
  },
  cost({ problem, visits, cellById, month }) {
    let cost = 0;
    for (const v of visits) cost += visitCost(problem, cellById.get(v.cell) ?? { tags: [] }, month(v));
    return cost;
  },
};
