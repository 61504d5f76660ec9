// The backends behind one interface, run in warm worker threads: at most two workers (one per core), each reused
// across solves, so a solve pays for the libraries and HiGHS's WebAssembly once per worker, not once per call. A
// worker is ended at a solve's deadline whatever the library does (and a fresh one started for the next solve),
// recycled after RECYCLE_AFTER solves or after any error (a WebAssembly heap only grows), and unreferenced while
// idle so that it never keeps the process alive.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { pack, packedBuffers } from '../lp.js';
import type {
  Backend,
  BackendName,
  BackendResult,
  Improved,
  ImprovedMessage,
  WorkerInput,
  WorkerOutput,
} from './types.js';

export { BACKEND_NAMES, type BackendName } from './types.js';

/**
 * Solves one worker serves before it is replaced. Each solve's native model is freed when it ends, so the heap holds
 * the largest model so far, not the sum; a new worker costs 0.2–0.3 s of loading HiGHS (L+days: 2 workers made
 * instead of 4, its repair 0.2 s shorter, than with 40).
 */
const RECYCLE_AFTER = 400;
/** Workers at most: the machines have two cores. */
const POOL_SIZE = 2;
/** How long after the time limit a worker is given before it is ended. */
const GRACE_MS = 500;

/**
 * The worker's file: beside this file when it runs compiled (dist/); from the sources (tests), the bundle that the
 * test setup makes of solver/backends/worker.ts (test/support/workerSetup.ts), named by LICHDU_SOLVER_WORKER.
 */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(dirname(here), 'worker.js');
  const bundled = process.env.LICHDU_SOLVER_WORKER;
  if (!bundled)
    throw new Error('running the solver from its sources needs LICHDU_SOLVER_WORKER (see vitest.config.ts)');
  return bundled;
}

interface Job {
  readonly input: WorkerInput;
  /** For each packed column, its variable's index in the model. */
  readonly columns: Int32Array;
  readonly resolve: (r: BackendResult) => void;
  readonly signal?: AbortSignal;
  readonly onImproved?: (found: Improved) => void;
}

/** Values of the packed model's columns, by the model's variables. */
function unpermuted(packed: Float64Array, columns: Int32Array): Float64Array {
  const values = new Float64Array(columns.length);
  for (let i = 0; i < columns.length; i++) values[columns[i]!] = packed[i]!;
  return values;
}

class PooledWorker {
  readonly worker: Worker;
  solves = 0;
  /** The size of the warm-up it was asked for ahead of its first solve (warmBackend); -1 none yet. */
  warmed = -1;
  busy = false;
  dead = false;

  constructor() {
    this.worker = new Worker(workerFile(), { resourceLimits: { maxOldGenerationSizeMb: 4096 } });
    this.worker.unref();
    this.worker.on('error', () => (this.dead = true));
    this.worker.on('exit', () => (this.dead = true));
  }

  run(
    input: WorkerInput,
    signal?: AbortSignal,
    onImproved?: (m: ImprovedMessage) => void,
  ): Promise<{ out?: WorkerOutput; crash?: string; timedOut?: boolean }> {
    this.busy = true;
    this.solves++;
    this.worker.ref();
    return new Promise((resolve) => {
      let settled = false;
      const settle = (r: { out?: WorkerOutput; crash?: string; timedOut?: boolean }) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        signal?.removeEventListener('abort', onAbort);
        this.worker.off('message', onMessage);
        this.worker.off('error', onError);
        this.worker.off('exit', onExit);
        this.busy = false;
        if (!this.dead) this.worker.unref();
        resolve(r);
      };
      const onMessage = (out: WorkerOutput | ImprovedMessage) => {
        if ('kind' in out) onImproved?.(out);
        else settle({ out });
      };
      const onError = (err: Error) => settle({ crash: err.message });
      const onExit = (code: number) => settle({ crash: `the solver worker stopped (exit ${code})` });
      const deadline = setTimeout(
        () => {
          this.end();
          settle({ timedOut: true });
        },
        input.timeLimitSec * 1000 + GRACE_MS,
      );
      // A stop (Ctrl-C, the command's time limit) ends the worker at once: the library cannot be interrupted.
      const onAbort = () => {
        this.end();
        settle({ timedOut: true });
      };
      signal?.addEventListener('abort', onAbort);
      this.worker.on('message', onMessage);
      this.worker.once('error', onError);
      this.worker.once('exit', onExit);
      this.worker.postMessage(input, [
        ...packedBuffers(input.model),
        ...(input.start ? [input.start.buffer as ArrayBuffer] : []),
      ]);
    });
  }

  end(): void {
    this.dead = true;
    void this.worker.terminate();
  }
}

const pool: PooledWorker[] = [];
const queue: Job[] = [];

function idleWorker(): PooledWorker | undefined {
  for (let i = pool.length - 1; i >= 0; i--) if (pool[i]!.dead) pool.splice(i, 1);
  const idle = pool.find((w) => !w.busy);
  if (idle) return idle;
  if (pool.length < POOL_SIZE) {
    const w = new PooledWorker();
    pool.push(w);
    return w;
  }
  return undefined;
}

function pump(): void {
  while (queue.length > 0) {
    const w = idleWorker();
    if (!w) return;
    const job = queue.shift()!;
    const improved = job.onImproved;
    const columns = job.columns;
    const onImproved = improved
      ? (m: ImprovedMessage) => improved({ objective: m.objective, values: unpermuted(m.values, columns) })
      : undefined;
    void w.run(job.input, job.signal, onImproved).then(({ out, crash, timedOut }) => {
      const name = job.input.backend;
      if (!out || out.status === 'error' || w.solves >= RECYCLE_AFTER) w.end();
      if (timedOut)
        job.resolve({
          status: 'no-solution',
          message: job.signal?.aborted
            ? `${name} was stopped`
            : `${name} gave no answer within ${job.input.timeLimitSec} s`,
        });
      else if (crash) job.resolve({ status: 'crashed', message: `${name}: ${crash}` });
      else if (out!.status === 'error')
        job.resolve({ status: 'crashed', message: `${name}: ${out!.message ?? 'error'}` });
      else job.resolve(fromWorker(out!, job.columns));
      pump();
    });
  }
}

/** The worker's answer, its values by the model's variables (the packed model orders them otherwise). */
function fromWorker(m: WorkerOutput, columns: Int32Array): BackendResult {
  const values = m.values ? unpermuted(m.values, columns) : undefined;
  return {
    status: m.status as BackendResult['status'],
    ...(values ? { values } : {}),
    ...(m.objective !== undefined ? { objective: m.objective } : {}),
    ...(m.message ? { message: m.message } : {}),
  };
}

export function backend(name: BackendName): Backend {
  return (model, opts) =>
    new Promise<BackendResult>((resolve) => {
      const signal = opts.signal;
      if (signal?.aborted) return resolve({ status: 'no-solution', message: `${name} was stopped` });
      const { packed, columns } = pack(model);
      const input: WorkerInput = {
        backend: name,
        model: packed,
        timeLimitSec: opts.timeLimitSec,
        seed: opts.seed,
        gap: opts.gap ?? 0,
        ...(opts.start ? { start: Float64Array.from(columns, (j) => opts.start![j]!) } : {}),
        ...(opts.onImproved ? { stream: true } : {}),
      };
      // Stopped while waiting for a worker: answered at once, never started. The listener goes with the answer.
      const onAbort = () => {
        const i = queue.indexOf(job);
        if (i >= 0) {
          queue.splice(i, 1);
          done({ status: 'no-solution', message: `${name} was stopped` });
        }
      };
      const done = (r: BackendResult) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(r);
      };
      const job: Job = {
        input,
        columns,
        resolve: done,
        ...(opts.onImproved ? { onImproved: opts.onImproved } : {}),
        ...(signal ? { signal } : {}),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(job);
      pump();
    });
}

/**
 * Starts a worker and has it load the library now, while this thread does other work (the spec, the construction):
 * the first solve then finds it ready (HiGHS's WebAssembly takes 0.2–0.3 s to load). With `columns`, the worker also
 * solves an LP of about that many columns, once the problem is known to be large: a fresh instance's first large LP
 * is slower than the next (its heap grows as it goes), and that warm-up, 0.15–0.2 s while this thread builds the
 * model, made 2,800 cells' network LP 0.1–0.3 s faster (720 ms against 930 ms, median of 5, alone on the machine).
 */
export function warmBackend(name: BackendName, columns = 0): void {
  const w = idleWorker();
  if (!w || w.solves > 0 || w.warmed >= columns) return;
  w.warmed = columns;
  w.worker.postMessage({ warm: name, columns });
}

/** The npm package a backend needs, when it is not installed (glpk.js is an optional dependency); else undefined. */
export function missingPackage(name: BackendName): string | undefined {
  if (name !== 'glpk') return undefined;
  try {
    createRequire(import.meta.url).resolve('glpk.js');
    return undefined;
  } catch {
    return 'glpk.js';
  }
}

/** Ends every worker: `lichdu plan` once solved (their memory), tests and benchmarks that want a cold start. */
export async function shutdownBackends(): Promise<void> {
  const all = pool.splice(0);
  await Promise.all(all.map((w) => w.worker.terminate()));
}
