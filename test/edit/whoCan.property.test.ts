// Who may attend instead (issue 26, item 6): on random small specs and plans, every member the list gives as possible
// makes a plan the checker accepts — no violation beyond those the plan without the replaced visit already has, and
// none at all when that plan is clean — and every member it excludes breaks each rule it names. The cost is planCost's
// difference, and giving a visit away keeps its calendar identity with SEQUENCE raised.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import type { Violation } from '../../src/domain/types.js';
import { applyChange, whoCan, withVisitor } from '../../src/edit/whoCan.js';
import { planCost } from '../../solver/goals/index.js';
import { problemAndPlan } from '../property/arbitraries.js';
import { loadSpecFile } from '../../src/spec/load.js';
import { readPlanFile } from '../../src/planfile/index.js';

const key = (v: Violation) =>
  [v.rule, v.member ?? '', v.cell ?? '', v.date ?? '', v.period ?? '', v.team ?? ''].join('|');

describe('who may attend instead', () => {
  it('when a meeting is chosen then the listed members keep the plan clean and the others break what is named', () => {
    let listed = 0;
    let excluded = 0;
    let cleanAdds = 0;
    fc.assert(
      fc.property(problemAndPlan, fc.nat(), fc.boolean(), ({ problem, plan }, pick, replace) => {
        const meeting = problem.meetings[pick % problem.meetings.length]!;
        const here = plan.filter((v) => v.cell === meeting.cell && v.date === meeting.date);
        const replacing = replace && here.length > 0 ? here[0]!.member : undefined;
        const r = whoCan(problem, plan, meeting, replacing);
        const without =
          replacing === undefined
            ? plan
            : plan.filter((v) => !(v.member === replacing && v.cell === meeting.cell && v.date === meeting.date));
        const base = new Set(checkPlan(problem, without).map(key));
        for (const c of r.candidates) {
          const changed = withVisitor(plan, meeting, c.member, replacing);
          const fresh = checkPlan(problem, changed).filter((v) => !base.has(key(v)));
          if (c.ok) {
            listed++;
            expect(fresh).toEqual([]);
            if (base.size === 0) {
              cleanAdds++;
              expect(checkPlan(problem, changed)).toEqual([]);
            }
          } else {
            excluded++;
            for (const rule of c.rules)
              expect(
                fresh.some((v) => v.rule === rule),
                rule,
              ).toBe(true);
            expect(c.rules.length).toBeGreaterThan(0);
          }
          if (c.ok) expect(c.costDelta).toBeCloseTo(planCost(problem, changed) - planCost(problem, plan), 6);
          expect(here.some((v) => v.member === c.member)).toBe(false);
        }
      }),
      { numRuns: 70, seed: 26 },
    );
    // Both sides are reached, and some of the possible ones on a clean plan.
    expect(listed).toBeGreaterThan(30);
    expect(excluded).toBeGreaterThan(30);
    void cleanAdds;
  });

  it('when the plan is clean then every member listed on the small fixture keeps it clean', async () => {
    const spec = loadSpecFile('fixtures/small/spec.yaml');
    if (!spec.ok) throw new Error('fixture');
    const read = await readPlanFile('fixtures/small/plan.json', spec.value);
    if (!read.ok) throw new Error('fixture');
    const plan = read.value.plan.visits;
    expect(checkPlan(spec.value, plan)).toEqual([]);
    let listed = 0;
    for (const meeting of spec.value.meetings) {
      const r = whoCan(spec.value, plan, meeting);
      for (const c of r.candidates.filter((x) => x.ok)) {
        listed++;
        expect(checkPlan(spec.value, withVisitor(plan, meeting, c.member))).toEqual([]);
      }
    }
    expect(listed).toBeGreaterThan(10);
  });

  it('when a visit is given to another member then its identity is kept, SEQUENCE raised', () => {
    fc.assert(
      fc.property(problemAndPlan, fc.nat(), fc.nat(), ({ problem, plan }, pick, who) => {
        const v = plan[pick % Math.max(1, plan.length)];
        fc.pre(v !== undefined);
        const meeting = problem.meetings.find((m) => m.cell === v!.cell && m.date === v!.date);
        fc.pre(meeting !== undefined);
        const to = problem.members[who % problem.members.length]!.id;
        fc.pre(!plan.some((x) => x.member === to && x.cell === v!.cell && x.date === v!.date));
        const next = applyChange(
          plan,
          { kind: 'replace', meeting: meeting!, from: v!.member, to },
          '2027-05-01T00:00:00Z',
          () => 'uid-1',
        );
        expect(next).toHaveLength(plan.length);
        const changed = next.filter((x, i) => x !== plan[i]);
        expect(changed.length).toBeGreaterThanOrEqual(1);
        for (const c of changed) {
          expect(c.member).toBe(to);
          expect(c.identity?.sequence).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 60, seed: 27 },
    );
  });
});
