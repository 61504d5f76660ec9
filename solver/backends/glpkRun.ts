// GLPK (npm `glpk.js`, GPL-3.0, WebAssembly): built from the model's arrays, column j named x<j>.
import glpkModule from 'glpk.js';
import type { GLPK } from 'glpk.js';
import type { WorkerInput, WorkerOutput } from './types.js';

type Glpk = GLPK;
const makeGlpk = ((glpkModule as unknown as { default?: unknown }).default ?? glpkModule) as unknown as () =>
  Glpk | Promise<Glpk>;

export async function runGlpk(input: WorkerInput): Promise<WorkerOutput> {
  const glpk = await makeGlpk();
  const m = input.model;
  const name = (j: number) => `x${j}`;
  const bnd = (lo: number, hi: number) =>
    lo === hi
      ? { type: glpk.GLP_FX, lb: lo, ub: hi }
      : lo > -Infinity && hi < Infinity
        ? { type: glpk.GLP_DB, lb: lo, ub: hi }
        : lo > -Infinity
          ? { type: glpk.GLP_LO, lb: lo, ub: 0 }
          : hi < Infinity
            ? { type: glpk.GLP_UP, lb: 0, ub: hi }
            : { type: glpk.GLP_FR, lb: 0, ub: 0 };
  const cols = Array.from({ length: m.numCols }, (_, j) => j);
  const lp = {
    name: 'lichdu',
    objective: {
      direction: glpk.GLP_MIN,
      name: 'obj',
      vars: cols.filter((j) => m.colCost[j] !== 0).map((j) => ({ name: name(j), coef: m.colCost[j]! })),
    },
    subjectTo: Array.from({ length: m.numRows }, (_, i) => ({
      name: `r${i}`,
      vars: Array.from({ length: m.starts[i + 1]! - m.starts[i]! }, (_, k) => ({
        name: name(m.index[m.starts[i]! + k]!),
        coef: m.value[m.starts[i]! + k]!,
      })),
      bnds: bnd(m.rowLower[i]!, m.rowUpper[i]!),
    })),
    bounds: cols.map((j) => ({ name: name(j), ...bnd(m.colLower[j]!, m.colUpper[j]!) })),
    generals: cols.filter((j) => m.integer[j] === 1).map(name),
  };
  const r = await glpk.solve(lp, {
    msglev: glpk.GLP_MSG_OFF,
    tmlim: input.timeLimitSec,
    mipgap: input.gap,
    presol: true,
  });
  const s = r.result.status;
  const values = new Float64Array(m.numCols);
  for (const [x, v] of Object.entries(r.result.vars)) values[Number(x.slice(1))] = v;
  if (s === glpk.GLP_OPT) return { status: 'optimal', objective: r.result.z, values };
  if (s === glpk.GLP_FEAS) return { status: 'timed-out', objective: r.result.z, values };
  if (s === glpk.GLP_NOFEAS) return { status: 'infeasible' };
  return { status: 'no-solution', message: `GLPK status ${s}` };
}
