// What the report shows (issue 10, item 1), computed once from the spec and the plan's visits and rendered as HTML
// (./html.ts) and as a workbook (./xlsx.ts). The rules come from the checker, the figures from check/quality.ts.
import { boundBreaks, MeetingIndex, quotaPeriods } from '../domain/plan.js';
import { checkPlan, quality, RULES, type Quality } from '../check/index.js';
import { priorityOf } from '../check/quality.js';
import { catalogueEntry } from '../domain/rules.js';
import type { Problem, PeriodKind, RuleId, SolverReport, Violation, Visit } from '../domain/types.js';
import { meetingCalendar, type CalendarRow } from '../calendar/table.js';
import { sortVisits } from '../format/csv.js';
import { weekdayName } from '../calendar/meetings.js';
import { bare, type Lang } from '../format/labels.js';
import { describeViolation } from '../format/violationText.js';
import { periodicReports, type DueReport } from '../policies/periodic.js';
import type { Compliance, Unrecorded } from '../attendance/compliance.js';

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** Names sorted as people read them: "thôn 2" before "thôn 10", Vietnamese letters in their order. */
export const naturalCompare = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' }).compare;

export interface RuleStatus {
  readonly id: RuleId;
  readonly label: string;
  readonly violations: number;
}

export interface QuotaProgress {
  /** The period label: `2027`, `2027-Q1`, `2027-03`. */
  readonly period: string;
  readonly count: number;
  readonly min: number;
  readonly max?: number;
  /** The count is within the bounds. */
  readonly met: boolean;
}

export interface MemberRow {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly unit: string;
  readonly quotas: readonly { readonly per: PeriodKind; readonly periods: readonly QuotaProgress[] }[];
  /** Visits per month (index 0 = January). */
  readonly byMonth: readonly number[];
  readonly total: number;
  /** Every period of every quota has its minimum (and at most its maximum). */
  readonly meetsQuota: boolean;
}

export interface HeatCell {
  readonly month: number;
  /** Visits made or planned (with --attendance: done by the date, and planned after it). */
  readonly count: number;
  /** With --attendance: planned visits missed (or made by someone else). */
  readonly missed: number;
  /** Who visits that month, with the date: "Nguyễn Văn An (05/03)". */
  readonly who: readonly string[];
}

export interface CellRow {
  readonly id: string;
  readonly name: string;
  readonly unitId: string;
  readonly unit: string;
  readonly tags: readonly string[];
  readonly priority: number;
  readonly months: readonly HeatCell[];
  readonly total: number;
  readonly visitors: readonly string[];
  readonly firstMonth: number | null;
}

export interface UnitBlock {
  readonly id: string;
  readonly name: string;
  /** The unit's cells, sorted naturally by name. */
  readonly cells: readonly CellRow[];
  readonly byMonth: readonly number[];
}

/** One row of the assignment list: a visit as it is printed (date, weekday, time, cell, unit, member). */
export interface Assignment {
  readonly month: number;
  readonly date: string;
  readonly weekday: string;
  readonly start: string;
  readonly end: string;
  readonly memberId: string;
  readonly member: string;
  readonly cellId: string;
  readonly cell: string;
  readonly unit: string;
  /** With --attendance: done, missed, planned or not recorded. */
  readonly state?: string;
}

export interface ReportData {
  readonly lang: Lang;
  /** Every visit as a printable list, by date, then unit and cell (missed ones too, with --attendance). */
  readonly assignments: readonly Assignment[];
  readonly year: number;
  readonly policy: Problem['policy'];
  readonly visits: readonly Visit[];
  readonly rules: readonly RuleStatus[];
  /** Every violation in the user's words. */
  readonly violations: readonly string[];
  readonly quality: Quality;
  readonly byMonth: readonly number[];
  readonly units: readonly UnitBlock[];
  readonly members: readonly MemberRow[];
  readonly calendar: readonly CalendarRow[];
  readonly reports: readonly DueReport[];
  /** With --attendance: what happened by the date, and each member's standing. */
  readonly compliance?: Compliance;
  /** With --attendance: how past visits not recorded are counted. */
  readonly unrecordedAs?: Unrecorded;
  /** The solve stopped before its gap target (plan.json's solver): the report says so, with the gap. */
  readonly stopped?: { readonly by: 'time-limit' | 'user'; readonly gap?: number };
}

export type VisitState = 'done' | 'missed' | 'planned' | 'unrecorded';
const STATE_WORDS: Record<Lang, Record<VisitState, string>> = {
  vi: { done: 'đã dự', missed: 'vắng', planned: 'dự kiến', unrecorded: 'chưa ghi nhận' },
  en: { done: 'done', missed: 'missed', planned: 'planned', unrecorded: 'not recorded' },
};

const ddmm = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}`;

export function reportData(
  problem: Problem,
  visits: readonly Visit[],
  lang: Lang,
  c?: Compliance,
  solver?: SolverReport,
  unrecordedAs?: Unrecorded,
): ReportData {
  const meetings = new MeetingIndex(problem.meetings);
  // With attendance, the visits shown are those made by the date and those planned after it; missed ones aside.
  const h = c?.happened;
  const stateOf = new Map<Visit, VisitState>();
  // Visits not recorded and counted neither way (the default) are shown as such, not as done nor as missed.
  const missedSet = new Set(h?.missed.map((x) => x.visit));
  const open = h ? h.unrecorded.filter((v) => !h.done.includes(v) && !missedSet.has(v)) : [];
  if (h) {
    const unrecorded = new Set(h.unrecorded);
    for (const v of h.done) stateOf.set(v, unrecorded.has(v) ? 'unrecorded' : 'done');
    for (const v of open) stateOf.set(v, 'unrecorded');
    for (const v of h.ahead) stateOf.set(v, 'planned');
  }
  const sorted = sortVisits(h ? [...h.done, ...open, ...h.ahead] : visits);
  const states = h ? stateOf : undefined;
  const violations: Violation[] = checkPlan(problem, visits);
  const memberName = new Map(problem.members.map((m) => [m.id as string, m.name]));
  const cellName = new Map(problem.cells.map((c) => [c.id as string, c.name]));
  const unitName = new Map(problem.units.map((u) => [u.id as string, u.name]));
  const names = { memberName: (id: string) => memberName.get(id), cellName: (id: string) => cellName.get(id) };
  const count = new Map<RuleId, number>();
  for (const v of violations) count.set(v.rule, (count.get(v.rule) ?? 0) + 1);

  const byMonth = MONTHS.map(() => 0);
  const cellMonths = new Map<string, { count: number; missed: number; who: string[] }[]>();
  const memberMonths = new Map<string, number[]>();
  for (const v of sorted) {
    const m = meetings.monthOf(v);
    byMonth[m - 1]!++;
    const cm = cellMonths.get(v.cell) ?? MONTHS.map(() => ({ count: 0, missed: 0, who: [] as string[] }));
    cm[m - 1]!.count++;
    const state = states?.get(v);
    cm[m - 1]!.who.push(
      `${memberName.get(v.member) ?? v.member} (${ddmm(v.date)}${state ? `, ${STATE_WORDS[lang][state]}` : ''})`,
    );
    cellMonths.set(v.cell, cm);
    const mm = memberMonths.get(v.member) ?? MONTHS.map(() => 0);
    mm[m - 1]!++;
    memberMonths.set(v.member, mm);
  }

  for (const { visit: v } of h?.missed ?? []) {
    const m = meetings.monthOf(v);
    const cm = cellMonths.get(v.cell) ?? MONTHS.map(() => ({ count: 0, missed: 0, who: [] as string[] }));
    cm[m - 1]!.missed++;
    cm[m - 1]!.who.push(`${memberName.get(v.member) ?? v.member} (${ddmm(v.date)}, ${STATE_WORDS[lang].missed})`);
    cellMonths.set(v.cell, cm);
  }

  const visitorsOf = new Map<string, Set<string>>();
  for (const v of sorted) {
    const set = visitorsOf.get(v.cell) ?? new Set<string>();
    set.add(memberName.get(v.member)!);
    visitorsOf.set(v.cell, set);
  }
  const cellRows = new Map<string, CellRow>();
  for (const c of problem.cells) {
    const cm = cellMonths.get(c.id) ?? MONTHS.map(() => ({ count: 0, missed: 0, who: [] as string[] }));
    const visitors = [...(visitorsOf.get(c.id) ?? [])];
    const first = cm.findIndex((x) => x.count > 0);
    cellRows.set(c.id, {
      id: c.id,
      name: c.name,
      unitId: c.unit,
      unit: unitName.get(c.unit) ?? c.unit,
      tags: c.tags,
      priority: priorityOf(problem, c.tags),
      months: cm.map((x, i) => ({ month: i + 1, count: x.count, missed: x.missed, who: x.who })),
      total: cm.reduce((s, x) => s + x.count, 0),
      visitors,
      firstMonth: first < 0 ? null : first + 1,
    });
  }
  const units: UnitBlock[] = problem.units
    .map((u) => {
      const cells = problem.cells
        .filter((c) => c.unit === u.id)
        .map((c) => cellRows.get(c.id)!)
        .sort((a, b) => naturalCompare(bare(a.name), bare(b.name)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return {
        id: u.id as string,
        name: u.name,
        cells,
        byMonth: MONTHS.map((m) => cells.reduce((s, c) => s + c.months[m - 1]!.count, 0)),
      };
    })
    .filter((u) => u.cells.length > 0);

  // The members' quota column is the plan's (the rules hold or not for the plan); progress is the compliance column.
  const planMonths = new Map<string, number[]>();
  for (const v of visits) {
    const mm = planMonths.get(v.member) ?? MONTHS.map(() => 0);
    mm[meetings.monthOf(v) - 1]!++;
    planMonths.set(v.member, mm);
  }
  const members = memberRows(problem, h ? planMonths : memberMonths, unitName);
  const cellOf = new Map(problem.cells.map((c) => [c.id as string, c]));
  const listed: [Visit, VisitState | 'missed' | undefined][] = [
    ...sorted.map((v): [Visit, VisitState | undefined] => [v, states?.get(v)]),
    ...(h?.missed ?? []).map(({ visit }): [Visit, 'missed'] => [visit, 'missed']),
  ];
  const assignments = listed
    .map(([v, state]): Assignment => {
      const unit = cellOf.get(v.cell)?.unit as string | undefined;
      return {
        month: meetings.monthOf(v),
        date: v.date,
        weekday: weekdayName(v.date, lang),
        start: v.start,
        end: v.end,
        memberId: v.member,
        member: memberName.get(v.member) ?? v.member,
        cellId: v.cell,
        cell: cellName.get(v.cell) ?? v.cell,
        unit: unit === undefined ? '' : (unitName.get(unit) ?? unit),
        ...(state ? { state: STATE_WORDS[lang][state] } : {}),
      };
    })
    .sort(
      (a, b) =>
        (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
        naturalCompare(a.unit, b.unit) ||
        naturalCompare(bare(a.cell), bare(b.cell)) ||
        naturalCompare(a.member, b.member),
    );

  return {
    lang,
    assignments,
    year: problem.year,
    policy: problem.policy,
    visits: sorted,
    rules: RULES.map((r) => ({ id: r.id, label: catalogueEntry(r.id).label[lang], violations: count.get(r.id) ?? 0 })),
    violations: violations.map((v) => describeViolation(v, lang, names)),
    quality: quality(problem, visits),
    byMonth,
    units,
    members,
    calendar: meetingCalendar(problem, lang),
    reports: periodicReports(problem, sorted),
    ...(c ? { compliance: c, unrecordedAs: unrecordedAs ?? 'pending' } : {}),
    ...(solver?.stopped
      ? { stopped: { by: solver.stopped, ...(solver.gap !== undefined ? { gap: solver.gap } : {}) } }
      : {}),
  };
}

/** Per member: quota progress per period of each quota (the same period counts as the rules), visits by month. */
function memberRows(
  problem: Problem,
  memberMonths: ReadonlyMap<string, readonly number[]>,
  unitName: ReadonlyMap<string, string>,
): MemberRow[] {
  return problem.members.map((m) => {
    const months = memberMonths.get(m.id) ?? MONTHS.map(() => 0);
    const visitMonths = MONTHS.flatMap((mo) => Array<number>(months[mo - 1]!).fill(mo));
    const counted = quotaPeriods(m, problem.year, visitMonths, (mo) => mo);
    const meets = counted.every((p) => boundBreaks(p.items.length, p.bounds).length === 0);
    const quotas = m.quotas.map((q, qi) => ({
      per: q.per,
      periods: counted
        .filter((p) => p.quotaIndex === qi)
        .map((p) => ({
          period: p.period.label,
          count: p.items.length,
          min: p.bounds.min,
          ...(p.bounds.max !== undefined ? { max: p.bounds.max } : {}),
          met: boundBreaks(p.items.length, p.bounds).length === 0,
        })),
    }));
    return {
      id: m.id,
      name: m.name,
      role: m.role,
      unit: unitName.get(m.unit) ?? m.unit,
      quotas,
      byMonth: months,
      total: months.reduce((a, b) => a + b, 0),
      meetsQuota: meets,
    };
  });
}
