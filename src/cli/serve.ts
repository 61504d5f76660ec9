// lichdu serve DIR: per-member and per-cell calendar feeds at unguessable URLs; stops cleanly on SIGTERM/SIGINT.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { settleFolder } from '../util/lock.js';
import type { Lang } from '../format/labels.js';
import { PlanRefused, startFeedServer } from '../serve/server.js';
import { chooseSecret } from './secret.js';
import { EXIT, InputRefused, type Io } from './io.js';

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly baseUrl?: string;
  readonly secretFile?: string;
  readonly newSecret?: boolean;
  readonly lang: Lang;
  readonly reminderMinutes: number;
}

export async function runServe(dir: string, opts: ServeOptions, io: Io): Promise<number> {
  try {
    if (!statSync(dir).isDirectory()) throw new Error();
  } catch {
    throw new InputRefused([
      {
        file: dir,
        path: [],
        message: 'is not a directory: give the directory that holds plan.json (lichdu convert -o DIR)',
      },
    ]);
  }
  if (settleFolder(dir)) io.err(`✔ completed the plan that a stopped lichdu left half-written in ${dir}\n`);
  const planPath = join(dir, 'plan.json');
  const links = readLinkCount(planPath);
  const choice = chooseSecret(dir, opts, links);
  for (const note of choice.notes) io.err(`${note}\n`);
  const secretFile = choice.path;
  let server;
  try {
    server = await startFeedServer({
      dir,
      secretFile,
      host: opts.host,
      port: opts.port,
      ics: { lang: opts.lang, reminderMinutes: opts.reminderMinutes },
      log: (line) => io.err(`${new Date().toISOString()} ${line}\n`),
    });
  } catch (err) {
    if (err instanceof PlanRefused) throw new InputRefused(err.issues);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new InputRefused([
        {
          file: `${opts.host}:${opts.port}`,
          path: [],
          message: `cannot listen there (${code}): choose another --port or --host`,
        },
      ]);
    }
    throw err;
  }
  io.err(`lichdu serve: listening on ${server.url} (plan ${join(dir, 'plan.json')}, secret ${secretFile})\n`);
  // For programs that start the server (tests, a console, a service manager): one JSON line on stdout, once ready.
  io.out(`${JSON.stringify({ ready: true, url: server.url, plan: join(dir, 'plan.json') })}\n`);
  io.err(
    `  member links: lichdu feeds ${dir} --base-url ` +
      `${opts.baseUrl ?? server.url}${opts.secretFile ? ` --secret-file ${opts.secretFile}` : ''}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      io.err(`lichdu serve: ${signal}, stopping\n`);
      process.off('SIGTERM', onTerm);
      process.off('SIGINT', onInt);
      void server.close().then(resolve);
    };
    const onTerm = () => stop('SIGTERM');
    const onInt = () => stop('SIGINT');
    process.on('SIGTERM', onTerm);
    process.on('SIGINT', onInt);
  });
  return EXIT.ok;
}

/** How many links a folder's plan has (members and cells), for the log of a new secret; 0 when it cannot be read. */
function readLinkCount(planPath: string): number {
  try {
    const doc = JSON.parse(readFileSync(planPath, 'utf8')) as {
      directory?: { members?: unknown[]; cells?: unknown[] };
    };
    return (doc.directory?.members?.length ?? 0) + (doc.directory?.cells?.length ?? 0);
  } catch {
    return 0;
  }
}
