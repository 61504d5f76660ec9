// A warm solver worker: answers one message per solve, loading each library by import() only when it is first asked
// for, so that HiGHS users never load glpk.js (GPL-3.0, an optional dependency).
import { parentPort } from 'node:worker_threads';
import type { BackendName, ImprovedMessage, WorkerInput, WorkerOutput } from './types.js';

type Runner = (input: WorkerInput, onImproved: (m: ImprovedMessage) => void) => WorkerOutput | Promise<WorkerOutput>;

const runners = new Map<BackendName, Promise<Runner>>();

function runner(name: BackendName): Promise<Runner> {
  let r = runners.get(name);
  if (!r) {
    r =
      name === 'highs'
        ? import('./highsRun.js').then((m) => m.runHighs)
        : import('./glpkRun.js').then((m) => m.runGlpk);
    runners.set(name, r);
  }
  return r;
}

parentPort!.on('message', async (input: WorkerInput | { readonly warm: BackendName; readonly columns: number }) => {
  // Loading the library ahead of the first solve, which then finds it ready: no answer.
  if ('warm' in input) {
    if (input.warm === 'highs') await import('./highsRun.js').then((m) => m.warmHighs(input.columns));
    return;
  }
  let out: WorkerOutput;
  try {
    out = await (
      await runner(input.backend)
    )(input, (m) => parentPort!.postMessage(m, [m.values.buffer as ArrayBuffer]));
  } catch (err) {
    out = { status: 'error', message: (err as Error).message };
  }
  parentPort!.postMessage(out);
});
