import { mkdtempSync, readFileSync, statSync, writeFileSync, cpSync, renameSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHUTDOWN_GRACE_MS, startFeedServer, type FeedServer } from '../../src/serve/server.js';
import { feedToken, loadOrCreateSecret } from '../../src/serve/tokens.js';

const logs: string[] = [];
let server: FeedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  logs.length = 0;
});

function planDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'lichdu-serve-'));
  cpSync('fixtures/small/plan.json', join(d, 'plan.json'));
  return d;
}

async function start(dir: string): Promise<FeedServer> {
  server = await startFeedServer({
    dir,
    secretFile: join(dir, 'secret'),
    host: '127.0.0.1',
    port: 0,
    ics: { lang: 'vi', reminderMinutes: 1440 },
    pollMs: 60_000,
    log: (l) => logs.push(l),
  });
  return server;
}

function get(
  url: string,
  opts: { method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const memberUrl = (s: FeedServer, dir: string, id: string) =>
  `${s.url}/feeds/${feedToken(loadOrCreateSecret(join(dir, 'secret')), 'member', id)}.ics`;

describe('lichdu serve', () => {
  it(
    'when a member feed is fetched then it is the member’s calendar with a strong ETag, and a repeat with ' +
      'If-None-Match gets 304',
    async () => {
      const dir = planDir();
      const s = await start(dir);
      const r = await get(memberUrl(s, dir, 'm002'));
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(r.body).toBe(readFileSync('fixtures/small/ics/members/m002.ics', 'utf8'));
      const etag = r.headers.etag as string;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
      expect((await get(memberUrl(s, dir, 'm002'), { headers: { 'If-None-Match': `"x", ${etag}` } })).status).toBe(304);
      expect(
        (
          await get(memberUrl(s, dir, 'm002'), {
            headers: { 'If-Modified-Since': r.headers['last-modified'] as string },
          })
        ).status,
      ).toBe(304);
      expect((await get(memberUrl(s, dir, 'm002'), { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
    },
  );

  it('when the method is HEAD then headers come without a body; any other method gets 405', async () => {
    const dir = planDir();
    const s = await start(dir);
    const head = await get(memberUrl(s, dir, 'm001'), { method: 'HEAD' });
    expect([head.status, head.body, Number(head.headers['content-length']) > 100]).toEqual([200, '', true]);
    const post = await get(memberUrl(s, dir, 'm001'), { method: 'POST' });
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD']);
  });

  it('when a token is wrong, malformed or a path is tried then the answer is the same 404', async () => {
    const dir = planDir();
    const s = await start(dir);
    const good = memberUrl(s, dir, 'm001');
    const flipped = good.replace(/\/feeds\/(.)/, (_m, c: string) => `/feeds/${c === 'A' ? 'B' : 'A'}`);
    expect(flipped).not.toBe(good);
    const answers = await Promise.all(
      [
        flipped,
        `${s.url}/feeds/m001.ics`,
        `${s.url}/feeds/../plan.json`,
        `${s.url}/plan.json`,
        `${s.url}/feeds/%2e%2e%2fplan.json.ics`,
      ].map((u) => get(u)),
    );
    for (const a of answers) expect([a.status, a.body]).toEqual([404, 'not found\n']);
  });

  it(
    'when a corrupt plan is dropped in then the old feed keeps being served; a good new plan replaces ' + 'it',
    async () => {
      const dir = planDir();
      const s = await start(dir);
      const before = await get(memberUrl(s, dir, 'm003'));
      writeFileSync(join(dir, 'plan.json'), readFileSync(join(dir, 'plan.json'), 'utf8').slice(0, 500));
      expect(await s.reload()).toBe(false);
      expect(logs.join('\n')).toMatch(/không phải JSON hợp lệ[\s\S]*không nhận kế hoạch mới; vẫn phục vụ/);
      expect((await get(memberUrl(s, dir, 'm003'))).body).toBe(before.body);
      // A new, valid plan: m003 loses the September visit; m001's feed does not change.
      const doc = JSON.parse(readFileSync('fixtures/small/plan.json', 'utf8'));
      doc.visits = doc.visits.filter(
        (v: { member: string; meeting: string }) => !(v.member === 'm003' && v.meeting === '2027-09'),
      );
      const m001Before = await get(memberUrl(s, dir, 'm001'));
      writeFileSync(join(dir, 'next.json'), JSON.stringify(doc));
      renameSync(join(dir, 'next.json'), join(dir, 'plan.json'));
      expect(await s.reload()).toBe(true);
      const after = await get(memberUrl(s, dir, 'm003'));
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect(after.body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      const m001After = await get(memberUrl(s, dir, 'm001'));
      expect([m001After.headers.etag, m001After.headers['last-modified']]).toEqual([
        m001Before.headers.etag,
        m001Before.headers['last-modified'],
      ]);
    },
  );

  it('when the secret file is replaced then every old link stops working', async () => {
    const dir = planDir();
    const s = await start(dir);
    const old = memberUrl(s, dir, 'm001');
    expect((await get(old)).status).toBe(200);
    writeFileSync(join(dir, 'secret'), 'b'.repeat(64));
    await s.reload();
    expect((await get(old)).status).toBe(404);
    expect((await get(memberUrl(s, dir, 'm001'))).status).toBe(200);
  });

  it('when the secret file does not exist then it is created with mode 0600', async () => {
    const dir = planDir();
    await start(dir);
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600);
    expect(feedToken(loadOrCreateSecret(join(dir, 'secret')), 'member', 'm001')).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('when /healthz is asked then it says only ok; oversized headers are refused', async () => {
    const dir = planDir();
    const s = await start(dir);
    const h = await get(`${s.url}/healthz`);
    expect([h.status, h.body]).toEqual([200, 'ok\n']);
    const big = await get(`${s.url}/healthz`, { headers: { 'X-Big': 'x'.repeat(20_000) } });
    expect(big.status).toBe(431);
  });

  it('when the first plan is broken then the server does not start', async () => {
    const dir = planDir();
    writeFileSync(join(dir, 'plan.json'), '{"format":"lichdu-plan/1"}');
    await expect(start(dir)).rejects.toThrow(/spec_hash: is required/);
    server = undefined;
  });

  it('when a client holds a half-sent request or pipelines without reading then close ends in seconds', async () => {
    const dir = planDir();
    const s = await start(dir);
    const { port } = new URL(s.url);
    const half = connect(Number(port), '127.0.0.1');
    await new Promise((r) => half.once('connect', r));
    half.write('GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: '); // never finished
    const greedy = connect(Number(port), '127.0.0.1');
    await new Promise((r) => greedy.once('connect', r));
    greedy.pause(); // never reads what it asks for
    greedy.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(2000));
    half.on('error', () => undefined);
    greedy.on('error', () => undefined);
    const t0 = Date.now();
    await s.close();
    server = undefined;
    expect(Date.now() - t0).toBeLessThan(SHUTDOWN_GRACE_MS + 2000);
    half.destroy();
    greedy.destroy();
  });
});

describe('lichdu serve --attendance', () => {
  it('when the attendance file records a missed visit then the feed says so, and follows the file', async () => {
    const dir = planDir();
    const att = join(dir, 'diem-danh.csv');
    cpSync('fixtures/small/attendance.csv', att);
    server = await startFeedServer({
      dir,
      secretFile: join(dir, 'secret'),
      attendance: att,
      host: '127.0.0.1',
      port: 0,
      ics: { lang: 'vi', reminderMinutes: 1440 },
      pollMs: 60_000,
      log: (l) => logs.push(l),
    });
    const first = await get(memberUrl(server, dir, 'm001'));
    expect(first.body.replace(/\r\n /g, '')).toContain('SUMMARY:Vắng: Dự sinh hoạt');
    writeFileSync(att, readFileSync(att, 'utf8').replace(',Vắng,,ốm,', ',Đã dự,,,'));
    expect(await server.reload()).toBe(true);
    const second = await get(memberUrl(server, dir, 'm001'));
    expect(second.body.replace(/\r\n /g, '')).not.toContain('SUMMARY:Vắng:');
    expect(second.body.replace(/\r\n /g, '')).toContain('SUMMARY:Đã dự: Dự sinh hoạt');
    expect(second.headers.etag).not.toBe(first.headers.etag);
  });
});
