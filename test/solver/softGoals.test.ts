// The soft goals that read right to the people using a plan (issue 8): extra visits shared evenly (fairness) and
// each member's visits spread over the quarters (spread), on specs where without them the plan would be lopsided.
import { describe, expect, it } from 'vitest';
import { checkPlan, quality } from '../../src/check/index.js';
import { periodIndex } from '../../src/domain/periods.js';
import { solve } from '../../solver/index.js';
import { cell, member, problemOf, spec } from '../builders.js';

const policy = (roles: Record<string, unknown>) => ({
  id: 't',
  extends: 'kontum-776',
  roles,
  coverage: { min: 1, per: 'year' },
});

describe('soft goals', () => {
  it('fairness: when coverage needs more visits than the quotas give then extras differ by at most one', async () => {
    // 48 cells need 48 visits; 10 members' quotas give 26: 22 extra visits, 2 or 3 each.
    const p = problemOf(
      spec({
        policy: policy({
          two: { quota: [{ min: 2, per: 'year' }] },
          three: { quota: [{ min: 3, per: 'year' }] },
        }),
        cells: Array.from({ length: 48 }, (_, i) =>
          cell({ id: `c${i + 1}`, ...(i % 5 === 0 ? { tags: ['remote'] } : {}) }),
        ),
        members: Array.from({ length: 10 }, (_, i) => member({ id: `m${i + 1}`, role: i < 4 ? 'two' : 'three' })),
      }),
    );
    const r = await solve(p, { timeLimitSec: 60 });
    expect(r.status).toBe('optimal');
    expect(checkPlan(p, r.visits)).toEqual([]);
    const q = quality(p, r.visits);
    expect(q.visits).toBe(48);
    expect(q.extraVisitsMax! - q.extraVisitsMin!).toBeLessThanOrEqual(1);
  });

  it('spread: when members have a yearly quota of 4 or more then each visits in every quarter it can', async () => {
    // Priority cells pull visits early in the year (the earlier the larger the bonus); spread holds them back.
    const p = problemOf(
      spec({
        policy: policy({ six: { quota: [{ min: 6, per: 'year' }] }, four: { quota: [{ min: 4, per: 'year' }] } }),
        cells: Array.from({ length: 12 }, (_, i) => cell({ id: `c${i + 1}`, tags: ['remote', 'ethnic'] })),
        members: [
          ...Array.from({ length: 3 }, (_, i) => member({ id: `s${i + 1}`, role: 'six' })),
          member({ id: 'f1', role: 'four' }),
          member({ id: 'f2', role: 'four', unavailable: ['2027-07-01..2027-09-30'] }),
        ],
      }),
    );
    const r = await solve(p, { timeLimitSec: 60 });
    expect(r.status).toBe('optimal');
    expect(checkPlan(p, r.visits)).toEqual([]);
    const quarters = (id: string) =>
      [0, 1, 2, 3].map(
        (i) =>
          r.visits.filter((v) => v.member === id && periodIndex('quarter', Number(v.date.slice(5, 7))) === i).length,
      );
    for (const id of ['s1', 's2', 's3'])
      expect(
        quarters(id).every((n) => n === 1 || n === 2),
        id,
      ).toBe(true);
    expect(quarters('f1')).toEqual([1, 1, 1, 1]);
    // Away all third quarter: nothing then, its visit made up in another quarter.
    expect(quarters('f2')[2]).toBe(0);
    expect(quarters('f2').reduce((a, b) => a + b, 0)).toBe(4);
    expect(quality(p, r.visits).spreadEveryQuarter).toBe(4);
  });
});
