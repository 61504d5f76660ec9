// lichdu plan SPEC -o DIR: solves the spec and writes plan.json, plan.csv and ics/. With --previous OLD/plan.json
// --from DATE (issue 9): a re-plan that keeps what happened before the date and changes the fewest visits after it,
// and also writes changes.csv.
import { writeFileAtomic } from '../util/atomic.js';
import { checkPlan, quality } from '../check/index.js';
import type { Problem, ReplanInfo, Violation, Visit } from '../domain/types.js';
import type { Lang } from '../format/labels.js';
import { CHANGES_FILE, resolveGeneratedAt, writePlanFiles } from '../export/planFiles.js';
import { renderChangesCsv } from '../export/changes.js';
import { meetingKeys, type PlanDocument } from '../planfile/index.js';
import { readAttendanceFile } from '../attendance/file.js';
import type { Unrecorded } from '../attendance/compliance.js';
import { replanProblem, type ReplanSetup } from '../replan/build.js';
import { carryIdentity, diffPlans } from '../replan/diff.js';
import { isIsoDate } from '../schema/primitives.js';
import type { InputIssue } from '../util/issues.js';
import { loadSpecFile } from '../spec/load.js';
import { solve, type Progress, type SolveResult } from '../../solver/index.js';
import { precheck } from '../../solver/precheck.js';
import { missingPackage, shutdownBackends, type BackendName } from '../../solver/backends/index.js';
import { extraRange, violationLines } from './check.js';
import { EXIT, InputRefused, unwrap, type Io } from './io.js';
import {
  optionIssue as issue,
  outputFileIssues,
  amount,
  percent,
  secs,
  readPlanDocumentFile,
  stampedOutputIssues,
  unwrapWith,
  withFolderLock,
  writeOrRefuse,
} from './shared.js';

export interface PlanOptions {
  readonly out: string;
  readonly lang: Lang;
  readonly seed: number;
  readonly timeLimit: number;
  readonly gap?: number;
  readonly backend: BackendName;
  readonly exportModel?: string;
  readonly quiet?: boolean;
  readonly recordTime?: boolean;
  readonly generatedAt?: string;
  readonly reminderMinutes: number;
  readonly previous?: string;
  readonly from?: string;
  readonly attendance?: string;
  readonly unrecorded?: Unrecorded;
  readonly keepCancelled?: number;
  /** performance.now() when the command started: --time-limit counts from it. */
  readonly startedAt: number;
}

/** A re-plan's inputs, read and checked before the solve. */
interface Replanning {
  readonly previous: PlanDocument;
  readonly setup: ReplanSetup;
  readonly from: string;
}

/** How the solve ended, in words: its gap, or why there is none, and whether it was stopped. */
function ending(r: SolveResult): string {
  const gap = r.gap !== undefined ? `gap ${percent(r.gap)}` : 'no bound yet';
  if (r.stopped === 'user') return `stopped by the user, ${gap}`;
  if (r.stopped === 'time-limit') return `stopped by the time limit, ${gap}`;
  return gap;
}

function summary(problem: Problem, r: SolveResult, violations: readonly Violation[]): string {
  const q = quality(problem, r.visits);
  const short = new Set(violations.filter((v) => v.rule === 'quota').map((v) => v.member));
  const uncovered = new Set(violations.filter((v) => v.rule === 'coverage').map((v) => v.cell));
  const method = {
    construction: 'construction',
    network: 'network model',
    regions: 'network model and region repair',
    mip: 'full model',
    improvement: 'large-neighbourhood search',
  }[r.method ?? 'mip'];
  return (
    [
      `Plan ${r.status} (${ending(r)}): ${r.visits.length.toLocaleString('en')} visits`,
      `${problem.members.length - short.size} of ${problem.members.length} members meet their quotas`,
      `${problem.cells.length - uncovered.size} of ${problem.cells.length} cells covered`,
      `priority cells (${percent(q.priorityCellShare)} of cells) receive ${percent(q.priorityVisitShare)} of visits`,
      `visits per quarter ${q.visitsPerQuarter.join(' ')}`,
      `${q.spreadOnTarget} of ${q.membersWithQuota} members spread ⌊q/4⌋–⌈q/4⌉ a quarter`,
      `visits beyond the quota per member ${extraRange(q)}`,
      `objective ${r.objective !== undefined ? amount(r.objective) : '–'}, bound ${
        r.bound !== undefined ? amount(r.bound) : 'none yet'
      }`,
      `${r.size.variables.toLocaleString('en')} variables, ${r.size.rows.toLocaleString('en')} rows, ` +
        `${secs(r.timeMs)} (${r.backend}, ${method}).`,
    ].join('; ') + '\n'
  );
}

/** Whether a violation is proven unavoidable, and if not, why not (SPEC §3, issue 22). */
function provenness(r: Pick<SolveResult, 'shortfallsProven' | 'stopped'>, v: Violation): boolean {
  // A maximum is only ever broken by fixed visits, which stay (SPEC §4.8); a missing visit, when the bound says so.
  return v.bound === 'max' || r.shortfallsProven;
}

function notProvenWhy(r: Pick<SolveResult, 'stopped'>): string {
  if (r.stopped === 'user') return 'not proven unavoidable: stopped by the user';
  if (r.stopped === 'time-limit') return 'not proven unavoidable: stopped by the time limit';
  return 'not proven unavoidable: the bound does not rule out a plan without it';
}

export async function runPlan(specPath: string, opts: PlanOptions, io: Io): Promise<number> {
  // Everything the user got wrong is said at once, before the solve: the spec, where to write, the options.
  const problem = unwrapWith(loadSpecFile(specPath), [
    ...stampedOutputIssues(opts.out, opts.generatedAt),
    ...(opts.exportModel ? outputFileIssues(opts.exportModel, '--export-model') : []),
    ...replanOptionIssues(opts),
    ...backendIssues(opts.backend),
  ]);
  const replanning = opts.previous !== undefined ? await readReplan(problem, opts) : undefined;
  for (const note of replanning?.setup.notes ?? []) io.err(`! ${note}\n`);
  return withFolderLock(opts.out, () => solveAndWrite(replanning?.setup.problem ?? problem, opts, io, replanning));
}

/** A backend whose optional package is not installed: refused with the command that installs it. */
function backendIssues(name: BackendName): InputIssue[] {
  const pkg = missingPackage(name);
  return pkg === undefined
    ? []
    : [issue('--backend', `the ${name} backend needs the optional package ${pkg}: install it with npm install ${pkg}`)];
}

function replanOptionIssues(opts: PlanOptions): InputIssue[] {
  if (opts.previous === undefined) {
    const stray = [
      opts.from !== undefined ? '--from' : undefined,
      opts.attendance !== undefined ? '--attendance' : undefined,
      opts.keepCancelled ? '--keep-cancelled' : undefined,
    ].filter((x): x is string => x !== undefined);
    return stray.map((o) => issue(o, 'is for a re-plan: give the plan in use with --previous OLD/plan.json'));
  }
  if (opts.from === undefined) return [issue('--from', 'a re-plan needs the date it starts from: --from YYYY-MM-DD')];
  if (!isIsoDate(opts.from))
    return [issue('--from', `"${opts.from.slice(0, 40)}" is not a date: write YYYY-MM-DD, e.g. 2027-07-01`)];
  return [];
}

async function readReplan(problem: Problem, opts: PlanOptions): Promise<Replanning> {
  const previous = readPlanDocumentFile(opts.previous!);
  const from = opts.from!;
  const issues: InputIssue[] = [];
  if (previous.year !== problem.year)
    issues.push({
      file: opts.previous!,
      path: ['year'],
      message: `the plan in use is for ${previous.year}, the spec for ${problem.year}: give the plan of the same year`,
    });
  if (Number(from.slice(0, 4)) !== problem.year)
    issues.push({ file: '--from', path: [], message: `${from} is outside the plan's year ${problem.year}` });
  if (issues.length > 0) throw new InputRefused(issues);
  const attendance = opts.attendance ? unwrap(await readAttendanceFile(opts.attendance, problem)) : undefined;
  const setup = replanProblem({
    problem,
    previous: previous.visits,
    ...(attendance ? { attendance } : {}),
    from,
    unrecorded: opts.unrecorded ?? 'done',
  });
  return { previous, setup, from };
}

/**
 * A re-plan's time stamp, the DTSTAMP of what it changes: --generated-at or SOURCE_DATE_EPOCH, else the --from date
 * (the same input gives the same bytes); always after the previous plan's.
 */
function replanGeneratedAt(opts: PlanOptions, year: number, from: string, previous: string): string {
  const explicit = opts.generatedAt !== undefined || process.env.SOURCE_DATE_EPOCH !== undefined;
  const at = explicit ? resolveGeneratedAt(year, opts.generatedAt) : `${from}T00:00:00Z`;
  if (Date.parse(at) > Date.parse(previous)) return at;
  return new Date(Date.parse(previous) + 1000).toISOString().replace('.000Z', 'Z');
}

async function solveAndWrite(problem: Problem, opts: PlanOptions, io: Io, replanning?: Replanning): Promise<number> {
  for (const line of precheck(problem)) io.err(`! ${line}\n`);
  // Ctrl-C or SIGTERM: the first stops the solve (its best plan is written), a second one aborts the writing (the
  // previous plan stays whole).
  const stop = new AbortController();
  const abortWrite = new AbortController();
  const onSignal = () => {
    if (!stop.signal.aborted) {
      stop.abort();
      if (!opts.quiet) io.err('\r\x1b[K! stopping: the best plan so far will be written (Ctrl-C again to abort)\n');
    } else abortWrite.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await solveThenWrite(problem, opts, io, stop.signal, abortWrite.signal, replanning);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** The progress of a solve on stderr: one updating line on a terminal, else a line per improvement. */
function progressPrinter(problem: Problem, opts: PlanOptions, io: Io) {
  const tty = process.stderr.isTTY === true;
  const n = (x: number) => x.toLocaleString('en');
  const size = `${n(problem.members.length)} members × ${n(problem.cells.length)} cells`;
  let last: Progress | undefined;
  const line = (p: Progress, ms = p.elapsedMs) => {
    const parts = [secs(ms), PHASE_WORDS[p.phase]];
    if (p.toRepair) parts.push(`${p.repaired ?? 0}/${p.toRepair}`);
    parts.push(`best ${p.cost !== undefined ? amount(p.cost) : '–'}`);
    parts.push(`bound ${p.bound !== undefined ? amount(p.bound) : '–'}`);
    parts.push(`gap ${p.gap !== undefined ? percent(p.gap) : '–'}`);
    return `${size}: ${parts.join(', ')}`;
  };
  const timer =
    tty && !opts.quiet
      ? setInterval(() => last && io.err(`\r\x1b[K${line(last, performance.now() - opts.startedAt)} `), 1000)
      : undefined;
  return {
    onProgress: (p: Progress) => {
      last = p;
      if (opts.quiet) return;
      if (tty) io.err(`\r\x1b[K${line(p)} `);
      else if (p.improved) io.err(`… ${line(p)}\n`);
    },
    done: () => {
      if (timer) clearInterval(timer);
      if (tty && !opts.quiet) io.err('\r\x1b[K');
    },
  };
}

const PHASE_WORDS: Readonly<Record<Progress['phase'], string>> = {
  construction: 'construction',
  bound: 'bound',
  matching: 'matching',
  repair: 'region repair',
  'full model': 'full model',
  improvement: 'improvement',
};

async function solveThenWrite(
  problem: Problem,
  opts: PlanOptions,
  io: Io,
  stop: AbortSignal,
  abortWrite: AbortSignal,
  replanning?: Replanning,
): Promise<number> {
  const progress = progressPrinter(problem, opts, io);
  let r: SolveResult;
  try {
    r = await solve(problem, {
      // One deadline for the whole command: starting and reading the spec count.
      timeLimitSec: Math.max(0, opts.timeLimit - (performance.now() - opts.startedAt) / 1000),
      seed: opts.seed,
      backend: opts.backend,
      signal: stop,
      startedAt: opts.startedAt,
      ...(opts.gap !== undefined ? { gap: opts.gap } : {}),
      onProgress: progress.onProgress,
      ...(opts.exportModel
        ? {
            onModel: (chunks: (format: 'lp' | 'mps') => Iterable<string>) =>
              writeFileAtomic(
                opts.exportModel!,
                chunks(opts.exportModel!.toLowerCase().endsWith('.mps') ? 'mps' : 'lp'),
              ),
          }
        : {}),
    });
  } finally {
    progress.done();
    // The solver's threads hold HiGHS's WebAssembly memory: freed before the calendars are rendered.
    await shutdownBackends();
  }
  if (r.status === 'no-plan') {
    const why = r.message ? ` (${r.message})` : '';
    if (r.crashed) io.err(`✖ the solver crashed${why}; nothing was written\n`);
    else io.err(`✖ no plan found within ${opts.timeLimit} s${why}; nothing was written\n`);
    return EXIT.noPlan;
  }
  const violations = checkPlan(problem, r.visits);
  const generatedAt = replanning
    ? replanGeneratedAt(opts, problem.year, replanning.from, replanning.previous.generatedAt)
    : resolveGeneratedAt(problem.year, opts.generatedAt);
  const re = replanning ? replanOutcome(problem, replanning, r.visits, generatedAt, opts) : undefined;
  try {
    await writeOrRefuse(() =>
      writePlanFiles(
        opts.out,
        problem,
        {
          visits: re?.visits ?? r.visits,
          ...(re ? { cancelled: re.cancelled, replan: re.info } : {}),
          solver: {
            status: r.status,
            backend: r.backend,
            seed: opts.seed,
            ...(r.method ? { method: r.method } : {}),
            ...(r.objective !== undefined ? { objective: r.objective } : {}),
            ...(r.bound !== undefined ? { bound: r.bound } : {}),
            ...(r.gap !== undefined ? { gap: r.gap } : {}),
            ...(r.stopped ? { stopped: r.stopped } : {}),
            ...(opts.recordTime ? { timeMs: r.timeMs, timeline: r.timeline } : {}),
          },
        },
        violations.map((v) => ({ ...v, proven: provenness(r, v) })),
        {
          lang: opts.lang,
          generatedAt,
          reminderMinutes: opts.reminderMinutes,
          signal: abortWrite,
          ...(re ? { changesCsv: re.csv } : {}),
        },
      ),
    );
  } catch (err) {
    if (!abortWrite.aborted) throw err;
    io.err(`✖ stopped while writing: nothing was written, the plan already in ${opts.out} is unchanged\n`);
    return EXIT.interrupted;
  }
  if (!opts.quiet) io.err(summary(problem, r, violations));
  if (!opts.quiet && re && replanning) io.err(replanSummary(replanning, re.info));
  const violationLine = violationLines(problem);
  for (const v of violations)
    if (v.bound === 'min')
      io.err(`${violationLine(v)} (${provenness(r, v) ? 'proven unavoidable' : notProvenWhy(r)})\n`);
    else io.err(violationLine(v) + '\n');
  return violations.length === 0 ? EXIT.ok : EXIT.violations;
}

/** The re-plan's changes, the visits with their calendar identity, and changes.csv. */
function replanOutcome(
  problem: Problem,
  re: Replanning,
  visits: readonly Visit[],
  generatedAt: string,
  opts: PlanOptions,
) {
  const diff = diffPlans(problem, re.previous.visits, visits, re.from);
  const meeting = meetingKeys(problem, visits);
  const carried = carryIdentity({
    previous: re.previous.visits,
    previousGeneratedAt: re.previous.generatedAt,
    previousCancelled: re.previous.cancelled,
    next: visits,
    nextMeeting: (v) => meeting.get(v)!,
    diff,
    generatedAt,
    keepCancelledDays: opts.keepCancelled ?? 0,
  });
  // Names of members and cells that left the spec come from the previous plan.
  const known = new Set(problem.members.map((m) => m.id as string));
  const knownCells = new Set(problem.cells.map((c) => c.id as string));
  const dir = {
    ...problem,
    members: [...problem.members, ...re.previous.members.filter((m) => !known.has(m.id))],
    cells: [...problem.cells, ...re.previous.cells.filter((c) => !knownCells.has(c.id))],
  };
  const info: ReplanInfo = {
    from: re.from,
    previousGeneratedAt: re.previous.generatedAt,
    unrecorded: opts.unrecorded ?? 'done',
    kept: diff.kept,
    moved: diff.moved,
    added: diff.added,
    removed: diff.removed,
  };
  return { ...carried, info, csv: renderChangesCsv(dir, diff.changes, opts.lang) };
}

function replanSummary(re: Replanning, info: ReplanInfo): string {
  const ahead = re.previous.visits.filter((v) => v.date >= re.from).length;
  const s = re.setup;
  return (
    `Re-plan from ${re.from}: of the ${ahead} visits ahead in the plan in use, ${info.kept} kept, ${info.moved} ` +
    `moved, ${info.removed} removed; ${info.added} added (${info.moved + info.removed + info.added} changes, ` +
    `listed in ${CHANGES_FILE}); before ${re.from}: ${s.past.length} visits as they happened (${s.missed} missed, ` +
    `${s.replaced} replaced, ${s.unplanned} outside the plan).\n`
  );
}
