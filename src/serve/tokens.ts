// Unguessable feed URLs: token = HMAC-SHA256(secret, kind:id), 192 bits, base64url. The secret lives in a file
// created with mode 0600; replacing the file invalidates every link.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, writeSync, closeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function defaultSecretFile(planDir: string): string {
  return join(planDir, '.lichdu-feed-secret');
}

/** Reads the secret, creating it (32 random bytes, hex, mode 0600) if the file does not exist. */
export function loadOrCreateSecret(path: string): Buffer {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(path, 'wx', 0o600);
    writeSync(fd, randomBytes(32).toString('hex') + '\n');
    closeSync(fd);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const text = readFileSync(path, 'utf8').trim();
  if (text.length < 32)
    throw new Error(
      `the secret in ${path} is too short (at least 32 characters); delete the file to have a new one made`,
    );
  return Buffer.from(text, 'utf8');
}

export function feedToken(secret: Buffer, kind: 'member' | 'cell', id: string): string {
  return createHmac('sha256', secret)
    .update(`lichdu-feed:${kind}:${id}`)
    .digest()
    .subarray(0, 24)
    .toString('base64url');
}

export function feedUrls(baseUrl: string, token: string): { https: string; webcal: string } {
  const base = baseUrl.replace(/\/+$/, '');
  const https = `${base}/feeds/${token}.ics`;
  return { https, webcal: https.replace(/^https?:\/\//i, 'webcal://') };
}
