// Built-in policy presets (one YAML file per regulation, each citing its document) and inline policies.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Policy, ReportTemplate, RolePolicy } from '../domain/types.js';
import { issue, near, type InputIssue, type PathSegment, type Result } from '../util/issues.js';
import { describeValue } from '../schema/primitives.js';
import { packageRoot } from '../util/paths.js';
import { fromZod } from '../schema/zodIssues.js';
import { PolicyInput } from './schema.js';

/** The defaults of SPEC §2, used where a policy (or its document) says nothing. */
export const POLICY_DEFAULTS = {
  coverage: { min: 1, per: 'year' },
  maxVisitorsPerMeeting: 1,
  maxPerTeamPerMeeting: 1,
  noConsecutive: true,
  skipHomeCell: true,
  maxVisitsPerDay: 1,
  priority: { remote: 3, ethnic: 2, religious: 2, complex: 2 },
} as const satisfies Partial<Policy>;

function normalise(input: PolicyInput, base: Policy | undefined): Policy {
  const roles: Record<string, RolePolicy> = { ...(base?.roles ?? {}) };
  for (const [id, r] of Object.entries(input.roles ?? {})) {
    // A role of the base preset that the policy names again keeps what the policy does not override. Roles are own
    // properties, defined (not assigned), so that a role named like a prototype member is just a name.
    const inherited = base && Object.hasOwn(base.roles, id) ? base.roles[id] : undefined;
    Object.defineProperty(roles, id, {
      enumerable: true,
      writable: true,
      configurable: true,
      value: {
        ...(inherited ?? {}),
        quota: r.quota.map((q) =>
          q.max === undefined ? { min: q.min, per: q.per } : { min: q.min, max: q.max, per: q.per },
        ),
        ...(r.report_due_days !== undefined ? { reportDueDays: r.report_due_days } : {}),
        ...(r.label !== undefined ? { label: r.label } : {}),
      },
    });
  }
  const d = base ?? POLICY_DEFAULTS;
  const source = input.source ?? (input.extends === undefined ? undefined : base?.source);
  const notes = input.notes ?? base?.notes;
  const reports: readonly ReportTemplate[] | undefined =
    input.reports?.map((r) => ({
      id: r.id,
      title: r.title,
      article: r.article,
      each: r.each,
      by: r.by ?? 'member',
      ...(r.roles !== undefined ? { roles: r.roles } : {}),
      ...(r.due_day !== undefined ? { dueDay: r.due_day } : {}),
      ...(r.due_after_days !== undefined ? { dueAfterDays: r.due_after_days } : {}),
      sections: r.sections.map((sec) => ({
        ...(sec.title !== undefined ? { title: sec.title } : {}),
        fields: sec.fields.map((f) => ({ vi: f.vi, en: f.en, ...(f.fill !== undefined ? { fill: f.fill } : {}) })),
      })),
    })) ?? base?.reports;
  return {
    id: input.id,
    title: input.title ?? base?.title ?? input.id,
    ...(source !== undefined ? { source } : {}),
    ...(notes !== undefined ? { notes } : {}),
    roles,
    ...(reports !== undefined && reports.length > 0 ? { reports } : {}),
    coverage: input.coverage ?? d.coverage,
    maxVisitorsPerMeeting: input.max_visitors_per_meeting ?? d.maxVisitorsPerMeeting,
    maxPerTeamPerMeeting: input.max_per_team_per_meeting ?? d.maxPerTeamPerMeeting,
    noConsecutive: input.no_consecutive ?? d.noConsecutive,
    skipHomeCell: input.skip_home_cell ?? d.skipHomeCell,
    maxVisitsPerDay: input.max_visits_per_day ?? d.maxVisitsPerDay,
    priority: { ...d.priority, ...(input.priority ?? {}) },
  };
}

let presets: ReadonlyMap<string, Policy> | undefined;

/** The built-in presets, by id, in file-name order. A broken preset file is a bug, so it throws. */
export function builtInPolicies(): ReadonlyMap<string, Policy> {
  if (presets) return presets;
  const dir = join(packageRoot(), 'src', 'policies', 'presets');
  const map = new Map<string, Policy>();
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()) {
    const raw: unknown = parse(readFileSync(join(dir, name), 'utf8'));
    const parsed = PolicyInput.safeParse(raw);
    if (!parsed.success) throw new Error(`built-in policy ${name} is invalid: ${JSON.stringify(parsed.error.issues)}`);
    const policy = normalise(parsed.data, undefined);
    const wrong = reportIssues(policy, name, []);
    if (wrong.length > 0) throw new Error(`built-in policy ${name} is invalid: ${JSON.stringify(wrong)}`);
    map.set(parsed.data.id, policy);
  }
  return (presets = map);
}

/** A policy from a spec's `policy` value: a preset id, or an inline object (optionally `extends` a preset). */
export function resolvePolicy(value: unknown, file: string, path: readonly PathSegment[]): Result<Policy> {
  const all = builtInPolicies();
  const known = [...all.keys()];
  const unknownPreset = (id: string, at: readonly PathSegment[]): Result<Policy> => ({
    ok: false,
    issues: [issue(file, at, 'policy.unknown-preset', { id, near: near(id, known), known: known.join(', ') })],
  });
  if (typeof value === 'string') {
    const p = all.get(value);
    return p ? { ok: true, value: p } : unknownPreset(value, path);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      issues: [issue(file, path, 'policy.not-policy', { known: known.join(', '), value: describeValue(value) })],
    };
  }
  const parsed = PolicyInput.safeParse(value);
  if (!parsed.success) return { ok: false, issues: fromZod(file, PolicyInput, value, parsed.error.issues, path) };
  const input = parsed.data;
  let base: Policy | undefined;
  if (input.extends !== undefined) {
    base = all.get(input.extends);
    if (!base) return unknownPreset(input.extends, [...path, 'extends']);
  }
  const issues: InputIssue[] = [];
  if (!base && Object.keys(input.roles ?? {}).length === 0) {
    issues.push(issue(file, [...path, 'roles'], 'policy.no-roles'));
  }
  if (issues.length > 0) return { ok: false, issues };
  const policy = normalise(input, base);
  const reportProblems = reportIssues(policy, file, path);
  return reportProblems.length > 0 ? { ok: false, issues: reportProblems } : { ok: true, value: policy };
}

/** A report naming a role the policy lacks, or a due date of the wrong kind (a day of the month for each visit). */
function reportIssues(policy: Policy, file: string, path: readonly PathSegment[]): InputIssue[] {
  const issues: InputIssue[] = [];
  const known = Object.keys(policy.roles);
  (policy.reports ?? []).forEach((r, i) => {
    const at = [...path, 'reports', i];
    (r.roles ?? []).forEach((role, j) => {
      if (!Object.hasOwn(policy.roles, role))
        issues.push(
          issue(file, [...at, 'roles', j], 'policy.unknown-role', {
            role,
            near: near(role, known),
            known: known.join(', '),
          }),
        );
    });
    if (r.each === 'visit' && r.dueDay !== undefined)
      issues.push(issue(file, [...at, 'due_day'], 'policy.visit-report-day'));
    if (r.each !== 'visit' && r.dueAfterDays !== undefined)
      issues.push(issue(file, [...at, 'due_after_days'], 'policy.period-report-days', { each: r.each }));
  });
  return issues;
}
