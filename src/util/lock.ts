// One writer per output folder (issue 12, item 3): `DIR/.lichdu-lock` holds the writing process's id, made
// with O_EXCL. A second `plan`, `convert` or `export ics` into the same folder is refused, naming the first; a lock
// left by a process that no longer runs is taken over: its half-done commit is completed (src/util/journal.ts) and
// its temporary files are removed.
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { JOURNAL_FILE, recoverCommit } from './journal.js';

export const LOCK_FILE = '.lichdu-lock';
/** Temporary names of src/util/atomic.ts: `.<name>.tmp-<pid>-<hex>`. */
const TEMP = /^\.(.+)\.tmp-(\d+)-[0-9a-f]{8}$/;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface FolderLock {
  release(): void;
}

/** Takes the folder's lock, or tells which live process holds it. */
export function lockFolder(dir: string): { ok: true; lock: FolderLock } | { ok: false; pid: number } {
  // A folder made for the lock alone is removed again with it when nothing was written (exit 3: no plan).
  const made = mkdirSync(dir, { recursive: true }) !== undefined;
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      recoverCommit(dir);
      removeLeftovers(dir);
      const onExit = () => release();
      const release = () => {
        process.off('exit', onExit);
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path, { force: true });
          if (made && readdirSync(dir).length === 0) rmdirSync(dir);
        } catch {
          // Gone already.
        }
      };
      process.on('exit', onExit);
      return { ok: true, lock: { release } };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let pid = NaN;
      try {
        pid = Number(readFileSync(path, 'utf8').trim());
      } catch {
        // Removed meanwhile: try again.
      }
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) return { ok: false, pid };
      rmSync(path, { force: true });
    }
  }
  return { ok: false, pid: NaN };
}

/** Temporary files of writers that no longer run, in DIR and DIR/ics/{,members,cells}. */
function leftovers(dir: string): string[] {
  const out: string[] = [];
  const gone = new Map<number, boolean>();
  for (const sub of ['', 'ics', join('ics', 'members'), join('ics', 'cells')]) {
    let names: string[] = [];
    try {
      names = readdirSync(join(dir, sub));
    } catch {
      continue;
    }
    for (const n of names) {
      const m = TEMP.exec(n);
      if (!m) continue;
      const pid = Number(m[2]);
      if (!gone.has(pid)) gone.set(pid, !alive(pid));
      if (gone.get(pid)) out.push(join(dir, sub, n));
    }
  }
  return out;
}

function removeLeftovers(dir: string): void {
  for (const path of leftovers(dir)) rmSync(path, { force: true });
}

/**
 * For readers of a folder (serve, feeds): completes a commit left half-done by a writer that was killed, and removes
 * the temporary files of one killed before its commit. A folder being written by a live process is left to it.
 */
export function settleFolder(dir: string): boolean {
  if (!existsSync(join(dir, JOURNAL_FILE)) && leftovers(dir).length === 0) return false;
  let got: ReturnType<typeof lockFolder>;
  try {
    got = lockFolder(dir);
  } catch {
    return false; // a folder this user cannot write: nothing to settle from here
  }
  if (got.ok) got.lock.release();
  return got.ok;
}
