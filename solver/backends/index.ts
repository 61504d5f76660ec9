// The backends: one worker thread per solve, ended at the deadline whatever the library does.
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Backend, BackendName, BackendResult, WorkerInput, WorkerOutput } from './types.js';

/** The compiled worker: beside this file in dist/, or under dist/ when this file runs from source (tests). */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(dirname(here), 'worker.js');
  return join(dirname(here), '..', '..', 'dist', 'solver', 'backends', 'worker.js');
}

export function backend(name: BackendName): Backend {
  return (model, lp, opts) =>
    new Promise<BackendResult>((resolve) => {
      const input: WorkerInput = {
        backend: name,
        vars: model.vars,
        rows: model.rows,
        lp,
        timeLimitSec: opts.timeLimitSec,
        seed: opts.seed,
      };
      const worker = new Worker(workerFile(), { workerData: input, resourceLimits: { maxOldGenerationSizeMb: 4096 } });
      let done = false;
      const finish = (r: BackendResult) => {
        if (done) return;
        done = true;
        clearTimeout(deadline);
        void worker.terminate();
        resolve(r);
      };
      // The libraries do not always stop at their own time limit: end the worker a little after it.
      const deadline = setTimeout(
        () => finish({ status: 'no-solution', message: `${name} gave no answer within ${opts.timeLimitSec} s` }),
        opts.timeLimitSec * 1000 + 2000,
      );
      worker.once('message', (m: WorkerOutput) => {
        const values = m.values ? new Map(m.values) : undefined;
        if (m.status === 'error') finish({ status: 'no-solution', message: `${name}: ${m.message ?? 'error'}` });
        else
          finish({
            status: m.status,
            ...(values ? { values } : {}),
            ...(m.objective !== undefined ? { objective: m.objective } : {}),
            ...(m.message ? { message: m.message } : {}),
          });
      });
      worker.once('error', (err) => finish({ status: 'no-solution', message: `${name}: ${err.message}` }));
    });
}
