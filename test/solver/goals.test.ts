// Each soft goal's rows against its term of planCost, and the network formulation's rule rows against the checker
// (issue 21). A random plan that keeps every maximum (the rows a model cannot bend) is put into a formulation: its
// visit variables are held at the plan's values, the LP sets the goals' penalty variables as low as the rows allow,
// and the objective each goal's variables add up to must be that goal's cost of the plan (solver/goals/). The rule
// rows of the network formulation are evaluated without a solver and compared with the checker.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { forbiddingRules } from '../../src/domain/eligibility.js';
import { MeetingIndex, VisitSet } from '../../src/domain/plan.js';
import type { Problem, Visit } from '../../src/domain/types.js';
import { backend } from '../../solver/backends/index.js';
import { unmetOf, type Formulation } from '../../solver/formulation.js';
import { buildFull } from '../../solver/formulations/full.js';
import { buildNetwork } from '../../solver/formulations/network.js';
import { costInput, planCost, shortfallCost, SOFT_GOALS } from '../../solver/goals/index.js';
import { visitCost } from '../../solver/goals/priority.js';
import { problemAndPlan } from '../property/arbitraries.js';
import { ROW_RULES, violationKey } from '../support/keys.js';

const SEED = Number(process.env.FC_SEED ?? 20270121);
const MAXIMA = ROW_RULES;
/** The maxima a plan breaks: what a model holding it could not satisfy. */
const maxima = (problem: Problem, plan: readonly Visit[]) =>
  checkPlan(problem, plan, MAXIMA).filter((v) => v.bound === 'max').length;

/** The plan's visits that a formulation can hold: on a meeting, allowed (or fixed), once each, and (unless
 * `keepMaxima` is false) keeping every maximum; the problem's fixed visits first. Greedy, in the random order. */
function holdable(problem: Problem, visits: readonly Visit[], keepMaxima = true): Visit[] {
  const meetings = new MeetingIndex(problem.meetings);
  const members = new Map(problem.members.map((m) => [m.id as string, m]));
  const fixed = new VisitSet(problem.fixed);
  const seen = new VisitSet();
  const out: Visit[] = [];
  const at = (f: { member: string; cell: string; date: string }): Visit | undefined => {
    const mt = meetings.at(f);
    const m = members.get(f.member);
    if (!mt || !m || seen.has(f)) return undefined;
    if (!fixed.has(f) && forbiddingRules(problem, m, f).length > 0) return undefined;
    return { member: m.id, cell: mt.cell, date: mt.date, start: mt.start, end: mt.end, status: 'planned' };
  };
  for (const f of problem.fixed) {
    const v = at(f);
    if (v) (out.push({ ...v, status: 'fixed' }), seen.add(v));
  }
  for (const x of visits) {
    const v = at(x);
    if (!v) continue;
    if (keepMaxima && maxima(problem, [...out, v]) > maxima(problem, out)) continue;
    out.push(v);
    seen.add(v);
  }
  return out;
}

/** A re-plan of the problem from July, whose previous plan is every other visit of `visits` ahead and a stranger. */
function asReplan(problem: Problem, visits: readonly Visit[]): Problem {
  const from = '2027-07-01';
  const ahead = visits.filter((v) => v.date >= from);
  const previous = [
    ...ahead.filter((_, i) => i % 2 === 0),
    ...ahead.slice(0, 1).map((v) => ({ ...v, member: problem.members[problem.members.length - 1]!.id })),
  ].map(({ member, cell, date }) => ({ member, cell, date }));
  // The past is closed: what the plan has before July is what happened (fixed).
  const past = visits.filter((v) => v.date < from).map(({ member, cell, date }) => ({ member, cell, date }));
  return { ...problem, fixed: [...problem.fixed, ...past], replan: { from, previous } };
}

/** The objective of a formulation with its visit variables held at `value`, split by what each variable is for. */
async function heldObjective(f: Formulation, value: (v: number) => number | undefined) {
  const model = f.model;
  for (let i = 0; i < model.vars.length; i++) {
    const x = value(i);
    if (x === undefined) continue;
    model.vars[i]!.lb = x;
    model.vars[i]!.ub = x;
  }
  const r = await backend('highs')(model, { timeLimitSec: 20, seed: 0 });
  expect(r.status).toBe('optimal');
  const by = new Map<string, number>();
  model.vars.forEach((v, i) => {
    const kind = v.name.split('#')[0]!;
    by.set(kind, (by.get(kind) ?? 0) + v.obj * r.values![i]!);
  });
  return { total: r.objective!, by };
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(b));

describe('soft goals: rows against their planCost terms', () => {
  it('when a random plan is held in the full formulation then each goal’s variables cost its planCost', async () => {
    const reached = { plain: 0, replan: 0 };
    await fc.assert(
      fc.asyncProperty(problemAndPlan, fc.boolean(), async ({ problem: base, plan }, replan) => {
        const first = holdable(base, plan);
        const problem = replan ? asReplan(base, first) : base;
        const visits = replan ? holdable(problem, first) : first;
        const full = buildFull(problem);
        const chosen = new VisitSet(visits);
        const isX = new Set(full.candidates.map((c) => c.v));
        const { total, by } = await heldObjective(full, (v) => {
          if (!isX.has(v)) return undefined;
          const c = full.candidates.find((x) => x.v === v)!;
          return c.constant || chosen.has({ member: c.member.id, cell: c.cell.id, date: c.date }) ? 1 : 0;
        });
        const input = costInput(problem, visits);
        const cost = Object.fromEntries(SOFT_GOALS.map((g) => [g.id, g.cost(input)]));
        // The visit variables carry the priority cost and, on a re-plan, ±CHANGE_COST: split them apart.
        let priority = 0;
        for (const c of full.candidates)
          if (!c.constant && chosen.has({ member: c.member.id, cell: c.cell.id, date: c.date }))
            priority += visitCost(problem, c.cell, c.month);
        expect(near(priority, cost.priority!), 'priority').toBe(true);
        const changes = (by.get('x') ?? 0) - priority + (by.get('changes') ?? 0);
        expect(near(changes, cost.changes!), 'changes').toBe(true);
        for (const id of ['spread', 'fairness', 'rotation'] as const)
          expect(near(by.get(id) ?? 0, cost[id]!), id).toBe(true);
        expect(near((by.get('quota') ?? 0) + (by.get('coverage') ?? 0), shortfallCost(input)), 'shortfall').toBe(true);
        expect(near(total, planCost(problem, visits))).toBe(true);
        reached[replan ? 'replan' : 'plain']++;
      }),
      { seed: SEED, numRuns: 30 },
    );
    console.log(`goals against planCost (full): ${JSON.stringify(reached)}`);
    expect(reached.plain).toBeGreaterThan(5);
    expect(reached.replan).toBeGreaterThan(5);
  }, 120_000);

  it('when a plan is held in the network formulation then it costs at most planCost, exact goals exactly', async () => {
    let reached = 0;
    await fc.assert(
      fc.asyncProperty(problemAndPlan, async ({ problem, plan }) => {
        const visits = holdable(problem, plan);
        const net = buildNetwork(problem);
        const value = networkValues(net, visits);
        const { total, by } = await heldObjective(net, (v) => value.get(v) ?? (heldVisitVar(net, v) ? 0 : undefined));
        const input = costInput(problem, visits);
        const cost = Object.fromEntries(SOFT_GOALS.map((g) => [g.id, g.cost(input)]));
        expect(near(by.get('y') ?? 0, cost.priority!), 'priority').toBe(true);
        for (const id of ['spread', 'fairness'] as const) expect(near(by.get(id) ?? 0, cost[id]!), id).toBe(true);
        // Rotation is what the network can see: never more than the plan's repeats cost.
        expect(by.get('rotation') ?? 0).toBeLessThanOrEqual(cost.rotation! + 1e-6);
        expect(total).toBeLessThanOrEqual(planCost(problem, visits) + 1e-6);
        reached++;
      }),
      { seed: SEED + 1, numRuns: 20 },
    );
    expect(reached).toBeGreaterThan(15);
  }, 120_000);
});

describe('network formulation rule rows against the checker, no solver involved', () => {
  it('when a random plan is put into the network variables then its rule rows break where the checker says', () => {
    const seen = { broken: 0, cases: 0 };
    fc.assert(
      fc.property(problemAndPlan, ({ problem, plan }) => {
        const visits = holdable(problem, plan, false);
        const net = buildNetwork(problem);
        const value = networkValues(net, visits);
        const rows = unmetOf(net, (v) => value.get(v) ?? 0).filter((u) => !net.forced.includes(u));
        const checker = checkPlan(problem, visits);
        // Exact where the network sees the rule exactly (member-side, cell-side and meeting counts).
        for (const rule of ['quota', 'coverage'] as const) {
          const a = rows.filter((u) => u.rule === rule).map(violationKey);
          const b = checker.filter((u) => u.rule === rule).map(violationKey);
          expect(a.sort(), rule).toEqual(b.sort());
          if (b.length > 0) seen.broken++;
        }
        // Visits per day: a row across regions, and each flow's upper bound within a region: broken exactly where the
        // checker says, by one or the other.
        const dayRows = rows.filter((u) => u.rule === 'visitsPerDay').map((u) => `${u.member} ${u.date}`);
        const dayBounds = net.groups
          .flatMap((g) => g.flows)
          .filter((t) => (value.get(t.v) ?? 0) > net.model.vars[t.v]!.ub)
          .map((t) => `${t.member.id} ${t.date}`);
        const busy = checker.filter((c) => c.rule === 'visitsPerDay').map((c) => `${c.member} ${c.date}`);
        expect([...new Set([...dayRows, ...dayBounds])].sort(), 'visitsPerDay').toEqual(busy.sort());
        // Visitors per meeting are the meeting variable's upper bound in the network, not a row.
        const over = net.groups
          .flatMap((g) => g.meetings)
          .filter((t) => (value.get(t.v) ?? 0) > net.model.vars[t.v]!.ub)
          .map((t) => `${t.cell.id} ${t.date}`);
        const crowded = checker.filter((c) => c.rule === 'visitorsPerMeeting').map((c) => `${c.cell} ${c.date}`);
        expect(over.sort()).toEqual(crowded.sort());
        // The team row is per region and day, weaker: where it breaks, some meeting that day breaks the limit.
        for (const u of rows.filter((x) => x.rule === 'teamPerMeeting'))
          expect(checker.some((c) => c.rule === 'teamPerMeeting' && c.date === u.date && c.team === u.team)).toBe(true);
        seen.cases++;
      }),
      { seed: SEED + 2, numRuns: 120 },
    );
    expect(seen.broken).toBeGreaterThan(20);
  });
});

/** The network's meeting and flow variables' values for a plan: visitors per meeting, a member's visits per region
 * and day. */
function networkValues(net: ReturnType<typeof buildNetwork>, visits: readonly Visit[]): Map<number, number> {
  const out = new Map<number, number>();
  const add = (v: number) => out.set(v, (out.get(v) ?? 0) + 1);
  const meetings = new MeetingIndex(net.problem.meetings);
  for (const visit of visits) {
    const mt = meetings.at(visit)!;
    add(net.meetingTerms.get(mt)![0]!.v);
    const g = net.groups.find(
      (x) => x.region === net.regionOf.get(visit.cell) && x.date === visit.date && x.month === mt.month,
    )!;
    const flow = g.flows.find((t) => t.member.id === visit.member);
    expect(flow, `flow of ${visit.member} on ${visit.date}`).toBeDefined();
    add(flow!.v);
  }
  return out;
}

/** Whether v is one of the network's visit variables (a meeting's visitors or a member's flow). */
function heldVisitVar(net: ReturnType<typeof buildNetwork>, v: number): boolean {
  const name = net.model.vars[v]!.name;
  return name.startsWith('y#') || name.startsWith('f#');
}
