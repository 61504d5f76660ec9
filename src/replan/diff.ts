// What a re-plan changed (issue 9, items 3 and 5): the previous plan's visits from the re-plan date on against the
// new plan's — kept (same member, cell and day), moved (a member's dropped visit paired with one of their new ones,
// in date order), added, removed — each with why; and the calendar identity every visit carries on: a kept visit its
// UID, SEQUENCE, DTSTAMP and status; a moved one its UID with SEQUENCE + 1 and DTSTAMP the re-plan's time; a removed
// one gone, or with --keep-cancelled shown as cancelled for that many days.
import { DateTime } from 'luxon';
import type { CancelledVisit, IsoDate, MemberId, Problem, RuleId, Visit, VisitIdentity } from '../domain/types.js';
import { isActive } from '../domain/active.js';
import { forbiddingRules } from '../domain/eligibility.js';
import { defaultUid } from '../planfile/index.js';
import { MeetingIndex, VisitMap, VisitSet } from '../domain/plan.js';

/** Why a visit of the previous plan could not stay, or why one was added. */
export type ChangeWhy =
  | 'member-gone'
  | 'member-inactive'
  | 'unavailable'
  | 'cell-gone'
  | 'cell-inactive'
  | 'meeting-moved'
  | RuleId
  | 'rebalanced'
  | 'needed';

export interface Change {
  readonly kind: 'moved' | 'added' | 'removed';
  readonly member: MemberId;
  readonly before?: Visit;
  readonly after?: Visit;
  readonly why: ChangeWhy;
}

export interface PlanDiff {
  readonly kept: number;
  readonly changes: readonly Change[];
  readonly moved: number;
  readonly added: number;
  readonly removed: number;
}

const byDate = (a: Visit, b: Visit) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.cell < b.cell ? -1 : 1);

/**
 * Why a previous visit cannot stay in `problem` (the first reason found), or 'rebalanced' when it could: a function
 * with the problem's indexes built once, for every change of a re-plan.
 */
export function whyNot(problem: Problem): (v: Visit) => ChangeWhy {
  const members = new Map(problem.members.map((m) => [m.id as string, m]));
  const cells = new Map(problem.cells.map((c) => [c.id as string, c]));
  const meetingAt = new MeetingIndex(problem.meetings);
  return (v) => {
    const member = members.get(v.member);
    if (!member) return 'member-gone';
    const cell = cells.get(v.cell);
    if (!cell) return 'cell-gone';
    if (!isActive(member.active, v.date)) return 'member-inactive';
    if (!isActive(cell.active, v.date)) return 'cell-inactive';
    const meeting = meetingAt.at(v);
    if (!meeting) return 'meeting-moved';
    const rules = forbiddingRules(problem, member, v);
    if (rules.includes('availability')) return member.unavailable.has(v.date) ? 'unavailable' : 'availability';
    return rules[0] ?? 'rebalanced';
  };
}

/** The previous plan's visits from `from` on against the new plan's. */
export function diffPlans(
  problem: Problem,
  previous: readonly Visit[],
  next: readonly Visit[],
  from: IsoDate,
): PlanDiff {
  const before = previous.filter((v) => v.date >= from);
  const after = next.filter((v) => v.date >= from);
  const inBefore = new VisitSet(before);
  const inAfter = new VisitSet(after);
  const dropped = new Map<string, Visit[]>();
  const fresh = new Map<string, Visit[]>();
  for (const v of before)
    if (!inAfter.has(v)) (dropped.get(v.member) ?? dropped.set(v.member, []).get(v.member)!).push(v);
  for (const v of after) if (!inBefore.has(v)) (fresh.get(v.member) ?? fresh.set(v.member, []).get(v.member)!).push(v);
  const changes: Change[] = [];
  const why = whyNot(problem);
  const members = [...new Set([...dropped.keys(), ...fresh.keys()])].sort();
  for (const m of members) {
    const d = (dropped.get(m) ?? []).sort(byDate);
    const f = (fresh.get(m) ?? []).sort(byDate);
    for (let i = 0; i < Math.max(d.length, f.length); i++) {
      const old = d[i];
      const now = f[i];
      const member = m as MemberId;
      if (old && now) changes.push({ kind: 'moved', member, before: old, after: now, why: why(old) });
      else if (old) changes.push({ kind: 'removed', member, before: old, why: why(old) });
      else changes.push({ kind: 'added', member, after: now!, why: 'needed' });
    }
  }
  const count = (k: Change['kind']) => changes.filter((c) => c.kind === k).length;
  return {
    kept: after.length - [...fresh.values()].reduce((s, l) => s + l.length, 0),
    changes,
    moved: count('moved'),
    added: count('added'),
    removed: count('removed'),
  };
}

/** A visit's identity in a plan made at `generatedAt`: its own, or the one made from it. */
export function identityOf(v: Visit, generatedAt: string, meeting?: string): VisitIdentity {
  return v.identity ?? { uid: defaultUid({ ...v, meeting }), sequence: 0, stamp: generatedAt };
}

export interface IdentityInput {
  /** The previous plan's visits, each with its meeting month, and when it was made. */
  readonly previous: readonly (Visit & { readonly meeting: string })[];
  readonly previousGeneratedAt: string;
  readonly previousCancelled: readonly CancelledVisit[];
  readonly next: readonly Visit[];
  readonly nextMeeting: (v: Visit) => string;
  readonly diff: PlanDiff;
  readonly generatedAt: string;
  /** Days a removed visit is shown as cancelled; 0: it simply disappears. */
  readonly keepCancelledDays: number;
}

/**
 * The new plan's visits with their calendar identity, and the cancelled visits to show. A visit whose identity is
 * what a fresh plan would give it (UID from the visit, SEQUENCE 0, DTSTAMP the plan's time) carries none.
 */
export function carryIdentity(input: IdentityInput): { visits: Visit[]; cancelled: CancelledVisit[] } {
  const { generatedAt } = input;
  const old = new VisitMap<VisitIdentity>();
  for (const v of input.previous) old.set(v, identityOf(v, input.previousGeneratedAt, v.meeting));
  const movedTo = new VisitMap<VisitIdentity>();
  for (const c of input.diff.changes)
    if (c.kind === 'moved') {
      const was = old.get(c.before!)!;
      movedTo.set(c.after!, { uid: was.uid, sequence: was.sequence + 1, stamp: generatedAt });
    }
  const used = new Set<string>();
  // A kept visit keeps its status too: what happened is fixed for the solver, but its event should not change.
  const oldStatus = new VisitMap<Visit['status']>();
  for (const v of input.previous) oldStatus.set(v, v.status);
  const visits = input.next.map((v) => {
    const identity = old.get(v) ?? movedTo.get(v);
    const status = oldStatus.get(v) ?? v.status;
    if (identity) {
      used.add(identity.uid);
      return { ...v, status, identity };
    }
    return v;
  });
  // A new visit whose own UID an older visit holds (moved there by an earlier re-plan) gets another.
  const out = visits.map((v) => {
    if (v.identity) return v;
    const uid = defaultUid({ ...v, meeting: input.nextMeeting(v) });
    if (!used.has(uid)) {
      used.add(uid);
      return v;
    }
    let n = 2;
    while (used.has(uid.replace('@', `.${n}@`))) n++;
    const other = uid.replace('@', `.${n}@`);
    used.add(other);
    return { ...v, identity: { uid: other, sequence: 0, stamp: generatedAt } };
  });
  const cancelled: CancelledVisit[] = [];
  if (input.keepCancelledDays > 0) {
    const until = DateTime.fromISO(generatedAt, { zone: 'utc' })
      .plus({ days: input.keepCancelledDays })
      .toISO({ suppressMilliseconds: true })!
      .replace('.000Z', 'Z');
    for (const v of input.previous) {
      const id = old.get(v)!;
      if (used.has(id.uid)) continue;
      used.add(id.uid);
      const { member, cell, date, start, end, status } = v;
      const identity = { uid: id.uid, sequence: id.sequence + 1, stamp: generatedAt };
      cancelled.push({ member, cell, date, start, end, status, identity, until });
    }
  }
  for (const c of input.previousCancelled)
    if (!used.has(c.identity.uid) && Date.parse(c.until) > Date.parse(generatedAt)) {
      used.add(c.identity.uid);
      cancelled.push(c);
    }
  return { visits: out, cancelled };
}
