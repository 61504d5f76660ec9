// Ctrl-C during a plan (issue 22): the first stops the solve and the best plan so far is written, whole, saying it
// was stopped by the user; a second during the writing aborts it and the plan already in the folder stays as it was.
// And a time limit too short for anything but the construction still writes a checked plan.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without types
import { makeVariant } from '../../bench/instances.mjs';

const BIN = 'dist/bin/lichdu.js';
const tmp = () => mkdtempSync(join(tmpdir(), 'lichdu-stop-'));

/** Runs `lichdu plan`, sending SIGINT each time stderr first shows one of `at` (in order); resolves on exit. */
function planWithSignals(args: string[], at: RegExp[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', [BIN, 'plan', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    let next = 0;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      err += d;
      while (next < at.length && at[next]!.test(err)) {
        next++;
        child.kill('SIGINT');
      }
    });
    child.on('exit', (code) => resolve({ code, err }));
  });
}

function specFile(dir: string, name: string): string {
  const spec = join(dir, 'spec.json');
  writeFileSync(spec, JSON.stringify((makeVariant as (n: string) => unknown)(name)));
  return spec;
}

describe('lichdu plan stopped by the user', () => {
  it('when Ctrl-C comes during the solve then the best plan so far is written and says so', async () => {
    const dir = tmp();
    // Two visitors a meeting, one per team: the exact stages take tens of seconds, the construction a fraction of one.
    const spec = specFile(dir, 'M+teams');
    const out = join(dir, 'out');
    const r = await planWithSignals([spec, '-o', out, '--time-limit', '120'], [/construction, best/]);
    expect(r.err).toContain('stopping: the best plan so far will be written');
    expect([0, 1]).toContain(r.code);
    const doc = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8'));
    expect(doc.solver.stopped).toBe('user');
    expect(r.err).toMatch(/^Plan \S+ \(stopped by the user, (gap \d+\.\d %|no bound yet)\)/m);
    const check = spawnSync('node', [BIN, 'check', spec, join(out, 'plan.json'), '--json'], { encoding: 'utf8' });
    expect(check.status).toBe(r.code);
    expect(JSON.parse(check.stdout).violations).toHaveLength(doc.violations.length);
  }, 120_000);

  it('when a second Ctrl-C comes while writing then the plan already there stays whole', async () => {
    const dir = tmp();
    const spec = specFile(dir, 'M');
    const out = join(dir, 'out');
    // The plan already in the folder.
    expect(spawnSync('node', [BIN, 'plan', spec, '-o', out, '--time-limit', '2'], { encoding: 'utf8' }).status).toBe(0);
    const before = readFileSync(join(out, 'plan.json'));
    const r = await planWithSignals(
      [spec, '-o', out, '--time-limit', '120', '--seed', '5'],
      [/construction, best/, /stopping: the best plan/],
    );
    expect(r.code).toBe(130);
    expect(r.err).toContain('stopped while writing: nothing was written');
    expect(readFileSync(join(out, 'plan.json')).equals(before)).toBe(true);
    const leftovers = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? leftovers(join(d, e.name)) : e.name.includes('.tmp-') ? [e.name] : [],
      );
    expect(leftovers(out)).toEqual([]);
  }, 120_000);
});

describe('lichdu plan with a very short time limit', () => {
  it('when the limit leaves time only for the construction then a checked plan is written all the same', () => {
    const dir = tmp();
    const spec = specFile(dir, 'M+days');
    const out = join(dir, 'out');
    const r = spawnSync('node', [BIN, 'plan', spec, '-o', out, '--time-limit', '0.01'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(existsSync(join(out, 'plan.json'))).toBe(true);
    const doc = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8'));
    expect(doc.solver.stopped).toBe('time-limit');
    expect(doc.solver.bound).toBeNull();
    expect(r.stderr).toMatch(/^Plan timed-out \(stopped by the time limit, no bound yet\)/m);
    expect(spawnSync('node', [BIN, 'check', spec, join(out, 'plan.json')], { encoding: 'utf8' }).status).toBe(0);
  }, 60_000);
});
