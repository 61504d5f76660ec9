// The one schema of plan.json (SPEC §3): the writer builds a document of this type, every reader parses with it.
// `lichdu check` accepts a hand-made plan.json that has only `format` and `visits`; the readers that need the rest
// (calendars, the feed server) say which fields are missing.
import { z } from 'zod';
import { IANAZone } from 'luxon';
import { RULE_IDS } from '../domain/rules.js';
import { DateStr, Id, Text, Time } from '../schema/primitives.js';

export const PLAN_FORMAT = 'lichdu-plan/1';

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
  // The calendar identity a re-plan keeps (issue 9); absent on a fresh plan.
  uid: z.string().min(1).max(300).optional(),
  sequence: z.number().int().min(0).optional(),
  stamp: z.iso.datetime({ offset: true, error: 'expected an ISO date-time' }).optional(),
});

export const CancelledJson = VisitJson.extend({
  uid: z.string().min(1).max(300),
  sequence: z.number().int().min(0),
  stamp: z.iso.datetime({ offset: true, error: 'expected an ISO date-time' }),
  until: z.iso.datetime({ offset: true, error: 'expected an ISO date-time' }),
});

export const ReplanJson = z.strictObject({
  from: DateStr,
  previous_generated_at: z.string(),
  unrecorded: z.enum(['done', 'missed']),
  kept: z.number().int(),
  moved: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
});

export const ViolationJson = z.strictObject({
  rule: z.enum(RULE_IDS),
  member: z.string().nullable(),
  cell: z.string().nullable(),
  date: z.string().nullable(),
  period: z.string().nullable(),
  team: z.string().nullable(),
  bound: z.enum(['min', 'max']),
  limit: z.number(),
  count: z.number(),
  involved: z.array(z.string()).optional(),
  /** Whether the solver proved it unavoidable (a plan stopped early may not know). */
  proven: z.boolean().optional(),
  /** The violation in words, in the plan's language. */
  text: z.string(),
});

export const SolverJson = z.strictObject({
  status: z.string(),
  backend: z.string().nullable(),
  seed: z.number().nullable(),
  method: z.string().nullable().optional(),
  objective: z.number().nullable(),
  bound: z.number().nullable(),
  gap: z.number().nullable(),
  /** Why the solve stopped before its gap target: the time limit or the user. */
  stopped: z.enum(['time-limit', 'user']).optional(),
  time_ms: z.number().nullable(),
  /** Each better plan or bound in time (--record-time). */
  timeline: z
    .array(
      z.strictObject({ ms: z.number(), phase: z.string(), cost: z.number().optional(), bound: z.number().optional() }),
    )
    .optional(),
});

export const DirectoryJson = z.strictObject({
  units: z.array(z.strictObject({ id: Id, name: Text, level: Text, parent: Id.nullable() })),
  cells: z.array(z.strictObject({ id: Id, name: Text, unit: Id, tags: z.array(z.string()) })),
  members: z.array(z.strictObject({ id: Id, name: Text, role: Id, unit: Id, team: Id.nullable() })),
});

export const PlanJson = z.looseObject({
  format: z.literal(PLAN_FORMAT, {
    error: (i) => `${JSON.stringify(i.input)} is not a plan format this version reads (expected "${PLAN_FORMAT}")`,
  }),
  spec_hash: z.string().optional(),
  generated_at: z.iso.datetime({ offset: true, error: 'expected an ISO date-time' }).optional(),
  year: z.number().int().optional(),
  timezone: z
    .string()
    .refine((t) => IANAZone.isValidZone(t), { error: 'unknown time zone' })
    .optional(),
  policy: z.unknown().optional(),
  solver: SolverJson.nullable().optional(),
  counts: z.strictObject({ visits: z.number(), violations: z.number() }).optional(),
  visits: z.array(VisitJson),
  /** Visits a re-plan removed, shown cancelled until `until` (--keep-cancelled). */
  cancelled: z.array(CancelledJson).optional(),
  replan: ReplanJson.optional(),
  violations: z.array(ViolationJson).optional(),
  directory: DirectoryJson.optional(),
});
export type PlanJsonDoc = z.input<typeof PlanJson>;

/** What a plan.json must hold beyond the visits to make calendars and feeds from it alone. */
export const DOCUMENT_FIELDS = ['spec_hash', 'generated_at', 'year', 'timezone', 'policy', 'directory'] as const;
