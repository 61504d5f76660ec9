// plan.xlsx (issue 11): the plan.csv columns in a workbook — real date and time cells, Vietnamese (or English)
// headers, the header row frozen and filtered, columns as wide as their text. Written with exceljs, loaded only
// here. The same plan gives the same bytes: the workbook's dates and every zip entry's time are the plan's
// generation time. Text is stored as text, never as a formula, so a name starting with "=" stays a name.
import type { Directory, Visit } from '../domain/types.js';
import { planRows } from './csv.js';
import { CSV_HEADERS, type Lang } from './labels.js';

export const PLAN_SHEET: Record<Lang, string> = { vi: 'Kế hoạch', en: 'Plan' };

const DATE_COL = 0;
const TIME_COLS = new Set([2, 3]);

function toTime(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return (h * 60 + m) / 1440;
}

export async function renderPlanXlsx(
  dir: Directory,
  visits: readonly Visit[],
  lang: Lang,
  generatedAt: string,
): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const when = new Date(generatedAt);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lichdu';
  wb.lastModifiedBy = 'lichdu';
  wb.created = when;
  wb.modified = when;
  const header = CSV_HEADERS[lang];
  const ws = wb.addWorksheet(PLAN_SHEET[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  const rows = planRows(dir, visits, lang);
  ws.addRow([...header]).font = { bold: true };
  for (const r of rows)
    ws.addRow(
      r.map((v, i) => {
        if (i === DATE_COL) {
          const [y, mo, d] = v.split('-').map(Number) as [number, number, number];
          return new Date(Date.UTC(y, mo - 1, d));
        }
        return TIME_COLS.has(i) ? toTime(v) : v;
      }),
    );
  header.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    const longest = Math.max(h.length, ...rows.map((r) => (i === DATE_COL ? 10 : r[i]!.length)));
    col.width = Math.min(50, longest + 2);
    if (i === DATE_COL) col.numFmt = 'yyyy-mm-dd';
    if (TIME_COLS.has(i)) col.numFmt = 'hh:mm';
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return workbookBytes(wb, when);
}

/**
 * A workbook's bytes with every zip entry stamped `when`: exceljs zips with JSZip, which stamps each entry with the
 * current time unless told otherwise, so the same workbook would differ from run to run.
 */
export async function workbookBytes(
  wb: { xlsx: { writeBuffer(): Promise<ArrayBuffer> } },
  when: Date,
): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const saved = JSZip.defaults.date;
  JSZip.defaults.date = when;
  try {
    return Buffer.from(await wb.xlsx.writeBuffer());
  } finally {
    JSZip.defaults.date = saved;
  }
}
