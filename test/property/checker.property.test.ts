// For random specs and random plans, each rule's verdict equals a naive recount written here, independently of
// src/check. Counts the cases that exercised each rule both ways, so the property cannot pass by skipping.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { RULE_IDS, type Problem, type RuleId, type Visit } from '../../src/domain/types.js';
import { problemAndPlan } from './arbitraries.js';

const SEED = Number(process.env.FC_SEED ?? 20270101);

function naive(p: Problem, visits: readonly Visit[]): Record<RuleId, string[]> {
  const out = Object.fromEntries(RULE_IDS.map((r) => [r, [] as string[]])) as Record<RuleId, string[]>;
  const meetingOf = (v: Visit) => p.meetings.find((m) => m.cell === v.cell && m.date === v.date);
  const month = (v: Visit) => meetingOf(v)?.month ?? Number(v.date.slice(5, 7));
  const periodsIn = (per: string) =>
    ({
      year: [[1, 12]],
      half: [
        [1, 6],
        [7, 12],
      ],
      quarter: [
        [1, 3],
        [4, 6],
        [7, 9],
        [10, 12],
      ],
      month: Array.from({ length: 12 }, (_, i) => [i + 1, i + 1]),
    })[per]!;
  const label = (per: string, k: number) =>
    ({
      year: '2027',
      half: `2027-H${k + 1}`,
      quarter: `2027-Q${k + 1}`,
      month: `2027-${String(k + 1).padStart(2, '0')}`,
    })[per]!;
  const member = (id: string) => p.members.find((m) => m.id === id)!;

  for (const m of p.members) {
    for (const q of m.quotas) {
      periodsIn(q.per).forEach(([a, b], k) => {
        const n = visits.filter((v) => v.member === m.id && month(v) >= a! && month(v) <= b!).length;
        if (n < q.min) out.quota.push(`${m.id}|${label(q.per, k)}|min`);
        if (q.max !== undefined && n > q.max) out.quota.push(`${m.id}|${label(q.per, k)}|max`);
      });
    }
  }
  const cov = p.policy.coverage;
  for (const c of p.cells) {
    periodsIn(cov.per).forEach(([a, b], k) => {
      const n = visits.filter((v) => v.cell === c.id && month(v) >= a! && month(v) <= b!).length;
      if (n < cov.min) out.coverage.push(`${c.id}|${label(cov.per, k)}|min`);
      if (cov.max !== undefined && n > cov.max) out.coverage.push(`${c.id}|${label(cov.per, k)}|max`);
    });
  }
  const distinct = <T>(xs: T[]) => [...new Set(xs)];
  for (const key of distinct(visits.map((v) => `${v.cell}|${v.date}`))) {
    const at = visits.filter((v) => `${v.cell}|${v.date}` === key);
    if (at.length > p.policy.maxVisitorsPerMeeting) out.visitorsPerMeeting.push(key);
    for (const team of distinct(at.map((v) => member(v.member).team).filter((t) => t !== undefined))) {
      if (at.filter((v) => member(v.member).team === team).length > p.policy.maxPerTeamPerMeeting)
        out.teamPerMeeting.push(`${key}|${team}`);
    }
  }
  if (p.policy.noConsecutive) {
    for (const m of p.members) {
      for (const c of p.cells) {
        if (c.allowConsecutive) continue;
        const idx = new Set(
          visits
            .filter((v) => v.member === m.id && v.cell === c.id)
            .map(meetingOf)
            .filter((x) => x !== undefined)
            .map((x) => x.index),
        );
        for (const i of idx)
          if (idx.has(i + 1))
            out.noConsecutive.push(
              `${m.id}|${c.id}|${p.meetings.find((x) => x.cell === c.id && x.index === i + 1)!.date}`,
            );
      }
    }
  }
  for (const v of visits) {
    const m = member(v.member);
    if (p.policy.skipHomeCell && m.homeCell === v.cell) out.homeCell.push(`${v.member}|${v.cell}|${v.date}`);
    if (!m.eligibleCells.has(v.cell)) out.area.push(`${v.member}|${v.cell}|${v.date}`);
    if (m.unavailable.has(v.date)) out.availability.push(`${v.member}|${v.cell}|${v.date}`);
    const mt = meetingOf(v);
    if (!mt || mt.start !== v.start || mt.end !== v.end) out.meetingDate.push(`${v.member}|${v.cell}|${v.date}`);
    if (v.status === 'fixed' && !p.fixed.some((f) => f.member === v.member && f.cell === v.cell && f.date === v.date))
      out.fixed.push(`${v.member}|${v.cell}|${v.date}|marked`);
  }
  for (const key of distinct(visits.map((v) => `${v.member}|${v.cell}|${v.date}`))) {
    if (visits.filter((v) => `${v.member}|${v.cell}|${v.date}` === key).length > 1) out.distinctVisits.push(key);
  }
  for (const key of distinct(visits.map((v) => `${v.member}|${v.date}`))) {
    if (visits.filter((v) => `${v.member}|${v.date}` === key).length > p.policy.maxVisitsPerDay)
      out.visitsPerDay.push(key);
  }
  for (const f of p.fixed) {
    if (!visits.some((v) => v.member === f.member && v.cell === f.cell && v.date === f.date))
      out.fixed.push(`${f.member}|${f.cell}|${f.date}|missing`);
  }
  return out;
}

function keyOf(rule: RuleId, v: ReturnType<typeof checkPlan>[number]): string {
  switch (rule) {
    case 'quota':
      return `${v.member}|${v.period}|${v.bound}`;
    case 'coverage':
      return `${v.cell}|${v.period}|${v.bound}`;
    case 'visitorsPerMeeting':
      return `${v.cell}|${v.date}`;
    case 'teamPerMeeting':
      return `${v.cell}|${v.date}|${v.team}`;
    case 'visitsPerDay':
      return `${v.member}|${v.date}`;
    case 'fixed':
      return `${v.member}|${v.cell}|${v.date}|${v.bound === 'min' ? 'missing' : 'marked'}`;
    default:
      return `${v.member}|${v.cell}|${v.date}`;
  }
}

describe('checker agrees with a naive recount', () => {
  it('when specs and plans are random then every rule gives the same violations as the recount', () => {
    const seen = Object.fromEntries(RULE_IDS.map((r) => [r, { broken: 0, kept: 0 }])) as Record<
      RuleId,
      { broken: number; kept: number }
    >;
    fc.assert(
      fc.property(problemAndPlan, ({ problem, plan }) => {
        const expected = naive(problem, plan);
        const got = checkPlan(problem, plan);
        for (const rule of RULE_IDS) {
          const mine = got
            .filter((v) => v.rule === rule)
            .map((v) => keyOf(rule, v))
            .sort();
          expect(mine, rule).toEqual([...expected[rule]].sort());
          seen[rule][mine.length > 0 ? 'broken' : 'kept']++;
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
    for (const rule of RULE_IDS) {
      expect(seen[rule].broken, `${rule} was never broken`).toBeGreaterThan(0);
      expect(seen[rule].kept, `${rule} was never kept`).toBeGreaterThan(0);
    }
    console.log(`checker property: ${RULE_IDS.map((r) => `${r} ${seen[r].broken}✖/${seen[r].kept}✔`).join(', ')}`);
  });
});
