// solve(problem, options): the plan that meets every hard rule and is best for the soft goals, with a lower bound
// and the gap between them; when rules cannot all hold, the plan that breaks them least, with what it breaks.
// Anytime (issue 22): every stage only ever improves the plan in hand (./search/incumbent.ts), which is ready to be
// written whenever the time limit comes or the caller stops the solve (`signal`). The stages, under one deadline:
//  1. construction (./search/construct.ts): a complete plan without any LP, in well under a second, made while the
//     other core solves the first LP (sent to it just before);
//  2. the bound: when the full formulation is small enough (FULL_LIMIT), its LP with every row — on the example it
//     is integral and closes the gap at once; otherwise the network formulation's LP over the whole problem, whose
//     flows are matched day by day and repaired region by region where the matching cannot keep their cost
//     (./regions.ts); where the full LP is fractional, it and the plan in hand are combined (lpDive);
//  3. improvement: the full MIP when it is small enough, else large-neighbourhood search (./search/lns.ts): windows
//     of the plan solved again exactly as small MIPs, the rest held;
//  4. stop when the gap meets its target (proven optimum where the full model is small, else LARGE_GAP), the time is
//     up, or the caller stops.
// Statuses are returned, never thrown; every plan's cost is recomputed from its visits (planCost) and its unmet
// rules read from the solver's rule rows (planUnmet).
import type { Problem, Violation, Visit } from '../src/domain/types.js';
import { VisitSet } from '../src/domain/plan.js';
import { backend as makeBackend, warmBackend } from './backends/index.js';
import type { Backend, BackendName, BackendResult } from './backends/types.js';
import { continuous, fixAndReduce, modelChunks, type Model, type ModelFormat } from './lp.js';
import { SHORTFALL_COST, type FullFormulation, type NetworkFormulation } from './formulation.js';
import { buildFull } from './formulations/full.js';
import { buildNetwork } from './formulations/network.js';
import { planCost } from './goals/index.js';
import { planUnmet } from './evaluate.js';
import { PIECE_LIMIT, planByRegions, toVisit } from './regions.js';
import { construct } from './search/construct.js';
import { Incumbent, relGap, type Method, type Progress, type TimelinePoint } from './search/incumbent.js';
import { improveByWindows } from './search/lns.js';

export type { Progress, TimelinePoint } from './search/incumbent.js';

/**
 * `optimal`: every hard rule holds and the plan costs its bound; `feasible`: every hard rule holds, within the gap
 * target of the bound (or nothing more could be tried); `timed-out`: every hard rule holds, and the time limit or the
 * caller stopped the solve before the gap met its target; `infeasible-relaxed`: the plan breaks the rules listed in
 * `unmet`; `no-plan`: nothing to write.
 */
export type SolveStatus = 'optimal' | 'feasible' | 'timed-out' | 'infeasible-relaxed' | 'no-plan';

/** Why the solve stopped before its gap target: the time limit, or the caller (Ctrl-C, SIGTERM). */
export type StopReason = 'time-limit' | 'user';

export interface SolveOptions {
  readonly timeLimitSec?: number;
  readonly seed?: number;
  readonly backend?: BackendName;
  /** `mip` skips the network formulation and solves the full one (for cross-checks). Default `auto`. */
  readonly method?: 'auto' | 'mip';
  /** Candidates above which the monolithic full model is not tried, MIP or LP (default FULL_LIMIT for the MIP and
   * FULL_LP_LIMIT for its LP alone; 0: always decompose). */
  readonly fullLimit?: number;
  /** Candidates above which the full model's LP alone is not solved either (default: fullLimit if given, else
   * FULL_LP_LIMIT). */
  readonly fullLpLimit?: number;
  /** Stop improving once the relative gap to the bound is at most this. Default: 0 where the full model is small
   * (prove the optimum), else LARGE_GAP. */
  readonly gap?: number;
  /** False: no construction stage (tests of the later stages on their own). Default true. */
  readonly construction?: boolean;
  /** performance.now() that progress and the timeline count from (the command's start); default the solve's. */
  readonly startedAt?: number;
  /** Stops the solve: the plan in hand is returned, as when the time limit comes. */
  readonly signal?: AbortSignal;
  /** Called as the solve moves on: the stage, and the plan's cost, the bound and the gap where known. */
  readonly onProgress?: (p: Progress) => void;
  /**
   * Called once with the plan the solve returns, before its unmet rules are computed (0.2 s on 2,800 cells): a caller
   * may start writing it meanwhile. The array is the result's `visits`.
   */
  readonly onChosen?: (visits: readonly Visit[]) => void;
  /** Called once with the full formulation's text in chunks (for --export-model), whatever path solves. */
  readonly onModel?: (chunks: (format: ModelFormat) => Iterable<string>) => void;
}

export interface SolveResult {
  readonly status: SolveStatus;
  readonly visits: Visit[];
  /** The plan's cost, recomputed from its visits by planCost (solver/goals). */
  readonly objective?: number;
  readonly bound?: number;
  readonly gap?: number;
  readonly timeMs: number;
  readonly backend: string;
  /** The rules the plan does not meet, read from the model's rule rows: the checker's violations, as data. */
  readonly unmet: readonly Violation[];
  /**
   * Whether the missing visits of `unmet` are proven unavoidable: the bound shows that no plan misses fewer for less
   * than one missing visit's cost (a plan stopped early may not know). Rules broken by fixed visits always are.
   */
  readonly shortfallsProven: boolean;
  /** Set when the solve stopped before its gap target. */
  readonly stopped?: StopReason;
  readonly size: { readonly variables: number; readonly rows: number };
  /** Which stage found the plan returned. */
  readonly method?: Method;
  /** Why no plan, or what the backend said. */
  readonly message?: string;
  /** The backend crashed (e.g. out of memory), as opposed to finding nothing in time. */
  readonly crashed?: boolean;
  /** The stages the solve went through, in order, each with why it was taken (or why the solve stopped there). */
  readonly steps: readonly SolveStep[];
  /** Each improvement of the plan in hand or of the bound, with its time. */
  readonly timeline: readonly TimelinePoint[];
}

export interface SolveStep {
  readonly stage:
    'construction' | 'network' | 'integral' | 'regions' | 'full LP' | 'full model' | 'improvement' | 'stop';
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
  readonly best: Incumbent;
  size: SolveResult['size'];
  message?: string;
  crashed?: boolean;
}

/** The gap target where the full model is small enough: prove the optimum... */
export const DEFAULT_GAP = 0;
/** ...and within 0.1 % of the bound where it is not (the decomposition's rounds cannot prove more). */
export const LARGE_GAP = 0.001;
/**
 * The relative gap at which a piece's MIP may stop: 0, each piece is solved to its own optimum (pieces are small;
 * PIECE_SECONDS caps the time, after which the piece's best plan is used if it is better than the plan in hand's).
 */
export const PIECE_GAP = 0;
/**
 * Seconds a piece's MIP may take: its best plan then is kept when better than the matching's. Most take 0.3–2 s, found
 * at the root by HiGHS's sub-MIP; 2 s cut Q+teams' first pieces short whenever the machine ran slow (their plans then
 * still far off: 0.1 % after 10–76 s instead of 4–7 s), and a piece's result then depended on the machine's speed.
 */
export const PIECE_SECONDS = 5;
/** How often, at most, the region repair's plan in progress is offered as the plan in hand (ms). */
const OFFER_EVERY_MS = 5000;
/** Seconds the LP's plan and the plan in hand may be combined (lpDive) before the other stages go on. */
export const DIVE_SECONDS = 10;
/** Meetings from which the solver's thread warms up on an LP of the network model's size (warmBackend). */
const WARM_MEETINGS = 10_000;
/** Candidates above which the monolithic full MIP is never built (WebAssembly's heap; measured: README). */
export const FULL_LIMIT = PIECE_LIMIT;
/**
 * Candidates up to which the full model's LP alone is still solved for its bound when the network's leaves a gap
 * (measured on 2 cores: 25,200 candidates 0.8 s to build + 1.6–3.6 s; 63,000 2 s + 7.7 s; 195,000 6 s + 35 s).
 */
export const FULL_LP_LIMIT = 80_000;

const secondsLeft = (run: Run) => Math.max(0.05, (run.deadline - performance.now()) / 1000);
const stoppedBy = (run: Run): StopReason | undefined =>
  run.options.signal?.aborted ? 'user' : run.deadline - performance.now() < 50 ? 'time-limit' : undefined;
const outOfTime = (run: Run) => stoppedBy(run) !== undefined;
const backendOpts = (run: Run, extra: { timeLimitSec?: number; gap?: number } = {}) => ({
  timeLimitSec: extra.timeLimitSec ?? secondsLeft(run),
  seed: run.options.seed ?? 0,
  ...(extra.gap !== undefined ? { gap: extra.gap } : {}),
  ...(run.options.signal ? { signal: run.options.signal } : {}),
});

/** The full formulation's candidates, counted without building it: what decides whether it may be built. */
export function fullSize(problem: Problem): number {
  const perCell = new Map<string, number>();
  for (const mt of problem.meetings) perCell.set(mt.cell, (perCell.get(mt.cell) ?? 0) + 1);
  let n = 0;
  for (const m of problem.members) for (const c of m.eligibleCells) n += perCell.get(c) ?? 0;
  return n;
}

const sizeOf = (f: { model: { vars: unknown[]; rows: unknown[] } }) => ({
  variables: f.model.vars.length,
  rows: f.model.rows.length,
});

/** The gap target in force. */
const targetOf = (run: Run, small: boolean) => run.options.gap ?? (small ? DEFAULT_GAP : LARGE_GAP);
const within = (run: Run, target: number) => (run.best.gap ?? Infinity) <= target;

function finish(run: Run, target: number): SolveResult {
  const timeMs = Math.round(performance.now() - run.t0);
  const { best } = run;
  const base = {
    timeMs,
    backend: run.backendName,
    size: run.size,
    steps: run.steps,
    timeline: best.timeline,
    ...(run.message ? { message: run.message } : {}),
    ...(run.crashed ? { crashed: true } : {}),
  };
  if (!best.visits) return { status: 'no-plan', visits: [], unmet: [], shortfallsProven: false, ...base };
  run.options.onChosen?.(best.visits);
  // Rounded to a millionth: the priority bonus is a sum of thirds, and plan.json should not show 100829.99999999999.
  const objective = Math.round(best.cost * 1e6) / 1e6;
  const gap = relGap(best.cost, best.bound);
  const unmet = planUnmet(run.problem, best.visits);
  const stopped = gap !== undefined && gap <= target ? undefined : stoppedBy(run);
  const status: SolveStatus =
    unmet.length > 0 ? 'infeasible-relaxed' : gap === 0 ? 'optimal' : stopped ? 'timed-out' : 'feasible';
  return {
    status,
    visits: best.visits,
    objective,
    ...(best.bound !== undefined ? { bound: best.bound } : {}),
    ...(gap !== undefined ? { gap } : {}),
    unmet,
    shortfallsProven: best.bound !== undefined && best.cost - best.bound < SHORTFALL_COST,
    ...(stopped ? { stopped } : {}),
    ...(best.method ? { method: best.method } : {}),
    ...base,
  };
}

/** The first LP, sent to a solver thread before the construction runs: the network's, or the full model's. */
interface Early {
  readonly net?: NetworkFormulation;
  readonly full?: FullFormulation;
  readonly result: Promise<BackendResult>;
}

function startFirstLp(run: Run, small: boolean): Early {
  if (small || run.options.method === 'mip') {
    const full = buildFull(run.problem);
    return { full, result: run.backend(continuous(full.model), backendOpts(run)) };
  }
  const net = buildNetwork(run.problem);
  return { net, result: run.backend(net.model, backendOpts(run)) };
}

/** The network formulation's LP over the whole problem: the lower bound, and an integral plan of flows. */
async function networkStep(run: Run, early?: Early) {
  const net = early?.net ?? buildNetwork(run.problem);
  run.size = sizeOf(net);
  const r = await (early?.result ?? run.backend(net.model, backendOpts(run)));
  const flows = await integralFlows(
    net,
    r,
    (model) => run.backend(model, backendOpts(run)),
    (why) => run.steps.push({ stage: 'integral', why }),
  );
  return { net, ...flows };
}

/**
 * The network LP's bound and an integral plan of flows from its solution `r`: the members whose visits the LP left
 * fractional (rare: the home-cell, rotation and quarter rows are not all flow rows) are solved again with integer
 * variables (`solveModel`); everyone else keeps the LP's integral flows, so the model stays as easy as the LP (on
 * 2,800 cells with fixed visits: 16 fractional flows of 3 members; the whole network as a MIP took 13 s, with the
 * others fixed and left out 0.1 s). The bound stays the LP's.
 */
export async function integralFlows(
  net: NetworkFormulation,
  r: BackendResult,
  solveModel: (model: Model) => Promise<BackendResult>,
  onFractional?: (why: string) => void,
): Promise<{ value?: (v: number) => number; bound?: number; message?: string; crashed?: boolean }> {
  if (r.status !== 'optimal' || !r.values) return { message: r.message, crashed: r.status === 'crashed' };
  const bound = r.objective!;
  const values = r.values;
  const isFractional = (v: number) => Math.abs(values[v]! - Math.round(values[v]!)) > 1e-6;
  const loose = new Set(
    [...net.memberTerms].filter(([, terms]) => terms.some((t) => isFractional(t.v))).map(([member]) => member),
  );
  const looseCells = [...net.cellTerms.values()].some((terms) => terms.some((t) => isFractional(t.v)));
  if (loose.size > 0 || looseCells) {
    onFractional?.(
      `the network LP left ${loose.size} member(s)' flows` +
        `${looseCells ? " and some meetings' visitors" : ''} fractional`,
    );
    const keep = new Map<number, number>();
    const lpValue = (v: number) => Math.round(values[v]!);
    for (const [member, terms] of net.memberTerms)
      if (!loose.has(member)) for (const t of terms) keep.set(t.v, lpValue(t.v));
    // The meetings of days no loose member can attend keep their visitors too.
    for (const g of net.groups)
      if (!g.flows.some((fl) => loose.has(fl.member.id))) for (const t of g.meetings) keep.set(t.v, lpValue(t.v));
    const integral = fixAndReduce(net.model, keep);
    const ri = await solveModel(integral.model);
    if (!ri.values) return { bound, message: ri.message, crashed: ri.status === 'crashed' };
    integral.original.forEach((v, j) => (values[v] = ri.values![j]!));
  }
  return { value: (v: number) => Math.round(values[v]!), bound };
}

function pieceSolver(run: Run) {
  return async (f: FullFormulation) => {
    if (outOfTime(run)) return undefined;
    const r = await run.backend(
      f.model,
      backendOpts(run, { timeLimitSec: Math.min(PIECE_SECONDS, secondsLeft(run)), gap: PIECE_GAP }),
    );
    return r.values;
  };
}

const visitsOf = (full: FullFormulation, chosen: (v: number) => number): Visit[] =>
  full.candidates.filter((c) => chosen(c.v) > 0.5).map((c) => toVisit({ ...c, fixed: c.held > 0 }));

/**
 * The full formulation's LP, every row kept and every variable continuous: its optimum bounds every plan (on binding
 * team limits far better than the network's aggregate row: M+teams 96,856 against 92,774); when it is integral (the
 * example's is), it keeps every row and is the optimum.
 */
async function fullLpStep(run: Run, full: FullFormulation, why: string, early?: Early): Promise<void> {
  const { best } = run;
  best.enter('bound');
  run.steps.push({ stage: 'full LP', why: `${why}: its LP bounds every plan` });
  const r = await (early?.result ?? run.backend(continuous(full.model), backendOpts(run)));
  run.message = r.message ?? run.message;
  if (r.status !== 'optimal' || !r.values) return;
  const x = (v: number) => r.values![v]!;
  const isIntegral = (v: number) => Math.abs(x(v) - Math.round(x(v))) <= 1e-6;
  const integral = full.candidates.every((c) => isIntegral(c.v));
  if (integral)
    best.offer(
      visitsOf(full, (v) => Math.round(x(v))),
      'mip',
    );
  best.raise(r.objective!);
  if (!integral && !within(run, targetOf(run, false)) && !outOfTime(run)) await lpDive(run, full, x, isIntegral);
}

/**
 * The LP's plan and the plan in hand combined (relaxation-induced neighbourhood search): every candidate on which the
 * LP and the plan agree stays as it is, the others are solved again as a small MIP that starts from the plan in hand,
 * so that it can only improve. M+teams: 2,224 of 24,288 candidates left free; the plan went from 0.55 % above the
 * bound to the optimum in 3–4 s, where the region repair took nine to reach 0.03 %. Better plans are taken as HiGHS
 * finds them, and the MIP is stopped once the gap meets its target (DIVE_SECONDS at most).
 */
async function lpDive(
  run: Run,
  full: FullFormulation,
  x: (v: number) => number,
  isIntegral: (v: number) => boolean,
): Promise<void> {
  // Each candidate as the plan in hand has it (1 or 0); NaN for the other variables, which HiGHS completes.
  const held = new VisitSet(run.best.visits ?? []);
  const planned = new Float64Array(full.model.vars.length).fill(Number.NaN);
  for (const c of full.candidates)
    planned[c.v] = held.has({ member: c.member.id, cell: c.cell.id, date: c.date }) ? 1 : 0;
  const keep = new Map<number, number>();
  for (const c of full.candidates)
    if (isIntegral(c.v) && Math.round(x(c.v)) === planned[c.v]) keep.set(c.v, planned[c.v]!);
  run.steps.push({
    stage: 'full LP',
    why:
      `the LP left some candidates fractional: the ${full.candidates.length - keep.size} on which it and the plan ` +
      'in hand disagree are solved again as a MIP',
  });
  run.best.enter('full model');
  const reduced = fixAndReduce(full.model, keep, 'model');
  const start = Float64Array.from(reduced.original, (v) => planned[v]!);
  const offer = (values: Float64Array) => {
    const value = new Float64Array(full.model.vars.length);
    for (const [v, k] of keep) value[v] = k;
    reduced.original.forEach((v, j) => (value[v] = values[j]!));
    run.best.offer(
      visitsOf(full, (v) => Math.round(value[v]!)),
      'mip',
    );
  };
  // Each better plan the MIP finds is taken as it comes; the MIP is stopped once the gap meets its target.
  const enough = new AbortController();
  const stop = () => enough.abort();
  run.options.signal?.addEventListener('abort', stop);
  try {
    const r = await run.backend(reduced.model, {
      ...backendOpts(run, { timeLimitSec: Math.min(DIVE_SECONDS, secondsLeft(run)), gap: PIECE_GAP }),
      start,
      signal: enough.signal,
      onImproved: (found) => {
        offer(found.values);
        if (within(run, targetOf(run, false))) stop();
      },
    });
    if (r.values) offer(r.values);
  } finally {
    run.options.signal?.removeEventListener('abort', stop);
  }
}

/** The full formulation: its LP, then, while the gap is above the target, the MIP, within what is left of the time.
 * The plan in hand stays when the MIP finds nothing better. */
async function viaFull(run: Run, target: number, why: string, early?: Early): Promise<void> {
  const { problem, best } = run;
  const full = early?.full ?? buildFull(problem);
  run.size = sizeOf(full);
  await fullLpStep(run, full, why, early);
  if (within(run, target) || outOfTime(run)) return;
  best.enter('full model');
  run.steps.push({ stage: 'full model', why: `the gap ${best.gap ?? '(no bound)'} is above the target ${target}` });
  const r2 = await run.backend(full.model, backendOpts(run, { gap: target }));
  run.message = r2.message ?? run.message;
  if (r2.status === 'crashed') run.crashed = true;
  if (r2.values && r2.objective !== undefined) {
    best.offer(
      visitsOf(full, (v) => Math.round(r2.values![v]!)),
      'mip',
    );
    if (r2.status === 'optimal' && target === 0) best.raise(r2.objective);
  }
}

/** The network LP's bound and plan of flows, matched and repaired region by region. */
async function viaNetwork(run: Run, target: number, beforeMatching: () => Promise<void>, early?: Early): Promise<void> {
  const { problem, best } = run;
  best.enter('bound');
  run.steps.push({ stage: 'network', why: 'the bound and a plan of flows: the network LP over the whole problem' });
  const step = await networkStep(run, early);
  if (step.bound !== undefined) best.raise(step.bound);
  if (!step.value) {
    run.message = step.message;
    if (step.crashed) run.crashed = true;
    return;
  }
  if (within(run, target) || outOfTime(run)) return;
  await beforeMatching();
  if (within(run, target) || outOfTime(run)) return;
  best.enter('matching');
  let offeredAt = -Infinity;
  /** Whether a plan of this cost (or the plan in hand, if cheaper) is within the gap target. */
  const enough = (cost: number) => (relGap(Math.min(best.cost, cost), best.bound) ?? Infinity) <= target;
  const regions = await planByRegions(step.net, step.value, pieceSolver(run), {
    goOn: (assigned) => !outOfTime(run) && !enough(planCost(problem, assigned.map(toVisit))),
    enough,
    onRepair: (repaired, toRepair) => best.enter('repair', { repaired, toRepair }),
    // The repair's plan is complete at every step: offered after its first piece, then at most every 5 s (pricing it
    // takes 0.1 s on 2,800 cells; once a second cost L+teams a worse plan at 60 s), so that a repair stopped by the
    // time limit has given its better plans already (L+teams: within 1 % at 5 s instead of 60 s).
    onPlan: (plan) => {
      if (performance.now() - offeredAt < OFFER_EVERY_MS) return;
      offeredAt = performance.now();
      best.offer(plan().map(toVisit), 'regions');
    },
    stopped: () => outOfTime(run),
  });
  if (!regions.exact) run.steps.push({ stage: 'regions', why: 'the day-by-day matching did not keep the bound' });
  best.offer(regions.assigned.map(toVisit), regions.exact ? 'network' : 'regions');
}

export async function solve(problem: Problem, options: SolveOptions = {}): Promise<SolveResult> {
  const backendName = options.backend ?? 'highs';
  const t0 = performance.now();
  const deadline = t0 + (options.timeLimitSec ?? 60) * 1000;
  const best = new Incumbent(problem, options.startedAt ?? t0, options.onProgress);
  const run: Run = {
    problem,
    backend: makeBackend(backendName),
    backendName,
    options,
    t0,
    deadline,
    steps: [],
    best,
    size: { variables: 0, rows: 0 },
  };
  if (options.onModel) {
    // The full formulation, whatever path solves the problem: what other solvers are compared on (bench/).
    const full = buildFull(problem);
    options.onModel((format) => modelChunks(full.model, 'lichdu model', format));
  }
  const candidates = fullSize(problem);
  const limit = options.fullLimit ?? FULL_LIMIT;
  const small = options.method === 'mip' || candidates <= limit;
  const target = targetOf(run, small);
  const fullFits = `the full model has ${candidates} candidates, ${small ? 'within' : 'above'} its limit of ${limit}`;

  // 1. A complete plan at once, constructed while the other core solves the first LP (sent to it first): on 2,800
  // cells the construction's second and the LP's are spent side by side.
  let early: Early | undefined;
  if (options.construction !== false) {
    // A province's network model has about three columns per meeting: the solver's thread warms up on an LP of that
    // size while this one builds the model.
    warmBackend(backendName, small || problem.meetings.length < WARM_MEETINGS ? 0 : 3 * problem.meetings.length);
    if (!outOfTime(run)) early = startFirstLp(run, small);
    best.enter('construction');
    run.steps.push({ stage: 'construction', why: 'a complete plan before any LP, ready to write' });
    best.offer(construct(problem).visits, 'construction');
  }

  // 2. and 3. The bound, and the exact models.
  if (!outOfTime(run)) {
    if (options.method === 'mip') {
      run.steps.push({ stage: 'full model', why: 'asked for (method mip)' });
      await viaFull(run, target, 'the full model was asked for', early);
    } else if (small) await viaFull(run, target, fullFits, early);
    else {
      // The full model's LP, where it is not too large, for a bound the network cannot give. Where team limits bind,
      // the network's aggregate team row is a weak bound (M+teams: 92,774 against the optimum 96,856, which the full
      // LP gives): the LP comes before the matching and repair, whose rounds then stop at the target. Elsewhere the
      // network's bound is nearly always tight (M: the optimum itself), and the LP only follows a repair that left a
      // gap.
      const lpFits = candidates <= (options.fullLpLimit ?? options.fullLimit ?? FULL_LP_LIMIT);
      const teamsBind = problem.policy.maxPerTeamPerMeeting < problem.policy.maxVisitorsPerMeeting;
      const fullLp = (when: string) => fullLpStep(run, buildFull(problem), `${when}, and ${fullFits} for its LP`);
      await viaNetwork(
        run,
        target,
        async () => {
          if (lpFits && teamsBind) await fullLp('team limits bind (the network bounds them loosely)');
        },
        early,
      );
      if (lpFits && !teamsBind && !within(run, target) && !outOfTime(run))
        await fullLp('the gap is above the target after the repair');
    }
  }

  // 3. Large-neighbourhood search while the gap is above its target and time is left.
  if (!within(run, target) && !outOfTime(run) && best.bound !== undefined && !small) {
    best.enter('improvement');
    run.steps.push({
      stage: 'improvement',
      why: `the gap ${best.gap} is above the target ${target}: windows of the plan solved again`,
    });
    await improveByWindows(problem, best, pieceSolver(run), {
      goOn: () => !outOfTime(run) && !within(run, target),
      onWindow: (repaired, toRepair) => best.enter('improvement', { repaired, toRepair }),
    });
  }
  const gap = best.gap;
  run.steps.push({
    stage: 'stop',
    why:
      gap === 0
        ? 'proven optimal'
        : gap !== undefined && gap <= target
          ? `the gap ${gap} is within the target ${target}`
          : stoppedBy(run) === 'user'
            ? 'stopped by the caller'
            : outOfTime(run)
              ? 'the time is up'
              : gap === undefined
                ? 'no bound'
                : 'no stage could improve the plan further',
  });
  return finish(run, target);
}

export { planCost } from './goals/index.js';
