// Which secret a plan folder's feed links are made with (issue 12, item 2; issue 24, item 1). The default belongs to
// the organisation, not to a folder: one secret per organisation (src/serve/tokens.ts organisationKey) in the user's
// configuration folder, so that a re-plan into a new folder, a copy on a USB stick or a renamed folder all give the
// same links. The folder remembers the secret's fingerprint in `.lichdu-feed-id` (public); `serve` and `feeds` never
// make a new secret silently for a folder whose links were made with another one (e.g. the folder was brought from
// another computer): they refuse unless `--new-secret` says to revoke every link. `--new-secret m001 …` revokes only
// those members' (or cells') links. A secret that earlier versions kept per folder is carried over once.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlanDocument } from '../planfile/index.js';
import { NameIndex } from '../planfile/names.js';
import {
  FEED_ID_FILE,
  defaultSecretFile,
  folderSecretFile,
  legacySecretFile,
  loadOrCreateSecret,
  organisationKey,
  readRevocations,
  replaceSecret,
  revocationsFile,
  secretFingerprint,
  type FeedSecret,
} from '../serve/tokens.js';
import { writeFileAtomic } from '../util/atomic.js';
import { InputRefused } from './io.js';
import type { InputIssue } from '../util/issues.js';
import { optionIssue as issue } from './shared.js';

export interface SecretChoice {
  readonly path: string;
  readonly key: FeedSecret;
  /** What was done or should be (a new secret, a revoked link, a secret carried over, one others can read). */
  readonly notes: InputIssue[];
}

export interface SecretOptions {
  readonly secretFile?: string;
  /** true: revoke every link; a list of member or cell ids (or full names): revoke only theirs. */
  readonly newSecret?: boolean | readonly string[];
}

/** Resolves, checks and (when allowed) creates the secret of the plan in folder `dir`; records its fingerprint. */
export function chooseSecret(dir: string, doc: PlanDocument, opts: SecretOptions): SecretChoice {
  const links = doc.members.length + doc.cells.length;
  const all = opts.newSecret === true;
  const path = opts.secretFile ?? defaultSecretFile(organisationKey(doc.units));
  const notes: InputIssue[] = [];
  if (opts.secretFile === undefined && !existsSync(path)) {
    const earlier = [legacySecretFile(dir), folderSecretFile(dir)].find((f) => existsSync(f));
    if (earlier !== undefined) {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      copyFileSync(earlier, path);
      notes.push(issue(path, 'secret.carried', { from: earlier }));
    }
  }
  const idFile = join(dir, FEED_ID_FILE);
  const before = existsSync(idFile) ? readFileSync(idFile, 'utf8').trim() : undefined;
  // `--new-secret` alone revokes every link: a fresh secret replaces the one there, and its revocations go with it.
  if (all && existsSync(path)) {
    const old = secretFingerprint(loadOrCreateSecret(path));
    replaceSecret(path);
    rmSync(revocationsFile(path), { force: true });
    if (before === undefined)
      notes.push(issue(path, 'secret.new', { now: secretFingerprint(loadOrCreateSecret(path)), links, before: old }));
  }
  const refuse = (now: string) => new InputRefused([issue(path, 'secret.other', { now, dir, before: before ?? '' })]);
  if (before !== undefined && !existsSync(path) && !all) throw refuse('');
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
  if (before !== undefined && before !== now) {
    if (!all) throw refuse(now);
    notes.push(issue(path, 'secret.new', { now, links, before }));
  }
  if (before !== now) writeFileAtomic(idFile, `${now}\n`);
  const revoked = readRevocations(path);
  if (Array.isArray(opts.newSecret)) revoke(doc, path, revoked, opts.newSecret as readonly string[], notes);
  if ((statSync(path).mode & 0o077) !== 0) notes.push(issue(path, 'secret.readable', { path }));
  return { path, key: { secret, revoked }, notes };
}

/** Revokes the links of the members or cells named (ids or unique full names), keeping everyone else's. */
function revoke(
  doc: PlanDocument,
  path: string,
  revoked: Map<string, number>,
  names: readonly string[],
  notes: InputIssue[],
): void {
  const members = new NameIndex('member', doc.members);
  const cells = new NameIndex('cell', doc.cells);
  const problems: InputIssue[] = [];
  const keys: string[] = [];
  for (const name of names) {
    const m = members.resolve(name);
    const c = m.ok ? undefined : cells.resolve(name);
    if (m.ok) keys.push(`member:${m.id}`);
    else if (c?.ok) keys.push(`cell:${c.id}`);
    else problems.push(issue('--new-secret', m.code, m.params));
  }
  if (problems.length > 0) throw new InputRefused(problems);
  for (const k of new Set(keys)) {
    revoked.set(k, (revoked.get(k) ?? 0) + 1);
    notes.push(issue(path, 'secret.revoked-one', { who: k.slice(k.indexOf(':') + 1) }));
  }
  writeFileAtomic(revocationsFile(path), `${JSON.stringify(Object.fromEntries([...revoked].sort()), null, 2)}\n`);
}
