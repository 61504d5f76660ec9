// Control characters in user text, removed in one place (issue 21: there were three strippers). No imports: the
// command line's first module uses it.

/**
 * Text with the control characters a user's names or values could carry removed (escape sequences that recolour,
 * retitle or rewrite a terminal, NUL, bells). `none` removes them all (one-line fields); `layout` keeps newline,
 * tab, carriage return and erase-line (`ESC [K`, the progress line's own): text for a terminal.
 */
export function withoutControls(s: string, keep: 'none' | 'layout'): string {
  return keep === 'none'
    ? s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    : s.replace(/\x1b(?!\[K)|[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f]/g, '');
}

/** A date for people: `10/02/2027` (vi, day first) or `2027-02-10` (en). */
export function dateText(iso: string, lang: 'vi' | 'en'): string {
  return lang === 'vi' ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
}
