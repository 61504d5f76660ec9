// Re-planning through the command line (issue 9, items 3–5) on the small fixture: what changed and why in
// changes.csv, the past as the attendance file says it happened, calendars that change only where the plan did (a
// moved visit keeps its UID with a higher SEQUENCE, unchanged members' feeds keep their bytes and ETag), cancelled
// events with --keep-cancelled, and a subscribing client (vdirsyncer + khal) that sees the new count.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { icsContext } from '../../src/export/ics.js';
import { readPlanDocument, type PlanDocument } from '../../src/planfile/index.js';
import { buildSnapshot } from '../../src/serve/snapshot.js';
import { CHANGES_HEADERS } from '../../src/export/changes.js';
import { csvRows } from '../support/csvRows.js';
import { startServe } from '../support/serve.js';

const TOOLS = resolve('..', 'shared', 'tools');
const have = existsSync(join(TOOLS, 'ics-subscribe-check.sh'));
const SMALL = 'fixtures/small';

/** The small spec with one line changed. */
function specWith(dir: string, from: string, to: string): string {
  const text = readFileSync(join(SMALL, 'spec.yaml'), 'utf8');
  expect(text).toContain(from);
  const path = join(dir, 'spec.yaml');
  writeFileSync(path, text.replace(from, to));
  return path;
}

const doc = (dir: string): PlanDocument => {
  const r = readPlanDocument(readFileSync(join(dir, 'plan.json'), 'utf8'), 'plan.json');
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
const events = (ics: string) => ics.split('BEGIN:VEVENT').slice(1);
const M002 = 'unavailable: ["2027-03-01..2027-03-15"]';

describe('lichdu plan --previous --from', () => {
  it('when a member is away a month then their visit moves, keeps its UID, no other feed changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lichdu-replan-'));
    const spec = specWith(dir, M002, 'unavailable: ["2027-03-01..2027-03-15", "2027-06-01..2027-06-30"]');
    const out = join(dir, 'new');
    const r = await cli([
      'plan',
      spec,
      '--previous',
      join(SMALL, 'plan.json'),
      '--from',
      '2027-05-15',
      '-o',
      out,
      '--lang',
      'vi',
    ]);
    expect(r.code, r.err).toBe(0);
    // Vietnamese: the documents and the messages alike.
    expect(r.err).toContain('trong 2 buổi dự sắp tới của kế hoạch đang dùng, giữ 1, dời 1, bỏ 0; thêm 0');
    const rows = csvRows(readFileSync(join(out, 'changes.csv'), 'utf8'));
    expect(rows[0]).toEqual(CHANGES_HEADERS.vi);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(0, 6)).toEqual([
      'Đổi lịch',
      'm002',
      'Y Blong Êban',
      '2027-06-05',
      'kon-klor',
      'Chi bộ làng Kon Klor, "Đăk Hà"',
    ]);
    expect(rows[1]![9]).toBe('Cấp ủy viên bận vào ngày này');
    const after = doc(out);
    const before = doc(SMALL);
    expect(after.replan).toMatchObject({ from: '2027-05-15', kept: 1, moved: 1, added: 0, removed: 0 });
    // The moved visit: the old UID, SEQUENCE 1, DTSTAMP the re-plan's time (the --from date by default).
    const moved = after.visits.find((v) => v.member === 'm002' && v.date > '2027-05-15')!;
    expect(moved.identity).toEqual({ uid: '2027-06.m002.kon-klor@lichdu', sequence: 1, stamp: '2027-05-15T00:00:00Z' });
    const ics = readFileSync(join(out, 'ics', 'members', 'm002.ics'), 'utf8');
    const ev = events(ics).find((e) => e.includes('UID:2027-06.m002.kon-klor@lichdu'))!;
    expect(ev).toContain('SEQUENCE:1');
    expect(ev).toContain('DTSTAMP:20270515T000000Z');
    expect(ev).not.toContain(`DTSTART;TZID=Asia/Ho_Chi_Minh:20270605`);
    // Unchanged members' calendars are byte for byte the previous ones.
    for (const m of ['m001', 'm003'])
      expect(readFileSync(join(out, 'ics', 'members', `${m}.ics`), 'utf8')).toBe(
        readFileSync(join(SMALL, 'ics', 'members', `${m}.ics`), 'utf8'),
      );
    // The feed server's ETags: only m002 and the cells whose visits changed.
    const secret = { secret: Buffer.alloc(32, 7), revoked: new Map<string, number>() };
    const now = new Date('2027-05-20T00:00:00Z');
    const opts = { lang: 'vi' as const, reminderMinutes: 1440 };
    const [s1, s2] = [
      await buildSnapshot(before, 'a', secret, opts, undefined, now),
      await buildSnapshot(after, 'b', secret, opts, undefined, now),
    ];
    const changed = [...s1.feeds]
      .filter(([k, f]) => s2.feeds.get(k)?.etag !== f.etag)
      .map(([, f]) => `${f.kind}:${f.id}`);
    const cells = new Set(['kon-klor', moved.cell]);
    expect(changed.sort()).toEqual(['member:m002', ...[...cells].map((c) => `cell:${c}`)].sort());
  }, 60_000);

  it('when a member leaves, with --keep-cancelled 30, then their visit shows cancelled 30 days', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lichdu-replan-'));
    const spec = specWith(
      dir,
      '{ id: m003, name: "Trần Thị Hạnh", role: commune, unit: ha-mon }',
      '{ id: m003, name: "Trần Thị Hạnh", role: commune, unit: ha-mon, active: "..2027-06-30" }',
    );
    const out = join(dir, 'new');
    const args = ['plan', spec, '--previous', join(SMALL, 'plan.json'), '--from', '2027-07-01', '-o', out];
    const r = await cli([...args, '--keep-cancelled', '30', '--lang', 'en']);
    expect(r.code, r.err).toBe(0);
    const rows = csvRows(readFileSync(join(out, 'changes.csv'), 'utf8'));
    expect(rows[1]).toEqual([
      'removed',
      'm003',
      'Trần Thị Hạnh',
      '2027-09-03',
      'thon-1',
      'Chi bộ thôn 1',
      '',
      '',
      '',
      'member not (or not yet) active on that day',
    ]);
    const after = doc(out);
    expect(after.cancelled).toHaveLength(1);
    expect(after.cancelled[0]).toMatchObject({ until: '2027-07-31T00:00:00Z', identity: { sequence: 1 } });
    const ev = events(readFileSync(join(out, 'ics', 'members', 'm003.ics'), 'utf8')).find((e) =>
      e.includes('UID:2027-09.m003.thon-1@lichdu'),
    )!;
    expect(ev).toContain('STATUS:CANCELLED');
    expect(ev).toContain('SEQUENCE:1');
    expect(ev).not.toContain('BEGIN:VALARM');
    // The feed server drops it once the 30 days are over.
    expect(icsContext(after, '2027-07-30T00:00:00Z').cancelled.size).toBe(1);
    expect(icsContext(after, '2027-08-01T00:00:00Z').cancelled.size).toBe(0);
    // A re-plan of the re-plan keeps the cancelled event while it lasts, and nothing else changes.
    const again = join(dir, 'again');
    const r2 = await cli(['plan', spec, '--previous', join(out, 'plan.json'), '--from', '2027-07-10', '-o', again]);
    expect(r2.code, r2.err).toBe(0);
    expect(r2.err).toContain('0 moved, 0 removed; 0 added');
    expect(doc(again).cancelled).toHaveLength(1);
    if (have) {
      const files = readdirSync(join(out, 'ics', 'members')).map((f) => join(out, 'ics', 'members', f));
      const v = spawnSync('bash', [join(TOOLS, 'ics-validate.sh'), ...files], { encoding: 'utf8', timeout: 600_000 });
      expect(v.status, v.stdout + v.stderr).toBe(0);
    }
  }, 600_000);

  it('when the attendance is given then the past is what happened (missed gone, others kept)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lichdu-replan-'));
    const out = join(dir, 'new');
    const r = await cli([
      'plan',
      join(SMALL, 'spec.yaml'),
      '--previous',
      join(SMALL, 'plan.json'),
      '--attendance',
      join(SMALL, 'attendance.csv'),
      '--from',
      '2027-07-01',
      '-o',
      out,
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('before 2027-07-01: 3 visits as they happened (2 missed, 1 replaced, 1 outside the plan)');
    const past = doc(out)
      .visits.filter((v) => v.date < '2027-07-01')
      .map((v) => `${v.date} ${v.member} ${v.cell} ${v.status}`);
    expect(past).toEqual([
      '2027-01-03 m002 thon-1 fixed',
      '2027-03-05 m003 thon-1 fixed',
      '2027-05-03 m001 tdp-2 fixed',
    ]);
    // m002 missed June: a visit is added for their quota; m003's September visit stays.
    const ahead = doc(out).visits.filter((v) => v.date >= '2027-07-01');
    expect(ahead.some((v) => v.member === 'm002')).toBe(true);
    expect(ahead.some((v) => v.member === 'm003' && v.date === '2027-09-03')).toBe(true);
    expect(doc(out).replan).toMatchObject({ kept: 1, added: 1 });
    // lichdu check judges the re-plan's plan as plan did: its past as it happened (a visit off the calendar included).
    const c = await cli(['check', join(SMALL, 'spec.yaml'), join(out, 'plan.json')]);
    expect(c.code, c.out).toBe(0);
    expect(c.err).toContain('a re-plan from 2027-07-01: its visits before then are what happened');
  }, 60_000);

  it('when the re-plan options are wrong then they are refused, every mistake named, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lichdu-replan-'));
    const a = await cli(['plan', join(SMALL, 'spec.yaml'), '--from', '2027-07-01', '--keep-cancelled', '3', '-o', dir]);
    expect(a.code).toBe(2);
    expect(a.err).toContain('--from: is for a re-plan: give the plan in use with --previous OLD/plan.json');
    expect(a.err).toContain('--keep-cancelled: is for a re-plan');
    const b = await cli(['plan', join(SMALL, 'spec.yaml'), '--previous', join(SMALL, 'plan.json'), '-o', dir]);
    expect(b.code).toBe(2);
    expect(b.err).toContain('--from: a re-plan needs the date it starts from');
    const c = await cli([
      'plan',
      join(SMALL, 'spec.yaml'),
      '--previous',
      join(SMALL, 'plan.csv'),
      '--from',
      '2028-01-01',
      '-o',
      dir,
    ]);
    expect(c.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});

describe.runIf(have)('a re-plan in a subscribing client', () => {
  // The README's own story: plan into ketqua, serve it, members subscribe; mid-year a member leaves, the plan is made
  // again into a new folder ketqua-7 and served from there. The links do not change; only the changed feed does.
  it('when the year is re-planned elsewhere then the same links serve it, only changed feeds differ', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lichdu-replan-feed-'));
    const ketqua = join(dir, 'ketqua');
    cpSync(SMALL, ketqua, { recursive: true });
    const spec = specWith(
      dir,
      '{ id: m003, name: "Trần Thị Hạnh", role: commune, unit: ha-mon }',
      '{ id: m003, name: "Trần Thị Hạnh", role: commune, unit: ha-mon, active: "..2027-06-30" }',
    );
    const links = async (folder: string) =>
      (await cli(['feeds', folder, '--base-url', 'https://lich.example.vn', '--format', 'csv', '--lang', 'en'])).out;
    const tokenOf = (csv: string, id: string) =>
      /\/feeds\/([A-Za-z0-9_-]{32})\.ics/.exec(csv.split('\r\n').find((l) => l.includes(`,${id},`))!)![1]!;
    const sent = await links(ketqua);
    const subscribe = (url: string, n: number) =>
      spawnSync('bash', [join(TOOLS, 'ics-subscribe-check.sh'), url, String(n)], {
        encoding: 'utf8',
        timeout: 600_000,
      });
    const ids = ['m001', 'm002', 'm003'];
    let before: Map<string, string>;
    const first = await startServe(ketqua);
    try {
      const feed = `${first.url}/feeds/${tokenOf(sent, 'm003')}.ics`;
      const r = subscribe(feed, 2);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      before = new Map(
        await Promise.all(
          ids.map(
            async (id) => [id, await (await fetch(`${first.url}/feeds/${tokenOf(sent, id)}.ics`)).text()] as const,
          ),
        ),
      );
    } finally {
      expect(await first.stop()).toBe(0);
    }
    const ketqua7 = join(dir, 'ketqua-7');
    const r = await cli(['plan', spec, '--previous', join(ketqua, 'plan.json'), '--from', '01/07/2027', '-o', ketqua7]);
    expect(r.code, r.err).toBe(0);
    expect(await links(ketqua7)).toBe(sent);
    const second = await startServe(ketqua7);
    try {
      const n = events(readFileSync(join(ketqua7, 'ics', 'members', 'm003.ics'), 'utf8')).length;
      expect(n).toBe(1);
      const again = subscribe(`${second.url}/feeds/${tokenOf(sent, 'm003')}.ics`, n);
      expect(again.status, again.stdout + again.stderr).toBe(0);
      // Members whose visits did not change get the same bytes (so the same ETag: their phones re-sync nothing).
      for (const id of ['m001', 'm002']) {
        const now = await (await fetch(`${second.url}/feeds/${tokenOf(sent, id)}.ics`)).text();
        expect(now, id).toBe(before.get(id));
      }
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 900_000);
});
