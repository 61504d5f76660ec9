// Compliance to date (issue 9, item 2): what happened by a date — the plan's visits as the attendance file records
// them (done, missed, replaced by another member, visits made outside the plan; past visits without a record counted
// neither way and listed as not recorded, or as done or missed with --unrecorded) — and, for each member, visits
// done per quota period against the quota pro-rated to the date; cells not yet visited this period; reports whose
// deadline passed without one.
import { DateTime } from 'luxon';
import { periodIndex, periodLabel, PERIODS_PER_YEAR } from '../domain/periods.js';
import { boundsIn, coverageIn } from '../domain/active.js';
import type { IsoDate, MemberId, PeriodKind, Problem, Visit } from '../domain/types.js';
import { periodicReports, type DueReport } from '../policies/periodic.js';
import type { Attendance, AttendanceRecord } from './file.js';
import { MeetingIndex, monthOfDate, VisitMap, VisitSet } from '../domain/plan.js';

/**
 * How planned past visits the attendance file does not record are counted: `pending` (the default, issue 24 item 8):
 * neither done nor missed, listed by name as not recorded; or as done, or as missed, when the user says so.
 */
export type Unrecorded = 'pending' | 'done' | 'missed';
export const UNRECORDED_CHOICES: readonly Unrecorded[] = ['pending', 'done', 'missed'];

export interface Happened {
  /** Visits made by the date, credited to who went (a replacement to the replacing member). */
  readonly done: readonly Visit[];
  readonly missed: readonly { readonly visit: Visit; readonly reason?: string }[];
  /** Planned visits by the date that the file does not record (counted as `unrecorded` says). */
  readonly unrecorded: readonly Visit[];
  /** Done visits the plan did not have. */
  readonly unplanned: readonly Visit[];
  /** Planned visits after the date. */
  readonly ahead: readonly Visit[];
  /** The record of each (member, cell, date), for reports. */
  readonly recordOf: VisitMap<AttendanceRecord>;
  /** Every record, in the file's order. */
  readonly records: readonly AttendanceRecord[];
}

export function happened(
  problem: Problem,
  plan: readonly Visit[],
  attendance: Attendance,
  asOf: IsoDate,
  unrecorded: Unrecorded,
): Happened {
  const meetings = new MeetingIndex(problem.meetings);
  const cells = new Map(problem.cells.map((c) => [c.id as string, c]));
  const recordOf = new VisitMap<AttendanceRecord>();
  for (const r of attendance.records) recordOf.set(r, r);
  const planned = new VisitSet(plan);
  const done: Visit[] = [];
  const missed: { visit: Visit; reason?: string }[] = [];
  const notRecorded: Visit[] = [];
  const unplanned: Visit[] = [];
  const ahead: Visit[] = [];
  for (const v of plan) {
    const r = recordOf.get(v);
    if (v.date > asOf) {
      ahead.push(v);
      continue;
    }
    if (r?.result === undefined) {
      notRecorded.push(v);
      if (unrecorded === 'done') done.push(v);
      else if (unrecorded === 'missed') missed.push({ visit: v });
    } else if (r.result === 'done') done.push(v);
    else if (r.result === 'replaced') {
      done.push({ ...v, member: r.replacedBy! });
      missed.push({ visit: v, ...(r.reason ? { reason: r.reason } : {}) });
    } else missed.push({ visit: v, ...(r.reason ? { reason: r.reason } : {}) });
  }
  for (const r of attendance.records) {
    if (planned.has(r) || r.result !== 'done' || r.date > asOf) continue;
    const m = meetings.at(r);
    const c = cells.get(r.cell)!;
    const start = r.start ?? m?.start ?? c.meeting.time;
    const end = m?.end ?? DateTime.fromISO(`${r.date}T${start}`).plus({ minutes: c.meeting.durationMinutes });
    const v: Visit = {
      member: r.member,
      cell: r.cell,
      date: r.date,
      start,
      end: typeof end === 'string' ? end : end.toFormat('HH:mm'),
      status: 'fixed',
    };
    done.push(v);
    unplanned.push(v);
  }
  return { done, missed, unrecorded: notRecorded, unplanned, ahead, recordOf, records: attendance.records };
}

export interface PeriodProgress {
  readonly kind: PeriodKind;
  readonly period: string;
  readonly done: number;
  readonly min: number;
  /** The minimum pro-rated to the date: ⌊min × the share of the period's days gone by⌋ (min once it has ended). */
  readonly requiredByNow: number;
  readonly ended: boolean;
}

/** `unrecorded`: behind on the visits recorded, on track if those not recorded yet were done. */
export type MemberStatus = 'behind' | 'unrecorded' | 'on-track' | 'done';

export interface MemberCompliance {
  readonly id: MemberId;
  readonly name: string;
  readonly status: MemberStatus;
  /** Their planned past visits not recorded (pending: counted neither as done nor as missed). */
  readonly unrecorded: readonly Visit[];
  /** Every period begun by the date, of every quota. */
  readonly periods: readonly PeriodProgress[];
}

export interface Compliance {
  readonly asOf: IsoDate;
  readonly happened: Happened;
  readonly members: readonly MemberCompliance[];
  /** The coverage period holding the date, and the cells without a visit done in it. */
  readonly coverage: { readonly period: string; readonly unvisited: readonly string[] };
  /** Reports due before the date with none sent; undefined when the file has no "report sent on" column. */
  readonly overdueReports?: readonly DueReport[];
}

function bounds(year: number, kind: PeriodKind, i: number): { start: DateTime; end: DateTime } {
  const months = [...Array(12).keys()].map((m) => m + 1).filter((m) => periodIndex(kind, m) === i);
  const start = DateTime.fromObject({ year, month: months[0]!, day: 1 }, { zone: 'utc' });
  const end = DateTime.fromObject({ year, month: months[months.length - 1]!, day: 1 }, { zone: 'utc' }).endOf('month');
  return { start, end: end.startOf('day') };
}

export function compliance(
  problem: Problem,
  plan: readonly Visit[],
  attendance: Attendance,
  asOf: IsoDate,
  unrecorded: Unrecorded,
): Compliance {
  const h = happened(problem, plan, attendance, asOf, unrecorded);
  const meetings = new MeetingIndex(problem.meetings);
  const today = DateTime.fromISO(asOf, { zone: 'utc' });
  const byMonth = (visits: readonly Visit[]) => {
    const out = new Map<string, number[]>();
    for (const v of visits) {
      const list = out.get(v.member) ?? Array<number>(12).fill(0);
      list[meetings.monthOf(v) - 1]!++;
      out.set(v.member, list);
    }
    return out;
  };
  const monthsDone = byMonth(h.done);
  const pending = unrecorded === 'pending' ? h.unrecorded : [];
  const monthsPending = byMonth(pending);
  const members: MemberCompliance[] = problem.members.map((m) => {
    const months = monthsDone.get(m.id) ?? Array<number>(12).fill(0);
    const maybe = monthsPending.get(m.id) ?? Array<number>(12).fill(0);
    const periods: PeriodProgress[] = [];
    let behind = false;
    let behindIfDone = false;
    let current = true;
    for (const q of m.quotas) {
      for (let i = 0; i < PERIODS_PER_YEAR[q.per]; i++) {
        const b = bounds(problem.year, q.per, i);
        if (today < b.start) continue;
        const days = b.end.diff(b.start, 'days').days + 1;
        const gone = Math.min(days, today.diff(b.start, 'days').days + 1);
        const ended = today >= b.end;
        const min = boundsIn(q, i).min;
        const requiredByNow = ended ? min : Math.floor((min * gone) / days + 1e-9);
        const done = months.reduce((s, n, mo) => s + (periodIndex(q.per, mo + 1) === i ? n : 0), 0);
        const open = maybe.reduce((s, n, mo) => s + (periodIndex(q.per, mo + 1) === i ? n : 0), 0);
        if (done < requiredByNow) behind = true;
        if (done + open < requiredByNow) behindIfDone = true;
        if (today <= b.end && done < min) current = false;
        periods.push({
          kind: q.per,
          period: periodLabel(q.per, problem.year, i),
          done,
          min,
          requiredByNow,
          ended,
        });
      }
    }
    const status: MemberStatus = behindIfDone ? 'behind' : behind ? 'unrecorded' : current ? 'done' : 'on-track';
    return { id: m.id, name: m.name, status, unrecorded: pending.filter((v) => v.member === m.id), periods };
  });
  const covKind = problem.policy.coverage.per;
  const month = Math.min(12, Math.max(1, today.year < problem.year ? 1 : today.year > problem.year ? 12 : today.month));
  const covIndex = periodIndex(covKind, month);
  const visited = new Set(
    h.done.filter((v) => periodIndex(covKind, meetings.monthOf(v)) === covIndex).map((v) => v.cell as string),
  );
  let overdueReports: DueReport[] | undefined;
  if (attendance.recordsReports) {
    overdueReports = periodicReports(problem, h.done).filter((r) => {
      if (r.due === undefined || r.due >= asOf || r.template.by !== 'member') return false;
      if (r.template.each === 'visit') {
        const v = r.visits[0]!;
        const rec =
          h.recordOf.get(v) ??
          h.records.find((x) => x.replacedBy === v.member && x.cell === v.cell && x.date === v.date);
        return rec?.reportedOn === undefined;
      }
      const sent = h.records.some(
        (x) =>
          x.reportedOn !== undefined &&
          (x.member === r.subject || x.replacedBy === r.subject) &&
          periodLabel(
            r.template.each as PeriodKind,
            problem.year,
            periodIndex(r.template.each as PeriodKind, monthOfDate(x.date)),
          ) === r.period,
      );
      return !sent;
    });
  }
  return {
    asOf,
    happened: h,
    members,
    coverage: {
      period: periodLabel(covKind, problem.year, covIndex),
      unvisited: problem.cells
        .filter((c) => !visited.has(c.id) && coverageIn(problem.policy, c, covIndex).min > 0)
        .map((c) => c.id as string),
    },
    ...(overdueReports !== undefined ? { overdueReports } : {}),
  };
}
