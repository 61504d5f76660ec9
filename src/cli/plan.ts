// lichdu plan SPEC -o DIR: solves the spec and writes plan.json, plan.csv and ics/. With --previous OLD/plan.json
// --from DATE (issue 9): a re-plan that keeps what happened before the date and changes the fewest visits after it,
// and also writes changes.csv.
import { writeFileAtomic } from '../util/atomic.js';
import { checkPlan, quality } from '../check/index.js';
import type { Problem, ReplanInfo, Violation, Visit } from '../domain/types.js';
import type { Lang } from '../format/labels.js';
import {
  abandonPlanFiles,
  beginPlanFiles,
  CHANGES_FILE,
  resolveGeneratedAt,
  writePlanFiles,
  type BegunPlanFiles,
} from '../export/planFiles.js';
import { renderChangesCsv } from '../export/changes.js';
import { dropOutputThread, prewarmOutputThread, THREAD_MIN_VISITS, THREAD_PRIORITY } from '../export/outputThreads.js';
import { meetingKeys, type PlanDocument } from '../planfile/index.js';
import { readAttendanceFile } from '../attendance/file.js';
import type { Unrecorded } from '../attendance/compliance.js';
import { replanProblem, type ReplanSetup } from '../replan/build.js';
import { readPins, withPins } from '../edit/pins.js';
import { carryIdentity, diffPlans } from '../replan/diff.js';
import { issue as problem_, type InputIssue } from '../util/issues.js';
import { renderMessage } from '../i18n/messages.js';
import { loadSpecFile } from '../spec/load.js';
import { solve, type Progress, type SolveResult } from '../../solver/index.js';
import { precheck } from '../../solver/precheck.js';
import { missingPackage, shutdownBackends, warmBackend, type BackendName } from '../../solver/backends/index.js';
import { extraRange, violationLines } from './check.js';
import { EXIT, InputRefused, langOf, noteLine, unwrap, type Io } from './io.js';
import { staleNotes } from './shared.js';
import {
  optionIssue as issue,
  outputFileIssues,
  amount,
  percent,
  secs,
  readPlanDocumentFile,
  typedDate,
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
  /** The summary as JSON on stdout (problems, when refused, as {"issues": […]}). */
  readonly json?: boolean;
  readonly recordTime?: boolean;
  readonly generatedAt?: string;
  readonly reminderMinutes: number;
  readonly previous?: string;
  readonly from?: string;
  readonly attendance?: string;
  /** A re-plan fixes the past: unrecorded visits are done or missed, never left open. */
  readonly unrecorded?: Exclude<Unrecorded, 'pending'>;
  readonly keepCancelled?: number;
  /** A pin file (DIR/pins.json): visits kept as fixed ones. */
  readonly pins?: string;
  /** performance.now() when the command started: --time-limit counts from it. */
  readonly startedAt: number;
  /** A stop from the program that runs the command (the console's "Dừng"): like Ctrl-C, the best plan is written. */
  readonly signal?: AbortSignal;
  /** Every progress event of the solve, for the program that runs the command (the console's progress bar). */
  readonly onProgress?: (p: Progress) => void;
}

/** A solver status in the user's words (`tối ưu`; English keeps the status itself). */
export const statusWord = (status: string, lang: Lang): string => SAY[lang].status[status] ?? status;

/** A re-plan's inputs, read and checked before the solve. */
interface Replanning {
  readonly previous: PlanDocument;
  readonly setup: ReplanSetup;
  readonly from: string;
}

/** What `plan` says, in each language. */
const SAY = {
  vi: {
    status: {
      optimal: 'tối ưu',
      feasible: 'khả thi',
      'timed-out': 'hết thời gian',
      'infeasible-relaxed': 'không đáp ứng hết quy định',
      'no-plan': 'không có phương án',
    } as Record<string, string>,
    gap: (g: string) => `sai số ${g}`,
    noBound: 'chưa có cận',
    stoppedUser: 'người dùng dừng',
    stoppedTime: 'hết thời gian cho phép',
    method: {
      construction: 'dựng phương án',
      network: 'mô hình mạng',
      regions: 'mô hình mạng và sửa theo vùng',
      mip: 'mô hình đầy đủ',
      improvement: 'tìm kiếm lân cận lớn',
    } as Record<string, string>,
    summary: (x: SummaryFacts) => [
      `Kế hoạch ${x.status} (${x.ending}): ${x.visits} buổi dự`,
      `${x.met}/${x.members} cấp ủy viên đạt định mức`,
      `${x.covered}/${x.cells} chi bộ được dự`,
      `chi bộ ưu tiên (${x.priorityCells} số chi bộ) nhận ${x.priorityVisits} số buổi dự`,
      `số buổi dự theo quý ${x.quarters}`,
      `${x.spread}/${x.withQuota} cấp ủy viên dự đều ⌊q/4⌋–⌈q/4⌉ mỗi quý`,
      `số buổi dự thêm ngoài định mức mỗi người ${x.extra}`,
      `hàm mục tiêu ${x.objective}, cận ${x.bound}`,
      `${x.variables} biến, ${x.rows} ràng buộc, ${x.time} (${x.backend}, ${x.method}).`,
    ],
    noBoundYet: 'chưa có',
    proven: 'đã chứng minh là không tránh được',
    notProven: {
      user: 'chưa chứng minh là không tránh được: người dùng đã dừng',
      time: 'chưa chứng minh là không tránh được: hết thời gian cho phép',
      bound: 'chưa chứng minh là không tránh được: cận chưa loại trừ được phương án không có vi phạm này',
    },
    stopping: '! đang dừng: sẽ ghi phương án tốt nhất đang có (nhấn Ctrl-C lần nữa để hủy)',
    phase: {
      construction: 'dựng phương án',
      bound: 'tính cận',
      matching: 'ghép cặp',
      repair: 'sửa theo vùng',
      'full model': 'mô hình đầy đủ',
      improvement: 'cải thiện',
    } as Record<Progress['phase'], string>,
    size: (m: string, c: string) => `${m} cấp ủy viên × ${c} chi bộ`,
    best: 'tốt nhất',
    bound: 'cận',
    crashed: (why: string) => `✖ bộ giải gặp lỗi${why}; chưa ghi tệp nào`,
    noPlan: (t: string, why: string) => `✖ không tìm được phương án trong ${t}${why}; chưa ghi tệp nào`,
    writeStopped: (dir: string) => `✖ đã dừng khi đang ghi: chưa ghi tệp nào, kế hoạch đang có trong ${dir} giữ nguyên`,
    replan: (x: ReplanFacts) =>
      `Lập lại kế hoạch từ ngày ${x.from}: trong ${x.ahead} buổi dự sắp tới của kế hoạch đang dùng, giữ ${x.kept}, ` +
      `dời ${x.moved}, bỏ ${x.removed}; thêm ${x.added} (${x.changes} thay đổi, liệt kê trong ${x.file}); trước ngày ` +
      `${x.from}: ${x.past} buổi dự theo thực tế (${x.missed} vắng, ${x.replaced} có người dự thay, ${x.unplanned} ` +
      `ngoài kế hoạch).`,
  },
  en: {
    status: {} as Record<string, string>,
    gap: (g: string) => `gap ${g}`,
    noBound: 'no bound yet',
    stoppedUser: 'stopped by the user',
    stoppedTime: 'stopped by the time limit',
    method: {
      construction: 'construction',
      network: 'network model',
      regions: 'network model and region repair',
      mip: 'full model',
      improvement: 'large-neighbourhood search',
    } as Record<string, string>,
    summary: (x: SummaryFacts) => [
      `Plan ${x.status} (${x.ending}): ${x.visits} visits`,
      `${x.met} of ${x.members} members meet their quotas`,
      `${x.covered} of ${x.cells} cells covered`,
      `priority cells (${x.priorityCells} of cells) receive ${x.priorityVisits} of visits`,
      `visits per quarter ${x.quarters}`,
      `${x.spread} of ${x.withQuota} members spread ⌊q/4⌋–⌈q/4⌉ a quarter`,
      `visits beyond the quota per member ${x.extra}`,
      `objective ${x.objective}, bound ${x.bound}`,
      `${x.variables} variables, ${x.rows} rows, ${x.time} (${x.backend}, ${x.method}).`,
    ],
    noBoundYet: 'none yet',
    proven: 'proven unavoidable',
    notProven: {
      user: 'not proven unavoidable: stopped by the user',
      time: 'not proven unavoidable: stopped by the time limit',
      bound: 'not proven unavoidable: the bound does not rule out a plan without it',
    },
    stopping: '! stopping: the best plan so far will be written (Ctrl-C again to abort)',
    phase: {
      construction: 'construction',
      bound: 'bound',
      matching: 'matching',
      repair: 'region repair',
      'full model': 'full model',
      improvement: 'improvement',
    } as Record<Progress['phase'], string>,
    size: (m: string, c: string) => `${m} members × ${c} cells`,
    best: 'best',
    bound: 'bound',
    crashed: (why: string) => `✖ the solver crashed${why}; nothing was written`,
    noPlan: (t: string, why: string) => `✖ no plan found within ${t}${why}; nothing was written`,
    writeStopped: (dir: string) =>
      `✖ stopped while writing: nothing was written, the plan already in ${dir} is unchanged`,
    replan: (x: ReplanFacts) =>
      `Re-plan from ${x.from}: of the ${x.ahead} visits ahead in the plan in use, ${x.kept} kept, ${x.moved} ` +
      `moved, ${x.removed} removed; ${x.added} added (${x.changes} changes, listed in ${x.file}); before ` +
      `${x.from}: ${x.past} visits as they happened (${x.missed} missed, ${x.replaced} replaced, ${x.unplanned} ` +
      `outside the plan).`,
  },
};

/** The summary's facts, numbers written for people (thousands grouped in the user's language). */
interface SummaryFacts {
  status: string;
  ending: string;
  visits: string;
  met: string;
  members: string;
  covered: string;
  cells: string;
  priorityCells: string;
  priorityVisits: string;
  quarters: string;
  spread: string;
  withQuota: string;
  extra: string;
  objective: string;
  bound: string;
  variables: string;
  rows: string;
  time: string;
  backend: string;
  method: string;
}

interface ReplanFacts {
  from: string;
  ahead: string;
  kept: string;
  moved: string;
  removed: string;
  added: string;
  changes: string;
  file: string;
  past: string;
  missed: string;
  replaced: string;
  unplanned: string;
}

/** How the solve ended, in words: its gap, or why there is none, and whether it was stopped. */
function ending(r: SolveResult, lang: Lang): string {
  const w = SAY[lang];
  const gap = r.gap !== undefined ? w.gap(percent(r.gap, lang)) : w.noBound;
  if (r.stopped === 'user') return `${w.stoppedUser}, ${gap}`;
  if (r.stopped === 'time-limit') return `${w.stoppedTime}, ${gap}`;
  return gap;
}

function summary(problem: Problem, r: SolveResult, violations: readonly Violation[], lang: Lang): string {
  const w = SAY[lang];
  const n = (x: number) => amount(x, lang);
  const q = quality(problem, r.visits);
  const short = new Set(violations.filter((v) => v.rule === 'quota').map((v) => v.member));
  const uncovered = new Set(violations.filter((v) => v.rule === 'coverage').map((v) => v.cell));
  return (
    w
      .summary({
        status: w.status[r.status] ?? r.status,
        ending: ending(r, lang),
        visits: n(r.visits.length),
        met: n(problem.members.length - short.size),
        members: n(problem.members.length),
        covered: n(problem.cells.length - uncovered.size),
        cells: n(problem.cells.length),
        priorityCells: percent(q.priorityCellShare, lang),
        priorityVisits: percent(q.priorityVisitShare, lang),
        quarters: q.visitsPerQuarter.map(n).join(' '),
        spread: n(q.spreadOnTarget),
        withQuota: n(q.membersWithQuota),
        extra: extraRange(q),
        objective: r.objective !== undefined ? n(r.objective) : '–',
        bound: r.bound !== undefined ? n(r.bound) : w.noBoundYet,
        variables: n(r.size.variables),
        rows: n(r.size.rows),
        time: secs(r.timeMs, lang),
        backend: r.backend,
        method: w.method[r.method ?? 'mip'] ?? String(r.method),
      })
      .join('; ') + '\n'
  );
}

/** Whether a violation is proven unavoidable, and if not, why not (SPEC §3, issue 22). */
function provenness(r: Pick<SolveResult, 'shortfallsProven' | 'stopped'>, v: Violation): boolean {
  // A maximum is only ever broken by fixed visits, which stay (SPEC §4.8); a missing visit, when the bound says so.
  return v.bound === 'max' || r.shortfallsProven;
}

function notProvenWhy(r: Pick<SolveResult, 'stopped'>, lang: Lang): string {
  const w = SAY[lang].notProven;
  if (r.stopped === 'user') return w.user;
  if (r.stopped === 'time-limit') return w.time;
  return w.bound;
}

export async function runPlan(specPath: string, opts: PlanOptions, io: Io): Promise<number> {
  // The solver's thread loads its library while this one reads the spec.
  if (missingPackage(opts.backend) === undefined) warmBackend(opts.backend);
  // Everything the user got wrong is said at once, before the solve: the spec, where to write, the options.
  const spec = unwrapWith(loadSpecFile(specPath), [
    ...stampedOutputIssues(opts.out, opts.generatedAt),
    ...(opts.exportModel ? outputFileIssues(opts.exportModel, '--export-model') : []),
    ...replanOptionIssues(opts),
    ...backendIssues(opts.backend),
  ]);
  // Pinned visits are kept like the spec's fixed ones (issue 26).
  const problem = opts.pins === undefined ? spec : unwrap(withPins(spec, unwrap(readPins(opts.pins)), opts.pins));
  const from = opts.from === undefined ? undefined : typedDate(opts.from, '--from');
  if (from?.ok && from.value.note) io.err(noteLine(from.value.note, langOf(io)));
  const replanning =
    opts.previous !== undefined && from?.ok ? await readReplan(problem, { ...opts, from: from.value.iso }) : undefined;
  for (const note of replanning?.setup.notes ?? []) io.err(`! ${renderMessage(note.code, note.params, opts.lang)}\n`);
  return withFolderLock(opts.out, () => solveAndWrite(replanning?.setup.problem ?? problem, opts, io, replanning));
}

/** A backend whose optional package is not installed: refused with the command that installs it. */
function backendIssues(name: BackendName): InputIssue[] {
  const pkg = missingPackage(name);
  return pkg === undefined ? [] : [issue('--backend', 'option.backend-missing', { name, package: pkg })];
}

function replanOptionIssues(opts: PlanOptions): InputIssue[] {
  if (opts.previous === undefined) {
    const stray = [
      opts.from !== undefined ? '--from' : undefined,
      opts.attendance !== undefined ? '--attendance' : undefined,
      opts.keepCancelled ? '--keep-cancelled' : undefined,
    ].filter((x): x is string => x !== undefined);
    return stray.map((o) => issue(o, 'option.replan-only', { option: o }));
  }
  if (opts.from === undefined) return [issue('--from', 'option.replan-needs-from')];
  const from = typedDate(opts.from, '--from');
  return from.ok ? [] : [...from.issues];
}

async function readReplan(problem: Problem, opts: PlanOptions): Promise<Replanning> {
  const previous = readPlanDocumentFile(opts.previous!);
  const from = opts.from!;
  const issues: InputIssue[] = [];
  if (previous.year !== problem.year)
    issues.push(problem_(opts.previous!, ['year'], 'replan.other-year', { plan: previous.year, spec: problem.year }));
  if (Number(from.slice(0, 4)) !== problem.year)
    issues.push(problem_('--from', [], 'spec.outside-year', { what: 'date', date: from, year: problem.year }));
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
  for (const f of precheck(problem)) io.err(`! ${renderMessage(f.code, f.params, opts.lang)}\n`);
  // Ctrl-C or SIGTERM: the first stops the solve (its best plan is written), a second one aborts the writing (the
  // previous plan stays whole).
  const stop = new AbortController();
  const abortWrite = new AbortController();
  const onSignal = () => {
    if (!stop.signal.aborted) {
      stop.abort();
      if (!opts.quiet) io.err(`\r\x1b[K${SAY[opts.lang].stopping}\n`);
    } else abortWrite.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const onStop = () => {
    if (!stop.signal.aborted) stop.abort();
  };
  opts.signal?.addEventListener('abort', onStop);
  if (opts.signal?.aborted) onStop();
  // A plan of this size has its workbook and calendars made on a second thread. On Linux it is started now and loads
  // its modules while the solve runs, at the lowest priority (src/export/outputWorker.ts); where a priority is the
  // whole process's (Windows, macOS), once the first LP is solved (below).
  const threaded = problem.meetings.length >= THREAD_MIN_VISITS;
  if (threaded && THREAD_PRIORITY) prewarmOutputThread(true);
  try {
    return await solveThenWrite(
      problem,
      opts,
      io,
      { stop: stop.signal, abortWrite: abortWrite.signal, threaded },
      replanning,
    );
  } finally {
    dropOutputThread();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    opts.signal?.removeEventListener('abort', onStop);
  }
}

/** The progress of a solve on stderr: one updating line on a terminal, else a line per improvement. */
function progressPrinter(problem: Problem, opts: PlanOptions, io: Io) {
  const tty = process.stderr.isTTY === true;
  const lang = opts.lang;
  const w = SAY[lang];
  const n = (x: number) => amount(x, lang);
  const size = w.size(n(problem.members.length), n(problem.cells.length));
  let last: Progress | undefined;
  const line = (p: Progress, ms = p.elapsedMs) => {
    const parts = [secs(ms, lang), w.phase[p.phase]];
    if (p.toRepair) parts.push(`${p.repaired ?? 0}/${p.toRepair}`);
    parts.push(`${w.best} ${p.cost !== undefined ? n(p.cost) : '–'}`);
    parts.push(`${w.bound} ${p.bound !== undefined ? n(p.bound) : '–'}`);
    parts.push(w.gap(p.gap !== undefined ? percent(p.gap, lang) : '–'));
    return `${size}: ${parts.join(', ')}`;
  };
  const timer =
    tty && !opts.quiet
      ? setInterval(() => last && io.err(`\r\x1b[K${line(last, performance.now() - opts.startedAt)} `), 1000)
      : undefined;
  return {
    onProgress: (p: Progress) => {
      last = p;
      opts.onProgress?.(p);
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

async function solveThenWrite(
  problem: Problem,
  opts: PlanOptions,
  io: Io,
  run: { readonly stop: AbortSignal; readonly abortWrite: AbortSignal; readonly threaded: boolean },
  replanning?: Replanning,
): Promise<number> {
  const { stop, abortWrite } = run;
  const progress = progressPrinter(problem, opts, io);
  // The spreadsheet library (0.4 s to load) is loaded while the solve runs, so that writing the files does not wait
  // for it: a plan made on two threads has its workbook made by the output thread (started with the solve on Linux,
  // else here once the first LP is solved, when the solver's thread is free); a smaller plan loads it here then.
  let prefetched = false;
  const onProgress = (p: Progress) => {
    if (!prefetched && run.threaded && p.bound !== undefined) {
      prefetched = true;
      prewarmOutputThread(true);
    } else if (!prefetched && !run.threaded && p.phase !== 'construction') {
      prefetched = true;
      void import('exceljs').catch(() => undefined);
    }
    progress.onProgress(p);
  };
  const generatedAt = replanning
    ? replanGeneratedAt(opts, problem.year, replanning.from, replanning.previous.generatedAt)
    : resolveGeneratedAt(problem.year, opts.generatedAt);
  const writing = { lang: opts.lang, generatedAt, reminderMinutes: opts.reminderMinutes, signal: abortWrite };
  // A fresh plan large enough for two threads: its files are begun as soon as the solve has chosen it, while the
  // solve computes its unmet rules (0.2 s on 2,800 cells); writePlanFiles takes the writing over. (A re-plan's visits
  // change again after the solve.)
  let begun: BegunPlanFiles | undefined;
  const onChosen = (visits: readonly Visit[]) => {
    try {
      begun = beginPlanFiles(opts.out, problem, { visits }, writing);
    } catch {
      // Not begun: writePlanFiles meets the same failure and reports it.
    }
  };
  let r: SolveResult;
  try {
    r = await solve(problem, {
      ...(run.threaded && !replanning ? { onChosen } : {}),
      // One deadline for the whole command: starting and reading the spec count.
      timeLimitSec: Math.max(0, opts.timeLimit - (performance.now() - opts.startedAt) / 1000),
      seed: opts.seed,
      backend: opts.backend,
      signal: stop,
      startedAt: opts.startedAt,
      ...(opts.gap !== undefined ? { gap: opts.gap } : {}),
      onProgress,
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
  } catch (err) {
    if (begun) await abandonPlanFiles(begun);
    throw err;
  } finally {
    progress.done();
    // The solver's threads hold HiGHS's WebAssembly memory: freed before the calendars are rendered.
    await shutdownBackends();
  }
  if (r.status === 'no-plan') {
    const why = r.message ? ` (${r.message})` : '';
    if (r.crashed) io.err(`${SAY[opts.lang].crashed(why)}\n`);
    else io.err(`${SAY[opts.lang].noPlan(secs(opts.timeLimit * 1000, opts.lang), why)}\n`);
    return EXIT.noPlan;
  }
  // The check runs once the output thread has the plan (writePlanFiles calls it then).
  let checked: Violation[] | undefined;
  const check = () => (checked ??= checkPlan(problem, r.visits));
  const re = replanning ? replanOutcome(problem, replanning, r.visits, generatedAt, opts) : undefined;
  let written: string[];
  try {
    written = await writeOrRefuse(() =>
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
        () => check().map((v) => ({ ...v, proven: provenness(r, v) })),
        { ...writing, ...(re ? { changesCsv: re.csv } : {}), ...(begun ? { begun } : {}) },
      ),
    );
  } catch (err) {
    if (!abortWrite.aborted) throw err;
    io.err(`${SAY[opts.lang].writeStopped(opts.out)}\n`);
    return EXIT.interrupted;
  }
  const violations = check();
  if (!opts.quiet) io.err(summary(problem, r, violations, opts.lang));
  if (!opts.quiet && re && replanning) io.err(replanSummary(replanning, re.info, opts.lang));
  for (const note of staleNotes(written, opts.out)) io.err(noteLine(note, opts.lang));
  const violationLine = violationLines(problem, opts.lang);
  const why = (v: Violation) => (provenness(r, v) ? SAY[opts.lang].proven : notProvenWhy(r, opts.lang));
  for (const v of violations)
    if (v.bound === 'min') io.err(`${violationLine(v)} (${why(v)})\n`);
    else io.err(violationLine(v) + '\n');
  if (opts.json) {
    const json = {
      out: opts.out,
      status: r.status,
      stopped: r.stopped ?? null,
      objective: r.objective ?? null,
      bound: r.bound ?? null,
      gap: r.gap ?? null,
      visits: r.visits.length,
      violations: violations.map((v) => ({
        ...v,
        proven: provenness(r, v),
        text: `${violationLine(v).replace(/^✖ /, '')}${v.bound === 'min' ? ` (${why(v)})` : ''}`,
      })),
      issues: [],
    };
    io.out(JSON.stringify(json, null, 2) + '\n');
  }
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

function replanSummary(re: Replanning, info: ReplanInfo, lang: Lang): string {
  const s = re.setup;
  const n = (x: number) => amount(x, lang);
  return (
    SAY[lang].replan({
      from: re.from,
      ahead: n(re.previous.visits.filter((v) => v.date >= re.from).length),
      kept: n(info.kept),
      moved: n(info.moved),
      removed: n(info.removed),
      added: n(info.added),
      changes: n(info.moved + info.removed + info.added),
      file: CHANGES_FILE,
      past: n(s.past.length),
      missed: n(s.missed),
      replaced: n(s.replaced),
      unplanned: n(s.unplanned),
    }) + '\n'
  );
}
