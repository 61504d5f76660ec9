// solve(problem, options): the plan that meets every hard rule and is best for the soft goals, with a lower bound
// and the gap between them; when rules cannot all hold, the plan that breaks them least, with what it breaks.
// The strategy, under one deadline: the network formulation's LP over the whole problem gives the bound and a plan
// of flows; regions are matched day by day and, where that cannot keep the network's cost, repaired exactly as
// small pieces (./regions.ts). When the problem is small enough for the monolithic full MIP (FULL_LIMIT) and the
// gap is above the target, the full formulation closes it. No model above PIECE_LIMIT candidates is ever built.
// Statuses are returned, never thrown; every plan's cost is recomputed from its visits (planCost) and its unmet
// rules read from the solver's rule rows (planUnmet).
import type { Problem, Violation, Visit } from '../src/domain/types.js';
import { backend as makeBackend } from './backends/index.js';
import type { Backend, BackendName } from './backends/types.js';
import { fixAndReduce, toLp, toMps } from './lp.js';
import type { FullFormulation } from './formulation.js';
import { buildFull } from './formulations/full.js';
import { buildNetwork } from './formulations/network.js';
import { planCost } from './goals/index.js';
import { planUnmet } from './evaluate.js';
import { PIECE_LIMIT, planByRegions, toVisit } from './regions.js';

/**
 * `optimal`: every hard rule holds and the plan costs its bound; `feasible`: every hard rule holds, within the gap
 * target of the bound (or nothing more could be tried); `timed-out`: the best plan when the time limit came;
 * `infeasible-relaxed`: the plan breaks the rules listed in `unmet`; `no-plan`: nothing to write.
 */
export type SolveStatus = 'optimal' | 'feasible' | 'timed-out' | 'infeasible-relaxed' | 'no-plan';

export interface SolveOptions {
  readonly timeLimitSec?: number;
  readonly seed?: number;
  readonly backend?: BackendName;
  /** `mip` skips the network formulation and solves the full one (for cross-checks). Default `auto`. */
  readonly method?: 'auto' | 'mip';
  /** Candidates above which the monolithic full MIP is not tried (default FULL_LIMIT; 0: always decompose). */
  readonly fullLimit?: number;
  /** Stop improving once the relative gap to the bound is at most this. Default 0: prove the optimum if time allows. */
  readonly gap?: number;
  /** Called as the solve moves on: phase, and the plan's cost and bound where known. */
  readonly onProgress?: (p: Progress) => void;
  /** Called with the full formulation, as CPLEX LP and free MPS text (for --export-model), whatever path solves. */
  readonly onModel?: (text: { lp: string; mps: () => string }) => void;
}

export interface Progress {
  readonly phase: 'bound' | 'matching' | 'repair' | 'full model';
  readonly repaired?: number;
  readonly toRepair?: number;
  readonly cost?: number;
  readonly bound?: number;
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
  /** `network`: the network formulation and its matching; `regions`: with region repair; `mip`: the full model. */
  readonly method?: 'network' | 'regions' | 'mip';
  /** Why no plan, or what the backend said. */
  readonly message?: string;
  /** The backend crashed (e.g. out of memory), as opposed to finding nothing in time. */
  readonly crashed?: boolean;
  /** The stages the solve went through, in order, each with why it was taken (or why the solve stopped there). */
  readonly steps: readonly SolveStep[];
}

export interface SolveStep {
  readonly stage: 'network' | 'integral' | 'regions' | 'full model' | 'stop';
  readonly why: string;
}

interface Run {
  readonly problem: Problem;
  readonly backend: Backend;
  readonly backendName: string;
  readonly options: SolveOptions;
  readonly t0: number;
  /** performance.now() at which the time limit is reached: one deadline for every phase. */
  readonly deadline: number;
  /** What the solve did and why, as it goes. */
  readonly steps: SolveStep[];
}

/** The gap target when none is given: prove the optimum when the full model is small enough to try... */
export const DEFAULT_GAP = 0;
/** ...and within 0.1 % of the bound when it is not (the decomposition's rounds cannot prove more). */
export const LARGE_GAP = 0.001;
/**
 * The relative gap at which a piece's MIP may stop: 0, each piece is solved to its own optimum (pieces are small;
 * PIECE_SECONDS caps the time, after which the piece's best plan is used if it is better than the matching's).
 */
export const PIECE_GAP = 0;
/** Seconds a piece's MIP may take: its best plan then is kept when better than the matching's (most take < 0.5 s). */
export const PIECE_SECONDS = 2;
/** Candidates above which the monolithic full MIP is never built (WebAssembly's heap; measured: README). */
export const FULL_LIMIT = PIECE_LIMIT;

const secondsLeft = (run: Run) => Math.max(0.05, (run.deadline - performance.now()) / 1000);
const outOfTime = (run: Run) => run.deadline - performance.now() < 50;

/** The full formulation's candidates, counted without building it: what decides whether it may be built. */
export function fullSize(problem: Problem): number {
  const perCell = new Map<string, number>();
  for (const mt of problem.meetings) perCell.set(mt.cell, (perCell.get(mt.cell) ?? 0) + 1);
  let n = 0;
  for (const m of problem.members) for (const c of m.eligibleCells) n += perCell.get(c) ?? 0;
  return n;
}

/** What a phase found: a plan (possibly empty), what bounds it, and whether it is proven best. */
interface Found {
  readonly visits: Visit[];
  readonly bound?: number;
  readonly proven: boolean;
  readonly method: 'network' | 'regions' | 'mip';
  readonly size: SolveResult['size'];
  readonly noPlan?: boolean;
  readonly message?: string;
  readonly crashed?: boolean;
}

const relGap = (cost: number, bound: number | undefined): number | undefined => {
  if (bound === undefined) return undefined;
  const scale = Math.max(1, Math.abs(cost));
  // Costs are sums of fractions (the priority bonus): a difference below a millionth is rounding, not a gap.
  return cost - bound <= 1e-6 * scale ? 0 : (cost - bound) / scale;
};

function finish(run: Run, found: Found): SolveResult {
  const timeMs = Math.round(performance.now() - run.t0);
  if (found.noPlan) {
    return {
      status: 'no-plan',
      visits: [],
      timeMs,
      backend: run.backendName,
      unmet: [],
      size: found.size,
      ...(found.message ? { message: found.message } : {}),
      ...(found.crashed ? { crashed: true } : {}),
      steps: run.steps,
    };
  }
  // Rounded to a millionth: the priority bonus is a sum of thirds, and plan.json should not show 100829.99999999999.
  const objective = Math.round(planCost(run.problem, found.visits) * 1e6) / 1e6;
  const gap = found.proven ? 0 : relGap(objective, found.bound);
  const bound = found.proven && found.bound === undefined ? objective : found.bound;
  const unmet = planUnmet(run.problem, found.visits);
  const status: SolveStatus =
    unmet.length > 0 ? 'infeasible-relaxed' : gap === 0 ? 'optimal' : outOfTime(run) ? 'timed-out' : 'feasible';
  return {
    status,
    visits: found.visits,
    objective,
    ...(bound !== undefined ? { bound } : {}),
    ...(gap !== undefined ? { gap } : {}),
    timeMs,
    backend: run.backendName,
    unmet,
    size: found.size,
    method: found.method,
    steps: run.steps,
  };
}

const sizeOf = (f: { model: { vars: unknown[]; rows: unknown[] } }) => ({
  variables: f.model.vars.length,
  rows: f.model.rows.length,
});

/** The network formulation's LP over the whole problem: the lower bound, and an integral plan of flows. */
async function networkStep(run: Run) {
  const { problem, options } = run;
  const net = buildNetwork(problem);
  const title =
    `lichdu network model: ${problem.policy.id}, ${problem.year}, ${problem.members.length} ` +
    `members, ${problem.cells.length} cells`;
  const lp = toLp(net.model, title);
  const r = await run.backend(net.model, lp, { timeLimitSec: secondsLeft(run), seed: options.seed ?? 0 });
  if (r.status !== 'optimal' || !r.values) return { net, message: r.message, crashed: r.status === 'crashed' };
  const bound = r.objective!;
  let values = r.values;
  const isFractional = (v: number) => {
    const x = values.get(net.model.vars[v]!.name) ?? 0;
    return Math.abs(x - Math.round(x)) > 1e-6;
  };
  // The members whose visits the LP left fractional (rare: the home-cell, rotation and quarter rows are not all flow
  // rows). Only they are solved again with integer variables; everyone else keeps the LP's integral flows, so the
  // model stays as easy as the LP (on 2,800 cells with fixed visits: 16 fractional flows of 3 members; the whole
  // network as a MIP took 13 s, with the others fixed and left out 0.1 s). The bound stays the LP's.
  const loose = new Set(
    [...net.memberTerms].filter(([, terms]) => terms.some((t) => isFractional(t.v))).map(([member]) => member),
  );
  const looseCells = [...net.cellTerms.values()].some((terms) => terms.some((t) => isFractional(t.v)));
  if (loose.size > 0 || looseCells) {
    run.steps.push({
      stage: 'integral',
      why:
        `the network LP left ${loose.size} member(s)' flows` +
        `${looseCells ? " and some meetings' visitors" : ''} fractional`,
    });
    const keep = new Map<number, number>();
    const lpValue = (v: number) => Math.round(values.get(net.model.vars[v]!.name) ?? 0);
    for (const [member, terms] of net.memberTerms)
      if (!loose.has(member)) for (const t of terms) keep.set(t.v, lpValue(t.v));
    // The meetings of days no loose member can attend keep their visitors too.
    for (const g of net.groups)
      if (!g.flows.some((fl) => loose.has(fl.member.id))) for (const t of g.meetings) keep.set(t.v, lpValue(t.v));
    const integral = fixAndReduce(net.model, keep);
    const ri = await run.backend(integral, toLp(integral, title), {
      timeLimitSec: secondsLeft(run),
      seed: options.seed ?? 0,
    });
    if (!ri.values) return { net, message: ri.message, crashed: ri.status === 'crashed' };
    values = new Map([...values, ...ri.values]);
  }
  const value = (v: number) => Math.round(values.get(net.model.vars[v]!.name) ?? 0);
  return { net, value, bound };
}

function pieceSolver(run: Run) {
  return async (f: FullFormulation, title: string) => {
    if (outOfTime(run)) return undefined;
    const r = await run.backend(f.model, toLp(f.model, title), {
      timeLimitSec: Math.min(PIECE_SECONDS, secondsLeft(run)),
      seed: run.options.seed ?? 0,
      gap: PIECE_GAP,
    });
    if (!r.values) return undefined;
    return new Map(f.model.vars.map((v, i) => [i, r.values!.get(v.name) ?? 0]));
  };
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
        r.terms.reduce((s, t) => s + t.held, 0),
      )
    );
  });
}

/**
 * The full formulation: its LP relaxation for a bound (and often the optimum itself), then the MIP, both within
 * what is left of the time. `incumbent` (a plan found before) is kept when the MIP finds nothing better.
 */
async function viaFull(run: Run, incumbent?: Found): Promise<Found> {
  const { problem, options } = run;
  const seed = options.seed ?? 0;
  const full = buildFull(problem);
  const title =
    `lichdu model: ${problem.policy.id}, ${problem.year}, ${problem.members.length} members, ` +
    `${problem.cells.length} cells`;
  const lp = toLp(full.model, title);
  const size = sizeOf(full);
  const visitsOf = (chosen: (v: number) => number): Visit[] =>
    full.candidates.filter((c) => chosen(c.v) > 0.5).map((c) => toVisit({ ...c, fixed: c.held > 0 }));
  let best = incumbent && !incumbent.noPlan ? incumbent.visits : undefined;
  let bestCost = best ? planCost(problem, best) : Infinity;
  const offer = (visits: Visit[]) => {
    const cost = planCost(problem, visits);
    if (cost < bestCost - 1e-9) [best, bestCost] = [visits, cost];
  };
  let bound = incumbent?.bound;
  const raise = (b: number) => (bound = bound === undefined ? b : Math.max(bound, b));

  // Phase 1: the LP relaxation gives a lower bound, and often the optimum itself: when its plan keeps the rules it
  // left out, at no extra cost, it is optimal for the full formulation.
  const relaxed = buildFull(problem, { relaxed: true });
  const r1 = await run.backend(relaxed.model, toLp(relaxed.model, 'lichdu LP relaxation'), {
    timeLimitSec: secondsLeft(run),
    seed,
  });
  let message = r1.message;
  if (r1.status === 'optimal' && r1.values) {
    raise(r1.objective!);
    const lifted = lift(relaxed, r1.values);
    // Candidates are created in the same order in both builds: index i of one is index i of the other.
    if (lifted && keepsHardRows(full, lifted)) offer(visitsOf((v) => lifted.get(v) ?? 0));
  }
  const target = options.gap ?? DEFAULT_GAP;
  const within = () => best !== undefined && (relGap(bestCost, bound) ?? Infinity) <= target;
  const done = () => best !== undefined && relGap(bestCost, bound) === 0;
  let proven = done();
  if (!within() && !outOfTime(run)) {
    // Phase 2: the full MIP.
    options.onProgress?.({ phase: 'full model', ...(bound !== undefined ? { bound } : {}), cost: bestCost });
    const r2 = await run.backend(full.model, lp, { timeLimitSec: secondsLeft(run), seed, gap: target });
    message = r2.message ?? message;
    if (r2.values && r2.objective !== undefined) {
      offer(visitsOf((v) => Math.round(r2.values!.get(full.model.vars[v]!.name) ?? 0)));
      if (r2.status === 'optimal' && target === 0) {
        raise(r2.objective);
        proven = done();
      }
    }
    if (!best)
      return {
        visits: [],
        proven: false,
        method: 'mip',
        size,
        noPlan: true,
        ...(message ? { message } : {}),
        ...(r2.status === 'crashed' || r1.status === 'crashed' ? { crashed: true } : {}),
      };
  }
  const improved = !incumbent || best !== incumbent.visits;
  return {
    visits: best ?? [],
    ...(bound !== undefined ? { bound } : {}),
    proven,
    method: improved ? 'mip' : incumbent.method,
    size: improved ? size : incumbent.size,
    ...(best ? {} : { noPlan: true }),
  };
}

export async function solve(problem: Problem, options: SolveOptions = {}): Promise<SolveResult> {
  const backendName = options.backend ?? 'highs';
  const t0 = performance.now();
  const deadline = t0 + (options.timeLimitSec ?? 60) * 1000;
  const run: Run = { problem, backend: makeBackend(backendName), backendName, options, t0, deadline, steps: [] };
  if (options.onModel) {
    // The full formulation, whatever path solves the problem: what other solvers are compared on (bench/solve.mjs).
    const full = buildFull(problem);
    options.onModel({ lp: toLp(full.model, 'lichdu model'), mps: () => toMps(full.model, 'lichdu model') });
  }
  if (options.method === 'mip') {
    run.steps.push({ stage: 'full model', why: 'asked for (method mip)' });
    return finish(run, await viaFull(run));
  }
  const candidates = fullSize(problem);
  const limit = options.fullLimit ?? FULL_LIMIT;
  const small = candidates <= limit;
  const fullFits = `the full model has ${candidates} candidates, ${small ? 'within' : 'above'} its limit of ${limit}`;
  const progress = options.onProgress;
  progress?.({ phase: 'bound' });
  run.steps.push({ stage: 'network', why: 'the bound and a plan of flows: the network LP over the whole problem' });
  const step = await networkStep(run);
  if (!step.value) {
    const failed = `the network LP gave no plan (${step.message ?? 'no answer'})`;
    if (small && !outOfTime(run)) {
      run.steps.push({ stage: 'full model', why: `${failed}, and ${fullFits}` });
      return finish(run, await viaFull(run));
    }
    run.steps.push({ stage: 'stop', why: `${failed}; ${outOfTime(run) ? 'the time is up' : fullFits}` });
    return finish(run, {
      visits: [],
      proven: false,
      method: 'network',
      size: sizeOf(step.net),
      noPlan: true,
      ...(step.message ? { message: step.message } : {}),
      ...(step.crashed ? { crashed: true } : {}),
    });
  }
  progress?.({ phase: 'matching', bound: step.bound });
  const target = options.gap ?? LARGE_GAP;
  const regions = await planByRegions(step.net, step.value, pieceSolver(run), {
    goOn: (assigned) =>
      !outOfTime(run) && (relGap(planCost(problem, assigned.map(toVisit)), step.bound) ?? Infinity) > target,
    onRepair: (repaired, toRepair) => progress?.({ phase: 'repair', repaired, toRepair, bound: step.bound }),
  });
  const visits = regions.assigned.map(toVisit);
  const found: Found = {
    visits,
    bound: step.bound,
    proven: regions.exact,
    method: regions.exact ? 'network' : 'regions',
    size: sizeOf(step.net),
  };
  if (!regions.exact) run.steps.push({ stage: 'regions', why: 'the day-by-day matching did not keep the bound' });
  const gap = relGap(planCost(problem, visits), step.bound) ?? Infinity;
  const fullTarget = options.gap ?? DEFAULT_GAP;
  if (!regions.exact && small && gap > fullTarget && !outOfTime(run)) {
    run.steps.push({ stage: 'full model', why: `the gap ${gap} is above the target ${fullTarget}, and ${fullFits}` });
    return finish(run, await viaFull(run, found));
  }
  run.steps.push({
    stage: 'stop',
    why: regions.exact
      ? 'the matching kept the bound: proven optimal'
      : gap <= fullTarget
        ? `the gap ${gap} is within the target ${fullTarget}`
        : outOfTime(run)
          ? 'the time is up'
          : fullFits,
  });
  return finish(run, found);
}

export { planCost } from './goals/index.js';
