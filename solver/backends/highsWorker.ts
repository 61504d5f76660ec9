// Runs HiGHS (WebAssembly) on an LP text inside a worker thread, so the caller can end it at a deadline.
import { parentPort, workerData } from 'node:worker_threads';
import highsModule from 'highs';
import type { LegacyHighs } from 'highs';

// The package's ESM entry exports the loader as default; its CommonJS-flavoured types make TypeScript see a namespace.
const loadHighs = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as unknown as () => Promise<LegacyHighs>;

interface Input {
  lp: string;
  timeLimitSec: number;
  seed: number;
}

const { lp, timeLimitSec, seed } = workerData as Input;
const highs = await loadHighs();
try {
  const r = highs.solve(lp, { time_limit: timeLimitSec, random_seed: seed, mip_rel_gap: 0, output_flag: false, threads: 1 });
  const values: Array<[string, number]> = [];
  for (const [name, col] of Object.entries(r.Columns)) values.push([name, (col as { Primal?: number }).Primal ?? 0]);
  parentPort!.postMessage({ status: r.Status, objective: r.ObjectiveValue, values });
} catch (err) {
  parentPort!.postMessage({ status: 'error', message: (err as Error).message });
}
