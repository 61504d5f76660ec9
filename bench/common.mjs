// What the solver benchmarks share: a command timed with /usr/bin/time (wall seconds, peak memory), and the
// independent checker's verdict on a plan that `lichdu plan` wrote.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Runs a command under /usr/bin/time: its result, wall seconds and peak memory in MB. */
export function timed(cmd, args, limitSec) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: (limitSec + 120) * 1000,
  });
  const last = (r.stderr ?? '').trim().split('\n').pop() ?? '';
  const [wall, kb] = last.split(' ').map(Number);
  return { ...r, wall, mb: kb / 1024 };
}

/** `lichdu check` on what was written: `accepted`, the number of violations, or `–` when nothing was written. */
export function verdict(spec, planFile) {
  if (!existsSync(planFile)) return '–';
  const check = spawnSync(process.execPath, ['dist/bin/lichdu.js', 'check', spec, planFile, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return check.status === 0 ? 'accepted' : `${JSON.parse(check.stdout).violations.length} violations`;
}
