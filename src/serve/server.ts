// The calendar-feed server (node:http): GET/HEAD /feeds/<token>.ics and /healthz. It serves an in-memory snapshot
// made from DIR/plan.json and swaps it when the plan changes; a broken plan is refused and the last good one stays.
import { createHash, timingSafeEqual } from 'node:crypto';
import { statSync, watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import type { IcsOptions } from '../export/ics.js';
import { readPlanDocument } from '../planfile/index.js';
import { decodeText, readInputFile } from '../util/files.js';
import { formatIssue, InputRefused } from '../util/issues.js';
import type { Lang } from '../format/labels.js';
import { buildSnapshot, lookupKey, type Feed, type Snapshot } from './snapshot.js';
import type { Duplex } from 'node:stream';
import { loadFeedSecret, revocationsFile, TOKEN_PATTERN } from './tokens.js';
import { readAttendanceFile } from '../attendance/file.js';
import { withAttendance } from '../attendance/feeds.js';

export interface FeedServerOptions {
  readonly dir: string;
  readonly secretFile: string;
  /** The attendance file, when the feeds show what happened (missed visits, substitutes). */
  readonly attendance?: string;
  readonly host: string;
  readonly port: number;
  readonly ics: IcsOptions;
  /** How often the plan and secret files are checked besides file-system events. */
  readonly pollMs?: number;
  readonly log: (line: string) => void;
  readonly now?: () => Date;
}

export interface FeedServer {
  readonly url: string;
  readonly server: Server;
  current(): Snapshot;
  /** Checks the files now; resolves true when a new snapshot was taken. */
  reload(): Promise<boolean>;
  close(): Promise<void>;
}

interface Loaded {
  readonly snapshot: Snapshot;
  readonly planStamp: string;
  readonly secretStamp: string;
}

/** The secret's stamp: the file and its revocations (a revoked link is dropped at once). */
const secretStampOf = (path: string): string => `${stampOf(path)}|${stampOf(revocationsFile(path))}`;
/** The plan's stamp: plan.json and, when the feeds show it, the attendance file. */
const planStampOf = (planPath: string, attendance: string | undefined): string =>
  attendance === undefined ? stampOf(planPath) : `${stampOf(planPath)}|${stampOf(attendance)}`;

const stampOf = (path: string): string => {
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}:${s.ino}`;
  } catch {
    return 'missing';
  }
};

async function load(opts: FeedServerOptions, previous: Snapshot | undefined, now: Date): Promise<Snapshot> {
  const planPath = join(opts.dir, 'plan.json');
  const read = readInputFile(planPath, 'plan');
  if (!read.ok) throw new InputRefused(read.issues);
  const bytes = read.value;
  const text = decodeText(bytes, planPath);
  if (!text.ok) throw new InputRefused(text.issues);
  const doc = readPlanDocument(text.value, planPath);
  if (!doc.ok) throw new InputRefused(doc.issues);
  const key = loadFeedSecret(opts.secretFile);
  const hash = createHash('sha256')
    .update(bytes)
    .update(key.secret)
    .update(JSON.stringify([...key.revoked]));
  let shown = doc.value;
  if (opts.attendance !== undefined) {
    const att = await readAttendanceFile(opts.attendance, doc.value);
    if (!att.ok) throw new InputRefused(att.issues);
    shown = withAttendance(doc.value, att.value.records);
    hash.update(JSON.stringify(att.value.records));
  }
  return buildSnapshot(shown, hash.digest('hex'), key, opts.ics, previous, now);
}

const NOT_FOUND = Buffer.from('not found\n');
const OK = Buffer.from('ok\n');
/** How long in-flight responses get on SIGTERM/SIGINT before every connection is closed. */
export const SHUTDOWN_GRACE_MS = 2000;

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer, head: boolean): void {
  res.writeHead(status, { 'Content-Length': String(body.length), 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(head ? undefined : body);
}

/** RFC 9110 §13.1.2: If-None-Match uses weak comparison. */
function matches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

export async function startFeedServer(opts: FeedServerOptions): Promise<FeedServer> {
  const now = opts.now ?? (() => new Date());
  const planPath = join(opts.dir, 'plan.json');
  // Throws InputRefused when the first plan is not usable: the CLI refuses to start.
  const firstStamps = {
    planStamp: planStampOf(planPath, opts.attendance),
    secretStamp: secretStampOf(opts.secretFile),
  };
  let state: Loaded = { snapshot: await load(opts, undefined, now()), ...firstStamps };

  // One reload at a time; a change seen during a reload is picked up by the next call.
  let running: Promise<boolean> | undefined;
  const reloadOnce = async (): Promise<boolean> => {
    const planStamp = planStampOf(planPath, opts.attendance);
    const secretStamp = secretStampOf(opts.secretFile);
    if (planStamp === state.planStamp && secretStamp === state.secretStamp) return false;
    try {
      const snapshot = await load(opts, state.snapshot, now());
      const changed = snapshot.planHash !== state.snapshot.planHash;
      state = { snapshot: changed ? snapshot : state.snapshot, planStamp, secretStamp };
      if (changed)
        opts.log(
          `${loadedLine(opts.ics.lang, planPath, snapshot)} (${opts.ics.lang === 'vi' ? 'đặc tả' : 'spec'} ` +
            `${snapshot.specHash.slice(0, 19)}…)`,
        );
      return changed;
    } catch (err) {
      state = { ...state, planStamp, secretStamp };
      const why =
        err instanceof InputRefused
          ? err.issues.map((i) => formatIssue(i, opts.ics.lang)).join('\n')
          : `✖ ${(err as Error).message}`;
      const since = state.snapshot.loadedAt.toISOString();
      opts.log(
        opts.ics.lang === 'vi'
          ? `${why}\n! không nhận kế hoạch mới; vẫn phục vụ kế hoạch đã nạp lúc ${since}`
          : `${why}\n! refused the new plan; still serving the plan loaded at ${since}`,
      );
      return false;
    }
  };
  const reload = async (): Promise<boolean> => {
    while (running) await running;
    running = reloadOnce().finally(() => (running = undefined));
    return running;
  };

  // One read of the snapshot per request: the whole request sees one plan.
  const handle = (req: IncomingMessage, res: ServerResponse) => handleRequest(req, res, state.snapshot);

  const sockets = new Set<Socket>();
  const server = createServer(
    { maxHeaderSize: 8 * 1024, requestTimeout: 15_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 },
    (req, res) => {
      try {
        handle(req, res);
      } catch (err) {
        opts.log(
          `✖ ${opts.ics.lang === 'vi' ? 'lỗi nội bộ khi xử lý' : 'internal error on'} ${req.method} ${req.url}: ` +
            (err as Error).message,
        );
        if (!res.headersSent)
          send(res, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from('internal error\n'), false);
      }
    },
  );
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('clientError', refuseMalformed);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });

  // File-system events, with polling as a fallback (events can be missed on some file systems).
  let timer: NodeJS.Timeout | undefined;
  const soon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void reload(), 150);
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(opts.dir, (_event, name) => {
      if (name === null || name === 'plan.json') soon();
    });
  } catch {
    watcher = undefined;
  }
  const poll = setInterval(() => void reload(), opts.pollMs ?? 2000);
  poll.unref();

  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  opts.log(loadedLine(opts.ics.lang, planPath, state.snapshot));
  return {
    url: `http://${host}:${addr.port}`,
    server,
    current: () => state.snapshot,
    reload,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(poll);
        if (timer) clearTimeout(timer);
        watcher?.close();
        server.close(() => resolve());
        server.closeIdleConnections();
        // In-flight responses get a moment to finish; then every connection goes, whatever its client does (one
        // holding a half-sent request or pipelining without reading kept the process alive for ever).
        setTimeout(() => {
          server.closeAllConnections();
          for (const socket of sockets) socket.destroy();
        }, SHUTDOWN_GRACE_MS).unref();
      }),
  };
}

/** A request by its kind: a method other than GET or HEAD, the health check, a feed, or anything else (404). */
function handleRequest(req: IncomingMessage, res: ServerResponse, snap: Snapshot): void {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    send(
      res,
      405,
      { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' },
      Buffer.from('method not allowed\n'),
      false,
    );
    return;
  }
  const path = (req.url ?? '/').split('?')[0]!;
  if (path === '/healthz') {
    // Only "ok": what is served (spec hash, counts) is for the log, not for anyone who asks.
    send(res, 200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }, OK, head);
    return;
  }
  const m = /^\/feeds\/([^/]+)\.ics$/.exec(path);
  const token = m?.[1];
  const feed = token !== undefined && TOKEN_PATTERN.test(token) ? snap.feeds.get(lookupKey(token)) : undefined;
  if (!feed || !timingSafeEqual(Buffer.from(feed.token), Buffer.from(token!))) {
    send(res, 404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }, NOT_FOUND, head);
    return;
  }
  serveFeed(req, res, feed, head);
}

/** A feed, or 304 when the client's copy (ETag, else Last-Modified) is current. */
function serveFeed(req: IncomingMessage, res: ServerResponse, feed: Feed, head: boolean): void {
  const headers = {
    'Content-Type': 'text/calendar; charset=utf-8',
    ETag: feed.etag,
    'Last-Modified': feed.lastModified.toUTCString(),
    'Cache-Control': 'private, max-age=300',
    'Content-Disposition': `inline; filename="${feed.kind}-${feed.id}.ics"`,
  };
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  const notModified =
    inm !== undefined
      ? matches(inm, feed.etag)
      : ims !== undefined && !Number.isNaN(Date.parse(ims)) && Date.parse(ims) >= feed.lastModified.getTime();
  if (notModified) {
    res.writeHead(304, {
      ETag: feed.etag,
      'Last-Modified': headers['Last-Modified'],
      'Cache-Control': headers['Cache-Control'],
    });
    res.end();
    return;
  }
  send(res, 200, headers, feed.body, head);
}

/** A request the HTTP parser refused (headers too large, too slow, malformed): closed with its status. */
function refuseMalformed(err: NodeJS.ErrnoException, socket: Duplex): void {
  const status =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? '431 Request Header Fields Too Large'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? '408 Request Timeout'
        : '400 Bad Request';
  if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
}

/** The log line of a plan loaded. */
function loadedLine(lang: Lang, planPath: string, s: { visits: number; members: number; cells: number }): string {
  return lang === 'vi'
    ? `✔ đã nạp ${planPath}: ${s.visits} buổi dự, lịch của ${s.members} cấp ủy viên và ${s.cells} chi bộ`
    : `✔ loaded ${planPath}: ${s.visits} visits, ${s.members} member and ${s.cells} cell feeds`;
}
