// HiGHS (npm `highs`, MIT, WebAssembly): given the model's arrays, one native model per solve.
import highsModule from 'highs';
import type { Highs } from 'highs';
import type { PackedModel } from '../lp.js';
import type { ImprovedMessage, WorkerInput, WorkerOutput } from './types.js';

// The package's ESM entry exports the loader as default; its CommonJS-flavoured types make TypeScript see a namespace.
const loadHighs = ((highsModule as unknown as { default?: unknown }).default ??
  highsModule) as unknown as () => Promise<Highs>;

let instance: Promise<Highs> | undefined;

/** Costs 0–99 from a fixed linear congruential sequence: the same warm-up every time. */
function warmCosts(n: number): Float64Array {
  let q = 12345;
  return Float64Array.from({ length: n }, () =>
    Math.floor(((q = (q * 1103515245 + 12345) % 2147483648) / 2147483648) * 100),
  );
}

/**
 * Loads the library ahead of the first solve (the worker's `warm` message), and runs its simplex once on a small
 * transportation LP (80 × 80, 0.1 s): a fresh instance's first large LP is slower than the same LP solved again
 * (2,800 cells' network LP: HiGHS's run 1.16 s first, 0.84 s first after this warm-up, 0.6 s a second time). With
 * `columns`, a sparse LP of that many columns (each in two of `columns / 4` rows) instead: 0.15–0.2 s for 100,000.
 */
export async function warmHighs(columns = 0): Promise<void> {
  const highs = await (instance ??= loadHighs());
  const model = highs.createModel(columns > 80 * 80 ? sparseWarmLp(highs, columns) : assignmentWarmLp(highs, 80));
  try {
    model.options.set({ output_flag: false, presolve: 'off' });
    model.run();
  } finally {
    model.dispose();
  }
}

type WarmLp = Parameters<Highs['createModel']>[0];

/** n × n assignment: every column in its row and its column's row, each row = 1. */
function assignmentWarmLp(highs: Highs, n: number): WarmLp {
  const cols = n * n;
  const indices = new Int32Array(2 * cols);
  for (let j = 0; j < cols; j++) [indices[2 * j], indices[2 * j + 1]] = [Math.floor(j / n), n + (j % n)];
  return warmLp(cols, 2 * n, indices, new Float64Array(cols).fill(highs.infinity), 1, 1);
}

/** `columns` columns in [0, 1], each in two of `columns / 4` rows, each row ≤ 2. */
function sparseWarmLp(highs: Highs, columns: number): WarmLp {
  const rows = 2 * Math.ceil(columns / 8);
  const half = rows / 2;
  const indices = new Int32Array(2 * columns);
  for (let j = 0; j < columns; j++) [indices[2 * j], indices[2 * j + 1]] = [j % half, half + ((j * 7919) % half)];
  return warmLp(columns, rows, indices, new Float64Array(columns).fill(1), -highs.infinity, 2);
}

function warmLp(cols: number, rows: number, indices: Int32Array, upper: Float64Array, lo: number, hi: number): WarmLp {
  return {
    numCols: cols,
    numRows: rows,
    colCost: warmCosts(cols),
    colLower: new Float64Array(cols),
    colUpper: upper,
    rowLower: new Float64Array(rows).fill(lo),
    rowUpper: new Float64Array(rows).fill(hi),
    matrix: {
      format: 'csc',
      numRows: rows,
      numCols: cols,
      starts: Int32Array.from({ length: cols + 1 }, (_, j) => 2 * j),
      indices,
      values: new Float64Array(2 * cols).fill(1),
    },
  };
}

/** HiGHS's own model of a packed model (the benchmarks use it too). */
export function nativeModel(highs: Highs, m: PackedModel): ReturnType<Highs['createModel']> {
  // The model's ±Infinity are HiGHS's own where `highs.infinity` is Infinity (this build): the bounds go as they are,
  // not copied.
  const bound = (a: Float64Array) =>
    highs.infinity === Infinity ? a : a.map((x) => (Math.abs(x) === Infinity ? Math.sign(x) * highs.infinity : x));
  return highs.createModel({
    numCols: m.numCols,
    numRows: m.numRows,
    colCost: m.colCost,
    colLower: bound(m.colLower),
    colUpper: bound(m.colUpper),
    rowLower: bound(m.rowLower),
    rowUpper: bound(m.rowUpper),
    matrix: {
      format: 'csr',
      numRows: m.numRows,
      numCols: m.numCols,
      starts: m.starts,
      indices: m.index,
      values: m.value,
    },
    ...(m.integer.includes(1) ? { integrality: Int32Array.from(m.integer) } : {}),
  });
}

export async function runHighs(input: WorkerInput, onImproved?: (m: ImprovedMessage) => void): Promise<WorkerOutput> {
  // One instance per worker; a worker whose solve failed is replaced, so a broken instance is never reused.
  const highs = await (instance ??= loadHighs());
  const m = input.model;
  const mip = m.integer.includes(1);
  const model = nativeModel(highs, m);
  try {
    model.options.set({
      // A pure LP (the network formulation, an LP relaxation): without presolve, HiGHS's dual simplex is faster on
      // these flow-like models.
      ...(mip ? {} : { presolve: 'off' }),
      // A MIP: a small cut pool. The models' LP bounds are tight (the root's bound is often the optimum): on the
      // combined LP and plan of M+teams (lpDive) HiGHS spent 5 s making 9,500 cuts that did not move it, and found
      // the optimum in 3–4 s instead of 7–10 s with the pool held to 50 rows (`node bench/dive.mjs M+teams`).
      ...(mip ? { mip_pool_soft_limit: 50 } : {}),
      time_limit: input.timeLimitSec,
      random_seed: input.seed,
      mip_rel_gap: input.gap,
      output_flag: false,
    });
    if (mip && input.start) {
      // A start with gaps (NaN: a value HiGHS is to complete) is given entry by entry.
      const known = [...input.start.keys()].filter((j) => !Number.isNaN(input.start![j]));
      if (known.length === m.numCols) model.setSolution({ colValue: input.start });
      else model.setSolution({ indices: known, values: known.map((j) => input.start![j]!) });
    }
    const codes = highs.constants;
    if (mip && input.stream && onImproved)
      model.run({
        [codes.callbackType.mipImprovingSolution]: (event) => {
          const x = event.data.mip_solution;
          const objective = event.data.objective_function_value;
          if (x && objective !== undefined) onImproved({ kind: 'improved', objective, values: Float64Array.from(x) });
        },
      });
    else model.run();
    const status = model.getModelStatus();
    const solved = () => ({
      objective: model.getObjectiveValue(),
      values: Float64Array.from(model.getSolution().colValue),
    });
    if (status === codes.modelStatus.optimal) return { status: 'optimal', ...solved() };
    // Nothing to choose (no candidate at all): the empty plan, at no cost.
    if (status === codes.modelStatus.empty)
      return { status: 'optimal', objective: 0, values: new Float64Array(m.numCols) };
    if (status === codes.modelStatus.infeasible) return { status: 'infeasible' };
    const feasible = Number(model.info.get('primal_solution_status')) === codes.solutionStatus.feasible;
    if (status === codes.modelStatus.timeLimit || status === codes.modelStatus.interrupted)
      return feasible ? { status: 'timed-out', ...solved() } : { status: 'no-solution', message: 'Time limit reached' };
    return { status: 'no-solution', message: `HiGHS model status ${status}` };
  } finally {
    model.dispose();
  }
}
