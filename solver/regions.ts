// From the network solution to a plan, region by region, with exact repair where the matching cannot keep the
// network's cost. A region whose day-by-day matching places every visit without repeating a cell is settled at its
// share of the network optimum. Any other region (a visit left unplaced, or a member repeating a cell; team limits,
// several meeting days, rule-breaking fixed visits all end up here) is solved again as a piece (./formulations/
// piece.ts): its cells, its own members free, and the visits other members make there kept per day as the network
// planned them, so that everything outside the region stays valid. A piece too large for the in-process solver pins
// its own members too (only the meetings are chosen); one still too large keeps its matching. The better of the
// matching and the piece, by the piece's own cost, is kept. While the gap is still above the target, the regions'
// families (a commune's regions, one per meeting day) are solved with their own members free, then each repaired
// region once more with every member who visits it free (improvement).
import type { CellId, Member, MemberId, Visit } from '../src/domain/types.js';
import { groupBy } from '../src/domain/group.js';
import { MeetingIndex } from '../src/domain/plan.js';
import { SHORTFALL_COST, type FullFormulation, type NetworkFormulation } from './formulation.js';
import { matchRegions, type Assigned } from './formulations/networkDecode.js';
import { buildPiece, planPiece, type Piece, type PieceInput, type Pin } from './formulations/piece.js';
import { planCost } from './goals/index.js';

/** Candidates (binary variables) above which a model is not given to the in-process solver (measured: README). */
export const PIECE_LIMIT = 20_000;

/** Solves a piece's model: every variable's value by index, or undefined when nothing was found in time. */
export type PieceSolver = (f: FullFormulation) => Promise<Float64Array | undefined>;

export interface RegionsResult {
  readonly assigned: Assigned[];
  /** Every region matched at the network's cost: the plan is optimal. */
  readonly exact: boolean;
  readonly repaired: number;
  readonly toRepair: number;
}

export const toVisit = ({ member, meeting, fixed }: Assigned): Visit => ({
  member: member.id,
  cell: meeting.cell,
  date: meeting.date,
  start: meeting.start,
  end: meeting.end,
  status: fixed ? 'fixed' : 'planned',
});

/** The piece's cost of some of its visits: its sub-problem's plan cost, plus a shortfall for each pinned visit lost. */
export function pieceCost(piece: Piece, inside: readonly Assigned[]): number {
  const all = [...inside, ...piece.constants.map((c) => ({ member: c.member, meeting: c.meeting, fixed: true }))];
  let cost = planCost(piece.problem, all.map(toVisit));
  const count = groupBy(inside, (a) => a.member.id as MemberId);
  for (const p of piece.input.pins) {
    const n = (count.get(p.member.id) ?? []).filter((a) => a.meeting.date === p.date && a.meeting.month === p.month);
    cost += SHORTFALL_COST * Math.max(0, p.n - n.length);
  }
  return cost;
}

/** Runs `tasks` two at a time (the machines have two cores, the backend two workers). */
async function inPairs<T>(tasks: ReadonlyArray<() => Promise<T>>): Promise<T[]> {
  const out = new Array<T>(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  };
  await Promise.all([lane(), lane()]);
  return out;
}

export async function planByRegions(
  net: NetworkFormulation,
  value: (v: number) => number,
  solvePiece: PieceSolver,
  opts: {
    /** Whether a second round (the regions' own members freed) is worth its time, given the plan so far. */
    readonly goOn: (assigned: readonly Assigned[]) => boolean;
    readonly onRepair?: (done: number, of: number) => void;
    /** Called after each piece solved: the whole plan as it now stands (complete at every step), made on demand. */
    readonly onPlan?: (plan: () => readonly Assigned[]) => void;
    /** Whether a plan of this cost is within the gap target: the first round stops there. */
    readonly enough?: (cost: number) => boolean;
    /** The solve was stopped (time limit, Ctrl-C): no piece is built any more, the regions keep their matching. */
    readonly stopped?: () => boolean;
  },
): Promise<RegionsResult> {
  const problem = net.problem;
  const matches = matchRegions(net, value);
  // Largest first: the regions with visits left unplaced (each a shortfall), then those with the most repeats; so that
  // the first round can stop once the plan is within the gap target (L+days: 100 regions to repair, 99 of them for
  // repeats alone).
  const toRepair = matches
    .filter((m) => !m.complete || m.repeats || m.lostKeeps)
    .sort((a, b) => b.missing - a.missing || b.repeated - a.repeated || a.region - b.region);
  if (toRepair.length === 0)
    return { assigned: matches.flatMap((m) => m.assigned), exact: true, repaired: 0, toRepair: 0 };

  // A member is local to a family of regions (a commune, whose cells may meet on several days) when every cell they
  // may visit lies in it.
  const localTo = new Map<MemberId, number>();
  for (const m of problem.members) {
    const fs = new Set([...m.eligibleCells].map((c) => net.family[net.regionOf.get(c)!]));
    if (fs.size === 1) localTo.set(m.id, [...fs][0]!);
  }
  const localsOf = groupBy(
    problem.members.filter((m) => localTo.has(m.id)),
    (m) => localTo.get(m.id)!,
  );
  const regionsOfFamily = groupBy(
    net.regions.map((_, r) => r),
    (r) => net.family[r]!,
  );
  const flowsOf = groupBy(net.groups, (g) => g.region);
  const memberById = new Map(problem.members.map((m) => [m.id as string, m]));
  const meetingAt = new MeetingIndex(problem.meetings);
  // Every region's visits as they now stand: the matching's, then the pieces' that cost less.
  const best = new Map(matches.map((m) => [m.region, m.assigned]));
  let done = 0;
  /** The visits a piece's solution chooses (its constants are visits elsewhere, not chosen). */
  const chosenIn = (f: FullFormulation, values: Float64Array): Assigned[] =>
    f.candidates
      .filter((c) => !c.constant && values[c.v]! > 0.5)
      .map((c) => ({ member: memberById.get(c.member.id)!, meeting: c.meeting, fixed: c.held > 0 }));
  const total = () => [...best.values()].flat();

  /** A piece solved: its regions, the visits it chose when they cost less than what those have, and by how much. */
  interface Repaired {
    readonly regions: readonly number[];
    readonly chosen?: Assigned[];
    readonly gain: number;
  }
  /** Keeps a piece's visits (when better), region by region, and offers the plan as it now stands. */
  const keep = (r: Repaired | undefined) => {
    if (r?.chosen) {
      const byRegion = groupBy(r.chosen, (a) => net.regionOf.get(a.meeting.cell)!);
      for (const region of r.regions) best.set(region, byRegion.get(region) ?? []);
    }
    if (r) opts.onPlan?.(total);
  };
  /**
   * Solves the piece of some regions (one, or a family's) against what they have now, with the family's own members
   * free or not; undefined when it could not be solved.
   */
  const repair =
    (regions: readonly number[], freeLocals: boolean, noRepeat = false) =>
    async (): Promise<Repaired | undefined> => {
      // Building a piece takes long on a province: none once the solve is stopped (it could not be solved anyway).
      if (opts.stopped?.()) return undefined;
      const cells = new Set<CellId>(regions.flatMap((r) => net.regions[r]!.map((c) => c.id)));
      const family = net.family[regions[0]!]!;
      const locals = new Set<MemberId>(freeLocals ? (localsOf.get(family) ?? []).map((m) => m.id) : []);
      // The other members' visits per day as the network planned them (one pin per member and day: a family's
      // regions may share a date).
      const pinAt = new Map<string, Pin>();
      for (const g of regions.flatMap((r) => flowsOf.get(r) ?? []))
        for (const fl of g.flows) {
          const n = Math.round(value(fl.v));
          if (locals.has(fl.member.id) || n <= 0) continue;
          const key = `${fl.member.id}\u0000${g.date}\u0000${g.month}`;
          const p = pinAt.get(key);
          pinAt.set(key, { member: fl.member, date: g.date, month: g.month, n: n + (p?.n ?? 0) });
        }
      const pins = [...pinAt.values()];
      const elsewhere = problem.fixed
        .filter((f) => locals.has(f.member) && !cells.has(f.cell))
        .map((f) => ({
          member: memberById.get(f.member)! as Member,
          meeting: meetingAt.at(f)!,
          fixed: true,
        }));
      const input: PieceInput = { cells, free: locals, pins, elsewhere };
      const piece = planPiece(problem, input);
      if (piece.pairs.length > PIECE_LIMIT) return undefined;
      const seats = new Map(
        regions.flatMap((r) => flowsOf.get(r) ?? []).flatMap((g) => g.meetings.map((t) => [t.meeting, value(t.v)])),
      );
      const f = buildPiece(piece, noRepeat ? { noRepeat, seats } : {});
      const values = await solvePiece(f);
      if (!values) return undefined;
      const chosen = chosenIn(f, values);
      const before = pieceCost(
        piece,
        regions.flatMap((r) => best.get(r)!),
      );
      const after = pieceCost(piece, chosen);
      return after < before ? { regions, chosen, gain: before - after } : { regions, gain: 0 };
    };
  /**
   * Solves pieces two at a time and keeps them in their order, so that the plan does not depend on which finished
   * first. The plan's cost goes down by what each piece's does; once that says the plan is within the target, the
   * plan is priced (0.1 s on 2,800 cells) and, if it is, the pieces after that one keep what they have (a piece already
   * being solved then is not kept).
   */
  const inOrder = async (jobs: ReadonlyArray<() => Promise<Repaired | undefined>>) => {
    let cost = opts.enough ? planCost(problem, total().map(toVisit)) : Infinity;
    let stopAt = jobs.length;
    const solved = new Array<Repaired | null | undefined>(jobs.length).fill(undefined);
    let kept = 0;
    await inPairs(
      jobs.map((job, i) => async () => {
        if (i >= stopAt) return;
        solved[i] = (await job()) ?? null;
        for (; kept < stopAt && solved[kept] !== undefined; kept++) {
          const r = solved[kept] ?? undefined;
          keep(r);
          cost -= r?.gain ?? 0;
          if (opts.enough?.(cost)) {
            cost = planCost(problem, total().map(toVisit));
            if (opts.enough(cost)) stopAt = kept + 1;
          }
        }
      }),
    );
  };
  // Round 1: every member pinned to the network's days: only the meetings are chosen (small, fast models), first
  // without repeats and with the network's visitors per meeting (then the region costs what the network said), else
  // with repeats at the rotation cost. The members are pinned: their quotas and quarters stay as they are.
  await inOrder(
    toRepair.map((m) => async () => {
      const r = (await repair([m.region], false, true)()) ?? (await repair([m.region], false)());
      opts.onRepair?.(++done, toRepair.length);
      return r;
    }),
  );
  // Round 2, while worth it: the families of the regions repaired that have members of their own, all their regions
  // at once with those members free, the network's visitors per meeting and no repeats first. Where cells meet on
  // several days, a family is a commune's regions and its members' visits may move from day to day: Q+teams+days
  // (700 cells) reached 0.1 % after 20–27 s this way, where round 3 took 85 s, region by region.
  const withLocals = [...new Set(toRepair.map((m) => net.family[m.region]!))].filter((fam) => localsOf.has(fam));
  let familiesDone = 0;
  if (withLocals.length > 0 && opts.goOn(total()))
    await inOrder(
      withLocals.map((fam) => async () => {
        const regions = regionsOfFamily.get(fam)!;
        const r = (await repair(regions, true, true)()) ?? (await repair(regions, true)());
        opts.onRepair?.(++familiesDone, withLocals.length);
        return r;
      }),
    );
  // Round 3, improvement while worth it: each repaired region again with every member who visits it free, their
  // visits elsewhere kept as they are now. The free members' quotas, spread, fairness and rotation are all inside the
  // piece, so its cost difference is the plan's. One region at a time: they share the provincial members.
  for (const m of toRepair) {
    if (opts.stopped?.() || !opts.goOn(total())) break;
    const cells = new Set<CellId>(net.regions[m.region]!.map((c) => c.id));
    const inside = best.get(m.region)!;
    const free = new Set<MemberId>([
      ...inside.map((a) => a.member.id),
      ...(localsOf.get(net.family[m.region]!) ?? []).map((x) => x.id),
    ]);
    const elsewhere = total().filter((a) => free.has(a.member.id) && !cells.has(a.meeting.cell));
    const piece = planPiece(problem, { cells, free, pins: [], elsewhere });
    if (piece.pairs.length > PIECE_LIMIT) continue;
    const f = buildPiece(piece);
    const values = await solvePiece(f);
    if (!values) continue;
    const chosen = chosenIn(f, values);
    if (pieceCost(piece, chosen) < pieceCost(piece, inside) - 1e-9) best.set(m.region, chosen);
    opts.onPlan?.(total);
  }
  return { assigned: total(), exact: false, repaired: done, toRepair: toRepair.length };
}
