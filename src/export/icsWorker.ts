// A calendar-rendering thread: renders its share of a plan's calendars (src/export/icsThreads.ts), stages each one as
// a temporary file beside its target as soon as it is rendered, and answers once with what it staged.
import { parentPort, workerData } from 'node:worker_threads';
import { stageCalendars } from './icsThreads.js';
import type { IcsOptions } from './ics.js';
import type { PlanDocument } from '../planfile/index.js';
import type { Staged } from '../util/atomic.js';

const { doc, opts, dir, index, of } = workerData as {
  doc: PlanDocument;
  opts: IcsOptions;
  dir: string;
  index: number;
  of: number;
};
const staged: Staged[] = [];
try {
  stageCalendars(doc, opts, dir, { index, of }, staged);
  parentPort!.postMessage({ staged });
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  parentPort!.postMessage({
    staged,
    error: { message: e.message ?? String(err), ...(e.code ? { code: e.code } : {}) },
  });
}
