// The aggregated network model against the full MIP on realistic instances (the benchmark's S and a small M).
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { buildProblem } from '../../src/spec/load.js';
import type { Problem } from '../../src/domain/types.js';
import { solve } from '../../solver/index.js';
// @ts-expect-error: a plain .mjs module without types
import { makeSpec } from '../../bench/instances.mjs';

const load = (raw: unknown): Problem => {
  const r = buildProblem(raw, 'bench.json', 'sha256:bench');
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

describe('network model', () => {
  it.each(['S', 'M'])(
    'when the %s benchmark instance is solved then the network model proves the same optimum as the full MIP',
    async (size) => {
      const p = load((makeSpec as (s: string, seed: number) => unknown)(size, 1));
      const fast = await solve(p, { timeLimitSec: 120 });
      expect([fast.status, fast.method, fast.gap]).toEqual(['optimal', 'network', 0]);
      expect(checkPlan(p, fast.visits)).toEqual([]);
      const full = await solve(p, { timeLimitSec: 120, method: 'mip' });
      expect(full.status).toBe('optimal');
      expect(fast.objective!).toBeCloseTo(full.objective!, 6);
    },
    300_000,
  );
});
