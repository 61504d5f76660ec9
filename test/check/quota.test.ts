import { describe, expect, it } from 'vitest';
import { member, problemOf, spec, visit } from '../builders.js';
import { policy, violationsOf } from './helpers.js';

const quarterly = problemOf(
  spec({
    policy: policy({ roles: { commune: { quota: [{ min: 1, per: 'quarter' }] } } }),
    members: [member({ id: 'm1' })],
  }),
);
const v = (month: number, cell = 'c1') => visit(quarterly, { member: 'm1', cell, month });

describe('quota', () => {
  it('when a member visits once in every quarter then no quota is broken', () => {
    expect(violationsOf('quota', quarterly, [v(1), v(4, 'c2'), v(7), v(10, 'c2')])).toEqual([]);
  });

  it('when a member makes no visit in October–December then Q4 is short', () => {
    expect(violationsOf('quota', quarterly, [v(1), v(2, 'c2'), v(4), v(7)])).toEqual([
      { rule: 'quota', member: 'm1', period: '2027-Q4', bound: 'min', limit: 1, count: 0 },
    ]);
  });

  it('when the only Q1 visit is in March and the Q2 visit in April then both quarters count (boundary)', () => {
    expect(violationsOf('quota', quarterly, [v(3), v(4, 'c2'), v(9), v(12, 'c2')])).toEqual([]);
  });

  it('when a quota has a max then a visit beyond it in the half is reported', () => {
    const p = problemOf(spec({ policy: policy({ roles: { commune: { quota: [{ min: 0, max: 1, per: 'half' }] } } }) }));
    const vs = [
      visit(p, { member: 'm1', cell: 'c1', month: 6 }),
      visit(p, { member: 'm1', cell: 'c1', month: 7 }),
      visit(p, { member: 'm1', cell: 'c2', month: 12 }),
    ];
    expect(violationsOf('quota', p, vs)).toEqual([
      { rule: 'quota', member: 'm1', period: '2027-H2', bound: 'max', limit: 1, count: 2 },
    ]);
  });

  it('when the quota is monthly then January and December are periods of their own (both ends of the year)', () => {
    const p = problemOf(spec({ policy: policy({ roles: { commune: { quota: [{ min: 1, per: 'month' }] } } }) }));
    const all = Array.from({ length: 12 }, (_, i) =>
      visit(p, { member: 'm1', cell: i % 2 === 0 ? 'c1' : 'c2', month: i + 1 }),
    );
    expect(violationsOf('quota', p, all)).toEqual([]);
    expect(violationsOf('quota', p, all.slice(1, 11)).map((x) => x.period)).toEqual(['2027-01', '2027-12']);
  });

  it('when a member has a quota override then it replaces the role quota', () => {
    const p = problemOf(
      spec({
        policy: policy({ roles: { commune: { quota: [{ min: 5, per: 'year' }] } } }),
        members: [member({ id: 'm1', quota: { min: 2, per: 'year' } })],
      }),
    );
    expect(
      violationsOf('quota', p, [
        visit(p, { member: 'm1', cell: 'c1', month: 1 }),
        visit(p, { member: 'm1', cell: 'c2', month: 5 }),
      ]),
    ).toEqual([]);
    expect(violationsOf('quota', p, [visit(p, { member: 'm1', cell: 'c1', month: 1 })])).toEqual([
      { rule: 'quota', member: 'm1', period: '2027', bound: 'min', limit: 2, count: 1 },
    ]);
  });
});
