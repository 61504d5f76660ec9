// commander in the user's language: its help (titles, defaults, choices) and its own errors (unknown command or
// option, too many arguments, a missing argument, a value not allowed) are said in Vietnamese or English, with a
// suggestion where one is near. Everything else of commander is as it is.
import { Command, CommanderError, Help, Option, type Argument } from 'commander';
import type { Lang } from '../format/labels.js';
import { nearest } from '../util/issues.js';

const TITLES: Record<Lang, Record<string, string>> = {
  vi: {
    'Usage:': 'Cách dùng:',
    'Options:': 'Tùy chọn:',
    'Commands:': 'Lệnh:',
    'Arguments:': 'Tham số:',
    'Global Options:': 'Tùy chọn chung:',
  },
  en: {},
};

/** Words of commander's own texts, by language. */
const W = {
  vi: {
    choices: 'chọn một trong',
    default: 'mặc định',
    help: 'hiển thị trợ giúp của lệnh',
    version: 'in số phiên bản',
    helpAfterError: '(chạy lichdu --help để xem cách dùng)',
    unknownCommand: (name: string, near: string) =>
      `✖ không có lệnh '${name}'${near ? ` (có phải là '${near}'?)` : ''}`,
    unknownOption: (flag: string, near: string) =>
      `✖ không có tùy chọn '${flag}'${near ? ` (có phải là '${near}'?)` : ''}`,
    missingArgument: (name: string) => `✖ thiếu tham số bắt buộc '${name}'`,
    optionMissingArgument: (flags: string) => `✖ tùy chọn '${flags}' thiếu giá trị`,
    missingOption: (flags: string) => `✖ chưa có tùy chọn bắt buộc '${flags}'`,
    excessArguments: (cmd: string, expected: number, got: number) =>
      `✖ thừa tham số${cmd ? ` cho lệnh '${cmd}'` : ''}: cần ${expected}, nhưng có ${got}`,
    invalid: (what: string, value: string, why: string) => `✖ ${what}: giá trị '${value}' không hợp lệ: ${why}`,
    option: (flags: string) => `tùy chọn '${flags}'`,
    argument: (name: string) => `tham số '${name}'`,
    allowed: (choices: readonly string[]) => `chọn một trong ${choices.join(', ')}`,
  },
  en: {
    choices: 'choices',
    default: 'default',
    help: 'display help for command',
    version: 'output the version number',
    helpAfterError: '(run lichdu --help for usage)',
    unknownCommand: (name: string, near: string) =>
      `✖ error: unknown command '${name}'${near ? `\n(Did you mean ${near}?)` : ''}`,
    unknownOption: (flag: string, near: string) =>
      `✖ error: unknown option '${flag}'${near ? `\n(Did you mean ${near}?)` : ''}`,
    missingArgument: (name: string) => `✖ error: missing required argument '${name}'`,
    optionMissingArgument: (flags: string) => `✖ error: option '${flags}' argument missing`,
    missingOption: (flags: string) => `✖ error: required option '${flags}' not specified`,
    excessArguments: (cmd: string, expected: number, got: number) =>
      `✖ error: too many arguments${cmd ? ` for '${cmd}'` : ''}. Expected ${expected} argument` +
      `${expected === 1 ? '' : 's'} but got ${got}.`,
    invalid: (what: string, value: string, why: string) => `✖ error: ${what} argument '${value}' is invalid. ${why}`,
    option: (flags: string) => `option '${flags}'`,
    argument: (name: string) => `command-argument value`,
    allowed: (choices: readonly string[]) => `Allowed choices are ${choices.join(', ')}.`,
  },
} as const;

/** The words commander says, in a language (help and errors). */
export const commanderWords = (lang: Lang) => W[lang];

function extra(lang: Lang, choices: readonly string[] | undefined, dflt: string | undefined): string {
  const w = W[lang];
  const parts = [
    ...(choices ? [`${w.choices}: ${choices.map((c) => JSON.stringify(c)).join(', ')}`] : []),
    ...(dflt !== undefined ? [`${w.default}: ${dflt}`] : []),
  ];
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** A Help that titles and describes in `lang`. */
export function helpIn(lang: Lang): Partial<Help> {
  return {
    styleTitle: (s: string) => TITLES[lang][s] ?? s,
    commandUsage(this: Help, cmd: Command): string {
      const usage = Help.prototype.commandUsage.call(this, cmd);
      return lang === 'vi' ? usage.replace('[options]', '[tùy chọn]').replace('[command]', '[lệnh]') : usage;
    },
    optionDescription: (o: Option) => {
      const shown = o.required || o.optional || (o.isBoolean() && typeof o.defaultValue === 'boolean');
      const dflt =
        o.defaultValue !== undefined && shown
          ? (o.defaultValueDescription ?? JSON.stringify(o.defaultValue))
          : undefined;
      return `${o.description}${extra(lang, o.argChoices, dflt)}`.trim();
    },
    argumentDescription: (a: Argument) => {
      const dflt =
        a.defaultValue !== undefined ? (a.defaultValueDescription ?? JSON.stringify(a.defaultValue)) : undefined;
      return `${a.description}${extra(lang, a.argChoices, dflt)}`.trim();
    },
  };
}

/** A commander Command whose own errors are in `lang`. */
export class LocalCommand extends Command {
  constructor(
    readonly lang: Lang,
    name?: string,
  ) {
    super(name);
  }

  override createCommand(name?: string): Command {
    return new LocalCommand(this.lang, name);
  }

  private words() {
    return W[this.lang];
  }

  missingArgument(name: string): never {
    this.error(this.words().missingArgument(name), { code: 'commander.missingArgument' });
  }

  optionMissingArgument(option: Option): never {
    this.error(this.words().optionMissingArgument(option.flags), { code: 'commander.optionMissingArgument' });
  }

  missingMandatoryOptionValue(option: Option): never {
    this.error(this.words().missingOption(option.flags), { code: 'commander.missingMandatoryOptionValue' });
  }

  unknownOption(flag: string): never {
    const flags: string[] = [];
    for (let c: Command | null = this; c; c = c.parent)
      for (const o of c.options) if (o.long && !o.hidden) flags.push(o.long);
    flags.push('--help');
    const near = flag.startsWith('--') ? (nearest(flag, flags) ?? '') : '';
    this.error(this.words().unknownOption(flag, near), { code: 'commander.unknownOption' });
  }

  unknownCommand(): never {
    const name = this.args[0] ?? '';
    const near =
      nearest(
        name,
        this.commands.map((c) => c.name()),
      ) ?? '';
    this.error(this.words().unknownCommand(name, near), { code: 'commander.unknownCommand' });
  }

  // commander's own (undocumented) hooks for too many arguments and a value its parser refuses.
  _excessArguments(received: unknown[]): void {
    if ((this as unknown as { _allowExcessArguments: boolean })._allowExcessArguments) return;
    const expected = this.registeredArguments.length;
    const cmd = this.parent ? this.name() : '';
    this.error(this.words().excessArguments(cmd, expected, received.length), { code: 'commander.excessArguments' });
  }

  _callParseArg(target: Option | Argument, value: string, previous: unknown, _message: string): unknown {
    try {
      return target.parseArg!(value, previous as never);
    } catch (err) {
      if (err instanceof CommanderError && err.code === 'commander.invalidArgument') {
        const w = this.words();
        const what = target instanceof Option ? w.option(target.flags) : w.argument(target.name());
        const why = target.argChoices ? w.allowed(target.argChoices) : err.message;
        this.error(w.invalid(what, value, why), { exitCode: err.exitCode, code: err.code });
      }
      throw err;
    }
  }
}
