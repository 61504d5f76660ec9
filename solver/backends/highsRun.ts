// HiGHS (npm `highs`, MIT, WebAssembly): reads the model's CPLEX LP text.
import highsModule from 'highs';
import type { LegacyHighs } from 'highs';
import type { WorkerInput, WorkerOutput } from './types.js';

// The package's ESM entry exports the loader as default; its CommonJS-flavoured types make TypeScript see a namespace.
const loadHighs = ((highsModule as unknown as { default?: unknown }).default ??
  highsModule) as unknown as () => Promise<LegacyHighs>;

let instance: Promise<LegacyHighs> | undefined;

export async function runHighs(input: WorkerInput): Promise<WorkerOutput> {
  // One instance per worker; a worker whose solve failed is replaced, so a broken instance is never reused.
  const highs = await (instance ??= loadHighs());
  // A pure LP (the network formulation, an LP relaxation): without presolve, HiGHS's dual simplex is faster on these
  // flow-like models; with the default pricing, since the quarter rows (network LP of L 4.5 → 3.7 s, L+days 13.0 →
  // 10.3 s, L+teams 7.4 → 4.9 s against Dantzig pricing, which was the faster before them).
  const lpOnly = !input.integer;
  const r = highs.solve(input.lp, {
    ...(lpOnly ? { presolve: 'off' } : {}),
    time_limit: input.timeLimitSec,
    random_seed: input.seed,
    mip_rel_gap: input.gap,
    output_flag: false,
    threads: 1,
  });
  const values: Array<[string, number]> = Object.entries(r.Columns).map(([name, col]) => [
    name,
    (col as { Primal?: number }).Primal ?? 0,
  ]);
  if (r.Status === 'Optimal') return { status: 'optimal', objective: r.ObjectiveValue, values };
  if (r.Status === 'Infeasible') return { status: 'infeasible' };
  if (/time limit/i.test(r.Status))
    return Number.isFinite(r.ObjectiveValue)
      ? { status: 'timed-out', objective: r.ObjectiveValue, values }
      : { status: 'no-solution', message: r.Status };
  return { status: 'no-solution', message: r.Status };
}
