// The computed meeting calendar before any planning (issue 10, item 3): per cell its twelve meetings, the date the
// rule gives and the date held, with the reason of every move (a holiday by name, a weekend, a date the spec gives),
// so staff can check it against the official calendar.
import { DateTime } from 'luxon';
import type { IsoDate, Problem } from '../domain/types.js';
import { vnHolidayNames } from './holidays.js';
import { plannedDate, weekdayName } from './meetings.js';

export interface CalendarRow {
  readonly cell: string;
  readonly cellName: string;
  readonly unitName: string;
  readonly month: number;
  /** The date the cell's rule gives (day of month, or the last day). */
  readonly ruleDate: IsoDate;
  readonly date: IsoDate;
  readonly start: string;
  readonly end: string;
  /** Why the date differs from the rule's, or '' when it does not. */
  readonly note: string;
}

const WORDS = {
  vi: {
    given: 'ngày ghi trong kế hoạch',
    holiday: 'ngày nghỉ',
    weekend: 'cuối tuần',
    moved: (from: string, to: string, why: string) => `dời ${from} → ${to} (${why})`,
  },
  en: {
    given: 'date given in the spec',
    holiday: 'holiday',
    weekend: 'weekend',
    moved: (from: string, to: string, why: string) => `moved ${from} → ${to} (${why})`,
  },
};

const dm = (d: IsoDate) => DateTime.fromISO(d).toFormat('d/M');

export function meetingCalendar(problem: Problem, lang: 'vi' | 'en'): CalendarRow[] {
  const names = vnHolidayNames(problem.year, problem.timezone, lang);
  const unit = new Map(problem.units.map((u) => [u.id as string, u.name]));
  const cell = new Map(problem.cells.map((c) => [c.id as string, c]));
  const w = WORDS[lang];
  return problem.meetings.map((m) => {
    const c = cell.get(m.cell)!;
    const ruleDate = plannedDate(problem.year, m.month, c.meeting.day);
    let note = '';
    if (c.explicitDates.has(m.month)) note = ruleDate === m.date ? w.given : w.moved(dm(ruleDate), dm(m.date), w.given);
    else if (m.date !== ruleDate) {
      const why = problem.holidays.has(ruleDate) ? (names.get(ruleDate) ?? w.holiday) : w.weekend;
      note = w.moved(dm(ruleDate), dm(m.date), why);
    }
    return {
      cell: m.cell,
      cellName: c.name,
      unitName: unit.get(c.unit) ?? c.unit,
      month: m.month,
      ruleDate,
      date: m.date,
      start: m.start,
      end: m.end,
      note,
    };
  });
}

export const CALENDAR_HEADERS = {
  vi: [
    'Mã chi bộ',
    'Tên chi bộ',
    'Đảng bộ',
    'Tháng',
    'Ngày theo quy định',
    'Ngày sinh hoạt',
    'Thứ',
    'Giờ bắt đầu',
    'Giờ kết thúc',
    'Ghi chú',
  ],
  en: ['Cell ID', 'Cell name', 'Unit', 'Month', 'Date by the rule', 'Meeting date', 'Weekday', 'Start', 'End', 'Note'],
};

export function calendarCsvRows(rows: readonly CalendarRow[], lang: 'vi' | 'en'): string[][] {
  return rows.map((r) => [
    r.cell,
    r.cellName,
    r.unitName,
    String(r.month),
    r.ruleDate,
    r.date,
    weekdayName(r.date, lang),
    r.start,
    r.end,
    r.note,
  ]);
}

/** The calendar as text: a line per cell, then a line per meeting. */
export function calendarText(problem: Problem, rows: readonly CalendarRow[], lang: 'vi' | 'en'): string {
  const title =
    lang === 'vi'
      ? `Lịch sinh hoạt chi bộ năm ${problem.year} (${problem.timezone}), trước khi phân công`
      : `Cell meetings in ${problem.year} (${problem.timezone}), before any planning`;
  const out = [title];
  let last = '';
  for (const r of rows) {
    if (r.cell !== last) {
      out.push('', `${r.cellName} (${r.cell}), ${r.unitName}`);
      last = r.cell;
    }
    const month =
      lang === 'vi' ? `T${r.month}`.padEnd(4) : DateTime.fromObject({ month: r.month }).setLocale('en').toFormat('LLL');
    const day = weekdayName(r.date, lang).padEnd(lang === 'vi' ? 9 : 10);
    const date = DateTime.fromISO(r.date).toFormat('dd/MM/yyyy');
    out.push(`  ${month} ${day} ${date}  ${r.start}–${r.end}${r.note ? `  ${r.note}` : ''}`);
  }
  return out.join('\n') + '\n';
}
