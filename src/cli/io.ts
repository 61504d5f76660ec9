// The only place that knows about output streams and exit codes (SPEC §3).
import { withoutControls } from '../format/text.js';
import { formatIssue, InputRefused, messageOf, placeOf, type InputIssue } from '../util/issues.js';
import type { Lang } from '../format/labels.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** The problems of a refusal as data, for programs that run a command (the console, tests): codes, params, places. */
  issues?(issues: readonly InputIssue[]): void;
  /** The language of what the command says (default Vietnamese): `--lang`, else LICHDU_LANG. */
  readonly lang?: Lang;
}

/** The language of an Io's messages. */
export const langOf = (io: Io): Lang => io.lang ?? 'vi';

/**
 * Text for a terminal with the control characters a user's names or values could carry removed (escape sequences
 * that recolour, retitle or rewrite the screen). Kept: newline, tab, carriage return and erase-line (`ESC [K`, the
 * progress line's own).
 */
export function terminalText(s: string): string {
  return withoutControls(s, 'layout');
}

/** An Io whose every write goes through terminalText. */
export function safeIo(io: Io, lang: Lang = io.lang ?? 'vi'): Io {
  return {
    out: (s) => io.out(terminalText(s)),
    err: (s) => io.err(terminalText(s)),
    lang,
    ...(io.issues ? { issues: io.issues.bind(io) } : {}),
  };
}

export const EXIT = {
  ok: 0,
  /** A plan exists but some rule is not met (check: violations found). */
  violations: 1,
  /** The input was refused. */
  refused: 2,
  /** No plan was found within the time limit. */
  noPlan: 3,
  /** Stopped by a second Ctrl-C while writing: nothing written (128 + SIGINT, as shells report it). */
  interrupted: 130,
  /** A bug. */
  crash: 70,
} as const;

export { InputRefused };

export function unwrap<T>(r: { ok: true; value: T } | { ok: false; issues: readonly InputIssue[] }): T {
  if (!r.ok) throw new InputRefused(r.issues);
  return r.value;
}

/** A refusal as the user reads it: each problem in their language, then how many, and that nothing was written. */
export function refusalText(err: InputRefused, lang: Lang): string {
  const n = err.issues.length;
  const lines = err.issues.map((i) => formatIssue(i, lang));
  const tail =
    lang === 'vi' ? `${n} vấn đề; chưa ghi tệp nào` : `${n} problem${n === 1 ? '' : 's'}; nothing was written`;
  return `${lines.join('\n')}\n${tail}\n`;
}

/** A problem for scripts and the console (--json): its code, where it is, its parameters and its text. */
export function issueJson(i: InputIssue, lang: Lang) {
  return {
    code: i.code,
    file: i.file,
    path: i.path,
    ...(i.place ? { place: i.place } : {}),
    params: i.params,
    where: placeOf(i, lang),
    message: messageOf(i, lang),
  };
}

/** A note (what was read differently from how lichdu writes it, or what was assumed) as the user reads it. */
export function noteLine(note: InputIssue, lang: Lang): string {
  return formatIssue(note, lang, lang === 'vi' ? 'ghi chú:' : 'note:') + '\n';
}
