import { describe, expect, it } from 'vitest';
import { member, problemOf, spec, visit } from '../builders.js';
import { policy, violationsOf } from './helpers.js';

const members = [member({ id: 'm1', home_cell: 'c1' })];

describe('homeCell', () => {
  it('when a member is assigned to the cell they regularly attend then it is refused', () => {
    const p = problemOf(spec({ policy: policy(), members }));
    const v = visit(p, { member: 'm1', cell: 'c1', month: 1 });
    expect(violationsOf('homeCell', p, [v])).toEqual([
      {
        rule: 'homeCell',
        member: 'm1',
        cell: 'c1',
        date: v.date,
        bound: 'max',
        limit: 0,
        count: 1,
      },
    ]);
  });

  it('when the member visits another cell then it is fine', () => {
    const p = problemOf(spec({ policy: policy(), members }));
    expect(violationsOf('homeCell', p, [visit(p, { member: 'm1', cell: 'c2', month: 1 })])).toEqual([]);
  });

  it('when the policy does not skip home cells then a visit there is fine', () => {
    const p = problemOf(spec({ policy: policy({ skip_home_cell: false }), members }));
    expect(violationsOf('homeCell', p, [visit(p, { member: 'm1', cell: 'c1', month: 1 })])).toEqual([]);
  });
});
