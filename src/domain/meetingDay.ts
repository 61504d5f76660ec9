// The day of the month a cell meets (SPEC §1, issue 24 item 4): a day 1–28, the last day, or a weekday of the month
// ("the first Saturday", "thứ Bảy tuần đầu tháng", "Chủ nhật cuối tháng"). Read from the spec and from the workbook
// in English or Vietnamese (with or without diacritics); written back in either.
import { withoutDiacritics } from './text.js';
import type { MeetingDay, WeekOfMonth } from './types.js';

export type { MeetingDay, WeekdayOfMonth, WeekOfMonth } from './types.js';

const fold = (s: string) => withoutDiacritics(s).replace(/[,.]/g, ' ').replace(/\s+/g, ' ').trim();

const EN_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const EN_WEEKS: Record<string, WeekOfMonth> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  last: 'last',
};
/** Vietnamese weekdays without diacritics, longest first so that "thu hai" is not read as "thu". */
const VI_WEEKDAYS: ReadonlyArray<[string, number]> = [
  ['chu nhat', 7],
  ['thu hai', 1],
  ['thu ba', 2],
  ['thu tu', 3],
  ['thu nam', 4],
  ['thu sau', 5],
  ['thu bay', 6],
  ['thu 2', 1],
  ['thu 3', 2],
  ['thu 4', 3],
  ['thu 5', 4],
  ['thu 6', 5],
  ['thu 7', 6],
  ['cn', 7],
  ['t2', 1],
  ['t3', 2],
  ['t4', 3],
  ['t5', 4],
  ['t6', 5],
  ['t7', 6],
];
const VI_WEEKS: Record<string, WeekOfMonth> = {
  dau: 1,
  'dau tien': 1,
  'thu nhat': 1,
  mot: 1,
  '1': 1,
  'thu 1': 1,
  'thu hai': 2,
  'thu 2': 2,
  hai: 2,
  '2': 2,
  'thu ba': 3,
  'thu 3': 3,
  ba: 3,
  '3': 3,
  'thu tu': 4,
  'thu 4': 4,
  tu: 4,
  '4': 4,
  cuoi: 'last',
  'cuoi cung': 'last',
};
const LAST_DAY = new Set(['last', 'cuoi thang', 'ngay cuoi thang', 'cuoi', 'last day']);

/** A meeting day from text (`5`, `cuối tháng`, `first saturday`, `thứ Bảy tuần đầu tháng`), or undefined. */
export function parseMeetingDay(text: string): MeetingDay | undefined {
  const t = fold(text);
  if (/^\d{1,2}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 28 ? n : undefined;
  }
  if (LAST_DAY.has(t)) return 'last';
  const en = /^(\S+) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: of the month)?$/.exec(t);
  if (en) {
    const week = EN_WEEKS[en[1]!];
    return week === undefined ? undefined : ({ week, weekday: (EN_WEEKDAYS.indexOf(en[2]!) + 1) as 1 } as const);
  }
  const vi = VI_WEEKDAYS.find(([w]) => t === w || t.startsWith(`${w} `));
  if (!vi) return undefined;
  const rest = t
    .slice(vi[0].length)
    .replace(/ (cua|trong|hang)? ?thang$/, '')
    .replace(/^ (tuan|lan)/, '')
    .trim();
  const week = VI_WEEKS[rest];
  return week === undefined ? undefined : { week, weekday: vi[1] as 1 };
}

const VI_WEEKDAY_NAMES = ['thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'];
const VI_WEEK_NAMES: Record<string, string> = { 1: 'đầu', 2: 'thứ hai', 3: 'thứ ba', 4: 'thứ tư', last: 'cuối' };
const EN_WEEK_NAMES: Record<string, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', last: 'last' };

/** A meeting day as people write it: `5`, `cuối tháng`, `thứ Bảy tuần đầu tháng` / `first saturday`. */
export function meetingDayText(day: MeetingDay, lang: 'vi' | 'en'): string {
  if (typeof day === 'number') return String(day);
  if (day === 'last') return lang === 'vi' ? 'cuối tháng' : 'last';
  if (lang === 'en') return `${EN_WEEK_NAMES[String(day.week)]} ${EN_WEEKDAYS[day.weekday - 1]}`;
  const week = VI_WEEK_NAMES[String(day.week)]!;
  return `${VI_WEEKDAY_NAMES[day.weekday - 1]} tuần ${week}${week.startsWith('thứ') ? ' của' : ''} tháng`;
}
