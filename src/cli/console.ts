// lichdu console [DIR] (issue 25): the staff's web page over a workspace folder, on 127.0.0.1; prints its address (with
// the token) on a line of its own and opens the default browser unless --no-open; SIGTERM or Ctrl-C stop it cleanly,
// a running plan keeping its best.
import { spawn } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import type { Lang } from '../format/labels.js';
import { startConsole } from './console/server.js';
import { EXIT, InputRefused, type Io } from './io.js';
import { optionIssue as issue } from './shared.js';

export interface ConsoleOptions {
  readonly port: number;
  readonly open: boolean;
  readonly lang: Lang;
}

export async function runConsole(dir: string, opts: ConsoleOptions, io: Io): Promise<number> {
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw new Error();
  } catch {
    throw new InputRefused([issue(dir, 'serve.not-folder')]);
  }
  const vi = opts.lang === 'vi';
  let c;
  try {
    c = await startConsole({ dir, port: opts.port, lang: opts.lang, log: (l) => io.err(`${l}\n`) });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES')
      throw new InputRefused([issue(`127.0.0.1:${opts.port}`, 'serve.cannot-listen', { errno: code })]);
    throw err;
  }
  const address = `${c.url}/?token=${c.token}`;
  io.err(
    vi
      ? `lichdu console: mở địa chỉ sau trong trình duyệt (Ctrl-C để dừng):\n`
      : `lichdu console: open this address (Ctrl-C stops):\n`,
  );
  io.out(`${address}\n`);
  if (opts.open) {
    const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
    const child = spawn(opener, [address], { stdio: 'ignore', detached: true });
    child.on('error', () =>
      io.err(
        vi
          ? '! không mở được trình duyệt; hãy mở địa chỉ trên\n'
          : '! could not open a browser; open the address above\n',
      ),
    );
    child.unref();
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      io.err(vi ? 'lichdu console: đang dừng\n' : 'lichdu console: stopping\n');
      void c.close().then(resolve);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  return EXIT.ok;
}
