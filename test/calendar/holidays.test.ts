// The `vn` holidays table (src/calendar/vnHolidayTable.ts) is date-holidays' own dates, year by year: a spec's
// holidays are the library's whether the year is read from the table or computed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vnPublicHolidays, vnPublicHolidaysComputed } from '../../src/calendar/holidays.js';
import { VN_HOLIDAYS, VN_HOLIDAYS_FROM } from '../../src/calendar/vnHolidayTable.js';

const sorted = (s: Set<string>) => [...s].sort();

describe('the vn holidays table', () => {
  it('when each year of the table is computed by date-holidays then the dates are the same', () => {
    expect(VN_HOLIDAYS.length).toBe(101);
    for (let i = 0; i < VN_HOLIDAYS.length; i++) {
      const year = VN_HOLIDAYS_FROM + i;
      expect(sorted(vnPublicHolidays(year, 'Asia/Ho_Chi_Minh')), String(year)).toEqual(
        sorted(vnPublicHolidaysComputed(year, 'Asia/Ho_Chi_Minh')),
      );
    }
  });

  it('when a spec is in another time zone then the table still gives the library dates', () => {
    const zones = ['UTC', 'Asia/Bangkok', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.constantFrom(...zones), (year, zone) => {
        expect(sorted(vnPublicHolidays(year, zone))).toEqual(sorted(vnPublicHolidaysComputed(year, zone)));
      }),
      { numRuns: 20 },
    );
  });

  it('when the year is outside the table then the library computes it', () => {
    expect(sorted(vnPublicHolidays(2101, 'Asia/Ho_Chi_Minh'))).toContain('2101-09-02');
    expect(sorted(vnPublicHolidays(1999, 'Asia/Ho_Chi_Minh'))).toEqual(
      sorted(vnPublicHolidaysComputed(1999, 'Asia/Ho_Chi_Minh')),
    );
  });
});
