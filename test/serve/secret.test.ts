// Links that survive (issue 12, item 2; issue 24, item 1): the default secret belongs to the organisation and lives
// outside any plan folder, so a re-plan into a new folder, a copy, a move or a rename keep every link; a folder whose
// links were sent never gets a new secret silently; one member's link can be revoked alone.
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { defaultSecretFile, folderSecretFile, organisationKey } from '../../src/serve/tokens.js';

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
/** The small fixture's organisation secret. */
const orgSecret = () => {
  const doc = JSON.parse(readFileSync('fixtures/small/plan.json', 'utf8')) as { directory: { units: [] } };
  return defaultSecretFile(organisationKey(doc.directory.units));
};

describe('feed secret', () => {
  it('when the plan folder is deleted and made again then every link stays the same', async () => {
    const d = planDir();
    const first = await run('feeds', d, ...BASE);
    expect(first.code).toBe(0);
    expect(orgSecret().startsWith(join(config, 'lichdu', 'feed-secrets'))).toBe(true);
    expect(existsSync(orgSecret())).toBe(true);
    rmSync(d, { recursive: true });
    cpSync('fixtures/small/plan.json', join(d, 'plan.json'));
    const again = await run('feeds', d, ...BASE);
    expect(again.out).toBe(first.out);
  });

  it('when the secret is gone or another one is given then serve and feeds refuse unless --new-secret', async () => {
    const d = planDir();
    const first = await run('feeds', d, ...BASE);
    rmSync(orgSecret());
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
    chmodSync(orgSecret(), 0o644);
    const r = await run('feeds', d, '--base-url', 'http://lich.example.vn');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/can be read by other users/);
    expect(r.err).toMatch(/plain http/);
  });

  it('when the plan folder is copied, moved, renamed or re-planned elsewhere then every link stays', async () => {
    const d = planDir();
    const first = await run('feeds', d, ...BASE);
    expect(first.code).toBe(0);
    // A copy on a USB stick, a folder renamed "Kế hoạch 2027", a re-plan written to another folder.
    const usb = join(mkdtempSync(join(tmpdir(), 'lichdu-usb-')), 'Kế hoạch 2027');
    cpSync(d, usb, { recursive: true });
    const moved = join(mkdtempSync(join(tmpdir(), 'lichdu-moved-')), 'ketqua');
    renameSync(d, moved);
    const replanned = join(mkdtempSync(join(tmpdir(), 'lichdu-replan-')), 'ketqua-7');
    mkdirSync(replanned);
    cpSync('fixtures/small/plan.json', join(replanned, 'plan.json'));
    for (const dir of [usb, moved, replanned]) {
      const again = await run('feeds', dir, ...BASE);
      expect(again.code, again.err).toBe(0);
      expect(again.out).toBe(first.out);
    }
  });

  it('when one member is revoked then only their link changes, and serve drops the old one', async () => {
    const d = planDir();
    const first = await run('feeds', d, ...BASE);
    const revoked = await run('feeds', d, ...BASE, '--new-secret', 'Nguyễn Văn An');
    expect(revoked.code, revoked.err).toBe(0);
    expect(revoked.err).toContain('revoked the link of m001');
    const before = first.out.split('\n');
    const after = revoked.out.split('\n');
    const changed = after.filter((l, i) => l !== before[i]);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toContain('m001');
    // Later runs keep the new link; an unknown name is refused with a suggestion.
    expect((await run('feeds', d, ...BASE)).out).toBe(revoked.out);
    const typo = await run('feeds', d, ...BASE, '--new-secret', 'Nguyen Van An');
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('did you mean "m001", Nguyễn Văn An?');
  });

  it('when a secret was kept per folder by an earlier version then it is carried over and the links stay', async () => {
    const d = planDir();
    const old = folderSecretFile(d);
    mkdirSync(join(config, 'lichdu', 'feed-secrets'), { recursive: true });
    writeFileSync(old, 'a'.repeat(64) + '\n', { mode: 0o600 });
    const first = await run('feeds', d, ...BASE, '--secret-file', old);
    const carried = await run('feeds', d, ...BASE);
    expect(carried.code, carried.err).toBe(0);
    expect(carried.err).toContain("the organisation's secret is the folder's earlier one");
    expect(carried.out).toBe(first.out);
  });
});
