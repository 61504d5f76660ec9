// The only place that knows about output streams and exit codes (SPEC §3).
import { withoutControls } from '../format/text.js';
import type { InputIssue } from '../util/issues.js';
import { formatIssue } from '../util/issues.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/**
 * Text for a terminal with the control characters a user's names or values could carry removed (escape sequences
 * that recolour, retitle or rewrite the screen). Kept: newline, tab, carriage return and erase-line (`ESC [K`, the
 * progress line's own).
 */
export function terminalText(s: string): string {
  return withoutControls(s, 'layout');
}

/** An Io whose every write goes through terminalText. */
export function safeIo(io: Io): Io {
  return { out: (s) => io.out(terminalText(s)), err: (s) => io.err(terminalText(s)) };
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

/** A refusal of the input, carried up to the command runner, which prints it and exits 2. */
export class InputRefused extends Error {
  constructor(readonly issues: readonly InputIssue[]) {
    super(issues.map(formatIssue).join('\n'));
  }
}

export function unwrap<T>(r: { ok: true; value: T } | { ok: false; issues: readonly InputIssue[] }): T {
  if (!r.ok) throw new InputRefused(r.issues);
  return r.value;
}
