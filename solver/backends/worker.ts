// Runs one solver library on one model inside a worker thread, so the caller can end it at a deadline.
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerInput, WorkerOutput } from './types.js';
import { runHighs } from './highsRun.js';
import { runGlpk } from './glpkRun.js';
import { runJsl } from './jslRun.js';

const input = workerData as WorkerInput;
let out: WorkerOutput;
try {
  out =
    input.backend === 'highs' ? await runHighs(input) : input.backend === 'glpk' ? await runGlpk(input) : runJsl(input);
} catch (err) {
  out = { status: 'error', message: (err as Error).message };
}
parentPort!.postMessage(out);
