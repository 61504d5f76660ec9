// The attendance file to fill in (issue 9, item 1): one row per visit of a plan (up to a date), as CSV (UTF-8 with
// BOM, CRLF) or as a workbook with date and time cells and a choice list for the result.
import { ATTENDANCE_HEADERS, attendanceRows, RESULT_LABEL, type Recorded } from '../attendance/file.js';
import type { IsoDate, Visit } from '../domain/types.js';
import { csvLine, defuse } from '../format/csv.js';
import type { Lang } from '../format/labels.js';
import type { PlanDocument } from '../planfile/index.js';
import { resolveGeneratedAt } from './planFiles.js';
import { addTableSheet, dateCell, newWorkbook, toTime, workbookBytes } from './xlsx.js';

export interface AttendanceTemplate {
  readonly bytes: string | Uint8Array;
  /** Visits listed. */
  readonly rows: number;
  readonly header: readonly string[];
}

export async function renderAttendanceTemplate(
  doc: PlanDocument,
  lang: Lang,
  format: 'csv' | 'xlsx',
  until?: IsoDate,
  recorded?: (v: Visit) => Recorded | undefined,
): Promise<AttendanceTemplate> {
  const rows = attendanceRows(doc, doc.visits, lang, until, recorded);
  const header = ATTENDANCE_HEADERS[lang];
  if (format === 'xlsx') {
    const { wb, when } = await newWorkbook(resolveGeneratedAt(doc.year, undefined));
    const ws = addTableSheet(
      wb,
      lang === 'vi' ? 'Điểm danh' : 'Attendance',
      header,
      rows.map((r) => r.map((v, i) => (i === 0 ? dateCell(v) : i === 2 ? toTime(v) : v))),
      { 0: 'yyyy-mm-dd', 2: 'hh:mm', 10: 'yyyy-mm-dd' },
    );
    const choices = Object.values(RESULT_LABEL[lang]).join(',');
    for (let r = 2; r <= Math.max(2, rows.length + 200); r++)
      ws.getCell(r, 8).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${choices}"`] };
    return { bytes: await workbookBytes(wb, when), rows: rows.length, header };
  }
  const lines = [
    csvLine(header),
    ...rows.map((r) => csvLine(r.map((f, i) => (i === 4 || i === 6 || i === 9 ? defuse(f) : f)))),
  ];
  return { bytes: '\uFEFF' + lines.join('\r\n') + '\r\n', rows: rows.length, header };
}
