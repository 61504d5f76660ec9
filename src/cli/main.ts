// The command line: parses arguments, runs one command, turns its outcome into an exit code. Only this layer (and
// bin/) writes to the terminal.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/paths.js';
import { EXIT, InputRefused, safeIo, type Io } from './io.js';
import { COMMANDS } from './commands.js';

export const processIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Runs the CLI on `argv` (without node and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], rawIo: Io = processIo): Promise<number> {
  // A command run as the process starts with it (performance.now() counts from there); one run in-process, now.
  const startedAt = rawIo === processIo ? 0 : performance.now();
  const io = safeIo(rawIo);
  let code: number = EXIT.ok;
  const debug = argv.includes('--debug');
  const program = new Command('lichdu')
    .description('Plans which committee members attend which Party cell meetings; checks and publishes the plan.')
    .version(version())
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride()
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: (s, write) => write(s.startsWith('error:') ? `✖ ${s}` : s),
    })
    .showHelpAfterError('(run lichdu --help for usage)');
  for (const define of COMMANDS) define(program, { io, startedAt, done: (c) => (code = c) });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.refused;
    }
    if (err instanceof InputRefused) {
      io.err(err.message + '\n');
      io.err(`${err.issues.length} problem${err.issues.length === 1 ? '' : 's'}; nothing was written\n`);
      return EXIT.refused;
    }
    const e = err as Error;
    io.err(`✖ internal error: ${e.message}\n`);
    io.err(
      debug
        ? `${e.stack ?? ''}\n`
        : 'this is a bug in lichdu; run again with --debug for the stack trace and report it\n',
    );
    return EXIT.crash;
  }
}
