// javascript-lp-solver (npm, Unlicense, plain JavaScript): for small models only (it solves nothing much above a
// few hundred binaries in reasonable time).
import { createRequire } from 'node:module';
import type { WorkerInput, WorkerOutput } from './types.js';

const require = createRequire(import.meta.url);
const solver = require('javascript-lp-solver') as { Solve(model: unknown): Record<string, number | boolean> };

export function runJsl(input: WorkerInput): WorkerOutput {
  const { vars, rows } = input;
  const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  const ints: Record<string, 1> = {};
  vars.forEach((v, i) => {
    variables[v.name] = { cost: v.obj };
    if (v.integer) ints[v.name] = 1;
    const b = `bound#${i}`;
    constraints[b] = {
      ...(v.lb > -Infinity && v.lb !== 0 ? { min: v.lb } : {}),
      ...(v.ub < Infinity ? { max: v.ub } : {}),
    };
    variables[v.name]![b] = 1;
  });
  rows.forEach((r, k) => {
    const name = `row#${k}`;
    constraints[name] =
      r.lo === r.hi
        ? { equal: r.lo }
        : { ...(r.lo > -Infinity ? { min: r.lo } : {}), ...(r.hi < Infinity ? { max: r.hi } : {}) };
    for (const [i, c] of r.terms) variables[vars[i]!.name]![name] = (variables[vars[i]!.name]![name] ?? 0) + c;
  });
  const t0 = Date.now();
  const r = solver.Solve({
    optimize: 'cost',
    opType: 'min',
    constraints,
    variables,
    ints,
    options: { timeout: input.timeLimitSec * 1000, tolerance: input.gap },
  });
  if (!r.feasible) return { status: 'infeasible' };
  const values: Array<[string, number]> = vars.map((v) => [
    v.name,
    typeof r[v.name] === 'number' ? (r[v.name] as number) : 0,
  ]);
  const objective = vars.reduce((s, v, i) => s + v.obj * values[i]![1], 0);
  return { status: Date.now() - t0 < input.timeLimitSec * 1000 ? 'optimal' : 'timed-out', objective, values };
}
