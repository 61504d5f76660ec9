// Soft goal 3 (SPEC §4): each member's visits spread over the year. Each visit a member makes beyond one in a
// meeting month costs SPREAD_COST; a member with a yearly quota q (src/domain/workload.ts) pays UNDER_COST for each
// visit a quarter holds below ⌊q/4⌋ and OVER_COST for each visit above ⌈q/4⌉. The rows are member-side and nest in
// the member's periods (a row per member and month, and per member and quarter), so a network stays a network.
import { groupBy } from '../../src/domain/group.js';
import { periodIndex } from '../../src/domain/periods.js';
import { quarterTarget, yearlyQuota } from '../../src/domain/workload.js';
import { rowName } from '../formulation.js';
import { beyond, type SoftGoal } from './goal.js';

export const SPREAD_COST = 10;
export const UNDER_COST = 12;
export const OVER_COST = 6;

/** The spread cost of a quarter holding n visits of a member with yearly quota q. */
export function quarterCost(q: number, n: number): number {
  if (q <= 0) return 0;
  const t = quarterTarget(q);
  return UNDER_COST * Math.max(0, t.min - n) + OVER_COST * Math.max(0, n - t.max);
}

export const spread: SoftGoal = {
  id: 'spread',
  rows(f) {
    for (const [member, terms] of f.memberTerms)
      for (const [month, list] of groupBy(terms, (t) => t.month))
        beyond(f, rowName('spread', member, month), list, SPREAD_COST);
    // A quarter with no possible visit still pays its shortfall, as a constant.
    for (const m of f.problem.members) {
      const q = yearlyQuota(m);
      if (q <= 0) continue;
      const t = quarterTarget(q);
      const byQuarter = groupBy(f.memberTerms.get(m.id) ?? [], (x) => periodIndex('quarter', x.month));
      for (let i = 0; i < 4; i++) {
        const list = byQuarter.get(i) ?? [];
        const name = rowName('spread', m.id, `Q${i + 1}`);
        const capacity = list.reduce((s, x) => s + f.model.vars[x.v]!.ub, 0);
        const sum = list.map((x) => f.model.one(x.v));
        if (t.min === 0 && capacity <= t.max) continue;
        const under =
          t.min > 0
            ? [[f.model.addVar(`${name}#under`, { lb: 0, ub: t.min, integer: false, obj: UNDER_COST }), 1] as const]
            : [];
        if (capacity <= t.max) {
          f.model.addRow(`${name}#min`, [...sum, ...under], t.min, Infinity);
          continue;
        }
        const over = f.model.addVar(`${name}#over`, { lb: 0, ub: capacity - t.max, integer: false, obj: OVER_COST });
        f.model.addRow(name, [...sum, ...under, [over, -1] as const], t.min > 0 ? t.min : -Infinity, t.max);
      }
    }
  },
  cost({ members, byMember, month }) {
    let cost = 0;
    for (const mine of byMember.values())
      for (const list of groupBy(mine, month).values()) cost += SPREAD_COST * Math.max(0, list.length - 1);
    for (const m of members) {
      const months = (byMember.get(m.id) ?? []).map(month);
      const q = yearlyQuota(m);
      for (let i = 0; i < 4; i++)
        cost += quarterCost(q, months.filter((mo) => periodIndex('quarter', mo) === i).length);
    }
    return cost;
  },
};
