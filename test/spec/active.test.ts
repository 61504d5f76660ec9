// Members and cells active part of the year (issue 9, item 4): no visit outside the range, quotas and coverage
// pro-rated to the active share of each period (rounding as src/domain/active.ts documents).
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { boundsIn, coverageIn, proRate } from '../../src/domain/active.js';
import { yearlyQuota } from '../../src/domain/workload.js';
import type { CellId } from '../../src/domain/types.js';
import { solve } from '../../solver/index.js';
import { cell, issuesOf, member, problemOf, spec, visit } from '../builders.js';
import { messageOf } from '../../src/util/issues.js';

const policy = (quota: unknown, coverage: unknown = { min: 1, per: 'year' }) => ({
  id: 'p',
  roles: { commune: { quota: [quota] } },
  coverage,
});

describe('active ranges', () => {
  it('when a member with a yearly quota of 6 leaves at the end of June then their quota is 3', () => {
    const p = problemOf(
      spec({ policy: policy({ min: 6, per: 'year' }), members: [member({ id: 'm1', active: '..2027-06-30' })] }),
    );
    expect(boundsIn(p.members[0]!.quotas[0]!, 0)).toEqual({ min: 3 });
    expect(yearlyQuota(p.members[0]!)).toBe(3);
    expect(p.members[0]!.unavailable.has('2027-07-01')).toBe(true);
    expect(p.members[0]!.unavailable.has('2027-06-30')).toBe(false);
  });

  it('when a member joins on 10 July with a monthly quota then months before are 0, July is pro rata', () => {
    const p = problemOf(
      spec({
        policy: policy({ min: 1, max: 2, per: 'month' }),
        members: [member({ id: 'm1', active: '2027-07-10..' })],
      }),
    );
    const q = p.members[0]!.quotas[0]!;
    const mins = Array.from({ length: 12 }, (_, i) => boundsIn(q, i));
    expect(mins.slice(0, 6).every((b) => b.min === 0 && b.max === 0)).toBe(true);
    // 22 of 31 days: 0.71 → 1; max 2 × 0.71 rounded up → 2.
    expect(mins[6]).toEqual({ min: 1, max: 2 });
    expect(mins[11]).toEqual({ min: 1, max: 2 });
  });

  it('when min × share is a half then it rounds up, and a tenth rounds down', () => {
    expect(proRate({ min: 1 }, 0.5).min).toBe(1);
    expect(proRate({ min: 2 }, 0.1).min).toBe(0);
    expect(proRate({ min: 6, max: 8 }, 181 / 365)).toEqual({ min: 3, max: 4 });
  });

  it('when a cell is active from July then it meets from July and is covered from then on', () => {
    const p = problemOf(
      spec({
        policy: policy({ min: 1, per: 'year' }, { min: 1, per: 'quarter' }),
        cells: [cell({ id: 'c1' }), cell({ id: 'c2', active: '2027-07-01..' })],
      }),
    );
    const c2 = p.cells.find((c) => c.id === 'c2')!;
    expect(p.meetings.filter((m) => m.cell === 'c2').map((m) => m.month)).toEqual([7, 8, 9, 10, 11, 12]);
    expect([0, 1, 2, 3].map((i) => coverageIn(p.policy, c2, i).min)).toEqual([0, 0, 1, 1]);
  });

  it('when a cell becomes active after its last meeting of the year then it needs no visit', () => {
    const p = problemOf(spec({ cells: [cell({ id: 'c1' }), cell({ id: 'c2', active: '2027-12-20..' })] }));
    const c2 = p.cells.find((c) => c.id === 'c2')!;
    expect(p.meetings.some((m) => m.cell === 'c2')).toBe(false);
    expect(coverageIn(p.policy, c2, 0).min).toBe(0);
  });

  it('when a plan visits outside a range then the checker says so', () => {
    const p = problemOf(
      spec({
        policy: policy({ min: 1, per: 'year' }),
        cells: [cell({ id: 'c1' }), cell({ id: 'c2', active: '..2027-03-31' })],
        members: [member({ id: 'm1', active: '2027-02-01..' })],
      }),
    );
    const jan = visit(p, { member: 'm1', cell: 'c1', month: 1 });
    const broken = checkPlan(p, [jan]);
    expect(broken.map((v) => v.rule)).toContain('availability');
    // c2 is gone after March: a visit on the day it would have met in April is on no meeting of it.
    const april = { ...visit(p, { member: 'm1', cell: 'c1', month: 4 }), cell: 'c2' as CellId };
    expect(checkPlan(p, [april]).map((v) => v.rule)).toContain('meetingDate');
  });

  it('when a range is not one then the spec is refused at its path', () => {
    const raw = spec({ members: [member({ id: 'm1', active: '2027-07-01' })] });
    const issues = issuesOf(raw);
    expect(issues.map((i) => i.path.join('.'))).toEqual(['members.0.active']);
    expect(messageOf(issues[0]!, 'en')).toContain('"YYYY-MM-DD.."');
    expect(
      messageOf(issuesOf(spec({ cells: [cell({ id: 'c1', active: '2027-09-01..2027-03-01' })] }))[0]!, 'en'),
    ).toContain('start before end');
  });

  it('when members leave and join then nobody is planned outside their range, quotas pro rata', async () => {
    const p = problemOf(
      spec({
        policy: policy({ min: 1, per: 'quarter' }),
        cells: [cell({ id: 'c1' }), cell({ id: 'c2' }), cell({ id: 'c3', active: '2027-05-01..' })],
        members: [member({ id: 'm1', active: '..2027-06-30' }), member({ id: 'm2', active: '2027-07-01..' })],
      }),
    );
    const r = await solve(p, { timeLimitSec: 20 });
    expect(r.unmet).toEqual([]);
    expect(checkPlan(p, r.visits)).toEqual([]);
    expect(r.visits.filter((v) => v.member === 'm1').every((v) => v.date <= '2027-06-30')).toBe(true);
    expect(r.visits.filter((v) => v.member === 'm2').every((v) => v.date >= '2027-07-01')).toBe(true);
    expect(r.visits.some((v) => v.cell === 'c3' && v.date >= '2027-05-01')).toBe(true);
  });
});
