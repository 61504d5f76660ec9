// Mistakes about where to write are the user's, refused at once with exit 2 naming the path and the fix — before
// any solve, never as "a bug in lichdu" (issue 12, item 5).
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { writeFailure } from '../../src/cli/shared.js';

async function run(argv: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const code = await runCli(argv, { out: (s) => void (out += s), err: (s) => void (err += s) });
    return { code, out, err };
  } finally {
    for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k];
    Object.assign(process.env, saved);
  }
}
const SPEC = 'fixtures/small/spec.yaml';
const tmp = () => mkdtempSync(join(tmpdir(), 'lichdu-outputs-'));

describe('output paths', () => {
  it('when -o is a file, a dangling link or below a file then plan refuses at once with exit 2', async () => {
    const d = tmp();
    writeFileSync(join(d, 'file'), 'x');
    symlinkSync(join(d, 'nowhere'), join(d, 'dangling'));
    for (const [out, says] of [
      [join(d, 'file'), /this is a file, not a folder/],
      [join(d, 'dangling'), /a link to nothing/],
      [join(d, 'file', 'sub'), /is a file, so no folder can be made below it/],
    ] as const) {
      const t0 = Date.now();
      const r = await run(['plan', SPEC, '-o', out]);
      expect(r.code, out).toBe(2);
      expect(r.err).toMatch(says);
      expect(r.err).not.toMatch(/bug/);
      expect(Date.now() - t0).toBeLessThan(5000);
    }
  });

  it('when --generated-at, SOURCE_DATE_EPOCH and --export-model are wrong then all are said at once', async () => {
    const d = tmp();
    mkdirSync(join(d, 'model.lp'));
    const r = await run(
      ['plan', SPEC, '-o', join(d, 'out'), '--generated-at', 'garbage', '--export-model', join(d, 'model.lp')],
      { SOURCE_DATE_EPOCH: '99999999999999999' },
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--generated-at.*not an ISO-8601 time/);
    expect(r.err).toMatch(/SOURCE_DATE_EPOCH.*not seconds since 1970/);
    expect(r.err).toMatch(/--export-model: this is a folder/);
    expect(r.err).not.toMatch(/bug/);
    expect(readdirSync(d)).toEqual(['model.lp']);
  });

  it('when convert and export ics are given a file as -o then they refuse too', async () => {
    const d = tmp();
    writeFileSync(join(d, 'file'), 'x');
    expect((await run(['convert', SPEC, 'fixtures/small/plan.json', '-o', join(d, 'file')])).code).toBe(2);
    expect((await run(['export', 'ics', 'fixtures/small/plan.json', '-o', join(d, 'file')])).code).toBe(2);
  });

  it('when writing fails for want of space or permission then it is a refusal naming the path and the fix', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC', path: '/x/plan.csv' });
    expect(writeFailure(full)?.message).toBe(
      '✖ /x/plan.csv: could not write (ENOSPC): the disk is full: free some ' + 'space and run again',
    );
    expect(writeFailure(Object.assign(new Error('x'), { code: 'EACCES', path: '/x' }))?.message).toMatch(/permission/);
    expect(writeFailure(new Error('a real bug'))).toBeUndefined();
  });
});
