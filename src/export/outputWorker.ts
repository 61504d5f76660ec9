// An output thread (src/export/outputThreads.ts): given its work in one message, makes plan.xlsx if asked, then
// renders the calendars it claims from the counter it shares with the main thread, stages each file as a temporary
// file beside its target as soon as it is made, and answers once with what it staged.
//
// Started ahead of its work on Linux (prewarmOutputThread: while the plan is being solved; there a thread's priority
// is its own, not the process's), it first lowers its own priority, then loads its modules (and exceljs): it takes a
// core only when the solver's threads leave one idle, and has loaded when the plan comes. It asks for its priority
// back then; where the system refuses (an unprivileged user may lower a thread's priority but not raise it again), it
// works at the lower one and leaves plan.xlsx to the main thread: it only claims calendars, so the main thread takes
// more of them when it gets less of a core.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { OutputWork } from './outputThreads.js';
import type { Staged } from '../util/atomic.js';

/** The lowest priority (nice 19): the kernel runs the thread only when nothing else wants the core. */
const WAITING_PRIORITY = 19;

const started = workerData as { readonly ahead?: boolean; readonly workbook?: boolean } | undefined;
/** Sets this thread's priority; false where the system refuses. */
const setOwnPriority = (priority: number): boolean => {
  try {
    // Thread 0 is this thread (Linux: the priority is a thread's own).
    setPriority(0, priority);
    return true;
  } catch {
    // Not allowed here: the thread runs at the priority it has.
    return false;
  }
};
if (started?.ahead) setOwnPriority(WAITING_PRIORITY);
const modules = import('./outputThreads.js');
if (started?.workbook) void import('exceljs').catch(() => undefined);
// A failed import is reported with the work (below), not as an unhandled rejection while waiting.
modules.catch(() => undefined);

parentPort!.once('message', (work: OutputWork) => {
  // Left at the lowest priority, the thread leaves plan.xlsx to the main thread (on a busy machine it could wait long
  // for a core) and only claims calendars.
  const normal = started?.ahead ? setOwnPriority(0) : true;
  const staged: Staged[] = [];
  modules
    .then(({ stageShare }) => stageShare(work, staged, normal))
    .then(
      () => parentPort!.postMessage({ staged }),
      (err: unknown) => {
        const e = err as NodeJS.ErrnoException;
        parentPort!.postMessage({
          staged,
          error: { message: e.message ?? String(err), ...(e.code ? { code: e.code } : {}) },
        });
      },
    );
});
