// plan.xlsx (issue 11): the plan.csv columns in a workbook — real date and time cells, Vietnamese (or English)
// headers, the header row frozen and filtered, columns as wide as their text. Written with exceljs, loaded only
// here. The same plan gives the same bytes: the workbook's dates and every zip entry's time are the plan's
// generation time. Text is stored as text, never as a formula, so a name starting with "=" stays a name.
import { createRequire } from 'node:module';
import type { Directory, Visit } from '../domain/types.js';
import { planRows } from '../format/csv.js';
import { CSV_HEADERS, type Lang } from '../format/labels.js';

export const PLAN_SHEET: Record<Lang, string> = { vi: 'Kế hoạch', en: 'Plan' };

const DATE_COL = 0;
const TIME_COLS = new Set([2, 3]);

export function toTime(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return (h * 60 + m) / 1440;
}

export async function renderPlanXlsx(
  dir: Directory,
  visits: readonly Visit[],
  lang: Lang,
  generatedAt: string,
  rows?: readonly string[][],
): Promise<Buffer> {
  const planned = planCells(rows ?? planRows(dir, visits, lang));
  // Not written as withRows expects (another exceljs?): exceljs writes every row, as it always may.
  return (await planXlsxFromFirstRow(planned, lang, generatedAt)) ?? planXlsxByExceljs(planned, lang, generatedAt);
}

async function planXlsxByExceljs(planned: readonly Value[][], lang: Lang, generatedAt: string): Promise<Buffer> {
  const { wb, when } = await newWorkbook(generatedAt);
  addPlanCells(wb, lang, planned);
  return workbookBytes(wb, when);
}

/**
 * plan.xlsx with exceljs making the sheet with its header and first row, the other rows written as that row is
 * (withRows). Undefined when exceljs did not write the first row as expected.
 */
export async function planXlsxFromFirstRow(
  planned: readonly Value[][],
  lang: Lang,
  generatedAt: string,
): Promise<Buffer | undefined> {
  const { wb, when } = await newWorkbook(generatedAt);
  addPlanCells(wb, lang, planned, 1);
  if (planned.length <= 1) return workbookBytes(wb, when);
  return withRows(await workbookBytes(wb, when, 'STORE'), CSV_HEADERS[lang], planned, when);
}

/** What renderPlanXlsx would write with exceljs alone (every row made by exceljs): the tests' reference. */
export async function renderPlanXlsxByExceljs(
  dir: Directory,
  visits: readonly Visit[],
  lang: Lang,
  generatedAt: string,
): Promise<Buffer> {
  return planXlsxByExceljs(planCells(planRows(dir, visits, lang)), lang, generatedAt);
}

type Workbook = import('exceljs').Workbook;
type Worksheet = import('exceljs').Worksheet;

/** An empty workbook stamped with `generatedAt` (exceljs loaded here, on first use). */
export async function newWorkbook(generatedAt: string): Promise<{ wb: Workbook; when: Date }> {
  const { default: ExcelJS } = await import('exceljs');
  const when = new Date(generatedAt);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lichdu';
  wb.lastModifiedBy = 'lichdu';
  wb.created = when;
  wb.modified = when;
  return { wb, when };
}

/** A date `YYYY-MM-DD` as a date cell's value (midnight UTC: exceljs writes the serial day of the UTC date). */
export function dateCell(iso: string): Date {
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d));
}

/**
 * A sheet of `rows` under a bold, frozen, filtered header; columns as wide as their text (dates 10), at most 50.
 * `formats` gives number formats by column index (dates, times). Only the first `written` rows are added (the widths
 * count them all): renderPlanXlsx writes the others itself.
 */
export function addTableSheet(
  wb: Workbook,
  name: string,
  header: readonly string[],
  rows: readonly (readonly (string | number | Date | null)[])[],
  formats: Readonly<Record<number, string>> = {},
  written = rows.length,
): Worksheet {
  const ws = wb.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...header]).font = { bold: true };
  for (let k = 0; k < written && k < rows.length; k++) ws.addRow([...rows[k]!]);
  header.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    const width = (v: string | number | Date | null | undefined) =>
      v instanceof Date ? 10 : v === null || v === undefined ? 0 : formats[i] === 'hh:mm' ? 5 : String(v).length;
    const longest = Math.max(h.length, ...rows.map((r) => width(r[i])));
    col.width = Math.min(50, longest + 2);
    const numFmt = formats[i];
    // One style object for the column's cells below the header: exceljs makes each style object's XML to find its
    // number, once per object, and each cell had its own (0.4 s of the plan.xlsx of 2,800 cells).
    const style = numFmt === undefined ? {} : { numFmt };
    col.eachCell((cell, row) => {
      if (row > 1) cell.style = style;
      else if (numFmt !== undefined) cell.numFmt = numFmt;
    });
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return ws;
}

export type Value = string | number | Date | null;

/** plan.csv's rows as the sheet's values: real date and time cells. */
export function planCells(planned: readonly string[][]): Value[][] {
  return planned.map((r) => r.map((v, i) => (i === DATE_COL ? dateCell(v) : TIME_COLS.has(i) ? toTime(v) : v)));
}

const PLAN_FORMATS: Readonly<Record<number, string>> = {
  [DATE_COL]: 'yyyy-mm-dd',
  ...Object.fromEntries([...TIME_COLS].map((c) => [c, 'hh:mm'])),
};

function addPlanCells(wb: Workbook, lang: Lang, cells: readonly Value[][], written?: number): Worksheet {
  return addTableSheet(wb, PLAN_SHEET[lang], CSV_HEADERS[lang], cells, PLAN_FORMATS, written);
}

/** The plan.csv columns as a sheet: real date and time cells. */
export function addPlanSheet(
  wb: Workbook,
  dir: Directory,
  visits: readonly Visit[],
  lang: Lang,
  planned: readonly string[][] = planRows(dir, visits, lang),
): Worksheet {
  return addPlanCells(wb, lang, planCells(planned));
}

/** exceljs's table of shared strings (xl/sharedStrings.xml), which it makes as it writes a workbook. */
interface SharedStrings {
  add(text: string): number;
  readonly xml: string;
}

/**
 * A one-sheet workbook whose sheet exceljs wrote with its header and first data row (`stub`, stored uncompressed),
 * completed with the other rows of `cells`: each written as exceljs wrote the first (the same cell elements, styles
 * and types), the shared strings made by exceljs's own table in the order exceljs adds them, the sheet's dimension
 * widened. exceljs makes an object per cell and a string per attribute: the plan.xlsx of 2,800 cells (15,000 rows of
 * 13 columns) took 0.8–1.0 s alone and 1.7–2.0 s in the output thread beside the other thread's work, the longest
 * part of writing a plan; written this way 0.4 s and 1.1 s (most of it JSZip's deflate). A test holds the bytes
 * equal to what exceljs writes alone, on random plans with awkward names. Undefined when the stub is not as expected
 * (the caller then lets exceljs write every row).
 */
async function withRows(
  stub: Buffer,
  header: readonly string[],
  cells: readonly Value[][],
  when: Date,
): Promise<Buffer | undefined> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(stub);
  const sheetFile = zip.file(SHEET_PATH);
  const stringsFile = zip.file(STRINGS_PATH);
  if (!sheetFile || !stringsFile) return undefined;
  const sheet = await sheetFile.async('string');
  const from = sheet.indexOf('<row r="2" ');
  const to = sheet.indexOf('</row>', from) + '</row>'.length;
  if (from < 0 || to < from) return undefined;
  const first = sheet.slice(from, to);
  const open = /^<row r="2"([^>]*)>/.exec(first);
  const cellRe = /<c r="([A-Z]+)2"([^>]*)><v>[^<]*<\/v><\/c>/g;
  const columns = [...first.matchAll(cellRe)].map((m) => ({ letters: m[1]!, attrs: m[2]! }));
  if (!open || columns.length !== header.length) return undefined;
  const shared = new (createRequire(import.meta.url)(SHARED_STRINGS_XFORM) as new () => SharedStrings)();
  for (const h of header) shared.add(h);
  const rowText = (row: readonly Value[], r: number): string | undefined => {
    let text = `<row r="${r}"${open[1]}>`;
    for (let i = 0; i < columns.length; i++) {
      const { letters, attrs } = columns[i]!;
      const v = row[i];
      const isText = attrs.includes(' t="s"');
      let value: string;
      if (typeof v === 'string' && isText) value = String(shared.add(v));
      else if (typeof v === 'number' && !isText && Number.isFinite(v)) value = String(v);
      else if (v instanceof Date && !isText) value = String(25569 + v.getTime() / 86_400_000);
      else return undefined;
      text += `<c r="${letters}${r}"${attrs}><v>${value}</v></c>`;
    }
    return text + '</row>';
  };
  const rows: string[] = [];
  for (let k = 0; k < cells.length; k++) {
    const text = rowText(cells[k]!, k + 2);
    if (text === undefined) return undefined;
    rows.push(text);
  }
  // The first row as exceljs wrote it is the check that the others are written as it would write them.
  if (rows[0] !== first) return undefined;
  const last = columns[columns.length - 1]!.letters;
  const dimension = `<dimension ref="A1:${last}2"/>`;
  if (!sheet.includes(dimension)) return undefined;
  const whole =
    sheet.slice(0, from).replace(dimension, `<dimension ref="A1:${last}${cells.length + 1}"/>`) +
    rows.join('') +
    sheet.slice(to);
  zip.file(SHEET_PATH, Buffer.from(whole, 'utf8'), { date: when });
  zip.file(STRINGS_PATH, Buffer.from(shared.xml, 'utf8'), { date: when });
  return zipBytes(zip, when);
}

const SHEET_PATH = 'xl/worksheets/sheet1.xml';
const STRINGS_PATH = 'xl/sharedStrings.xml';
const SHARED_STRINGS_XFORM = 'exceljs/lib/xlsx/xform/strings/shared-strings-xform.js';

/**
 * A workbook's bytes with every zip entry stamped `when`: exceljs zips with JSZip, which stamps each entry with the
 * current time unless told otherwise, so the same workbook would differ from run to run. Deflated at level 1: JSZip
 * deflates in JavaScript, and at its default level 6 that was a third of the time to write the plan.xlsx of 2,800 cells
 * (1.3 s → 0.9 s; 0.78 MB → 1.0 MB).
 */
export async function workbookBytes(
  wb: { xlsx: { writeBuffer(options?: Partial<import('exceljs').XlsxWriteOptions>): Promise<ArrayBuffer> } },
  when: Date,
  compression: 'DEFLATE' | 'STORE' = 'DEFLATE',
): Promise<Buffer> {
  return stampedAt(when, async () =>
    Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression, compressionOptions: { level: 1 } } })),
  );
}

/** A zip's bytes, deflated at level 1 as workbookBytes does, every entry stamped `when`. */
function zipBytes(zip: import('jszip'), when: Date): Promise<Buffer> {
  return stampedAt(when, () =>
    zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } }),
  );
}

/** Runs `make` with JSZip stamping the entries it makes with `when` (its default is the current time). */
async function stampedAt<T>(when: Date, make: () => Promise<T>): Promise<T> {
  const { default: JSZip } = await import('jszip');
  const saved = JSZip.defaults.date;
  JSZip.defaults.date = when;
  try {
    return await make();
  } finally {
    JSZip.defaults.date = saved;
  }
}
