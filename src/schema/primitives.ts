// Small zod schemas shared by the spec and the policy schemas, each with a message a person can act on.
import { z } from 'zod';
import { DateTime } from 'luxon';
import { PERIOD_KINDS } from '../domain/types.js';
import { parseActive } from '../domain/active.js';

/** A value as messages quote it: JSON, at most 80 characters (a 5 MB string is not echoed whole). */
const show = (v: unknown): string => {
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : String(JSON.stringify(v) ?? v);
  } catch {
    s = Array.isArray(v) ? 'a list' : 'a mapping';
  }
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};

/** Longest id: ids name calendar files. */
export const ID_MAX = 100;

export const Id = z
  .string({ error: (i) => `expected an id (text), got ${show(i.input)}` })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    error: (i) => `${show(i.input)} is not a valid id: use letters, digits, ".", "_" or "-" (no spaces or accents)`,
  })
  // Ids name calendar files (ics/members/<id>.ics): a file name has at most 255 bytes.
  .max(ID_MAX, { error: (i) => `${show(i.input)} is too long for an id: at most ${ID_MAX} characters` });

export const Text = z
  .string({ error: (i) => (i.input === undefined ? 'is required' : `expected text, got ${show(i.input)}`) })
  .trim()
  .min(1, { error: 'must not be empty' })
  // Names go into calendars, spreadsheets and terminals; a control character (NUL, an escape code) belongs in none.
  .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, {
    error: (i) => `${show(i.input)} contains a control character (invisible; often pasted by accident): remove it`,
  });

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const Time = z.string({ error: (i) => `expected a time "HH:MM", got ${show(i.input)}` }).regex(HHMM, {
  error: (i) => `${show(i.input)} is not HH:MM (24-hour clock, e.g. "19:30")`,
});

export function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s).isValid;
}

export const DateStr = z
  .string({ error: (i) => `expected a date "YYYY-MM-DD", got ${show(i.input)}` })
  .refine(isIsoDate, {
    error: (i) => `${show(i.input)} is not a date YYYY-MM-DD`,
  });

/** A date or an inclusive range `YYYY-MM-DD..YYYY-MM-DD`. */
export const DateOrRange = z
  .string({ error: (i) => `expected a date "YYYY-MM-DD" or a range "YYYY-MM-DD..YYYY-MM-DD", got ${show(i.input)}` })
  .refine(
    (s) => {
      const parts = s.split('..');
      return (
        parts.length <= 2 &&
        parts.every((p) => isIsoDate(p.trim())) &&
        (parts.length === 1 || parts[0]!.trim() <= parts[1]!.trim())
      );
    },
    { error: (i) => `${show(i.input)} is not a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD (start before end)` },
  );

/** When a member or cell is part of the plan: `"2027-07-01.."`, `"..2027-06-30"` or `"2027-03-01..2027-09-30"`. */
export const ActiveText = z
  .string({ error: (i) => `expected a range such as "2027-07-01.." or "..2027-06-30", got ${show(i.input)}` })
  .refine(
    (s) => {
      const r = parseActive(s);
      return (
        r !== undefined &&
        (r.from === undefined || isIsoDate(r.from)) &&
        (r.to === undefined || isIsoDate(r.to)) &&
        (r.from === undefined || r.to === undefined || r.from <= r.to)
      );
    },
    {
      error: (i) =>
        `${show(i.input)} is not an active range: "YYYY-MM-DD.." (from a date), "..YYYY-MM-DD" (until a date) or ` +
        `"YYYY-MM-DD..YYYY-MM-DD" (start before end)`,
    },
  );

export const Count = (what: string) =>
  z
    .number({ error: (i) => `expected a whole number (${what}), got ${show(i.input)}` })
    .int({ error: (i) => `expected a whole number (${what}), got ${show(i.input)}` })
    .min(0, { error: (i) => `${show(i.input)} is negative` });

export const Positive = (what: string) =>
  z
    .number({ error: (i) => `expected a whole number (${what}), got ${show(i.input)}` })
    .int({ error: (i) => `expected a whole number (${what}), got ${show(i.input)}` })
    .min(1, { error: (i) => `${show(i.input)} must be at least 1 (${what})` });

export const PeriodKind = z.enum(PERIOD_KINDS, {
  error: (i) => `${show(i.input)} is not a period: use one of ${PERIOD_KINDS.join(', ')}`,
});

export const Quota = z
  .strictObject({ min: Count('visits'), max: Count('visits').optional(), per: PeriodKind })
  .refine((q) => q.max === undefined || q.max >= q.min, { error: 'max is below min', path: ['max'] });

/** One quota or a list of them. */
export const QuotaList = z.preprocess(
  (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? [v] : v),
  z.array(Quota, { error: (i) => `expected a quota { min, per } or a list of them, got ${show(i.input)}` }),
);

export const describeValue = show;
