// `lichdu serve DIR --port 0` as a process, for the tests that subscribe real clients to it: the address it listens
// on (from its JSON ready line on stdout), its log so far, and a stop that sends SIGTERM and gives the exit code.
import { spawn } from 'node:child_process';

export interface Served {
  readonly url: string;
  log(): string;
  stop(): Promise<number | null>;
}

export async function startServe(dir: string): Promise<Served> {
  const proc = spawn('node', ['dist/bin/lichdu.js', 'serve', dir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let out = '';
  proc.stderr.setEncoding('utf8');
  proc.stdout.setEncoding('utf8');
  proc.stderr.on('data', (c: string) => (log += c));
  // The ready line: one JSON object on stdout once the server listens (never a sentence to parse).
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout.on('data', (c: string) => {
      out += c;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && out.includes('\n')) resolve((JSON.parse(line) as { ready: true; url: string }).url);
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
