// How the model reaches HiGHS: the same LP (the network formulation, or the full one's relaxation) given as CPLEX LP
// text (highs.solve, the earlier way) and as typed arrays (highs.createModel, solver/lp.ts pack), in one process, with
// the time to make the input, to solve, and whether the LP's optimum came out integral. Run after `npm run build`:
//   node bench/highs-input.mjs example M L        (`example` is the bundled example; its model is the full LP's)
import highsLoader from 'highs';
import { loadSpecFile, parseSpec } from '../dist/src/spec/load.js';
import { buildFull } from '../dist/solver/formulations/full.js';
import { buildNetwork } from '../dist/solver/formulations/network.js';
import { continuous, pack, toLp } from '../dist/solver/lp.js';
import { nativeModel } from '../dist/solver/backends/highsRun.js';
import { makeVariant } from './instances.mjs';

const highs = await highsLoader();
const fractional = (xs) => [...xs].filter((x) => Math.abs(x - Math.round(x)) > 1e-6).length;
const s = (t0) => ((performance.now() - t0) / 1000).toFixed(2);
console.log('| instance | model | variables | rows | input | make s | solve s | objective | fractional |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const name of process.argv.slice(2)) {
  const problem = (
    name === 'example'
      ? loadSpecFile('fixtures/example/spec.yaml')
      : parseSpec(JSON.stringify(makeVariant(name)), `${name}.json`)
  ).value;
  const kind = name === 'example' ? 'full LP' : 'network LP';
  const model = name === 'example' ? continuous(buildFull(problem).model) : buildNetwork(problem).model;
  const row = (input, make, solve, obj, frac) =>
    console.log(
      `| ${name} | ${kind} | ${model.vars.length} | ${model.rows.length} | ` +
        `${input} | ${make} | ${solve} | ${obj} | ${frac} |`,
    );
  let t = performance.now();
  const text = toLp(model, 'bench');
  const makeText = s(t);
  t = performance.now();
  const r = highs.solve(text, { presolve: 'off', output_flag: false });
  row(
    'LP text',
    makeText,
    s(t),
    r.ObjectiveValue.toFixed(2),
    fractional(Object.values(r.Columns).map((c) => c.Primal)),
  );
  t = performance.now();
  const { packed: m } = pack(model);
  const makeArrays = s(t);
  t = performance.now();
  const hm = nativeModel(highs, m);
  hm.options.set({ presolve: 'off', output_flag: false });
  hm.run();
  row('arrays', makeArrays, s(t), hm.getObjectiveValue().toFixed(2), fractional(hm.getSolution().colValue));
  hm.dispose();
}
