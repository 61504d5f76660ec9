import { describe, expect, it } from 'vitest';
import { member, problemOf, spec, visit } from '../builders.js';
import { policy, violationsOf } from './helpers.js';

const p = problemOf(
  spec({ policy: policy(), members: [member({ id: 'm1', unavailable: ['2027-03-01..2027-03-15', '2027-12-06'] })] }),
);

describe('availability', () => {
  it('when a visit falls inside an unavailable range then it is refused', () => {
    const v = visit(p, { member: 'm1', cell: 'c1', month: 3 });
    expect(v.date).toBe('2027-03-05');
    expect(violationsOf('availability', p, [v])).toEqual([
      {
        rule: 'availability',
        member: 'm1',
        cell: 'c1',
        date: '2027-03-05',
        bound: 'max',
        limit: 0,
        count: 1,
      },
    ]);
  });

  it('when a visit falls on a day the member is available then it is fine', () => {
    expect(
      violationsOf('availability', p, [
        visit(p, { member: 'm1', cell: 'c1', month: 4 }),
        visit(p, { member: 'm1', cell: 'c1', month: 12 }),
      ]),
    ).toEqual([]);
  });
});
