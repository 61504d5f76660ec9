// Public holidays. `vn` comes from date-holidays (solar and lunar: Tết Dương lịch, Tết Nguyên Đán with its days,
// Giỗ tổ Hùng Vương, 30/4, 1/5, 2/9); the government's yearly calendar may add bridge days, which a spec adds with
// `{ preset: vn, add: [...] }`.
//
// The years of ./vnHolidayTable.ts are read from that table: date-holidays' dates for those years, written by
// scripts/vn-holidays-table.mjs and held equal to the library's by a test. Loading date-holidays and computing a lunar
// year took 0.2–0.3 s of every command that reads a spec (the library's data for every country, then astronomical
// series for the new moons); it is loaded only for a year outside the table, and for the holidays' names.
import { createRequire } from 'node:module';
import { DateTime } from 'luxon';
import type { IsoDate } from '../domain/types.js';
import { VN_HOLIDAYS, VN_HOLIDAYS_FROM } from './vnHolidayTable.js';

type HolidaysClass = typeof import('date-holidays').default;

/** date-holidays, loaded on first use: its CommonJS build, so that reading a spec stays synchronous. */
let holidays: HolidaysClass | undefined;
const library = (): HolidaysClass => (holidays ??= createRequire(import.meta.url)('date-holidays') as HolidaysClass);

export function vnPublicHolidays(year: number, timezone: string): Set<IsoDate> {
  const days = VN_HOLIDAYS[year - VN_HOLIDAYS_FROM];
  if (days !== undefined) return new Set(days.split(' ').map((d) => `${year}-${d}`));
  return vnPublicHolidaysComputed(year, timezone);
}

/** The `vn` holidays of a year as date-holidays computes them (the table's source). */
export function vnPublicHolidaysComputed(year: number, timezone: string): Set<IsoDate> {
  return new Set([...vnHolidayDays(year, timezone)].map(([day]) => day));
}

/** The name of each `vn` public holiday day of the year, in Vietnamese or English (Tết spans several days). */
export function vnHolidayNames(year: number, timezone: string, lang: 'vi' | 'en'): Map<IsoDate, string> {
  const out = new Map<IsoDate, string>();
  for (const [day, name] of vnHolidayDays(year, timezone, lang)) if (!out.has(day)) out.set(day, name);
  return out;
}

/** Each day of the year's `vn` public holidays, with its holiday's name (in `lang` when given). */
function* vnHolidayDays(year: number, timezone: string, lang?: 'vi' | 'en'): Iterable<[IsoDate, string]> {
  const hd = new (library())('VN', { timezone, types: ['public'], ...(lang ? { languages: [lang] } : {}) });
  for (const h of lang ? hd.getHolidays(year, lang) : hd.getHolidays(year)) {
    if (h.type !== 'public') continue;
    let day = DateTime.fromJSDate(h.start, { zone: timezone }).startOf('day');
    const end = DateTime.fromJSDate(h.end, { zone: timezone });
    while (day < end) {
      if (day.year === year) yield [day.toISODate()!, h.name];
      day = day.plus({ days: 1 });
    }
  }
}
