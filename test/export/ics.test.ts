import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanDocument, type PlanDocument } from '../../src/planfile/index.js';
import {
  DEFAULT_ICS_OPTIONS,
  icsContext,
  renderCalendars,
  renderMemberCalendar,
  renderPieces,
  visitUid,
} from '../../src/export/ics.js';

const dir = 'fixtures/small';
const r = readPlanDocument(readFileSync(join(dir, 'plan.json'), 'utf8'), 'plan.json');
if (!r.ok) throw new Error('golden plan.json unreadable');
const doc: PlanDocument = r.value;
const events = (ics: string) =>
  ics
    .split('BEGIN:VEVENT')
    .slice(1)
    .map((e) => e.split('END:VEVENT')[0]!);
const uids = (ics: string) => [...ics.matchAll(/^UID:(.*)\r$/gm)].map((m) => m[1]);
const m = (id: string) => doc.members.find((x) => x.id === id)!;

describe('calendars', () => {
  it('when a calendar is rendered in pieces of 1 or 2 events then the pieces make the golden file', () => {
    const ctx = icsContext(doc);
    const whole = renderCalendars(doc)[0]!.data;
    for (const per of [1, 2]) {
      const pieces = [...renderPieces(ctx, { kind: 'all' }, DEFAULT_ICS_OPTIONS, per)];
      expect(pieces.length).toBe(Math.ceil(doc.visits.length / per));
      expect(pieces.join('')).toBe(whole);
    }
  });

  it('when the golden plan is rendered then every calendar equals its golden file', () => {
    const files = renderCalendars(doc);
    expect(files.map((f) => f.path)).toEqual([
      'all.ics',
      'members/m001.ics',
      'members/m002.ics',
      'members/m003.ics',
      'cells/thon-1.ics',
      'cells/kon-klor.ics',
      'cells/tdp-2.ics',
    ]);
    for (const f of files) expect(f.data, f.path).toBe(readFileSync(join(dir, 'ics', f.path), 'utf8'));
  });

  it(
    'when a member feed is made then it has the zone, a UTC DTSTAMP, local times, a reminder and the report ' +
      'deadline',
    () => {
      const ics = renderMemberCalendar(doc, m('m002'));
      expect(ics).toContain('X-WR-CALNAME:Lịch dự sinh hoạt chi bộ 2027 — Y Blong Êban');
      expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh');
      expect(ics).toContain('X-WR-TIMEZONE:Asia/Ho_Chi_Minh');
      expect(ics).toContain('METHOD:PUBLISH');
      expect(ics).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT12H');
      expect(ics).toMatch(/^DTSTAMP:20270101T000000Z\r$/m);
      expect(ics).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20270103T080000');
      expect(ics).toContain('TRIGGER:-P1D');
      expect(ics.replace(/\r\n /g, '')).toContain('Hạn gửi báo cáo: 04/01/2027 (1 ngày sau buổi sinh hoạt)');
      expect(uids(ics)).toEqual(['2027-01.m002.thon-1@lichdu', '2027-06.m002.kon-klor@lichdu']);
      expect(ics.endsWith('END:VCALENDAR')).toBe(true);
    },
  );

  it('when the reminder is 0 and the language English then there is no VALARM and the text is English', () => {
    const ics = renderMemberCalendar(doc, m('m001'), { lang: 'en', reminderMinutes: 0 });
    expect(ics).not.toContain('BEGIN:VALARM');
    expect(ics.replace(/\r\n /g, '')).toContain(
      'SUMMARY:Attend the meeting of Chi bộ làng Kon Klor\\, "Đăk Hà" — xã Hà Mòn (Nguyễn Văn An)',
    );
    expect(ics.replace(/\r\n /g, '')).toContain('Report due: 2027-02-13 (3 days after the meeting)');
  });

  it('when other visits change then a surviving visit keeps its UID and its event text', () => {
    const kept = doc.visits.find((v) => v.member === 'm002' && v.cell === 'kon-klor')!;
    const changed: PlanDocument = {
      ...doc,
      visits: [
        ...doc.visits.filter((v) => v.member !== 'm002' || v === kept).reverse(),
        { ...kept, member: 'm003' as never, meeting: '2027-08', date: '2027-08-05' },
      ],
    };
    const before = events(renderMemberCalendar(doc, m('m002'))).find((e) => e.includes(visitUid(kept)))!;
    const after = events(renderMemberCalendar(changed, m('m002')));
    expect(after).toEqual([before]);
  });
});
