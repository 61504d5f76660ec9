import { describe, expect, it } from 'vitest';
import { member, problemOf, spec, visit } from '../builders.js';
import { policy, violationsOf } from './helpers.js';

const p = problemOf(
  spec({
    policy: policy({ coverage: { min: 1, per: 'half' } }),
    members: [member({ id: 'm1' }), member({ id: 'm2' })],
  }),
);

describe('coverage', () => {
  it('when each cell is visited in June and in July then both halves are covered (boundary)', () => {
    const vs = [
      visit(p, { member: 'm1', cell: 'c1', month: 6 }),
      visit(p, { member: 'm2', cell: 'c1', month: 7 }),
      visit(p, { member: 'm1', cell: 'c2', month: 1 }),
      visit(p, { member: 'm2', cell: 'c2', month: 12 }),
    ];
    expect(violationsOf('coverage', p, vs)).toEqual([]);
  });

  it('when a cell is visited only in January then its second half is uncovered', () => {
    const vs = [
      visit(p, { member: 'm1', cell: 'c1', month: 6 }),
      visit(p, { member: 'm2', cell: 'c1', month: 7 }),
      visit(p, { member: 'm1', cell: 'c2', month: 1 }),
    ];
    expect(violationsOf('coverage', p, vs)).toEqual([
      { rule: 'coverage', cell: 'c2', period: '2027-H2', bound: 'min', limit: 1, count: 0 },
    ]);
  });

  it('when coverage has a max then an extra visit in the year is reported', () => {
    const q = problemOf(
      spec({ policy: policy({ coverage: { min: 0, max: 1, per: 'year' } }), members: [member({ id: 'm1' })] }),
    );
    const vs = [visit(q, { member: 'm1', cell: 'c1', month: 2 }), visit(q, { member: 'm1', cell: 'c1', month: 9 })];
    expect(violationsOf('coverage', q, vs)).toEqual([
      { rule: 'coverage', cell: 'c1', period: '2027', bound: 'max', limit: 1, count: 2 },
    ]);
  });
});
