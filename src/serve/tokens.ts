// Unguessable feed URLs: token = HMAC-SHA256(secret, kind:id), 192 bits, base64url. The secret lives in a file
// created with mode 0600; replacing the file invalidates every link.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, writeSync, closeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

/** Where earlier versions kept the secret: inside the plan folder (deleted with it, so every link broke). */
export function legacySecretFile(planDir: string): string {
  return join(planDir, '.lichdu-feed-secret');
}

/**
 * The default secret of a plan folder: outside it, in the user's configuration folder
 * (`$XDG_CONFIG_HOME/lichdu/feed-secrets/`, else `~/.config/lichdu/feed-secrets/`), named by the folder's absolute
 * path, so that re-creating the folder (`rm -rf out && lichdu plan … -o out`) keeps every member's link. A folder
 * that still holds a secret of an earlier version keeps using it.
 */
export function defaultSecretFile(planDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const legacy = legacySecretFile(planDir);
  if (existsSync(legacy)) return legacy;
  const config = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  const name = createHash('sha256').update(resolve(planDir)).digest('hex').slice(0, 32);
  return join(config, 'lichdu', 'feed-secrets', `${name}.secret`);
}

/** The file in a plan folder that remembers which secret its links were made with (a fingerprint, not the secret). */
export const FEED_ID_FILE = '.lichdu-feed-id';

/** A short public fingerprint of a secret: tells two secrets apart without revealing either. */
export function secretFingerprint(secret: Buffer): string {
  return createHmac('sha256', secret).update('lichdu-feed-fingerprint').digest('hex').slice(0, 16);
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
