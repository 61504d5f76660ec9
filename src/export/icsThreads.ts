// A plan's calendars rendered on both cores and staged as temporary files as they are made (no calendar is kept in
// memory once written): a worker thread and this one take calendars one at a time from a shared counter, the largest
// first (src/export/ics.ts calendarClaimOrder), so that whichever thread is free takes the next; this thread may
// first do other work (the spreadsheets). The bytes do not depend on who rendered what (a test holds them equal to
// one thread's). Small plans are rendered here alone: a thread costs more to start than they take.
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PlanDocument } from '../planfile/index.js';
import { abortStaged, flushStaged, stageFile, type Staged } from '../util/atomic.js';
import { calendarClaimOrder, calendarPaths, calendarStreamsOf, type IcsOptions } from './ics.js';

/** Visits from which the calendars are rendered on two threads (measured: README, "Benchmarks"). */
export const THREAD_MIN_VISITS = 2000;

/** The compiled worker: beside this file in dist/, or under dist/ when this file runs from source (tests). */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(dirname(here), 'icsWorker.js');
  return join(dirname(here), '..', '..', 'dist', 'src', 'export', 'icsWorker.js');
}

/**
 * The calendars' claims shared by the threads: the next position in `order` (calendarClaimOrder) not yet taken, in an
 * Int32Array over a SharedArrayBuffer that every thread increments atomically.
 */
export function claimer(counter: Int32Array, order: readonly number[]): () => number {
  return () => {
    const at = Atomics.add(counter, 0, 1);
    return at < order.length ? order[at]! : -1;
  };
}

/** Renders the calendars `claim` hands out into DIR/ics, staging each as soon as it is rendered; pushes onto `into`. */
export function stageCalendars(
  doc: PlanDocument,
  opts: IcsOptions,
  dir: string,
  claim: (() => number) | undefined,
  into: Staged[],
): Staged[] {
  // Flushed together by the caller (flushStaged): one fsync each was a third of the time on 5,000 calendars.
  for (const f of calendarStreamsOf(doc, opts, claim))
    into.push(stageFile(join(dir, 'ics', f.path), f.pieces, { flush: false }));
  return into;
}

interface Answer {
  readonly staged: Staged[];
  readonly error?: { readonly message: string; readonly code?: string };
}

/** A calendar thread started ahead of its work (prewarmCalendarThread), waiting for it. */
let waiting: Worker | undefined;

/**
 * Starts a calendar thread now, so that it has loaded its modules when the calendars are to be rendered: `lichdu plan`
 * starts it before the solve, while the solver's thread still waits for its first LP (on 2,800 cells the thread
 * spent its first 0.4 s loading, after the solve). It keeps nothing alive: the process exits as if it were not there,
 * and one still waiting when the calendars are rendered on this thread alone is stopped then.
 */
export function prewarmCalendarThread(): void {
  if (waiting) return;
  const w = new Worker(workerFile());
  w.unref();
  // A thread that could not start is simply not used: the rendering starts another and reports its error.
  w.once('error', () => {
    if (waiting === w) waiting = undefined;
  });
  waiting = w;
}

/** Stops a calendar thread started ahead and not used. */
export function dropCalendarThread(): void {
  void waiting?.terminate();
  waiting = undefined;
}

function inWorker(doc: PlanDocument, opts: IcsOptions, dir: string, counter: Int32Array): Promise<Answer> {
  return new Promise((resolve) => {
    const w = waiting ?? new Worker(workerFile());
    waiting = undefined;
    w.ref();
    let answered = false;
    w.once('message', (m: Answer) => {
      answered = true;
      void w.terminate();
      resolve(m);
    });
    w.once('error', (err) => resolve({ staged: [], error: { message: err.message } }));
    w.once('exit', (code) => {
      if (!answered) resolve({ staged: [], error: { message: `the calendar thread exited with code ${code}` } });
    });
    w.postMessage({ doc, opts, dir, counter });
  });
}

/**
 * Every calendar of the plan staged beside its target in DIR/ics, in calendarPaths order; on any error nothing is
 * left behind and the error (with its code, e.g. ENOSPC) is thrown. `alongside` is other work of this thread (the
 * plan's spreadsheets), done while the worker starts rendering; this thread then takes calendars too (on 2,800 cells
 * the spreadsheets and the calendars took 2.3 s and 1.5 s one after the other). With one thread, it runs first.
 */
export async function stageCalendarsThreaded(
  doc: PlanDocument,
  opts: IcsOptions,
  dir: string,
  threads = doc.visits.length >= THREAD_MIN_VISITS ? Math.min(2, availableParallelism()) : 1,
  alongside?: () => Promise<void>,
): Promise<Staged[]> {
  const mine: Staged[] = [];
  if (threads <= 1) {
    dropCalendarThread();
    try {
      await alongside?.();
      stageCalendars(doc, opts, dir, undefined, mine);
      flushStaged(mine);
      return mine;
    } catch (err) {
      abortStaged(mine);
      throw err;
    }
  }
  const order = calendarClaimOrder(doc);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const other = inWorker(doc, opts, dir, counter);
  let failed: unknown;
  try {
    await alongside?.();
    stageCalendars(doc, opts, dir, claimer(counter, order), mine);
  } catch (err) {
    failed = err;
    // The worker claims nothing more.
    Atomics.store(counter, 0, order.length);
  }
  const theirs = await other;
  if (failed !== undefined || theirs.error) {
    abortStaged([...mine, ...theirs.staged]);
    if (failed !== undefined) throw failed;
    throw Object.assign(new Error(theirs.error!.message), theirs.error!.code ? { code: theirs.error!.code } : {});
  }
  const byPath = new Map([...mine, ...theirs.staged].map((s) => [s.path, s]));
  const all = calendarPaths(doc).map((p) => byPath.get(join(dir, 'ics', p))!);
  try {
    flushStaged(all);
  } catch (err) {
    abortStaged(all);
    throw err;
  }
  return all;
}
