// lichdu plan SPEC -o DIR: solves the spec and writes plan.json, plan.csv and ics/.
import { writeFileAtomic } from '../util/atomic.js';
import { checkPlan, quality } from '../check/index.js';
import type { Problem, Violation } from '../domain/types.js';
import type { Lang } from '../export/labels.js';
import { resolveGeneratedAt, writePlanFiles } from '../export/planFiles.js';
import { loadSpecFile } from '../spec/load.js';
import { solve, type Progress } from '../../solver/index.js';
import { precheck } from '../../solver/precheck.js';
import { shutdownBackends, type BackendName } from '../../solver/backends/index.js';
import { extraRange, violationLines } from './check.js';
import { EXIT, type Io } from './io.js';
import { outputFileIssues, stampedOutputIssues, unwrapWith, withFolderLock, writeOrRefuse } from './outputs.js';

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
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

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
      `priority cells (${pct(q.priorityCellShare)} of cells) receive ${pct(q.priorityVisitShare)} of visits`,
      `visits per quarter ${q.visitsPerQuarter.join(' ')}`,
      `${q.spreadOnTarget} of ${q.membersWithQuota} members spread ⌊q/4⌋–⌈q/4⌉ a quarter`,
      `visits beyond the quota per member ${extraRange(q)}`,
      `objective ${r.objective?.toFixed(2) ?? '–'}, bound ${r.bound?.toFixed(2) ?? 'unknown'}, ` +
        `gap ${r.gap !== undefined ? pct(r.gap) : 'unknown'}`,
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
  ]);
  return withFolderLock(opts.out, () => solveAndWrite(problem, opts, io, t0));
}

async function solveAndWrite(problem: Problem, opts: PlanOptions, io: Io, t0: number): Promise<number> {
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
      parts.push(`gap ${pct((cost - bound) / Math.max(1, cost))}`);
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
  await writeOrRefuse(() =>
    writePlanFiles(
      opts.out,
      problem,
      {
        visits: r.visits,
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
        generatedAt: resolveGeneratedAt(problem.year, opts.generatedAt),
        reminderMinutes: opts.reminderMinutes,
      },
    ),
  );
  if (!opts.quiet) io.err(summary(problem, r, violations));
  const violationLine = violationLines(problem);
  for (const v of violations) io.err(violationLine(v) + '\n');
  return violations.length === 0 ? EXIT.ok : EXIT.violations;
}
