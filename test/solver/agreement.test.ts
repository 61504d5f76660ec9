// Each solver rule against the checker, without a solver (Timefold's constraint verifier): a random plan (with the
// problem's fixed visits) is put into the full formulation's variables (the network formulation's: goals.test.ts),
// the rule rows are evaluated, and rule R's rows are broken exactly when the checker reports R. Domain rules: a
// member has no variable at a meeting exactly when the checker would refuse it.
import fc from 'fast-check';
import { ROW_RULES, violationKey } from '../support/keys.js';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import type { Visit } from '../../src/domain/types.js';
import { unmetOf } from '../../solver/formulation.js';
import { buildFull } from '../../solver/formulations/full.js';
import { forbiddenBy, SOLVER_RULES } from '../../solver/rules/index.js';
import { problemAndPlan } from '../property/arbitraries.js';
import { VisitMap, VisitSet } from '../../src/domain/plan.js';

const SEED = Number(process.env.FC_SEED ?? 20270104);
const key = violationKey;

describe('solver rules agree with the checker, no solver involved', () => {
  it(
    'when a random plan is put into the full formulation then each rule’s rows break exactly where the checker ' +
      'says',
    () => {
      const seen = Object.fromEntries(ROW_RULES.map((r) => [r, { broken: 0, kept: 0 }]));
      let domain = 0;
      fc.assert(
        fc.property(problemAndPlan, ({ problem, plan: visits }) => {
          // With the problem's fixed visits (0–2, some breaking a rule): held at 1 in the model, in the plan as fixed.
          const full = buildFull(problem);
          const byKey = new VisitMap<(typeof full.candidates)[number]>();
          for (const c of full.candidates) byKey.set({ member: c.member.id, cell: c.cell.id, date: c.date }, c);
          const fixed = new VisitSet(problem.fixed);
          // The plan as the formulation can hold it: visits on meetings, at most once each, with a variable.
          const held = new VisitSet();
          const plan: Visit[] = [];
          for (const v of [...problem.fixed.map((f) => ({ ...f, start: '', end: '' })), ...visits]) {
            const c = byKey.get(v);
            if (!c || held.has(v) || (!fixed.has(v) && (c.meeting.start !== v.start || c.meeting.end !== v.end)))
              continue;
            held.add(v);
            const { start, end } = c.meeting;
            plan.push({
              member: c.member.id,
              cell: c.cell.id,
              date: c.date,
              start,
              end,
              status: fixed.has(v) ? 'fixed' : 'planned',
            });
          }
          const chosen = new Set(plan.map((v) => byKey.get(v)!.v));
          const fromRows = unmetOf(full, (v) => (chosen.has(v) ? 1 : 0));
          const fromChecker = checkPlan(problem, plan);
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
              if (!fixed.has(visit)) expect(byKey.get(visit) !== undefined).toBe(refused.length === 0);
              domain++;
            }
        }),
        { seed: SEED, numRuns: 120 },
      );
      console.log(`agreement: ${JSON.stringify(seen)}, ${domain} member × meeting domain checks`);
      for (const rule of ROW_RULES) expect(seen[rule]!.broken, rule).toBeGreaterThan(0);
      expect(SOLVER_RULES.length).toBeGreaterThan(ROW_RULES.length);
    },
  );
});
