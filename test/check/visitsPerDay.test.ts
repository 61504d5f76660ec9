import { describe, expect, it } from 'vitest';
import { problemOf, spec, visit } from '../builders.js';
import { policy, violationsOf } from './helpers.js';

describe('visitsPerDay', () => {
  it('when a member is at two cells that meet the same evening then one visit is too many', () => {
    const p = problemOf(spec({ policy: policy() }));
    const vs = [visit(p, { member: 'm1', cell: 'c1', month: 8 }), visit(p, { member: 'm1', cell: 'c2', month: 8 })];
    expect(violationsOf('visitsPerDay', p, vs)).toEqual([
      {
        rule: 'visitsPerDay',
        member: 'm1',
        date: vs[0]!.date,
        bound: 'max',
        limit: 1,
        count: 2,
        involved: ['c1', 'c2'],
      },
    ]);
  });

  it('when the policy allows two visits a day then both are fine', () => {
    const p = problemOf(spec({ policy: policy({ max_visits_per_day: 2 }) }));
    expect(
      violationsOf('visitsPerDay', p, [
        visit(p, { member: 'm1', cell: 'c1', month: 8 }),
        visit(p, { member: 'm1', cell: 'c2', month: 8 }),
      ]),
    ).toEqual([]);
  });
});
