// iCalendar (RFC 5545) calendars of a plan: all.ics, one per member, one per cell (SPEC §3), with ical-generator.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import type { DirectoryCell, DirectoryMember, Unit } from '../domain/types.js';
import { weekdayName } from '../calendar/meetings.js';
import { roleLabel, STATUS_LABELS, tagLabel, type Lang } from '../format/labels.js';
import { defaultUid, type PlanDocument, type PlanVisit } from '../planfile/index.js';
import { sortVisits } from '../format/csv.js';

export interface IcsOptions {
  readonly lang: Lang;
  /** Minutes before the start for the reminder (VALARM); 0 for none. Default: a day. */
  readonly reminderMinutes: number;
}

export const DEFAULT_ICS_OPTIONS: IcsOptions = { lang: 'vi', reminderMinutes: 1440 };

/** How often subscribers are asked to refresh (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
const REFRESH_SECONDS = 12 * 3600;

export type Audience =
  { kind: 'all' } | { kind: 'member'; member: DirectoryMember } | { kind: 'cell'; cell: DirectoryCell };

/**
 * The stable identity of a visit: the same member at the same cell's meeting of the same month — or, after a re-plan
 * moved it, the UID it had before (issue 9).
 */
export function visitUid(v: PlanVisit): string {
  return v.identity?.uid ?? defaultUid(v);
}

function shortUnit(u: Unit | undefined): string {
  return u ? u.name.replace(/^Đảng bộ\s+/i, '') : '';
}

const T = {
  vi: {
    calAll: (y: number) => `Lịch dự sinh hoạt chi bộ ${y} — toàn bộ kế hoạch`,
    calMember: (y: number, n: string) => `Lịch dự sinh hoạt chi bộ ${y} — ${n}`,
    calCell: (y: number, n: string) => `Cấp ủy viên dự sinh hoạt ${y} — ${n}`,
    sumMember: (cell: string, unit: string, member: string) =>
      `Dự sinh hoạt ${cell}${unit ? ` — ${unit}` : ''} (${member})`,
    sumCell: (member: string) => `Cấp ủy viên dự sinh hoạt: ${member}`,
    sumAll: (member: string, cell: string, unit: string) => `${member} dự sinh hoạt ${cell}${unit ? ` — ${unit}` : ''}`,
    member: 'Cấp ủy viên',
    cell: 'Chi bộ',
    tags: 'Đặc điểm địa bàn',
    when: 'Thời gian',
    due: (d: string, n: number) => `Hạn gửi báo cáo: ${d} (${n} ngày sau buổi sinh hoạt)`,
    noDue: 'Báo cáo: theo quy định (không có hạn tính theo ngày sau mỗi lần dự)',
    status: 'Trạng thái',
    basis: 'Căn cứ',
    remind: (s: string) => `Nhắc lịch: ${s}`,
    cancelled: (s: string) => `Đã hủy: ${s}`,
    outcome: {
      done: (s: string) => `Đã dự: ${s}`,
      missed: (s: string) => `Vắng: ${s}`,
      replaced: (s: string, o: string) => `Đồng chí ${o} dự thay: ${s}`,
      substitute: (s: string, o: string) => `Dự thay đồng chí ${o}: ${s}`,
    },
    result: 'Kết quả',
    resultText: { done: 'đã dự', missed: 'vắng', replaced: 'có người dự thay', substitute: 'dự thay' },
    date: (iso: string) => DateTime.fromISO(iso).toFormat('dd/LL/yyyy'),
  },
  en: {
    calAll: (y: number) => `Party cell visits ${y} — whole plan`,
    calMember: (y: number, n: string) => `Party cell visits ${y} — ${n}`,
    calCell: (y: number, n: string) => `Committee visitors ${y} — ${n}`,
    sumMember: (cell: string, unit: string, member: string) =>
      `Attend the meeting of ${cell}${unit ? ` — ${unit}` : ''} (${member})`,
    sumCell: (member: string) => `Committee visitor: ${member}`,
    sumAll: (member: string, cell: string, unit: string) => `${member} attends ${cell}${unit ? ` — ${unit}` : ''}`,
    member: 'Committee member',
    cell: 'Party cell',
    tags: 'Area',
    when: 'Time',
    due: (d: string, n: number) => `Report due: ${d} (${n} day${n === 1 ? '' : 's'} after the meeting)`,
    noDue: 'Report: as the regulation says (no deadline in days after each visit)',
    status: 'Status',
    basis: 'Regulation',
    remind: (s: string) => `Reminder: ${s}`,
    cancelled: (s: string) => `Cancelled: ${s}`,
    outcome: {
      done: (s: string) => `Done: ${s}`,
      missed: (s: string) => `Missed: ${s}`,
      replaced: (s: string, o: string) => `${o} went instead: ${s}`,
      substitute: (s: string, o: string) => `Instead of ${o}: ${s}`,
    },
    result: 'Result',
    resultText: { done: 'done', missed: 'missed', replaced: 'someone else went', substitute: 'went instead' },
    date: (iso: string) => iso,
  },
} as const;

/** Indexes over a plan document, built once for all the calendars made from it. */
export interface IcsContext {
  readonly doc: PlanDocument;
  readonly member: ReadonlyMap<string, DirectoryMember>;
  readonly cell: ReadonlyMap<string, DirectoryCell>;
  readonly unit: ReadonlyMap<string, Unit>;
  /** The visits, and the cancelled ones still shown (a re-plan's --keep-cancelled), in date order. */
  readonly sorted: readonly PlanVisit[];
  readonly byMember: ReadonlyMap<string, PlanVisit[]>;
  readonly byCell: ReadonlyMap<string, PlanVisit[]>;
  readonly cancelled: ReadonlySet<PlanVisit>;
  /**
   * A local time of the plan's zone, made once per distinct value: a province's 26,000 visits share a few hundred
   * dates and times, and luxon's zone arithmetic (Intl) was most of the time of rendering 5,000 calendars.
   */
  readonly at: (date: string, time: string) => DateTime;
  /** Text made once per date (weekday names, report due dates). */
  readonly memo: (key: string, make: () => string) => string;
  /** A local time of the plan's zone as iCalendar text (20270103T193000), made once per distinct value. */
  readonly local: (date: string, time: string) => string;
  /** An instant (ISO-8601) as iCalendar UTC text (20270101T000000Z): an event's DTSTAMP. */
  readonly utc: (iso: string) => string;
}

/** `now` (ISO-8601): cancelled visits are shown until their `until` (default: the plan's own time). */
export function icsContext(doc: PlanDocument, now: string = doc.generatedAt): IcsContext {
  const cancelled = new Set<PlanVisit>(doc.cancelled.filter((c) => Date.parse(c.until) > Date.parse(now)));
  const sorted = sortVisits([...doc.visits, ...cancelled]) as PlanVisit[];
  const byMember = new Map<string, PlanVisit[]>();
  const byCell = new Map<string, PlanVisit[]>();
  for (const v of sorted) {
    (byMember.get(v.member) ?? byMember.set(v.member, []).get(v.member)!).push(v);
    (byCell.get(v.cell) ?? byCell.set(v.cell, []).get(v.cell)!).push(v);
  }
  const times = new Map<string, DateTime>();
  const texts = new Map<string, string>();
  const at = (date: string, time: string) => {
    const key = `${date}T${time}`;
    let dt = times.get(key);
    if (!dt) times.set(key, (dt = DateTime.fromISO(key, { zone: doc.timezone })));
    return dt;
  };
  const memo = (key: string, make: () => string) => {
    let text = texts.get(key);
    if (text === undefined) texts.set(key, (text = make()));
    return text;
  };
  const local = (date: string, time: string) =>
    memo(`local ${date}T${time}`, () => at(date, time).toFormat("yyyyLLdd'T'HHmmss"));
  const utc = (iso: string) =>
    memo(`utc ${iso}`, () => DateTime.fromISO(iso, { setZone: true }).toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'"));
  return {
    at,
    memo,
    local,
    utc,
    doc,
    member: new Map(doc.members.map((m) => [m.id as string, m])),
    cell: new Map(doc.cells.map((c) => [c.id as string, c])),
    unit: new Map(doc.units.map((u) => [u.id as string, u])),
    sorted,
    byMember,
    byCell,
    cancelled,
  };
}

function visitsOf(ctx: IcsContext, audience: Audience): readonly PlanVisit[] {
  return audience.kind === 'all'
    ? ctx.sorted
    : audience.kind === 'member'
      ? (ctx.byMember.get(audience.member.id) ?? [])
      : (ctx.byCell.get(audience.cell.id) ?? []);
}

/**
 * The calendar's header: everything before its events. ical-generator makes it once per language and zone (VTIMEZONE,
 * refresh interval), with a stand-in name that each calendar's own replaces, folded as ical-generator folds it.
 */
export function calendarHead(ctx: IcsContext, audience: Audience, opts: IcsOptions): string {
  const { doc } = ctx;
  const t = T[opts.lang];
  const name =
    audience.kind === 'all'
      ? t.calAll(doc.year)
      : audience.kind === 'member'
        ? t.calMember(doc.year, audience.member.name)
        : t.calCell(doc.year, audience.cell.name);
  const template = ctx.memo(`head ${opts.lang}`, () => {
    const text = ical({
      name: NAME_STAND_IN,
      prodId: { company: 'lichdu', product: 'lichdu', language: opts.lang.toUpperCase() },
      method: ICalCalendarMethod.PUBLISH,
      ttl: REFRESH_SECONDS,
      timezone: { name: doc.timezone, generator: getVtimezoneComponent },
    }).toString();
    return text.slice(0, text.lastIndexOf(CALENDAR_END));
  });
  // ical-generator writes the name as it is, not escaped; its lines are folded one by one.
  const line = (key: string) => `${key}:${name}`.split('\r\n').map(foldLine).join('\r\n') + '\r\n';
  return template.replace(NAME_LINES, () => line('NAME') + line('X-WR-CALNAME'));
}

const NAME_STAND_IN = 'N';
const NAME_LINES = `NAME:${NAME_STAND_IN}\r\nX-WR-CALNAME:${NAME_STAND_IN}\r\n`;
const CALENDAR_END = 'END:VCALENDAR';

/** One event of a calendar, as text values: what the template writes (and what the tests give ical-generator). */
export interface IcsEvent {
  readonly uid: string;
  readonly sequence: number;
  /** DTSTAMP in UTC, e.g. 20270101T000000Z. */
  readonly stamp: string;
  readonly timezone: string;
  /** Local times in `timezone`, e.g. 20270103T193000. */
  readonly start: string;
  readonly end: string;
  readonly summary: string;
  readonly location: string;
  readonly description: string;
  readonly categories: readonly string[];
  readonly cancelled: boolean;
  /** A display reminder this many seconds before the start, with its text. */
  readonly alarm?: { readonly seconds: number; readonly description: string };
}

/** What an event is whatever calendar shows it (all.ics, the member's, the cell's). */
type SharedEvent = Omit<IcsEvent, 'summary' | 'alarm'>;

/** An event's shared values and their text, made once per visit and language (each visit is in three calendars). */
interface EventParts {
  readonly event: SharedEvent;
  /** Names the summary is made of. */
  readonly names: { readonly member: string; readonly cell: string; readonly unit: string };
  /** BEGIN:VEVENT to DTEND; LOCATION and DESCRIPTION; CATEGORIES to END:VEVENT: each folded, as eventText writes. */
  readonly head: string;
  readonly middle: string;
  readonly tail: string;
}

const partsCache = new WeakMap<IcsContext, Map<string, Map<PlanVisit, EventParts>>>();

function partsOf(ctx: IcsContext, opts: IcsOptions, v: PlanVisit): EventParts {
  let byLang = partsCache.get(ctx);
  if (!byLang) partsCache.set(ctx, (byLang = new Map()));
  let byVisit = byLang.get(opts.lang);
  if (!byVisit) byLang.set(opts.lang, (byVisit = new Map()));
  let parts = byVisit.get(v);
  if (!parts) {
    const event = sharedEvent(ctx, opts, v);
    const c = ctx.cell.get(v.cell)!;
    parts = {
      event,
      names: { member: ctx.member.get(v.member)!.name, cell: c.name, unit: shortUnit(ctx.unit.get(c.unit)) },
      head: eventHead(event),
      middle: eventMiddle(event),
      tail: eventTail(event),
    };
    byVisit.set(v, parts);
  }
  return parts;
}

function sharedEvent(ctx: IcsContext, opts: IcsOptions, v: PlanVisit): SharedEvent {
  const { doc, member, cell, unit } = ctx;
  const t = T[opts.lang];
  const m = member.get(v.member)!;
  const c = cell.get(v.cell)!;
  const u = unit.get(c.unit);
  const a = v.attended;
  const due = Object.hasOwn(doc.policy.roles, m.role) ? doc.policy.roles[m.role]!.reportDueDays : undefined;
  const source = doc.policy.source;
  const lines = [
    `${t.member}: ${m.name} (${roleLabel(doc, m.role, opts.lang)})`,
    `${t.cell}: ${c.name}${u ? `, ${u.name}` : ''}`,
    ...(c.tags.length > 0 ? [`${t.tags}: ${c.tags.map((x) => tagLabel(x, opts.lang)).join('; ')}`] : []),
    `${t.when}: ${v.start}–${v.end}, ` +
      ctx.memo(`${opts.lang} ${v.date}`, () => `${weekdayName(v.date, opts.lang)} ${t.date(v.date)}`),
    due !== undefined
      ? ctx.memo(`${opts.lang} ${v.date} +${due}`, () =>
          t.due(t.date(DateTime.fromISO(v.date).plus({ days: due }).toISODate()!), due),
        )
      : t.noDue,
    `${t.status}: ${STATUS_LABELS[opts.lang][v.status]}`,
    ...(a
      ? [`${t.result}: ${t.resultText[a.result]}${a.other ? ` (${a.other})` : ''}` + (a.reason ? ` — ${a.reason}` : '')]
      : []),
    `${t.basis}: ${source ? `${source.number} — ${source.issuer}` : doc.policy.title}`,
  ];
  const start = ctx.local(v.date, v.start);
  // A meeting that ends at or before its start ends the next day.
  const end =
    ctx.at(v.date, v.end) <= ctx.at(v.date, v.start)
      ? ctx.local(DateTime.fromISO(v.date).plus({ days: 1 }).toISODate()!, v.end)
      : ctx.local(v.date, v.end);
  return {
    uid: visitUid(v),
    sequence: v.identity?.sequence ?? 0,
    stamp: ctx.utc(v.identity?.stamp ?? doc.generatedAt),
    timezone: doc.timezone,
    start,
    end,
    location: `${c.name}${u ? `, ${u.name}` : ''}`,
    description: lines.join('\n'),
    categories: c.tags.map((x) => tagLabel(x, opts.lang)),
    cancelled: ctx.cancelled.has(v),
  };
}

/** What differs between the calendars that show a visit: its summary, and the reminder that repeats it. */
function audienceEvent(
  parts: EventParts,
  v: PlanVisit,
  audience: Audience,
  opts: IcsOptions,
): Pick<IcsEvent, 'summary' | 'alarm'> {
  const t = T[opts.lang];
  const { member, cell, unit } = parts.names;
  const planned =
    audience.kind === 'member'
      ? t.sumMember(cell, unit, member)
      : audience.kind === 'cell'
        ? t.sumCell(member)
        : t.sumAll(member, cell, unit);
  const a = v.attended;
  const summary = a ? t.outcome[a.result](planned, a.other ?? '') : planned;
  const gone = parts.event.cancelled;
  return {
    summary: gone ? t.cancelled(summary) : summary,
    ...(opts.reminderMinutes > 0 && !gone && (!a || a.result === 'substitute')
      ? { alarm: { seconds: opts.reminderMinutes * 60, description: t.remind(summary) } }
      : {}),
  };
}

/** The events of a calendar, in date order. */
export function icsEvents(
  ctx: IcsContext,
  audience: Audience,
  opts: IcsOptions,
  visits: readonly PlanVisit[] = visitsOf(ctx, audience),
): IcsEvent[] {
  return visits.map((v) => {
    const parts = partsOf(ctx, opts, v);
    return { ...parts.event, ...audienceEvent(parts, v, audience, opts) };
  });
}

/** A visit's event in a calendar, as eventText writes it, from the parts its other calendars share. */
function visitEventText(ctx: IcsContext, audience: Audience, opts: IcsOptions, v: PlanVisit): string {
  const parts = partsOf(ctx, opts, v);
  const own = audienceEvent(parts, v, audience, opts);
  return parts.head + summaryLine(own.summary) + parts.middle + alarmText(own.alarm) + parts.tail;
}

/** RFC 5545 §3.3.11 text, as ical-generator escapes it: backslash, semicolon and comma escaped; newlines as \n. */
export function escapeText(s: string): string {
  return s.replace(/[\\;,]/g, (ch) => '\\' + ch).replace(/(?:\r\n|\r|\n)/g, '\\n');
}

/** A duration as ical-generator writes it (e.g. -P1D, -PT2H30M). */
function duration(seconds: number): string {
  let out = seconds < 0 ? '-P' : 'P';
  let s = Math.abs(seconds);
  if (s >= 86400) {
    out += Math.floor(s / 86400) + 'D';
    s %= 86400;
  }
  if (s === 0 && out.length > (seconds < 0 ? 2 : 1)) return out;
  out += 'T';
  if (s >= 3600) {
    out += Math.floor(s / 3600) + 'H';
    s %= 3600;
  }
  if (s >= 60) {
    out += Math.floor(s / 60) + 'M';
    s %= 60;
  }
  if (s > 0) out += s + 'S';
  else if (out.length <= (seconds < 0 ? 3 : 2)) out += '0S';
  return out;
}

/**
 * A content line folded as ical-generator folds it (RFC 5545 §3.1): a break before the character that would take the
 * line past 74 octets of UTF-8, each continuation starting with a space.
 */
export function foldLine(line: string): string {
  // At most 3 octets per UTF-16 unit: a line of 24 units never folds; most lines are checked by one byte count.
  if (line.length <= 24 || Buffer.byteLength(line, 'utf8') <= 74) return line;
  let out = '';
  let from = 0;
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    let size: number;
    let units = 1;
    if (code >= 0xd800 && code <= 0xdbff) {
      // A high surrogate goes with the unit after it, whatever it is (as ical-generator reads it).
      units = i + 1 < line.length ? 2 : 1;
      size = Buffer.byteLength(line.slice(i, i + units), 'utf8');
    } else size = code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
    octets += size;
    if (octets > 74) {
      out += line.slice(from, i) + '\r\n ';
      from = i;
      octets = size;
    }
    i += units - 1;
  }
  return out + line.slice(from);
}

/**
 * An event's text, byte for byte what ical-generator 10 writes for the same values (a test holds them equal on random
 * events), with DTSTAMP in UTC as RFC 5545 §3.8.7.2 wants (ical-generator wrote it in the calendar's zone). A
 * template: the calendars of a province are 26,000 events, and an ical-generator object per event and its toString
 * were most of the time to write them. The calendars are written from its parts (visitEventText): a visit is in three
 * calendars, which differ only in its summary and reminder.
 */
export function eventText(e: IcsEvent): string {
  return eventHead(e) + summaryLine(e.summary) + eventMiddle(e) + alarmText(e.alarm) + eventTail(e);
}

const folded = (lines: readonly string[]) => {
  let out = '';
  for (const line of lines) out += foldLine(line) + '\r\n';
  return out;
};

const eventHead = (e: SharedEvent) =>
  folded([
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${e.stamp}`,
    `DTSTART;TZID=${e.timezone}:${e.start}`,
    `DTEND;TZID=${e.timezone}:${e.end}`,
  ]);

const summaryLine = (summary: string) => folded([`SUMMARY:${escapeText(summary)}`]);

const eventMiddle = (e: SharedEvent) =>
  folded([`LOCATION:${escapeText(e.location)}`, `DESCRIPTION:${escapeText(e.description)}`]);

const alarmText = (alarm: IcsEvent['alarm']) =>
  alarm
    ? folded([
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `TRIGGER:${duration(-alarm.seconds)}`,
        `DESCRIPTION:${escapeText(alarm.description)}`,
        'END:VALARM',
      ])
    : '';

const eventTail = (e: SharedEvent) =>
  folded([
    ...(e.categories.length > 0 ? [`CATEGORIES:${e.categories.map(escapeText).join(',')}`] : []),
    ...(e.cancelled ? ['STATUS:CANCELLED'] : []),
    'END:VEVENT',
  ]);

/** Events rendered per piece of a large calendar: a calendar of 200,000 events is written without being one string. */
export const EVENTS_PER_PIECE = 2000;

/**
 * A calendar as consecutive pieces of text whose concatenation is the calendar: the first with the header, each with
 * up to `per` events, the last with END:VCALENDAR.
 */
export function* renderPieces(
  ctx: IcsContext,
  audience: Audience,
  opts: IcsOptions,
  per = EVENTS_PER_PIECE,
): Generator<string> {
  const visits = visitsOf(ctx, audience);
  let text = calendarHead(ctx, audience, opts);
  for (let from = 0; from < visits.length || from === 0; from += per) {
    for (let i = from; i < Math.min(from + per, visits.length); i++)
      text += visitEventText(ctx, audience, opts, visits[i]!);
    if (from + per >= visits.length) text += CALENDAR_END;
    yield text;
    text = '';
  }
}

function render(ctx: IcsContext, audience: Audience, opts: IcsOptions): string {
  return [...renderPieces(ctx, audience, opts)].join('');
}

const ctxOf = (x: PlanDocument | IcsContext): IcsContext => ('doc' in x ? x : icsContext(x));

export function renderMemberCalendar(
  doc: PlanDocument | IcsContext,
  member: DirectoryMember,
  opts: IcsOptions = DEFAULT_ICS_OPTIONS,
): string {
  return render(ctxOf(doc), { kind: 'member', member }, opts);
}

export function renderCellCalendar(
  doc: PlanDocument | IcsContext,
  cell: DirectoryCell,
  opts: IcsOptions = DEFAULT_ICS_OPTIONS,
): string {
  return render(ctxOf(doc), { kind: 'cell', cell }, opts);
}

/** The calendars of a plan, in order: all.ics, one per member, one per cell (paths relative to `ics/`). */
export function calendarPaths(doc: PlanDocument): string[] {
  return ['all.ics', ...doc.members.map((m) => `members/${m.id}.ics`), ...doc.cells.map((c) => `cells/${c.id}.ics`)];
}

/**
 * The order in which threads claim the calendars (indexes in calendarPaths order): the largest first (all.ics alone
 * holds a third of the events of a province), so that the last ones claimed are small and the threads end together.
 */
export function calendarClaimOrder(doc: PlanDocument): number[] {
  const perMember = new Map<string, number>();
  const perCell = new Map<string, number>();
  for (const v of doc.visits) {
    perMember.set(v.member, (perMember.get(v.member) ?? 0) + 1);
    perCell.set(v.cell, (perCell.get(v.cell) ?? 0) + 1);
  }
  const sizes = [
    doc.visits.length,
    ...doc.members.map((m) => perMember.get(m.id) ?? 0),
    ...doc.cells.map((c) => perCell.get(c.id) ?? 0),
  ];
  return sizes.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
}

/**
 * Every calendar of a plan, one at a time, with paths relative to the `ics/` directory, in calendarPaths order; with
 * `claim` (src/export/outputThreads.ts), only those it hands out: it answers the next index (calendarPaths order) that
 * no other thread has taken, or -1 when none is left.
 */
export function* calendarsOf(
  doc: PlanDocument,
  opts: IcsOptions = DEFAULT_ICS_OPTIONS,
  claim?: () => number,
): Generator<{ path: string; data: string }> {
  for (const c of calendarStreamsOf(doc, opts, claim)) yield { path: c.path, data: [...c.pieces].join('') };
}

/** As calendarsOf, each calendar as pieces of text to be written one after the other (renderPieces). */
export function* calendarStreamsOf(
  doc: PlanDocument,
  opts: IcsOptions = DEFAULT_ICS_OPTIONS,
  claim?: () => number,
): Generator<{ path: string; pieces: Iterable<string> }> {
  const ctx = icsContext(doc);
  const audiences: Audience[] = [
    { kind: 'all' },
    ...doc.members.map((member) => ({ kind: 'member' as const, member })),
    ...doc.cells.map((cell) => ({ kind: 'cell' as const, cell })),
  ];
  const paths = calendarPaths(doc);
  let next = 0;
  const take = claim ?? (() => (next < audiences.length ? next++ : -1));
  for (let i = take(); i >= 0; i = take()) yield { path: paths[i]!, pieces: renderPieces(ctx, audiences[i]!, opts) };
}

/** Every calendar of a plan, with paths relative to the `ics/` directory. */
export function renderCalendars(
  doc: PlanDocument,
  opts: IcsOptions = DEFAULT_ICS_OPTIONS,
): Array<{ path: string; data: string }> {
  return [...calendarsOf(doc, opts)];
}
