// Tiny instances (≤ 3 members, 2 cells, meetings in January, February and April only) and an exhaustive search over
// them as the oracle of the optimum (test/solver/oracle.test.ts, anytime.test.ts). The oracle judges plans with the
// independent checker and prices them with the objective as documented (solver/goals: visit cost less priority bonus,
// rotation 30, spread 10 a visit beyond one a month, 12 a visit below ⌊q/4⌋ and 6 above ⌈q/4⌉ a quarter, fairness 4·k
// for the k-th visit beyond the yearly quota up to 6·4), written again here. January, February and April cross a
// quarter.
import fc from 'fast-check';
import { checkPlan } from '../../src/check/index.js';
import { periodIndex, periodsOf } from '../../src/domain/periods.js';
import type { Problem, Visit } from '../../src/domain/types.js';
import { cell, member, problemOf, spec } from '../builders.js';

export const tiny = fc
  .record({
    members: fc.integer({ min: 1, max: 3 }),
    tags: fc.tuple(fc.subarray(['remote', 'ethnic']), fc.subarray(['religious'])),
    quota: fc.record({ min: fc.integer({ min: 0, max: 2 }), per: fc.constantFrom('year', 'quarter') }),
    coverage: fc.integer({ min: 0, max: 2 }),
    noConsecutive: fc.boolean(),
    maxVisitors: fc.integer({ min: 1, max: 2 }),
    home: fc.option(fc.constantFrom('c1', 'c2'), { nil: undefined }),
    unavailable: fc.option(fc.constantFrom('2027-01-05', '2027-02-10', '2027-03-05'), { nil: undefined }),
    allowConsecutive: fc.boolean(),
    day2: fc.constantFrom(5, 20),
  })
  .map((g) => {
    const raw = spec({
      policy: {
        id: 'tiny',
        roles: { commune: { quota: [g.quota] } },
        coverage: { min: g.coverage, per: 'quarter' },
        no_consecutive: g.noConsecutive,
        max_visitors_per_meeting: g.members === 3 ? 1 : g.maxVisitors,
        max_per_team_per_meeting: 1,
      },
      cells: [
        cell({ id: 'c1', tags: g.tags[0] }),
        cell({ id: 'c2', tags: g.tags[1], allow_consecutive: g.allowConsecutive, meeting: { day: g.day2 } }),
      ],
      members: Array.from({ length: g.members }, (_, i) =>
        member({
          id: `m${i + 1}`,
          ...(i === 0 && g.home ? { home_cell: g.home } : {}),
          ...(i === 1 && g.unavailable ? { unavailable: [g.unavailable] } : {}),
          ...(i < 2 ? { team: 't' } : {}),
        }),
      ),
    });
    const p = problemOf(raw);
    return { ...p, meetings: p.meetings.filter((m) => [1, 2, 4].includes(m.month)) } as Problem;
  });

export function cost(p: Problem, visits: readonly Visit[]): number {
  const month = new Map(p.meetings.map((m) => [`${m.cell}|${m.date}`, m.month]));
  let total = 0;
  const pairs = new Map<string, number>();
  for (const v of visits) {
    const c = p.cells.find((x) => x.id === v.cell)!;
    const w = c.tags.reduce((s, t) => s + (p.policy.priority[t] ?? 0), 0);
    total += 100 - Math.min(90, w * (4 + (12 - month.get(`${v.cell}|${v.date}`)!) / 3));
    pairs.set(`${v.member}|${v.cell}`, (pairs.get(`${v.member}|${v.cell}`) ?? 0) + 1);
  }
  for (const n of pairs.values()) total += 30 * Math.max(0, n - 1);
  const perMonth = new Map<string, number>();
  for (const v of visits)
    perMonth.set(
      `${v.member}|${month.get(`${v.cell}|${v.date}`)}`,
      (perMonth.get(`${v.member}|${month.get(`${v.cell}|${v.date}`)}`) ?? 0) + 1,
    );
  for (const n of perMonth.values()) total += 10 * Math.max(0, n - 1);
  for (const m of p.members) {
    const mine = visits.filter((v) => v.member === m.id).map((v) => month.get(`${v.cell}|${v.date}`)!);
    const q = Math.max(0, ...m.quotas.map((x) => x.min * { year: 1, half: 2, quarter: 4, month: 12 }[x.per]));
    if (q > 0)
      for (const quarter of [0, 1, 2, 3]) {
        const n = mine.filter((mo) => Math.floor((mo - 1) / 3) === quarter).length;
        total += 12 * Math.max(0, Math.floor(q / 4) - n) + 6 * Math.max(0, n - Math.ceil(q / 4));
      }
    for (let k = 1; k <= mine.length - q; k++) total += 4 * Math.min(k, 6);
  }
  const count = (pred: (v: Visit) => boolean, per: Parameters<typeof periodIndex>[0], i: number) =>
    visits.filter((v) => pred(v) && periodIndex(per, month.get(`${v.cell}|${v.date}`)!) === i).length;
  for (const m of p.members)
    for (const q of m.quotas)
      periodsOf(q.per, p.year).forEach(
        (_, i) => (total += 100_000 * Math.max(0, q.min - count((v) => v.member === m.id, q.per, i))),
      );
  const cov = p.policy.coverage;
  for (const c of p.cells)
    periodsOf(cov.per, p.year).forEach(
      (_, i) => (total += 100_000 * Math.max(0, cov.min - count((v) => v.cell === c.id, cov.per, i))),
    );
  return total;
}

export function oracle(p: Problem): number {
  const ids = p.members.map((m) => m.id);
  const options: string[][] = [[]];
  for (const a of ids) options.push([a]);
  if (p.policy.maxVisitorsPerMeeting >= 2)
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) options.push([ids[i]!, ids[j]!]);
  let best = Infinity;
  const visits: Visit[] = [];
  const go = (k: number) => {
    if (k === p.meetings.length) {
      const hard = checkPlan(p, visits).filter(
        (v) => !((v.rule === 'quota' || v.rule === 'coverage') && v.bound === 'min'),
      );
      if (hard.length === 0) best = Math.min(best, cost(p, visits));
      return;
    }
    const mt = p.meetings[k]!;
    for (const o of options) {
      for (const id of o)
        visits.push({
          member: id as Visit['member'],
          cell: mt.cell,
          date: mt.date,
          start: mt.start,
          end: mt.end,
          status: 'planned',
        });
      go(k + 1);
      visits.length -= o.length;
    }
  };
  go(0);
  return best;
}
