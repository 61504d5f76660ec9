// The calendars' event template against ical-generator, the library it stands in for: on random events (text with
// every character RFC 5545 escapes, long lines of Vietnamese and of surrogate pairs, any reminder, cancelled or not),
// a calendar of template events is byte for byte what ical-generator writes, DTSTAMP aside (the template writes it
// in UTC, as RFC 5545 wants; ical-generator in the calendar's zone). The calendars written are made of the parts of
// each event that the calendars showing it share, and are the template's text of their events.
import fc from 'fast-check';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  calendarHead,
  eventText,
  foldLine,
  icsContext,
  icsEvents,
  renderPieces,
  type Audience,
  type IcsEvent,
} from '../../src/export/ics.js';
import { readPlanDocument } from '../../src/planfile/index.js';

const ZONE = 'Asia/Ho_Chi_Minh';

/** What ical-generator writes for the same events, with each DTSTAMP written as the event's. */
function reference(events: readonly IcsEvent[]): string {
  const cal = ical({
    name: 'Lịch dự sinh hoạt chi bộ 2027',
    prodId: { company: 'lichdu', product: 'lichdu', language: 'VI' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 43200,
    timezone: { name: ZONE, generator: getVtimezoneComponent },
  });
  const local = (s: string) => DateTime.fromFormat(s, "yyyyLLdd'T'HHmmss", { zone: ZONE });
  for (const e of events) {
    const event = cal.createEvent({
      id: e.uid,
      start: local(e.start),
      end: local(e.end),
      timezone: e.timezone,
      stamp: DateTime.fromFormat(e.stamp, "yyyyLLdd'T'HHmmss'Z'", { zone: 'utc' }).setZone(ZONE),
      ...(e.sequence > 0 ? { sequence: e.sequence } : {}),
      ...(e.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
      summary: e.summary,
      location: e.location,
      description: e.description,
      categories: e.categories.map((name) => ({ name })),
    });
    if (e.alarm)
      event.createAlarm({ type: ICalAlarmType.display, trigger: e.alarm.seconds, description: e.alarm.description });
  }
  let i = 0;
  return cal.toString().replace(/\r\nDTSTAMP:\d{8}T\d{6}\r\n/g, () => `\r\nDTSTAMP:${events[i++]!.stamp}\r\n`);
}

const piece = fc.constantFrom(',', ';', '\\', '\n', '\r\n', '\r', ':', '"', 'Đảng bộ xã Đăk Hà', '😀', 'ễ', ' ', 'a');
const text = (minLength: number) =>
  fc.oneof(
    fc.array(piece, { minLength, maxLength: 60 }).map((a) => a.join('')),
    fc.string({ unit: 'grapheme', minLength, maxLength: 200 }),
    fc.string({ unit: 'binary', minLength, maxLength: 120 }),
  );
const when = fc
  .record({ day: fc.integer({ min: 0, max: 364 }), minute: fc.integer({ min: 0, max: 1439 }) })
  .map(({ day, minute }) => DateTime.fromObject({ year: 2027 }, { zone: ZONE }).plus({ days: day, minutes: minute }));
const event: fc.Arbitrary<IcsEvent> = fc
  .record({
    uid: fc.stringMatching(/^[a-z0-9.-]{1,40}@lichdu$/),
    sequence: fc.nat(20),
    stamp: when,
    start: when,
    length: fc.integer({ min: 1, max: 600 }),
    summary: text(1),
    location: text(1),
    description: text(1),
    categories: fc.array(text(1), { maxLength: 4 }),
    cancelled: fc.boolean(),
    alarm: fc.option(fc.record({ seconds: fc.integer({ min: 1, max: 40_320 * 60 }), description: text(1) }), {
      nil: undefined,
    }),
  })
  .map((r) => ({
    uid: r.uid,
    sequence: r.sequence,
    stamp: r.stamp.toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'"),
    timezone: ZONE,
    start: r.start.toFormat("yyyyLLdd'T'HHmmss"),
    end: r.start.plus({ minutes: r.length }).toFormat("yyyyLLdd'T'HHmmss"),
    summary: r.summary,
    location: r.location,
    description: r.description,
    categories: r.categories,
    cancelled: r.cancelled,
    ...(r.alarm ? { alarm: r.alarm } : {}),
  }));

describe('the event template', () => {
  it('when random events are written by the template then the calendar is what ical-generator writes', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 5 }), (events) => {
        const expected = reference(events);
        const at = expected.indexOf('BEGIN:VEVENT');
        const header = expected.slice(0, at >= 0 ? at : expected.lastIndexOf('END:VCALENDAR'));
        expect(header + events.map(eventText).join('') + 'END:VCALENDAR').toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('when a member has any name then the calendar header is the one ical-generator writes', () => {
    const r = readPlanDocument(readFileSync('fixtures/small/plan.json', 'utf8'), 'plan.json');
    if (!r.ok) throw new Error('golden plan.json unreadable');
    const ctx = icsContext(r.value);
    fc.assert(
      fc.property(text(1), fc.constantFrom('vi' as const, 'en' as const), (name, lang) => {
        const member = { ...r.value.members[0]!, name };
        const title = lang === 'vi' ? 'Lịch dự sinh hoạt chi bộ' : 'Party cell visits';
        const expected = ical({
          name: `${title} ${r.value.year} — ${name}`,
          prodId: { company: 'lichdu', product: 'lichdu', language: lang.toUpperCase() },
          method: ICalCalendarMethod.PUBLISH,
          ttl: 43200,
          timezone: { name: r.value.timezone, generator: getVtimezoneComponent },
        }).toString();
        const head = calendarHead(ctx, { kind: 'member', member }, { lang, reminderMinutes: 0 });
        expect(head + 'END:VCALENDAR').toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('when calendars are written from the parts their events share then each is the template of its events', () => {
    // One context for every calendar, as a thread writes them: a visit's parts are made for its first calendar and
    // reused by the others (all.ics, the member's, the cell's), whose summaries and reminders differ.
    const r = readPlanDocument(readFileSync('fixtures/small/plan.json', 'utf8'), 'plan.json');
    if (!r.ok) throw new Error('golden plan.json unreadable');
    const doc = r.value;
    const attended = {
      ...doc,
      visits: doc.visits.map((v, i) =>
        i % 3 === 1 ? { ...v, attended: { result: 'replaced' as const, other: 'Lê Văn Thay', reason: 'ốm' } } : v,
      ),
    };
    for (const d of [doc, attended])
      for (const opts of [
        { lang: 'vi' as const, reminderMinutes: 1440 },
        { lang: 'en' as const, reminderMinutes: 0 },
      ]) {
        const ctx = icsContext(d);
        const audiences: Audience[] = [
          { kind: 'all' },
          ...d.members.map((member) => ({ kind: 'member' as const, member })),
          ...d.cells.map((cell) => ({ kind: 'cell' as const, cell })),
        ];
        for (const audience of [...audiences, ...audiences]) {
          const expected =
            calendarHead(ctx, audience, opts) +
            icsEvents(ctx, audience, opts).map(eventText).join('') +
            'END:VCALENDAR';
          expect([...renderPieces(ctx, audience, opts, 7)].join('')).toBe(expected);
        }
      }
  });

  it('when a line is folded then no line exceeds 75 octets and unfolding gives it back', () => {
    fc.assert(
      fc.property(text(0), (s) => {
        const line = 'DESCRIPTION:' + s.replace(/[\r\n]/g, ' ');
        const folded = foldLine(line);
        for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
    );
  });
});
