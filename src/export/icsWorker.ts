// A calendar-rendering thread: given its work in one message (it may be started before the plan exists, see
// prewarmCalendarThread), renders the plan's calendars it claims from the counter it shares with the main thread
// (src/export/icsThreads.ts), stages each one as a temporary file beside its target as soon as it is rendered, and
// answers once with what it staged.
import { parentPort } from 'node:worker_threads';
import { calendarClaimOrder } from './ics.js';
import { claimer, stageCalendars } from './icsThreads.js';
import type { IcsOptions } from './ics.js';
import type { PlanDocument } from '../planfile/index.js';
import type { Staged } from '../util/atomic.js';

interface Work {
  readonly doc: PlanDocument;
  readonly opts: IcsOptions;
  readonly dir: string;
  readonly counter: Int32Array;
}

parentPort!.once('message', ({ doc, opts, dir, counter }: Work) => {
  const staged: Staged[] = [];
  try {
    stageCalendars(doc, opts, dir, claimer(counter, calendarClaimOrder(doc)), staged);
    parentPort!.postMessage({ staged });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    parentPort!.postMessage({
      staged,
      error: { message: e.message ?? String(err), ...(e.code ? { code: e.code } : {}) },
    });
  }
});
