// The plan spec as written by a user (SPEC §1): loose input, validated here, normalised by load.ts.
import { z } from 'zod';
import { SHIFT_RULES } from '../domain/types.js';
import { ActiveText, DateOrRange, DateStr, Id, QuotaList, Text, Time, describeValue } from '../schema/primitives.js';

const Day = z.union([
  z.literal('last'),
  z
    .number({ error: (i) => `expected a day 1–28 or "last", got ${describeValue(i.input)}` })
    .int({ error: (i) => `expected a day 1–28 or "last", got ${describeValue(i.input)}` })
    .min(1, { error: (i) => `day ${describeValue(i.input)} is not 1–28 or "last"` })
    .max(28, {
      error: (i) =>
        `day ${describeValue(i.input)} is not 1–28: use "last" for the end of the month, or explicit dates in ` +
        `"meetings"`,
    }),
]);

/** The years a plan may be for. */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
export const MeetingRuleInput = z.strictObject({
  day: Day.optional(),
  time: Time.optional(),
  duration_minutes: z
    .number({ error: (i) => `expected minutes, got ${describeValue(i.input)}` })
    .int({ error: 'expected whole minutes' })
    .min(15, { error: (i) => `${describeValue(i.input)} minutes is too short (at least 15)` })
    .max(720, { error: (i) => `${describeValue(i.input)} minutes is too long (at most 720)` })
    .optional(),
  shift: z
    .enum(SHIFT_RULES, { error: (i) => `${describeValue(i.input)} is not a shift rule: use ${SHIFT_RULES.join(', ')}` })
    .optional(),
});

const TagList = z.array(
  z.string().regex(/^[\p{L}\p{N}_-]+$/u, {
    error: (i) => `${describeValue(i.input)} is not a tag: one word (letters, digits, "-", "_")`,
  }),
);

/** The message for a missing or mistyped top-level list. */
export const listError = (what: string, hint: string) => (i: { input: unknown }) =>
  i.input === undefined ? `is required: list the ${hint}` : `expected a list of ${what}, got ${describeValue(i.input)}`;

const OneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(item));

export const UnitInput = z.strictObject({ id: Id, name: Text, level: Text, parent: Id.optional() });

export const CellInput = z.strictObject({
  id: Id,
  name: Text,
  unit: Id,
  tags: TagList.optional(),
  meeting: MeetingRuleInput.optional(),
  meetings: z
    .record(
      z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: (i) => `${describeValue(i.input)} is not a month YYYY-MM` }),
      DateStr,
    )
    .optional(),
  allow_consecutive: z.boolean({ error: 'expected true or false' }).optional(),
  active: ActiveText.optional(),
});

export const MemberInput = z.strictObject({
  id: Id,
  name: Text,
  role: Id,
  unit: Id,
  team: Id.optional(),
  area: OneOrMany(Id).optional(),
  home_cell: Id.optional(),
  unavailable: OneOrMany(DateOrRange).optional(),
  quota: QuotaList.optional(),
  active: ActiveText.optional(),
});

export const FixedInput = z.strictObject({ member: Id, cell: Id, date: DateStr });

export const HolidaysObject = z.strictObject({
  preset: z.enum(['vn', 'none'], { error: (i) => `${describeValue(i.input)} is not a holiday preset: use vn or none` }),
  add: z.array(DateOrRange).optional(),
  remove: z.array(DateOrRange).optional(),
});

export const SpecInput = z.strictObject({
  year: z
    .number({ error: (i) => `expected a year such as 2027, got ${describeValue(i.input)}` })
    .int({ error: 'expected a whole year' })
    .min(YEAR_MIN, { error: (i) => `${describeValue(i.input)} is not a plausible year (2000–2100)` })
    .max(YEAR_MAX, { error: (i) => `${describeValue(i.input)} is not a plausible year (2000–2100)` }),
  timezone: z.string().optional(),
  // Checked by resolvePolicy and load.ts (a preset id or a policy object; vn / none / dates / { preset, add, remove }).
  policy: z.unknown(),
  holidays: z.unknown().optional(),
  meeting_defaults: MeetingRuleInput.optional(),
  units: z
    .array(UnitInput, { error: listError('units', 'units (đảng bộ)') })
    .min(1, { error: 'must list at least one unit' }),
  cells: z
    .array(CellInput, { error: listError('cells', 'cells (chi bộ)') })
    .min(1, { error: 'must list at least one cell' }),
  members: z
    .array(MemberInput, { error: listError('members', 'members (cấp ủy viên)') })
    .min(1, { error: 'must list at least one member' }),
  fixed: z.array(FixedInput).optional(),
});
export type SpecInput = z.infer<typeof SpecInput>;
