// A range of dates in a spec (`2027-03-01..2027-03-10`), expanded to its days: counted in UTC, the same days luxon
// steps through in the zone of the plan, across month and year ends and leap days.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { expandDates } from '../../src/spec/load.js';
import { isIsoDate } from '../../src/schema/primitives.js';

const day = fc
  .date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2029-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function byLuxon(a: string, b: string): string[] {
  const out: string[] = [];
  for (
    let d = DateTime.fromISO(a, { zone: 'Asia/Ho_Chi_Minh' });
    d <= DateTime.fromISO(b, { zone: 'Asia/Ho_Chi_Minh' });
    d = d.plus({ days: 1 })
  )
    out.push(d.toISODate()!);
  return out;
}

describe('date ranges', () => {
  it('when a range is expanded then its days are those luxon steps through, none when it runs backwards', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -3, max: 400 }), (a, n) => {
        const b = new Date(Date.parse(`${a}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
        expect(expandDates(`${a}..${b}`)).toEqual(byLuxon(a, b));
      }),
      { numRuns: 200 },
    );
    expect(expandDates('2027-02-27..2027-03-01')).toEqual(['2027-02-27', '2027-02-28', '2027-03-01']);
    expect(expandDates('2027-05-02')).toEqual(['2027-05-02']);
  });
});

describe('calendar dates', () => {
  it('when a YYYY-MM-DD string is checked then it is a date exactly when luxon reads it as one', () => {
    const digits = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));
    const shaped = fc.tuple(digits(4, 9999), digits(2, 99), digits(2, 99)).map(([y, m, d]) => `${y}-${m}-${d}`);
    const near = fc
      .tuple(fc.integer({ min: 1896, max: 2404 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    let valid = 0;
    fc.assert(
      fc.property(fc.oneof(shaped, near, fc.string({ maxLength: 12 })), (s) => {
        const luxon = /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s).isValid;
        expect(isIsoDate(s)).toBe(luxon);
        if (luxon) valid++;
      }),
      { numRuns: 3000 },
    );
    expect(valid).toBeGreaterThan(300);
    expect(['2028-02-29', '2000-02-29', '1900-02-28'].every(isIsoDate)).toBe(true);
    expect(['2027-02-29', '1900-02-29', '2027-04-31', '2027-13-01', '2027-00-10'].some(isIsoDate)).toBe(false);
  });
});
