// The anytime solver (issue 22): the construction alone meets every rule where a plan exists; whatever the time limit
// (down to one so short that only the construction runs) or a stop, the plan returned is checked and its unmet rules
// are exactly the checker's; the stated gap is never below the true one (an exhaustive oracle on tiny instances).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { solve } from '../../solver/index.js';
import { construct } from '../../solver/search/construct.js';
import { planCost } from '../../solver/goals/index.js';
import { rawSpec } from '../property/arbitraries.js';
import { problemOf } from '../builders.js';
import { violationKey } from '../support/keys.js';
import { oracle, tiny } from './tiny.js';

const SEED = Number(process.env.FC_SEED ?? 20270122);
const key = violationKey;

describe('construction', () => {
  it('when a random spec has a plan that breaks nothing then the construction alone breaks nothing', async () => {
    const seen = { feasible: 0, infeasible: 0, constructedClean: 0 };
    await fc.assert(
      fc.asyncProperty(rawSpec, async (raw) => {
        const problem = problemOf(raw);
        const built = construct(problem);
        const broken = checkPlan(problem, built.visits);
        // A maximum is never broken by the construction unless fixed visits force it (none here).
        expect(broken.filter((v) => v.bound === 'max')).toEqual([]);
        const exact = await solve(problem, { timeLimitSec: 30, construction: false });
        if (exact.status === 'optimal') {
          seen.feasible++;
          expect(broken, `construction on a feasible spec: ${JSON.stringify(raw)}`).toEqual([]);
        } else seen.infeasible++;
        if (broken.length === 0) seen.constructedClean++;
        // The construction's plan never costs less than the optimum: the cost is the plan's, recomputed.
        if (exact.objective !== undefined)
          expect(planCost(problem, built.visits)).toBeGreaterThanOrEqual(exact.objective - 1e-6);
      }),
      { seed: SEED, numRuns: 40 },
    );
    expect(seen.feasible, JSON.stringify(seen)).toBeGreaterThan(10);
    console.log(`construction property: ${JSON.stringify(seen)}`);
  }, 300_000);
});

describe('any time limit', () => {
  it('when the solve is stopped at any time then its plan is checked, its unmet rules the checker’s', async () => {
    const statuses: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(rawSpec, fc.constantFrom(0, 0.01, 0.2, 30), fc.boolean(), async (raw, limit, stopFirst) => {
        const problem = problemOf(raw);
        const stop = new AbortController();
        if (stopFirst) stop.abort();
        const r = await solve(problem, { timeLimitSec: limit, signal: stop.signal });
        statuses[`${r.status}${r.stopped ? ` (${r.stopped})` : ''}`] =
          (statuses[`${r.status}${r.stopped ? ` (${r.stopped})` : ''}`] ?? 0) + 1;
        // A plan always: the construction runs whatever the limit.
        expect(r.status).not.toBe('no-plan');
        const violations = checkPlan(problem, r.visits);
        expect(violations.map(key).sort()).toEqual(r.unmet.map(key).sort());
        if (r.status !== 'infeasible-relaxed') expect(violations).toEqual([]);
        expect(r.objective!).toBeCloseTo(planCost(problem, r.visits), 6);
        if (stopFirst) expect(r.stopped === 'user' || r.gap === 0).toBe(true);
        if (r.stopped) expect(r.status === 'timed-out' || r.status === 'infeasible-relaxed').toBe(true);
      }),
      { seed: SEED, numRuns: 40 },
    );
    expect(
      Object.keys(statuses).some((s) => s.includes('(user)')),
      JSON.stringify(statuses),
    ).toBe(true);
    expect(
      Object.keys(statuses).some((s) => s.includes('(time-limit)')),
      JSON.stringify(statuses),
    ).toBe(true);
    console.log(`time-limit property: ${JSON.stringify(statuses)}`);
  }, 300_000);
});

describe('the stated gap against an exhaustive oracle', () => {
  it('when instances are tiny and the limit any then the stated gap is never below the true gap', async () => {
    let withBound = 0;
    await fc.assert(
      fc.asyncProperty(tiny, fc.constantFrom(0, 0.3, 30, 30), fc.boolean(), async (p, limit, decompose) => {
        const r = await solve(p, { timeLimitSec: limit, ...(decompose ? { fullLimit: 0 } : {}) });
        const best = oracle(p);
        expect(r.objective!).toBeGreaterThanOrEqual(best - 1e-6);
        if (r.bound === undefined) return;
        withBound++;
        expect(r.bound).toBeLessThanOrEqual(best + 1e-6);
        const trueGap = (r.objective! - best) / Math.max(1, Math.abs(r.objective!));
        // Within the rounding relGap ignores (a millionth of the cost).
        expect(r.gap!).toBeGreaterThanOrEqual(trueGap - 1e-6);
        if (r.shortfallsProven) expect(r.objective! - best).toBeLessThan(100_000);
      }),
      { seed: SEED, numRuns: 24 },
    );
    expect(withBound).toBeGreaterThan(10);
  }, 300_000);
});
