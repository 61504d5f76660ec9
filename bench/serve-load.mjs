// Load benchmark of `lichdu serve` on loopback only: a synthetic plan with 1,000 members (40 communes × 25 members,
// 1,000 cells, 6 visits each), the server in its own process, autocannon cycling through all 1,000 member feeds.
// Bounded: DURATION seconds (default 30), CONNECTIONS (default 50). Run after `npm run build`:
//   npm run bench:serve
import { spawn } from 'node:child_process';
import { mkdtempSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { builtInPolicies } from '../dist/src/policies/index.js';
import { policyToJson } from '../dist/src/planfile/index.js';
import { feedToken, loadOrCreateSecret } from '../dist/src/serve/tokens.js';

const DURATION = Number(process.env.DURATION ?? 30);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const COMMUNES = 40;
const PER = 25;

const dir = mkdtempSync(join(tmpdir(), 'lichdu-bench-'));
const units = [{ id: 'tinh', name: 'Đảng bộ tỉnh', level: 'province', parent: null }];
const cells = [];
const members = [];
const visits = [];
for (let c = 0; c < COMMUNES; c++) {
  const unit = `xa-${c}`;
  units.push({ id: unit, name: `Đảng bộ xã số ${c}`, level: 'commune', parent: 'tinh' });
  for (let k = 0; k < PER; k++)
    cells.push({
      id: `${unit}-c${k}`,
      name: `Chi bộ thôn ${k + 1}`,
      unit,
      tags: k % 3 === 0 ? ['remote', 'ethnic'] : [],
    });
  for (let k = 0; k < PER; k++) {
    const id = `${unit}-m${k}`;
    members.push({ id, name: `Cấp ủy viên Nguyễn Văn ${c}-${k}`, role: 'commune', unit, team: null });
    for (let v = 0; v < 6; v++) {
      const month = 1 + 2 * v + (k % 2);
      const mm = String(month).padStart(2, '0');
      visits.push({
        member: id,
        cell: `${unit}-c${(k + v * 7) % PER}`,
        date: `2027-${mm}-05`,
        start: '19:30',
        end: '21:30',
        status: 'planned',
        meeting: `2027-${mm}`,
      });
    }
  }
}
const plan = {
  format: 'lichdu-plan/1',
  spec_hash: 'sha256:bench',
  generated_at: '2027-01-01T00:00:00Z',
  year: 2027,
  timezone: 'Asia/Ho_Chi_Minh',
  policy: policyToJson(builtInPolicies().get('kontum-776')),
  solver: null,
  visits,
  violations: [],
  directory: { units, cells, members },
};
writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
const secret = loadOrCreateSecret(join(dir, '.lichdu-feed-secret'));
const paths = members.map((m) => `/feeds/${feedToken(secret, 'member', m.id)}.ics`);

const t0 = performance.now();
const server = spawn(process.execPath, ['dist/bin/lichdu.js', 'serve', dir, '--port', '0'], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
let log = '';
let out = '';
server.stderr.setEncoding('utf8');
server.stdout.setEncoding('utf8');
server.stderr.on('data', (c) => (log += c));
const url = await new Promise((resolve, reject) => {
  // The ready line: one JSON object on stdout.
  server.stdout.on('data', (c) => {
    out += c;
    const line = out.split('\n').find((l) => l.startsWith('{'));
    if (line && out.includes('\n')) resolve(JSON.parse(line).url);
  });
  server.on('exit', () => reject(new Error(log)));
});
const startMs = performance.now() - t0;

// Halfway through, a re-plan is dropped in (atomic rename): the server re-renders every feed while it keeps
// answering from the old snapshot; the latency figures include that period.
const replan = setTimeout(
  () => {
    plan.visits = plan.visits.map((v, k) => (k % 10 === 0 ? { ...v, start: '08:00', end: '10:00' } : v));
    writeFileSync(join(dir, 'next.json'), JSON.stringify(plan));
    renameSync(join(dir, 'next.json'), join(dir, 'plan.json'));
  },
  (DURATION * 1000) / 2,
);
let i = 0;
const result = await autocannon({
  url,
  connections: CONNECTIONS,
  duration: DURATION,
  requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
});
clearTimeout(replan);
const reloaded = /loaded .*plan\.json[\s\S]*loaded .*plan\.json/.test(log);
server.kill('SIGTERM');
rmSync(dir, { recursive: true, force: true });

const rows = [
  ['feeds', `${members.length} member + ${cells.length} cell feeds, ${visits.length} visits`],
  ['server start (load + render all feeds)', `${startMs.toFixed(0)} ms`],
  ['connections / duration', `${CONNECTIONS} / ${DURATION} s`],
  ['re-plan reloaded during the run', reloaded ? 'yes' : 'no'],
  [
    'requests',
    `${result.requests.total} (${result['2xx']} 2xx, ${result.non2xx} other, ${result.errors} errors, ` +
      `${result.timeouts} timeouts)`,
  ],
  ['requests per second (mean)', result.requests.average.toFixed(0)],
  ['latency p50 / p99 / max', `${result.latency.p50} / ${result.latency.p99} / ${result.latency.max} ms`],
  ['throughput (mean)', `${(result.throughput.average / 1e6).toFixed(1)} MB/s`],
];
for (const [k, v] of rows) console.log(`${k.padEnd(40)} ${v}`);
if (result.non2xx > 0 || result.errors > 0) process.exitCode = 1;
