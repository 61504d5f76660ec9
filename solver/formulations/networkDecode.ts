// From an integral solution of the network formulation to visits: members matched to the meetings their region
// holds that day, never at their home cell, never twice at one cell in the year (so no-consecutive and rotation
// hold by construction and the plan costs exactly the network optimum).
import type { Meeting, Member, MemberId } from '../../src/domain/types.js';
import { meetingIndex, Table2 } from '../../src/domain/group.js';
import { Model } from '../lp.js';
import { rowName, type DayGroup, type NetworkFormulation } from '../formulation.js';

export interface Assigned {
  readonly member: Member;
  readonly meeting: Meeting;
  readonly fixed: boolean;
}

/** The fixed visits, by member and meeting. */
function fixedIndex(net: NetworkFormulation): Table2<MemberId, Meeting, true> {
  const meetingAt = meetingIndex(net.problem.meetings);
  const out = new Table2<MemberId, Meeting, true>();
  for (const f of net.problem.fixed) out.upsert(f.member, meetingAt.get(f.cell, f.date)!, () => true);
  return out;
}

/**
 * Day by day, region by region, a maximum flow from the day's visits (member copies) to the meetings' visitor
 * places, each member at most once per meeting. Returns undefined when some day cannot be matched so; the
 * assignment model below then looks at the whole year at once.
 */
export function matchVisits(net: NetworkFormulation, value: (v: number) => number): Assigned[] | undefined {
  const skipHome = net.problem.policy.skipHomeCell;
  const fixed = fixedIndex(net);
  const visited = new Map<MemberId, Set<string>>();
  const seen = (m: MemberId) => {
    let s = visited.get(m);
    if (!s) visited.set(m, (s = new Set()));
    return s;
  };
  for (const f of net.problem.fixed) seen(f.member).add(f.cell);
  const out: Assigned[] = [];
  const order = [...net.groups].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.month - b.month || a.region - b.region,
  );
  for (const g of order) {
    const got = matchDay(g, value, fixed, (m, mt) => !(skipHome && m.homeCell === mt.cell) && !seen(m.id).has(mt.cell));
    if (!got) return undefined;
    for (const a of got) {
      if (!a.fixed) seen(a.member.id).add(a.meeting.cell);
      out.push(a);
    }
  }
  return out;
}

function matchDay(
  g: DayGroup,
  value: (v: number) => number,
  fixed: Table2<MemberId, Meeting, true>,
  allowed: (m: Member, mt: Meeting) => boolean,
): Assigned[] | undefined {
  const places = g.meetings.map((t) => ({ meeting: t.meeting, left: Math.round(value(t.v)) }));
  const people = g.flows.map((t) => ({ member: t.member, left: Math.round(value(t.v)) })).filter((p) => p.left > 0);
  const taken = new Table2<MemberId, Meeting, true>(); // each member at most once per meeting
  const out: Assigned[] = [];
  // Fixed visits first, exactly as given.
  for (const p of people) {
    for (const pl of places) {
      if (p.left > 0 && pl.left > 0 && fixed.get(p.member.id, pl.meeting)) {
        p.left--;
        pl.left--;
        taken.upsert(p.member.id, pl.meeting, () => true);
        out.push({ member: p.member, meeting: pl.meeting, fixed: true });
      }
    }
  }
  // Then a maximum bipartite b-matching by augmenting paths: person copies -> places.
  const copies: number[] = [];
  people.forEach((p, i) => {
    for (let k = 0; k < p.left; k++) copies.push(i);
  });
  const slots: number[] = [];
  places.forEach((pl, j) => {
    for (let k = 0; k < pl.left; k++) slots.push(j);
  });
  if (copies.length !== slots.length) return undefined;
  const ok = (c: number, s: number) => {
    const p = people[copies[c]!]!;
    const mt = places[slots[s]!]!.meeting;
    return allowed(p.member, mt) && !taken.get(p.member.id, mt);
  };
  const slotOf = new Array<number>(copies.length).fill(-1);
  const copyOf = new Array<number>(slots.length).fill(-1);
  const twins = people.map((p) => p.left > 1);
  // A copy may not take a slot of a meeting where another copy of the same person already sits.
  const sitsAt = (person: number, meetingIx: number, except: number) =>
    slotOf.some((s, c) => c !== except && s >= 0 && copies[c] === person && slots[s] === meetingIx);
  const augment = (c: number, mark: boolean[]): boolean => {
    for (let s = 0; s < slots.length; s++) {
      if (mark[s] || !ok(c, s) || (twins[copies[c]!]! && sitsAt(copies[c]!, slots[s]!, c))) continue;
      mark[s] = true;
      const prev = copyOf[s]!;
      if (prev === -1 || augment(prev, mark)) {
        if (slotOf[c]! >= 0) copyOf[slotOf[c]!] = -1;
        slotOf[c] = s;
        copyOf[s] = c;
        return true;
      }
    }
    return false;
  };
  for (let c = 0; c < copies.length; c++)
    if (!augment(c, new Array<boolean>(slots.length).fill(false))) return undefined;
  // Check the result whole (an augmenting path may have moved a copy next to its twin): each member once a meeting.
  for (let c = 0; c < copies.length; c++) {
    const p = people[copies[c]!]!;
    const mt = places[slots[slotOf[c]!]!]!.meeting;
    if (taken.get(p.member.id, mt)) return undefined;
    taken.upsert(p.member.id, mt, () => true);
    out.push({ member: p.member, meeting: mt, fixed: false });
  }
  return out;
}

/**
 * When the day-by-day matching fails, the same question for the whole year at once, as a small MIP: every visit the
 * network solution schedules (member, region, day) gets one of that day's meeting places, never at the member's
 * home cell, and no member at one cell twice. Any solution keeps the network plan's cost, so it is optimal too.
 */
export function assignmentModel(
  net: NetworkFormulation,
  value: (v: number) => number,
): { model: Model; pick: Map<number, Assigned> } {
  const model = new Model();
  const pick = new Map<number, Assigned>();
  const skipHome = net.problem.policy.skipHomeCell;
  const fixed = fixedIndex(net);
  const atMeeting = new Map<Meeting, number[]>();
  const atMemberCell = new Table2<MemberId, string, number[]>();
  let d = 0;
  for (const g of net.groups) {
    const open = g.meetings.filter((t) => Math.round(value(t.v)) > 0);
    for (const fl of g.flows) {
      const n = Math.round(value(fl.v));
      if (n === 0) continue;
      const terms: Array<readonly [number, number]> = [];
      for (const t of open) {
        if (skipHome && fl.member.homeCell === t.cell.id) continue;
        const isFixed = fixed.get(fl.member.id, t.meeting) === true;
        const x = model.addVar(rowName('a', fl.member.id, t.cell.id, t.month), { lb: isFixed ? 1 : 0, ub: 1 });
        pick.set(x, { member: fl.member, meeting: t.meeting, fixed: isFixed });
        terms.push([x, 1]);
        let list = atMeeting.get(t.meeting);
        if (!list) atMeeting.set(t.meeting, (list = []));
        list.push(x);
        atMemberCell.upsert(fl.member.id, t.cell.id, () => []).push(x);
      }
      const never = () => [[model.addVar(`never#${d}`, { lb: 0, ub: 0 }), 1] as const];
      model.addRow(`demand#${d++}`, terms.length > 0 ? terms : never(), n, n);
    }
    for (const t of open) {
      const n = Math.round(value(t.v));
      const xs = atMeeting.get(t.meeting) ?? [];
      const none = () => [[model.addVar(rowName('none', t.cell.id, t.month), { lb: 0, ub: 0 }), 1] as const];
      model.addRow(rowName('place', t.cell.id, t.month), xs.length > 0 ? xs.map((x) => [x, 1] as const) : none(), n, n);
    }
  }
  for (const [member, cell, xs] of atMemberCell.entries())
    if (xs.length > 1)
      model.addRow(
        rowName('once', member, cell),
        xs.map((x) => [x, 1] as const),
        -Infinity,
        1,
      );
  return { model, pick };
}
