// solve(problem, options): the plan that meets every hard rule and is best for the soft goals, proven optimal when
// the backend says so; when rules cannot all hold, the plan that breaks them least, with what it breaks.
// The strategy only: the network formulation first (exact with a proof when its plan can be matched to meetings),
// else the full formulation (its LP relaxation for the bound, then the MIP). "infeasible-relaxed", "timed-out" and
// "no-plan" are returned statuses, never thrown. Every plan's objective is recomputed from its visits (planCost).
import type { Problem, Violation, Visit } from '../src/domain/types.js';
import { backend as makeBackend } from './backends/index.js';
import type { Backend, BackendName } from './backends/types.js';
import { toLp, toMps } from './lp.js';
import { unmetOf, type FullFormulation } from './formulation.js';
import { buildFull } from './formulations/full.js';
import { buildNetwork, networkUnsuitable } from './formulations/network.js';
import { assignmentModel, matchVisits, type Assigned } from './formulations/networkDecode.js';
import { planCost } from './objective.js';

export type SolveStatus = 'optimal' | 'infeasible-relaxed' | 'timed-out' | 'no-plan';

export interface SolveOptions {
  readonly timeLimitSec?: number;
  readonly seed?: number;
  readonly backend?: BackendName;
  /** `mip` skips the network formulation and solves the full one (for cross-checks). Default `auto`. */
  readonly method?: 'auto' | 'mip';
  /** Called with the model solved, as CPLEX LP and free MPS text (for --export-model). */
  readonly onModel?: (text: { lp: string; mps: () => string }) => void;
}

export interface SolveResult {
  readonly status: SolveStatus;
  readonly visits: Visit[];
  /** The plan's cost, recomputed from its visits by planCost (solver/objective.ts). */
  readonly objective?: number;
  readonly bound?: number;
  readonly gap?: number;
  readonly timeMs: number;
  readonly backend: string;
  /** The rules the plan does not meet, read from the model's rule rows: the checker's violations, as data. */
  readonly unmet: readonly Violation[];
  readonly size: { readonly variables: number; readonly rows: number };
  /** `network`: the network formulation settled it; `mip`: the full formulation did. */
  readonly method?: 'network' | 'mip';
  /** Why no plan, or what the backend said. */
  readonly message?: string;
  /** The backend crashed (e.g. out of memory), as opposed to finding nothing in time. */
  readonly crashed?: boolean;
}

interface Run {
  readonly problem: Problem;
  readonly backend: Backend;
  readonly backendName: string;
  readonly options: SolveOptions;
  readonly t0: number;
}

const secondsLeft = (run: Run) => Math.max(1, (run.options.timeLimitSec ?? 60) - (performance.now() - run.t0) / 1000);

const toVisit = ({ member, meeting, fixed }: Assigned): Visit => ({
  member: member.id,
  cell: meeting.cell,
  date: meeting.date,
  start: meeting.start,
  end: meeting.end,
  status: fixed ? 'fixed' : 'planned',
});

function result(run: Run, fields: Omit<SolveResult, 'timeMs' | 'backend' | 'objective' | 'gap'>): SolveResult {
  // Rounded to a millionth: the priority bonus is a sum of thirds, and plan.json should not show 100829.99999999999.
  const objective = Math.round(planCost(run.problem, fields.visits) * 1e6) / 1e6;
  // Costs are sums of fractions (the priority bonus): a difference below a millionth is rounding, not a gap.
  const scale = Math.max(1, Math.abs(objective));
  const diff = fields.bound !== undefined ? objective - fields.bound : undefined;
  const gap = diff === undefined ? undefined : diff <= 1e-6 * scale ? 0 : diff / scale;
  return {
    ...fields,
    objective,
    ...(gap !== undefined ? { gap } : {}),
    timeMs: Math.round(performance.now() - run.t0),
    backend: run.backendName,
  };
}

/** The network formulation: the answer with its proof, or undefined to fall back. */
async function viaNetwork(run: Run): Promise<SolveResult | undefined> {
  if (networkUnsuitable(run.problem)) return undefined;
  const net = buildNetwork(run.problem);
  const { problem, options } = run;
  const title =
    `lichdu network model: ${problem.policy.id}, ${problem.year}, ${problem.members.length} ` +
    `members, ${problem.cells.length} cells`;
  const lp = toLp(net.model, title);
  const r = await run.backend(net.model, lp, { timeLimitSec: secondsLeft(run), seed: options.seed ?? 0 });
  if (r.status !== 'optimal' || !r.values) return undefined;
  const value = (v: number) => r.values!.get(net.model.vars[v]!.name) ?? 0;
  if (net.model.vars.some((_, i) => Math.abs(value(i) - Math.round(value(i))) > 1e-6)) return undefined;
  let matched = matchVisits(net, value);
  if (!matched) {
    const a = assignmentModel(net, value);
    const lpA = toLp(a.model, 'lichdu assignment of the network plan');
    const ra = await run.backend(a.model, lpA, { timeLimitSec: secondsLeft(run), seed: options.seed ?? 0 });
    if (ra.status !== 'optimal' || !ra.values) return undefined;
    matched = [...a.pick].filter(([x]) => (ra.values!.get(a.model.vars[x]!.name) ?? 0) > 0.5).map(([, p]) => p);
  }
  options.onModel?.({ lp, mps: () => toMps(net.model, 'lichdu network model') });
  const unmet = unmetOf(net, value);
  return result(run, {
    status: unmet.length > 0 ? 'infeasible-relaxed' : 'optimal',
    visits: matched.map(toVisit),
    bound: r.objective!,
    unmet,
    size: { variables: net.model.vars.length, rows: net.model.rows.length },
    method: 'network',
  });
}

/** Values of the full formulation from a solution of its LP relaxation, or undefined if that is fractional. */
function lift(relaxed: FullFormulation, values: ReadonlyMap<string, number>): Map<number, number> | undefined {
  const out = new Map<number, number>();
  for (const c of relaxed.candidates) {
    const x = values.get(relaxed.model.vars[c.v]!.name) ?? 0;
    if (Math.abs(x - Math.round(x)) > 1e-6) return undefined;
    out.set(c.v, Math.round(x));
  }
  return out;
}

/**
 * Whether a 0/1 choice of candidates keeps every hard row of the full formulation: the maxima, as far as fixed visits
 * allow (minima have shortfall slacks, soft goals penalty variables: those rows always hold).
 */
function keepsHardRows(full: FullFormulation, chosen: ReadonlyMap<number, number>): boolean {
  return full.ruleRows.every((r) => {
    if (r.max === undefined) return true;
    const count = r.terms.reduce((s, t) => s + (chosen.get(t.v) ?? 0), 0);
    return (
      count <=
      Math.max(
        r.max,
        r.terms.reduce((s, t) => s + t.fixed, 0),
      )
    );
  });
}

async function viaFull(run: Run): Promise<SolveResult> {
  const { problem, options } = run;
  const seed = options.seed ?? 0;
  const full = buildFull(problem);
  const title =
    `lichdu model: ${problem.policy.id}, ${problem.year}, ${problem.members.length} members, ` +
    `${problem.cells.length} cells`;
  const lp = toLp(full.model, title);
  options.onModel?.({ lp, mps: () => toMps(full.model, 'lichdu model') });
  const size = { variables: full.model.vars.length, rows: full.model.rows.length };
  const visitsOf = (chosen: (v: number) => number): Visit[] =>
    full.candidates.filter((c) => chosen(c.v) > 0.5).map((c) => toVisit({ ...c, fixed: c.fixed > 0 }));

  // Phase 1: the LP relaxation gives a lower bound, and often the optimum itself: when its plan keeps the rules it
  // left out, at no extra cost, it is optimal for the full formulation.
  const relaxed = buildFull(problem, { relaxed: true });
  const r1 = await run.backend(relaxed.model, toLp(relaxed.model, 'lichdu LP relaxation'), {
    timeLimitSec: secondsLeft(run),
    seed,
  });
  let bound: number | undefined;
  let incumbent: ReadonlyMap<number, number> | undefined;
  let message = r1.message;
  if (r1.status === 'optimal' && r1.values) {
    bound = r1.objective!;
    const lifted = lift(relaxed, r1.values);
    // Candidates are created in the same order in both builds: index i of one is index i of the other.
    if (lifted && keepsHardRows(full, lifted)) {
      incumbent = lifted;
      const cost = planCost(
        problem,
        visitsOf((v) => lifted.get(v) ?? 0),
      );
      if (cost <= bound + 1e-6 * Math.max(1, Math.abs(bound))) {
        const value = (v: number) => lifted.get(v) ?? 0;
        const unmet = unmetOf(full, value);
        return result(run, {
          status: unmet.length > 0 ? 'infeasible-relaxed' : 'optimal',
          visits: visitsOf(value),
          bound,
          unmet,
          size,
          method: 'mip',
        });
      }
    }
  }
  // Phase 2: the full MIP.
  const r2 = await run.backend(full.model, lp, { timeLimitSec: secondsLeft(run), seed });
  message = r2.message ?? message;
  let proven = false;
  if (r2.values && r2.objective !== undefined) {
    const fromMip = new Map(
      full.candidates.map((c) => [c.v, Math.round(r2.values!.get(full.model.vars[c.v]!.name) ?? 0)]),
    );
    const better =
      !incumbent ||
      planCost(
        problem,
        visitsOf((v) => fromMip.get(v) ?? 0),
      ) <=
        planCost(
          problem,
          visitsOf((v) => incumbent!.get(v) ?? 0),
        );
    if (better) incumbent = fromMip;
    if (r2.status === 'optimal') {
      proven = true;
      bound = r2.objective;
    }
  }
  if (!incumbent) {
    return {
      status: 'no-plan',
      visits: [],
      timeMs: Math.round(performance.now() - run.t0),
      backend: run.backendName,
      unmet: [],
      size,
      ...(message ? { message } : {}),
      ...(r2.status === 'crashed' || r1.status === 'crashed' ? { crashed: true } : {}),
    };
  }
  const chosen = incumbent;
  const value = (v: number) => chosen.get(v) ?? 0;
  const unmet = unmetOf(full, value);
  return result(run, {
    status: !proven ? 'timed-out' : unmet.length > 0 ? 'infeasible-relaxed' : 'optimal',
    visits: visitsOf(value),
    ...(bound !== undefined ? { bound } : {}),
    unmet,
    size,
    method: 'mip',
  });
}

export async function solve(problem: Problem, options: SolveOptions = {}): Promise<SolveResult> {
  const backendName = options.backend ?? 'highs';
  const run: Run = { problem, backend: makeBackend(backendName), backendName, options, t0: performance.now() };
  const fast = options.method === 'mip' ? undefined : await viaNetwork(run);
  return fast ?? viaFull(run);
}

export { planCost } from './objective.js';
