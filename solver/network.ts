// The aggregated network model: exact optimum for the common case, with a proof, at province scale.
//
// Cells are grouped into regions: cells that exactly the same members' areas cover (for a province, one region per
// commune). The LP has one variable per meeting (how many visitors it gets), one per member, region, date and month
// (how many visits the member makes there that day), flow conservation per region and day, and the quota, coverage,
// visitors-per-meeting and visits-per-day rules. It leaves out home cells, no-consecutive and the rotation penalty, so
// its optimum is a lower bound of the full model; it is a network flow, so that optimum is integral. Then members are
// matched to the meetings their region holds that day (bipartite matching, day by day), never at their home cell nor
// twice at one cell. When the matching succeeds the plan costs exactly the lower bound: it is optimal, with the proof.
import type { Cell, Meeting, Member, Problem } from '../src/domain/types.js';
import { periodIndex, periodsOf } from '../src/domain/periods.js';
import { Model } from './lp.js';
import { cellWeight, priorityBonus, SPREAD_COST, VISIT_COST } from './objective.js';
import { SHORTFALL_COST } from './context.js';

export interface NetworkModel {
  readonly model: Model;
  /** Meeting variable index -> meeting. */
  readonly meetingVar: ReadonlyMap<number, Meeting>;
  /** Flow variable index -> member, region, date, month. */
  readonly flowVar: ReadonlyMap<number, { member: Member; region: number; date: string; month: number }>;
  readonly regions: ReadonlyArray<readonly Cell[]>;
  /** Cell id -> index of its region. */
  readonly regionOf: ReadonlyMap<string, number>;
  readonly slacks: ReadonlyArray<{
    v: number;
    rule: 'quota' | 'coverage';
    member?: string;
    cell?: string;
    period: string;
  }>;
}

/** Why the network model does not apply to this problem, or undefined when it does. */
export function networkUnsuitable(problem: Problem): string | undefined {
  const p = problem.policy;
  if (p.maxPerTeamPerMeeting < p.maxVisitorsPerMeeting && problem.members.some((m) => m.team !== undefined))
    return 'team limits bind';
  for (const f of problem.fixed) {
    const m = problem.members.find((x) => x.id === f.member)!;
    if (!m.eligibleCells.has(f.cell) || m.unavailable.has(f.date) || (p.skipHomeCell && m.homeCell === f.cell))
      return 'a fixed visit breaks a rule';
  }
  return undefined;
}

export function buildNetwork(problem: Problem): NetworkModel {
  const model = new Model();
  const p = problem.policy;
  // Regions: cells covered by the same set of member areas.
  const areaKey = (m: Member) => [...m.area].sort().join(',');
  const areaMembers = new Map<string, Member[]>();
  for (const m of problem.members)
    (areaMembers.get(areaKey(m)) ?? areaMembers.set(areaKey(m), []).get(areaKey(m))!).push(m);
  const signature = new Map<string, Cell[]>();
  for (const c of problem.cells) {
    const keys = [...areaMembers.entries()].filter(([, ms]) => ms[0]!.eligibleCells.has(c.id)).map(([k]) => k);
    const sig = keys.join('|');
    (signature.get(sig) ?? signature.set(sig, []).get(sig)!).push(c);
  }
  const regions = [...signature.values()];
  const regionOf = new Map<string, number>();
  regions.forEach((cells, r) => cells.forEach((c) => regionOf.set(c.id, r)));

  // Meeting variables.
  const meetingVar = new Map<number, Meeting>();
  const fixedAt = new Map<string, number>();
  for (const f of problem.fixed) fixedAt.set(`${f.cell}|${f.date}`, (fixedAt.get(`${f.cell}|${f.date}`) ?? 0) + 1);
  const cellById = new Map(problem.cells.map((c) => [c.id as string, c]));
  const groups = new Map<string, number[]>(); // region|date|month -> meeting vars
  const byCell = new Map<string, number[]>();
  for (const mt of problem.meetings) {
    const cell = cellById.get(mt.cell)!;
    const cost = VISIT_COST - priorityBonus(cellWeight(p.priority, cell.tags), mt.month);
    const v = model.addVar(`y#${mt.cell}#${mt.month}`, {
      lb: fixedAt.get(`${mt.cell}|${mt.date}`) ?? 0,
      ub: p.maxVisitorsPerMeeting,
      integer: false,
      obj: cost,
    });
    meetingVar.set(v, mt);
    const g = `${regionOf.get(mt.cell)}|${mt.date}|${mt.month}`;
    (groups.get(g) ?? groups.set(g, []).get(g)!).push(v);
    (byCell.get(mt.cell) ?? byCell.set(mt.cell, []).get(mt.cell)!).push(v);
  }

  // Flow variables: member m visits region r on date d (meeting month k).
  const fixedFlow = new Map<string, number>();
  for (const f of problem.fixed) {
    const mt = problem.meetings.find((x) => x.cell === f.cell && x.date === f.date)!;
    const key = `${f.member}|${regionOf.get(f.cell)}|${f.date}|${mt.month}`;
    fixedFlow.set(key, (fixedFlow.get(key) ?? 0) + 1);
  }
  const flowVar = new Map<number, { member: Member; region: number; date: string; month: number }>();
  const inGroup = new Map<string, number[]>();
  const byMember = new Map<string, Array<{ v: number; month: number; date: string }>>();
  const groupKeys = [...groups.keys()];
  const regionGroups = new Map<number, string[]>();
  for (const g of groupKeys) {
    const r = Number(g.split('|')[0]);
    (regionGroups.get(r) ?? regionGroups.set(r, []).get(r)!).push(g);
  }
  for (const m of problem.members) {
    const mine: Array<{ v: number; month: number; date: string }> = [];
    regions.forEach((cells, r) => {
      if (!m.eligibleCells.has(cells[0]!.id)) return;
      for (const g of regionGroups.get(r) ?? []) {
        const [, date, month] = g.split('|') as [string, string, string];
        if (m.unavailable.has(date)) continue;
        const meetings = groups.get(g)!.length;
        const ub = Math.min(p.maxVisitsPerDay, meetings);
        const v = model.addVar(`f#${m.id}#${r}#${date}#${month}`, {
          lb: fixedFlow.get(`${m.id}|${r}|${date}|${month}`) ?? 0,
          ub,
          integer: false,
        });
        flowVar.set(v, { member: m, region: r, date, month: Number(month) });
        (inGroup.get(g) ?? inGroup.set(g, []).get(g)!).push(v);
        mine.push({ v, month: Number(month), date });
      }
    });
    byMember.set(m.id, mine);
  }
  // Conservation: the visitors a region's meetings of the day get are the visits members make there that day.
  for (const [g, ys] of groups) {
    const fs = inGroup.get(g) ?? [];
    model.addRow(
      `flow#${g.replace(/\|/g, '#')}`,
      [...ys.map((v) => [v, 1] as const), ...fs.map((v) => [v, -1] as const)],
      0,
      0,
    );
  }
  // Home cells (Hall's condition of the day's matching): the members of one home cell who visit a region that day
  // need as many of its meeting places outside that cell.
  if (p.skipHomeCell) {
    for (const [g, ys] of groups) {
      const fs = inGroup.get(g) ?? [];
      const homes = new Map<string, number[]>();
      for (const v of fs) {
        const h = flowVar.get(v)!.member.homeCell;
        if (h !== undefined && ys.some((y) => meetingVar.get(y)!.cell === h))
          (homes.get(h) ?? homes.set(h, []).get(h)!).push(v);
      }
      for (const [h, hv] of homes) {
        const others = ys.filter((y) => meetingVar.get(y)!.cell !== h);
        model.addRow(
          `homeCell#${g.replace(/\|/g, '#')}#${h}`,
          [...hv.map((v) => [v, 1] as const), ...others.map((v) => [v, -1] as const)],
          -Infinity,
          0,
        );
      }
    }
  }
  // Spread: each visit beyond one in a month costs SPREAD_COST (months nest in the member's periods: still a network).
  for (const [member, mine] of byMember) {
    const byMonth = new Map<number, Array<{ v: number; date: string }>>();
    for (const x of mine) (byMonth.get(x.month) ?? byMonth.set(x.month, []).get(x.month)!).push(x);
    for (const [month, xs] of byMonth) {
      if (xs.length < 2 || (p.maxVisitsPerDay === 1 && new Set(xs.map((x) => x.date)).size < 2)) continue;
      const s = model.addVar(`spread#${member}#${month}`, { lb: 0, ub: xs.length, integer: false, obj: SPREAD_COST });
      model.addRow(`spread#${member}#${month}`, [...xs.map((x) => [x.v, 1] as const), [s, -1] as const], -Infinity, 1);
    }
  }
  // visitsPerDay across regions.
  for (const [member, mine] of byMember) {
    const byDate = new Map<string, number[]>();
    for (const x of mine) (byDate.get(x.date) ?? byDate.set(x.date, []).get(x.date)!).push(x.v);
    for (const [date, vs] of byDate)
      if (vs.length > 1)
        model.addRow(
          `visitsPerDay#${member}#${date}`,
          vs.map((v) => [v, 1] as const),
          -Infinity,
          p.maxVisitsPerDay,
        );
  }
  // Quotas.
  const slacks: Array<{ v: number; rule: 'quota' | 'coverage'; member?: string; cell?: string; period: string }> = [];
  for (const m of problem.members) {
    const mine = byMember.get(m.id)!;
    m.quotas.forEach((q, qi) => {
      periodsOf(q.per, problem.year).forEach((period, i) => {
        const terms = mine.filter((x) => periodIndex(q.per, x.month) === i).map((x) => [x.v, 1] as const);
        const name = `quota#${m.id}#${qi}#${period.label}`;
        if (q.min > 0) {
          const s = model.addVar(`${name}#short`, { lb: 0, ub: q.min, integer: false, obj: SHORTFALL_COST });
          slacks.push({ v: s, rule: 'quota', member: m.id, period: period.label });
          model.addRow(`${name}#min`, [...terms, [s, 1] as const], q.min, Infinity);
        }
        if (q.max !== undefined && terms.length > 0) model.addRow(`${name}#max`, terms, -Infinity, q.max);
      });
    });
  }
  // Coverage.
  const cov = p.coverage;
  for (const c of problem.cells) {
    const vs = byCell.get(c.id) ?? [];
    periodsOf(cov.per, problem.year).forEach((period, i) => {
      const terms = vs.filter((v) => periodIndex(cov.per, meetingVar.get(v)!.month) === i).map((v) => [v, 1] as const);
      const name = `coverage#${c.id}#${period.label}`;
      if (cov.min > 0) {
        const s = model.addVar(`${name}#short`, { lb: 0, ub: cov.min, integer: false, obj: SHORTFALL_COST });
        slacks.push({ v: s, rule: 'coverage', cell: c.id, period: period.label });
        model.addRow(`${name}#min`, [...terms, [s, 1] as const], cov.min, Infinity);
      }
      if (cov.max !== undefined) model.addRow(`${name}#max`, terms, -Infinity, cov.max);
    });
  }
  return { model, meetingVar, flowVar, regions, regionOf, slacks };
}

/**
 * Turns an integral solution of the network model into visits: day by day, region by region, members are matched to
 * the meetings held (augmenting paths), never at their home cell nor at a cell they already visited. Returns
 * undefined when some day cannot be matched so.
 */
export function matchVisits(
  problem: Problem,
  net: NetworkModel,
  value: (v: number) => number,
): Array<{ member: Member; meeting: Meeting; fixed: boolean }> | undefined {
  const skipHome = problem.policy.skipHomeCell;
  const visited = new Map<string, Set<string>>();
  const seen = (m: string) => visited.get(m) ?? visited.set(m, new Set()).get(m)!;
  // A cell a member must visit on a fixed date is not one to give them on another day.
  for (const f of problem.fixed) seen(f.member).add(f.cell);
  const slots = new Map<string, Meeting[]>(); // region|date|month -> meeting per visitor place
  for (const [v, mt] of net.meetingVar) {
    const n = Math.round(value(v));
    const key = `${net.regionOf.get(mt.cell)}|${mt.date}|${mt.month}`;
    for (let i = 0; i < n; i++) (slots.get(key) ?? slots.set(key, []).get(key)!).push(mt);
  }
  const demand = new Map<string, Member[]>();
  for (const [v, f] of net.flowVar) {
    const n = Math.round(value(v));
    const key = `${f.region}|${f.date}|${f.month}`;
    for (let i = 0; i < n; i++) (demand.get(key) ?? demand.set(key, []).get(key)!).push(f.member);
  }
  const fixedKeys = new Set(problem.fixed.map((f) => `${f.member}|${f.cell}|${f.date}`));
  const out: Array<{ member: Member; meeting: Meeting; fixed: boolean }> = [];
  const keys = [...new Set([...slots.keys(), ...demand.keys()])].sort((a, b) => {
    const [, da, ma] = a.split('|');
    const [, db, mb] = b.split('|');
    return da! < db! ? -1 : da! > db! ? 1 : Number(ma) - Number(mb) || (a < b ? -1 : 1);
  });
  for (const key of keys) {
    const places = slots.get(key) ?? [];
    const people = demand.get(key) ?? [];
    if (places.length !== people.length) return undefined;
    // Fixed visits first, as given.
    const placeTaken = new Array<boolean>(places.length).fill(false);
    const personDone = new Array<boolean>(people.length).fill(false);
    people.forEach((m, i) => {
      const j = places.findIndex((mt, jj) => !placeTaken[jj] && fixedKeys.has(`${m.id}|${mt.cell}|${mt.date}`));
      if (j >= 0) {
        placeTaken[j] = true;
        personDone[i] = true;
        out.push({ member: m, meeting: places[j]!, fixed: true });
      }
    });
    const ok = (i: number, j: number) => {
      const m = people[i]!;
      const c = places[j]!.cell;
      return !(skipHome && m.homeCell === c) && !seen(m.id).has(c);
    };
    const matchOf = new Array<number>(places.length).fill(-1);
    const tryAssign = (i: number, mark: boolean[]): boolean => {
      for (let j = 0; j < places.length; j++) {
        if (placeTaken[j] || mark[j] || !ok(i, j)) continue;
        // Two places of one member on one day must be different cells.
        if (
          matchOf.some(
            (other, jj) =>
              other >= 0 && people[other]!.id === people[i]!.id && places[jj]!.cell === places[j]!.cell && jj !== j,
          )
        )
          continue;
        mark[j] = true;
        if (matchOf[j] === -1 || tryAssign(matchOf[j]!, mark)) {
          matchOf[j] = i;
          return true;
        }
      }
      return false;
    };
    for (let i = 0; i < people.length; i++) {
      if (personDone[i]) continue;
      if (!tryAssign(i, new Array<boolean>(places.length).fill(false))) return undefined;
    }
    matchOf.forEach((i, j) => {
      if (i < 0) return;
      seen(people[i]!.id).add(places[j]!.cell);
      out.push({ member: people[i]!, meeting: places[j]!, fixed: false });
    });
  }
  return out;
}

/**
 * When the day-by-day matching fails, the same question for the whole year at once, as a small MIP: every visit the
 * network solution schedules (member, region, day) gets one of that day's meeting places, never at the member's home
 * cell, and no member at one cell twice. Any solution keeps the network plan's cost, so it is optimal too.
 */
export function assignmentModel(
  problem: Problem,
  net: NetworkModel,
  value: (v: number) => number,
): { model: Model; pick: Map<number, { member: Member; meeting: Meeting; fixed: boolean }> } {
  const model = new Model();
  const pick = new Map<number, { member: Member; meeting: Meeting; fixed: boolean }>();
  const skipHome = problem.policy.skipHomeCell;
  const places = new Map<string, Array<{ meeting: Meeting; cap: number }>>();
  for (const [v, mt] of net.meetingVar) {
    const n = Math.round(value(v));
    if (n === 0) continue;
    const key = `${net.regionOf.get(mt.cell)}|${mt.date}|${mt.month}`;
    (places.get(key) ?? places.set(key, []).get(key)!).push({ meeting: mt, cap: n });
  }
  const fixedKeys = new Set(problem.fixed.map((f) => `${f.member}|${f.cell}|${f.date}`));
  const bySlot = new Map<string, number[]>();
  const byMemberCell = new Map<string, number[]>();
  let d = 0;
  for (const [v, f] of net.flowVar) {
    const n = Math.round(value(v));
    if (n === 0) continue;
    const key = `${f.region}|${f.date}|${f.month}`;
    const terms: Array<readonly [number, number]> = [];
    for (const { meeting } of places.get(key) ?? []) {
      if (skipHome && f.member.homeCell === meeting.cell) continue;
      const x = model.addVar(`a#${f.member.id}#${meeting.cell}#${meeting.month}`, {
        lb: fixedKeys.has(`${f.member.id}|${meeting.cell}|${meeting.date}`) ? 1 : 0,
        ub: 1,
      });
      pick.set(x, {
        member: f.member,
        meeting,
        fixed: fixedKeys.has(`${f.member.id}|${meeting.cell}|${meeting.date}`),
      });
      terms.push([x, 1]);
      const s = `${meeting.cell}|${meeting.date}`;
      (bySlot.get(s) ?? bySlot.set(s, []).get(s)!).push(x);
      const mc = `${f.member.id}|${meeting.cell}`;
      (byMemberCell.get(mc) ?? byMemberCell.set(mc, []).get(mc)!).push(x);
    }
    model.addRow(`demand#${d++}`, terms.length > 0 ? terms : [[model.addVar(`never#${d}`, { lb: 0, ub: 0 }), 1]], n, n);
  }
  for (const list of places.values()) {
    for (const { meeting, cap } of list) {
      const xs = bySlot.get(`${meeting.cell}|${meeting.date}`) ?? [];
      model.addRow(
        `place#${meeting.cell}#${meeting.month}`,
        xs.length > 0
          ? xs.map((x) => [x, 1] as const)
          : [[model.addVar(`none#${meeting.cell}#${meeting.month}`, { lb: 0, ub: 0 }), 1]],
        cap,
        cap,
      );
    }
  }
  for (const [mc, xs] of byMemberCell)
    if (xs.length > 1)
      model.addRow(
        `rotation#${mc.replace('|', '#')}`,
        xs.map((x) => [x, 1] as const),
        -Infinity,
        1,
      );
  return { model, pick };
}
