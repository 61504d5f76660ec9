// How fast the console's pages render on a large province (issue 25, item 3: no page over a second on 2 cores):
// the L instance (100 communes, 2,800 cells, 2,565 members) is planned (--time-limit 30), the console started on the
// folder (dist/, its own process), and each view fetched: the first request of a page (cold: the spec and plan are
// read) and the median of 5 more. Run after `npm run build`: node bench/console.mjs [SIZE]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSpec } from './instances.mjs';

const size = process.argv[2] ?? 'L';
const dir = mkdtempSync(join(tmpdir(), 'lichdu-console-bench-'));
const spec = makeSpec(size);
writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
const t0 = performance.now();
const plan = spawnSync(
  'node',
  ['dist/bin/lichdu.js', 'plan', join(dir, 'spec.json'), '-o', dir, '--time-limit', '30', '--quiet'],
  {
    stdio: 'inherit',
  },
);
console.log(
  `${size}: ${spec.cells.length} cells, ${spec.members.length} members; planned in ${((performance.now() - t0) / 1000).toFixed(1)} s (exit ${plan.status})`,
);
const proc = spawn('node', ['dist/bin/lichdu.js', 'console', dir, '--no-open', '--port', '0'], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
const address = await new Promise((resolve) => proc.stdout.on('data', (c) => resolve(String(c).trim().split('\n')[0])));
const base = new URL(address).origin;
const first = await fetch(address, { redirect: 'manual' });
const cookie = first.headers.get('set-cookie').split(';')[0];
const member = spec.members[Math.floor(spec.members.length / 2)].id;
const cell = spec.cells[Math.floor(spec.cells.length / 2)].id;
const unit = spec.units[1].id;
const pages = [
  '/',
  '/members',
  '/members?page=30',
  '/members?q=nguyen',
  `/members/${member}`,
  '/cells',
  '/cells?page=40',
  `/cells/${cell}`,
  '/units',
  `/units/${unit}`,
  '/calendar',
  '/calendar?page=50',
];
const rows = [];
for (const p of pages) {
  const times = [];
  let bytes = 0;
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    const r = await fetch(base + p, { headers: { cookie } });
    bytes = (await r.arrayBuffer()).byteLength;
    if (r.status !== 200) throw new Error(`${p}: ${r.status}`);
    times.push(performance.now() - t);
  }
  const warm = times.slice(1).sort((a, b) => a - b)[2];
  rows.push(`| ${p} | ${times[0].toFixed(0)} | ${warm.toFixed(0)} | ${(bytes / 1024).toFixed(0)} |`);
}
console.log('| page | first ms | median ms | KB |\n|---|---|---|---|\n' + rows.join('\n'));
proc.kill('SIGTERM');
