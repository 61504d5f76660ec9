// The command line: parses arguments, runs one command, turns its outcome into an exit code. Only this layer (and
// bin/) writes to the terminal.
import { CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/paths.js';
import { EXIT, InputRefused, issueJson, refusalText, safeIo, type Io } from './io.js';
import { commanderWords, helpIn, LocalCommand } from './commander.js';
import { LANG_ENV, languageOf } from '../i18n/lang.js';
import { formatIssue, issue } from '../util/issues.js';
import { COMMANDS } from './commands.js';

export const processIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Runs the CLI on `argv` (without node and the script) and returns the exit code. */
export async function runCli(
  argv: readonly string[],
  rawIo: Io = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  // A command run as the process starts with it (performance.now() counts from there); one run in-process, now.
  const startedAt = rawIo === processIo ? 0 : performance.now();
  const chosen = languageOf(argv, env);
  const lang = chosen.lang;
  const io = safeIo(rawIo, lang);
  let code: number = EXIT.ok;
  const debug = argv.includes('--debug');
  if (chosen.badValue) {
    const bad = issue(chosen.badValue.from === 'env' ? LANG_ENV : '--lang', [], 'option.bad-lang', {
      value: chosen.badValue.value.slice(0, 20),
      from: chosen.badValue.from,
    });
    // A wrong --lang is refused; a wrong LICHDU_LANG is said once, and Vietnamese is used.
    if (chosen.badValue.from === 'flag') {
      io.issues?.([bad]);
      io.err(refusalText(new InputRefused([bad]), lang));
      return EXIT.refused;
    }
    io.err(formatIssue(bad, lang, '!') + '\n');
  }
  const w = commanderWords(lang);
  const program = new LocalCommand(lang, 'lichdu')
    .description(
      lang === 'vi'
        ? 'Lập kế hoạch phân công cấp ủy viên dự sinh hoạt chi bộ; kiểm tra và công bố kế hoạch.'
        : 'Plans which committee members attend which Party cell meetings; checks and publishes the plan.',
    )
    .version(version(), '-V, --version', w.version)
    .helpOption('-h, --help', w.help)
    .helpCommand('help [command]', w.help)
    .option('--debug', lang === 'vi' ? 'in vết ngăn xếp của lỗi nội bộ' : 'show stack traces of internal errors')
    .option(
      '--lang <lang>',
      lang === 'vi'
        ? 'ngôn ngữ của thông báo và tài liệu: vi (mặc định) hoặc en; hoặc biến môi trường LICHDU_LANG'
        : 'language of messages and documents: vi (default) or en; or the environment variable LICHDU_LANG',
    )
    .exitOverride()
    .configureHelp(helpIn(lang))
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: (s, write) => write(s.startsWith('error:') ? `✖ ${s}` : s),
    })
    .showHelpAfterError(w.helpAfterError);
  for (const define of COMMANDS) define(program, { io, startedAt, lang, done: (c) => (code = c) });

  try {
    await program.parseAsync([...chosen.argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander has said it (in the user's language); programs get its code as data.
      if (err.exitCode !== 0) {
        const option = /(-{1,2}[A-Za-z][\w-]*)/.exec(err.message)?.[1] ?? '';
        io.issues?.([issue(option, [], 'cli.usage', { code: err.code, option })]);
      }
      return err.exitCode === 0 ? EXIT.ok : EXIT.refused;
    }
    if (err instanceof InputRefused) {
      io.issues?.(err.issues);
      // --json: the problems for scripts and the console on stdout, the text for people on stderr.
      if (chosen.argv.includes('--json'))
        io.out(JSON.stringify({ issues: err.issues.map((i) => issueJson(i, lang)) }, null, 2) + '\n');
      io.err(refusalText(err, lang));
      return EXIT.refused;
    }
    const e = err as Error;
    io.err(`✖ ${lang === 'vi' ? 'lỗi nội bộ' : 'internal error'}: ${e.message}\n`);
    io.err(
      debug
        ? `${e.stack ?? ''}\n`
        : lang === 'vi'
          ? 'đây là lỗi của lichdu; chạy lại với --debug để xem vết ngăn xếp và báo lỗi\n'
          : 'this is a bug in lichdu; run again with --debug for the stack trace and report it\n',
    );
    return EXIT.crash;
  }
}
