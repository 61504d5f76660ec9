// The writer's plan document, taken as it is made (documentOfWritten), equals what any reader gets from the text it
// writes (readPlanDocument): the calendars a plan is written with are the calendars `lichdu export` makes from its
// plan.json later.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import type { Plan, Problem, Visit } from '../../src/domain/types.js';
import { documentOfWritten, planJson, readPlanDocument, renderPlanJson } from '../../src/planfile/index.js';
import { problemAndPlan } from '../property/arbitraries.js';
import { planRows } from '../../src/format/csv.js';

const SEED = Number(process.env.FC_SEED ?? 20270101);
const AT = '2027-01-01T00:00:00Z';

function both(problem: Problem, plan: Plan) {
  const violations = checkPlan(problem, plan.visits);
  const made = documentOfWritten(planJson(problem, plan, violations, AT));
  const read = readPlanDocument(renderPlanJson(problem, plan, violations, AT), 'plan.json');
  return { made, read };
}

/** A re-plan's plan: visits with an identity of their own, a cancelled visit, and what the re-plan changed. */
function replanned(problem: Problem, visits: readonly Visit[]): Plan {
  const [first, ...rest] = visits;
  if (!first) return { visits };
  const identity = { uid: `x.${first.member}@lichdu`, sequence: 2, stamp: '2027-03-01T00:00:00Z' };
  return {
    visits: [{ ...first, identity }, ...rest],
    cancelled: [{ ...first, identity: { ...identity, uid: 'gone@lichdu' }, until: '2027-04-01T00:00:00Z' }],
    replan: {
      from: '2027-03-01',
      previousGeneratedAt: '2027-01-01T00:00:00Z',
      unrecorded: 'done',
      kept: rest.length,
      moved: 1,
      added: 0,
      removed: 1,
    },
    solver: { status: 'optimal', backend: 'highs', seed: 0, objective: 12, bound: 12, gap: 0 },
    specHash: problem.specHash,
  };
}

describe('the document of a plan being written', () => {
  it('when random plans are written then the document in hand equals the one read back from the text', () => {
    let compared = 0;
    fc.assert(
      fc.property(problemAndPlan, ({ problem, plan }) => {
        for (const p of [{ visits: plan }, replanned(problem, plan)]) {
          const { made, read } = both(problem, p);
          expect(read.ok).toBe(true);
          expect(made).toEqual(read);
          compared += p.visits.length;
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
    // Visits were compared, not only empty plans.
    expect(compared).toBeGreaterThan(100);
  });

  it('when the rows of plan.csv and plan.xlsx are made from the document then they equal those from the spec', () => {
    fc.assert(
      fc.property(problemAndPlan, fc.constantFrom('vi' as const, 'en' as const), ({ problem, plan }, lang) => {
        const { made } = both(problem, { visits: plan });
        if (!made.ok) throw new Error('unreadable');
        expect(planRows(made.value, made.value.visits, lang)).toEqual(planRows(problem, plan, lang));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
