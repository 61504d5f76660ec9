// The helpers the commands share (issue 21: one module): output paths and options checked before any work (issue
// 12: exit 70 only for bugs): a user's mistake about where to write is refused at once with exit 2 — not found after
// a long solve and reported as a bug. A filesystem error while writing (disk full, permissions) is reported as such,
// with the path and the fix. And the date options and the plan.json every command reads.
import { accessSync, constants, lstatSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { issue as problem, type Code, type InputIssue, type Params, type Result } from '../util/issues.js';
import type { Lang } from '../format/labels.js';
import { WRITE_ERRNOS } from '../i18n/messages.js';
import { lockFolder } from '../util/lock.js';
import { readPlanDocument } from '../planfile/index.js';
import { decodeText, readInputFile } from '../util/files.js';
import { readDayFirst, slashParts } from '../planfile/values.js';
import { InputRefused, langOf, noteLine, unwrap, type Io } from './io.js';

/** A problem with a command-line option or the environment as a whole (no path inside a file). */
export const optionIssue = (file: string, code: Code, params: Params = {}): InputIssue =>
  problem(file, [], code, params);
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
      return [issue(dir, 'option.dangling-link', { option })];
    }
    if (!target.isDirectory()) return [issue(dir, 'option.file-not-folder', { option })];
    if (!writable(dir)) return [issue(dir, 'option.folder-not-writable', { option })];
    return [];
  }
  const base = existingAncestor(dir);
  if (!statSync(base).isDirectory()) return [issue(dir, 'option.parent-is-file', { option, base })];
  if (!writable(base)) return [issue(dir, 'option.parent-not-writable', { option, base })];
  return [];
}

/** Problems with an output file given as `option` (e.g. --export-model): a folder in its place, no write access. */
export function outputFileIssues(path: string, option: string): InputIssue[] {
  try {
    if (statSync(path).isDirectory()) return [issue(path, 'option.folder-not-file', { option })];
  } catch {
    // Not there yet: its folder must be writable.
  }
  const base = existingAncestor(dirname(path));
  if (!statSync(base).isDirectory() || !writable(base))
    return [issue(path, 'option.cannot-write-file', { option, base })];
  return [];
}

/** Problems with a time stamp option such as --generated-at: it must be an ISO-8601 date and time. */
export function isoTimeIssues(value: string | undefined, option: string): InputIssue[] {
  if (value === undefined) return [];
  const ok = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value);
  if (ok && !Number.isNaN(Date.parse(value))) return [];
  return [issue(option, 'option.not-iso-time', { value: value.slice(0, 40) })];
}

/** SOURCE_DATE_EPOCH, when set, must be whole seconds within the range of dates (it stamps every file). */
export function epochIssues(env: NodeJS.ProcessEnv = process.env): InputIssue[] {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || (/^\d{1,11}$/.test(epoch) && Number(epoch) <= 253402300799)) return [];
  return [issue('SOURCE_DATE_EPOCH', 'option.bad-epoch', { value: epoch.slice(0, 40) })];
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

/** A filesystem error while writing outputs, as a refusal naming the path and the fix; undefined for anything else. */
export function writeFailure(err: unknown): InputRefused | undefined {
  const e = err as NodeJS.ErrnoException;
  if (!e?.code || !WRITE_ERRNOS.has(e.code)) return undefined;
  return new InputRefused([issue(e.path ?? 'output', 'write.failed', { errno: e.code, advice: e.code })]);
}

/**
 * Runs `work` holding the output folder's lock (src/util/lock.ts): a second writer into the same folder is refused
 * with exit 2, naming the process that writes there.
 */
export async function withFolderLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const got = lockFolder(dir);
  if (!got.ok) throw new InputRefused([issue(dir, 'write.locked', { pid: Number.isNaN(got.pid) ? '' : got.pid })]);
  try {
    return await work();
  } finally {
    got.lock.release();
  }
}

/** `--attendance FILE` and `--as-of DATE` come together, the date as YYYY-MM-DD (check and report). */
/** `--attendance` and `--as-of` go together; the date as `dateOption` reads it. */
export function asOfOptions(
  opts: { readonly attendance?: string; readonly asOf?: string },
  io: Io,
): string | undefined {
  if ((opts.attendance === undefined) !== (opts.asOf === undefined))
    throw new InputRefused([issue(opts.attendance === undefined ? '--as-of' : '--attendance', 'option.as-of-pair')]);
  return dateOption(opts.asOf, '--as-of', io);
}

/**
 * A date typed on the command line (`--from`, `--as-of`, `--until`): YYYY-MM-DD, or day/month/year as Vietnamese
 * write it (`15/04/2027`, `1/7/2027`, `01.07.2027`). A day-first date that could also be read month first is said
 * once as a note; one that only makes sense month first (`07/13/2027`) is refused with both readings.
 */
export function dateOption(value: string | undefined, option: string, io: Io): string | undefined {
  if (value === undefined) return undefined;
  const r = typedDate(value, option);
  if (!r.ok) throw new InputRefused(r.issues);
  if (r.value.note) io.err(noteLine(r.value.note, langOf(io)));
  return r.value.iso;
}

/** `dateOption` without the printing: the date, and the note to say, or the problem. */
export function typedDate(value: string, option: string): Result<{ iso: string; note?: InputIssue }> {
  const typed = value.trim();
  const r = readDayFirst(typed);
  if (r.ok) {
    const note =
      r.other !== undefined
        ? issue(option, 'note.date-day-first', { value: typed, read: r.iso, other: r.other })
        : undefined;
    return { ok: true, value: { iso: r.iso, ...(note ? { note } : {}) } };
  }
  return {
    ok: false,
    issues: [
      r.mdy !== undefined
        ? issue(option, 'option.month-first', { option, value: typed, month: slashParts(typed)![1], mdy: r.mdy })
        : issue(option, 'option.not-date', { option, value: typed.slice(0, 40) }),
    ],
  };
}

/** A plan.json read, or refused. */
export function readPlanDocumentFile(path: string) {
  return unwrap(readPlanDocument(unwrap(decodeText(unwrap(readInputFile(path, 'plan')), path)), path));
}

/** Milliseconds as seconds for people, with one decimal: `6.1 s` (Vietnamese `6,1 giây`). */
export const secs = (ms: number, lang: Lang = 'en'): string =>
  lang === 'vi'
    ? `${(ms / 1000).toLocaleString('vi', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} giây`
    : `${(ms / 1000).toFixed(1)} s`;

/** A cost or a bound for people: thousands grouped, at most two decimals: `1,305,792.33` (`1.305.792,33`). */
export const amount = (x: number, lang: Lang = 'en'): string =>
  x.toLocaleString(lang === 'vi' ? 'vi' : 'en', { maximumFractionDigits: 2 });

/** A fraction as a percentage with one decimal: `37.5 %` (`37,5 %`). */
export const percent = (x: number, lang: Lang = 'en'): string =>
  lang === 'vi'
    ? `${(100 * x).toLocaleString('vi', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`
    : `${(100 * x).toFixed(1)} %`;

/** The notes of a plan written over a folder whose report showed another plan (the report got a banner). */
export function staleNotes(written: readonly string[], dir: string): InputIssue[] {
  return written.some((f) => /(^|\/)report(-forms)?\.html$/.test(f)) ? [issue(dir, 'note.report-stale', { dir })] : [];
}
