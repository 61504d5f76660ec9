// Small zod schemas shared by the spec and the policy schemas, each with a message a person can act on.
import { z } from 'zod';
import { PERIOD_KINDS } from '../domain/types.js';
import { parseActive } from '../domain/active.js';
import type { Code, Params } from '../i18n/messages.js';

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

/** Marks a zod error message that is a problem code with its parameters (fromZod decodes it). */
const CODED = '\u0001lichdu:';

/**
 * A zod error that is a problem: its code, with the value shown as `value` and any other parameters. zod carries
 * it as the message; src/schema/zodIssues.ts turns it back into the code and parameters.
 */
export const coded =
  (code: Code, more: Params = {}) =>
  (i: { input?: unknown }): string =>
    CODED + JSON.stringify({ code, params: { value: show(i.input), ...more } });

/** The code and parameters of a zod message made by `coded`, if it is one. */
export function decodeCoded(message: string): { code: Code; params: Params } | undefined {
  if (!message.startsWith(CODED)) return undefined;
  return JSON.parse(message.slice(CODED.length)) as { code: Code; params: Params };
}

/** Longest id: ids name calendar files. */
export const ID_MAX = 100;

export const Id = z
  .string({ error: coded('value.wrong-type', { expected: 'string' }) })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: coded('value.not-id') })
  // Ids name calendar files (ics/members/<id>.ics): a file name has at most 255 bytes.
  .max(ID_MAX, { error: coded('value.id-too-long', { max: ID_MAX }) });

export const Text = z
  .string({
    error: (i) =>
      i.input === undefined ? coded('value.required')(i) : coded('value.wrong-type', { expected: 'string' })(i),
  })
  .trim()
  .min(1, { error: coded('value.empty') })
  // Names go into calendars, spreadsheets and terminals; a control character (NUL, an escape code) belongs in none.
  .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, { error: coded('value.control-char') });

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const Time = z.string({ error: coded('value.not-time') }).regex(HHMM, { error: coded('value.not-time') });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date `YYYY-MM-DD` (proleptic Gregorian, luxon's verdict: test/spec/dates.test.ts). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31);
}

export const DateStr = z
  .string({ error: coded('value.not-date') })
  .refine(isIsoDate, { error: coded('value.not-date') });

/** A date or an inclusive range `YYYY-MM-DD..YYYY-MM-DD`. */
export const DateOrRange = z.string({ error: coded('value.not-date-or-range') }).refine(
  (s) => {
    const parts = s.split('..');
    return (
      parts.length <= 2 &&
      parts.every((p) => isIsoDate(p.trim())) &&
      (parts.length === 1 || parts[0]!.trim() <= parts[1]!.trim())
    );
  },
  { error: coded('value.not-date-or-range') },
);

/** When a member or cell is part of the plan: `"2027-07-01.."`, `"..2027-06-30"` or `"2027-03-01..2027-09-30"`. */
export const ActiveText = z.string({ error: coded('value.not-active-range') }).refine(
  (s) => {
    const r = parseActive(s);
    return (
      r !== undefined &&
      (r.from === undefined || isIsoDate(r.from)) &&
      (r.to === undefined || isIsoDate(r.to)) &&
      (r.from === undefined || r.to === undefined || r.from <= r.to)
    );
  },
  { error: coded('value.not-active-range') },
);

export const Count = (what: string) =>
  z
    .number({ error: coded('value.not-whole', { what }) })
    .int({ error: coded('value.not-whole', { what }) })
    .min(0, { error: coded('value.negative') });

export const Positive = (what: string) =>
  z
    .number({ error: coded('value.not-whole', { what }) })
    .int({ error: coded('value.not-whole', { what }) })
    .min(1, { error: coded('value.below-one', { what }) });

export const PeriodKind = z.enum(PERIOD_KINDS, {
  error: coded('value.not-period', { choices: PERIOD_KINDS.join(', ') }),
});

export const Quota = z
  .strictObject({ min: Count('visits'), max: Count('visits').optional(), per: PeriodKind })
  .refine((q) => q.max === undefined || q.max >= q.min, { error: coded('value.max-below-min'), path: ['max'] });

/** One quota or a list of them. */
export const QuotaList = z.preprocess(
  (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? [v] : v),
  z.array(Quota, { error: coded('value.not-quota') }),
);

export const describeValue = show;
