// From an integral solution of the network formulation to visits, region by region: each day, a maximum flow from
// the members' visits that day to the visitor places of the region's meetings — each member at most once per meeting,
// never at their home cell, at most max_per_team_per_meeting of one team at a meeting (a team node in between).
// On a re-plan, the visits of the previous plan are placed first (never at consecutive meetings of a cell); then cells
// a member has not visited yet; only when that leaves visits unplaced are repeats allowed (never consecutive, SPEC
// §4.4), at the rotation cost. A region matched with no repeat, and keeping as many previous visits as the network
// counted, costs exactly its share of the network optimum; any other is handed to the exact repair
// (solver/regions.ts).
import { VisitSet } from '../../src/domain/plan.js';
import type { CellId, Meeting, Member, MemberId } from '../../src/domain/types.js';
import { groupBy, Table2 } from '../../src/domain/group.js';
import { MeetingIndex } from '../../src/domain/plan.js';
import type { DayGroup, NetworkFormulation } from '../formulation.js';
import { MaxFlow } from '../maxflow.js';
import { atHomeCell } from '../../src/domain/eligibility.js';
import { cellsMayVisit } from '../goals/rotation.js';

export interface Assigned {
  readonly member: Member;
  readonly meeting: Meeting;
  readonly fixed: boolean;
}

export interface RegionMatch {
  readonly region: number;
  readonly assigned: Assigned[];
  /** Every visit the network planned in the region found a meeting. */
  readonly complete: boolean;
  /** Some member visits one cell more than once (rotation cost above the network's bound). */
  readonly repeats: boolean;
  /** On a re-plan: fewer previous visits kept than the network counted (change cost above its bound). */
  readonly lostKeeps: boolean;
  /** Visits the network planned in the region that found no meeting (each a shortfall). */
  readonly missing: number;
  /**
   * Visits to a cell the member visits already (each at the rotation cost); once the matching has been improved (not
   * on a re-plan), only those beyond what the network charges too.
   */
  readonly repeated: number;
}

/** What a region's matching remembers from day to day: each member's meetings of each cell (by index). */
type Visited = Table2<MemberId, CellId, Set<number>>;

export function matchRegions(
  net: NetworkFormulation,
  value: (v: number) => number,
  opts: { readonly exchanges?: boolean } = {},
): RegionMatch[] {
  const meetingAt = new MeetingIndex(net.problem.meetings);
  const fixed = new Table2<MemberId, Meeting, true>();
  for (const f of net.problem.fixed) fixed.upsert(f.member, meetingAt.at(f)!, () => true);
  const previous = new VisitSet(net.problem.replan?.previous ?? []);
  const byRegion = groupBy(net.groups, (g) => g.region);
  const fixedByRegion = groupBy(net.problem.fixed, (f) => net.regionOf.get(f.cell)!);
  return net.regions.map((_, region) => {
    const order = [...(byRegion.get(region) ?? [])].sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : a.month - b.month,
    );
    /** The region's days matched in this order, each knowing the days matched before it. */
    const pass = (days: readonly DayGroup[]) => {
      const seen: Visited = new Table2();
      for (const f of fixedByRegion.get(region) ?? [])
        seen.upsert(f.member, f.cell, () => new Set()).add(meetingAt.at(f)!.index);
      const out = new Map<DayGroup, Day & { repeated: number; lostKeeps: boolean }>();
      for (const g of days) {
        const day = matchDay(net, g, value, fixed, seen, previous);
        for (const a of day.assigned)
          if (!a.fixed) seen.upsert(a.member.id, a.meeting.cell, () => new Set()).add(a.meeting.index);
        out.set(g, { g, ...day });
      }
      // In date order whatever the order matched.
      return order.map((g) => out.get(g)!);
    };
    const first = pass(order);
    const lostKeeps = first.some((d) => d.lostKeeps);
    let repeated = first.reduce((n, d) => n + d.repeated, 0);
    let best: { days: Day[]; missing: number; repeated: number } = {
      days: first,
      missing: first.reduce((n, d) => n + d.missing, 0),
      repeated,
    };
    // A re-plan's matching also keeps the previous plan's visits: its repeats are left to the repair.
    if (repeated > 0 && previous.size === 0 && opts.exchanges !== false) {
      // Each order tried while repeats are left (the first match of a day decides what the next can take): forwards,
      // backwards, from mid-year on, and back from mid-year; each improved (rematchDays, unrepeat); the best kept.
      const half = Math.floor(order.length / 2);
      const orders = [
        order,
        [...order].reverse(),
        [...order.slice(half), ...order.slice(0, half)],
        [...order.slice(0, half).reverse(), ...order.slice(half).reverse()],
      ];
      best = { days: [], missing: Infinity, repeated: Infinity };
      for (const [k, o] of orders.entries()) {
        const days: Day[] = k === 0 ? first : pass(o);
        rematchDays(net, days, value, fixed);
        const missing = days.reduce((n, d) => n + d.missing, 0);
        const left = unrepeatDays(net, region, days);
        if (missing < best.missing || (missing === best.missing && left < best.repeated))
          best = { days, missing, repeated: left };
        if (best.missing === 0 && best.repeated === 0) break;
      }
      repeated = best.repeated;
    }
    const assigned = best.days.flatMap((d) => d.assigned);
    const { missing } = best;
    return { region, assigned, complete: missing === 0, repeats: repeated > 0, lostKeeps, missing, repeated };
  });
}

/** unrepeat over a region's days (its exchanges stay within a day), each day's visits written back. */
function unrepeatDays(net: NetworkFormulation, region: number, days: Day[]): number {
  const flat = days.flatMap((d) => d.assigned);
  const left = unrepeat(net, region, flat);
  let at = 0;
  days.forEach((d, i) => {
    days[i] = { ...d, assigned: flat.slice(at, (at += d.assigned.length)) };
  });
  return left;
}

/** A day of a region's matching: its group, the visits placed, how many the network planned that found no meeting. */
interface Day {
  readonly g: DayGroup;
  readonly assigned: Assigned[];
  readonly missing: number;
}

/**
 * Matches each day of a region again with the other days' visits known (the first pass knew only the days before):
 * a day's maximum flow over fresh cells first gives the fewest repeats that day, the other days as they are. Kept
 * when it repeats less and still places every visit; passes while one improved. Each member's visits per day and each
 * meeting's visitors stay the network's. `days` is changed in place.
 */
function rematchDays(
  net: NetworkFormulation,
  days: Day[],
  value: (v: number) => number,
  fixed: Table2<MemberId, Meeting, true>,
): void {
  const none = new VisitSet([]);
  for (let pass = 0, changed = true; changed && pass < 3; pass++) {
    changed = false;
    for (let i = 0; i < days.length; i++) {
      const others: Visited = new Table2();
      days.forEach((d, j) => {
        if (j !== i)
          for (const a of d.assigned) others.upsert(a.member.id, a.meeting.cell, () => new Set()).add(a.meeting.index);
      });
      const before = days[i]!.assigned.filter(
        (a) => !a.fixed && (others.get(a.member.id, a.meeting.cell)?.size ?? 0) > 0,
      ).length;
      // A day with a visit left unplaced is left to the repair (so that every member keeps the visits placed).
      if (before === 0 || days[i]!.missing > 0) continue;
      const again = matchDay(net, days[i]!.g, value, fixed, others, none);
      if (again.missing === 0 && again.repeated < before) {
        days[i] = { g: days[i]!.g, assigned: again.assigned, missing: again.missing };
        changed = true;
      }
    }
  }
}

/**
 * Removes repeats from a region's matching by exchanges: a member's second visit to a cell is exchanged with another
 * member's visit that day to a cell neither has visited, when both may make it (home cells, team limits); each
 * member's visits per day and each meeting's visitors stay as they were, so the region still costs what the network
 * planned, less the repeats removed. The day-by-day matching takes fresh cells first but cannot see the days ahead:
 * on 2,800 cells meeting on three days of the month, 99 of the 300 regions repeated a cell, each region then solved
 * again as a MIP (2 s); after these exchanges 44, after each day matched again first (rematchDays) 36. Returns the
 * repeats left beyond those the network charges too. `assigned` is changed in place.
 */
function unrepeat(net: NetworkFormulation, region: number, assigned: Assigned[]): number {
  const p = net.problem.policy;
  const teamsBind = p.maxPerTeamPerMeeting < p.maxVisitorsPerMeeting;
  const visits = new Table2<MemberId, CellId, number>();
  const team = new Table2<Meeting, string, number>();
  const add = (a: Assigned, d: number) => {
    visits.set(a.member.id, a.meeting.cell, (visits.get(a.member.id, a.meeting.cell) ?? 0) + d);
    if (a.member.team !== undefined) team.set(a.meeting, a.member.team, (team.get(a.meeting, a.member.team) ?? 0) + d);
  };
  for (const a of assigned) add(a, 1);
  const count = (m: Member, cell: CellId) => visits.get(m.id, cell) ?? 0;
  /** Whether `m` may take `into`'s place at `at`, `out` leaving it. */
  const mayTake = (m: Member, out: Member, at: Meeting) =>
    count(m, at.cell) === 0 &&
    !atHomeCell(p, m, at.cell) &&
    (!teamsBind ||
      m.team === undefined ||
      m.team === out.team ||
      (team.get(at, m.team) ?? 0) + 1 <= p.maxPerTeamPerMeeting);
  const byDay = groupBy(
    assigned.map((a, i) => i),
    (i) => `${assigned[i]!.meeting.date} ${assigned[i]!.meeting.month}`,
  );
  // Passes over the region while an exchange was made (one usually removes them all).
  for (let pass = 0, changed = true; changed && pass < 4; pass++) {
    changed = false;
    for (let i = 0; i < assigned.length; i++) {
      const a = assigned[i]!;
      if (a.fixed || count(a.member, a.meeting.cell) <= 1) continue;
      for (const j of byDay.get(`${a.meeting.date} ${a.meeting.month}`)!) {
        const b = assigned[j]!;
        if (b.fixed || b.member === a.member || b.meeting.cell === a.meeting.cell) continue;
        if (!mayTake(a.member, b.member, b.meeting) || !mayTake(b.member, a.member, a.meeting)) continue;
        add(a, -1);
        add(b, -1);
        assigned[i] = { member: a.member, meeting: b.meeting, fixed: false };
        assigned[j] = { member: b.member, meeting: a.meeting, fixed: false };
        add(assigned[i]!, 1);
        add(assigned[j]!, 1);
        changed = true;
        break;
      }
    }
  }
  // Visits beyond a member's first to a cell, fixed ones aside (two fixed visits to one cell are the spec's).
  const fixedAt = new Table2<MemberId, CellId, number>();
  for (const a of assigned)
    if (a.fixed) fixedAt.set(a.member.id, a.meeting.cell, (fixedAt.get(a.member.id, a.meeting.cell) ?? 0) + 1);
  let repeated = 0;
  for (const [member, cell, n] of visits.entries())
    repeated += Math.max(0, n - Math.max(1, fixedAt.get(member, cell) ?? 0));
  // Less those the network charges too (solver/goals/rotation.ts).
  const cells = net.regions[region]!;
  for (const mine of groupBy(assigned, (a) => a.member.id as MemberId).values()) {
    const m = mine[0]!.member;
    repeated -= Math.max(
      0,
      mine.length - cellsMayVisit(p, m, cells, (c) => fixedAt.get(m.id, c as CellId) !== undefined),
    );
  }
  return Math.max(0, repeated);
}

function matchDay(
  net: NetworkFormulation,
  g: DayGroup,
  value: (v: number) => number,
  fixed: Table2<MemberId, Meeting, true>,
  visited: Visited,
  previous: VisitSet,
): { assigned: Assigned[]; missing: number; repeated: number; lostKeeps: boolean } {
  const p = net.problem.policy;
  const teamsBind = p.maxPerTeamPerMeeting < p.maxVisitorsPerMeeting;
  const flow = new MaxFlow();
  const source = flow.node();
  const sink = flow.node();
  const out: Assigned[] = [];
  const places = g.meetings.map((t) => ({ meeting: t.meeting, cell: t.cell, left: Math.round(value(t.v)) }));
  const people = g.flows.map((t) => ({ member: t.member, left: Math.round(value(t.v)) })).filter((x) => x.left > 0);
  const teamCount = new Table2<Meeting, string, { n: number }>();
  // Fixed visits first, exactly as given.
  const fixedHere = new Table2<MemberId, Meeting, true>();
  for (const person of people)
    for (const pl of places)
      if (fixed.get(person.member.id, pl.meeting)) {
        person.left--;
        pl.left--;
        fixedHere.upsert(person.member.id, pl.meeting, () => true);
        const team = person.member.team;
        if (team !== undefined) teamCount.upsert(pl.meeting, team, () => ({ n: 0 })).n++;
        out.push({ member: person.member, meeting: pl.meeting, fixed: true });
      }
  const placeNode = places.map((pl) => {
    const n = flow.node();
    flow.edge(n, sink, Math.max(0, pl.left));
    return n;
  });
  const teamNode = new Table2<number, string, number>(); // place index, team -> node
  const entry = (member: Member, j: number): number => {
    const team = member.team;
    if (!teamsBind || team === undefined) return placeNode[j]!;
    return teamNode.upsert(j, team, () => {
      const n = flow.node();
      const used = teamCount.get(places[j]!.meeting, team)?.n ?? 0;
      flow.edge(n, placeNode[j]!, Math.max(0, p.maxPerTeamPerMeeting - used));
      return n;
    });
  };
  const personNode = people.map((person) => {
    const n = flow.node();
    flow.edge(source, n, Math.max(0, person.left));
    return n;
  });
  const edges: Array<{ e: number; i: number; j: number; repeat: boolean }> = [];
  const wasPlanned = (m: Member, pl: (typeof places)[number]) =>
    previous.has({ member: m.id, cell: pl.cell.id, date: g.date });
  /** Adds the edges of one kind: the previous plan's visits, then fresh cells, then repeats. */
  const link = (kind: 'previous' | 'fresh' | 'repeat') => {
    people.forEach((person, i) => {
      const m = person.member;
      places.forEach((pl, j) => {
        if (fixedHere.get(m.id, pl.meeting)) return;
        if (p.skipHomeCell && m.homeCell === pl.cell.id) return;
        if ((kind === 'previous') !== wasPlanned(m, pl)) return;
        const seen = visited.get(m.id, pl.cell.id);
        const isRepeat = seen !== undefined && seen.size > 0;
        if (kind !== 'previous' && isRepeat !== (kind === 'repeat')) return;
        if (isRepeat && p.noConsecutive && !pl.cell.allowConsecutive) {
          const k = pl.meeting.index;
          if (seen.has(k - 1) || seen.has(k + 1)) return;
        }
        edges.push({ e: flow.edge(personNode[i]!, entry(m, j), 1), i, j, repeat: isRepeat });
      });
    });
  };
  const wanted = people.reduce((s, x) => s + Math.max(0, x.left), 0);
  let got = 0;
  if (previous.size > 0) {
    link('previous');
    got += flow.run(source, sink);
  }
  link('fresh');
  got += flow.run(source, sink);
  if (got < wanted) {
    link('repeat');
    got += flow.run(source, sink);
  }
  let repeated = 0;
  for (const { e, i, j, repeat } of edges) {
    if (flow.flowOn(e) === 0) continue;
    if (repeat) repeated++;
    out.push({ member: people[i]!.member, meeting: places[j]!.meeting, fixed: false });
  }
  // The network counted min(x, p) previous visits kept for a member here this day: x their visits, p the previous
  // plan's (fixed visits included).
  const lostKeeps =
    previous.size > 0 &&
    g.flows.some((t) => {
      const p = places.filter((pl) => wasPlanned(t.member, pl)).length;
      if (p === 0) return false;
      const kept = out.filter(
        (a) => a.member === t.member && previous.has({ member: t.member.id, cell: a.meeting.cell, date: g.date }),
      ).length;
      return kept < Math.min(Math.round(value(t.v)), p);
    });
  return { assigned: out, missing: wanted - got, repeated, lostKeeps };
}
