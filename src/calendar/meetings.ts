// The date and time of every cell's meeting in every month (SPEC §1).
import { monthOfDate } from '../domain/plan.js';
import { DateTime } from 'luxon';
import type { MeetingDay } from '../domain/types.js';
import type { Cell, CellId, HhMm, IsoDate, Meeting, ShiftRule } from '../domain/types.js';

export function addMinutes(time: HhMm, minutes: number): HhMm {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  // A meeting that runs past midnight keeps its clock time; durations are capped at 12 h by the spec schema.
  const t = ((total % 1440) + 1440) % 1440;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

function blocked(d: DateTime, shift: ShiftRule, holidays: ReadonlySet<IsoDate>, landing: boolean): boolean {
  const iso = d.toISODate()!;
  if (holidays.has(iso)) return true;
  if (shift === 'holidays-and-weekends') return d.weekday >= 6;
  // `holidays`: a date is moved only off a holiday; the day it lands on must be neither a holiday nor a Sunday.
  return landing && d.weekday === 7;
}

/**
 * The date a meeting planned for `planned` is held on under `shift`. A date pushed past the end of the year is
 * moved back to the nearest earlier allowed day instead, so that every meeting stays inside the plan's year.
 */
export function shiftDate(planned: IsoDate, shift: ShiftRule, holidays: ReadonlySet<IsoDate>): IsoDate {
  const start = DateTime.fromISO(planned);
  if (shift === 'none' || !blocked(start, shift, holidays, false)) return planned;
  for (let d = start.plus({ days: 1 }); d.year === start.year; d = d.plus({ days: 1 })) {
    if (!blocked(d, shift, holidays, true)) return d.toISODate()!;
  }
  for (let d = start.minus({ days: 1 }); d.year === start.year; d = d.minus({ days: 1 })) {
    if (!blocked(d, shift, holidays, true)) return d.toISODate()!;
  }
  return planned;
}

/** The date of a month's meeting under a day rule (domain/meetingDay.ts), before any holiday shift. */
export function plannedDate(year: number, month: number, day: MeetingDay): IsoDate {
  const first = DateTime.fromObject({ year, month, day: 1 });
  if (day === 'last') return first.endOf('month').toISODate()!;
  if (typeof day === 'number') return first.set({ day }).toISODate()!;
  if (day.week === 'last') {
    const end = first.endOf('month').startOf('day');
    return end.minus({ days: (end.weekday - day.weekday + 7) % 7 }).toISODate()!;
  }
  const firstHit = first.plus({ days: (day.weekday - first.weekday + 7) % 7 });
  return firstHit.plus({ weeks: day.week - 1 }).toISODate()!;
}

/**
 * The date a rule gives in a month, holidays shifted, kept per set of holidays: a province's 2,800 cells share a few
 * rules, and luxon's calendar arithmetic for each of their 33,600 meetings took half a second.
 */
const ruleDates = new WeakMap<ReadonlySet<IsoDate>, Map<string, IsoDate>>();

function ruleDate(
  year: number,
  month: number,
  meeting: Cell['meeting'],
  rule: string,
  holidays: ReadonlySet<IsoDate>,
): IsoDate {
  let dates = ruleDates.get(holidays);
  if (!dates) ruleDates.set(holidays, (dates = new Map()));
  const key = `${year} ${month} ${rule}`;
  let date = dates.get(key);
  if (date === undefined)
    dates.set(key, (date = shiftDate(plannedDate(year, month, meeting.day), meeting.shift, holidays)));
  return date;
}

/** The cell's twelve meetings, ordered by month. */
export function cellMeetings(cell: Cell, year: number, holidays: ReadonlySet<IsoDate>): Meeting[] {
  const out: Meeting[] = [];
  const end = addMinutes(cell.meeting.time, cell.meeting.durationMinutes);
  // The rule's key, made once for the cell's twelve months.
  const rule = `${JSON.stringify(cell.meeting.day)} ${cell.meeting.shift}`;
  for (let month = 1; month <= 12; month++) {
    const explicit = cell.explicitDates.get(month);
    const date = explicit ?? ruleDate(year, month, cell.meeting, rule, holidays);
    out.push({
      cell: cell.id as CellId,
      month,
      index: month - 1,
      date,
      start: cell.meeting.time,
      end,
    });
  }
  return out;
}

const WEEKDAYS_VI = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật'];
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function weekdayName(date: IsoDate, lang: 'vi' | 'en'): string {
  // The calendar's weekday of the date (UTC midnight: no zone can move a calendar date's weekday); Monday 0.
  const wd = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return (lang === 'vi' ? WEEKDAYS_VI : WEEKDAYS_EN)[wd]!;
}

/** The month (1–12) of a date (src/domain/plan.ts). */
export const monthOf = (date: IsoDate): number => monthOfDate(date);
