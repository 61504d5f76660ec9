// The helpers the commands share (issue 21: one module): output paths and options checked before any work (issue
// 12: exit 70 only for bugs): a user's mistake about where to write is refused at once with exit 2 — not found after
// a long solve and reported as a bug. A filesystem error while writing (disk full, permissions) is reported as such,
// with the path and the fix. And the date options and the plan.json every command reads.
import { accessSync, constants, lstatSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { InputIssue } from '../util/issues.js';
import { lockFolder } from '../util/lock.js';
import { readPlanDocument } from '../planfile/index.js';
import { isIsoDate } from '../schema/primitives.js';
import { decodeText, readInputFile } from '../util/files.js';
import { InputRefused, unwrap } from './io.js';

/** A problem with a command-line option or the environment as a whole (no path inside a file). */
export const optionIssue = (file: string, message: string): InputIssue => ({ file, path: [], message });
const issue = optionIssue;

/** The nearest existing ancestor of a path (the folder that would be created in). */
function existingAncestor(path: string): string {
  let p = resolve(path);
  for (;;) {
    try {
      statSync(p);
      return p;
    } catch {
      const up = dirname(p);
      if (up === p) return p;
      p = up;
    }
  }
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Problems with an output folder given as `option`: a file or dangling link in its place, or no write access. */
export function outputDirIssues(dir: string, option = '-o'): InputIssue[] {
  let link: ReturnType<typeof lstatSync> | undefined;
  try {
    link = lstatSync(dir);
  } catch {
    link = undefined;
  }
  if (link) {
    let target: ReturnType<typeof statSync> | undefined;
    try {
      target = statSync(dir);
    } catch {
      return [issue(dir, `${option}: a link to nothing: remove it or give another folder`)];
    }
    if (!target.isDirectory())
      return [issue(dir, `${option}: this is a file, not a folder: give a folder to write into`)];
    if (!writable(dir)) return [issue(dir, `${option}: no permission to write in this folder: give another one`)];
    return [];
  }
  const base = existingAncestor(dir);
  if (!statSync(base).isDirectory())
    return [issue(dir, `${option}: ${base} is a file, so no folder can be made below it: give another folder`)];
  if (!writable(base)) return [issue(dir, `${option}: no permission to create a folder in ${base}: give another one`)];
  return [];
}

/** Problems with an output file given as `option` (e.g. --export-model): a folder in its place, no write access. */
export function outputFileIssues(path: string, option: string): InputIssue[] {
  try {
    if (statSync(path).isDirectory())
      return [issue(path, `${option}: this is a folder: give a file name, e.g. model.lp`)];
  } catch {
    // Not there yet: its folder must be writable.
  }
  const base = existingAncestor(dirname(path));
  if (!statSync(base).isDirectory() || !writable(base))
    return [
      issue(path, `${option}: cannot write here (${base} is not a folder lichdu may write in): give another path`),
    ];
  return [];
}

/** Problems with a time stamp option such as --generated-at: it must be an ISO-8601 date and time. */
export function isoTimeIssues(value: string | undefined, option: string): InputIssue[] {
  if (value === undefined) return [];
  const ok = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value);
  if (ok && !Number.isNaN(Date.parse(value))) return [];
  return [issue(option, `"${value.slice(0, 40)}" is not an ISO-8601 time: write e.g. 2027-01-01T00:00:00Z`)];
}

/** SOURCE_DATE_EPOCH, when set, must be whole seconds within the range of dates (it stamps every file). */
export function epochIssues(env: NodeJS.ProcessEnv = process.env): InputIssue[] {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || (/^\d{1,11}$/.test(epoch) && Number(epoch) <= 253402300799)) return [];
  return [
    issue(
      'SOURCE_DATE_EPOCH',
      `"${epoch.slice(0, 40)}" is not seconds since 1970 up to year 9999: unset it or give e.g. 1798761600`,
    ),
  ];
}

/** The checks of a command writing a folder of stamped files: the folder, `--generated-at` and SOURCE_DATE_EPOCH. */
export function stampedOutputIssues(out: string, generatedAt: string | undefined): InputIssue[] {
  return [...outputDirIssues(out), ...isoTimeIssues(generatedAt, '--generated-at'), ...epochIssues()];
}

/** The value of a read, or a refusal with its issues and `more` (checked alongside), all at once. */
export function unwrapWith<T>(
  r: { ok: true; value: T } | { ok: false; issues: readonly InputIssue[] },
  more: readonly InputIssue[],
): T {
  const all = [...(r.ok ? [] : r.issues), ...more];
  if (all.length > 0) throw new InputRefused(all);
  return (r as { value: T }).value;
}

/** Writes, turning a filesystem error (disk full, permissions, …) into a refusal that names the path and the fix. */
export async function writeOrRefuse<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    throw writeFailure(err) ?? err;
  }
}

/** Refuses (exit 2) when any of the issues is there; to be called before any work. */
export function refuseIf(issues: readonly InputIssue[]): void {
  if (issues.length > 0) throw new InputRefused(issues);
}

const FS_ADVICE: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full: free some space and run again',
  EDQUOT: 'the disk quota is used up: free some space and run again',
  EACCES: 'no permission to write there: give another folder',
  EPERM: 'no permission to write there: give another folder',
  EROFS: 'the disk is read-only: give another folder',
  ENAMETOOLONG: 'a file name is too long for this disk: use shorter ids or a shorter folder path',
  ENOTDIR: 'a file stands where a folder should be: remove it or give another folder',
  EEXIST: 'a file stands where a folder should be: remove it or give another folder',
  EISDIR: 'a folder stands where a file should be: remove it or give another path',
  EMFILE: 'too many files open: run again',
};

/** A filesystem error while writing outputs, as a refusal naming the path and the fix; undefined for anything else. */
export function writeFailure(err: unknown): InputRefused | undefined {
  const e = err as NodeJS.ErrnoException;
  const advice = e?.code ? FS_ADVICE[e.code] : undefined;
  if (!advice) return undefined;
  return new InputRefused([issue(e.path ?? 'output', `could not write (${e.code}): ${advice}`)]);
}

/**
 * Runs `work` holding the output folder's lock (src/util/lock.ts): a second writer into the same folder is refused
 * with exit 2, naming the process that writes there.
 */
export async function withFolderLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const got = lockFolder(dir);
  if (!got.ok)
    throw new InputRefused([
      issue(
        dir,
        `another lichdu${Number.isNaN(got.pid) ? '' : ` (process ${got.pid})`} is writing into this folder: wait ` +
          `for it to finish, or give another folder`,
      ),
    ]);
  try {
    return await work();
  } finally {
    got.lock.release();
  }
}

/** `--attendance FILE` and `--as-of DATE` come together, the date as YYYY-MM-DD (check and report). */
export function asOfOptions(opts: { readonly attendance?: string; readonly asOf?: string }): void {
  if ((opts.attendance === undefined) !== (opts.asOf === undefined))
    throw new InputRefused([
      {
        file: opts.attendance === undefined ? '--as-of' : '--attendance',
        path: [],
        message: 'the year as it happened needs both --attendance FILE and --as-of DATE',
      },
    ]);
  dateOption(opts.asOf, '--as-of');
}

/** A `--until` / `--as-of` date: YYYY-MM-DD. */
export function dateOption(value: string | undefined, option: string): void {
  if (value !== undefined && !isIsoDate(value))
    throw new InputRefused([
      { file: option, path: [], message: `"${value.slice(0, 40)}" is not a date: write YYYY-MM-DD, e.g. 2027-04-15` },
    ]);
}

/** A plan.json read, or refused. */
export function readPlanDocumentFile(path: string) {
  return unwrap(readPlanDocument(unwrap(decodeText(unwrap(readInputFile(path, 'the plan')), path)), path));
}

/** Milliseconds as seconds for people, with one decimal: `6.1 s`. */
export const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** A cost or a bound for people: thousands grouped, at most two decimals: `1,305,792.33`. */
export const amount = (x: number): string => x.toLocaleString('en', { maximumFractionDigits: 2 });

/** A fraction as a percentage with one decimal: `37.5 %`. */
export const percent = (x: number): string => `${(100 * x).toFixed(1)} %`;
