// The combined LP and plan of solver/index.ts lpDive, solved by HiGHS with its default MIP options and with the
// options lichdu gives it (a small cut pool), each with HiGHS's log of when it found what. Run after `npm run build`:
//   node bench/dive.mjs M+teams            (any instance of bench/instances.mjs, or a spec file)
import highsLoader from 'highs';
import { parseSpec, loadSpecFile } from '../dist/src/spec/load.js';
import { buildFull } from '../dist/solver/formulations/full.js';
import { continuous, fixAndReduce, pack } from '../dist/solver/lp.js';
import { nativeModel } from '../dist/solver/backends/highsRun.js';
import { construct } from '../dist/solver/search/construct.js';
import { VisitSet } from '../dist/src/domain/plan.js';
import { makeVariant } from './instances.mjs';

const name = process.argv[2] ?? 'M+teams';
const p = (name.includes('.') ? loadSpecFile(name) : parseSpec(JSON.stringify(makeVariant(name)), `${name}.json`))
  .value;
const full = buildFull(p);
let log = [];
const highs = await highsLoader({ print: (s) => log.push(s), printErr: (s) => log.push(s) });
function native(model) {
  const { packed, columns } = pack(model);
  return { h: nativeModel(highs, packed), columns };
}
const lp = native(continuous(full.model));
lp.h.options.set({ output_flag: false, presolve: 'off' });
lp.h.run();
const x = new Float64Array(full.model.vars.length);
const solution = lp.h.getSolution().colValue;
lp.columns.forEach((j, i) => (x[j] = solution[i]));
const held = new VisitSet(construct(p).visits);
const inPlan = (c) => (held.has({ member: c.member.id, cell: c.cell.id, date: c.date }) ? 1 : 0);
const keep = new Map();
for (const c of full.candidates)
  if (Math.abs(x[c.v] - Math.round(x[c.v])) < 1e-6 && Math.round(x[c.v]) === inPlan(c)) keep.set(c.v, inPlan(c));
const reduced = fixAndReduce(full.model, keep, 'model');
console.log(
  `${name}: LP ${lp.h.getObjectiveValue().toFixed(2)}; ${full.candidates.length - keep.size} of ` +
    `${full.candidates.length} candidates free; the MIP has ${reduced.model.vars.length} variables`,
);
for (const [label, options] of [
  ['HiGHS defaults', {}],
  ['lichdu (mip_pool_soft_limit 50)', { mip_pool_soft_limit: 50 }],
]) {
  const { h, columns } = native(reduced.model);
  const indices = [];
  const values = [];
  columns.forEach((j, i) => {
    const c = full.candidates.find((k) => k.v === reduced.original[j]);
    if (c) [indices[indices.length], values[values.length]] = [i, inPlan(c)];
  });
  h.options.set({ output_flag: true, time_limit: 30, ...options });
  h.setSolution({ indices, values });
  log = [];
  const t = performance.now();
  h.run();
  const s = ((performance.now() - t) / 1000).toFixed(1);
  console.log(`\n${label}: ${s} s, objective ${h.getObjectiveValue().toFixed(2)}; the search:`);
  const at = log.findIndex((l) => l.includes('Solving MIP model with'));
  for (const l of log.slice(at).filter((l) => /^\s*[A-Z]?\s+\d+\s+\d+\s+\d+/.test(l))) console.log(l);
  h.dispose();
}
