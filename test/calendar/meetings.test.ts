import { describe, expect, it } from 'vitest';
import { vnPublicHolidays } from '../../src/calendar/holidays.js';
import { shiftDate, plannedDate } from '../../src/calendar/meetings.js';
import { periodIndex, periodsOf } from '../../src/domain/periods.js';
import { cell, issuesOf, problemOf, spec } from '../builders.js';
import { messageOf } from '../../src/util/issues.js';

const vn2027 = vnPublicHolidays(2027, 'Asia/Ho_Chi_Minh');
const vn2026 = vnPublicHolidays(2026, 'Asia/Ho_Chi_Minh');
const datesOf = (p: ReturnType<typeof problemOf>, id: string) =>
  p.meetings.filter((m) => m.cell === id).map((m) => m.date);

describe('holidays vn', () => {
  it('when the year is 2027 then Tết (6 Feb), Hùng Kings (16 Apr), 30/4, 1/5 and 2/9 are holidays', () => {
    for (const d of [
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-09',
      '2027-04-16',
      '2027-04-30',
      '2027-05-01',
      '2027-09-02',
    ])
      expect(vn2027.has(d), d).toBe(true);
    expect(vn2027.has('2027-02-10')).toBe(false);
    expect(vn2027.has('2026-12-31')).toBe(false);
  });

  it('when the year is 2026 then Tết falls on 17 Feb', () => {
    expect(vn2026.has('2026-02-17')).toBe(true);
    expect(vn2026.has('2026-04-26')).toBe(true); // Giỗ tổ Hùng Vương, 10/3 lunar
  });
});

describe('meeting dates', () => {
  it('when a cell meets on day 5 then the February 2027 meeting moves past Tết to 10 Feb', () => {
    expect(shiftDate('2027-02-05', 'holidays', vn2027)).toBe('2027-02-10');
    expect(shiftDate('2027-02-05', 'holidays-and-weekends', vn2027)).toBe('2027-02-10');
  });

  it('when Tết 2026 ends on a Friday then holidays moves to Saturday and holidays-and-weekends to Monday', () => {
    expect(shiftDate('2026-02-17', 'holidays', vn2026)).toBe('2026-02-21');
    expect(shiftDate('2026-02-17', 'holidays-and-weekends', vn2026)).toBe('2026-02-23');
  });

  it('when a meeting falls on 2/9 then it moves to the next allowed day', () => {
    expect(shiftDate('2027-09-02', 'holidays', vn2027)).toBe('2027-09-03');
    const withBridge = new Set([...vn2027, '2027-09-03']);
    expect(shiftDate('2027-09-02', 'holidays', withBridge)).toBe('2027-09-04'); // Saturday is allowed
    expect(shiftDate('2027-09-02', 'holidays-and-weekends', withBridge)).toBe('2027-09-06');
  });

  it('when a holiday falls on a Saturday (1 May 2027) then both rules land on Monday, skipping Sunday', () => {
    expect(shiftDate('2027-05-01', 'holidays', vn2027)).toBe('2027-05-03');
    expect(shiftDate('2027-05-01', 'holidays-and-weekends', vn2027)).toBe('2027-05-03');
  });

  it('when a plain Saturday or Sunday is not a holiday then only holidays-and-weekends moves it', () => {
    expect(shiftDate('2027-03-06', 'holidays', vn2027)).toBe('2027-03-06');
    expect(shiftDate('2027-03-07', 'holidays', vn2027)).toBe('2027-03-07');
    expect(shiftDate('2027-03-06', 'holidays-and-weekends', vn2027)).toBe('2027-03-08');
    expect(shiftDate('2027-03-06', 'none', new Set(['2027-03-06']))).toBe('2027-03-06');
  });

  it('when the day is "last" then every month ends right, and 30 April moves into May', () => {
    const p = problemOf(spec({ cells: [cell({ id: 'c1', meeting: { day: 'last' } })] }));
    expect(datesOf(p, 'c1')).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-05-03',
      '2027-05-31',
      '2027-06-30',
      '2027-07-31',
      '2027-08-31',
      '2027-09-30',
      '2027-10-31',
      '2027-11-30',
      '2027-12-31',
    ]);
    expect(plannedDate(2028, 2, 'last')).toBe('2028-02-29');
  });

  it('when the day is a weekday of the month then every month meets on it, moved off holidays like a fixed day', () => {
    for (const [day, dates] of [
      ['first saturday', ['2027-01-02', '2027-02-10', '2027-03-06']],
      ['thứ Bảy tuần đầu tháng', ['2027-01-02', '2027-02-10', '2027-03-06']],
      ['last friday', ['2027-01-29', '2027-02-26', '2027-03-26']],
      ['Chủ nhật cuối tháng', ['2027-01-31', '2027-02-28', '2027-03-28']],
      ['thứ Hai tuần thứ hai của tháng', ['2027-01-11', '2027-02-10', '2027-03-08']],
    ] as const) {
      const s = spec({ cells: [cell({ id: 'c1', meeting: { day, shift: 'holidays' } })] });
      const got = datesOf(problemOf(s), 'c1').slice(0, 3);
      expect(got, day).toEqual(dates);
    }
    // "second monday" of February 2027 is 8 February, a Tết day: it moves like a fixed day would.
    const tet = datesOf(problemOf(spec({ cells: [cell({ id: 'c1', meeting: { day: 'second monday' } })] })), 'c1')[1]!;
    expect(vn2027.has('2027-02-08')).toBe(true);
    expect(tet > '2027-02-08').toBe(true);
    expect(
      issuesOf(spec({ cells: [cell({ id: 'c1', meeting: { day: 'fifth monday' } })] })).map((i) => i.code),
    ).toEqual(['value.not-day']);
  });

  it('when the day is 31 then the spec is refused with a hint to use "last"', () => {
    expect(
      issuesOf(spec({ cells: [cell({ id: 'c1', meeting: { day: 31 } })] })).map((i) => [
        i.path.join('.'),
        messageOf(i, 'en'),
      ]),
    ).toEqual([
      [
        'cells.0.meeting.day',
        '31 is not a day 1–28: use "last" for the end of the month, a weekday of the month ("first saturday", ' +
          '"last friday"), or explicit dates in "meetings"',
      ],
    ]);
  });

  it(
    'when the year starts on a holiday then the January meeting moves to 2 January; December stays on the ' + '31st',
    () => {
      const p = problemOf(
        spec({ cells: [cell({ id: 'c1', meeting: { day: 1 } }), cell({ id: 'c2', meeting: { day: 'last' } })] }),
      );
      expect(datesOf(p, 'c1')[0]).toBe('2027-01-02');
      expect(datesOf(p, 'c2')[11]).toBe('2027-12-31');
    },
  );

  it('when a shift would leave the year then the meeting moves back to the last allowed day of December', () => {
    // 31 Dec 2028 is a Sunday; holidays-and-weekends would push it into 2029.
    expect(shiftDate('2028-12-31', 'holidays-and-weekends', new Set())).toBe('2028-12-29');
  });

  it('when a cell names an explicit date for a month then it is used as it is', () => {
    const p = problemOf(spec({ cells: [cell({ id: 'c1', meetings: { '2027-02': '2027-02-07' } })] }));
    expect(datesOf(p, 'c1')[1]).toBe('2027-02-07');
  });

  it('when meeting times come from the defaults then a cell override wins', () => {
    const p = problemOf(
      spec({
        meeting_defaults: { day: 10, time: '08:00', duration_minutes: 90 },
        cells: [cell({ id: 'c1' }), cell({ id: 'c2', meeting: { time: '19:00' } })],
      }),
    );
    const m1 = p.meetings.find((m) => m.cell === 'c1' && m.month === 3)!;
    const m2 = p.meetings.find((m) => m.cell === 'c2' && m.month === 3)!;
    expect([m1.date, m1.start, m1.end]).toEqual(['2027-03-10', '08:00', '09:30']);
    expect([m2.date, m2.start, m2.end]).toEqual(['2027-03-10', '19:00', '20:30']);
  });
});

describe('periods', () => {
  it('when months sit on quarter and half boundaries then they fall in the right period', () => {
    expect([3, 4, 6, 7, 9, 10, 12].map((m) => periodIndex('quarter', m))).toEqual([0, 1, 1, 2, 2, 3, 3]);
    expect([1, 6, 7, 12].map((m) => periodIndex('half', m))).toEqual([0, 0, 1, 1]);
    expect(periodsOf('quarter', 2027).map((p) => [p.label, p.months.join(',')])).toEqual([
      ['2027-Q1', '1,2,3'],
      ['2027-Q2', '4,5,6'],
      ['2027-Q3', '7,8,9'],
      ['2027-Q4', '10,11,12'],
    ]);
    expect(periodsOf('month', 2027).map((p) => p.label)).toHaveLength(12);
    expect(periodsOf('year', 2027)).toEqual([
      { kind: 'year', label: '2027', months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
    ]);
  });
});
