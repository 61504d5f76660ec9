// One test per rule module of the solver: the rule binds in a small spec, the plan keeps it (checked by the
// independent checker), and without the rule the optimal plan would be different.
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import type { Problem, Visit } from '../../src/domain/types.js';
import { solve } from '../../solver/index.js';
import { cell, member, problemOf, spec, unit } from '../builders.js';

const policy = (o: Record<string, unknown> = {}) => ({
  id: 't',
  extends: 'kontum-776',
  roles: { commune: { quota: [{ min: 0, per: 'year' }] } },
  coverage: { min: 0, per: 'year' },
  ...o,
});
const quota = (min: number, per = 'year') => ({ commune: { quota: [{ min, per }] } });

async function plan(p: Problem): Promise<{ visits: Visit[]; objective: number }> {
  const r = await solve(p, { timeLimitSec: 30 });
  expect(['optimal', 'infeasible-relaxed']).toContain(r.status);
  return { visits: r.visits, objective: r.objective! };
}
const months = (vs: readonly Visit[]) => vs.map((v) => Number(v.date.slice(5, 7))).sort((a, b) => a - b);

describe('solver rules', () => {
  describe('quota', () => {
    it('when a member must make 3 visits a year then the plan has 3, and without the quota none', async () => {
      const p = problemOf(spec({ policy: policy({ roles: quota(3) }) }));
      const a = await plan(p);
      expect(a.visits).toHaveLength(3);
      expect(checkPlan(p, a.visits)).toEqual([]);
      expect((await plan(problemOf(spec({ policy: policy() })))).visits).toHaveLength(0);
    });
  });

  describe('quota', () => {
    it(
      'when the quota is monthly then January and December both get a visit (both ends of the ' + 'year)',
      async () => {
        const p = problemOf(spec({ policy: policy({ roles: quota(1, 'month') }) }));
        const a = await plan(p);
        expect(months(a.visits)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        expect(checkPlan(p, a.visits)).toEqual([]);
      },
    );
  });

  describe('coverage', () => {
    it('when every cell needs a visit each half then each cell is visited in both halves', async () => {
      const p = problemOf(
        spec({
          policy: policy({ coverage: { min: 1, per: 'half' } }),
          members: [member({ id: 'm1' }), member({ id: 'm2' })],
        }),
      );
      const a = await plan(p);
      for (const c of ['c1', 'c2'])
        expect(
          new Set(a.visits.filter((v) => v.cell === c).map((v) => (Number(v.date.slice(5, 7)) <= 6 ? 'H1' : 'H2'))),
        ).toEqual(new Set(['H1', 'H2']));
      expect(checkPlan(p, a.visits)).toEqual([]);
    });
  });

  const twoWantJanuary = (o: Record<string, unknown>, members = [member({ id: 'm1' }), member({ id: 'm2' })]) =>
    problemOf(
      spec({
        policy: policy({ roles: quota(1), ...o }),
        cells: [cell({ id: 'c1', tags: ['remote', 'ethnic'] })],
        members,
      }),
    );

  describe('visitorsPerMeeting', () => {
    it('when two members both want the January meeting then only one gets it', async () => {
      const one = await plan(twoWantJanuary({}));
      expect(months(one.visits)).toEqual([1, 2]);
      const two = await plan(twoWantJanuary({ max_visitors_per_meeting: 2 }));
      expect(months(two.visits)).toEqual([1, 1]);
      expect(two.objective).toBeLessThan(one.objective);
    });
  });

  describe('teamPerMeeting', () => {
    it('when two members of one team want one meeting then the team limit separates them', async () => {
      const same = await plan(
        twoWantJanuary({ max_visitors_per_meeting: 2 }, [
          member({ id: 'm1', team: 't1' }),
          member({ id: 'm2', team: 't1' }),
        ]),
      );
      expect(months(same.visits)).toEqual([1, 2]);
      const other = await plan(
        twoWantJanuary({ max_visitors_per_meeting: 2 }, [
          member({ id: 'm1', team: 't1' }),
          member({ id: 'm2', team: 't2' }),
        ]),
      );
      expect(months(other.visits)).toEqual([1, 1]);
    });
  });

  describe('noConsecutive', () => {
    it(
      'when a member visits the only cell twice then not in January and February, unless the cell ' + 'allows it',
      async () => {
        // Meetings of the first quarter only: the quarter spread then costs the same whichever two months.
        const mk = (allow: boolean, noConsecutive = true) => {
          const p = problemOf(
            spec({
              policy: policy({ roles: quota(2), no_consecutive: noConsecutive }),
              cells: [cell({ id: 'c1', tags: ['remote'], allow_consecutive: allow })],
            }),
          );
          return { ...p, meetings: p.meetings.filter((m) => m.month <= 3) };
        };
        expect(months((await plan(mk(false))).visits)).toEqual([1, 3]);
        expect(months((await plan(mk(true))).visits)).toEqual([1, 2]);
        expect(months((await plan(mk(false, false))).visits)).toEqual([1, 2]);
      },
    );
  });

  describe('homeCell', () => {
    it('when the member’s home cell is the priority cell then the visit goes elsewhere', async () => {
      const mk = (home: boolean) =>
        problemOf(
          spec({
            policy: policy({ roles: quota(1) }),
            cells: [cell({ id: 'c1', tags: ['remote'] }), cell({ id: 'c2' })],
            members: [member({ id: 'm1', ...(home ? { home_cell: 'c1' } : {}) })],
          }),
        );
      expect((await plan(mk(true))).visits.map((v) => v.cell)).toEqual(['c2']);
      expect((await plan(mk(false))).visits.map((v) => v.cell)).toEqual(['c1']);
    });
  });

  describe('area', () => {
    it('when the priority cell is in another commune then the visit stays in the member’s own area', async () => {
      const mk = (area?: string[]) =>
        problemOf(
          spec({
            policy: policy({ roles: quota(1) }),
            units: [unit({ id: 'tinh' }), unit({ id: 'xa1', parent: 'tinh' }), unit({ id: 'xa2', parent: 'tinh' })],
            cells: [cell({ id: 'c1', unit: 'xa1', tags: ['remote', 'ethnic'] }), cell({ id: 'c2', unit: 'xa2' })],
            members: [member({ id: 'm1', unit: 'xa2', ...(area ? { area } : {}) })],
          }),
        );
      const own = await plan(mk());
      expect(own.visits.map((v) => v.cell)).toEqual(['c2']);
      expect(checkPlan(mk(), own.visits)).toEqual([]);
      // With both communes in the area the priority cell wins: the area is what kept the visit out.
      expect((await plan(mk(['xa1', 'xa2']))).visits.map((v) => v.cell)).toEqual(['c1']);
    });
  });

  describe('availability', () => {
    it('when the member is away in January then the visit is in February', async () => {
      const p = problemOf(
        spec({
          policy: policy({ roles: quota(1) }),
          cells: [cell({ id: 'c1', tags: ['remote'] })],
          members: [member({ id: 'm1', unavailable: ['2027-01-01..2027-01-31'] })],
        }),
      );
      const a = await plan(p);
      expect(months(a.visits)).toEqual([2]);
      expect(checkPlan(p, a.visits)).toEqual([]);
    });
  });

  describe('visitsPerDay', () => {
    it('when two cells meet the same day and the quota wants both then the shortfall is ' + 'reported', async () => {
      const mk = (perDay: number) =>
        problemOf(
          spec({ policy: policy({ roles: quota(2, 'month'), max_visits_per_day: perDay, no_consecutive: false }) }),
        );
      const r = await solve(mk(1), { timeLimitSec: 30 });
      expect(r.status).toBe('infeasible-relaxed');
      expect(r.unmet.filter((u) => u.rule === 'quota')).toHaveLength(12);
      expect((await solve(mk(2), { timeLimitSec: 30 })).status).toBe('optimal');
    });
  });

  describe('fixed', () => {
    it('when a visit is fixed in December then the plan keeps it, marked fixed', async () => {
      const p = problemOf(
        spec({ policy: policy({ roles: quota(1) }), fixed: [{ member: 'm1', cell: 'c2', date: '2027-12-05' }] }),
      );
      const a = await plan(p);
      expect(a.visits).toEqual([
        { member: 'm1', cell: 'c2', date: '2027-12-05', start: '19:30', end: '21:30', status: 'fixed' },
      ]);
      expect(checkPlan(p, a.visits)).toEqual([]);
    });
  });

  it(
    'spread and priority: when a member with a yearly quota of 2 could make both in January then the second ' +
      'goes to the next quarter, both at priority cells',
    async () => {
      const p = problemOf(
        spec({
          policy: policy({ roles: quota(2) }),
          cells: [
            cell({ id: 'c1', tags: ['remote'] }),
            cell({ id: 'c2', tags: ['remote'], meeting: { day: 20 } }),
            cell({ id: 'c3' }),
          ],
        }),
      );
      const a = await plan(p);
      expect(months(a.visits)).toEqual([1, 4]);
      expect(a.visits.map((v) => v.cell).sort()).toEqual(['c1', 'c2']);
    },
  );
});
