// lichdu's command line run in the test's process: the exit code and what it printed on stdout and stderr.
import { runCli } from '../../src/cli/main.js';

export async function cli(
  args: string[],
  env?: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => void (out += s), err: (s) => void (err += s) }, env);
  return { code, out, err };
}
