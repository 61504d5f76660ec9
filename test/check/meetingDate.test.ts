import { describe, expect, it } from 'vitest';
import { problemOf, spec, visit } from '../builders.js';
import { policy, violationsOf } from './helpers.js';

const p = problemOf(spec({ policy: policy() }));

describe('meetingDate', () => {
  it('when a visit is on the meeting date and time then it is fine', () => {
    expect(violationsOf('meetingDate', p, [visit(p, { member: 'm1', cell: 'c1', month: 1 })])).toEqual([]);
  });

  it('when a visit is on a day the cell does not meet then it names the real meeting', () => {
    const v = { ...visit(p, { member: 'm1', cell: 'c1', month: 1 }), date: '2027-01-06' };
    expect(violationsOf('meetingDate', p, [v])).toEqual([
      {
        rule: 'meetingDate',
        member: 'm1',
        cell: 'c1',
        date: '2027-01-06',
        bound: 'max',
        limit: 0,
        count: 1,
        expected: { date: '2027-01-05' },
      },
    ]);
  });

  it('when a visit has the wrong start time then it is reported', () => {
    const v = { ...visit(p, { member: 'm1', cell: 'c1', month: 12 }), start: '08:00', end: '10:00' };
    expect(violationsOf('meetingDate', p, [v])).toEqual([
      {
        rule: 'meetingDate',
        member: 'm1',
        cell: 'c1',
        date: v.date,
        bound: 'max',
        limit: 0,
        count: 1,
        expected: { start: '19:30', end: '21:30' },
        found: { start: '08:00', end: '10:00' },
      },
    ]);
  });
});
