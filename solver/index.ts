// solve(problem, options): the plan that meets every hard rule and is best for the soft goals, proven optimal when
// the backend says so; when rules cannot all hold, the plan that breaks them least, with what it breaks.
// "infeasible-relaxed" and "timed-out" are returned statuses, never thrown.
import type { Problem, Violation, Visit } from '../src/domain/types.js';
import { highsBackend } from './backends/highs.js';
import type { Backend } from './backends/types.js';
import { toLp } from './lp.js';
import { buildModel, type Forced } from './model.js';

export type SolveStatus = 'optimal' | 'feasible' | 'infeasible-relaxed' | 'timed-out' | 'no-plan';

export interface SolveOptions {
  readonly timeLimitSec?: number;
  readonly seed?: number;
  readonly backend?: 'highs';
  /** Called with the model's LP text before solving (for --export-model). */
  readonly onModel?: (lp: string) => void;
}

export interface SolveResult {
  readonly status: SolveStatus;
  readonly visits: Visit[];
  readonly objective?: number;
  readonly bound?: number;
  readonly gap?: number;
  readonly timeMs: number;
  readonly backend: string;
  /** The rules the plan does not meet, straight from the model (slacks and forced fixed visits). */
  readonly unmet: ReadonlyArray<Pick<Violation, 'rule' | 'member' | 'cell' | 'date' | 'period'>>;
  readonly size: { readonly variables: number; readonly rows: number };
  readonly message?: string;
}

const BACKENDS: Record<string, Backend> = { highs: highsBackend };

export async function solve(problem: Problem, options: SolveOptions = {}): Promise<SolveResult> {
  const t0 = performance.now();
  const backendName = options.backend ?? 'highs';
  const built = buildModel(problem);
  const lp = toLp(built.model, `lichdu model: ${problem.policy.id}, ${problem.year}, ${problem.members.length} members, ${problem.cells.length} cells`);
  options.onModel?.(lp);
  const size = { variables: built.model.vars.length, rows: built.model.rows.length };
  const r = await BACKENDS[backendName]!(lp, { timeLimitSec: options.timeLimitSec ?? 60, seed: options.seed ?? 0 });
  const timeMs = Math.round(performance.now() - t0);
  if (!r.values) {
    return { status: 'no-plan', visits: [], timeMs, backend: backendName, unmet: [], size, ...(r.message ? { message: r.message } : {}) };
  }
  const value = (v: number) => r.values!.get(built.model.vars[v]!.name) ?? 0;
  const visits: Visit[] = built.candidates
    .filter((c) => value(c.v) > 0.5)
    .map((c) => ({ member: c.member.id, cell: c.cell.id, date: c.meeting.date, start: c.meeting.start, end: c.meeting.end, status: c.fixed ? 'fixed' : 'planned' }));
  const unmet: Array<Pick<Violation, 'rule' | 'member' | 'cell' | 'date' | 'period'>> = [];
  for (const s of built.slacks) {
    const short = Math.round(value(s.v));
    if (short > 0) unmet.push({ rule: s.rule, ...(s.member ? { member: s.member as never } : {}), ...(s.cell ? { cell: s.cell as never } : {}), period: s.period });
  }
  for (const f of built.forced as Forced[]) unmet.push({ rule: f.rule, ...(f.member ? { member: f.member as never } : {}), ...(f.cell ? { cell: f.cell as never } : {}), ...(f.date ? { date: f.date } : {}), ...(f.period ? { period: f.period } : {}) });
  const objective = r.objective;
  const gap = r.bound !== undefined && objective !== undefined ? Math.abs(objective - r.bound) / Math.max(1, Math.abs(objective)) : undefined;
  const status: SolveStatus = r.status === 'timed-out' ? 'timed-out' : unmet.length > 0 ? 'infeasible-relaxed' : r.status === 'optimal' ? 'optimal' : 'feasible';
  return {
    status,
    visits,
    ...(objective !== undefined ? { objective } : {}),
    ...(r.bound !== undefined ? { bound: r.bound } : {}),
    ...(gap !== undefined ? { gap } : {}),
    timeMs,
    backend: backendName,
    unmet,
    size,
  };
}
