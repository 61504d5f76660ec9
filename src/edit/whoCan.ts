// Who may attend a meeting instead (issue 26, item 1): for a cell's meeting, every member with the rules that stop
// them — judged by the checker itself on the changed plan, so the list and the checker never disagree — their load so
// far, and the soft goals' cost of the change (planCost). And one change applied to a plan: a visit given to another
// member (its calendar identity kept, SEQUENCE raised), removed, or added.
import { checkPlan } from '../check/index.js';
import { forbiddingRules } from '../domain/eligibility.js';
import type { IsoDate, Meeting, MemberId, Problem, RuleId, Violation, Visit, VisitIdentity } from '../domain/types.js';
import { planCost } from '../../solver/goals/index.js';

export interface Candidate {
  readonly member: MemberId;
  readonly name: string;
  /** No hard rule is broken that the plan without the replaced visit keeps. */
  readonly ok: boolean;
  /** The rules the change would break (beyond those the removal alone breaks), each once. */
  readonly rules: readonly RuleId[];
  /** Their visits in the plan (the year). */
  readonly load: number;
  /** planCost of the changed plan minus the plan's: the soft goals' price of the change (negative: better); 0 for
   * those who may not go. */
  readonly costDelta: number;
}

export interface WhoCan {
  readonly meeting: Meeting;
  /** Who attends the meeting now. */
  readonly visitors: readonly MemberId[];
  /** What taking away the replaced visit breaks by itself (a quota the member then misses). */
  readonly removalBreaks: readonly Violation[];
  /** Those who may go (cheapest first), then those who may not. */
  readonly candidates: readonly Candidate[];
}

const key = (v: Violation) =>
  [v.rule, v.member ?? '', v.cell ?? '', v.date ?? '', v.period ?? '', v.team ?? ''].join('|');

/** The meeting of a cell on a date (the date it is held on). */
export function meetingAt(problem: Problem, cell: string, date: IsoDate): Meeting | undefined {
  return problem.meetings.find((m) => m.cell === cell && m.date === date);
}

/** The plan with `member` attending the meeting instead of `replacing` (or as well, when no one is replaced). */
export function withVisitor(
  visits: readonly Visit[],
  meeting: Meeting,
  member: MemberId,
  replacing?: MemberId,
): Visit[] {
  const out = visits.filter(
    (v) => !(replacing !== undefined && v.member === replacing && v.cell === meeting.cell && v.date === meeting.date),
  );
  out.push({
    member,
    cell: meeting.cell,
    date: meeting.date,
    start: meeting.start,
    end: meeting.end,
    status: 'planned',
  });
  return out;
}

/**
 * The part of a problem and plan a change at `meeting` by `members` can affect: the visits of those members and of the
 * meeting's cell, the members and cells they name, those cells' meetings. A violation the change brings shows in it as
 * in the whole plan; the others show alike before and after the change, so comparing the two is exact — and a
 * province's candidates are judged in milliseconds instead of a whole check each.
 */
function around(problem: Problem, visits: readonly Visit[], meeting: Meeting, members: ReadonlySet<string>) {
  const part = visits.filter((v) => members.has(v.member) || v.cell === meeting.cell);
  const memberIds = new Set([...members, ...part.map((v) => v.member as string)]);
  const cellIds = new Set([meeting.cell as string, ...part.map((v) => v.cell as string)]);
  const sub: Problem = {
    ...problem,
    members: problem.members.filter((m) => memberIds.has(m.id)),
    cells: problem.cells.filter((c) => cellIds.has(c.id)),
    meetings: problem.meetings.filter((m) => cellIds.has(m.cell)),
    fixed: problem.fixed.filter((f) => memberIds.has(f.member) && cellIds.has(f.cell)),
  };
  return { sub, part };
}

export function whoCan(problem: Problem, visits: readonly Visit[], meeting: Meeting, replacing?: MemberId): WhoCan {
  const here = visits.filter((v) => v.cell === meeting.cell && v.date === meeting.date).map((v) => v.member);
  const at = (v: Visit, member: string) => v.member === member && v.cell === meeting.cell && v.date === meeting.date;
  const without = replacing === undefined ? visits : visits.filter((v) => !at(v, replacing));
  // What taking the visit away breaks by itself, judged on the part of the plan it can touch.
  const removalBreaks = (() => {
    if (replacing === undefined) return [];
    const { sub, part } = around(problem, visits, meeting, new Set([replacing]));
    const before = new Set(checkPlan(sub, part).map(key));
    return checkPlan(
      sub,
      part.filter((v) => !at(v, replacing)),
    ).filter((v) => !before.has(key(v)));
  })();
  const baseCost = planCost(problem, visits);
  const load = new Map<string, number>();
  for (const v of visits) load.set(v.member, (load.get(v.member) ?? 0) + 1);
  const candidates = problem.members
    .filter((m) => !here.includes(m.id))
    .map((m): Candidate => {
      const base = { member: m.id, name: m.name, load: load.get(m.id) ?? 0 };
      // Who may never attend that meeting (home cell, area, availability): the checker's own definitions (domain).
      const forbidden = forbiddingRules(problem, m, { member: m.id, cell: meeting.cell, date: meeting.date });
      if (forbidden.length > 0) return { ...base, ok: false, rules: forbidden, costDelta: 0 };
      const who = new Set<string>([m.id, ...(replacing !== undefined ? [replacing] : [])]);
      const { sub, part } = around(problem, without, meeting, who);
      const removal = new Set(checkPlan(sub, part).map(key));
      const changed = withVisitor(part, meeting, m.id);
      const broken = checkPlan(sub, changed).filter((v) => !removal.has(key(v)));
      if (broken.length > 0)
        return { ...base, ok: false, rules: [...new Set(broken.map((v) => v.rule))], costDelta: 0 };
      return {
        ...base,
        ok: true,
        rules: [],
        costDelta: planCost(problem, withVisitor(visits, meeting, m.id, replacing)) - baseCost,
      };
    })
    .sort((a, b) => Number(b.ok) - Number(a.ok) || a.costDelta - b.costDelta || (a.member < b.member ? -1 : 1));
  return { meeting, visitors: here, removalBreaks, candidates };
}

export type Change =
  | { readonly kind: 'replace'; readonly meeting: Meeting; readonly from: MemberId; readonly to: MemberId }
  | { readonly kind: 'remove'; readonly meeting: Meeting; readonly member: MemberId }
  | { readonly kind: 'add'; readonly meeting: Meeting; readonly member: MemberId };

/**
 * The visits after one change. A replaced visit keeps its calendar identity (UID) with SEQUENCE raised and the
 * stamp `now`, so that calendars move the event rather than drop one and add another; the others are untouched.
 */
export function applyChange(
  visits: readonly Visit[],
  change: Change,
  now: string,
  uidOf: (v: Visit) => string,
): Visit[] {
  const m = change.meeting;
  const at = (v: Visit, member: MemberId) => v.member === member && v.cell === m.cell && v.date === m.date;
  if (change.kind === 'remove') return visits.filter((v) => !at(v, change.member));
  if (change.kind === 'add') return withVisitor(visits, m, change.member);
  return visits.map((v) => {
    if (!at(v, change.from)) return v;
    const identity: VisitIdentity = { uid: uidOf(v), sequence: (v.identity?.sequence ?? 0) + 1, stamp: now };
    return { ...v, member: change.to, status: 'planned', identity };
  });
}
