// A date's weekday name (plan.csv, plan.xlsx, calendars, reports): the weekday luxon gives the date, in both languages.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { weekdayName } from '../../src/calendar/meetings.js';

const VI = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật'];

describe('weekday names', () => {
  it('when any date is named then it is the weekday luxon gives it', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const wd = DateTime.fromISO(iso, { zone: 'Asia/Ho_Chi_Minh' }).weekday;
          expect(weekdayName(iso, 'vi')).toBe(VI[wd - 1]);
          expect(weekdayName(iso, 'en')).toBe(DateTime.fromISO(iso).setLocale('en').toFormat('cccc'));
        },
      ),
      { numRuns: 300 },
    );
    expect(weekdayName('2027-01-03', 'vi')).toBe('Chủ Nhật');
  });
});
