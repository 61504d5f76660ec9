// The solver judged by the independent checker: on random small specs, an optimal or feasible plan breaks no rule,
// and a relaxed plan breaks exactly the rules the solver reports.
import fc from 'fast-check';
import { violationKey } from '../support/keys.js';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { solve } from '../../solver/index.js';
import { problemAndPlan, rawSpec } from '../property/arbitraries.js';
import { problemOf } from '../builders.js';

const SEED = Number(process.env.FC_SEED ?? 20270102);
const key = violationKey;

describe('solver against the checker', () => {
  it(
    'when specs are random then optimal plans break nothing and relaxed plans break exactly what is ' + 'reported',
    async () => {
      const statuses: Record<string, number> = {};
      await fc.assert(
        fc.asyncProperty(rawSpec, async (raw) => {
          const problem = problemOf(raw);
          const r = await solve(problem, { timeLimitSec: 30 });
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
          statuses[`method ${r.method}`] = (statuses[`method ${r.method}`] ?? 0) + 1;
          const violations = checkPlan(problem, r.visits);
          if (r.status === 'optimal') expect(violations).toEqual([]);
          else if (r.status === 'infeasible-relaxed')
            expect(violations.map(key).sort()).toEqual(r.unmet.map(key).sort());
          else throw new Error(`unexpected status ${r.status} ${r.message ?? ''}`);
        }),
        { seed: SEED, numRuns: 30 },
      );
      expect(statuses.optimal ?? 0, JSON.stringify(statuses)).toBeGreaterThan(0);
      expect(statuses['infeasible-relaxed'] ?? 0, JSON.stringify(statuses)).toBeGreaterThan(0);
      console.log(`solver property: ${JSON.stringify(statuses)}`);
    },
    300_000,
  );
});

type Raw = Record<string, unknown> & {
  cells: Array<Record<string, unknown>>;
  members: Array<Record<string, unknown>>;
  policy: Record<string, unknown>;
};

describe('solver invariances', () => {
  it('when ids are renamed and the lists reordered then the optimal objective is the same', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(rawSpec, fc.integer({ min: 1, max: 1000 }), async (raw, shift) => {
        const r = raw as unknown as Raw;
        const ren = (s: string) => `z${s}`;
        const renamed = {
          ...r,
          cells: [...r.cells].reverse().map((c) => ({ ...c, id: ren(c.id as string) })),
          members: [...r.members.slice(shift % r.members.length), ...r.members.slice(0, shift % r.members.length)].map(
            (m) => ({
              ...m,
              id: ren(m.id as string),
              ...(m.home_cell ? { home_cell: ren(m.home_cell as string) } : {}),
            }),
          ),
        };
        const a = await solve(problemOf(r), { timeLimitSec: 30 });
        const b = await solve(problemOf(renamed), { timeLimitSec: 30 });
        expect(b.objective!).toBeCloseTo(a.objective!, 6);
        cases++;
      }),
      { seed: SEED, numRuns: 10 },
    );
    expect(cases).toBe(10);
  }, 300_000);

  it('when a hard rule is removed then the optimal objective is never worse', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        rawSpec,
        fc.constantFrom('no_consecutive', 'skip_home_cell', 'max_visits_per_day', 'max_visitors_per_meeting'),
        async (raw, rule) => {
          const r = raw as unknown as Raw;
          const looser = { ...r, policy: { ...r.policy, [rule]: rule.startsWith('max') ? 12 : false } };
          const a = await solve(problemOf(r), { timeLimitSec: 30 });
          const b = await solve(problemOf(looser), { timeLimitSec: 30 });
          expect(b.objective!).toBeLessThanOrEqual(a.objective! + 1e-6);
          cases++;
        },
      ),
      { seed: SEED + 1, numRuns: 10 },
    );
    expect(cases).toBe(10);
  }, 300_000);
});

describe('solver with fixed visits', () => {
  it(
    'when random fixed visits are given (some breaking rules) then the plan keeps them and reports exactly ' +
      'what breaks',
    async () => {
      let withFixed = 0;
      await fc.assert(
        fc.asyncProperty(problemAndPlan, async ({ problem }) => {
          const r = await solve(problem, { timeLimitSec: 30 });
          expect(['optimal', 'infeasible-relaxed']).toContain(r.status);
          const violations = checkPlan(problem, r.visits);
          expect(violations.map(key).sort()).toEqual(r.unmet.map(key).sort());
          for (const f of problem.fixed)
            expect(
              r.visits.some(
                (v) => v.member === f.member && v.cell === f.cell && v.date === f.date && v.status === 'fixed',
              ),
            ).toBe(true);
          if (problem.fixed.length > 0) withFixed++;
        }),
        { seed: SEED + 2, numRuns: 20 },
      );
      expect(withFixed).toBeGreaterThan(5);
    },
    300_000,
  );
});
