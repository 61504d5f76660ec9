// HiGHS (npm `highs`, MIT, WebAssembly) behind the backend interface, in a worker thread with a hard deadline.
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Backend, BackendResult } from './types.js';

/** The compiled worker: beside this file in dist/, or under dist/ when this file runs from source (tests). */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(dirname(here), 'highsWorker.js');
  return join(dirname(here), '..', '..', 'dist', 'solver', 'backends', 'highsWorker.js');
}

export const highsBackend: Backend = (lp, opts) =>
  new Promise<BackendResult>((resolve) => {
    const worker = new Worker(workerFile(), { workerData: { lp, timeLimitSec: opts.timeLimitSec, seed: opts.seed }, resourceLimits: { maxOldGenerationSizeMb: 4096 } });
    let done = false;
    const finish = (r: BackendResult) => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      void worker.terminate();
      resolve(r);
    };
    // HiGHS does not always stop at its own time limit: end the worker a little after it.
    const deadline = setTimeout(() => finish({ status: 'no-solution', message: `no answer within ${opts.timeLimitSec} s` }), opts.timeLimitSec * 1000 + 2000);
    worker.once('message', (m: { status: string; objective?: number; values?: Array<[string, number]>; message?: string }) => {
      const values = m.values ? new Map(m.values) : undefined;
      if (m.status === 'Optimal') finish({ status: 'optimal', values: values!, objective: m.objective!, bound: m.objective! });
      else if (m.status === 'Infeasible') finish({ status: 'infeasible' });
      else if (values && m.objective !== undefined && Number.isFinite(m.objective) && /time limit/i.test(m.status)) finish({ status: 'timed-out', values, objective: m.objective });
      else if (/time limit/i.test(m.status)) finish({ status: 'no-solution', message: m.status });
      else finish({ status: 'no-solution', message: m.message ?? m.status });
    });
    worker.once('error', (err) => finish({ status: 'no-solution', message: err.message }));
  });
