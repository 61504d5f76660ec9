import { describe, expect, it } from 'vitest';
import { cell, problemOf, spec, visit } from '../builders.js';
import { policy, violationsOf } from './helpers.js';

const cells = [
  cell({ id: 'c1' }),
  cell({ id: 'c2' }),
  cell({ id: 'special', allow_consecutive: true }),
  cell({ id: 'eom', meeting: { day: 'last' } }),
];
const p = problemOf(spec({ policy: policy(), cells }));
const v = (c: string, month: number) => visit(p, { member: 'm1', cell: c, month });

describe('noConsecutive', () => {
  it('when a member visited a cell in March then April at that cell is refused', () => {
    expect(violationsOf('noConsecutive', p, [v('c1', 3), v('c1', 4)])).toEqual([
      {
        rule: 'noConsecutive',
        member: 'm1',
        cell: 'c1',
        date: v('c1', 4).date,
        bound: 'max',
        limit: 1,
        count: 2,
        involved: [v('c1', 3).date, v('c1', 4).date],
      },
    ]);
  });

  it('when the visits are in March and May, or at different cells, then nothing is consecutive', () => {
    expect(violationsOf('noConsecutive', p, [v('c1', 3), v('c1', 5), v('c2', 4)])).toEqual([]);
  });

  it('when the cell allows consecutive visits then March and April are fine', () => {
    expect(violationsOf('noConsecutive', p, [v('special', 3), v('special', 4)])).toEqual([]);
  });

  it('when the April meeting is shifted into May then it and the May meeting are still consecutive', () => {
    // 30 April is a holiday, 1 May too, 2 May 2027 a Sunday: the April meeting is held on 3 May.
    expect(v('eom', 4).date).toBe('2027-05-03');
    expect(violationsOf('noConsecutive', p, [v('eom', 4), v('eom', 5)]).map((x) => x.date)).toEqual(['2027-05-31']);
  });

  it('when the policy has no consecutive rule then consecutive visits are fine', () => {
    const q = problemOf(spec({ policy: policy({ no_consecutive: false }), cells }));
    expect(
      violationsOf('noConsecutive', q, [
        visit(q, { member: 'm1', cell: 'c1', month: 11 }),
        visit(q, { member: 'm1', cell: 'c1', month: 12 }),
      ]),
    ).toEqual([]);
  });

  it(
    'when the same member visits December and January of one year then they are not consecutive in reverse ' + 'order',
    () => {
      expect(violationsOf('noConsecutive', p, [v('c1', 12), v('c1', 1)])).toEqual([]);
      expect(violationsOf('noConsecutive', p, [v('c1', 12), v('c1', 11)])).toHaveLength(1);
    },
  );
});
