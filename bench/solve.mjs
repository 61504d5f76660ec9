// Solver benchmark (issue 3): for each instance, `lichdu plan --export-model` and CBC on the exported model, side by
// side: variables, rows, solve time (lichdu: model building and solving, from plan.json; CBC: its whole run), wall
// time of the whole command (lichdu: also reading the spec and writing plan.json, plan.csv and every calendar), peak
// memory, objective, bound, gap. Run after `npm run build`:
//   npm run bench            (S, M, L)        node bench/solve.mjs L+days L+teams L+fixed L+monthly XL
// (variants: bench/instances.mjs makeVariant)
// TIME_LIMIT (seconds, default 120) bounds each solver run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeVariant, SIZES } from './instances.mjs';

const sizes = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['S', 'M'];
const LIMIT = Number(process.env.TIME_LIMIT ?? 120);
const timed = (cmd, args) => {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: (LIMIT + 60) * 1000,
  });
  const last = (r.stderr ?? '').trim().split('\n').pop() ?? '';
  const [wall, kb] = last.split(' ').map(Number);
  return { ...r, wall, mb: kb / 1024 };
};
const fmt = (x, d = 2) =>
  x === null || x === undefined || Number.isNaN(x) ? '–' : typeof x === 'number' ? x.toFixed(d) : String(x);
const rows = [];
for (const size of sizes) {
  const z = SIZES[size.split('+')[0]];
  const dir = mkdtempSync(join(tmpdir(), `lichdu-bench-${size.replace('+', '-')}-`));
  const spec = join(dir, 'spec.json');
  writeFileSync(spec, JSON.stringify(makeVariant(size)));
  const lp = join(dir, 'model.lp');
  const run = timed(process.execPath, [
    'dist/bin/lichdu.js',
    'plan',
    spec,
    '-o',
    join(dir, 'out'),
    '--export-model',
    lp,
    '--time-limit',
    String(LIMIT),
    '--record-time',
  ]);
  const summary = (run.stderr ?? '').split('\n').find((l) => l.startsWith('Plan ')) ?? run.stderr?.slice(0, 300);
  const vars = /(\d+) variables, (\d+) rows/.exec(summary ?? '') ?? [];
  let plan = {};
  if (existsSync(join(dir, 'out', 'plan.json')))
    plan = JSON.parse(readFileSync(join(dir, 'out', 'plan.json'), 'utf8')).solver ?? {};
  const instance = `${size}: ${z.communes}×${z.cells} cells, ${z.communes * z.commune}+${z.province} members`;
  rows.push([
    instance,
    'lichdu (HiGHS)',
    vars[1],
    vars[2],
    plan.time_ms ? fmt(plan.time_ms / 1000, 2) : '–',
    fmt(run.wall, 1),
    fmt(run.mb, 0),
    fmt(plan.objective),
    fmt(plan.bound),
    plan.gap === undefined || plan.gap === null ? '–' : `${(100 * plan.gap).toFixed(3)} %`,
    plan.status ?? `exit ${run.status}`,
  ]);
  if (existsSync('/usr/bin/cbc') && existsSync(lp)) {
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
      'CBC on the exported model',
      vars[1],
      vars[2],
      fmt(cbc.wall, 2),
      fmt(cbc.wall, 1),
      fmt(cbc.mb, 0),
      fmt(obj ? Number(obj) : undefined),
      fmt(lower ? Number(lower) : undefined),
      gapLine ? `${(100 * Number(gapLine)).toFixed(3)} %` : '–',
      status.trim(),
    ]);
  }
}
const head = [
  'instance',
  'solver',
  'variables',
  'rows',
  'solve s',
  'wall s',
  'peak MB',
  'objective',
  'bound',
  'gap',
  'status',
];
console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
