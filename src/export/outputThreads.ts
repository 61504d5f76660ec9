// A plan's calendars and workbook rendered on both cores and staged as temporary files as they are made (no calendar
// is kept in memory once written). A worker thread first makes plan.xlsx (when asked: `lichdu plan`) while this thread
// makes its own files (plan.csv); then both take calendars one at a time from a shared counter, the largest first
// (src/export/ics.ts calendarClaimOrder), so that whichever thread is free takes the next. The bytes do not depend on
// who rendered what (a test holds them equal to one thread's). Small plans are rendered here alone: a thread costs
// more to start than they take.
//
// The workbook goes to the worker because exceljs makes an object per cell: on this thread, which holds the problem
// and the solver's state (half a gigabyte on 2,800 cells), those objects cost more garbage collection than rendering.
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PlanDocument } from '../planfile/index.js';
import { abortStaged, flushStaged, stageFile, type Staged } from '../util/atomic.js';
import type { Lang } from '../format/labels.js';
import { calendarClaimOrder, calendarPaths, calendarStreamsOf, type IcsOptions } from './ics.js';
import { renderPlanXlsx } from './xlsx.js';

/** Visits from which the calendars are rendered on two threads (measured: README, "Benchmarks"). */
export const THREAD_MIN_VISITS = 2000;

/** The compiled worker: beside this file in dist/, or under dist/ when this file runs from source (tests). */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(dirname(here), 'outputWorker.js');
  return join(dirname(here), '..', '..', 'dist', 'src', 'export', 'outputWorker.js');
}

/** plan.xlsx as the worker makes it: from the plan document, in the plan's language, stamped with its time. */
export interface WorkbookJob {
  readonly path: string;
  readonly lang: Lang;
  readonly generatedAt: string;
}

/** What a thread is given: the plan, where to write, the shared claims, and the workbook if it may make it. */
export interface OutputWork {
  readonly doc: PlanDocument;
  readonly opts: IcsOptions;
  readonly dir: string;
  readonly counter?: Int32Array;
  readonly workbook?: WorkbookJob;
  /** The workbook's claim, shared by the threads: whichever takes it first makes plan.xlsx. */
  readonly workbookClaim?: Int32Array;
}

/** Takes a claim shared by the threads (an Int32Array over a SharedArrayBuffer); true for the one thread that does. */
export const claimOnce = (flag: Int32Array | undefined): boolean =>
  flag === undefined || Atomics.compareExchange(flag, 0, 0, 1) === 0;

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

/** plan.xlsx rendered from the plan document and staged (flushed with the calendars). */
export async function stageWorkbook(doc: PlanDocument, job: WorkbookJob): Promise<Staged> {
  const bytes = await renderPlanXlsx(doc, doc.visits, job.lang, job.generatedAt);
  return stageFile(job.path, bytes, { flush: false });
}

/**
 * One thread's share: the workbook if it is given one and claims it (`mayTakeWorkbook`: false for an output thread
 * left at the lowest priority, whose workbook the main thread then makes), then the calendars it claims. Pushes onto
 * `into`.
 */
export async function stageShare(work: OutputWork, into: Staged[], mayTakeWorkbook = true): Promise<void> {
  if (work.workbook && mayTakeWorkbook && claimOnce(work.workbookClaim))
    into.push(await stageWorkbook(work.doc, work.workbook));
  const claim = work.counter ? claimer(work.counter, calendarClaimOrder(work.doc)) : undefined;
  stageCalendars(work.doc, work.opts, work.dir, claim, into);
}

interface Answer {
  readonly staged: Staged[];
  readonly error?: { readonly message: string; readonly code?: string };
}

/**
 * Whether a thread's priority is its own (Linux), so that the output thread may lower its own while it waits: where
 * the priority is the process's (Windows, macOS), lowering it would slow the solve itself.
 */
export const THREAD_PRIORITY = process.platform === 'linux';

/** A thread started ahead of its work (prewarmOutputThread), waiting for it. */
let waiting: Worker | undefined;

/**
 * Starts an output thread now, so that it has loaded its modules, and exceljs with `workbook`, when the plan is
 * ready (0.75 s on 2,800 cells). On Linux `lichdu plan` starts it with the solve, at the lowest priority while it
 * waits (./outputWorker.ts): at normal priority its loading slowed the solve by 0.2–0.3 s on 2,800 cells, at the
 * lowest it loads in the idle moments of the solver's threads (the LP's thread while the spec is read and the network
 * built, this one while it waits for the LP). Elsewhere it is started once the first LP is solved. It keeps nothing
 * alive: the process exits as if it were not there, and one still waiting when the plan is rendered on this thread
 * alone is stopped then.
 */
export function prewarmOutputThread(workbook: boolean): void {
  if (waiting) return;
  const w = new Worker(workerFile(), { workerData: { ahead: THREAD_PRIORITY, workbook } });
  w.unref();
  // A thread that could not start is simply not used: the rendering starts another and reports its error.
  w.once('error', () => {
    if (waiting === w) waiting = undefined;
  });
  waiting = w;
}

/** Stops an output thread started ahead and not used. */
export function dropOutputThread(): void {
  void waiting?.terminate();
  waiting = undefined;
}

function inWorker(work: OutputWork): Promise<Answer> {
  return new Promise((resolve) => {
    const w = waiting ?? new Worker(workerFile(), { workerData: { ahead: false, workbook: false } });
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
      if (!answered) resolve({ staged: [], error: { message: `the output thread exited with code ${code}` } });
    });
    w.postMessage(work);
  });
}

/** The output thread's share handed over ahead of the rest of the writing (startOutputThread). */
export interface StartedOutput {
  readonly counter: Int32Array;
  readonly workbookClaim: Int32Array;
  readonly order: readonly number[];
  readonly answer: Promise<Answer>;
}

/**
 * Gives the output thread its share of a plan's files now (the workbook, then calendars), when the plan is large
 * enough for two threads; stageOutputThreaded then takes it over. Undefined for a small plan.
 */
export function startOutputThread(
  doc: PlanDocument,
  opts: IcsOptions,
  dir: string,
  workbook?: WorkbookJob,
): StartedOutput | undefined {
  if (doc.visits.length < THREAD_MIN_VISITS || availableParallelism() < 2) return undefined;
  return launch(doc, opts, dir, workbook);
}

function launch(doc: PlanDocument, opts: IcsOptions, dir: string, workbook?: WorkbookJob): StartedOutput {
  const order = calendarClaimOrder(doc);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const workbookClaim = new Int32Array(new SharedArrayBuffer(4));
  const answer = inWorker({ doc, opts, dir, counter, workbookClaim, ...(workbook ? { workbook } : {}) });
  return { counter, workbookClaim, order, answer };
}

/** Removes what a started output thread staged, once it has answered (its plan was not written after all). */
export async function abandonOutput(started: StartedOutput): Promise<void> {
  Atomics.store(started.counter, 0, started.order.length);
  Atomics.store(started.workbookClaim, 0, 1);
  abortStaged((await started.answer).staged);
}

export interface StagedOutput {
  /** In calendarPaths order. */
  readonly calendars: Staged[];
  readonly workbook?: Staged;
}

/**
 * Every calendar of the plan staged beside its target in DIR/ics (and plan.xlsx where `workbook` asks for it); on any
 * error nothing is left behind and the error (with its code, e.g. ENOSPC) is thrown. `alongside` is other work of this
 * thread (plan.csv), done while the worker starts on the workbook; this thread then takes calendars too. With one
 * thread, `alongside` runs first, then the workbook, then the calendars.
 */
export async function stageOutputThreaded(
  doc: PlanDocument,
  opts: IcsOptions,
  dir: string,
  more: {
    readonly threads?: number;
    readonly workbook?: WorkbookJob;
    readonly alongside?: () => Promise<void>;
    /** Files `alongside` staged without flushing them: flushed with the calendars (one `sync -f` for all). */
    readonly flushToo?: readonly Staged[];
    /** The output thread's share, given to it ahead (startOutputThread with this document and workbook). */
    readonly started?: StartedOutput;
  } = {},
): Promise<StagedOutput> {
  const started = more.started;
  const threads = started
    ? 2
    : (more.threads ?? (doc.visits.length >= THREAD_MIN_VISITS ? Math.min(2, availableParallelism()) : 1));
  const workbookPath = more.workbook?.path;
  const split = (all: Staged[]): StagedOutput => {
    const workbook = all.find((s) => s.path === workbookPath);
    const byPath = new Map(all.map((s) => [s.path, s]));
    const calendars = calendarPaths(doc).map((p) => byPath.get(join(dir, 'ics', p))!);
    return { calendars, ...(workbook ? { workbook } : {}) };
  };
  const mine: Staged[] = [];
  if (threads <= 1) {
    dropOutputThread();
    try {
      await more.alongside?.();
      await stageShare({ doc, opts, dir, ...(more.workbook ? { workbook: more.workbook } : {}) }, mine);
      flushStaged([...mine, ...(more.flushToo ?? [])]);
      return split(mine);
    } catch (err) {
      abortStaged(mine);
      throw err;
    }
  }
  const { order, counter, workbookClaim, answer: other } = started ?? launch(doc, opts, dir, more.workbook);
  let failed: unknown;
  try {
    await more.alongside?.();
    // The workbook, when the output thread has not taken it (it leaves it when it runs at the lowest priority).
    if (more.workbook && claimOnce(workbookClaim)) mine.push(await stageWorkbook(doc, more.workbook));
    stageCalendars(doc, opts, dir, claimer(counter, order), mine);
  } catch (err) {
    failed = err;
    // The worker claims nothing more.
    Atomics.store(counter, 0, order.length);
  }
  const theirs = await other;
  const all = [...mine, ...theirs.staged];
  if (failed !== undefined || theirs.error) {
    abortStaged(all);
    if (failed !== undefined) throw failed;
    throw Object.assign(new Error(theirs.error!.message), theirs.error!.code ? { code: theirs.error!.code } : {});
  }
  try {
    flushStaged([...all, ...(more.flushToo ?? [])]);
  } catch (err) {
    abortStaged(all);
    throw err;
  }
  return split(all);
}
