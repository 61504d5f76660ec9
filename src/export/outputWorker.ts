// An output thread (src/export/outputThreads.ts): given its work in one message (it may be started before the plan
// exists, see prewarmOutputThread, and then loads exceljs while it waits), makes plan.xlsx if asked, then renders
// the calendars it claims from the counter it shares with the main thread, stages each file as a temporary file
// beside its target as soon as it is made, and answers once with what it staged.
import { parentPort, workerData } from 'node:worker_threads';
import { stageShare, type OutputWork } from './outputThreads.js';
import type { Staged } from '../util/atomic.js';

if ((workerData as { preload?: boolean } | undefined)?.preload) void import('exceljs').catch(() => undefined);

parentPort!.once('message', (work: OutputWork) => {
  const staged: Staged[] = [];
  stageShare(work, staged).then(
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
