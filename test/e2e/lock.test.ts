// One writer per output folder (issue 12, item 3 in part): a second writer is refused naming the first; a lock left
// by a process that is gone is taken over, its half-done commit completed and its temporary files removed; a folder
// made for nothing is removed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { JOURNAL_FILE } from '../../src/util/journal.js';
import { LOCK_FILE, lockFolder, settleFolder } from '../../src/util/lock.js';

async function run(...argv: string[]) {
  let err = '';
  const code = await runCli(argv, { out: () => undefined, err: (s) => void (err += s) });
  return { code, err };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'lichdu-lock-'));

describe('output folder lock', () => {
  it('when another live process holds the folder then convert is refused with exit 2 naming it', async () => {
    const d = tmp();
    const other = spawn('sleep', ['30']);
    try {
      writeFileSync(join(d, LOCK_FILE), `${other.pid}\n`);
      const r = await run('convert', 'fixtures/small/spec.yaml', 'fixtures/small/plan.json', '-o', d);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`another lichdu (process ${other.pid}) is writing into this folder`);
      expect(readdirSync(d)).toEqual([LOCK_FILE]);
    } finally {
      other.kill();
    }
  });

  it('when the lock was left by a process that is gone then it is taken over and its leftovers removed', async () => {
    const d = tmp();
    const gone = spawnSync('true').pid!;
    writeFileSync(join(d, LOCK_FILE), `${gone}\n`);
    mkdirSync(join(d, 'ics', 'members'), { recursive: true });
    writeFileSync(join(d, `.plan.csv.tmp-${gone}-0a1b2c3d`), 'half');
    writeFileSync(join(d, 'ics', 'members', `.m1.ics.tmp-${gone}-0a1b2c3d`), 'half');
    const r = await run('convert', 'fixtures/small/spec.yaml', 'fixtures/small/plan.json', '-o', d);
    expect(r.code).toBe(0);
    expect(readdirSync(d).sort()).toEqual(['ics', 'plan.csv', 'plan.json', 'plan.xlsx']);
    expect(readdirSync(join(d, 'ics', 'members')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('when a writer was killed half-way through its commit then the next one completes it before writing', () => {
    const d = tmp();
    const gone = spawnSync('true').pid!;
    mkdirSync(join(d, 'ics', 'members'), { recursive: true });
    writeFileSync(join(d, 'plan.json'), 'old json');
    writeFileSync(join(d, 'plan.csv'), 'new csv'); // renamed before the kill
    writeFileSync(join(d, `.plan.json.tmp-${gone}-0a1b2c3d`), 'new json');
    writeFileSync(join(d, 'ics', 'members', 'left.ics'), 'old member');
    writeFileSync(join(d, 'outside'), 'kept');
    const journal = {
      pid: gone,
      renames: [
        [`.plan.csv.tmp-${gone}-00000000`, 'plan.csv'],
        [`.plan.json.tmp-${gone}-0a1b2c3d`, 'plan.json'],
      ],
      removes: [join('ics', 'members', 'left.ics'), '../outside', join(d, 'outside'), 7],
    };
    writeFileSync(join(d, JOURNAL_FILE), JSON.stringify(journal));
    writeFileSync(join(d, LOCK_FILE), `${gone}\n`);
    expect(settleFolder(d)).toBe(true);
    expect(readdirSync(d).sort()).toEqual(['ics', 'outside', 'plan.csv', 'plan.json']);
    expect(readFileSync(join(d, 'plan.json'), 'utf8')).toBe('new json');
    expect(readFileSync(join(d, 'plan.csv'), 'utf8')).toBe('new csv');
    expect(readdirSync(join(d, 'ics', 'members'))).toEqual([]);
    expect(settleFolder(d)).toBe(false);
  });

  it('when a folder was made for the lock alone then releasing it removes the folder again', () => {
    const d = join(tmp(), 'new');
    const got = lockFolder(d);
    expect(got.ok && existsSync(join(d, LOCK_FILE))).toBe(true);
    if (got.ok) got.lock.release();
    expect(existsSync(d)).toBe(false);
  });
});
