// Writes the full formulation of a spec as CPLEX LP text, for CBC (bench/variants.mjs, bench/solve.mjs), outside
// lichdu's timed run, in chunks (a 5,600-cell model is larger than one string may be):
//   node bench/export-model.mjs SPEC OUT.lp
import { closeSync, openSync, writeSync } from 'node:fs';
import { loadSpecFile } from '../dist/src/spec/load.js';
import { buildFull } from '../dist/solver/formulations/full.js';
import { modelChunks } from '../dist/solver/lp.js';

const [spec, out] = process.argv.slice(2);
const r = loadSpecFile(spec);
if (!r.ok) throw new Error(`${spec}: not a valid spec`);
const fd = openSync(out, 'w');
for (const chunk of modelChunks(buildFull(r.value).model, 'lichdu model', out.endsWith('.mps') ? 'mps' : 'lp'))
  writeSync(fd, chunk);
closeSync(fd);
