// Errors as data: a problem with an input file — a stable code and its parameters (src/i18n/messages.ts), the file,
// the path inside it and, for what came from a workbook, the sheet, row and column. Text is made at the edge, in the
// user's language (formatIssue); nothing decides by reading it.
import type { Lang } from '../i18n/lang.js';
import { renderMessage, type Code, type Params } from '../i18n/messages.js';

export type { Code, Params } from '../i18n/messages.js';

export type PathSegment = string | number;

/**
 * Where in a table a value came from: the sheet of a workbook (none for CSV), the row or line as the spreadsheet shows
 * it (or rows, `2–80, 85`, for a problem found on several), and the column's header.
 */
export interface SheetPlace {
  readonly sheet?: string;
  readonly rows: string;
  readonly many?: boolean;
  readonly column?: string;
}

export interface InputIssue {
  readonly file: string;
  /** Path inside the file, e.g. ['members', 3, 'area', 0]; empty for the file as a whole. */
  readonly path: readonly PathSegment[];
  readonly code: Code;
  readonly params: Params;
  /** For a spec built from a workbook (`lichdu import`): where the value is in the workbook. */
  readonly place?: SheetPlace;
}

/** A problem: `issue(file, path, code, params)`. */
export const issue = (file: string, path: readonly PathSegment[], code: Code, params: Params = {}): InputIssue => ({
  file,
  path,
  code,
  params,
});

/** A problem's message in a language. */
export const messageOf = (i: InputIssue, lang: Lang): string => renderMessage(i.code, i.params, lang);

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly InputIssue[] };

/** `members[3].area[0]` */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Where a problem is, in words: the file and the path, or the sheet (or line), row and column of a table. */
export function placeOf(i: InputIssue, lang: Lang): string {
  const p = i.place;
  if (p) {
    const col = p.column ? (lang === 'vi' ? `, cột "${p.column}"` : `, column "${p.column}"`) : '';
    if (lang === 'vi') return `${i.file}, ${p.sheet !== undefined ? `trang "${p.sheet}", ` : ''}dòng ${p.rows}${col}`;
    const row =
      p.sheet !== undefined
        ? `sheet "${p.sheet}", ${p.many ? 'rows' : 'row'} ${p.rows}`
        : `${p.many ? 'lines' : 'line'} ${p.rows}`;
    return `${i.file}: ${row}${col}`;
  }
  return i.path.length > 0 ? `${i.file}: ${formatPath(i.path)}` : i.file;
}

/** A problem on one line: `✖ where: message`; `mark` is `!` for a warning, `ghi chú:`/`note:` for a note. */
export function formatIssue(i: InputIssue, lang: Lang = 'en', mark = '✖'): string {
  return `${mark} ${placeOf(i, lang)}: ${messageOf(i, lang)}`;
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The nearest candidate when it is close enough to be a likely typo. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDist || (d === bestDist && best !== undefined && c < best)) {
      best = c;
      bestDist = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(word.length, best.length) / 3));
  return bestDist <= limit ? best : undefined;
}

/** The `near` parameter of a problem: the likely intended word, or ''. */
export function near(word: string, candidates: Iterable<string>): string {
  return nearest(word, candidates) ?? '';
}

/**
 * The one refusal of lichdu's input: its problems, carried up to where they are shown (the command runner prints
 * them in the user's language and exits 2; the feed server keeps its last good plan). Its message is the English
 * text, for logs and for a bug report.
 */
export class InputRefused extends Error {
  constructor(readonly issues: readonly InputIssue[]) {
    super(issues.map((i) => formatIssue(i, 'en')).join('\n'));
  }
}
