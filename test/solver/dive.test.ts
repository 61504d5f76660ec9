// The full LP's plan combined with the plan in hand (solver/index.ts lpDive): where the full model's LP leaves
// candidates fractional — team limits that bind — the candidates on which it and the plan in hand disagree are
// solved again as a MIP started from that plan. On the commune with teams it proves the optimum (its plan costs the
// LP's bound), the plan passes the checker, and costs what planCost says.
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { buildProblem } from '../../src/spec/load.js';
import { planCost, solve } from '../../solver/index.js';
// @ts-expect-error: a benchmark script in JavaScript, without types
import { makeVariant } from '../../bench/instances.mjs';

describe('the full LP combined with the plan in hand', () => {
  it('when team limits bind then the LP and the construction combined give the optimum, checked', async () => {
    const raw = (makeVariant as (name: string) => unknown)('S+teams');
    const built = buildProblem(raw, 'S+teams.json', 'sha256:test');
    if (!built.ok) throw new Error('the benchmark instance does not load');
    const p = built.value;
    const r = await solve(p, { timeLimitSec: 60 });
    expect(r.steps.map((s) => s.why).join('\n')).toMatch(/disagree are solved again as a MIP/);
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(r.bound!, 6);
    expect(r.objective).toBeCloseTo(planCost(p, r.visits), 6);
    expect(checkPlan(p, r.visits)).toEqual([]);
    // The combination did the work: the construction alone costs more, and the full MIP was never needed.
    expect(r.steps.map((s) => s.stage)).not.toContain('full model');
    expect(r.timeline[0]!.phase).toBe('construction');
    expect(r.timeline[0]!.cost!).toBeGreaterThan(r.objective! + 1);
  }, 60_000);
});
