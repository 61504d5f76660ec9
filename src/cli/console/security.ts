// The console's guard (issue 25, item 5), for an office computer others may use: it listens on 127.0.0.1 only; every
// request carries the token printed at start (in the address once, then a cookie); a Host that is not the loopback
// address and port is refused (DNS rebinding); a request that changes anything must come from the console's own
// origin and carry the CSRF token of its form. Tokens are compared in constant time.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const COOKIE = 'lichdu_console';

export interface Guard {
  /** The token in the address the console prints. */
  readonly token: string;
  /** The CSRF token every form carries. */
  readonly csrf: string;
  /** Why a request is refused (HTTP status and a reason), or undefined when it may proceed. */
  check(req: IncomingMessage, port: number, changes: boolean): { status: number; why: string } | undefined;
  /** Whether the request carries the token in its address (the first visit): the cookie is then set. */
  tokenInQuery(req: IncomingMessage): boolean;
  cookie(): string;
  csrfOk(value: string | undefined): boolean;
}

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

function cookieOf(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return undefined;
}

export function makeGuard(token = randomBytes(24).toString('base64url')): Guard {
  const csrf = createHmac('sha256', token).update('lichdu-console-csrf').digest('base64url').slice(0, 32);
  const queryToken = (req: IncomingMessage) => new URL(req.url ?? '/', 'http://x').searchParams.get('token') ?? '';
  return {
    token,
    csrf,
    tokenInQuery: (req) => same(queryToken(req), token),
    cookie: () => `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    csrfOk: (value) => value !== undefined && same(value, csrf),
    check(req, port, changes) {
      const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
      if (!hosts.includes((req.headers.host ?? '').toLowerCase())) return { status: 421, why: 'host' };
      const has = same(cookieOf(req) ?? '', token) || same(queryToken(req), token);
      if (!has) return { status: 401, why: 'token' };
      if (changes) {
        const origin = req.headers.origin;
        const site = req.headers['sec-fetch-site'];
        const fromHere = origin !== undefined ? hosts.some((h) => origin === `http://${h}`) : site === 'same-origin';
        if (!fromHere) return { status: 403, why: 'origin' };
      }
      return undefined;
    },
  };
}
