// Which secret a plan folder's feed links are made with (issue 12, item 2): the default lives outside the folder
// (src/serve/tokens.ts defaultSecretFile), and the folder remembers the secret's fingerprint in `.lichdu-feed-id`.
// `serve` and `feeds` never make a new secret silently for a folder whose links were made with another one: they
// refuse unless `--new-secret` says to revoke every link. A secret others can read gets a warning.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FEED_ID_FILE, defaultSecretFile, loadOrCreateSecret, secretFingerprint } from '../serve/tokens.js';
import { writeFileAtomic } from '../util/atomic.js';
import { InputRefused } from './io.js';
import type { InputIssue } from '../util/issues.js';
import { optionIssue as issue } from './shared.js';

export interface SecretChoice {
  readonly path: string;
  readonly secret: Buffer;
  /** Lines for the log: warnings, and what a new secret revoked. */
  /** What was done or should be (a new secret; a secret others can read), said once each. */
  readonly notes: InputIssue[];
}

/** Resolves, checks and (when allowed) creates the secret of plan folder `dir`; records its fingerprint there. */
export function chooseSecret(
  dir: string,
  opts: { secretFile?: string; newSecret?: boolean },
  links: number,
): SecretChoice {
  const path = opts.secretFile ?? defaultSecretFile(dir);
  const idFile = join(dir, FEED_ID_FILE);
  const before = existsSync(idFile) ? readFileSync(idFile, 'utf8').trim() : undefined;
  const refuse = (now: string) => new InputRefused([issue(path, 'secret.other', { now, dir, before: before ?? '' })]);
  if (before !== undefined && !existsSync(path) && !opts.newSecret) throw refuse('');
  let secret: Buffer;
  try {
    secret = loadOrCreateSecret(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputRefused([
      code === 'EISDIR'
        ? issue(path, 'secret.is-folder')
        : code === 'EACCES' || code === 'EPERM'
          ? issue(path, 'secret.no-permission')
          : issue(path, 'secret.unreadable', { errno: code ?? (err as Error).message }),
    ]);
  }
  const now = secretFingerprint(secret);
  const notes: InputIssue[] = [];
  if (before !== undefined && before !== now) {
    if (!opts.newSecret) throw refuse(now);
    notes.push(issue(path, 'secret.new', { now, links, before }));
  }
  if (before !== now) writeFileAtomic(idFile, `${now}\n`);
  if ((statSync(path).mode & 0o077) !== 0) notes.push(issue(path, 'secret.readable', { path }));
  return { path, secret, notes };
}
