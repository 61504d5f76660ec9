import { describe, expect, it } from 'vitest';
import { member, problemOf, spec, visit } from '../builders.js';
import { policy, violationsOf } from './helpers.js';

const p = problemOf(
  spec({
    policy: policy({ max_visitors_per_meeting: 3 }),
    members: [
      member({ id: 'a', team: 'to-1' }),
      member({ id: 'b', team: 'to-1' }),
      member({ id: 'c', team: 'to-2' }),
      member({ id: 'd' }),
    ],
  }),
);

describe('teamPerMeeting', () => {
  it('when two members of team to-1 attend one meeting then the team limit is broken', () => {
    const vs = [visit(p, { member: 'a', cell: 'c2', month: 12 }), visit(p, { member: 'b', cell: 'c2', month: 12 })];
    expect(violationsOf('teamPerMeeting', p, vs)).toEqual([
      {
        rule: 'teamPerMeeting',
        cell: 'c2',
        date: vs[0]!.date,
        team: 'to-1',
        bound: 'max',
        limit: 1,
        count: 2,
        involved: ['a', 'b'],
      },
    ]);
  });

  it('when the visitors come from different teams or none then the team limit holds', () => {
    const vs = [
      visit(p, { member: 'a', cell: 'c2', month: 12 }),
      visit(p, { member: 'c', cell: 'c2', month: 12 }),
      visit(p, { member: 'd', cell: 'c2', month: 12 }),
    ];
    expect(violationsOf('teamPerMeeting', p, vs)).toEqual([]);
  });
});
