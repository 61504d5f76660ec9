import { readFileSync, statSync } from 'node:fs';
import { issue, type Code, type InputIssue, type Params, type Result } from './issues.js';

/** What an input file is, as the messages name it (src/i18n/messages.ts). */
export type FileRole = 'spec' | 'plan' | 'attendance' | 'header' | 'units' | 'cells' | 'members' | 'workbook';

/** Input files larger than this are refused before they are read (a province's spec is a few MB). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;
/** Nesting deeper than this is refused (a spec or plan nests 5 levels; deep nesting only ever means a broken file). */
export const MAX_DEPTH = 64;

const refuse = (file: string, code: Code, params: Params = {}): { ok: false; issues: InputIssue[] } => ({
  ok: false,
  issues: [issue(file, [], code, params)],
});

/**
 * An input file's bytes, or one issue saying why it cannot be read (`what`: the spec, the plan…). Only regular
 * files are read: a FIFO or a device would block or never end.
 */
export function readInputFile(path: string, what: FileRole): Result<Buffer> {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return refuse(path, 'file.is-folder', { what });
    if (!st.isFile()) return refuse(path, 'file.not-regular', { what });
    if (st.size > MAX_INPUT_BYTES) return refuse(path, 'file.too-large', { what, mb: Math.round(st.size / 2 ** 20) });
    return { ok: true, value: readFileSync(path) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return refuse(path, 'file.missing', { what });
    if (code === 'EISDIR') return refuse(path, 'file.is-folder', { what });
    return refuse(path, 'file.unreadable', { what, reason: code ?? (err as Error).message });
  }
}

/**
 * An input file's text: UTF-8 with or without BOM, or UTF-16 with a BOM (Excel's "Unicode text"), normalised to NFC
 * so that Vietnamese typed with combining marks (Unikey's "tổ hợp") equals the same letters typed precomposed. Any
 * other bytes (Windows-1258 or 1252 from "CSV (Comma delimited)") are refused by name, never replaced by "�".
 */
export function decodeText(bytes: Buffer, file: string): Result<string> {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const at = firstBadByte(bytes);
      const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
      return refuse(file, 'file.not-utf8', { line, byte: bytes[at]?.toString(16) ?? '?' });
    }
  }
  return { ok: true, value: text.replace(/^\uFEFF/, '').normalize('NFC') };
}

/** Where UTF-8 decoding first fails: the offset of the byte that starts no valid character. */
function firstBadByte(b: Buffer): number {
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    const n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += n;
  }
  return b.length - 1;
}

/** The deepest nesting of arrays and objects in a parsed value, counted without recursion. */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) max = d + 1;
    if (max > MAX_DEPTH) return max;
    for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push([x, d + 1]);
  }
  return max;
}

/** The refusal of a file nested deeper than MAX_DEPTH (found by depthOf, or by a parser running out of stack). */
export function tooDeep(file: string): { ok: false; issues: InputIssue[] } {
  return refuse(file, 'file.too-deep', { depth: MAX_DEPTH });
}

/** A parsed value nested at most MAX_DEPTH deep, or the issue saying it is not. */
export function boundedDepth<T>(value: T, file: string): Result<T> {
  return depthOf(value) > MAX_DEPTH ? tooDeep(file) : { ok: true, value };
}

/**
 * JSON as strictly as YAML is read: a key given twice in one object is refused (JSON.parse keeps the last one
 * silently), and so is nesting deeper than MAX_DEPTH. `damaged`: a file lichdu wrote (a syntax error then means a
 * half-written or damaged file).
 */
export function parseJson(text: string, file: string, damaged = false): Result<unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return refuse(file, 'json.syntax', { what: damaged ? 'damaged' : 'json', detail: (err as Error).message });
  }
  const deep = boundedDepth(raw, file);
  if (!deep.ok) return deep;
  const dup = duplicateKeys(text);
  if (dup.length > 0)
    return {
      ok: false,
      issues: dup.map((d) =>
        issue(file, [], 'json.duplicate-key', { line: d.line, column: d.column, key: d.key.slice(0, 40) }),
      ),
    };
  return { ok: true, value: raw };
}

/** Keys given twice in one object of a text JSON.parse accepted (a linear scan: a YAML parser took 0.6 s on 0.5 MB). */
function duplicateKeys(text: string): Array<{ line: number; column: number; key: string }> {
  const out: Array<{ line: number; column: number; key: string }> = [];
  const stack: Array<Set<string> | null> = []; // an object's keys so far; null for an array
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      let escaped = false;
      while (text[j] !== '"') {
        if (text[j] === '\\') {
          escaped = true;
          j++;
        }
        j++;
      }
      const keys = stack[stack.length - 1];
      if (keys && expectKey) {
        const key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        if (keys.has(key)) {
          const before = text.slice(0, i).split('\n');
          out.push({ line: before.length, column: before[before.length - 1]!.length + 1, key });
        } else keys.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === '{') {
      stack.push(new Set());
      expectKey = true;
    } else if (c === '[') stack.push(null);
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') expectKey = stack[stack.length - 1] != null;
  }
  return out;
}
