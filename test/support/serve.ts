// `lichdu serve DIR --port 0` as a process, for the tests that subscribe real clients to it: the address it listens
// on, its log so far, and a stop that sends SIGTERM and gives the exit code.
import { spawn } from 'node:child_process';

export interface Served {
  readonly url: string;
  log(): string;
  stop(): Promise<number | null>;
}

export async function startServe(dir: string): Promise<Served> {
  const proc = spawn('node', ['dist/bin/lichdu.js', 'serve', dir, '--port', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  proc.stderr.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    proc.stderr.on('data', (c: string) => {
      log += c;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m) resolve(m[1]!);
    });
    proc.on('exit', () => reject(new Error(`serve exited: ${log}`)));
  });
  return {
    url,
    log: () => log,
    stop: () => {
      const exited = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)));
      proc.kill('SIGTERM');
      return exited;
    },
  };
}
