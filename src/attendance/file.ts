// The attendance file (issue 9, item 1): what happened to each visit, filled in by the staff in a spreadsheet.
// One row per visit: its date, start, member and cell (as the plan has them, or a visit not in the plan), a result
// — done, missed (with a reason), or replaced by another member — and the day the member's report was sent.
// `lichdu attendance template PLAN` writes it pre-filled from the plan; it is read back with the same care as plan
// files (./planfile/table.ts: any separator, UTF-8 or UTF-16, xlsx; dates and times as spreadsheets write them).
import { VisitMap } from '../domain/plan.js';
import type { CellId, Directory, IsoDate, MemberId, Visit } from '../domain/types.js';
import { sortVisits } from '../format/csv.js';
import type { Lang } from '../format/labels.js';
import { weekdayName } from '../calendar/meetings.js';
import { dateOrder, findColumns, Grouped } from '../planfile/csv.js';
import { csvTable, isZip, normHeader, readTable, type Table } from '../planfile/table.js';
import { decodeText, readInputFile } from '../util/files.js';
import { cellText, readDate, readTime, type CellValue } from '../planfile/values.js';
import { describeValue as q } from '../schema/primitives.js';
import { identify, NameIndex } from '../planfile/names.js';
import { type Code, type InputIssue, type Params, type Result } from '../util/issues.js';
import { restore } from '../format/csv.js';

export const ATTENDANCE_COLUMNS = [
  'date',
  'weekday',
  'start',
  'member_id',
  'member_name',
  'cell_id',
  'cell_name',
  'result',
  'replaced_by',
  'reason',
  'reported_on',
] as const;
export type AttendanceColumn = (typeof ATTENDANCE_COLUMNS)[number];

export const ATTENDANCE_HEADERS: Record<Lang, readonly string[]> = {
  vi: [
    'Ngày',
    'Thứ',
    'Giờ bắt đầu',
    'Mã cấp ủy viên',
    'Họ và tên',
    'Mã chi bộ',
    'Tên chi bộ',
    'Kết quả',
    'Người dự thay',
    'Lý do',
    'Ngày nộp báo cáo',
  ],
  en: [
    'Date',
    'Weekday',
    'Start',
    'Member ID',
    'Full name',
    'Cell ID',
    'Cell name',
    'Result',
    'Replaced by',
    'Reason',
    'Report sent on',
  ],
};

/** Who may be named in an attendance file: the members and cells, by id and full name. */
export interface Roster {
  readonly members: readonly { readonly id: string; readonly name: string }[];
  readonly cells: readonly { readonly id: string; readonly name: string }[];
}

export type AttendanceResult = 'done' | 'missed' | 'replaced';

/** What staff write in "Kết quả"; the first of each is what lichdu writes. Case, accents' form and spaces ignored. */
export const RESULT_WORDS: Record<AttendanceResult, readonly string[]> = {
  done: ['Đã dự', 'done', 'có', 'x', 'yes', 'dự'],
  missed: ['Vắng', 'missed', 'không', 'no', 'vắng mặt', 'không dự'],
  replaced: ['Dự thay', 'replaced', 'thay', 'người khác dự'],
};
export const RESULT_LABEL: Record<Lang, Record<AttendanceResult, string>> = {
  vi: { done: 'Đã dự', missed: 'Vắng', replaced: 'Dự thay' },
  en: { done: 'done', missed: 'missed', replaced: 'replaced' },
};

const REQUIRED: readonly AttendanceColumn[] = ['date', 'member_id', 'cell_id', 'result'];

const RESULT_OF = new Map<string, AttendanceResult>();
for (const [k, words] of Object.entries(RESULT_WORDS))
  for (const w of words) RESULT_OF.set(normHeader(w), k as AttendanceResult);

export interface AttendanceRecord {
  readonly member: MemberId;
  readonly cell: CellId;
  readonly date: IsoDate;
  /** `HH:MM` when the row gives it. */
  readonly start?: string;
  /** Absent when the row is not filled in yet (a template row). */
  readonly result?: AttendanceResult;
  readonly replacedBy?: MemberId;
  readonly reason?: string;
  readonly reportedOn?: IsoDate;
  /** The row's line or row number, for messages. */
  readonly at: number;
}

export interface Attendance {
  readonly records: readonly AttendanceRecord[];
  /** The file has a "report sent on" column: reports can be checked. */
  readonly recordsReports: boolean;
  readonly notes: readonly InputIssue[];
}

/** What is already recorded of a visit (the console's attendance page fills the rows with it). */
export interface Recorded {
  readonly result?: AttendanceResult;
  readonly replacedBy?: string;
  readonly reason?: string;
  readonly reportedOn?: string;
}

/**
 * The template's rows: every visit of the plan up to `until` (all when absent), in plan.csv order, with what
 * `recorded` gives of each (empty: to fill in).
 */
export function attendanceRows(
  dir: Directory,
  visits: readonly Visit[],
  lang: Lang,
  until?: IsoDate,
  recorded: (v: Visit) => Recorded | undefined = () => undefined,
): string[][] {
  const member = new Map(dir.members.map((m) => [m.id as string, m.name]));
  const cell = new Map(dir.cells.map((c) => [c.id as string, c.name]));
  return sortVisits(visits)
    .filter((v) => until === undefined || v.date <= until)
    .map((v) => {
      const r = recorded(v);
      return [
        v.date,
        weekdayName(v.date, lang),
        v.start,
        v.member,
        member.get(v.member) ?? '',
        v.cell,
        cell.get(v.cell) ?? '',
        r?.result !== undefined ? RESULT_LABEL[lang][r.result] : '',
        r?.replacedBy ?? '',
        r?.reason ?? '',
        r?.reportedOn ?? '',
      ];
    });
}

/** Reads an attendance table (either language) against the spec: every problem at once, grouped. */
export function readAttendanceTable(table: Table, file: string, problem: Roster): Result<Attendance> {
  const found = findColumns(table, file, ATTENDANCE_COLUMNS, ATTENDANCE_HEADERS, REQUIRED, true);
  if (!found.ok) return found;
  const { col, heading } = found.value;
  const order =
    dateOrder(table, col('date')!, col('weekday')) ??
    (col('reported_on') === undefined ? undefined : dateOrder(table, col('reported_on')!, undefined));
  const members = new NameIndex('member', problem.members);
  const cells = new NameIndex('cell', problem.cells);
  const errors = new Grouped();
  const notes = new Grouped(true);
  const records: AttendanceRecord[] = [];
  const seen = new VisitMap<number>();
  for (const r of table.rows) {
    if (r.cells.every((x) => cellText(x) === '')) continue;
    const raw = (key: AttendanceColumn): CellValue => (col(key) === undefined ? null : (r.cells[col(key)!] ?? null));
    const text = (key: AttendanceColumn) => restore(cellText(raw(key)));
    let ok = true;
    const bad = (key: AttendanceColumn, code: Code, params: Params = {}) => {
      ok = false;
      errors.add(code, params, r.at, heading(key));
    };
    const date = readDate(raw('date'), order);
    if (!date.ok) bad('date', date.error.code, date.error.params);
    let start: string | undefined;
    if (col('start') !== undefined && text('start') !== '') {
      const t = readTime(raw('start'));
      if (!t.ok) bad('start', t.error.code, t.error.params);
      else start = t.value;
    }
    // Ids or full names (issue 24, item 5); a name that disagrees with the id refuses the row.
    const named = (index: NameIndex, idKey: AttendanceColumn, nameKey: AttendanceColumn, hint = false): string => {
      const got = identify(index, text(idKey), col(nameKey) === undefined || nameKey === idKey ? '' : text(nameKey));
      if (!got.ok) bad(got.onName ? nameKey : idKey, got.code, hint ? { ...got.params, hint: 1 } : got.params);
      else if (got.byName)
        notes.add('note.name-read', { value: q(text(idKey) || text(nameKey)), id: got.id }, r.at, heading(idKey));
      return got.ok ? got.id : '';
    };
    const member = named(members, 'member_id', 'member_name');
    const cell = named(cells, 'cell_id', 'cell_name');
    const resultText = text('result');
    let result = resultText === '' ? undefined : RESULT_OF.get(normHeader(resultText));
    if (resultText !== '' && result === undefined)
      bad('result', 'table.not-result', {
        value: q(resultText),
        done: RESULT_LABEL.vi.done,
        missed: RESULT_LABEL.vi.missed,
        replaced: RESULT_LABEL.vi.replaced,
      });
    const replacedBy = text('replaced_by') === '' ? '' : named(members, 'replaced_by', 'replaced_by', true);
    if (text('replaced_by') !== '') {
      if (replacedBy !== '' && replacedBy === member) bad('replaced_by', 'table.replaces-self', { value: q(member) });
      if (result === undefined || result === 'done') {
        if (result === 'done') bad('result', 'table.done-with-replacement', { value: q(resultText) });
        result = 'replaced';
      }
    } else if (result === 'replaced') bad('replaced_by', 'table.replacement-missing');
    let reportedOn: IsoDate | undefined;
    if (col('reported_on') !== undefined && text('reported_on') !== '') {
      const d = readDate(raw('reported_on'), order);
      if (!d.ok) bad('reported_on', d.error.code, d.error.params);
      else reportedOn = d.value;
    }
    if (!ok || !date.ok) continue;
    const visit = { member, cell, date: date.value };
    const before = seen.get(visit);
    if (before !== undefined) {
      errors.add(
        'table.visit-twice',
        { member: q(member), cell: q(cell), date: date.value, also: before, sheet: table.sheet ?? '' },
        r.at,
      );
      continue;
    }
    seen.set(visit, r.at);
    const reason = text('reason');
    records.push({
      member: member as MemberId,
      cell: cell as CellId,
      date: date.value,
      ...(start !== undefined ? { start } : {}),
      ...(result !== undefined ? { result } : {}),
      ...(replacedBy !== '' && result === 'replaced' ? { replacedBy: replacedBy as MemberId } : {}),
      ...(reason !== '' ? { reason } : {}),
      ...(reportedOn !== undefined ? { reportedOn } : {}),
      at: r.at,
    });
  }
  const issues = errors.issues(table, file);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      records,
      recordsReports: col('reported_on') !== undefined,
      notes: notes.issues(table, file),
    },
  };
}

/** Sheets an attendance workbook is looked for in, before its first sheet. */
export const ATTENDANCE_SHEETS = ['Điểm danh', 'Attendance'];

/** Reads an attendance file: CSV (any separator lichdu reads, UTF-8 or UTF-16) or a workbook. */
export async function readAttendanceFile(path: string, problem: Roster): Promise<Result<Attendance>> {
  const bytes = readInputFile(path, 'attendance');
  if (!bytes.ok) return bytes;
  let table: Result<Table>;
  if (isZip(bytes.value) || path.toLowerCase().endsWith('.xlsx'))
    table = await readTable(bytes.value, path, ATTENDANCE_SHEETS);
  else {
    const text = decodeText(bytes.value, path);
    table = text.ok ? csvTable(text.value, path) : text;
  }
  return table.ok ? readAttendanceTable(table.value, path, problem) : table;
}
