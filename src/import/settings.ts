// The workbook's settings sheet, "Thông tin chung" (issue 24, item 4): what the spec says besides its lists — the
// year, the policy, the time zone, the holidays and extra days off, and the common meeting day, time, length and shift
// rule. One row per setting: its name in the first column (Vietnamese or English, as the template writes it, or the
// spec's key), its value in the second, an explanation in the third (not read).
import type { ShiftRule } from '../domain/types.js';
import { meetingDayText, parseMeetingDay } from '../domain/meetingDay.js';
import { describeValue as q } from '../schema/primitives.js';
import { issue, type Code, type InputIssue, type Params } from '../util/issues.js';
import { placeIn } from '../planfile/csv.js';
import { cellText, readTime } from '../planfile/values.js';
import type { Table } from '../planfile/table.js';
import { normHeader } from './columns.js';
import { readDateList, writeDateList } from './dates.js';

export const SETTINGS_SHEETS = ['Thông tin chung', 'Cài đặt', 'Settings'];
export const SETTINGS_HEADER = ['Mục', 'Giá trị', 'Giải thích'];

export type SettingKey =
  | 'year'
  | 'policy'
  | 'timezone'
  | 'holidays'
  | 'holidays_add'
  | 'holidays_remove'
  | 'day'
  | 'time'
  | 'duration'
  | 'shift';

export interface SettingDef {
  readonly key: SettingKey;
  readonly aliases: readonly string[];
  readonly explain: string;
}

export const SETTINGS: readonly SettingDef[] = [
  { key: 'year', aliases: ['Năm', 'Năm kế hoạch', 'Year'], explain: 'năm của kế hoạch, ví dụ 2027' },
  {
    key: 'policy',
    aliases: ['Quy định', 'Policy'],
    explain: 'mã quy định (lichdu policies), ví dụ kontum-776',
  },
  { key: 'timezone', aliases: ['Múi giờ', 'Time zone', 'Timezone'], explain: 'để trống: Asia/Ho_Chi_Minh' },
  {
    key: 'holidays',
    aliases: ['Ngày lễ', 'Holidays'],
    explain: '"Việt Nam" (các ngày lễ, Tết theo luật) hoặc "không"; để trống: Việt Nam',
  },
  {
    key: 'holidays_add',
    aliases: ['Ngày nghỉ thêm', 'Extra days off', 'holidays.add'],
    explain: 'ngày hoặc khoảng ngày, cách nhau ";", ví dụ 03/09/2027; 24/12/2027 - 26/12/2027',
  },
  {
    key: 'holidays_remove',
    aliases: ['Ngày lễ không nghỉ', 'Holidays not kept', 'holidays.remove'],
    explain: 'ngày lễ mà vẫn sinh hoạt như thường, cách nhau ";"',
  },
  {
    key: 'day',
    aliases: ['Ngày sinh hoạt chung', 'Common meeting day', 'meeting_defaults.day'],
    explain: '1–28, "cuối tháng", hoặc ví dụ "thứ Bảy tuần đầu tháng"; để trống: ngày 5',
  },
  {
    key: 'time',
    aliases: ['Giờ sinh hoạt chung', 'Common meeting time', 'meeting_defaults.time'],
    explain: 'ví dụ 19:30; để trống: 19:30',
  },
  {
    key: 'duration',
    aliases: ['Thời lượng (phút)', 'Thời lượng', 'Duration (minutes)', 'meeting_defaults.duration_minutes'],
    explain: 'số phút một buổi sinh hoạt; để trống: 120',
  },
  {
    key: 'shift',
    aliases: ['Dời lịch khi trùng', 'Dời lịch', 'Shift', 'meeting_defaults.shift'],
    explain: '"ngày lễ" (dời khỏi ngày lễ), "ngày lễ và cuối tuần" hoặc "không dời"; để trống: ngày lễ',
  },
];

/** Shift rules as the workbook writes them, and the words read for each. */
export const SHIFT_WORDS: Record<ShiftRule, readonly string[]> = {
  holidays: ['ngày lễ', 'holidays', 'lễ'],
  'holidays-and-weekends': ['ngày lễ và cuối tuần', 'holidays-and-weekends', 'lễ và cuối tuần', 'cuối tuần'],
  none: ['không dời', 'none', 'không'],
};
const HOLIDAY_WORDS: Record<'vn' | 'none', readonly string[]> = {
  vn: ['Việt Nam', 'vn', 'viet nam', 'có'],
  none: ['không', 'none', 'no'],
};

const wordOf = <K extends string>(words: Record<K, readonly string[]>, text: string): K | undefined =>
  (Object.keys(words) as K[]).find((k) => words[k].some((w) => normHeader(w) === normHeader(text)));

/** A shift rule from its words, or undefined. */
export const readShift = (text: string): ShiftRule | undefined => wordOf(SHIFT_WORDS, text);

/** The spec's header keys read from the settings sheet, with each problem on its row. */
export interface ReadSettings {
  readonly head: Record<string, unknown>;
  readonly issues: InputIssue[];
  /** The row of each setting, for putting a problem of the written spec back on it. */
  readonly rows: ReadonlyMap<string, number>;
}

export function readSettings(table: Table, file: string): ReadSettings {
  const issues: InputIssue[] = [];
  const rows = new Map<string, number>();
  const head: Record<string, unknown> = {};
  const holidays: Record<string, unknown> = {};
  const meeting: Record<string, unknown> = {};
  const byAlias = new Map<string, SettingDef>();
  for (const d of SETTINGS) for (const a of [...d.aliases, d.key]) byAlias.set(normHeader(a), d);
  const bad = (at: number, code: Code, params: Params = {}) =>
    issues.push({ ...issue(file, [], code, params), place: placeIn(table, [at], SETTINGS_HEADER[1]) });
  // The header row is a setting row too when the sheet has no "Mục | Giá trị" header.
  const all = byAlias.has(normHeader(table.header[0] ?? ''))
    ? [{ at: table.headerAt, cells: table.header }, ...table.rows]
    : table.rows;
  for (const r of all) {
    const name = cellText(r.cells[0] ?? null);
    const raw = r.cells[1] ?? null;
    const value = cellText(raw).normalize('NFC');
    if (name === '') continue;
    const def = byAlias.get(normHeader(name));
    if (!def) {
      issues.push({
        ...issue(file, [], 'import.unknown-setting', {
          value: q(name),
          settings: SETTINGS.map((d) => `"${d.aliases[0]}"`).join(', '),
        }),
        place: placeIn(table, [r.at], SETTINGS_HEADER[0]),
      });
      continue;
    }
    rows.set(def.key, r.at);
    if (value === '') continue;
    switch (def.key) {
      case 'year':
        if (/^\d{4}$/.test(value)) head.year = Number(value);
        else bad(r.at, 'import.not-year', { value: q(value) });
        break;
      case 'policy':
        if (value.startsWith('{')) {
          try {
            head.policy = JSON.parse(value) as unknown;
          } catch {
            bad(r.at, 'import.policy-not-json', { value: q(value.slice(0, 40)) });
          }
        } else head.policy = value;
        break;
      case 'timezone':
        head.timezone = value;
        break;
      case 'holidays': {
        const h = wordOf(HOLIDAY_WORDS, value);
        if (h === undefined) bad(r.at, 'import.not-holidays', { value: q(value) });
        else holidays.preset = h;
        break;
      }
      case 'holidays_add':
      case 'holidays_remove': {
        const list = readDateList(raw);
        if (!list.ok) bad(r.at, list.error.code, list.error.params);
        else holidays[def.key === 'holidays_add' ? 'add' : 'remove'] = list.value;
        break;
      }
      case 'day': {
        const d = parseMeetingDay(value);
        if (d === undefined) bad(r.at, 'import.not-day', { value: q(value) });
        else meeting.day = typeof d === 'object' ? meetingDayText(d, 'en') : d;
        break;
      }
      case 'time': {
        const t = readTime(raw);
        if (!t.ok) bad(r.at, t.error.code, t.error.params);
        else meeting.time = t.value;
        break;
      }
      case 'duration':
        if (/^\d+$/.test(value)) meeting.duration_minutes = Number(value);
        else bad(r.at, 'import.not-minutes', { value: q(value) });
        break;
      case 'shift': {
        const s = readShift(value);
        if (s === undefined) bad(r.at, 'import.not-shift', { value: q(value) });
        else meeting.shift = s;
        break;
      }
    }
  }
  if (Object.keys(holidays).length > 0) head.holidays = { preset: 'vn', ...holidays };
  if (Object.keys(meeting).length > 0) head.meeting_defaults = meeting;
  return { head, issues, rows };
}

/** The settings sheet's rows for a spec: each setting with its value as the workbook writes it ('' when not set). */
export function settingsRows(spec: Record<string, unknown>): [string, string | number, string][] {
  const md = (spec.meeting_defaults ?? {}) as Record<string, unknown>;
  const h = holidaysOf(spec.holidays);
  const value = (key: SettingKey): string | number => {
    switch (key) {
      case 'year':
        return (spec.year as number | undefined) ?? '';
      case 'policy':
        return typeof spec.policy === 'string' ? spec.policy : spec.policy ? JSON.stringify(spec.policy) : '';
      case 'timezone':
        return (spec.timezone as string | undefined) ?? '';
      case 'holidays':
        return h.preset === 'vn' ? 'Việt Nam' : 'không';
      case 'holidays_add':
        return writeDateList(h.add);
      case 'holidays_remove':
        return writeDateList(h.remove);
      case 'day':
        return md.day === undefined ? '' : meetingDayCell(md.day);
      case 'time':
        return (md.time as string | undefined) ?? '';
      case 'duration':
        return (md.duration_minutes as number | undefined) ?? '';
      case 'shift':
        return md.shift === undefined ? '' : SHIFT_WORDS[md.shift as ShiftRule][0]!;
    }
  };
  return SETTINGS.map((d) => [d.aliases[0]!, value(d.key), d.explain]);
}

/** A meeting day as the workbook writes it: the number, "cuối tháng", or the Vietnamese weekday rule. */
export function meetingDayCell(day: unknown): string | number {
  if (typeof day === 'number') return day;
  const d = parseMeetingDay(String(day));
  return d === undefined ? String(day) : typeof d === 'number' ? d : meetingDayText(d, 'vi');
}

/** Any of the spec's holiday forms as a preset with dates added and removed. */
export function holidaysOf(h: unknown): { preset: 'vn' | 'none'; add: string[]; remove: string[] } {
  if (h === undefined || h === 'vn') return { preset: 'vn', add: [], remove: [] };
  if (h === 'none') return { preset: 'none', add: [], remove: [] };
  if (Array.isArray(h)) return { preset: 'none', add: h.map(String), remove: [] };
  const o = h as { preset?: 'vn' | 'none'; add?: string[]; remove?: string[] };
  return { preset: o.preset ?? 'vn', add: o.add ?? [], remove: o.remove ?? [] };
}
