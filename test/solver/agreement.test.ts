// Each solver rule against the checker, without a solver (Timefold's constraint verifier): a random plan is put
// into the full formulation's variables, the rule rows are evaluated, and rule R's rows are broken exactly when the
// checker reports R. Domain rules: a member has no variable at a meeting exactly when the checker would refuse it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import type { RuleId, Violation, Visit } from '../../src/domain/types.js';
import { unmetOf } from '../../solver/formulation.js';
import { buildFull } from '../../solver/formulations/full.js';
import { forbiddenBy, SOLVER_RULES } from '../../solver/rules/index.js';
import { problemAndPlan } from '../property/arbitraries.js';

const SEED = Number(process.env.FC_SEED ?? 20270104);
const ROW_RULES: readonly RuleId[] = [
  'quota',
  'coverage',
  'visitorsPerMeeting',
  'teamPerMeeting',
  'noConsecutive',
  'visitsPerDay',
];
const key = (v: Violation) =>
  [v.rule, v.member, v.cell, v.date, v.period, v.team, v.bound, v.limit, v.count].map((x) => x ?? '').join('|');

describe('solver rules agree with the checker, no solver involved', () => {
  it(
    'when a random plan is put into the full formulation then each rule’s rows break exactly where the checker ' +
      'says',
    () => {
      const seen = Object.fromEntries(ROW_RULES.map((r) => [r, { broken: 0, kept: 0 }]));
      let domain = 0;
      fc.assert(
        fc.property(problemAndPlan, ({ problem, plan: visits }) => {
          const full = buildFull({ ...problem, fixed: [] });
          const byKey = new Map(full.candidates.map((c) => [`${c.member.id}|${c.cell.id}|${c.date}`, c]));
          // The plan as the formulation can hold it: visits on meetings, at most once each, with a variable.
          const onMeeting = new Map<string, Visit>();
          for (const v of visits) {
            const c = byKey.get(`${v.member}|${v.cell}|${v.date}`);
            if (c && c.meeting.start === v.start && c.meeting.end === v.end)
              onMeeting.set(`${v.member}|${v.cell}|${v.date}`, v);
          }
          const plan = [...onMeeting.values()].map((v) => ({ ...v, status: 'planned' as const }));
          const chosen = new Set([...onMeeting.keys()].map((k) => byKey.get(k)!.v));
          const fromRows = unmetOf(full, (v) => (chosen.has(v) ? 1 : 0));
          const fromChecker = checkPlan({ ...problem, fixed: [] }, plan);
          for (const rule of ROW_RULES) {
            const a = fromRows
              .filter((u) => u.rule === rule)
              .map(key)
              .sort();
            const b = fromChecker
              .filter((u) => u.rule === rule)
              .map(key)
              .sort();
            expect(a, rule).toEqual(b);
            seen[rule]![b.length > 0 ? 'broken' : 'kept']++;
          }
          // Domains: every member at every meeting: no variable exactly when the checker refuses that visit.
          for (const m of problem.members)
            for (const mt of problem.meetings) {
              const cell = problem.cells.find((c) => c.id === mt.cell)!;
              const visit: Visit = {
                member: m.id,
                cell: mt.cell,
                date: mt.date,
                start: mt.start,
                end: mt.end,
                status: 'planned',
              };
              const refused = checkPlan({ ...problem, fixed: [] }, [visit], ['area', 'homeCell', 'availability']).map(
                (v) => v.rule,
              );
              expect(forbiddenBy(problem, m, cell, mt).sort()).toEqual(refused.sort());
              expect(byKey.has(`${m.id}|${mt.cell}|${mt.date}`)).toBe(refused.length === 0);
              domain++;
            }
        }),
        { seed: SEED, numRuns: 200 },
      );
      console.log(`agreement: ${JSON.stringify(seen)}, ${domain} member × meeting domain checks`);
      for (const rule of ROW_RULES) expect(seen[rule]!.broken, rule).toBeGreaterThan(0);
      expect(SOLVER_RULES.length).toBeGreaterThan(ROW_RULES.length);
    },
  );
});
