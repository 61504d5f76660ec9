// Unguessable feed URLs: token = HMAC-SHA256(secret, kind:id), 192 bits, base64url. The secret lives in a file
// created with mode 0600, one per organisation; replacing the file invalidates every link, and a revocation kept
// beside it (`--new-secret m001`) one member's.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, renameSync, writeSync, closeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

/** Where the first versions kept the secret: inside the plan folder (deleted with it, so every link broke). */
export function legacySecretFile(planDir: string): string {
  return join(planDir, '.lichdu-feed-secret');
}

const configDir = (env: NodeJS.ProcessEnv) => join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'lichdu');

/**
 * Where later versions kept it: in the user's configuration folder, named by the plan folder's absolute path — so a
 * re-plan into another folder, a copy or a rename got new links. Read only to carry such a secret over.
 */
export function folderSecretFile(planDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const name = createHash('sha256').update(resolve(planDir)).digest('hex').slice(0, 32);
  return join(configDir(env), 'feed-secrets', `${name}.secret`);
}

/**
 * The organisation a plan belongs to (issue 24, item 1): its top units' ids (those with no parent), as plan.json's
 * directory has them. It stays the same across re-plans, years, and copies, moves and renames of the folder.
 */
export function organisationKey(units: ReadonlyArray<{ id: string; parent?: string | null | undefined }>): string {
  const roots = units.filter((u) => u.parent === undefined || u.parent === null).map((u) => u.id);
  return `units:${[...new Set(roots)].sort().join(',')}`;
}

/**
 * The default secret of an organisation's feeds: outside any plan folder (so a folder can be copied or shared
 * without it), in the user's configuration folder (`$XDG_CONFIG_HOME/lichdu/feed-secrets/`, else
 * `~/.config/lichdu/feed-secrets/`), named by the organisation.
 */
export function defaultSecretFile(organisation: string, env: NodeJS.ProcessEnv = process.env): string {
  const name = createHash('sha256').update(organisation).digest('hex').slice(0, 32);
  return join(configDir(env), 'feed-secrets', `org-${name}.secret`);
}

/** Per-member (or per-cell) revocations beside a secret: how many times each link was revoked. */
export const revocationsFile = (secretFile: string) => `${secretFile}.revoked.json`;

/** A secret and its revocations: what every feed token is made from. */
export interface FeedSecret {
  readonly secret: Buffer;
  /** `member:m001` → how many times that link was revoked (absent: never). */
  readonly revoked: ReadonlyMap<string, number>;
}

/** The revocations kept beside a secret file (none when the file is missing or unreadable as such). */
export function readRevocations(secretFile: string): Map<string, number> {
  try {
    const raw = JSON.parse(readFileSync(revocationsFile(secretFile), 'utf8')) as Record<string, unknown>;
    return new Map(
      Object.entries(raw).filter((e): e is [string, number] => Number.isInteger(e[1]) && (e[1] as number) > 0),
    );
  } catch {
    return new Map();
  }
}

/** The secret (made if missing) and its revocations. */
export function loadFeedSecret(path: string): FeedSecret {
  return { secret: loadOrCreateSecret(path), revoked: readRevocations(path) };
}

/** The file in a plan folder that remembers which secret its links were made with (a fingerprint, not the secret). */
export const FEED_ID_FILE = '.lichdu-feed-id';

/** A short public fingerprint of a secret: tells two secrets apart without revealing either. */
export function secretFingerprint(secret: Buffer): string {
  return createHmac('sha256', secret).update('lichdu-feed-fingerprint').digest('hex').slice(0, 16);
}

/** Writes a new secret (32 random bytes, hex) to a file that must not exist yet, mode 0600. */
function writeNewSecret(path: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, randomBytes(32).toString('hex') + '\n');
  } finally {
    closeSync(fd);
  }
}

/** Replaces the secret with a new one (every link changes), whole: written beside it, then renamed over it. */
export function replaceSecret(path: string): void {
  const fresh = `${path}.new-${process.pid}`;
  writeNewSecret(fresh);
  renameSync(fresh, path);
}

/** Reads the secret, creating it (32 random bytes, hex, mode 0600) if the file does not exist. */
export function loadOrCreateSecret(path: string): Buffer {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeNewSecret(path);
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

/** A feed's token; a link revoked n times gets the n-th new one, the others stay as they were. */
export function feedToken(key: Buffer | FeedSecret, kind: 'member' | 'cell', id: string): string {
  const { secret, revoked } = Buffer.isBuffer(key) ? { secret: key, revoked: undefined } : key;
  const n = revoked?.get(`${kind}:${id}`) ?? 0;
  return createHmac('sha256', secret)
    .update(`lichdu-feed:${kind}:${id}${n > 0 ? `:${n}` : ''}`)
    .digest()
    .subarray(0, 24)
    .toString('base64url');
}

export function feedUrls(baseUrl: string, token: string): { https: string; webcal: string } {
  const base = baseUrl.replace(/\/+$/, '');
  const https = `${base}/feeds/${token}.ics`;
  return { https, webcal: https.replace(/^https?:\/\//i, 'webcal://') };
}
