// Links that survive (issue 12, item 2): the default secret lives outside the plan folder, and a folder whose links
// were sent never gets a new secret silently.
import { chmodSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { defaultSecretFile } from '../../src/serve/tokens.js';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}
const saved = process.env.XDG_CONFIG_HOME;
let config = '';
beforeEach(() => {
  config = mkdtempSync(join(tmpdir(), 'lichdu-config-'));
  process.env.XDG_CONFIG_HOME = config;
});
afterEach(() => {
  if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
  else process.env.XDG_CONFIG_HOME = saved;
});
const planDir = () => {
  const d = join(mkdtempSync(join(tmpdir(), 'lichdu-secret-')), 'out');
  cpSync('fixtures/small/plan.json', join(d, 'plan.json'));
  return d;
};
const BASE = ['--base-url', 'https://lich.example.vn', '--format', 'csv'];

describe('feed secret', () => {
  it('when the plan folder is deleted and made again then every link stays the same', async () => {
    const d = planDir();
    const first = await run('feeds', d, ...BASE);
    expect(first.code).toBe(0);
    expect(defaultSecretFile(d).startsWith(join(config, 'lichdu', 'feed-secrets'))).toBe(true);
    rmSync(d, { recursive: true });
    cpSync('fixtures/small/plan.json', join(d, 'plan.json'));
    const again = await run('feeds', d, ...BASE);
    expect(again.out).toBe(first.out);
  });

  it('when the secret is gone or another one is given then serve and feeds refuse unless --new-secret', async () => {
    const d = planDir();
    const first = await run('feeds', d, ...BASE);
    rmSync(defaultSecretFile(d));
    const refused = await run('feeds', d, ...BASE);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/would all stop working.*--new-secret/s);
    const other = join(config, 'other.secret');
    writeFileSync(other, 'e'.repeat(64), { mode: 0o600 });
    const wrong = await run('serve', d, '--port', '0', '--secret-file', other);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/is not the one/);
    const renewed = await run('feeds', d, ...BASE, '--new-secret');
    expect(renewed.code).toBe(0);
    expect(renewed.err).toMatch(/the 6 links made with [0-9a-f]{16} no longer work/);
    expect(renewed.out).not.toBe(first.out);
  });

  it('when the secret can be read by others or the base URL is plain http then feeds warns', async () => {
    const d = planDir();
    await run('feeds', d, ...BASE);
    chmodSync(defaultSecretFile(d), 0o644);
    const r = await run('feeds', d, '--base-url', 'http://lich.example.vn');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/can be read by other users/);
    expect(r.err).toMatch(/plain http/);
  });
});
