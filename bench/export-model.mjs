// Writes the full formulation of a spec as CPLEX LP text, for CBC (bench/solve.mjs), outside lichdu's timed run:
//   node bench/export-model.mjs SPEC OUT.lp
import { writeFileSync } from 'node:fs';
import { loadSpecFile } from '../dist/src/spec/load.js';
import { buildFull } from '../dist/solver/formulations/full.js';
import { toLp } from '../dist/solver/lp.js';

const [spec, out] = process.argv.slice(2);
const r = loadSpecFile(spec);
if (!r.ok) throw new Error(`${spec}: not a valid spec`);
writeFileSync(out, toLp(buildFull(r.value).model, 'lichdu model'));
