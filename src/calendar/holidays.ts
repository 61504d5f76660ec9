// Public holidays. `vn` comes from date-holidays (solar and lunar: Tết Dương lịch, Tết Nguyên Đán with its days,
// Giỗ tổ Hùng Vương, 30/4, 1/5, 2/9); the government's yearly calendar may add bridge days, which a spec adds with
// `{ preset: vn, add: [...] }`.
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import type { IsoDate } from '../domain/types.js';

export function vnPublicHolidays(year: number, timezone: string): Set<IsoDate> {
  const hd = new Holidays('VN', { timezone, types: ['public'] });
  const out = new Set<IsoDate>();
  for (const h of hd.getHolidays(year)) {
    if (h.type !== 'public') continue;
    let day = DateTime.fromJSDate(h.start, { zone: timezone }).startOf('day');
    const end = DateTime.fromJSDate(h.end, { zone: timezone });
    while (day < end) {
      if (day.year === year) out.add(day.toISODate()!);
      day = day.plus({ days: 1 });
    }
  }
  return out;
}

/** The name of each `vn` public holiday day of the year, in Vietnamese or English (Tết spans several days). */
export function vnHolidayNames(year: number, timezone: string, lang: 'vi' | 'en'): Map<IsoDate, string> {
  const hd = new Holidays('VN', { timezone, types: ['public'], languages: [lang] });
  const out = new Map<IsoDate, string>();
  for (const h of hd.getHolidays(year, lang)) {
    if (h.type !== 'public') continue;
    let day = DateTime.fromJSDate(h.start, { zone: timezone }).startOf('day');
    const end = DateTime.fromJSDate(h.end, { zone: timezone });
    while (day < end) {
      if (day.year === year && !out.has(day.toISODate()!)) out.set(day.toISODate()!, h.name);
      day = day.plus({ days: 1 });
    }
  }
  return out;
}
