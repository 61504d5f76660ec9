// Re-planning (issue 9): for random tiny specs and a random event — a member unavailable from a date, a member
// leaving, a cell added — the re-plan keeps every visit before its date, adds none there, meets every rule the new
// spec sets after it, changes at least the visits the event makes impossible, and exactly as few as an exhaustive
// search over every plan of the open meetings finds (the oracle, judged by the independent checker).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import type { Problem, Visit } from '../../src/domain/types.js';
import { replanProblem } from '../../src/replan/build.js';
import { diffPlans, whyNot } from '../../src/replan/diff.js';
import { solve } from '../../solver/index.js';
import { cell, member, problemOf, spec } from '../builders.js';

const SEED = Number(process.env.FC_SEED ?? 20270701);
const FROM = '2027-11-01';
const key = (v: Pick<Visit, 'member' | 'cell' | 'date'>) => `${v.member}|${v.cell}|${v.date}`;

type Event =
  | { kind: 'unavailable'; member: number; from: string }
  | { kind: 'leaves'; member: number; last: string }
  | { kind: 'cell'; from: string };

const tiny = fc.record({
  members: fc.integer({ min: 2, max: 3 }),
  quota: fc.oneof(
    fc.record({ min: fc.integer({ min: 1, max: 4 }), per: fc.constant('year') }),
    fc.record({ min: fc.constant(1), per: fc.constantFrom('quarter', 'month') }),
  ),
  coverage: fc.constantFrom('year', 'half'),
  noConsecutive: fc.boolean(),
  day2: fc.constantFrom(5, 20),
  event: fc.oneof(
    fc.record({
      kind: fc.constant('unavailable' as const),
      member: fc.integer({ min: 0, max: 2 }),
      from: fc.constantFrom('2027-11-01', '2027-11-15', '2027-12-01'),
    }),
    fc.record({
      kind: fc.constant('leaves' as const),
      member: fc.integer({ min: 0, max: 2 }),
      last: fc.constantFrom('2027-10-31', '2027-11-30'),
    }),
    fc.record({ kind: fc.constant('cell' as const), from: fc.constantFrom('2027-11-01', '2027-12-01') }),
  ),
});

type Tiny = typeof tiny extends fc.Arbitrary<infer T> ? T : never;

function specs(g: Tiny) {
  const policy = {
    id: 'tiny',
    roles: { commune: { quota: [g.quota] } },
    coverage: { min: 1, per: g.coverage },
    no_consecutive: g.noConsecutive,
    max_visitors_per_meeting: 1,
  };
  const cells = [cell({ id: 'c1', tags: ['remote'] }), cell({ id: 'c2', meeting: { day: g.day2 } })];
  const members = Array.from({ length: g.members }, (_, i) => member({ id: `m${i + 1}` }));
  const before = problemOf(spec({ policy, cells, members }));
  /** The spec after the event; it strikes a member with visits ahead when there is one. */
  const after = (old: readonly Visit[]) => {
    const e = g.event as Event;
    const busy = members.filter((m) => old.some((v) => v.member === m.id && v.date >= FROM));
    const pool = busy.length > 0 ? busy : members;
    const who = 'member' in e ? pool[e.member % pool.length]!.id : undefined;
    return problemOf(
      spec({
        policy,
        cells: e.kind === 'cell' ? [...cells, cell({ id: 'c3', tags: ['ethnic'], active: `${e.from}..` })] : cells,
        members: members.map((m) =>
          m.id !== who
            ? m
            : e.kind === 'unavailable'
              ? { ...m, unavailable: [`${e.from}..2027-12-31`] }
              : { ...m, active: `..${(e as { last: string }).last}` },
        ),
      }),
    );
  };
  return { before, after };
}

/** Every plan of the open meetings (none or one member each) added to the past: the fewest changes of any plan the
 * checker accepts, or undefined when none is accepted. */
function fewestChanges(p: Problem, past: readonly Visit[], previous: readonly Visit[]): number | undefined {
  const open = p.meetings.filter((m) => m.date >= FROM);
  const was = new Set(previous.filter((v) => v.date >= FROM).map(key));
  let best: number | undefined;
  const chosen: Visit[] = [];
  const walk = (i: number) => {
    if (i === open.length) {
      if (checkPlan(p, [...past, ...chosen]).length > 0) return;
      const now = new Set(chosen.map(key));
      const changes = [...was].filter((k) => !now.has(k)).length + [...now].filter((k) => !was.has(k)).length;
      best = best === undefined ? changes : Math.min(best, changes);
      return;
    }
    walk(i + 1);
    const mt = open[i]!;
    for (const m of p.members) {
      chosen.push({ member: m.id, cell: mt.cell, date: mt.date, start: mt.start, end: mt.end, status: 'planned' });
      walk(i + 1);
      chosen.pop();
    }
  };
  walk(0);
  return best;
}

describe('re-plan', () => {
  it('when an event changes a tiny spec then the re-plan keeps the past, keeps the rules, changes least', async () => {
    // What each run reached: a property whose every case is skipped by fc.pre or ends before the oracle's equality
    // would pass and prove nothing, so the cases are counted and held to a floor.
    const reached = { skipped: 0, noPlan: 0, oracle: 0 };
    const runs = Number(process.env.REPLAN_RUNS ?? 25);
    await fc.assert(
      fc.asyncProperty(tiny, async (g) => {
        const { before, after } = specs(g);
        const old = await solve(before, { timeLimitSec: 20 });
        // (Three members with a monthly quota at two cells' meetings cannot all be served: not a re-plan case.)
        if (old.unmet.length > 0) reached.skipped++;
        fc.pre(old.unmet.length === 0);
        const setup = replanProblem({
          problem: after(old.visits),
          previous: old.visits,
          from: FROM,
          unrecorded: 'done',
        });
        const r = await solve(setup.problem, { timeLimitSec: 20 });
        const past = old.visits.filter((v) => v.date < FROM);
        // The past stays as it happened (unrecorded visits count as done), and nothing is added to it.
        expect(new Set(r.visits.filter((v) => v.date < FROM).map(key))).toEqual(new Set(past.map(key)));
        // The model's bound (change costs included) never exceeds the plan's recomputed cost.
        expect(r.bound!).toBeLessThanOrEqual(r.objective! + 1e-6);
        const violations = checkPlan(setup.problem, r.visits);
        const diff = diffPlans(setup.problem, old.visits, r.visits, FROM);
        const changes = 2 * diff.moved + diff.added + diff.removed;
        const was = new Set(old.visits.filter((v) => v.date >= FROM).map(key));
        const now = new Set(r.visits.filter((v) => v.date >= FROM).map(key));
        expect(changes).toBe([...was].filter((k) => !now.has(k)).length + [...now].filter((k) => !was.has(k)).length);
        // A lower bound: the previous visits the event makes impossible must go.
        const why = whyNot(setup.problem);
        const impossible = old.visits.filter((v) => v.date >= FROM && why(v) !== 'rebalanced');
        expect(diff.removed + diff.moved).toBeGreaterThanOrEqual(impossible.length);
        const oracle = fewestChanges(setup.problem, setup.past, old.visits);
        if (oracle === undefined) {
          expect(violations.length).toBeGreaterThan(0);
          reached.noPlan++;
          return;
        }
        expect(violations).toEqual([]);
        expect(changes).toBe(oracle);
        reached.oracle++;
        if (process.env.REPLAN_STATS) console.log(g.event.kind, 'changes', changes, 'impossible', impossible.length);
      }),
      { numRuns: runs, seed: SEED },
    );
    // At least half of the runs end at the oracle's equality (seed 20270701, 25 runs: 23 reach it).
    console.log(
      `re-plan property: ${reached.oracle} at the oracle, ${reached.noPlan} without a plan, ` +
        `${reached.skipped} skipped, of ${runs}`,
    );
    expect(reached.oracle).toBeGreaterThanOrEqual(Math.ceil(runs / 2));
  }, 120_000);
});
