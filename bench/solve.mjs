// Solver benchmark: for each instance, `lichdu plan` (exit code, status, bound, objective, gap, solve time from
// plan.json, wall time of the whole command — reading the spec to writing the last calendar —, peak memory, and the
// verdict of `lichdu check` on what it wrote), then native CBC on the same full model (exported outside lichdu's
// timed run by bench/export-model.mjs; CBC=0 skips it), with the ratio of the two walls. Run after `npm run build`:
//   npm run bench            (S, M, L)        node bench/solve.mjs L+days L+teams L+fixed L+monthly L+district XL
// (variants: bench/instances.mjs makeVariant)
// TIME_LIMIT (seconds, default 120) bounds each solver run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeVariant, SIZES } from './instances.mjs';
import { timed as timedFor, verdict } from './common.mjs';

const sizes = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['S', 'M'];
const LIMIT = Number(process.env.TIME_LIMIT ?? 120);
const timed = (cmd, args) => timedFor(cmd, args, LIMIT);
const fmt = (x, d = 2) =>
  x === null || x === undefined || Number.isNaN(x) ? '–' : typeof x === 'number' ? x.toFixed(d) : String(x);
const rows = [];
for (const size of sizes) {
  const z = SIZES[size.split('+')[0]];
  const dir = mkdtempSync(join(tmpdir(), `lichdu-bench-${size.replace('+', '-')}-`));
  const spec = join(dir, 'spec.json');
  writeFileSync(spec, JSON.stringify(makeVariant(size)));
  const out = join(dir, 'out');
  const run = timed(process.execPath, [
    'dist/bin/lichdu.js',
    'plan',
    spec,
    '-o',
    out,
    '--time-limit',
    String(LIMIT),
    '--record-time',
  ]);
  let plan = {};
  if (existsSync(join(out, 'plan.json'))) plan = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')).solver ?? {};
  // The independent checker's verdict on what was written.
  const checked = verdict(spec, join(out, 'plan.json'));
  const instance = `${size}: ${z.communes * z.cells} cells, ${z.communes * z.commune + z.province} members`;
  const gap = (g) => (g === undefined || g === null ? '–' : `${(100 * g).toFixed(3)} %`);
  rows.push([
    instance,
    'lichdu',
    String(run.status),
    plan.status ?? '–',
    fmt(plan.bound),
    fmt(plan.objective),
    gap(plan.gap),
    plan.time_ms ? fmt(plan.time_ms / 1000, 2) : '–',
    fmt(run.wall, 1),
    fmt(run.mb, 0),
    checked,
  ]);
  if (existsSync('/usr/bin/cbc') && process.env.CBC !== '0') {
    // CBC on the same full model, exported outside lichdu's timed run.
    const lp = join(dir, 'model.lp');
    spawnSync(process.execPath, ['bench/export-model.mjs', spec, lp], { stdio: 'inherit' });
    const cbc = timed('/usr/bin/cbc', [lp, 'sec', String(LIMIT), 'solve', 'quit']);
    const obj = (/Objective value:\s+([-\d.e+]+)/.exec(cbc.stdout ?? '') ??
      /Optimal - objective value ([-\d.e+]+)/.exec(cbc.stdout ?? ''))?.[1];
    const status =
      /Result - (.*)/.exec(cbc.stdout ?? '')?.[1] ??
      (/^Optimal - objective value/m.test(cbc.stdout ?? '')
        ? 'Optimal (LP)'
        : (cbc.stdout ?? '').split('\n').slice(-3).join(' ').slice(0, 80));
    const gapLine = /Gap:\s+([-\d.e+]+)/.exec(cbc.stdout ?? '')?.[1];
    const lower = /Lower bound:\s+([-\d.e+]+)/.exec(cbc.stdout ?? '')?.[1];
    rows.push([
      instance,
      `CBC, full model (wall ×${fmt(cbc.wall / run.wall, 1)} lichdu's)`,
      String(cbc.status),
      status.trim(),
      fmt(lower ? Number(lower) : obj && /Optimal/.test(status) ? Number(obj) : undefined),
      fmt(obj ? Number(obj) : undefined),
      gapLine ? gap(Number(gapLine)) : /Optimal/.test(status) ? gap(0) : '–',
      '–',
      fmt(cbc.wall, 1),
      fmt(cbc.mb, 0),
      '–',
    ]);
  }
}
const head = [
  'instance',
  'solver',
  'exit',
  'status',
  'bound',
  'objective',
  'gap',
  'solve s',
  'wall s',
  'peak MB',
  'checker',
];
console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
