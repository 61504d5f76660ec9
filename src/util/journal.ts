// A whole plan made visible as one step (issue 12, item 3). Every file is staged first (src/util/atomic.ts), then a
// journal `DIR/.lichdu-commit` naming every rename and removal is written atomically, then the renames are done
// (plan.json last), the stale files removed, and the journal deleted. A writer killed before the journal exists
// leaves the old plan (its temporary files are removed by the next writer); one killed after has its journal rolled
// forward by the next lichdu that takes the folder (plan, convert, export ics, serve, feeds), which completes the new
// plan. So a folder holds the old plan or the new one, whole, once any lichdu has looked at it.
import { existsSync, fsyncSync, openSync, closeSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { writeFileAtomic, type Staged } from './atomic.js';

export const JOURNAL_FILE = '.lichdu-commit';

interface Journal {
  readonly pid: number;
  /** [temporary, target], relative to the folder, in the order they are renamed. */
  readonly renames: readonly (readonly [string, string])[];
  /** Files of the old plan that the new one no longer has, relative to the folder. */
  readonly removes: readonly string[];
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every file system lets a directory be flushed; the renames stand anyway.
  }
}

function inside(dir: string, rel: unknown): string | undefined {
  if (typeof rel !== 'string' || rel === '' || isAbsolute(rel)) return undefined;
  const n = normalize(rel);
  return n.startsWith('..') || n.split(sep).includes('..') ? undefined : join(dir, n);
}

function apply(dir: string, journal: Journal): void {
  const touched = new Set<string>();
  for (const pair of journal.renames) {
    const from = Array.isArray(pair) ? inside(dir, pair[0]) : undefined;
    const to = Array.isArray(pair) ? inside(dir, pair[1]) : undefined;
    if (from === undefined || to === undefined) continue;
    // A temporary file already gone was renamed before the interruption.
    if (existsSync(from)) renameSync(from, to);
    touched.add(dirname(to));
  }
  for (const rel of journal.removes) {
    const path = inside(dir, rel);
    if (path !== undefined) rmSync(path, { force: true });
  }
  for (const d of touched) syncDir(d);
}

/** Renames staged files into `dir` and removes `removes`, as one step that survives being killed half-way. */
export function commitPlan(dir: string, staged: readonly Staged[], removes: readonly string[]): void {
  const journal: Journal = {
    pid: process.pid,
    renames: staged.map((s) => [relative(dir, s.tmp), relative(dir, s.path)] as const),
    removes: removes.map((p) => relative(dir, p)),
  };
  const path = join(dir, JOURNAL_FILE);
  writeFileAtomic(path, JSON.stringify(journal));
  syncDir(dir);
  apply(dir, journal);
  rmSync(path, { force: true });
  syncDir(dir);
}

/**
 * Completes a commit that a killed writer left half-done. Call only while holding the folder's lock. Returns true
 * when there was one.
 */
export function recoverCommit(dir: string): boolean {
  const path = join(dir, JOURNAL_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return false;
  }
  let journal: Journal | undefined;
  try {
    const parsed = JSON.parse(text) as Partial<Journal>;
    if (Array.isArray(parsed.renames) && Array.isArray(parsed.removes)) journal = parsed as Journal;
  } catch {
    // Written atomically, so never torn; anything else is not ours to follow.
  }
  if (journal !== undefined) apply(dir, journal);
  rmSync(path, { force: true });
  syncDir(dir);
  return true;
}
