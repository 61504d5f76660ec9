// The language of what lichdu says and writes: Vietnamese by default; English with `--lang en` (before or after the
// command) or LICHDU_LANG=en. Flags stay English words.
/** The languages lichdu speaks and writes. */
export type Lang = 'vi' | 'en';

export const LANG_ENV = 'LICHDU_LANG';

export const isLang = (s: unknown): s is Lang => s === 'vi' || s === 'en';

/**
 * The language a command line asks for, and the arguments without `--lang X` / `--lang=X` (the commands get the
 * language from here, so that it is accepted anywhere on the line). `badValue` is a value that is neither vi nor en,
 * given by the flag (`flag`) or the environment (`env`); the language is then the default.
 */
export function languageOf(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): { lang: Lang; argv: string[]; badValue?: { value: string; from: 'flag' | 'env' } } {
  const rest: string[] = [];
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--lang' && i + 1 < argv.length) flag = argv[++i]!;
    else if (a.startsWith('--lang=')) flag = a.slice('--lang='.length);
    else rest.push(a);
  }
  if (flag !== undefined)
    return isLang(flag)
      ? { lang: flag, argv: rest }
      : { lang: 'vi', argv: rest, badValue: { value: flag, from: 'flag' } };
  const fromEnv = env[LANG_ENV]?.trim().toLowerCase();
  if (fromEnv === undefined || fromEnv === '') return { lang: 'vi', argv: rest };
  return isLang(fromEnv)
    ? { lang: fromEnv, argv: rest }
    : { lang: 'vi', argv: rest, badValue: { value: fromEnv, from: 'env' } };
}
