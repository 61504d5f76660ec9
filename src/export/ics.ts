// iCalendar (RFC 5545) calendars of a plan: all.ics, one per member, one per cell (SPEC §3), with ical-generator.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
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
  /** An event's DTSTAMP (ISO-8601) in the plan's zone, remembered with its UTC text for the rewrite. */
  readonly stamp: (iso: string) => DateTime;
  readonly stampUtc: ReadonlyMap<string, string>;
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
  const stamps = new Map<string, DateTime>();
  const stampUtc = new Map<string, string>();
  const stamp = (iso: string) => {
    let dt = stamps.get(iso);
    if (!dt) {
      const t = DateTime.fromISO(iso, { setZone: true });
      stamps.set(iso, (dt = t.setZone(doc.timezone)));
      stampUtc.set(dt.toFormat("yyyyLLdd'T'HHmmss"), t.toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'"));
    }
    return dt;
  };
  return {
    at,
    memo,
    stamp,
    stampUtc,
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

function calendarFor(
  ctx: IcsContext,
  audience: Audience,
  opts: IcsOptions,
  visits: readonly PlanVisit[] = visitsOf(ctx, audience),
): ICalCalendar {
  const { doc, member, cell, unit } = ctx;
  const t = T[opts.lang];
  const name =
    audience.kind === 'all'
      ? t.calAll(doc.year)
      : audience.kind === 'member'
        ? t.calMember(doc.year, audience.member.name)
        : t.calCell(doc.year, audience.cell.name);
  const cal = ical({
    name,
    prodId: { company: 'lichdu', product: 'lichdu', language: opts.lang.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    ttl: REFRESH_SECONDS,
    timezone: { name: doc.timezone, generator: getVtimezoneComponent },
  });
  // In the plan's zone, as every event time: ical-generator then formats it without converting (render() rewrites
  // it in UTC).
  const stampOf = (iso: string) => ctx.stamp(iso);
  for (const v of visits) {
    const gone = ctx.cancelled.has(v);
    const m = member.get(v.member)!;
    const c = cell.get(v.cell)!;
    const u = unit.get(c.unit);
    const start = ctx.at(v.date, v.start);
    let end = ctx.at(v.date, v.end);
    if (end <= start) end = ctx.at(DateTime.fromISO(v.date).plus({ days: 1 }).toISODate()!, v.end);
    const summary =
      audience.kind === 'member'
        ? t.sumMember(c.name, shortUnit(u), m.name)
        : audience.kind === 'cell'
          ? t.sumCell(m.name)
          : t.sumAll(m.name, c.name, shortUnit(u));
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
      `${t.basis}: ${source ? `${source.number} — ${source.issuer}` : doc.policy.title}`,
    ];
    const sequence = v.identity?.sequence ?? 0;
    const event = cal.createEvent({
      id: visitUid(v),
      start,
      end,
      timezone: doc.timezone,
      stamp: stampOf(v.identity?.stamp ?? doc.generatedAt),
      ...(sequence > 0 ? { sequence } : {}),
      ...(gone ? { status: ICalEventStatus.CANCELLED } : {}),
      summary: gone ? t.cancelled(summary) : summary,
      location: `${c.name}${u ? `, ${u.name}` : ''}`,
      description: lines.join('\n'),
      categories: c.tags.map((x) => ({ name: tagLabel(x, opts.lang) })),
    });
    if (opts.reminderMinutes > 0 && !gone)
      event.createAlarm({
        type: ICalAlarmType.display,
        trigger: opts.reminderMinutes * 60,
        description: t.remind(summary),
      });
  }
  return cal;
}

/**
 * ical-generator 10 folds lines by creating a TextEncoder for every character to learn its UTF-8 length (its issue
 * #765, fixed in version 11, which needs Node 22). During the synchronous toString() only, a stand-in that answers
 * the length directly is put in its place: the same bytes (the golden files say so), several times faster.
 */
const SIZES = [0, 1, 2, 3, 4].map((length) => Object.freeze({ length }));
class Utf8Length {
  static readonly one = new Utf8Length();
  constructor() {
    // Every `new TextEncoder()` of the fold loop gets the same instance: no allocation per character.
    return Utf8Length.one ?? this;
  }
  encode(ch: string): { length: number } {
    // One character, or one surrogate pair: its UTF-8 length from its code point, answered with a shared object.
    const c = ch.charCodeAt(0);
    if (ch.length > 1) return SIZES[Buffer.byteLength(ch, 'utf8')] ?? { length: Buffer.byteLength(ch, 'utf8') };
    return SIZES[c < 0x80 ? 1 : c < 0x800 ? 2 : 3]!;
  }
}

function stringify(cal: ICalCalendar): string {
  const native = globalThis.TextEncoder;
  (globalThis as { TextEncoder: unknown }).TextEncoder = Utf8Length;
  try {
    return cal.toString();
  } finally {
    globalThis.TextEncoder = native;
  }
}

function renderSome(ctx: IcsContext, audience: Audience, opts: IcsOptions, visits?: readonly PlanVisit[]): string {
  const doc = ctx.doc;
  const text = stringify(calendarFor(ctx, audience, opts, visits));
  // ical-generator writes DTSTAMP in the calendar's zone without "Z"; RFC 5545 §3.8.7.2 wants UTC: each stamp the
  // calendar used, rewritten from the exact local text it was given.
  void doc;
  return text.replace(/\r\nDTSTAMP:(\d{8}T\d{6})\r\n/g, (whole, local: string) => {
    const utc = ctx.stampUtc.get(local);
    return utc === undefined ? whole : `\r\nDTSTAMP:${utc}\r\n`;
  });
}

/**
 * Events rendered per piece of a large calendar. A calendar of 200,000 events made as one ical-generator object and
 * one string took more than 4 GB; in pieces, memory stays that of one piece.
 */
export const EVENTS_PER_PIECE = 2000;

/**
 * A calendar as consecutive pieces of text whose concatenation is the calendar rendered whole: each piece is a
 * calendar of up to `per` of the events, less its header (all but the first) and its END:VCALENDAR (all but the last).
 */
export function* renderPieces(
  ctx: IcsContext,
  audience: Audience,
  opts: IcsOptions,
  per = EVENTS_PER_PIECE,
): Generator<string> {
  const visits = visitsOf(ctx, audience);
  if (visits.length <= per) {
    yield renderSome(ctx, audience, opts, visits);
    return;
  }
  for (let from = 0; from < visits.length; from += per) {
    let text = renderSome(ctx, audience, opts, visits.slice(from, from + per));
    if (from > 0) text = text.slice(text.indexOf('BEGIN:VEVENT\r\n'));
    if (from + per < visits.length) text = text.slice(0, text.lastIndexOf('END:VCALENDAR'));
    yield text;
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
 * Which of `of` threads renders each calendar (in calendarPaths order): the largest first, each to the thread with the
 * fewest events so far (all.ics alone holds a third of the events of a province), a calendar's header counting as a
 * few events.
 */
export function calendarShares(doc: PlanDocument, of: number): number[] {
  const perMember = new Map<string, number>();
  const perCell = new Map<string, number>();
  for (const v of doc.visits) {
    perMember.set(v.member, (perMember.get(v.member) ?? 0) + 1);
    perCell.set(v.cell, (perCell.get(v.cell) ?? 0) + 1);
  }
  const HEADER = 3;
  const sizes = [
    doc.visits.length,
    ...doc.members.map((m) => perMember.get(m.id) ?? 0),
    ...doc.cells.map((c) => perCell.get(c.id) ?? 0),
  ].map((n) => n + HEADER);
  const load = new Array<number>(of).fill(0);
  const share = new Array<number>(sizes.length).fill(0);
  const order = sizes.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  for (const i of order) {
    const t = load.indexOf(Math.min(...load));
    share[i] = t;
    load[t]! += sizes[i]!;
  }
  return share;
}

/**
 * Every calendar of a plan, one at a time, with paths relative to the `ics/` directory; with `part`, only the
 * calendars calendarShares gives thread `part.index` of `part.of` (src/export/icsThreads.ts).
 */
export function* calendarsOf(
  doc: PlanDocument,
  opts: IcsOptions = DEFAULT_ICS_OPTIONS,
  part: { readonly index: number; readonly of: number } = { index: 0, of: 1 },
): Generator<{ path: string; data: string }> {
  for (const c of calendarStreamsOf(doc, opts, part)) yield { path: c.path, data: [...c.pieces].join('') };
}

/** As calendarsOf, each calendar as pieces of text to be written one after the other (renderPieces). */
export function* calendarStreamsOf(
  doc: PlanDocument,
  opts: IcsOptions = DEFAULT_ICS_OPTIONS,
  part: { readonly index: number; readonly of: number } = { index: 0, of: 1 },
): Generator<{ path: string; pieces: Iterable<string> }> {
  const ctx = icsContext(doc);
  const audiences: Audience[] = [
    { kind: 'all' },
    ...doc.members.map((member) => ({ kind: 'member' as const, member })),
    ...doc.cells.map((cell) => ({ kind: 'cell' as const, cell })),
  ];
  const paths = calendarPaths(doc);
  const share = part.of > 1 ? calendarShares(doc, part.of) : undefined;
  for (let i = 0; i < audiences.length; i++)
    if (!share || share[i] === part.index) yield { path: paths[i]!, pieces: renderPieces(ctx, audiences[i]!, opts) };
}

/** Every calendar of a plan, with paths relative to the `ics/` directory. */
export function renderCalendars(
  doc: PlanDocument,
  opts: IcsOptions = DEFAULT_ICS_OPTIONS,
): Array<{ path: string; data: string }> {
  return [...calendarsOf(doc, opts)];
}
