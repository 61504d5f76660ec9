// Which secret a plan folder's feed links are made with (issue 12, item 2): the default lives outside the folder
// (src/serve/tokens.ts defaultSecretFile), and the folder remembers the secret's fingerprint in `.lichdu-feed-id`.
// `serve` and `feeds` never make a new secret silently for a folder whose links were made with another one: they
// refuse unless `--new-secret` says to revoke every link. A secret others can read gets a warning.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FEED_ID_FILE, defaultSecretFile, loadOrCreateSecret, secretFingerprint } from '../serve/tokens.js';
import { writeFileAtomic } from '../util/atomic.js';
import { InputRefused } from './io.js';

export interface SecretChoice {
  readonly path: string;
  readonly secret: Buffer;
  /** Lines for the log: warnings, and what a new secret revoked. */
  readonly notes: string[];
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
  const refuse = (why: string) =>
    new InputRefused([
      {
        file: path,
        path: [],
        message:
          `${why}: the links already sent for ${dir} were made with another secret (fingerprint ${before}) and would ` +
          `all stop working. Give that secret with --secret-file, or pass --new-secret to revoke every link and send ` +
          `new ones (lichdu feeds)`,
      },
    ]);
  if (before !== undefined && !existsSync(path) && !opts.newSecret) throw refuse('no secret file here');
  let secret: Buffer;
  try {
    secret = loadOrCreateSecret(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message =
      code === 'EISDIR'
        ? 'this is a folder: give the secret file itself (or leave out --secret-file for the default)'
        : code === 'EACCES' || code === 'EPERM'
          ? 'cannot be read or made by this user: check its permissions, or give another --secret-file'
          : code !== undefined
            ? `cannot be read or made (${code}): give another --secret-file`
            : (err as Error).message;
    throw new InputRefused([{ file: path, path: [], message }]);
  }
  const now = secretFingerprint(secret);
  const notes: string[] = [];
  if (before !== undefined && before !== now) {
    if (!opts.newSecret) throw refuse(`this secret (fingerprint ${now}) is not the one`);
    notes.push(`new secret (fingerprint ${now}): the ${links} links made with ${before} no longer work`);
  }
  if (before !== now) writeFileAtomic(idFile, `${now}\n`);
  if ((statSync(path).mode & 0o077) !== 0)
    notes.push(`! ${path} can be read by other users of this machine: chmod 600 ${path}`);
  return { path, secret, notes };
}
