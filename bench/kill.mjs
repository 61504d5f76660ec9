// Kill test (issue 12, item 3): SIGKILL `lichdu convert` at random moments while it writes a large plan into a
// folder that holds another one, then check the folder. Two versions of the same plan alternate — A (Vietnamese,
// stamped 2027-01-01) and B (English, stamped 2027-02-01) — so every file tells which one it belongs to: plan.json by
// its generatedAt, plan.csv by its header's language, each calendar by its DTSTAMP. A folder is whole when all of them
// agree and no temporary file, journal or lock is left. It is checked twice: as the kill left it, and after
// `lichdu feeds` (a reader, which completes a commit that a killed writer left half-done). Run after `npm run build`:
//   node bench/kill.mjs [SIZE] [KILLS]     (default L 13)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, openSync, readSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeVariant } from './instances.mjs';

const size = process.argv[2] ?? 'L';
const kills = Number(process.argv[3] ?? 13);
const work = mkdtempSync(join(tmpdir(), 'lichdu-kill-'));
const env = { ...process.env, XDG_CONFIG_HOME: join(work, 'config') };
const lichdu = (args) => spawnSync(process.execPath, ['dist/bin/lichdu.js', ...args], { encoding: 'utf8', env });
const spec = join(work, 'spec.json');
writeFileSync(spec, JSON.stringify(makeVariant(size)));
const first = join(work, 'first');
const planned = lichdu(['plan', spec, '-o', first, '--time-limit', '120']);
if (planned.status !== 0) throw new Error(`plan failed: ${planned.stderr}`);
const source = join(first, 'plan.json');
const VERSIONS = {
  A: ['--lang', 'vi', '--generated-at', '2027-01-01T00:00:00Z'],
  B: ['--lang', 'en', '--generated-at', '2027-02-01T00:00:00Z'],
};
const convert = (dir, v) => ['convert', spec, source, '-o', dir, ...VERSIONS[v]];

function head(path, bytes = 4096) {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(bytes);
  const n = readSync(fd, buf, 0, bytes, 0);
  closeSync(fd);
  return buf.subarray(0, n).toString('utf8');
}

/** 'A', 'B', or a description of the mix. */
function verdict(dir) {
  const names = readdirSync(dir);
  const extra = names.filter((n) => !['plan.json', 'plan.csv', 'ics', '.lichdu-feed-id'].includes(n));
  const json = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'));
  const v = json.generated_at.startsWith('2027-01') ? 'A' : 'B';
  const stamp = v === 'A' ? 'DTSTAMP:20270101T000000Z' : 'DTSTAMP:20270201T000000Z';
  const csvVi = head(join(dir, 'plan.csv'), 200).includes('Mã cấp ủy viên');
  const wrong = [];
  if (csvVi !== (v === 'A')) wrong.push('plan.csv');
  let files = 0;
  for (const sub of ['', 'members', 'cells']) {
    for (const n of readdirSync(join(dir, 'ics', sub))) {
      if (n === 'members' || n === 'cells') continue;
      if (!n.endsWith('.ics')) {
        extra.push(join('ics', sub, n));
        continue;
      }
      if (n.startsWith('.')) {
        extra.push(join('ics', sub, n));
        continue;
      }
      files++;
      if (!head(join(dir, 'ics', sub, n)).includes(stamp)) wrong.push(join('ics', sub, n));
    }
  }
  const expected = 1 + json.directory.members.length + json.directory.cells.length;
  if (extra.length + wrong.length === 0 && files === expected) return { whole: true, v, files };
  const temp = extra.filter((p) => p.split('/').pop().startsWith('.')).length;
  const detail = `${wrong.length} files of the other plan, ${files - expected} missing or extra calendars, ${temp} hidden temporary files`;
  return {
    whole: false,
    v,
    files,
    detail,
    visibleWhole: wrong.length === 0 && files === expected && extra.length === temp,
  };
}

// Time of one whole write, to spread the kills over it.
const dir = join(work, 'out');
let t = Date.now();
if (lichdu(convert(dir, 'A')).status !== 0) throw new Error('convert failed');
const writeMs = Date.now() - t;
let next = 'B';
let rawWhole = 0;
let rawVisible = 0;
let settledWhole = 0;
const outcomes = { old: 0, new: 0 };
const rand = (
  (s) => () =>
    (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
)(7);
const files = verdict(dir).files;
for (let k = 0; k < kills; k++) {
  const before = verdict(dir).v;
  const delay = Math.round(writeMs * (0.2 + 0.9 * rand()));
  const child = spawn(process.execPath, ['dist/bin/lichdu.js', ...convert(dir, next)], { env, stdio: 'ignore' });
  const exited = new Promise((r) => child.on('exit', (code, sig) => r(sig ?? code)));
  const timer = setTimeout(() => child.kill('SIGKILL'), delay);
  const how = await exited;
  clearTimeout(timer);
  const raw = verdict(dir);
  if (raw.whole) rawWhole++;
  if (raw.whole || raw.visibleWhole) rawVisible++;
  const settle = lichdu(['feeds', dir, '--base-url', 'https://lich.example.vn']);
  const settled = verdict(dir);
  if (settled.whole) settledWhole++;
  if (settled.whole) outcomes[settled.v === before ? 'old' : 'new']++;
  console.log(
    `kill ${k + 1} at ${delay} ms (${how}): as left ${raw.whole ? `whole ${raw.v}` : `MIXED (${raw.detail})`}; ` +
      `after feeds (exit ${settle.status}) ${settled.whole ? `whole ${settled.v}` : `MIXED (${settled.detail})`}`,
  );
  next = settled.v === 'A' ? 'B' : 'A';
}
console.log(
  `\n${size}: ${files} files per plan, one write ${writeMs} ms; ${kills} kills: whole as left ${rawWhole}/${kills} ` +
    `(visible files of one plan ${rawVisible}/${kills}), ` +
    `whole after the next lichdu ${settledWhole}/${kills} (old plan ${outcomes.old}, new plan ${outcomes.new})`,
);
process.exit(settledWhole === kills ? 0 : 1);
