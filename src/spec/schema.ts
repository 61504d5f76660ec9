// The plan spec as written by a user (SPEC §1): loose input, validated here, normalised by load.ts.
import { z } from 'zod';
import { SHIFT_RULES } from '../domain/types.js';
import { parseMeetingDay, type WeekdayOfMonth } from '../domain/meetingDay.js';
import { ActiveText, DateOrRange, DateStr, Id, QuotaList, Text, Time, coded } from '../schema/primitives.js';

const MINUTES = { min: 15, max: 720 };

const Day = z.union(
  [
    z.literal('last', { error: coded('value.not-day') }),
    // A weekday of the month: "first saturday", "last friday", "thứ Bảy tuần đầu tháng" (src/domain/meetingDay.ts).
    z
      .string({ error: coded('value.not-day') })
      .refine((s) => s !== 'last' && typeof parseMeetingDay(s) === 'object', { error: coded('value.not-day') })
      .transform((s) => parseMeetingDay(s) as WeekdayOfMonth),
    z
      .number({ error: coded('value.not-day') })
      .int({ error: coded('value.not-day') })
      .min(1, { error: coded('value.not-day') })
      .max(28, { error: coded('value.not-day') }),
  ],
  { error: coded('value.not-day') },
);

/** The years a plan may be for. */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
export const MeetingRuleInput = z.strictObject({
  day: Day.optional(),
  time: Time.optional(),
  duration_minutes: z
    .number({ error: coded('value.not-minutes', MINUTES) })
    .int({ error: coded('value.not-minutes', MINUTES) })
    .min(15, { error: coded('value.not-minutes', MINUTES) })
    .max(720, { error: coded('value.not-minutes', MINUTES) })
    .optional(),
  shift: z.enum(SHIFT_RULES, { error: coded('value.not-choice', { choices: SHIFT_RULES.join(', ') }) }).optional(),
});

const TagList = z.array(
  z.string({ error: coded('value.not-tag') }).regex(/^[\p{L}\p{N}_-]+$/u, { error: coded('value.not-tag') }),
);

/** The problem of a missing or mistyped top-level list. */
export const listError = (key: string) => (i: { input?: unknown }) =>
  coded('spec.no-list', { key, ...(i.input === undefined ? { value: '' } : {}) })(i);

const OneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(item));

export const UnitInput = z.strictObject({
  id: Id,
  name: Text,
  level: Text,
  parent: Id.optional(),
  /** The meeting rule of the unit's cells where a cell gives none (issue 24: the workbook's "Đảng bộ" sheet). */
  meeting: MeetingRuleInput.optional(),
});

export const CellInput = z.strictObject({
  id: Id,
  name: Text,
  unit: Id,
  tags: TagList.optional(),
  meeting: MeetingRuleInput.optional(),
  meetings: z
    .record(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: coded('value.not-month') }), DateStr)
    .optional(),
  allow_consecutive: z.boolean({ error: coded('value.not-boolean') }).optional(),
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
  preset: z.enum(['vn', 'none'], { error: coded('value.not-choice', { choices: 'vn, none' }) }),
  add: z.array(DateOrRange).optional(),
  remove: z.array(DateOrRange).optional(),
});

export const SpecInput = z.strictObject({
  year: z
    .number({ error: coded('value.wrong-type', { expected: 'number' }) })
    .int({ error: coded('value.not-year') })
    .min(YEAR_MIN, { error: coded('value.not-year') })
    .max(YEAR_MAX, { error: coded('value.not-year') }),
  timezone: z.string().optional(),
  // Checked by resolvePolicy and load.ts (a preset id or a policy object; vn / none / dates / { preset, add, remove }).
  // Optional here: a missing policy is said once, with the fix, by resolvePolicy (spec.policy-required).
  policy: z.unknown().optional(),
  holidays: z.unknown().optional(),
  meeting_defaults: MeetingRuleInput.optional(),
  units: z
    .array(UnitInput, { error: listError('units') })
    .min(1, { error: coded('spec.empty-list', { key: 'units' }) }),
  cells: z
    .array(CellInput, { error: listError('cells') })
    .min(1, { error: coded('spec.empty-list', { key: 'cells' }) }),
  members: z
    .array(MemberInput, { error: listError('members') })
    .min(1, { error: coded('spec.empty-list', { key: 'members' }) }),
  fixed: z.array(FixedInput).optional(),
});
export type SpecInput = z.infer<typeof SpecInput>;
