import { describe, expect, it } from 'vitest';
import { problemOf, spec, visit } from '../builders.js';
import { policy, violationsOf } from './helpers.js';

const p = problemOf(spec({ policy: policy() }));

describe('distinctVisits', () => {
  it('when every visit is listed once then it is fine', () => {
    const vs = [visit(p, { member: 'm1', cell: 'c1', month: 1 }), visit(p, { member: 'm1', cell: 'c1', month: 3 })];
    expect(violationsOf('distinctVisits', p, vs)).toEqual([]);
  });

  it('when a plan lists one visit twice then it is one violation counting the rows, not two visits', () => {
    const v = visit(p, { member: 'm1', cell: 'c1', month: 2 });
    expect(violationsOf('distinctVisits', p, [v, { ...v }, visit(p, { member: 'm2', cell: 'c1', month: 2 })])).toEqual([
      { rule: 'distinctVisits', member: 'm1', cell: 'c1', date: v.date, bound: 'max', limit: 1, count: 2 },
    ]);
  });
});
