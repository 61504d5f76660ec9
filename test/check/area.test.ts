import { describe, expect, it } from 'vitest';
import { cell, member, problemOf, spec, unit, visit } from '../builders.js';
import { policy, violationsOf } from './helpers.js';

const p = problemOf(
  spec({
    policy: policy(),
    units: [unit({ id: 'tinh' }), unit({ id: 'xa1', parent: 'tinh' }), unit({ id: 'xa2', parent: 'tinh' })],
    cells: [cell({ id: 'c1', unit: 'xa1' }), cell({ id: 'c2', unit: 'xa2' })],
    members: [
      member({ id: 'm1', unit: 'xa1' }),
      member({ id: 'p1', role: 'province', unit: 'tinh' }),
      member({ id: 'p2', role: 'province', unit: 'tinh', area: ['xa2'] }),
    ],
  }),
);

describe('area', () => {
  it('when a commune member visits a cell of another commune then it is outside their area', () => {
    const v = visit(p, { member: 'm1', cell: 'c2', month: 2 });
    expect(violationsOf('area', p, [v])).toEqual([
      {
        rule: 'area',
        member: 'm1',
        cell: 'c2',
        date: v.date,
        bound: 'max',
        limit: 0,
        count: 1,
      },
    ]);
  });

  it('when a provincial member with the default area visits any cell of the province then it is inside', () => {
    expect(
      violationsOf('area', p, [
        visit(p, { member: 'p1', cell: 'c1', month: 2 }),
        visit(p, { member: 'p1', cell: 'c2', month: 4 }),
        visit(p, { member: 'm1', cell: 'c1', month: 6 }),
      ]),
    ).toEqual([]);
  });

  it('when a provincial member’s area is one commune then a cell of another is outside', () => {
    expect(
      violationsOf('area', p, [
        visit(p, { member: 'p2', cell: 'c2', month: 2 }),
        visit(p, { member: 'p2', cell: 'c1', month: 3 }),
      ]).map((v) => [v.member, v.cell]),
    ).toEqual([['p2', 'c1']]);
  });
});
