// A plan.json read on its own (no spec): what exports and the feed server need.
import { z } from 'zod';
import { IANAZone } from 'luxon';
import type { CellId, Directory, MemberId, UnitId, Visit } from '../domain/types.js';
import { resolvePolicy } from '../policies/index.js';
import { Id, Text } from '../spec/primitives.js';
import { fromZod } from '../spec/zodIssues.js';
import { didYouMean, type InputIssue, type Result } from '../util/issues.js';
import { PLAN_FORMAT, VisitJson } from './json.js';

export interface PlanVisit extends Visit {
  /** The meeting month (YYYY-MM) the visit attends: part of its identity. */
  readonly meeting: string;
}

export interface PlanDocument extends Directory {
  readonly specHash: string;
  /** ISO-8601 UTC. */
  readonly generatedAt: string;
  readonly visits: readonly PlanVisit[];
}

const Doc = z.looseObject({
  format: z.literal(PLAN_FORMAT, {
    error: (i) => `${JSON.stringify(i.input)} is not a plan format this version reads (expected "${PLAN_FORMAT}")`,
  }),
  spec_hash: z.string(),
  generated_at: z.iso.datetime({ offset: true, error: 'expected an ISO date-time' }),
  year: z.number().int(),
  timezone: z.string().refine((t) => IANAZone.isValidZone(t), { error: 'unknown time zone' }),
  policy: z.unknown(),
  visits: z.array(VisitJson),
  directory: z.strictObject({
    units: z.array(z.strictObject({ id: Id, name: Text, level: Text, parent: Id.nullable() })),
    cells: z.array(z.strictObject({ id: Id, name: Text, unit: Id, tags: z.array(z.string()) })),
    members: z.array(z.strictObject({ id: Id, name: Text, role: Id, unit: Id, team: Id.nullable() })),
  }),
});

export function readPlanDocument(text: string, file: string): Result<PlanDocument> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return {
      ok: false,
      issues: [
        { file, path: [], message: `not valid JSON (a half-written or damaged file?): ${(err as Error).message}` },
      ],
    };
  }
  const parsed = Doc.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: fromZod(file, Doc, raw, parsed.error.issues) };
  const d = parsed.data;
  const policy = resolvePolicy(d.policy, file, ['policy']);
  if (!policy.ok) return policy;
  const issues: InputIssue[] = [];
  const members = new Set(d.directory.members.map((m) => m.id));
  const cells = new Set(d.directory.cells.map((c) => c.id));
  d.visits.forEach((v, i) => {
    if (!members.has(v.member))
      issues.push({
        file,
        path: ['visits', i, 'member'],
        message: `unknown member "${v.member}"${didYouMean(v.member, members)}`,
      });
    if (!cells.has(v.cell))
      issues.push({
        file,
        path: ['visits', i, 'cell'],
        message: `unknown cell "${v.cell}"${didYouMean(v.cell, cells)}`,
      });
  });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      specHash: d.spec_hash,
      generatedAt: d.generated_at,
      year: d.year,
      timezone: d.timezone,
      policy: policy.value,
      units: d.directory.units.map((u) => ({
        id: u.id as UnitId,
        name: u.name,
        level: u.level,
        ...(u.parent !== null ? { parent: u.parent as UnitId } : {}),
      })),
      cells: d.directory.cells.map((c) => ({ id: c.id as CellId, name: c.name, unit: c.unit as UnitId, tags: c.tags })),
      members: d.directory.members.map((m) => ({
        id: m.id as MemberId,
        name: m.name,
        role: m.role,
        unit: m.unit as UnitId,
        ...(m.team !== null ? { team: m.team } : {}),
      })),
      visits: d.visits.map((v) => ({
        member: v.member as MemberId,
        cell: v.cell as CellId,
        date: v.date,
        start: v.start,
        end: v.end,
        status: v.status,
        meeting: v.meeting ?? v.date.slice(0, 7),
      })),
    },
  };
}
