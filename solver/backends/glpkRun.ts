// GLPK (npm `glpk.js`, GPL-3.0, WebAssembly): built from the model's rows and bounds.
import glpkModule from 'glpk.js';
import type { GLPK } from 'glpk.js';
import type { WorkerInput, WorkerOutput } from './types.js';

type Glpk = GLPK;
const makeGlpk = ((glpkModule as unknown as { default?: unknown }).default ?? glpkModule) as unknown as () =>
  Glpk | Promise<Glpk>;

export async function runGlpk(input: WorkerInput): Promise<WorkerOutput> {
  const glpk = await makeGlpk();
  const { vars, rows } = input;
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
  const lp = {
    name: 'lichdu',
    objective: {
      direction: glpk.GLP_MIN,
      name: 'obj',
      vars: vars.filter((v) => v.obj !== 0).map((v) => ({ name: v.name, coef: v.obj })),
    },
    subjectTo: rows.map((r) => ({
      name: r.name,
      vars: r.terms.map(([i, c]) => ({ name: vars[i]!.name, coef: c })),
      bnds: bnd(r.lo, r.hi),
    })),
    bounds: vars.map((v) => ({ name: v.name, ...bnd(v.lb, v.ub) })),
    generals: vars.filter((v) => v.integer).map((v) => v.name),
  };
  const r = await glpk.solve(lp, {
    msglev: glpk.GLP_MSG_OFF,
    tmlim: input.timeLimitSec,
    mipgap: input.gap,
    presol: true,
  });
  const s = r.result.status;
  const values = Object.entries(r.result.vars) as Array<[string, number]>;
  if (s === glpk.GLP_OPT) return { status: 'optimal', objective: r.result.z, values };
  if (s === glpk.GLP_FEAS) return { status: 'timed-out', objective: r.result.z, values };
  if (s === glpk.GLP_NOFEAS) return { status: 'infeasible' };
  return { status: 'no-solution', message: `GLPK status ${s}` };
}
