// The regulations' periodic reports (issue 10): which report each member (or unit) owes, for which period or visit,
// by when, and the visits it covers. The templates are policy data (src/policies/presets, `reports:`), each citing
// its article; a role with `report_due_days` and no per-visit template gets the general one below.
import { DateTime } from 'luxon';
import { MeetingIndex } from '../domain/plan.js';
import { periodIndex, periodLabel, PERIODS_PER_YEAR } from '../domain/periods.js';
import type { IsoDate, Problem, ReportTemplate, Visit } from '../domain/types.js';

/** A report after each visit for roles whose `report_due_days` no template of the policy covers. */
export const GENERAL_VISIT_REPORT: ReportTemplate = {
  id: 'visit',
  title: { vi: 'Báo cáo sau khi dự sinh hoạt chi bộ', en: 'Report after attending a cell meeting' },
  article: 'report_due_days',
  each: 'visit',
  by: 'member',
  sections: [
    {
      fields: [
        { vi: 'Thời gian, chi bộ tới dự sinh hoạt', en: 'Time and cell attended', fill: 'visits' },
        { vi: 'Nội dung, chất lượng buổi sinh hoạt', en: 'Content and quality of the meeting' },
        { vi: 'Những vấn đề cần quan tâm', en: 'Issues to watch' },
        { vi: 'Kiến nghị, đề xuất', en: 'Proposals' },
      ],
    },
  ],
};

export interface DueReport {
  readonly template: ReportTemplate;
  /** The member's id (`by: member`) or the unit's id (`by: unit`). */
  readonly subject: string;
  /** `2027-Q1` for a period, the visit's date for a visit. */
  readonly period: string;
  /** The day it is due; absent when the document sets none. */
  readonly due?: IsoDate;
  readonly visits: readonly Visit[];
}

function lastMonthDay(year: number, month: number, day: number): IsoDate {
  const first = DateTime.fromObject({ year, month, day: 1 });
  return first.set({ day: Math.min(day, first.daysInMonth!) }).toISODate()!;
}

/** Every report owed under the policy for the plan's visits (sorted by visit date), in template order. */
export function periodicReports(problem: Problem, visits: readonly Visit[]): DueReport[] {
  const meetings = new MeetingIndex(problem.meetings);
  const cells = new Map(problem.cells.map((c) => [c.id as string, c]));
  const policy = problem.policy;
  const templates = [...(policy.reports ?? [])];
  const covered = new Set(
    templates.filter((t) => t.each === 'visit').flatMap((t) => t.roles ?? Object.keys(policy.roles)),
  );
  const uncovered = Object.keys(policy.roles).filter(
    (r) => policy.roles[r]!.reportDueDays !== undefined && !covered.has(r),
  );
  if (uncovered.length > 0) templates.push({ ...GENERAL_VISIT_REPORT, roles: uncovered });

  const role = new Map(problem.members.map((m) => [m.id as string, m.role]));
  const out: DueReport[] = [];
  for (const t of templates) {
    const roles = new Set(t.roles ?? Object.keys(policy.roles));
    const mine = visits.filter((v) => roles.has(role.get(v.member)!));
    if (t.each === 'visit') {
      for (const v of mine) {
        const days = t.dueAfterDays ?? policy.roles[role.get(v.member)!]?.reportDueDays;
        if (days === undefined) continue;
        const subject = t.by === 'unit' ? (cells.get(v.cell)?.unit ?? v.cell) : v.member;
        out.push({
          template: t,
          subject,
          period: v.date,
          due: DateTime.fromISO(v.date).plus({ days }).toISODate()!,
          visits: [v],
        });
      }
      continue;
    }
    const kind = t.each;
    const subjects =
      t.by === 'unit'
        ? problem.units.filter((u) => problem.cells.some((c) => c.unit === u.id)).map((u) => u.id as string)
        : problem.members.filter((m) => roles.has(m.role)).map((m) => m.id as string);
    if (t.by === 'unit' && !problem.members.some((m) => roles.has(m.role))) continue;
    const subjectOf = (v: Visit) => (t.by === 'unit' ? (cells.get(v.cell)?.unit as string) : (v.member as string));
    for (const s of subjects) {
      for (let i = 0; i < PERIODS_PER_YEAR[kind]; i++) {
        const inPeriod = mine.filter((v) => subjectOf(v) === s && periodIndex(kind, meetings.monthOf(v)) === i);
        const lastMonth = [...Array(12).keys()]
          .map((m) => m + 1)
          .filter((m) => periodIndex(kind, m) === i)
          .pop()!;
        out.push({
          template: t,
          subject: s,
          period: periodLabel(kind, problem.year, i),
          ...(t.dueDay !== undefined ? { due: lastMonthDay(problem.year, lastMonth, t.dueDay) } : {}),
          visits: inPeriod,
        });
      }
    }
  }
  return out;
}

/** Who writes a report: the member's or the unit's name. */
export function subjectNames(problem: Problem): (r: DueReport) => string {
  const member = new Map(problem.members.map((m) => [m.id as string, m.name]));
  const unit = new Map(problem.units.map((u) => [u.id as string, u.name]));
  return (r) => (r.template.by === 'unit' ? unit.get(r.subject) : member.get(r.subject)) ?? r.subject;
}
