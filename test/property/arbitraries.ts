// fast-check generators for small random specs and plans. All randomness comes from fast-check.
import fc from 'fast-check';
import type { Problem, Visit, VisitStatus } from '../../src/domain/types.js';
import { problemOf } from '../builders.js';

const PERIOD = fc.constantFrom('year', 'half', 'quarter', 'month');
const quota = fc
  .record({
    min: fc.integer({ min: 0, max: 3 }),
    per: PERIOD,
    max: fc.option(fc.integer({ min: 3, max: 6 }), { nil: undefined }),
  })
  .map((q) => (q.max === undefined ? { min: q.min, per: q.per } : q));

export const rawSpec = fc
  .record({
    communes: fc.integer({ min: 1, max: 2 }),
    cells: fc.array(
      fc.record({
        commune: fc.nat(1),
        day: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.constant('last' as const)),
        tags: fc.subarray(['remote', 'ethnic', 'religious']),
        allowConsecutive: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    members: fc.array(
      fc.record({
        province: fc.boolean(),
        commune: fc.nat(1),
        team: fc.option(fc.constantFrom('t1', 't2'), { nil: undefined }),
        home: fc.option(fc.nat(3), { nil: undefined }),
        unavailable: fc.array(
          fc.record({
            month: fc.integer({ min: 1, max: 12 }),
            day: fc.integer({ min: 1, max: 28 }),
            len: fc.integer({ min: 0, max: 10 }),
          }),
          { maxLength: 2 },
        ),
        quota: fc.option(fc.array(quota, { minLength: 1, maxLength: 2 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    policy: fc.record({
      commune: fc.array(quota, { minLength: 1, maxLength: 2 }),
      province: fc.array(quota, { minLength: 1, maxLength: 2 }),
      coverage: fc.record({ min: fc.integer({ min: 0, max: 2 }), per: PERIOD }),
      max_visitors_per_meeting: fc.integer({ min: 1, max: 2 }),
      max_per_team_per_meeting: fc.integer({ min: 1, max: 2 }),
      no_consecutive: fc.boolean(),
      skip_home_cell: fc.boolean(),
      max_visits_per_day: fc.integer({ min: 1, max: 2 }),
    }),
    holidays: fc.constantFrom('vn', 'none'),
    shift: fc.constantFrom('holidays', 'holidays-and-weekends', 'none'),
  })
  .map((g) => {
    const communes = Array.from({ length: g.communes }, (_, i) => `xa${i + 1}`);
    const cells = g.cells.map((c, i) => ({
      id: `c${i + 1}`,
      name: `Chi bộ ${i + 1}`,
      unit: communes[c.commune % communes.length],
      tags: c.tags,
      meeting: { day: c.day, shift: g.shift },
      allow_consecutive: c.allowConsecutive,
    }));
    const pad = (n: number) => String(n).padStart(2, '0');
    const members = g.members.map((m, i) => ({
      id: `m${i + 1}`,
      name: `Cấp ủy viên ${i + 1}`,
      role: m.province ? 'province' : 'commune',
      unit: m.province ? 'tinh' : communes[m.commune % communes.length],
      ...(m.team ? { team: m.team } : {}),
      ...(m.home !== undefined && m.home < cells.length ? { home_cell: cells[m.home]!.id } : {}),
      unavailable: m.unavailable.map((u) => {
        const end = Math.min(28, u.day + u.len);
        return end === u.day
          ? `2027-${pad(u.month)}-${pad(u.day)}`
          : `2027-${pad(u.month)}-${pad(u.day)}..2027-${pad(u.month)}-${pad(end)}`;
      }),
      ...(m.quota ? { quota: m.quota } : {}),
    }));
    return {
      year: 2027,
      holidays: g.holidays,
      policy: {
        id: 'random',
        roles: { commune: { quota: g.policy.commune }, province: { quota: g.policy.province } },
        coverage: g.policy.coverage,
        max_visitors_per_meeting: g.policy.max_visitors_per_meeting,
        max_per_team_per_meeting: g.policy.max_per_team_per_meeting,
        no_consecutive: g.policy.no_consecutive,
        skip_home_cell: g.policy.skip_home_cell,
        max_visits_per_day: g.policy.max_visits_per_day,
      },
      units: [
        { id: 'tinh', name: 'Tỉnh', level: 'province' },
        ...communes.map((id) => ({ id, name: `Xã ${id}`, level: 'commune', parent: 'tinh' })),
      ],
      cells,
      members,
    };
  });

/** A random problem (with 0–2 fixed visits on real meetings) and a random plan over it, some visits off-calendar. */
export const problemAndPlan = rawSpec.chain((raw) => {
  const base = problemOf(raw);
  const pickMeeting = fc.record({ member: fc.nat(base.members.length - 1), meeting: fc.nat(base.meetings.length - 1) });
  return fc
    .record({
      fixed: fc.uniqueArray(pickMeeting, { maxLength: 2, selector: (f) => `${f.member}|${f.meeting}` }),
      visits: fc.array(
        fc.record({
          member: fc.nat(base.members.length - 1),
          meeting: fc.nat(base.meetings.length - 1),
          perturb: fc.constantFrom('none', 'none', 'none', 'none', 'none', 'date', 'time'),
          status: fc.constantFrom<VisitStatus>('planned', 'planned', 'planned', 'fixed'),
        }),
        { maxLength: 30 },
      ),
    })
    .map(({ fixed, visits }) => {
      const fixedSpec = fixed.map((f) => {
        const m = base.meetings[f.meeting]!;
        return { member: base.members[f.member]!.id, cell: m.cell, date: m.date };
      });
      const problem: Problem = fixedSpec.length > 0 ? problemOf({ ...raw, fixed: fixedSpec }) : base;
      const plan: Visit[] = visits.map((v) => {
        const m = problem.meetings[v.meeting]!;
        const date =
          v.perturb === 'date' ? `2027-${m.date.slice(5, 7)}-${m.date.slice(8) === '28' ? '27' : '28'}` : m.date;
        return {
          member: problem.members[v.member]!.id,
          cell: m.cell,
          date,
          start: v.perturb === 'time' ? '06:00' : m.start,
          end: m.end,
          status: v.status,
        };
      });
      // Keep the fixed visits in the plan most of the time, so that both outcomes of the fixed rule occur.
      const withFixed =
        visits.length % 3 === 0
          ? plan
          : [
              ...plan,
              ...fixedSpec.map((f) => {
                const m = problem.meetings.find((x) => x.cell === f.cell && x.date === f.date)!;
                return { ...f, start: m.start, end: m.end, status: 'fixed' as const } as Visit;
              }),
            ];
      return { problem, plan: withFixed };
    });
});
