// The solver judged by the independent checker: on random small specs, an optimal or feasible plan breaks no rule,
// and a relaxed plan breaks exactly the rules the solver reports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { solve } from '../../solver/index.js';
import { rawSpec } from '../property/arbitraries.js';
import { problemOf } from '../builders.js';

const SEED = Number(process.env.FC_SEED ?? 20270102);
const key = (v: { rule: string; member?: string; cell?: string; date?: string; period?: string }) => [v.rule, v.member ?? '', v.cell ?? '', v.date ?? '', v.period ?? ''].join('|');

describe('solver against the checker', () => {
  it('when specs are random then optimal plans break nothing and relaxed plans break exactly what is reported', async () => {
    const statuses: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(rawSpec, async (raw) => {
        const problem = problemOf(raw);
        const r = await solve(problem, { timeLimitSec: 30 });
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        statuses[`method ${r.method}`] = (statuses[`method ${r.method}`] ?? 0) + 1;
        const violations = checkPlan(problem, r.visits);
        if (r.status === 'optimal' || r.status === 'feasible') expect(violations).toEqual([]);
        else if (r.status === 'infeasible-relaxed') expect(violations.map(key).sort()).toEqual(r.unmet.map(key).sort());
        else throw new Error(`unexpected status ${r.status} ${r.message ?? ''}`);
      }),
      { seed: SEED, numRuns: 30 },
    );
    expect(statuses.optimal ?? 0, JSON.stringify(statuses)).toBeGreaterThan(0);
    expect(statuses['infeasible-relaxed'] ?? 0, JSON.stringify(statuses)).toBeGreaterThan(0);
    console.log(`solver property: ${JSON.stringify(statuses)}`);
  }, 300_000);
});
