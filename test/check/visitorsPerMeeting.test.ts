import { describe, expect, it } from 'vitest';
import { member, problemOf, spec, visit } from '../builders.js';
import { policy, violationsOf } from './helpers.js';

const members = [member({ id: 'm1' }), member({ id: 'm2', role: 'province', unit: 'tinh' })];

describe('visitorsPerMeeting', () => {
  it('when a commune and a provincial member attend the same meeting then it has one visitor too many', () => {
    const p = problemOf(spec({ policy: policy(), members }));
    const vs = [visit(p, { member: 'm1', cell: 'c1', month: 3 }), visit(p, { member: 'm2', cell: 'c1', month: 3 })];
    expect(violationsOf('visitorsPerMeeting', p, vs)).toEqual([
      {
        rule: 'visitorsPerMeeting',
        cell: 'c1',
        date: vs[0]!.date,
        bound: 'max',
        limit: 1,
        count: 2,
        involved: ['m1', 'm2'],
      },
    ]);
  });

  it('when they attend different meetings of the cell then none is crowded', () => {
    const p = problemOf(spec({ policy: policy(), members }));
    expect(
      violationsOf('visitorsPerMeeting', p, [
        visit(p, { member: 'm1', cell: 'c1', month: 3 }),
        visit(p, { member: 'm2', cell: 'c1', month: 5 }),
      ]),
    ).toEqual([]);
  });

  it('when the policy allows two visitors then two at one meeting is fine', () => {
    const p = problemOf(spec({ policy: policy({ max_visitors_per_meeting: 2 }), members }));
    expect(
      violationsOf('visitorsPerMeeting', p, [
        visit(p, { member: 'm1', cell: 'c1', month: 3 }),
        visit(p, { member: 'm2', cell: 'c1', month: 3 }),
      ]),
    ).toEqual([]);
  });
});
