// A table from a spreadsheet file, whatever saved it (issue 11): CSV in UTF-8 (with or without BOM) or UTF-16
// (Excel's "Unicode text"), separated by comma, semicolon (Excel and LibreOffice with Vietnamese or European regional
// settings) or tab, read with csv-parse; or a workbook (.xlsx) read with exceljs, loaded only when one is given.
// Every row keeps where it came from, so problems can say `line 5` or `sheet "Kế hoạch", row 5`.
import { parse } from 'csv-parse/sync';
import { decodeText } from '../util/files.js';
import { issue, type Code, type Params, type Result } from '../util/issues.js';
import type { CellValue } from './values.js';

export interface TableRow {
  /** Line (CSV) or row (workbook) number, 1-based. */
  readonly at: number;
  readonly cells: readonly CellValue[];
}

export interface Table {
  readonly header: readonly string[];
  /** The header's line or row. */
  readonly headerAt: number;
  readonly rows: readonly TableRow[];
  /** The sheet it was read from (none for CSV): a place in it is its sheet and row, or its line. */
  readonly sheet?: string;
}

const fail = (file: string, code: Code, params: Params = {}): Result<never> => ({
  ok: false,
  issues: [issue(file, [], code, params)],
});

/**
 * A header (or a label compared like one) as typed by anyone: no BOM, NFC, lower case, runs of spaces and commas as
 * one space, a trailing ":" or "*" (a required-field mark) left out.
 */
export const normHeader = (h: string): string =>
  h
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s,]+/g, ' ')
    .trim()
    .replace(/\s*[:*]+$/, '');

/**
 * The column of each key a header names, found by `keyOf` on the normalised header text; the first column of each
 * key is kept (the one column finder of plan tables, attendance files and import sheets).
 */
export function columnIndex<K>(
  header: readonly string[],
  keyOf: (normalised: string) => K | undefined,
): Map<K, number> {
  const index = new Map<K, number>();
  header.forEach((h, i) => {
    const key = keyOf(normHeader(h));
    if (key !== undefined && !index.has(key)) index.set(key, i);
  });
  return index;
}

/** A zip archive (xlsx, ods, docx) starts with these bytes. */
export const isZip = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** The separator of a CSV text: the one of `,` `;` tab found most often outside quotes on its first line. */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [sep, n] of counts) if (n > counts.get(best)!) best = sep;
  return best;
}

/** A CSV text's table. */
export function csvTable(text: string, file: string): Result<Table> {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = detectSeparator(body);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(body, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (err) {
    const e = err as Error & { lines?: number };
    const what = e.message.replace(/^Invalid Closing Quote: /, '').split(/[:,] /)[0] ?? e.message;
    return fail(file, 'table.not-csv', {
      line: e.lines ?? '',
      detail: what,
      separator: delimiter === '\t' ? 'tab' : delimiter,
    });
  }
  const [head, ...rest] = records;
  if (!head) return fail(file, 'table.empty');
  return {
    ok: true,
    value: {
      header: head.record,
      headerAt: head.info.lines,
      rows: rest.map((r) => ({ at: r.info.lines, cells: r.record })),
    },
  };
}

/** A workbook cell's value as text, number or date (formulas by their result, rich text by its text). */
function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: Array<{ text: string }>; text?: unknown; error?: string };
    if ('result' in o) return cellValue(o.result);
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if ('text' in o) return cellValue(o.text);
    if (o.error !== undefined) return o.error;
  }
  return String(v);
}

type Workbook = import('exceljs').Workbook;
/** Workbooks already parsed, by their bytes: a workbook read for several sheets is parsed once. */
const parsed = new WeakMap<Uint8Array, Promise<Workbook | undefined>>();

function loadWorkbook(bytes: Uint8Array): Promise<Workbook | undefined> {
  let wb = parsed.get(bytes);
  if (!wb) {
    wb = (async () => {
      const { default: ExcelJS } = await import('exceljs');
      const book = new ExcelJS.Workbook();
      try {
        await book.xlsx.load(bytes as unknown as ArrayBuffer);
        return book;
      } catch {
        return undefined;
      }
    })();
    parsed.set(bytes, wb);
  }
  return wb;
}

/** A workbook's description (its document properties), '' when none or not a workbook. */
export async function workbookDescription(bytes: Uint8Array): Promise<string> {
  const wb = await loadWorkbook(bytes);
  return wb?.description ?? '';
}

/**
 * A workbook's table: the sheet whose name is in `preferred` (any case), else the first one. Its first non-empty row
 * is the header.
 */
export async function xlsxTable(
  bytes: Uint8Array,
  file: string,
  preferred: readonly string[],
  fallbackFirst = true,
): Promise<Result<Table>> {
  const wb = await loadWorkbook(bytes);
  if (!wb) return fail(file, 'table.not-workbook');
  const wanted = new Set(preferred.map((n) => n.toLowerCase()));
  const sheet =
    wb.worksheets.find((s) => wanted.has(s.name.toLowerCase())) ?? (fallbackFirst ? wb.worksheets[0] : undefined);
  if (!sheet)
    return fallbackFirst
      ? fail(file, 'table.no-sheets')
      : fail(file, 'table.no-sheet', {
          wanted: preferred.map((n) => `"${n}"`).join(' / '),
          has: wb.worksheets.map((w) => `"${w.name}"`).join(', '),
        });
  const rows: TableRow[] = [];
  let header: string[] | undefined;
  let headerAt = 1;
  sheet.eachRow({ includeEmpty: false }, (row, at) => {
    const values = (row.values as unknown[]).slice(1).map(cellValue);
    if (values.every((v) => v === null || (typeof v === 'string' && v.trim() === ''))) return;
    if (header === undefined) {
      header = values.map((v) => (v === null ? '' : String(v)));
      headerAt = at;
    } else rows.push({ at, cells: values });
  });
  if (header === undefined) return fail(file, 'table.empty-sheet', { sheet: sheet.name });
  const name = sheet.name;
  return {
    ok: true,
    value: { header, headerAt, rows, sheet: name },
  };
}

/** A table from a file's bytes: a workbook when they are a zip archive, else CSV text in any of the encodings. */
export async function readTable(bytes: Buffer, file: string, sheets: readonly string[]): Promise<Result<Table>> {
  if (isZip(bytes)) return xlsxTable(bytes, file, sheets);
  const decoded = decodeText(bytes, file);
  if (!decoded.ok) return decoded;
  return csvTable(decoded.value, file);
}
