// lichdu serve DIR: per-member and per-cell calendar feeds at unguessable URLs; stops cleanly on SIGTERM/SIGINT.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { settleFolder } from '../util/lock.js';
import type { Lang } from '../format/labels.js';
import { startFeedServer } from '../serve/server.js';
import { chooseSecret } from './secret.js';
import { EXIT, InputRefused, type Io } from './io.js';
import { optionIssue as issue, readPlanDocumentFile } from './shared.js';
import { formatIssue } from '../util/issues.js';

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly baseUrl?: string;
  readonly secretFile?: string;
  readonly newSecret?: boolean | readonly string[];
  readonly lang: Lang;
  readonly reminderMinutes: number;
  readonly attendance?: string;
}

export async function runServe(dir: string, opts: ServeOptions, io: Io): Promise<number> {
  try {
    if (!statSync(dir).isDirectory()) throw new Error();
  } catch {
    throw new InputRefused([issue(dir, 'serve.not-folder')]);
  }
  const vi = opts.lang === 'vi';
  if (settleFolder(dir))
    io.err(
      vi
        ? `✔ đã hoàn tất kế hoạch mà một lichdu bị dừng ghi dở trong ${dir}\n`
        : `✔ completed the plan that a stopped lichdu left half-written in ${dir}\n`,
    );
  const choice = chooseSecret(dir, readPlanDocumentFile(join(dir, 'plan.json')), opts);
  for (const note of choice.notes) io.err(formatIssue(note, opts.lang, '!') + '\n');
  const secretFile = choice.path;
  let server;
  try {
    server = await startFeedServer({
      dir,
      secretFile,
      ...(opts.attendance !== undefined ? { attendance: opts.attendance } : {}),
      host: opts.host,
      port: opts.port,
      ics: { lang: opts.lang, reminderMinutes: opts.reminderMinutes },
      log: (line) => io.err(`${new Date().toISOString()} ${line}\n`),
    });
  } catch (err) {
    if (err instanceof InputRefused) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new InputRefused([issue(`${opts.host}:${opts.port}`, 'serve.cannot-listen', { errno: code })]);
    }
    throw err;
  }
  const plan = join(dir, 'plan.json');
  io.err(
    vi
      ? `lichdu serve: đang phục vụ tại ${server.url} (kế hoạch ${plan}, khóa bí mật ${secretFile})\n`
      : `lichdu serve: listening on ${server.url} (plan ${plan}, secret ${secretFile})\n`,
  );
  // For programs that start the server (tests, a console, a service manager): one JSON line on stdout, once ready.
  io.out(`${JSON.stringify({ ready: true, url: server.url, plan: join(dir, 'plan.json') })}\n`);
  io.err(
    `  ${vi ? 'liên kết cho cấp ủy viên' : 'member links'}: lichdu feeds ${dir} --base-url ` +
      `${opts.baseUrl ?? server.url}${opts.secretFile ? ` --secret-file ${opts.secretFile}` : ''}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      io.err(vi ? `lichdu serve: nhận ${signal}, đang dừng\n` : `lichdu serve: ${signal}, stopping\n`);
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
