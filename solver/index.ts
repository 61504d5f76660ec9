// solve(problem, options): the plan that meets every hard rule and is best for the soft goals, proven optimal when
// the backend says so; when rules cannot all hold, the plan that breaks them least, with what it breaks.
// "infeasible-relaxed" and "timed-out" are returned statuses, never thrown.
import type { Problem, Violation, Visit } from '../src/domain/types.js';
import { backend as makeBackend } from './backends/index.js';
import type { Backend, BackendName, BackendResult } from './backends/types.js';
import { toLp, toMps } from './lp.js';
import { assignmentModel, buildNetwork, matchVisits, networkUnsuitable } from './network.js';
import { buildModel, type BuiltModel, type Forced } from './model.js';

export type SolveStatus = 'optimal' | 'feasible' | 'infeasible-relaxed' | 'timed-out' | 'no-plan';

export interface SolveOptions {
  readonly timeLimitSec?: number;
  readonly seed?: number;
  readonly backend?: BackendName;
  /** `mip` skips the network model and solves the full model (for cross-checks). Default `auto`. */
  readonly method?: 'auto' | 'mip';
  /** Called with the model solved, as CPLEX LP and free MPS text (for --export-model). */
  readonly onModel?: (text: { lp: string; mps: () => string }) => void;
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
  readonly unmet: ReadonlyArray<Unmet>;
  readonly size: { readonly variables: number; readonly rows: number };
  /** `network`: the aggregated network model settled it; `mip`: the full model (solver/model.ts) did. */
  readonly method?: 'network' | 'mip';
  readonly message?: string;
}

type Unmet = Pick<Violation, 'rule' | 'member' | 'cell' | 'date' | 'period'>;

/** A slack that is positive, or a rule a fixed visit forced, as the checker would name it. */
function unmetOf(x: Pick<Forced, 'rule' | 'member' | 'cell' | 'date' | 'period'>): Unmet {
  return {
    rule: x.rule,
    ...(x.member ? { member: x.member as Violation['member'] } : {}),
    ...(x.cell ? { cell: x.cell as Violation['cell'] } : {}),
    ...(x.date ? { date: x.date } : {}),
    ...(x.period ? { period: x.period } : {}),
  };
}

/** Values for every variable of `full` from a solution of the network relaxation, or undefined if it is fractional. */
function lift(full: BuiltModel, net: BuiltModel, values: ReadonlyMap<string, number>): Map<string, number> | undefined {
  const out = new Map<string, number>();
  for (const v of net.model.vars) {
    const x = values.get(v.name) ?? 0;
    if (Math.abs(x - Math.round(x)) > 1e-6) return undefined;
    out.set(v.name, Math.round(x));
  }
  // Rotation variables of the full model: their least value, max(0, visits to the cell - 1).
  for (const row of full.model.rows) {
    if (!row.name.startsWith('rotation#')) continue;
    const [r, ...xs] = [row.terms[row.terms.length - 1]!, ...row.terms.slice(0, -1)];
    const n = xs.reduce((s, [i]) => s + (out.get(full.model.vars[i]!.name) ?? 0), 0);
    out.set(full.model.vars[r[0]]!.name, Math.max(0, n - 1));
  }
  return out;
}

function evaluate(full: BuiltModel, values: ReadonlyMap<string, number>): { feasible: boolean; objective: number } {
  const val = (i: number) => values.get(full.model.vars[i]!.name) ?? 0;
  let feasible = true;
  for (const row of full.model.rows) {
    const sum = row.terms.reduce((s, [i, c]) => s + c * val(i), 0);
    if (sum < row.lo - 1e-6 || sum > row.hi + 1e-6) {
      feasible = false;
      break;
    }
  }
  return { feasible, objective: full.model.vars.reduce((s, v, i) => s + v.obj * val(i), 0) };
}

/** The aggregated network model (solver/network.ts): the answer with its proof, or undefined to fall back. */
async function solveByNetwork(
  problem: Problem,
  backend: Backend,
  backendName: string,
  options: SolveOptions,
  t0: number,
): Promise<SolveResult | undefined> {
  if (networkUnsuitable(problem)) return undefined;
  const net = buildNetwork(problem);
  const lp = toLp(
    net.model,
    `lichdu network model: ${problem.policy.id}, ${problem.year}, ${problem.members.length} members, ${problem.cells.length} cells`,
  );
  const left = () => Math.max(1, (options.timeLimitSec ?? 60) - (performance.now() - t0) / 1000);
  const r = await backend(net.model, lp, { timeLimitSec: left(), seed: options.seed ?? 0 });
  if (r.status !== 'optimal' || !r.values) return undefined;
  const value = (v: number) => r.values!.get(net.model.vars[v]!.name) ?? 0;
  if (net.model.vars.some((_, i) => Math.abs(value(i) - Math.round(value(i))) > 1e-6)) return undefined;
  let matched = matchVisits(problem, net, value);
  if (!matched) {
    const a = assignmentModel(problem, net, value);
    const ra = await backend(a.model, toLp(a.model, 'lichdu assignment of the network plan'), {
      timeLimitSec: left(),
      seed: options.seed ?? 0,
    });
    if (ra.status !== 'optimal' || !ra.values) return undefined;
    matched = [...a.pick].filter(([x]) => (ra.values!.get(a.model.vars[x]!.name) ?? 0) > 0.5).map(([, p]) => p);
  }
  options.onModel?.({ lp, mps: () => toMps(net.model, 'lichdu network model') });
  const visits: Visit[] = matched.map(({ member, meeting, fixed }) => ({
    member: member.id,
    cell: meeting.cell,
    date: meeting.date,
    start: meeting.start,
    end: meeting.end,
    status: fixed ? 'fixed' : 'planned',
  }));
  const unmet = net.slacks.filter((s) => Math.round(value(s.v)) > 0).map(unmetOf);
  return {
    status: unmet.length > 0 ? 'infeasible-relaxed' : 'optimal',
    visits,
    objective: r.objective!,
    bound: r.objective!,
    gap: 0,
    timeMs: Math.round(performance.now() - t0),
    backend: backendName,
    unmet,
    size: { variables: net.model.vars.length, rows: net.model.rows.length },
    method: 'network',
  };
}

export async function solve(problem: Problem, options: SolveOptions = {}): Promise<SolveResult> {
  const t0 = performance.now();
  const backendName = options.backend ?? 'highs';
  const backend = makeBackend(backendName);
  const timeLimitSec = options.timeLimitSec ?? 60;
  const seed = options.seed ?? 0;
  const fast = options.method === 'mip' ? undefined : await solveByNetwork(problem, backend, backendName, options, t0);
  if (fast) return fast;
  const built = buildModel(problem);
  const lp = toLp(
    built.model,
    `lichdu model: ${problem.policy.id}, ${problem.year}, ${problem.members.length} members, ${problem.cells.length} cells`,
  );
  options.onModel?.({ lp, mps: () => toMps(built.model, 'lichdu model') });
  const size = { variables: built.model.vars.length, rows: built.model.rows.length };

  // Phase 1: the network relaxation (an LP whose optimum is integral) gives a lower bound, and often the optimum
  // itself: when its plan keeps the rules it left out at no extra cost, it is optimal for the full model.
  const net = buildModel(problem, { network: true });
  const left = () => Math.max(1, timeLimitSec - (performance.now() - t0) / 1000);
  const r1 = await backend(net.model, toLp(net.model, 'lichdu network relaxation'), { timeLimitSec: left(), seed });
  let bound: number | undefined;
  let incumbent: { values: ReadonlyMap<string, number>; objective: number } | undefined;
  let status: BackendResult['status'] = 'no-solution';
  let message = r1.message;
  if (r1.status === 'optimal' && r1.values) {
    bound = r1.objective!;
    const lifted = lift(built, net, r1.values);
    if (lifted) {
      const e = evaluate(built, lifted);
      if (e.feasible) incumbent = { values: lifted, objective: e.objective };
      if (e.feasible && e.objective <= bound + 1e-6 * Math.max(1, Math.abs(bound))) status = 'optimal';
    }
  }
  // Phase 2: the full MIP, when the relaxation did not settle it.
  if (status !== 'optimal') {
    const r2 = await backend(built.model, lp, { timeLimitSec: left(), seed });
    message = r2.message ?? message;
    if (r2.values && r2.objective !== undefined && (!incumbent || r2.objective < incumbent.objective))
      incumbent = { values: r2.values, objective: r2.objective };
    if (r2.status === 'optimal') {
      status = 'optimal';
      bound = r2.objective;
    } else status = incumbent ? 'timed-out' : 'no-solution';
  }
  const timeMs = Math.round(performance.now() - t0);
  if (!incumbent) {
    return {
      status: 'no-plan',
      visits: [],
      timeMs,
      backend: backendName,
      unmet: [],
      size,
      ...(message ? { message } : {}),
    };
  }
  const values = incumbent.values;
  const value = (v: number) => values.get(built.model.vars[v]!.name) ?? 0;
  const visits: Visit[] = built.candidates
    .filter((c) => value(c.v) > 0.5)
    .map((c) => ({
      member: c.member.id,
      cell: c.cell.id,
      date: c.meeting.date,
      start: c.meeting.start,
      end: c.meeting.end,
      status: c.fixed ? 'fixed' : 'planned',
    }));
  const unmet = [...built.slacks.filter((s) => Math.round(value(s.v)) > 0), ...built.forced].map(unmetOf);
  const objective = incumbent.objective;
  const gap = bound !== undefined ? Math.max(0, objective - bound) / Math.max(1, Math.abs(objective)) : undefined;
  const final: SolveStatus = status === 'timed-out' ? 'timed-out' : unmet.length > 0 ? 'infeasible-relaxed' : 'optimal';
  return {
    status: final,
    visits,
    objective,
    ...(bound !== undefined ? { bound } : {}),
    ...(gap !== undefined ? { gap } : {}),
    timeMs,
    backend: backendName,
    unmet,
    size,
    method: 'mip',
  };
}
