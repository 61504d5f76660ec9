// The solver's objective against an exhaustive search on tiny instances (./tiny.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from '../../solver/index.js';
import { cost, oracle, tiny } from './tiny.js';

const SEED = Number(process.env.FC_SEED ?? 20270103);

describe('solver against an exhaustive oracle', () => {
  it('when instances are tiny then the solver’s objective is the true optimum', async () => {
    let cases = 0;
    const methods: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(tiny, async (p) => {
        const r = await solve(p, { timeLimitSec: 30 });
        expect(['optimal', 'infeasible-relaxed']).toContain(r.status);
        expect(r.objective!).toBeCloseTo(oracle(p), 6);
        expect(cost(p, r.visits)).toBeCloseTo(r.objective!, 6);
        cases++;
        methods[r.method ?? '?'] = (methods[r.method ?? '?'] ?? 0) + 1;
      }),
      { seed: SEED, numRuns: 16 },
    );
    expect(cases).toBe(16);
    console.log(`oracle: ${cases} instances, solved by ${JSON.stringify(methods)}`);
  }, 300_000);
});

describe('the decomposition against the oracle', () => {
  it('when instances are tiny then the bound never exceeds the true optimum and the plan never beats it', async () => {
    await fc.assert(
      fc.asyncProperty(tiny, async (p) => {
        const r = await solve(p, { timeLimitSec: 30, fullLimit: 0 });
        const best = oracle(p);
        expect(r.bound!).toBeLessThanOrEqual(best + 1e-6);
        expect(r.objective!).toBeGreaterThanOrEqual(best - 1e-6);
        expect(r.gap!).toBeGreaterThanOrEqual(0);
      }),
      { seed: SEED, numRuns: 16 },
    );
  }, 300_000);
});
