// plan.json (SPEC §3): the whole result, with stable key order so the same plan gives the same bytes.
import { z } from 'zod';
import type { CellId, MemberId, Plan, Policy, Problem, SolverReport, Violation, Visit } from '../domain/types.js';
import { DateStr, Id, Time } from '../spec/primitives.js';
import { fromZod } from '../spec/zodIssues.js';
import { didYouMean, type InputIssue, type Result } from '../util/issues.js';
import { sortVisits } from './csv.js';

export const PLAN_FORMAT = 'lichdu-plan/1';

/** The policy in the spec's own (snake_case) shape, so it can be pasted into a spec as an inline policy. */
export function policyToJson(p: Policy): Record<string, unknown> {
  return {
    id: p.id,
    title: p.title,
    ...(p.source ? { source: p.source } : {}),
    ...(p.notes ? { notes: p.notes } : {}),
    roles: Object.fromEntries(
      Object.entries(p.roles).map(([id, r]) => [
        id,
        {
          quota: r.quota,
          ...(r.reportDueDays !== undefined ? { report_due_days: r.reportDueDays } : {}),
          ...(r.label ? { label: r.label } : {}),
        },
      ]),
    ),
    coverage: p.coverage,
    max_visitors_per_meeting: p.maxVisitorsPerMeeting,
    max_per_team_per_meeting: p.maxPerTeamPerMeeting,
    no_consecutive: p.noConsecutive,
    skip_home_cell: p.skipHomeCell,
    max_visits_per_day: p.maxVisitsPerDay,
    priority: p.priority,
  };
}

function solverToJson(s: SolverReport | undefined): Record<string, unknown> | null {
  if (!s) return null;
  return {
    status: s.status,
    backend: s.backend ?? null,
    seed: s.seed ?? null,
    objective: s.objective ?? null,
    bound: s.bound ?? null,
    gap: s.gap ?? null,
    time_ms: s.timeMs ?? null,
  };
}

/** The meeting (YYYY-MM of its kỳ) each visit attends; the date's month for a visit off the calendar. */
export function meetingKeys(problem: Pick<Problem, 'meetings' | 'year'>, visits: readonly Visit[]): Map<Visit, string> {
  const at = new Map(problem.meetings.map((m) => [`${m.cell}|${m.date}`, m.month]));
  return new Map(
    visits.map((v) => [
      v,
      `${v.date.slice(0, 4)}-${String(at.get(`${v.cell}|${v.date}`) ?? Number(v.date.slice(5, 7))).padStart(2, '0')}`,
    ]),
  );
}

export function renderPlanJson(
  problem: Problem,
  plan: Plan,
  violations: readonly Violation[],
  generatedAt: string,
): string {
  const meeting = meetingKeys(problem, plan.visits);
  const doc = {
    format: PLAN_FORMAT,
    spec_hash: problem.specHash,
    generated_at: generatedAt,
    year: problem.year,
    timezone: problem.timezone,
    policy: policyToJson(problem.policy),
    solver: solverToJson(plan.solver),
    counts: { visits: plan.visits.length, violations: violations.length },
    visits: sortVisits(plan.visits).map((v) => ({
      member: v.member,
      cell: v.cell,
      date: v.date,
      start: v.start,
      end: v.end,
      status: v.status,
      meeting: meeting.get(v),
    })),
    violations: violations.map((v) => ({
      rule: v.rule,
      member: v.member ?? null,
      cell: v.cell ?? null,
      date: v.date ?? null,
      period: v.period ?? null,
      required: v.required,
      found: v.found,
    })),
    // Names, so that exports (CSV, calendars) can be made from plan.json alone.
    directory: {
      units: problem.units.map((u) => ({ id: u.id, name: u.name, level: u.level, parent: u.parent ?? null })),
      cells: problem.cells.map((c) => ({ id: c.id, name: c.name, unit: c.unit, tags: c.tags })),
      members: problem.members.map((m) => ({
        id: m.id,
        name: m.name,
        role: m.role,
        unit: m.unit,
        team: m.team ?? null,
      })),
    },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

export const VisitJson = z.strictObject({
  member: Id,
  cell: Id,
  date: DateStr,
  start: Time,
  end: Time,
  status: z.enum(['planned', 'fixed'], {
    error: (i) => `${JSON.stringify(i.input)} is not a status: use planned or fixed`,
  }),
  meeting: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'expected the meeting month YYYY-MM' })
    .optional(),
});

export const PlanJson = z.looseObject({
  format: z.literal(PLAN_FORMAT, {
    error: (i) => `${JSON.stringify(i.input)} is not a plan format this version reads (expected "${PLAN_FORMAT}")`,
  }),
  spec_hash: z.string().optional(),
  visits: z.array(VisitJson),
});

export interface ReadPlan {
  readonly plan: Plan;
  /** Set when the plan was made from a different spec file than the one given. */
  readonly specHashMismatch?: { readonly plan: string; readonly spec: string };
}

export function readJsonPlan(
  text: string,
  file: string,
  problem: Pick<Problem, 'members' | 'cells' | 'specHash'>,
): Result<ReadPlan> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, issues: [{ file, path: [], message: `not valid JSON: ${(err as Error).message}` }] };
  }
  const parsed = PlanJson.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: fromZod(file, PlanJson, raw, parsed.error.issues) };
  const memberIds = new Set(problem.members.map((m) => m.id as string));
  const cellIds = new Set(problem.cells.map((c) => c.id as string));
  const issues: InputIssue[] = [];
  parsed.data.visits.forEach((v, i) => {
    if (!memberIds.has(v.member))
      issues.push({
        file,
        path: ['visits', i, 'member'],
        message: `unknown member "${v.member}"${didYouMean(v.member, memberIds)}`,
      });
    if (!cellIds.has(v.cell))
      issues.push({
        file,
        path: ['visits', i, 'cell'],
        message: `unknown cell "${v.cell}"${didYouMean(v.cell, cellIds)}`,
      });
  });
  if (issues.length > 0) return { ok: false, issues };
  const visits: Visit[] = parsed.data.visits.map((v) => ({
    member: v.member as MemberId,
    cell: v.cell as CellId,
    date: v.date,
    start: v.start,
    end: v.end,
    status: v.status,
  }));
  const hash = parsed.data.spec_hash;
  return {
    ok: true,
    value: {
      plan: { visits, ...(hash ? { specHash: hash } : {}) },
      ...(hash && hash !== problem.specHash ? { specHashMismatch: { plan: hash, spec: problem.specHash } } : {}),
    },
  };
}
