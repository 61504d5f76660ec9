// plan.xlsx (issue 11): the plan.csv columns in a workbook — real date and time cells, Vietnamese (or English)
// headers, the header row frozen and filtered, columns as wide as their text. Written with exceljs, loaded only
// here. The same plan gives the same bytes: the workbook's dates and every zip entry's time are the plan's
// generation time. Text is stored as text, never as a formula, so a name starting with "=" stays a name.
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
  const { wb, when } = await newWorkbook(generatedAt);
  addPlanSheet(wb, dir, visits, lang, rows);
  return workbookBytes(wb, when);
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
 * `formats` gives number formats by column index (dates, times).
 */
export function addTableSheet(
  wb: Workbook,
  name: string,
  header: readonly string[],
  rows: readonly (readonly (string | number | Date | null)[])[],
  formats: Readonly<Record<number, string>> = {},
): Worksheet {
  const ws = wb.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...header]).font = { bold: true };
  for (const r of rows) ws.addRow([...r]);
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

/** The plan.csv columns as a sheet: real date and time cells. */
export function addPlanSheet(
  wb: Workbook,
  dir: Directory,
  visits: readonly Visit[],
  lang: Lang,
  planned: readonly string[][] = planRows(dir, visits, lang),
): Worksheet {
  const rows = planned.map((r) => r.map((v, i) => (i === DATE_COL ? dateCell(v) : TIME_COLS.has(i) ? toTime(v) : v)));
  return addTableSheet(wb, PLAN_SHEET[lang], CSV_HEADERS[lang], rows, {
    [DATE_COL]: 'yyyy-mm-dd',
    ...Object.fromEntries([...TIME_COLS].map((c) => [c, 'hh:mm'])),
  });
}

/**
 * A workbook's bytes with every zip entry stamped `when`: exceljs zips with JSZip, which stamps each entry with the
 * current time unless told otherwise, so the same workbook would differ from run to run. Deflated at level 1: JSZip
 * deflates in JavaScript, and at its default level 6 that was a third of the time to write the plan.xlsx of 2,800 cells
 * (1.3 s → 0.9 s; 0.78 MB → 1.0 MB).
 */
export async function workbookBytes(
  wb: { xlsx: { writeBuffer(options?: Partial<import('exceljs').XlsxWriteOptions>): Promise<ArrayBuffer> } },
  when: Date,
): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const saved = JSZip.defaults.date;
  JSZip.defaults.date = when;
  try {
    return Buffer.from(
      await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } }),
    );
  } finally {
    JSZip.defaults.date = saved;
  }
}
