// Fairness (SPEC §4 soft 3; issue 8): a member's k-th visit beyond their yearly quota q costs FAIR_COST ×
// min(k, FAIR_STEPS), a convex cost (parallel arcs of increasing cost on the member's year, one row each, which keeps
// the network a network), so that the extra visits coverage needs are shared evenly.
import { yearlyQuota } from '../../src/domain/workload.js';
import { rowName } from '../formulation.js';
import type { SoftGoal } from './goal.js';

export const FAIR_COST = 4;
export const FAIR_STEPS = 6;

/** The fairness cost of a member with yearly quota q making n visits in the year. */
export function fairCost(q: number, n: number): number {
  const e = Math.max(0, n - q);
  const ramp = Math.min(e, FAIR_STEPS - 1);
  return FAIR_COST * ((ramp * (ramp + 1)) / 2 + FAIR_STEPS * (e - ramp));
}

export const fairness: SoftGoal = {
  id: 'fairness',
  // The member's visits in the year = q at no cost + parallel arcs of increasing cost.
  rows(f) {
    for (const m of f.problem.members) {
      const terms = f.memberTerms.get(m.id) ?? [];
      const q = yearlyQuota(m);
      const capacity = terms.reduce((s, x) => s + f.model.vars[x.v]!.ub, 0);
      if (capacity <= q) continue;
      const name = rowName('fairness', m.id);
      const arcs: (readonly [number, number])[] = [];
      arcs.push([f.model.addVar(`${name}#0`, { lb: 0, ub: q, integer: false }), -1]);
      for (let k = 1; k <= FAIR_STEPS && q + k - 1 < capacity; k++) {
        const ub = k < FAIR_STEPS ? 1 : capacity - q - k + 1;
        arcs.push([f.model.addVar(`${name}#${k}`, { lb: 0, ub, integer: false, obj: FAIR_COST * k }), -1]);
      }
      f.model.addRow(name, [...terms.map((x) => f.model.one(x.v)), ...arcs], 0, 0);
    }
  },
  cost({ members, byMember }) {
    let cost = 0;
    for (const m of members) cost += fairCost(yearlyQuota(m), (byMember.get(m.id) ?? []).length);
    return cost;
  },
};
