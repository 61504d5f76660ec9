import { describe, expect, it } from 'vitest';
import { problemOf, spec, visit } from '../builders.js';
import { policy, violationsOf } from './helpers.js';

const p = problemOf(spec({ policy: policy(), fixed: [{ member: 'm1', cell: 'c1', date: '2027-01-05' }] }));

describe('fixed', () => {
  it('when the plan keeps the fixed visit then nothing is reported', () => {
    expect(violationsOf('fixed', p, [visit(p, { member: 'm1', cell: 'c1', month: 1, status: 'fixed' })])).toEqual([]);
  });

  it('when the plan moves the fixed visit to another cell then the fixed visit is missing', () => {
    expect(violationsOf('fixed', p, [visit(p, { member: 'm1', cell: 'c2', month: 1 })])).toEqual([
      {
        rule: 'fixed',
        member: 'm1',
        cell: 'c1',
        date: '2027-01-05',
        bound: 'min',
        limit: 1,
        count: 0,
      },
    ]);
  });

  it('when a visit is marked fixed but the spec does not fix it then it is reported', () => {
    const extra = visit(p, { member: 'm1', cell: 'c2', month: 2, status: 'fixed' });
    expect(
      violationsOf('fixed', p, [visit(p, { member: 'm1', cell: 'c1', month: 1, status: 'fixed' }), extra]),
    ).toEqual([
      {
        rule: 'fixed',
        member: 'm1',
        cell: 'c2',
        date: extra.date,
        bound: 'max',
        limit: 0,
        count: 1,
      },
    ]);
  });
});
