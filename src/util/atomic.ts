import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, writeSync, fsyncSync, closeSync, renameSync, rmSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/** A file written beside its target under a temporary name, flushed to disk, waiting to be renamed over it. */
export interface Staged {
  readonly path: string;
  readonly tmp: string;
}

function writeAll(fd: number, buf: Uint8Array): void {
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
}

/** Bytes of text gathered before each write (one write per buffer, not one per piece). */
const PIECES_BUFFER = 1 << 22;
let piecesBuffer: Buffer | undefined;

/**
 * Writes pieces of text through one buffer, each encoded into it where it fits and the buffer written when the next
 * would not: a calendar comes as a piece per event. A buffer and a write call for each piece was a fifth of the time
 * to write 5,000 calendars; pieces joined into one string and encoded at once, 0.3 s of writing the calendars of
 * 2,800 cells (the string is flattened first); encoded one by one into the buffer, a fifth of that.
 */
function writePieces(fd: number, pieces: Iterable<string>): void {
  const buf = (piecesBuffer ??= Buffer.allocUnsafe(PIECES_BUFFER));
  let used = 0;
  for (const piece of pieces) {
    // At most 3 bytes of UTF-8 per UTF-16 unit.
    if (used + piece.length * 3 > buf.length) {
      writeAll(fd, buf.subarray(0, used));
      used = 0;
      if (piece.length * 3 > buf.length) {
        writeAll(fd, Buffer.from(piece, 'utf8'));
        continue;
      }
    }
    used += buf.write(piece, used, 'utf8');
  }
  if (used > 0) writeAll(fd, buf.subarray(0, used));
}

/**
 * Temporary names (`.<name>.tmp-<pid>-<8 hex digits>`, as src/util/lock.ts knows them): a random start for this
 * process, counted up per file (a random draw per file was 3 % of writing 5,000 calendars).
 */
const TMP_BASE = randomBytes(4).readUInt32BE(0);
let staging = 0;

/** Opens a new temporary file, making its folder only when it is missing (not a mkdir call per file). */
function openTmp(dir: string, tmp: string): number {
  try {
    return openSync(tmp, 'w', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    mkdirSync(dir, { recursive: true });
    return openSync(tmp, 'w', 0o644);
  }
}

/**
 * Writes `data` (text, bytes, or pieces of text written as they come) to a temporary file in the target's directory
 * and flushes it; the target is not touched yet.
 */
export function stageFile(
  path: string,
  data: string | Uint8Array | Iterable<string>,
  opts: { readonly flush?: boolean } = {},
): Staged {
  const dir = dirname(path);
  const tag = ((TMP_BASE + staging++) >>> 0).toString(16).padStart(8, '0');
  const tmp = join(dir, `.${basename(path)}.tmp-${process.pid}-${tag}`);
  let fd: number | undefined;
  try {
    fd = openTmp(dir, tmp);
    if (typeof data === 'string') writeAll(fd, Buffer.from(data, 'utf8'));
    else if (data instanceof Uint8Array) writeAll(fd, data);
    else writePieces(fd, data);
    if (opts.flush !== false) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    return { path, tmp };
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Flushes files staged with `flush: false` to disk before they are committed: one `sync -f` of their file system
 * (coreutils; thousands of calendars flushed at once instead of one fsync each, measured: README), else each file.
 */
export function flushStaged(staged: readonly Staged[]): void {
  if (staged.length === 0) return;
  try {
    execFileSync('sync', ['-f', staged[0]!.tmp], { stdio: 'ignore', timeout: 120_000 });
    return;
  } catch {
    // No sync(1) with -f here: each file on its own.
  }
  for (const s of staged) {
    const fd = openSync(s.tmp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

/** Renames staged files over their targets, in order; on an error the ones not yet renamed are removed. */
export function commitStaged(staged: readonly Staged[]): void {
  let i = 0;
  try {
    for (; i < staged.length; i++) renameSync(staged[i]!.tmp, staged[i]!.path);
  } catch (err) {
    abortStaged(staged.slice(i));
    throw err;
  }
}

/**
 * Stages files with `work`, all or none: when staging fails, every file staged so far is removed and the error
 * thrown; the targets are untouched until the caller commits.
 */
export async function stagedTogether(work: (staged: Staged[]) => Promise<void> | void): Promise<Staged[]> {
  const staged: Staged[] = [];
  try {
    await work(staged);
    return staged;
  } catch (err) {
    abortStaged(staged);
    throw err;
  }
}

/** Writes several files together: each staged, then all renamed in order; none is replaced if staging fails. */
export async function writeFilesTogether(files: readonly { path: string; data: string | Uint8Array }[]) {
  commitStaged(await stagedTogether((staged) => files.forEach((f) => staged.push(stageFile(f.path, f.data)))));
}

/** Removes staged temporary files (nothing was replaced). */
export function abortStaged(staged: readonly Staged[]): void {
  for (const s of staged) rmSync(s.tmp, { force: true });
}

/**
 * Writes a file so that readers see either the old content or the whole new one: a temporary file in the same
 * directory, flushed to disk, then renamed over the target. On any error the temporary file is removed.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string>): void {
  commitStaged([stageFile(path, data)]);
}
