// Writes a plan's documents into a directory: plan.json, plan.csv, plan.xlsx and ics/ (all.ics, members/*.ics,
// cells/*.ics). Every file is staged first (rendered, written under a temporary name beside its target and flushed;
// any error removes them all and replaces nothing), then all are renamed over their targets and calendars of members
// or cells no longer in the plan removed, as one journalled step (src/util/journal.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MARKED_REPORTS, staleReport } from './staleReport.js';
import type { Plan, Problem, Violation } from '../domain/types.js';
import { stagedTogether, stageFile, type Staged } from '../util/atomic.js';
import { commitPlan } from '../util/journal.js';
import { renderCsv } from '../format/csv.js';
import type { IcsOptions } from './ics.js';
import { abandonOutput, stageOutputThreaded, startOutputThread, type StartedOutput } from './outputThreads.js';
import type { Lang } from '../format/labels.js';
import { documentOfWritten, planJson, planJsonText, withViolations, type PlanDocument } from '../planfile/index.js';

export interface WriteOptions {
  readonly lang: Lang;
  /** ISO-8601 time stamped on plan.json and every event's DTSTAMP. */
  readonly generatedAt: string;
  readonly reminderMinutes: number;
  /** A re-plan's changes.csv (issue 9); a folder's old one is removed when a plan has none. */
  readonly changesCsv?: string;
  /** Aborts the writing (a second Ctrl-C): every staged file is removed, the folder's files stay as they were. */
  readonly signal?: AbortSignal;
}

/**
 * The plan's generation time: `--generated-at`, else SOURCE_DATE_EPOCH (the reproducible-builds convention), else
 * the start of the plan's year, so that the same input always gives the same bytes.
 */
export function resolveGeneratedAt(year: number, option?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (option !== undefined) return new Date(option).toISOString().replace('.000Z', 'Z');
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch))
    return new Date(Number(epoch) * 1000).toISOString().replace('.000Z', 'Z');
  return `${year}-01-01T00:00:00Z`;
}

/** Writes the calendars of a plan document into DIR/ics and removes stale ones. Returns the paths written. */
export async function writeCalendars(dir: string, doc: PlanDocument, opts: IcsOptions): Promise<string[]> {
  const { calendars } = await stageOutputThreaded(doc, opts, dir);
  const paths = calendars.map((f) => f.path);
  commitPlan(dir, calendars, stale(dir, paths));
  return paths;
}

/** Calendars in DIR/ics of members or cells that the new plan does not have. */
function stale(dir: string, keep: readonly string[]): string[] {
  const wanted = new Set(keep);
  const out: string[] = [];
  for (const sub of ['members', 'cells']) {
    const d = join(dir, 'ics', sub);
    let names: string[] = [];
    try {
      names = readdirSync(d);
    } catch {
      continue;
    }
    for (const n of names) if (n.endsWith('.ics') && !wanted.has(join(d, n))) out.push(join(d, n));
  }
  return out;
}

/** A plan's writing begun before the plan is complete (beginPlanFiles): its document, its output thread at work. */
export interface BegunPlanFiles {
  readonly visits: Plan['visits'];
  readonly doc: PlanDocument;
  readonly started?: StartedOutput;
}

/** The calendars' options of a plan's writing. */
const icsOf = (opts: WriteOptions) => ({ lang: opts.lang, reminderMinutes: opts.reminderMinutes });

/** The plan.xlsx a plan's writing makes. */
const workbookJob = (dir: string, opts: WriteOptions) => ({
  path: join(dir, 'plan.xlsx'),
  lang: opts.lang,
  generatedAt: opts.generatedAt,
});

/**
 * Begins writing a plan whose visits are final while the rest of it (the solver's report, the violations) is still
 * being made: the output thread is given its share of the files now. writePlanFiles, given the same visits and
 * options, takes it over; abandonPlanFiles removes what it staged when the plan is not written after all.
 */
export function beginPlanFiles(dir: string, problem: Problem, plan: Plan, opts: WriteOptions): BegunPlanFiles {
  const doc = documentOfWritten(planJson(problem, plan, [], opts.generatedAt));
  if (!doc.ok) throw new Error(`lichdu wrote a plan.json it cannot read: ${JSON.stringify(doc.issues)}`);
  const started = startOutputThread(doc.value, icsOf(opts), dir, workbookJob(dir, opts));
  return { visits: plan.visits, doc: doc.value, ...(started ? { started } : {}) };
}

export async function abandonPlanFiles(begun: BegunPlanFiles): Promise<void> {
  if (begun.started) await abandonOutput(begun.started);
}

/** What a re-plan changed, for the staff to tell the members. */
export const CHANGES_FILE = 'changes.csv';

/**
 * Writes a plan's files into DIR, all or none. `violations` may be a function: it is then called once the second
 * thread has the plan (the check takes 0.1 s on 2,800 cells, and only plan.json holds its result).
 */
export async function writePlanFiles(
  dir: string,
  problem: Problem,
  plan: Plan,
  violations: readonly Violation[] | (() => readonly Violation[]),
  opts: WriteOptions & { readonly begun?: BegunPlanFiles },
): Promise<string[]> {
  // Writing begun with these visits is taken over (its document does not depend on the solver's report); with others,
  // undone.
  const begun = opts.begun?.visits === plan.visits ? opts.begun : undefined;
  if (opts.begun && !begun) await abandonPlanFiles(opts.begun);
  const unchecked = planJson(problem, plan, [], opts.generatedAt);
  const doc = begun ? { ok: true as const, value: begun.doc } : documentOfWritten(unchecked);
  if (!doc.ok) throw new Error(`lichdu wrote a plan.json it cannot read: ${JSON.stringify(doc.issues)}`);
  // Everything is staged first (rendered, written beside its target, flushed), then renamed into place, plan.json
  // last: it is what `lichdu serve` reads, so it only changes once everything else is in place.
  let found: readonly Violation[] | undefined;
  const checked = () => (found ??= typeof violations === 'function' ? violations() : violations);
  const staged = await stagedTogether(async (staged) => {
    // Between the steps the event loop runs, so that a second Ctrl-C (a signal, handled there) can stop the writing:
    // the steps themselves never wait on anything once exceljs is loaded.
    const go = async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      opts.signal?.throwIfAborted();
    };
    // plan.xlsx and the calendars are made on a second thread too, on a plan large enough for one; plan.csv and
    // plan.json here meanwhile (plan.json renamed last all the same), flushed with the calendars.
    const own: Staged[] = [];
    const stageOwn = (name: string, text: string): Staged => {
      const f = stageFile(join(dir, name), text, { flush: false });
      own.push(f);
      staged.push(f);
      return f;
    };
    let json: Staged | undefined;
    const out = await stageOutputThreaded(doc.value, icsOf(opts), dir, {
      workbook: workbookJob(dir, opts),
      ...(begun?.started ? { started: begun.started } : {}),
      flushToo: own,
      alongside: async () => {
        stageOwn('plan.csv', renderCsv(problem, plan.visits, opts.lang));
        await go();
        json = stageOwn('plan.json', planJsonText(withViolations(unchecked, problem, checked(), 'vi')));
      },
    });
    // Renamed in this order: the spreadsheets before the calendars, as before.
    if (out.workbook) staged.push(out.workbook);
    const calendars = out.calendars;
    staged.push(...calendars);
    await go();
    if (opts.changesCsv !== undefined) staged.push(stageFile(join(dir, CHANGES_FILE), opts.changesCsv));
    // A report in the folder made from another plan says so at its top (issue 24, item 7).
    for (const name of MARKED_REPORTS) {
      let html: string;
      try {
        html = readFileSync(join(dir, name), 'utf8');
      } catch {
        continue;
      }
      const marked = staleReport(html, plan.visits, opts.generatedAt.slice(0, 10));
      if (marked !== undefined) staged.push(stageFile(join(dir, name), marked));
    }
    await go();
    // plan.json renamed last (moved there only now: until then an abort removes it with the others).
    staged.push(...staged.splice(staged.indexOf(json!), 1));
  });
  const paths = staged.map((f) => f.path);
  const oldChanges = join(dir, CHANGES_FILE);
  const staleChanges = opts.changesCsv === undefined && existsSync(oldChanges) ? [oldChanges] : [];
  commitPlan(dir, staged, [...stale(dir, paths), ...staleChanges]);
  return paths;
}
