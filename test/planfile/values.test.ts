// Dates and times as spreadsheets write them (src/planfile/values.ts): every form read back to lichdu's own, and
// ambiguous day/month order refused unless told.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDate, readTime, type Read } from '../../src/planfile/values.js';
import { renderMessage } from '../../src/i18n/messages.js';

const ok = <T>(r: Read<T>) => (r.ok ? r.value : `✖ ${renderMessage(r.error.code, r.error.params, 'en')}`);

describe('spreadsheet times and dates', () => {
  it('when a time comes in any spreadsheet form then it reads as HH:MM', () => {
    for (const [input, want] of [
      ['19:30', '19:30'],
      ['7:30', '07:30'],
      ['19:30:00', '19:30'],
      ['7:30 PM', '19:30'],
      ['07:30:00 PM', '19:30'],
      ['12:00 AM', '00:00'],
      ['12:15 PM', '12:15'],
      ['7:30 CH', '19:30'],
      ['19h30', '19:30'],
      [0.8125, '19:30'],
      [new Date(Date.UTC(1899, 11, 30, 19, 30)), '19:30'],
    ] as const)
      expect(ok(readTime(input)), String(input)).toBe(want);
    for (const bad of ['25:00', '19:30:15', '13:00 PM', 'tối', '', 1.5])
      expect(ok(readTime(bad)), String(bad)).toMatch(/^✖/);
  });

  it('when a date is slashed then the order decides, and without one an ambiguous date is refused', () => {
    expect(ok(readDate('13/01/2027', undefined))).toBe('2027-01-13');
    expect(ok(readDate('1/13/2027', undefined))).toBe('2027-01-13');
    expect(ok(readDate('5/1/2027', 'dmy'))).toBe('2027-01-05');
    expect(ok(readDate('5/1/2027', 'mdy'))).toBe('2027-05-01');
    expect(ok(readDate('5/1/2027', undefined))).toMatch(/may be 5 January or 1 May: save the dates as YYYY-MM-DD/);
    expect(ok(readDate('5.1.27', 'dmy'))).toBe('2027-01-05');
    expect(ok(readDate('2027-01-05 00:00:00', undefined))).toBe('2027-01-05');
    expect(ok(readDate(46392, undefined))).toBe('2027-01-05');
    expect(ok(readDate('31/02/2027', 'dmy'))).toMatch(/is no date/);
  });

  it('when any date is written day-first or month-first then it reads back with that order', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const iso = d.toISOString().slice(0, 10);
        expect(ok(readDate(`${day}/${m}/${y}`, 'dmy'))).toBe(iso);
        expect(ok(readDate(`${m}/${day}/${y}`, 'mdy'))).toBe(iso);
        expect(ok(readDate(d, undefined))).toBe(iso);
      }),
      { numRuns: 300 },
    );
  });

  it('when any time is written on a 12-hour clock then it reads back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const hh = String(h).padStart(2, '0');
        const mm = String(m).padStart(2, '0');
        const twelve = `${h % 12 === 0 ? 12 : h % 12}:${mm}:00 ${h < 12 ? 'AM' : 'PM'}`;
        expect(ok(readTime(twelve))).toBe(`${hh}:${mm}`);
        expect(ok(readTime((h * 60 + m) / 1440))).toBe(`${hh}:${mm}`);
      }),
      { numRuns: 300 },
    );
  });
});
