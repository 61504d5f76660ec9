// Construction (issue 22): a complete plan without any LP, in well under a second on a province, so that the solve
// has a checked plan in hand before its first model is built. Greedy, then repair:
//  1. fixed visits (and, on a re-plan, the previous plan's visits ahead that still fit) are placed first;
//  2. quotas: members with the fewest possible meetings per visit owed first; each visit goes to the meeting that
//     costs least on the soft goals (priority cells early, a new cell, an empty month) and helps an uncovered cell;
//  3. coverage: cells with the fewest possible visitors first, each uncovered period given the cheapest visitor;
//  4. repair: a visit still missing takes a seat by moving its holder to another meeting, or a member's visit on the
//     same day is swapped or moved away, so that no rule the plan kept breaks.
// Every check is the domain's (eligibility, periods, bounds); the plan then goes through planUnmet like any other.
import type { Cell, CellId, Meeting, Member, Problem, Visit } from '../../src/domain/types.js';
import { atHomeCell, fixedVisits, inArea, mayAttendOn } from '../../src/domain/eligibility.js';
import { periodIndex, PERIODS_PER_YEAR } from '../../src/domain/periods.js';
import { boundsIn, coverageIn } from '../../src/domain/active.js';
import { MeetingIndex, VisitSet } from '../../src/domain/plan.js';
import { quarterTarget, yearlyQuota } from '../../src/domain/workload.js';
import { visitCost } from '../goals/priority.js';
import { ROTATION_COST } from '../goals/rotation.js';
import { OVER_COST, SPREAD_COST, UNDER_COST } from '../goals/spread.js';
import { FAIR_COST } from '../goals/fairness.js';
import { CHANGE_COST } from '../goals/changes.js';

/** What the greedy choice pays for helping a cell that is still below its coverage: more than any goal's term. */
const COVER_BONUS = 1000;

/** One member's counts as the plan grows. */
interface MemberState {
  readonly member: Member;
  /** counts[quota][period] */
  readonly counts: number[][];
  readonly perDay: Map<string, number>;
  /** The meeting indexes visited, per cell (no consecutive, distinct visits). */
  readonly atCell: Map<CellId, Set<number>>;
  readonly perMonth: number[];
  readonly perQuarter: number[];
  readonly yearly: number;
  total: number;
  readonly visits: Set<Placed>;
}

interface MeetingState {
  visitors: Placed[];
  readonly teams: Map<string, number>;
}

/** A meeting with what the greedy choice reads about it, looked up once: the hot loop visits millions. */
interface Slot {
  readonly meeting: Meeting;
  readonly state: MeetingState;
  readonly cell: Cell;
  /** The visit's cost on the priority goal. */
  readonly cost: number;
  /** The cell's coverage counts, and this meeting's coverage period in them with its bounds. */
  readonly coverage: number[];
  readonly period: number;
  readonly bounds: { readonly min: number; readonly max?: number };
  readonly quarter: number;
}

interface Placed {
  readonly member: MemberState;
  readonly meeting: Meeting;
  readonly fixed: boolean;
}

export interface Construction {
  readonly visits: Visit[];
  /** Visits the greedy pass could not place and the repair then placed. */
  readonly repaired: number;
  /** Visits still missing below a quota or coverage minimum. */
  readonly missing: number;
}

export function construct(problem: Problem): Construction {
  return new Builder(problem).run();
}

class Builder {
  private readonly policy;
  private readonly cellById: Map<string, Cell>;
  private readonly byCellMonth = new Map<string, Array<Meeting | undefined>>();
  private readonly meetingState = new Map<Meeting, MeetingState>();
  private readonly members: MemberState[];
  private readonly memberState = new Map<string, MemberState>();
  /** coverage[cell][period] */
  private readonly coverage = new Map<string, number[]>();
  private readonly fixed: VisitSet;
  private readonly previous?: VisitSet;
  private readonly costOf = new Map<Cell, number[]>();
  private readonly slots = new Map<Meeting, Slot>();
  /** Per member, their eligible cells' slots by month, in the cells' order. */
  private readonly rows = new Map<MemberState, Array<Array<Slot | undefined>>>();
  private repaired = 0;

  constructor(private readonly problem: Problem) {
    this.policy = problem.policy;
    this.cellById = new Map(problem.cells.map((c) => [c.id as string, c]));
    for (const mt of problem.meetings) {
      let months = this.byCellMonth.get(mt.cell);
      if (!months) this.byCellMonth.set(mt.cell, (months = new Array<Meeting | undefined>(13)));
      months[mt.month] = mt;
      this.meetingState.set(mt, { visitors: [], teams: new Map() });
    }
    for (const c of problem.cells) {
      this.coverage.set(c.id, new Array<number>(PERIODS_PER_YEAR[this.policy.coverage.per]).fill(0));
      this.costOf.set(
        c,
        Array.from({ length: 13 }, (_, month) => (month === 0 ? 0 : visitCost(problem, c, month))),
      );
    }
    this.members = problem.members.map((member) => {
      const s: MemberState = {
        member,
        counts: member.quotas.map((q) => new Array<number>(PERIODS_PER_YEAR[q.per]).fill(0)),
        perDay: new Map(),
        atCell: new Map(),
        perMonth: new Array<number>(13).fill(0),
        perQuarter: [0, 0, 0, 0],
        yearly: yearlyQuota(member),
        total: 0,
        visits: new Set(),
      };
      this.memberState.set(member.id, s);
      return s;
    });
    this.fixed = fixedVisits(problem);
    if (problem.replan) this.previous = new VisitSet(problem.replan.previous);
    for (const mt of problem.meetings) {
      const cell = this.cellById.get(mt.cell)!;
      const period = periodIndex(this.policy.coverage.per, mt.month);
      this.slots.set(mt, {
        meeting: mt,
        state: this.meetingState.get(mt)!,
        cell,
        cost: this.costOf.get(cell)![mt.month]!,
        coverage: this.coverage.get(mt.cell)!,
        period,
        bounds: coverageIn(this.policy, cell, period),
        quarter: periodIndex('quarter', mt.month),
      });
    }
  }

  /** The member's eligible cells' slots by month, in the cells' order (made on first use). */
  private rowsOf(s: MemberState): Array<Array<Slot | undefined>> {
    let rows = this.rows.get(s);
    if (!rows) {
      rows = [];
      for (const cell of s.member.eligibleCells) {
        const byMonth = this.byCellMonth.get(cell);
        if (byMonth) rows.push(byMonth.map((mt) => (mt ? this.slots.get(mt) : undefined)));
      }
      this.rows.set(s, rows);
    }
    return rows;
  }

  run(): Construction {
    this.placeFixed();
    if (this.previous) this.keepPrevious();
    this.fillQuotas();
    this.fillCoverage();
    const missing = this.repair();
    const visits: Visit[] = [];
    for (const s of this.members)
      for (const p of s.visits)
        visits.push({
          member: s.member.id,
          cell: p.meeting.cell,
          date: p.meeting.date,
          start: p.meeting.start,
          end: p.meeting.end,
          status: p.fixed ? 'fixed' : 'planned',
        });
    return { visits, repaired: this.repaired, missing };
  }

  // ---- the state -------------------------------------------------------------------------------------------------

  private add(s: MemberState, meeting: Meeting, fixed = false): Placed {
    const p: Placed = { member: s, meeting, fixed };
    const ms = this.meetingState.get(meeting)!;
    ms.visitors.push(p);
    const team = s.member.team;
    if (team !== undefined) ms.teams.set(team, (ms.teams.get(team) ?? 0) + 1);
    this.count(s, meeting, +1);
    s.visits.add(p);
    return p;
  }

  private remove(p: Placed): void {
    const ms = this.meetingState.get(p.meeting)!;
    ms.visitors = ms.visitors.filter((x) => x !== p);
    const team = p.member.member.team;
    if (team !== undefined) ms.teams.set(team, ms.teams.get(team)! - 1);
    this.count(p.member, p.meeting, -1);
    p.member.visits.delete(p);
  }

  private count(s: MemberState, meeting: Meeting, d: number): void {
    s.member.quotas.forEach((q, qi) => (s.counts[qi]![periodIndex(q.per, meeting.month)]! += d));
    s.perDay.set(meeting.date, (s.perDay.get(meeting.date) ?? 0) + d);
    let idx = s.atCell.get(meeting.cell);
    if (!idx) s.atCell.set(meeting.cell, (idx = new Set()));
    if (d > 0) idx.add(meeting.index);
    else idx.delete(meeting.index);
    s.perMonth[meeting.month]! += d;
    s.perQuarter[periodIndex('quarter', meeting.month)]! += d;
    s.total += d;
    this.coverage.get(meeting.cell)![periodIndex(this.policy.coverage.per, meeting.month)]! += d;
  }

  /** The member may attend the meeting whatever else the plan holds (area, home cell, availability). */
  private allowed(member: Member, meeting: Meeting): boolean {
    return inArea(member, meeting.cell) && this.allowedInArea(member, meeting);
  }

  /** `allowed` for a meeting of the member's area. */
  private allowedInArea(member: Member, meeting: Meeting): boolean {
    return (
      !atHomeCell(this.policy, member, meeting.cell) &&
      mayAttendOn(this.problem, member, meeting.cell, meeting.date, this.fixed)
    );
  }

  /** Adding the visit breaks no maximum: seats, team, day, consecutive meetings, quota and coverage maxima. */
  private fits(s: MemberState, meeting: Meeting): boolean {
    return this.fitsSlot(s, this.slots.get(meeting)!);
  }

  private fitsSlot(s: MemberState, slot: Slot): boolean {
    if (slot.state.visitors.length >= this.policy.maxVisitorsPerMeeting) return false;
    return this.fitsMemberSlot(s, slot) && this.teamFits(s, slot.state);
  }

  private teamFits(s: MemberState, ms: MeetingState): boolean {
    const team = s.member.team;
    return team === undefined || (ms.teams.get(team) ?? 0) < this.policy.maxPerTeamPerMeeting;
  }

  private fitsMember(s: MemberState, meeting: Meeting): boolean {
    return this.fitsMemberSlot(s, this.slots.get(meeting)!);
  }

  private fitsMemberSlot(s: MemberState, slot: Slot): boolean {
    const { meeting, cell } = slot;
    if ((s.perDay.get(meeting.date) ?? 0) >= this.policy.maxVisitsPerDay) return false;
    const idx = s.atCell.get(meeting.cell);
    if (idx?.has(meeting.index)) return false;
    if (idx && this.policy.noConsecutive && !cell.allowConsecutive)
      if (idx.has(meeting.index - 1) || idx.has(meeting.index + 1)) return false;
    for (let qi = 0; qi < s.member.quotas.length; qi++) {
      const q = s.member.quotas[qi]!;
      const pi = periodIndex(q.per, meeting.month);
      const max = boundsIn(q, pi).max;
      if (max !== undefined && s.counts[qi]![pi]! >= max) return false;
    }
    const cmax = slot.bounds.max;
    return cmax === undefined || slot.coverage[slot.period]! < cmax;
  }

  /** What one more visit costs on the soft goals, less the bonus for a cell still below its coverage. */
  private score(s: MemberState, meeting: Meeting): number {
    return this.scoreSlot(s, this.slots.get(meeting)!);
  }

  private scoreSlot(s: MemberState, slot: Slot): number {
    const { meeting } = slot;
    let cost = slot.cost;
    if ((s.atCell.get(meeting.cell)?.size ?? 0) > 0) cost += ROTATION_COST;
    if (s.perMonth[meeting.month]! > 0) cost += SPREAD_COST;
    if (s.yearly > 0) {
      const t = quarterTarget(s.yearly);
      const n = s.perQuarter[slot.quarter]!;
      if (n < t.min) cost -= UNDER_COST;
      else if (n >= t.max) cost += OVER_COST;
      if (s.total >= s.yearly) cost += FAIR_COST * (s.total - s.yearly + 1);
    }
    if (this.previous?.has({ member: s.member.id, cell: meeting.cell, date: meeting.date })) cost -= CHANGE_COST;
    else if (this.previous && !(meeting.date < this.problem.replan!.from)) cost += CHANGE_COST;
    if (slot.coverage[slot.period]! < slot.bounds.min) cost -= COVER_BONUS;
    return cost;
  }

  /** The meetings of the member's area in the given months, in the cells' order then by month. */
  private *meetingsIn(member: Member, months: readonly number[]): Iterable<Meeting> {
    for (const cell of member.eligibleCells) {
      const byMonth = this.byCellMonth.get(cell);
      if (!byMonth) continue;
      for (const month of months) {
        const mt = byMonth[month];
        if (mt) yield mt;
      }
    }
  }

  /** The cheapest meeting the member may add in the months, the first in the cells' order then by month on a tie. */
  private best(s: MemberState, months: readonly number[]): Meeting | undefined {
    let best: Meeting | undefined;
    let bestScore = Infinity;
    for (const row of this.rowsOf(s))
      for (const month of months) {
        const slot = row[month];
        // The row holds the member's eligible cells only: the area rule holds; the home cell and the day remain.
        if (!slot || !this.fitsSlot(s, slot) || !this.allowedInArea(s.member, slot.meeting)) continue;
        const sc = this.scoreSlot(s, slot);
        if (sc < bestScore) [best, bestScore] = [slot.meeting, sc];
      }
    return best;
  }

  // ---- the phases ------------------------------------------------------------------------------------------------

  private placeFixed(): void {
    const at = new MeetingIndex(this.problem.meetings);
    for (const f of this.problem.fixed) {
      const s = this.memberState.get(f.member);
      const mt = at.at(f);
      if (s && mt) this.add(s, mt, true);
    }
  }

  private keepPrevious(): void {
    const at = new MeetingIndex(this.problem.meetings);
    for (const v of this.problem.replan!.previous) {
      const s = this.memberState.get(v.member);
      const mt = at.at(v);
      if (!s || !mt || this.fixed.has(v) || !this.allowed(s.member, mt) || !this.fits(s, mt)) continue;
      this.add(s, mt);
    }
  }

  /** The periods below their minimum of a member's quota, finest quotas first. */
  private *owed(s: MemberState): Iterable<{ qi: number; pi: number; months: number[] }> {
    const order = s.member.quotas
      .map((q, qi) => ({ q, qi }))
      .sort((a, b) => PERIODS_PER_YEAR[b.q.per] - PERIODS_PER_YEAR[a.q.per]);
    for (const { q, qi } of order)
      for (let pi = 0; pi < PERIODS_PER_YEAR[q.per]; pi++) {
        if (s.counts[qi]![pi]! >= boundsIn(q, pi).min) continue;
        const months: number[] = [];
        for (let m = 1; m <= 12; m++) if (periodIndex(q.per, m) === pi) months.push(m);
        yield { qi, pi, months };
      }
  }

  private fillQuotas(): void {
    // Fewest possible meetings per visit owed first: the members with the least choice choose first.
    const choice = (s: MemberState) => {
      if (s.yearly <= 0) return Infinity;
      let n = 0;
      for (const row of this.rowsOf(s))
        for (const slot of row) if (slot && this.allowedInArea(s.member, slot.meeting)) n++;
      return n / s.yearly;
    };
    const order = this.members
      .map((s, i) => ({ s, i, c: choice(s) }))
      .sort((a, b) => a.c - b.c || a.i - b.i)
      .map((x) => x.s);
    for (const s of order)
      for (const { qi, pi, months } of this.owed(s)) {
        const q = s.member.quotas[qi]!;
        while (s.counts[qi]![pi]! < boundsIn(q, pi).min) {
          const mt = this.best(s, months);
          if (!mt) break;
          this.add(s, mt);
        }
      }
  }

  /** Members who may visit each cell. */
  private visitorsOf(): Map<string, MemberState[]> {
    const out = new Map<string, MemberState[]>(this.problem.cells.map((c) => [c.id as string, []]));
    for (const s of this.members) for (const c of s.member.eligibleCells) out.get(c)?.push(s);
    return out;
  }

  private fillCoverage(): void {
    const visitors = this.visitorsOf();
    const cells = this.problem.cells
      .map((c, i) => ({ c, i, n: visitors.get(c.id)!.length }))
      .sort((a, b) => a.n - b.n || a.i - b.i);
    for (const { c } of cells) this.coverCell(c, visitors.get(c.id)!);
  }

  private coverCell(cell: Cell, visitors: readonly MemberState[]): void {
    const kind = this.policy.coverage.per;
    const byMonth = this.byCellMonth.get(cell.id) ?? [];
    for (let pi = 0; pi < PERIODS_PER_YEAR[kind]; pi++) {
      const min = coverageIn(this.policy, cell, pi).min;
      while (this.coverage.get(cell.id)![pi]! < min) {
        let best: { s: MemberState; mt: Meeting } | undefined;
        let bestScore = Infinity;
        for (let month = 1; month <= 12; month++) {
          const mt = byMonth[month];
          if (!mt || periodIndex(kind, month) !== pi) continue;
          for (const s of visitors) {
            if (!this.fits(s, mt) || !this.allowed(s.member, mt)) continue;
            const sc = this.score(s, mt);
            if (sc < bestScore) [best, bestScore] = [{ s, mt }, sc];
          }
        }
        if (!best) break;
        this.add(best.s, best.mt);
      }
    }
  }

  // ---- repair ----------------------------------------------------------------------------------------------------

  /** Whether removing the visit keeps every minimum its member and cell met. */
  private removable(p: Placed): boolean {
    if (p.fixed) return false;
    const s = p.member;
    for (let qi = 0; qi < s.member.quotas.length; qi++) {
      const q = s.member.quotas[qi]!;
      const pi = periodIndex(q.per, p.meeting.month);
      if (s.counts[qi]![pi]! <= boundsIn(q, pi).min) return false;
    }
    const cpi = periodIndex(this.policy.coverage.per, p.meeting.month);
    const cell = this.cellById.get(p.meeting.cell)!;
    return this.coverage.get(p.meeting.cell)![cpi]! > coverageIn(this.policy, cell, cpi).min;
  }

  /**
   * Moves a visit to another meeting of its member that counts in the same periods of every quota, when the cell it
   * leaves keeps its coverage (or `keepCell` says the seat is taken over). Returns whether it moved.
   */
  private relocate(p: Placed, keepCell: boolean): boolean {
    if (p.fixed) return false;
    const s = p.member;
    const cpi = periodIndex(this.policy.coverage.per, p.meeting.month);
    const cell = this.cellById.get(p.meeting.cell)!;
    if (!keepCell && this.coverage.get(p.meeting.cell)![cpi]! <= coverageIn(this.policy, cell, cpi).min) return false;
    const samePeriods = (m: number) =>
      s.member.quotas.every((q) => periodIndex(q.per, m) === periodIndex(q.per, p.meeting.month));
    const months = ALL_MONTHS.filter(samePeriods);
    this.remove(p);
    const mt = this.best(s, months);
    if (mt && mt !== p.meeting) {
      this.add(s, mt);
      return true;
    }
    this.add(s, p.meeting);
    return false;
  }

  /** Makes room for member s at the meeting: moves a holder of the seat, or s's own visit that day. */
  private makeRoom(s: MemberState, mt: Meeting): boolean {
    if (!this.allowed(s.member, mt)) return false;
    if (this.fits(s, mt)) return true;
    // s's own visit on the same day: swapped for this one when it leaves its cell covered, else moved.
    if ((s.perDay.get(mt.date) ?? 0) >= this.policy.maxVisitsPerDay) {
      const same = [...s.visits].find((p) => p.meeting.date === mt.date && !p.fixed);
      if (!same) return false;
      if (same.meeting.month === mt.month && this.removable(same)) this.remove(same);
      else if (!this.relocate(same, false)) return false;
      if (this.fits(s, mt)) return true;
    }
    if (!this.fitsMember(s, mt)) return false;
    // A seat (or the team's seat) held by someone else: the holder moves to another meeting of the same periods.
    const ms = this.meetingState.get(mt)!;
    const team = s.member.team;
    const holders = ms.visitors.filter(
      (p) =>
        !p.fixed &&
        (ms.visitors.length >= this.policy.maxVisitorsPerMeeting ||
          (team !== undefined && p.member.member.team === team)),
    );
    for (const h of holders) {
      if (this.removable(h)) {
        this.remove(h);
        if (this.fits(s, mt)) return true;
        this.add(h.member, h.meeting);
        continue;
      }
      if (this.relocate(h, true) && this.fits(s, mt)) return true;
    }
    return false;
  }

  /** The repair pass: every minimum still unmet gets a visit by making room; returns the visits still missing. */
  private repair(): number {
    for (const s of this.members)
      for (const { qi, pi, months } of this.owed(s)) {
        const q = s.member.quotas[qi]!;
        for (const mt of this.meetingsIn(s.member, months)) {
          if (s.counts[qi]![pi]! >= boundsIn(q, pi).min) break;
          if (this.makeRoom(s, mt)) {
            this.add(s, mt);
            this.repaired++;
          }
        }
      }
    const visitors = this.visitorsOf();
    const kind = this.policy.coverage.per;
    for (const cell of this.problem.cells) {
      const byMonth = this.byCellMonth.get(cell.id) ?? [];
      for (let pi = 0; pi < PERIODS_PER_YEAR[kind]; pi++) {
        const min = coverageIn(this.policy, cell, pi).min;
        for (let month = 1; month <= 12 && this.coverage.get(cell.id)![pi]! < min; month++) {
          const mt = byMonth[month];
          if (!mt || periodIndex(kind, month) !== pi) continue;
          for (const s of visitors.get(cell.id)!) {
            if (this.coverage.get(cell.id)![pi]! >= min) break;
            if (this.makeRoom(s, mt)) {
              this.add(s, mt);
              this.repaired++;
            }
          }
        }
      }
    }
    let missing = 0;
    for (const s of this.members)
      s.member.quotas.forEach((q, qi) =>
        s.counts[qi]!.forEach((n, pi) => (missing += Math.max(0, boundsIn(q, pi).min - n))),
      );
    for (const cell of this.problem.cells)
      this.coverage
        .get(cell.id)!
        .forEach((n, pi) => (missing += Math.max(0, coverageIn(this.policy, cell, pi).min - n)));
    return missing;
  }
}

const ALL_MONTHS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
