// The anytime benchmark (issue 22): for each instance, `lichdu plan --record-time` as a user runs it, and from the
// timeline it records in plan.json (each better plan or bound, in ms from the command's start): the time to the
// first plan, to a gap of 1 % and of 0.1 %, the final status and gap, the end-to-end wall time (spec read to the last
// calendar written), the peak memory and the checker's verdict on what was written. Where native CBC (Debian
// coinor-cbc) is on the PATH, CBC then solves the same full model (exported outside lichdu's timed run) in the same
// run, with the ratio of the walls. Each row is printed as soon as it is measured. Run after `npm run build`:
//   npm run bench:variants                       (every variant of M and L, and XL)
//   node bench/variants.mjs example M+teams L    (any instances; `example` is the bundled example)
// TIME_LIMIT (seconds, default 60) bounds each run; CBC=0 skips CBC.
import { spawnSync } from 'node:child_process';
import { timed, verdict } from './common.mjs';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeVariant } from './instances.mjs';

const DEFAULT = ['example', 'M', 'M+days', 'M+teams', 'M+fixed', 'M+monthly', 'M+district', 'M+home', 'L', 'L+days'];
const names =
  process.argv.slice(2).length > 0 ? process.argv.slice(2) : [...DEFAULT, 'Q+teams', 'L+teams', 'L+fixed', 'XL'];
const LIMIT = Number(process.env.TIME_LIMIT ?? 60);
const CBC = process.env.CBC !== '0' && existsSync('/usr/bin/cbc');

const s1 = (ms) => (ms === undefined ? '–' : (ms / 1000).toFixed(1));
const pct = (g) => (g === undefined || g === null ? '–' : `${(100 * g).toFixed(3)} %`);
const gapOf = (p) =>
  p.cost === undefined || p.bound === undefined ? undefined : (p.cost - p.bound) / Math.max(1, p.cost);
/** The first time the timeline's gap is at most `g`. */
const firstWithin = (timeline, g) => timeline.find((p) => (gapOf(p) ?? Infinity) <= g + 1e-9)?.ms;

const head = [
  'instance',
  'cells',
  'members',
  'first plan s',
  '1 % s',
  '0.1 % s',
  'status',
  'gap',
  'wall s',
  'peak MB',
  'checker',
  'CBC s (status)',
  'CBC ÷ lichdu',
];
console.log(`TIME_LIMIT=${LIMIT} s, ${CBC ? 'CBC in the same run' : 'no CBC'}; times from the command's start`);
console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
for (const name of names) {
  const dir = mkdtempSync(join(tmpdir(), `lichdu-bench-${name.replace('+', '-')}-`));
  let spec = 'fixtures/example/spec.yaml';
  if (name !== 'example') {
    spec = join(dir, 'spec.json');
    writeFileSync(spec, JSON.stringify(makeVariant(name)));
  }
  const out = join(dir, 'out');
  const run = timed(
    process.execPath,
    ['dist/bin/lichdu.js', 'plan', spec, '-o', out, '--time-limit', String(LIMIT), '--record-time', '--quiet'],
    LIMIT,
  );
  const planFile = join(out, 'plan.json');
  const doc = existsSync(planFile) ? JSON.parse(readFileSync(planFile, 'utf8')) : undefined;
  const solver = doc?.solver ?? {};
  const timeline = solver.timeline ?? [];
  const checked = verdict(spec, planFile);
  let cbcCell = '–';
  let ratio = '–';
  if (CBC) {
    const lp = join(dir, 'model.lp');
    spawnSync(process.execPath, ['bench/export-model.mjs', spec, lp], { stdio: 'inherit' });
    const cbc = timed('/usr/bin/cbc', [lp, 'sec', String(LIMIT), 'solve', 'quit'], LIMIT);
    const status =
      /Result - (.*)/.exec(cbc.stdout ?? '')?.[1]?.trim() ??
      (/^Optimal - objective value/m.test(cbc.stdout ?? '') ? 'Optimal (LP)' : `exit ${cbc.status}`);
    // Killed at the run's timeout (LIMIT + 120 s: CBC does not always keep to its own limit): no answer.
    if (cbc.status === null) cbcCell = `no answer within ${LIMIT + 120} s`;
    else {
      cbcCell = `${cbc.wall.toFixed(1)} (${status})`;
      ratio = (cbc.wall / run.wall).toFixed(1);
    }
  }
  const members = doc?.directory?.members?.length;
  const cells = doc?.directory?.cells?.length;
  const row = [
    name,
    cells ?? '–',
    members ?? '–',
    s1(timeline.find((p) => p.cost !== undefined)?.ms),
    s1(firstWithin(timeline, 0.01)),
    s1(firstWithin(timeline, 0.001)),
    `${solver.status ?? `exit ${run.status}`}${solver.stopped ? ` (stopped: ${solver.stopped})` : ''}`,
    pct(solver.gap ?? undefined),
    run.wall.toFixed(1),
    run.mb.toFixed(0),
    checked,
    cbcCell,
    ratio,
  ];
  console.log(`| ${row.join(' | ')} |`);
}
