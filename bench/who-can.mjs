// How long `who-can` takes on a province (issue 26): the L instance planned (--time-limit 30), then the candidates of
// one visit's meeting listed, against one whole check of the plan for scale. Run after `npm run build`:
//   node bench/who-can.mjs [SIZE]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSpec } from './instances.mjs';
import { loadSpecFile } from '../dist/src/spec/load.js';
import { readPlanFile } from '../dist/src/planfile/index.js';
import { whoCan } from '../dist/src/edit/whoCan.js';
import { checkPlan } from '../dist/src/check/index.js';

const size = process.argv[2] ?? 'L';
const dir = mkdtempSync(join(tmpdir(), 'lichdu-who-can-'));
writeFileSync(join(dir, 'spec.json'), JSON.stringify(makeSpec(size)));
spawnSync('node', ['dist/bin/lichdu.js', 'plan', join(dir, 'spec.json'), '-o', dir, '--time-limit', '30', '--quiet']);
const problem = loadSpecFile(join(dir, 'spec.json')).value;
const visits = (await readPlanFile(join(dir, 'plan.json'), problem)).value.plan.visits;
let t = performance.now();
checkPlan(problem, visits);
const check = performance.now() - t;
for (const i of [100, 5000, 10000]) {
  const v = visits[i % visits.length];
  const meeting = problem.meetings.find((m) => m.cell === v.cell && m.date === v.date);
  t = performance.now();
  const r = whoCan(problem, visits, meeting, v.member);
  const ms = performance.now() - t;
  console.log(
    `${size}: ${problem.cells.length} cells, ${problem.members.length} members, ${visits.length} visits; ` +
      `who-can ${v.cell} ${v.date}: ${ms.toFixed(0)} ms, ${r.candidates.filter((c) => c.ok).length} may go ` +
      `(one whole check: ${check.toFixed(0)} ms)`,
  );
}
