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
import { solve, type Progress } from '../../solver/index.js';
import { precheck } from '../../solver/precheck.js';
import { missingPackage, shutdownBackends, type BackendName } from '../../solver/backends/index.js';
import { extraRange, violationLines } from './check.js';
import { EXIT, InputRefused, unwrap, type Io } from './io.js';
import {
  optionIssue as issue,
  outputFileIssues,
  percent,
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
}

/** A re-plan's inputs, read and checked before the solve. */
interface Replanning {
  readonly previous: PlanDocument;
  readonly setup: ReplanSetup;
  readonly from: string;
}

function summary(problem: Problem, r: Awaited<ReturnType<typeof solve>>, violations: readonly Violation[]): string {
  const q = quality(problem, r.visits);
  const short = new Set(violations.filter((v) => v.rule === 'quota').map((v) => v.member));
  const uncovered = new Set(violations.filter((v) => v.rule === 'coverage').map((v) => v.cell));
  const method = { network: 'network model', regions: 'network model and region repair', mip: 'full model' }[
    r.method ?? 'mip'
  ];
  return (
    [
      `Plan ${r.status}: ${r.visits.length} visits`,
      `${problem.members.length - short.size} of ${problem.members.length} members meet their quotas`,
      `${problem.cells.length - uncovered.size} of ${problem.cells.length} cells covered`,
      `priority cells (${percent(q.priorityCellShare)} of cells) receive ${percent(q.priorityVisitShare)} of visits`,
      `visits per quarter ${q.visitsPerQuarter.join(' ')}`,
      `${q.spreadOnTarget} of ${q.membersWithQuota} members spread ⌊q/4⌋–⌈q/4⌉ a quarter`,
      `visits beyond the quota per member ${extraRange(q)}`,
      `objective ${r.objective?.toFixed(2) ?? '–'}, bound ${r.bound?.toFixed(2) ?? 'unknown'}, ` +
        `gap ${r.gap !== undefined ? percent(r.gap) : 'unknown'}`,
      `${r.size.variables} variables, ${r.size.rows} rows, ${(r.timeMs / 1000).toFixed(1)} s (${r.backend}, ` +
        `${method}).`,
    ].join('; ') + '\n'
  );
}

export async function runPlan(specPath: string, opts: PlanOptions, io: Io): Promise<number> {
  const t0 = Date.now();
  // Everything the user got wrong is said at once, before the solve: the spec, where to write, the options.
  const problem = unwrapWith(loadSpecFile(specPath), [
    ...stampedOutputIssues(opts.out, opts.generatedAt),
    ...(opts.exportModel ? outputFileIssues(opts.exportModel, '--export-model') : []),
    ...replanOptionIssues(opts),
    ...backendIssues(opts.backend),
  ]);
  const replanning = opts.previous !== undefined ? await readReplan(problem, opts) : undefined;
  for (const note of replanning?.setup.notes ?? []) io.err(`! ${note}\n`);
  return withFolderLock(opts.out, () => solveAndWrite(replanning?.setup.problem ?? problem, opts, io, t0, replanning));
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

async function solveAndWrite(
  problem: Problem,
  opts: PlanOptions,
  io: Io,
  t0: number,
  replanning?: Replanning,
): Promise<number> {
  for (const line of precheck(problem)) io.err(`! ${line}\n`);
  // A progress line for long solves, only on a terminal: phase, regions repaired, cost, bound, gap.
  const tty = !opts.quiet && process.stderr.isTTY === true;
  let state: Progress = { phase: 'bound' };
  const show = () => {
    const { phase, repaired, toRepair, cost, bound } = state;
    const parts = [`${Math.round((Date.now() - t0) / 1000)} s`, phase];
    if (toRepair) parts.push(`${repaired ?? 0}/${toRepair} regions repaired`);
    if (cost !== undefined && Number.isFinite(cost)) parts.push(`cost ${cost.toFixed(0)}`);
    if (bound !== undefined) parts.push(`bound ${bound.toFixed(0)}`);
    if (cost !== undefined && bound !== undefined && Number.isFinite(cost))
      parts.push(`gap ${percent((cost - bound) / Math.max(1, cost))}`);
    io.err(`\r\x1b[K${problem.members.length} members × ${problem.cells.length} cells: ${parts.join(', ')} `);
  };
  const progress = tty ? setInterval(show, 1000) : undefined;
  const r = await solve(problem, {
    // One deadline for the whole run: reading the spec counts.
    timeLimitSec: Math.max(0.1, opts.timeLimit - (Date.now() - t0) / 1000),
    seed: opts.seed,
    backend: opts.backend,
    ...(opts.gap !== undefined ? { gap: opts.gap } : {}),
    onProgress: (p: Progress) => (state = p),
    ...(opts.exportModel
      ? {
          onModel: (m: { lp: string; mps: () => string }) =>
            writeFileAtomic(opts.exportModel!, opts.exportModel!.toLowerCase().endsWith('.mps') ? m.mps() : m.lp),
        }
      : {}),
  });
  // The solver's threads hold HiGHS's WebAssembly memory: freed before the calendars are rendered.
  await shutdownBackends();
  if (progress) {
    clearInterval(progress);
    io.err('\r\x1b[K');
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
          ...(opts.recordTime ? { timeMs: r.timeMs } : {}),
        },
      },
      violations,
      {
        lang: opts.lang,
        generatedAt,
        reminderMinutes: opts.reminderMinutes,
        ...(re ? { changesCsv: re.csv } : {}),
      },
    ),
  );
  if (!opts.quiet) io.err(summary(problem, r, violations));
  if (!opts.quiet && re && replanning) io.err(replanSummary(replanning, re.info));
  const violationLine = violationLines(problem);
  for (const v of violations) io.err(violationLine(v) + '\n');
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
