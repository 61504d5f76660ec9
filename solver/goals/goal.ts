// A soft goal on the solver's side (SPEC §4, soft goals): its rows and objective terms in each formulation, and its
// term of a plan's cost recomputed from the visits, side by side in one file, so that the model's objective and
// planCost cannot drift apart (test/solver/goals.test.ts holds each goal's rows against its cost).
import type { SoftGoalId } from '../../src/domain/rules.js';
import type { MeetingIndex } from '../../src/domain/plan.js';
import type { Cell, Member, Problem, Visit } from '../../src/domain/types.js';
import type { Formulation, FullFormulation, NetworkFormulation, VisitTerm } from '../formulation.js';

/** A plan's visits with the indexes every goal's cost reads, built once per planCost. */
export interface CostInput {
  readonly problem: Problem;
  readonly visits: readonly Visit[];
  readonly meetings: MeetingIndex;
  /** The month each visit counts in (its meeting's). */
  month(v: Visit): number;
  readonly cellById: ReadonlyMap<string, Cell>;
  /** Each member's visits (members of the problem and any other id the plan names). */
  readonly byMember: ReadonlyMap<string, readonly Visit[]>;
  readonly members: readonly Member[];
}

export interface SoftGoal {
  readonly id: SoftGoalId;
  /** Its rows in any formulation that does not relax it, written once over the visit terms. */
  rows?(f: Formulation): void;
  /** Its rows in the full formulation, where they differ from the network's. */
  full?(f: FullFormulation): void;
  /** Its rows in the network formulation: its own (possibly weaker, still valid) version, added even where the
   * formulation relaxes the exact goal. */
  network?(f: NetworkFormulation): void;
  /** Its term of the plan's cost. */
  cost(c: CostInput): number;
}

/** A penalty variable `p >= sum(terms) - k` costing `cost` a unit, where the terms can sum to more than k. */
export function beyond(f: Formulation, name: string, terms: readonly VisitTerm[], cost: number, k = 1): void {
  const capacity = terms.reduce((s, t) => s + f.model.vars[t.v]!.ub, 0);
  if (capacity <= k) return;
  const p = f.model.addVar(name, { lb: 0, ub: capacity - k, integer: false, obj: cost });
  f.model.addRow(name, [...terms.map((t) => f.model.one(t.v)), [p, -1] as const], -Infinity, k);
}
