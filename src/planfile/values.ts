// Dates and times as spreadsheets write them (issue 11): a plan.csv saved by LibreOffice or Excel, or a plan.xlsx,
// gives `19:30`, `7:30`, `19:30:00`, `7:30 PM` (or the Vietnamese `SA`/`CH`, and LibreOffice under vi-VN's
// `07:30:00 chiều`/`08:00:00 sáng`), Excel serial numbers and fractions of
// a day, dates as ISO, day-first `05/01/2027` or month-first `1/5/2027`. Each is read to lichdu's `YYYY-MM-DD` and
// `HH:MM`; what cannot be read says what was found and how to save it.
import { DateTime } from 'luxon';
import type { Code, Params } from '../i18n/messages.js';
import { isIsoDate } from '../schema/primitives.js';

/** A cell as a reader hands it over: text from CSV; text, a number or a date from a workbook. */
export type CellValue = string | number | Date | null;

/** A value read from a table, or the problem with it (a code and its parameters). */
export type Read<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: { code: Code; params: Params } };

const no = (code: Code, params: Params): { ok: false; error: { code: Code; params: Params } } => ({
  ok: false,
  error: { code, params },
});

const pad = (n: number) => String(n).padStart(2, '0');
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** `HH:MM` from any of the forms above; a time with seconds other than :00 is refused (a visit starts on a minute). */
export function readTime(v: CellValue): Read<string> {
  if (v instanceof Date) return { ok: true, value: `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}` };
  if (typeof v === 'number') {
    if (!(v >= 0 && v < 1)) return no('table.not-time-of-day', { value: String(v) });
    const minutes = Math.round(v * 1440);
    return { ok: true, value: `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}` };
  }
  const s = (v ?? '').trim().normalize('NFC');
  const m = /^(\d{1,2})[:h.](\d{2})(?::(\d{2}))?\s*(AM|PM|A\.M\.|P\.M\.|SA|CH|sáng|chiều)?$/iu.exec(s);
  if (!m) return no('table.not-time', { value: JSON.stringify(s) });
  let h = Number(m[1]);
  const min = Number(m[2]);
  const suffix = m[4]?.toUpperCase().replace(/\./g, '');
  if (suffix !== undefined) {
    if (h < 1 || h > 12) return no('table.hour-12', { value: JSON.stringify(s), half: m[4]! });
    const pm = suffix === 'PM' || suffix === 'CH' || suffix === 'CHIỀU';
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || min > 59 || (m[3] !== undefined && m[3] !== '00'))
    return no('table.not-time', { value: JSON.stringify(s) });
  return { ok: true, value: `${pad(h)}:${pad(min)}` };
}

/** The order of the parts of a slashed date: day first (Vietnamese, European) or month first (US). */
export type DateOrder = 'dmy' | 'mdy';

/** A slashed (or dotted) date's parts, or undefined when it is not one. */
export function slashParts(s: string): [number, number, number] | undefined {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s.trim());
  if (!m) return undefined;
  const y = Number(m[3]);
  return [Number(m[1]), Number(m[2]), m[3]!.length === 2 ? 2000 + y : y];
}

function iso(y: number, mo: number, d: number): string | undefined {
  const t = DateTime.utc(y, mo, d);
  return t.isValid ? t.toISODate()! : undefined;
}

/** What a slashed date can mean under each order (undefined where it is no date). */
export function readings(s: string): Record<DateOrder, string | undefined> | undefined {
  const p = slashParts(s);
  if (!p) return undefined;
  return { dmy: iso(p[2], p[1], p[0]), mdy: iso(p[2], p[0], p[1]) };
}

/**
 * A date a person typed, day first as Vietnamese write it (`01/07/2027`, also ISO): its reading and, when it reads
 * differently month first, that other reading (to say once); or, when it only makes sense month first (`07/13/2027`),
 * that reading (`mdy`), to refuse it with both; or nothing when it is no date. One rule for the command line's dates
 * and the workbook's.
 */
export function readDayFirst(
  text: string,
):
  { readonly ok: true; readonly iso: string; readonly other?: string } | { readonly ok: false; readonly mdy?: string } {
  const s = text.trim();
  if (isIsoDate(s)) return { ok: true, iso: s };
  const r = readings(s);
  if (r?.dmy !== undefined)
    return { ok: true, iso: r.dmy, ...(r.mdy !== undefined && r.mdy !== r.dmy ? { other: r.mdy } : {}) };
  return { ok: false, ...(r?.mdy !== undefined ? { mdy: r.mdy } : {}) };
}

/** `YYYY-MM-DD` from a workbook's date or serial number, an ISO text, or a slashed text read in `order`. */
export function readDate(v: CellValue, order: DateOrder | undefined): Read<string> {
  if (v instanceof Date) return { ok: true, value: v.toISOString().slice(0, 10) };
  if (typeof v === 'number') {
    if (!(v >= 1 && v < 2_958_466)) return no('table.not-date', { value: String(v) });
    return { ok: true, value: new Date(EXCEL_EPOCH_MS + Math.floor(v) * DAY_MS).toISOString().slice(0, 10) };
  }
  const s = (v ?? '').trim();
  // ISO, possibly with a time of day a spreadsheet added (`2027-01-03 00:00:00`).
  const isoText = /^(\d{4}-\d{2}-\d{2})(?:[ T]00:00(?::00)?)?$/.exec(s)?.[1];
  if (isoText !== undefined)
    return isIsoDate(isoText) ? { ok: true, value: isoText } : no('table.no-such-date', { value: JSON.stringify(s) });
  const r = readings(s);
  if (!r) return no('table.not-date', { value: JSON.stringify(s) });
  if (r.dmy === undefined && r.mdy === undefined) return no('table.no-such-date', { value: JSON.stringify(s) });
  if (r.dmy === r.mdy || r.mdy === undefined) return { ok: true, value: r.dmy! };
  if (r.dmy === undefined) return { ok: true, value: r.mdy };
  if (order === undefined)
    return no('table.ambiguous-date', { value: JSON.stringify(s), dmy: longDate(r.dmy), mdy: longDate(r.mdy) });
  return { ok: true, value: r[order]! };
}

function longDate(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: 'utc' }).setLocale('en').toFormat('d MMMM');
}

/** The text of a cell as people read it (numbers and dates as a spreadsheet would show them). */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}
