// plan.json (SPEC §3): written with stable key order so the same plan gives the same bytes, and read back with the
// one schema of ./schema.ts, either for checking against a spec or on its own (calendars, the feed server).
import { MeetingIndex } from '../domain/plan.js';
import { parseJson } from '../util/files.js';
import type {
  CancelledVisit,
  CellId,
  Directory,
  MemberId,
  Plan,
  Policy,
  Problem,
  ReplanInfo,
  ReportTemplate,
  SolverReport,
  UnitId,
  Violation,
  Visit,
} from '../domain/types.js';
import { resolvePolicy } from '../policies/index.js';
import { fromZod } from '../schema/zodIssues.js';
import { issue, near, type InputIssue, type Result } from '../util/issues.js';
import { sortVisits } from '../format/csv.js';
import type { Lang } from '../format/labels.js';
import { describeViolation } from '../format/violationText.js';
import { DOCUMENT_FIELDS, PLAN_FORMAT, PlanJson, type PlanJsonDoc } from './schema.js';

export { PLAN_FORMAT } from './schema.js';

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
    ...(p.reports ? { reports: p.reports.map(reportToJson) } : {}),
    coverage: p.coverage,
    max_visitors_per_meeting: p.maxVisitorsPerMeeting,
    max_per_team_per_meeting: p.maxPerTeamPerMeeting,
    no_consecutive: p.noConsecutive,
    skip_home_cell: p.skipHomeCell,
    max_visits_per_day: p.maxVisitsPerDay,
    priority: p.priority,
  };
}

function reportToJson(r: ReportTemplate): Record<string, unknown> {
  return {
    id: r.id,
    title: r.title,
    article: r.article,
    each: r.each,
    by: r.by,
    ...(r.roles ? { roles: r.roles } : {}),
    ...(r.dueDay !== undefined ? { due_day: r.dueDay } : {}),
    ...(r.dueAfterDays !== undefined ? { due_after_days: r.dueAfterDays } : {}),
    sections: r.sections,
  };
}

function solverToJson(s: SolverReport | undefined): PlanJsonDoc['solver'] {
  if (!s) return null;
  return {
    status: s.status,
    backend: s.backend ?? null,
    seed: s.seed ?? null,
    ...(s.method ? { method: s.method } : {}),
    objective: s.objective ?? null,
    bound: s.bound ?? null,
    gap: s.gap ?? null,
    ...(s.stopped ? { stopped: s.stopped } : {}),
    time_ms: s.timeMs ?? null,
    ...(s.timeline ? { timeline: s.timeline.map((p) => ({ ...p })) } : {}),
  };
}

/** The meeting (YYYY-MM of its kỳ) each visit attends; the date's month for a visit off the calendar. */
export function meetingKeys(problem: Pick<Problem, 'meetings' | 'year'>, visits: readonly Visit[]): Map<Visit, string> {
  const meetings = new MeetingIndex(problem.meetings);
  return new Map(visits.map((v) => [v, `${v.date.slice(0, 4)}-${String(meetings.monthOf(v)).padStart(2, '0')}`]));
}

export function renderPlanJson(
  problem: Problem,
  plan: Plan,
  violations: readonly Violation[],
  generatedAt: string,
  lang: Lang = 'vi',
): string {
  return planJsonText(planJson(problem, plan, violations, generatedAt, lang));
}

/** plan.json's text: its document with the writer's key order, two spaces of indent and a final newline. */
export function planJsonText(doc: PlanJsonDoc): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

/**
 * The document plan.json holds, as written: what renderPlanJson writes and documentOfWritten reads. Its violations
 * may be given later (withViolations): the calendars and spreadsheets do not need them.
 */
export function planJson(
  problem: Problem,
  plan: Plan,
  violations: readonly Violation[],
  generatedAt: string,
  lang: Lang = 'vi',
): PlanJsonDoc {
  const meeting = meetingKeys(problem, plan.visits);
  const doc: PlanJsonDoc = {
    format: PLAN_FORMAT,
    spec_hash: problem.specHash,
    generated_at: generatedAt,
    year: problem.year,
    timezone: problem.timezone,
    policy: policyToJson(problem.policy),
    solver: solverToJson(plan.solver),
    counts: { visits: plan.visits.length, violations: 0 },
    visits: sortVisits(plan.visits).map((v) => ({
      member: v.member,
      cell: v.cell,
      date: v.date,
      start: v.start,
      end: v.end,
      status: v.status,
      meeting: meeting.get(v),
      ...identityToJson(v),
    })),
    ...(plan.cancelled && plan.cancelled.length > 0
      ? {
          cancelled: sortVisits(plan.cancelled).map((v) => {
            const c = v as CancelledVisit;
            return {
              member: c.member,
              cell: c.cell,
              date: c.date,
              start: c.start,
              end: c.end,
              status: c.status,
              meeting: meetingKeys(problem, [c]).get(c),
              uid: c.identity.uid,
              sequence: c.identity.sequence,
              stamp: c.identity.stamp,
              until: c.until,
            };
          }),
        }
      : {}),
    ...(plan.replan
      ? {
          replan: {
            from: plan.replan.from,
            previous_generated_at: plan.replan.previousGeneratedAt,
            unrecorded: plan.replan.unrecorded,
            kept: plan.replan.kept,
            moved: plan.replan.moved,
            added: plan.replan.added,
            removed: plan.replan.removed,
          },
        }
      : {}),
    violations: [],
    // Names, so that exports (CSV, calendars) can be made from plan.json alone.
    directory: {
      units: problem.units.map((u) => ({ id: u.id, name: u.name, level: u.level, parent: u.parent ?? null })),
      cells: problem.cells.map((c) => ({ id: c.id, name: c.name, unit: c.unit, tags: [...c.tags] })),
      members: problem.members.map((m) => ({
        id: m.id,
        name: m.name,
        role: m.role,
        unit: m.unit,
        team: m.team ?? null,
      })),
    },
  };
  return withViolations(doc, problem, violations, lang);
}

/** A plan document with these violations (its count and its list; every other field, and the key order, kept). */
export function withViolations(
  doc: PlanJsonDoc,
  problem: Problem,
  violations: readonly Violation[],
  lang: Lang = 'vi',
): PlanJsonDoc {
  const memberName = new Map(problem.members.map((m) => [m.id as string, m.name]));
  const cellName = new Map(problem.cells.map((c) => [c.id as string, c.name]));
  const names = { memberName: (id: string) => memberName.get(id), cellName: (id: string) => cellName.get(id) };
  return {
    ...doc,
    counts: { visits: doc.visits.length, violations: violations.length },
    violations: violations.map((v) => ({
      rule: v.rule,
      member: v.member ?? null,
      cell: v.cell ?? null,
      date: v.date ?? null,
      period: v.period ?? null,
      team: v.team ?? null,
      bound: v.bound,
      limit: v.limit,
      count: v.count,
      ...(v.involved ? { involved: [...v.involved] } : {}),
      ...(v.proven !== undefined ? { proven: v.proven } : {}),
      text: describeViolation(v, lang, names).replace(/^✖ /, ''),
    })),
  };
}

function parse(text: string, file: string, need: readonly string[] = []): Result<ParsedPlan> {
  const json = parseJson(text.replace(/^\uFEFF/, ''), file, true);
  if (!json.ok) return json;
  const raw: unknown = json.value;
  const parsed = PlanJson.safeParse(raw);
  const missing = need
    .filter((f) => raw === null || typeof raw !== 'object' || (raw as Record<string, unknown>)[f] === undefined)
    .map((f) => issue(file, [f], 'plan.required-field'));
  if (!parsed.success) {
    const zodIssues = fromZod(file, PlanJson, raw, parsed.error.issues);
    const said = new Set(zodIssues.map((i) => i.path.join('.')));
    return { ok: false, issues: [...zodIssues, ...missing.filter((m) => !said.has(m.path.join('.')))] };
  }
  if (missing.length > 0) return { ok: false, issues: missing };
  return { ok: true, value: parsed.data };
}

function unknownIds(
  file: string,
  visits: ReadonlyArray<{ member: string; cell: string }>,
  members: ReadonlySet<string>,
  cells: ReadonlySet<string>,
): InputIssue[] {
  const issues: InputIssue[] = [];
  visits.forEach((v, i) => {
    if (!members.has(v.member))
      issues.push(
        issue(file, ['visits', i, 'member'], 'plan.unknown-member', { id: v.member, near: near(v.member, members) }),
      );
    if (!cells.has(v.cell))
      issues.push(issue(file, ['visits', i, 'cell'], 'plan.unknown-cell', { id: v.cell, near: near(v.cell, cells) }));
  });
  return issues;
}

/**
 * One line instead of hundreds (issue 24, item 3): a plan whose members and cells are mostly not in the spec — or any
 * not, when plan.json says it was made from another spec — was made for another spec.
 */
export function otherSpec(
  file: string,
  visits: ReadonlyArray<{ member: string; cell: string }>,
  problem: Pick<Problem, 'members' | 'cells'>,
  hashDiffers: boolean,
): InputIssue | undefined {
  const planMembers = new Set(visits.map((v) => v.member));
  const planCells = new Set(visits.map((v) => v.cell));
  const memberIds = new Set(problem.members.map((m) => m.id as string));
  const cellIds = new Set(problem.cells.map((c) => c.id as string));
  const knownMembers = [...planMembers].filter((m) => memberIds.has(m)).length;
  const knownCells = [...planCells].filter((c) => cellIds.has(c)).length;
  const unknown = knownMembers < planMembers.size || knownCells < planCells.size;
  const mostly = knownMembers * 2 < planMembers.size || knownCells * 2 < planCells.size;
  if (!unknown || !(mostly || hashDiffers)) return undefined;
  return issue(file, [], 'plan.other-spec', {
    known: knownMembers,
    members: planMembers.size,
    knownCells,
    cells: planCells.size,
    hash: hashDiffers ? 1 : '',
  });
}

/** A visit's calendar identity as plan.json keeps it: only what a re-plan set (a fresh plan's visits have none). */
function identityToJson(v: Visit): { uid?: string; sequence?: number; stamp?: string } {
  if (!v.identity) return {};
  return { uid: v.identity.uid, sequence: v.identity.sequence, stamp: v.identity.stamp };
}

function replanInfo(r: NonNullable<ReturnType<typeof PlanJson.parse>['replan']>): ReplanInfo {
  return {
    from: r.from,
    previousGeneratedAt: r.previous_generated_at,
    unrecorded: r.unrecorded,
    kept: r.kept,
    moved: r.moved,
    added: r.added,
    removed: r.removed,
  };
}

type VisitJsonValue = ReturnType<typeof PlanJson.parse>['visits'][number];

function toVisit(v: VisitJsonValue, generatedAt?: string): Visit {
  const identity =
    v.uid !== undefined || v.sequence !== undefined || v.stamp !== undefined
      ? {
          identity: {
            uid: v.uid ?? defaultUid(v),
            sequence: v.sequence ?? 0,
            stamp: v.stamp ?? generatedAt ?? '',
          },
        }
      : {};
  return {
    member: v.member as MemberId,
    cell: v.cell as CellId,
    date: v.date,
    start: v.start,
    end: v.end,
    status: v.status,
    ...identity,
  };
}

/** The UID of a visit without one of its own: its meeting month, member and cell (stable across re-plans). */
export function defaultUid(v: { member: string; cell: string; date: string; meeting?: string | undefined }): string {
  return `${v.meeting ?? v.date.slice(0, 7)}.${v.member}.${v.cell}@lichdu`;
}

export interface ReadPlan {
  readonly plan: Plan;
  /** Set when the plan was made from a different spec file than the one given. */
  readonly specHashMismatch?: { readonly plan: string; readonly spec: string };
  /** Values a spreadsheet wrote differently and lichdu read anyway (plan.csv, plan.xlsx), one line per kind. */
  readonly notes?: readonly InputIssue[];
}

/** The solver's outcome as plan.json has it (what the report says of a stopped plan). */
function solverFromJson(s: NonNullable<PlanJsonDoc['solver']>): SolverReport {
  return {
    status: s.status,
    ...(s.objective !== null ? { objective: s.objective } : {}),
    ...(s.bound !== null ? { bound: s.bound } : {}),
    ...(s.gap !== null ? { gap: s.gap } : {}),
    ...(s.stopped ? { stopped: s.stopped } : {}),
  };
}

/** plan.json read against a spec: its visits, with every member and cell id resolved. */
export function readJsonPlan(
  text: string,
  file: string,
  problem: Pick<Problem, 'members' | 'cells' | 'specHash'>,
): Result<ReadPlan> {
  const parsed = parse(text, file);
  if (!parsed.ok) return parsed;
  const d = parsed.value;
  const other = otherSpec(file, d.visits, problem, !!d.spec_hash && d.spec_hash !== problem.specHash);
  if (other) return { ok: false, issues: [other] };
  const issues = unknownIds(
    file,
    d.visits,
    new Set(problem.members.map((m) => m.id as string)),
    new Set(problem.cells.map((c) => c.id as string)),
  );
  if (issues.length > 0) return { ok: false, issues };
  const visits: Visit[] = d.visits.map((v) => toVisit(v, d.generated_at));
  const hash = d.spec_hash;
  return {
    ok: true,
    value: {
      plan: {
        visits,
        ...(hash ? { specHash: hash } : {}),
        ...(d.replan ? { replan: replanInfo(d.replan) } : {}),
        ...(d.solver ? { solver: solverFromJson(d.solver) } : {}),
      },
      ...(hash && hash !== problem.specHash ? { specHashMismatch: { plan: hash, spec: problem.specHash } } : {}),
    },
  };
}

export interface PlanVisit extends Visit {
  /** The meeting month (YYYY-MM) the visit attends: part of its identity. */
  readonly meeting: string;
  /** What the attendance file says happened (src/attendance/feeds.ts); shown in the calendars, never in plan.json. */
  readonly attended?: VisitOutcome;
}

/** A visit's outcome as calendars show it: done, missed, made by someone else, or made for someone else. */
export interface VisitOutcome {
  readonly result: 'done' | 'missed' | 'replaced' | 'substitute';
  /** The other member's name (who went instead, or whom this member replaced). */
  readonly other?: string;
  readonly reason?: string;
}

/** A plan.json read on its own (no spec): what exports and the feed server need. */
export interface PlanDocument extends Directory {
  readonly specHash: string;
  /** ISO-8601 UTC. */
  readonly generatedAt: string;
  readonly visits: readonly PlanVisit[];
  /** Removed visits still shown as cancelled (re-plan with --keep-cancelled). */
  readonly cancelled: readonly (CancelledVisit & { readonly meeting: string })[];
  readonly replan?: ReplanInfo;
}

export function readPlanDocument(text: string, file: string): Result<PlanDocument> {
  const parsed = parse(text, file, DOCUMENT_FIELDS);
  if (!parsed.ok) return parsed;
  const d = parsed.value;
  const dir = d.directory!;
  const issues = unknownIds(file, d.visits, new Set(dir.members.map((m) => m.id)), new Set(dir.cells.map((c) => c.id)));
  if (issues.length > 0) return { ok: false, issues };
  return documentOf(d, file);
}

/**
 * The document of a plan.json this process has just made (planJson), as readPlanDocument would read its text, without
 * writing and parsing the text again (on 2,800 cells that was 0.2 s of every plan): the writer gives every field the
 * schema's readers need (test/planfile/document.test.ts holds the two equal).
 */
export function documentOfWritten(d: PlanJsonDoc): Result<PlanDocument> {
  return documentOf(d as ParsedPlan, 'plan.json');
}

type ParsedPlan = ReturnType<typeof PlanJson.parse>;

/** A parsed plan.json that has DOCUMENT_FIELDS as the document the exports and the feed server use. */
function documentOf(d: ParsedPlan, file: string): Result<PlanDocument> {
  const policy = resolvePolicy(d.policy, file, ['policy']);
  if (!policy.ok) return policy;
  const dir = d.directory!;
  return {
    ok: true,
    value: {
      specHash: d.spec_hash!,
      generatedAt: d.generated_at!,
      year: d.year!,
      timezone: d.timezone!,
      policy: policy.value,
      units: dir.units.map((u) => ({
        id: u.id as UnitId,
        name: u.name,
        level: u.level,
        ...(u.parent !== null ? { parent: u.parent as UnitId } : {}),
      })),
      cells: dir.cells.map((c) => ({ id: c.id as CellId, name: c.name, unit: c.unit as UnitId, tags: c.tags })),
      members: dir.members.map((m) => ({
        id: m.id as MemberId,
        name: m.name,
        role: m.role,
        unit: m.unit as UnitId,
        ...(m.team !== null ? { team: m.team } : {}),
      })),
      visits: d.visits.map((v) => ({ ...toVisit(v, d.generated_at), meeting: v.meeting ?? v.date.slice(0, 7) })),
      cancelled: (d.cancelled ?? []).map((c) => ({
        ...toVisit(c),
        meeting: c.meeting ?? c.date.slice(0, 7),
        identity: { uid: c.uid, sequence: c.sequence, stamp: c.stamp },
        until: c.until,
      })),
      ...(d.replan ? { replan: replanInfo(d.replan) } : {}),
    },
  };
}
