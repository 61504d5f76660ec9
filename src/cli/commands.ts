// The table of commands: each declares its arguments and options (cheap: commander only) and loads the module that
// runs it when it is chosen, so `lichdu --version` and `lichdu --help` load none of them (issue 21).
import { InvalidArgumentError, Option, type Command } from 'commander';
import { BACKEND_NAMES } from '../../solver/backends/types.js';
import type { Io } from './io.js';
import type { Lang } from '../format/labels.js';
import { helpText, wholeUpTo } from './helpText.js';
import type { CheckOptions } from './check.js';
import type { FeedsOptions } from './feeds.js';
import type { ReportOptions } from './report.js';
import type { AttendanceTemplateOptions } from './attendance.js';
import type { ImportOptions } from './import.js';
import type { PlanOptions } from './plan.js';

/** What a command's action needs: where to write, and where to leave its exit code. */
export interface CommandContext {
  readonly io: Io;
  /** The language of messages and documents: --lang, else LICHDU_LANG, else Vietnamese. */
  readonly lang: Lang;
  /** performance.now() when the command started (0: the process's start): what --time-limit counts from. */
  readonly startedAt: number;
  done(code: number): void;
}

type T = (en: string) => string;

/** `--lang`: the language of the documents, by default the command line's (src/i18n/lang.ts). */
const lang = (t: T, ctx: CommandContext) =>
  new Option('--lang <lang>', t('language of the documents')).choices(['vi', 'en']).default(ctx.lang);
/** A whole number up to `max` (the solvers take 32-bit seeds; a time limit beyond a week is a typo). */
const upTo = (ctx: CommandContext, max: number) => (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) > max) throw new InvalidArgumentError(wholeUpTo(ctx.lang, max));
  return Number(v);
};
/** Seconds, whole or with decimals, up to a week. */
const seconds = (t: T) => (v: string) => {
  const x = Number(v);
  if (!/^\d*\.?\d+$/.test(v) || !(x > 0 && x <= 604_800))
    throw new InvalidArgumentError(t('expected a number of seconds above 0, at most 604,800'));
  return x;
};
const port = (t: T) => (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) > 65535) throw new InvalidArgumentError(t('expected a port number 0–65535'));
  return Number(v);
};
const reminder = (t: T) =>
  new Option('--reminder-minutes <n>', t('calendar reminder this many minutes before each visit; 0 for none'))
    .default(1440)
    .argParser((v: string) => {
      if (!/^\d+$/.test(v) || Number(v) > 40_320)
        throw new InvalidArgumentError(t('expected a whole number of minutes, at most 40,320 (four weeks)'));
      return Number(v);
    });

const fraction =
  (t: T) =>
  (v: string): number => {
    const x = Number(v);
    if (!/^\d*\.?\d+(e-?\d+)?$/i.test(v) || !(x >= 0 && x < 1))
      throw new InvalidArgumentError(t('expected a fraction from 0 to 1, e.g. 0.001 for 0.1 %'));
    return x;
  };

function definePlan(program: Command, ctx: CommandContext): void {
  const t = helpText(ctx.lang);
  program
    .command('plan')
    .description(
      t(
        'solve the spec: the plan that meets every hard rule and is best for the soft goals; writes ' +
          'DIR/plan.json, plan.csv and ics/',
      ),
    )
    .argument('<spec>', t('the plan spec (YAML or JSON)'))
    .requiredOption('-o, --out <dir>', t('output directory'))
    .addOption(
      new Option('--seed <n>', t('solver seed (same spec and seed: same files)'))
        .default(0)
        .argParser(upTo(ctx, 2_147_483_647)),
    )
    .addOption(
      new Option(
        '--time-limit <seconds>',
        t(
          'counted from the start of the command: the solve then stops improving and its best plan is written ' +
            '(Ctrl-C does the same)',
        ),
      )
        .default(300)
        .argParser(seconds(t)),
    )
    .addOption(
      new Option(
        '--gap <fraction>',
        t(
          'stop improving once the plan is within this fraction of the lower bound (default: prove the optimum when ' +
            'the full model is small enough, else 0.001)',
        ),
      ).argParser(fraction(t)),
    )
    .addOption(
      new Option(
        '--backend <name>',
        t('solver library: highs (HiGHS, MIT), glpk (GLPK, GPL-3.0; the optional package glpk.js)'),
      )
        .choices(BACKEND_NAMES)
        .default('highs'),
    )
    .option(
      '--export-model <file>',
      t('also write the exact model solved, as CPLEX LP (.lp) or free MPS (.mps), for any other solver'),
    )
    .option('--quiet', t('no progress and no summary on stderr'))
    .option('--json', t('print the summary (or the problems) as JSON on stdout'))
    .option(
      '--record-time',
      t(
        'record the solve time and its timeline (each better plan or bound) in plan.json (then the file differs ' +
          'between runs)',
      ),
    )
    .option(
      '--generated-at <iso>',
      t("the plan's time stamp (default: SOURCE_DATE_EPOCH, else the start of the year; on a re-plan the --from date)"),
    )
    .option(
      '--previous <plan.json>',
      t('re-plan: the plan in use, whose visits from --from on are kept where possible'),
    )
    .option(
      '--from <date>',
      t('re-plan from this date (dd/mm/yyyy or YYYY-MM-DD): before it, what happened stays as it happened'),
    )
    .option('--attendance <file>', t('re-plan: what happened before --from, from this attendance file (CSV or xlsx)'))
    .addOption(
      new Option('--unrecorded <as>', t('re-plan: past planned visits the attendance file does not record count as'))
        .choices(['done', 'missed'])
        .default('done'),
    )
    .addOption(
      new Option('--pins <file>', t('keep the visits pinned in this file (DIR/pins.json, made by lichdu edit --pin)')),
    )
    .addOption(
      new Option(
        '--keep-cancelled <days>',
        t('re-plan: show removed visits as cancelled in the calendars for this long'),
      )
        .default(0)
        .argParser(upTo(ctx, 366)),
    )
    .addOption(lang(t, ctx))
    .addOption(reminder(t))
    .action(async (spec: string, opts: PlanOptions) => {
      ctx.done(await (await import('./plan.js')).runPlan(spec, { ...opts, startedAt: ctx.startedAt }, ctx.io));
    });
}

function defineCheck(program: Command, ctx: CommandContext): void {
  const t = helpText(ctx.lang);
  program
    .command('check')
    .description(
      t(
        'check a plan (plan.json, plan.csv or plan.xlsx) against every hard rule of the spec; exit 0 if none is ' +
          'broken, 1 if ' +
          'some are',
      ),
    )
    .argument('<spec>', t('the plan spec (YAML or JSON)'))
    .argument('<plan>', t('plan.json, plan.csv or plan.xlsx'))
    .option('--json', t('print the violations and quality figures (or the compliance) as JSON'))
    .option('--attendance <file>', t('compliance to date from this attendance file (CSV or xlsx), with --as-of'))
    .option('--as-of <date>', t('the date of the compliance check, dd/mm/yyyy or YYYY-MM-DD'))
    .addOption(
      new Option(
        '--unrecorded <as>',
        t('past visits the attendance file does not record: pending (listed, counted neither way), done or missed'),
      )
        .choices(['pending', 'done', 'missed'])
        .default('pending'),
    )
    .action(async (spec: string, plan: string, opts: CheckOptions) => {
      ctx.done(await (await import('./check.js')).runCheck(spec, plan, opts, ctx.io));
    });
}

function defineValidate(program: Command, ctx: CommandContext): void {
  const t = helpText(ctx.lang);
  program
    .command('validate')
    .description(t('check a spec file only and summarise it'))
    .argument('<spec>', t('the plan spec (YAML or JSON)'))
    .option('--json', t('print the summary (or the problems) as JSON'))
    .action(async (spec: string, opts: { json?: boolean }) => {
      ctx.done(await (await import('./validate.js')).runValidate(spec, ctx.io, opts));
    });
}

function definePolicies(program: Command, ctx: CommandContext): void {
  const t = helpText(ctx.lang);
  program
    .command('policies')
    .description(t('list the built-in policy presets and their rules'))
    .argument('[id]', t('only this preset'))
    .option('--json', t('as JSON, in the shape of an inline policy'))
    .action(async (id: string | undefined, opts: { json?: boolean }) => {
      ctx.done(
        await (await import('./policies.js')).runPolicies({ ...opts, ...(id !== undefined ? { id } : {}) }, ctx.io),
      );
    });
}

function defineConvert(program: Command, ctx: CommandContext): void {
  const t = helpText(ctx.lang);
  program
    .command('convert')
    .description(
      t(
        'read a plan (plan.json, or plan.csv edited in a spreadsheet), check it, and write DIR/plan.json and ' +
          'DIR/plan.csv',
      ),
    )
    .argument('<spec>', t('the plan spec (YAML or JSON)'))
    .argument('<plan>', t('plan.json or plan.csv'))
    .requiredOption('-o, --out <dir>', t('output directory'))
    .addOption(lang(t, ctx))
    .addOption(reminder(t))
    .option('--generated-at <iso>', t("the plan's time stamp (default: SOURCE_DATE_EPOCH, else the start of the year)"))
    .action(
      async (
        spec: string,
        plan: string,
        opts: { out: string; lang: 'vi' | 'en'; reminderMinutes: number; generatedAt?: string },
      ) => {
        ctx.done(await (await import('./convert.js')).runConvert(spec, plan, opts, ctx.io));
      },
    );
}

function defineExportIcs(program: Command, ctx: CommandContext): void {
  const t = helpText(ctx.lang);
  const exp = program
    .command('export')
    .description(t('write documents of an existing plan.json, or a spec as a workbook'));
  exp
    .command('workbook')
    .description(
      t(
        'write the spec as the workbook lichdu import reads (settings, units, cells, members, absences, agreed ' +
          'visits), to keep the whole input in a spreadsheet',
      ),
    )
    .argument('<spec>', t('the plan spec (YAML or JSON)'))
    .requiredOption('-o, --out <file>', t('the workbook to write (.xlsx)'))
    .action(async (spec: string, opts: { out: string }) => {
      ctx.done(await (await import('./export.js')).runExportWorkbook(spec, opts, ctx.io));
    });
  exp
    .command('ics')
    .description(t('write DIR/ics/all.ics, DIR/ics/members/<id>.ics and DIR/ics/cells/<id>.ics from plan.json'))
    .argument('<plan>', t('plan.json'))
    .requiredOption('-o, --out <dir>', t('output directory'))
    .option('--attendance <file>', t('show in the calendars what the attendance file records (missed, substitutes)'))
    .addOption(lang(t, ctx))
    .addOption(reminder(t))
    .action(
      async (plan: string, opts: { out: string; lang: 'vi' | 'en'; reminderMinutes: number; attendance?: string }) => {
        ctx.done(await (await import('./export.js')).runExportIcs(plan, opts, ctx.io));
      },
    );
}

function defineServe(program: Command, ctx: CommandContext): void {
  const t = helpText(ctx.lang);
  program
    .command('serve')
    .description(
      t(
        "serve each member's and each cell's calendar feed from DIR/plan.json at an unguessable URL; reloads when " +
          'the plan changes',
      ),
    )
    .argument('<dir>', t('the directory holding plan.json'))
    .option('--host <host>', t('address to listen on'), '127.0.0.1')
    .addOption(new Option('--port <port>', t('port (0: any free port)')).default(8080).argParser(port(t)))
    .option('--base-url <url>', t('the public URL the feeds are reached at (for the links printed at start)'))
    .option(
      '--secret-file <file>',
      t(
        'the secret behind the feed tokens (default: one per organisation in ~/.config/lichdu/feed-secrets; ' +
          'made, mode 0600, if missing)',
      ),
      undefined,
    )
    .option(
      '--new-secret [who...]',
      t(
        'revoke links: with no value, make a new secret (every link changes); with member or cell ids or full ' +
          'names, only theirs',
      ),
    )
    .option('--attendance <file>', t('show in the calendars what the attendance file records (missed, substitutes)'))
    .addOption(lang(t, ctx))
    .addOption(reminder(t))
    .action(
      async (
        dir: string,
        opts: {
          host: string;
          port: number;
          baseUrl?: string;
          secretFile?: string;
          newSecret?: boolean | string[];
          lang: 'vi' | 'en';
          reminderMinutes: number;
        },
      ) => {
        ctx.done(await (await import('./serve.js')).runServe(dir, opts, ctx.io));
      },
    );
}

function defineFeeds(program: Command, ctx: CommandContext): void {
  const t = helpText(ctx.lang);
  program
    .command('feeds')
    .description(t("list every member's and cell's subscription link (https:// and webcal://), to send to them"))
    .argument('<dir>', t('the directory holding plan.json'))
    .requiredOption('--base-url <url>', t('the public URL of lichdu serve, e.g. https://lich.example.vn'))
    .option('--secret-file <file>', t('the same secret file as lichdu serve (default: the same as lichdu serve)'))
    .option(
      '--new-secret [who...]',
      t(
        'revoke links: with no value, make a new secret (every link changes); with member or cell ids or full ' +
          'names, only theirs',
      ),
    )
    .addOption(
      new Option('--format <format>', t('table, csv, or html (a printable page per person with a QR code)'))
        .choices(['table', 'csv', 'html'])
        .default('table'),
    )
    .option('-o, --out <file>', t('write to this file instead of printing'))
    .addOption(lang(t, ctx))
    .action(async (dir: string, opts: FeedsOptions) => {
      ctx.done(await (await import('./feeds.js')).runFeeds(dir, opts, ctx.io));
    });
}

function defineCalendar(program: Command, ctx: CommandContext): void {
  const t = helpText(ctx.lang);
  program
    .command('calendar')
    .description(t("every cell's meeting dates and times for the year, before any planning, with each move explained"))
    .argument('<spec>', t('the plan spec (YAML or JSON)'))
    .addOption(new Option('--format <format>', t('output format')).choices(['text', 'csv']).default('text'))
    .addOption(lang(t, ctx))
    .action(async (spec: string, opts: { format: 'text' | 'csv'; lang: 'vi' | 'en' }) => {
      ctx.done(await (await import('./calendar.js')).runCalendar(spec, opts, ctx.io));
    });
}

function defineAttendance(program: Command, ctx: CommandContext): void {
  const t = helpText(ctx.lang);
  const attendance = program
    .command('attendance')
    .description(t('the attendance file the staff fill in: what happened at each planned visit'));
  attendance
    .command('template')
    .description(t('write the attendance file to fill in, one row per visit of the plan (CSV, or xlsx by name)'))
    .argument('<plan>', t('plan.json'))
    .requiredOption('-o, --out <file>', t('the file to write: .csv or .xlsx'))
    .option('--until <date>', t('only visits up to this date, dd/mm/yyyy or YYYY-MM-DD'))
    .addOption(lang(t, ctx))
    .action(async (plan: string, opts: AttendanceTemplateOptions) => {
      ctx.done(await (await import('./attendance.js')).runAttendanceTemplate(plan, opts, ctx.io));
    });
}

function defineReport(program: Command, ctx: CommandContext): void {
  const t = helpText(ctx.lang);
  program
    .command('report')
    .description(
      t(
        'write DIR/report.html (rules, quality, heat maps per unit, per member and cell, meeting calendar, reports ' +
          'due), DIR/report.xlsx and, when the policy sets periodic reports, DIR/report-forms.html',
      ),
    )
    .argument('<spec>', t('the plan spec (YAML or JSON)'))
    .argument('<plan>', t('plan.json, plan.csv or plan.xlsx'))
    .requiredOption('-o, --out <dir>', t('output directory'))
    .addOption(lang(t, ctx))
    .option('--generated-at <iso>', t("the report's date (default: SOURCE_DATE_EPOCH, else the start of the year)"))
    .option('--attendance <file>', t('show the year as it happened from this attendance file, with --as-of'))
    .option('--as-of <date>', t('the date of the attendance shown, dd/mm/yyyy or YYYY-MM-DD'))
    .addOption(
      new Option(
        '--unrecorded <as>',
        t('past visits the attendance file does not record: pending (listed, counted neither way), done or missed'),
      )
        .choices(['pending', 'done', 'missed'])
        .default('pending'),
    )
    .option(
      '--member <who...>',
      t("instead, one printable page per member named (id or full name): DIR/member-<id>.html, the member's year"),
    )
    .option(
      '--cell <which...>',
      t(
        "instead, one printable page per cell named (id or name): DIR/cell-<id>.html, the cell's meetings and visitors",
      ),
    )
    .action(async (spec: string, plan: string, opts: ReportOptions) => {
      ctx.done(await (await import('./report.js')).runReport(spec, plan, opts, ctx.io));
    });
}

function defineImport(program: Command, ctx: CommandContext): void {
  const t = helpText(ctx.lang);
  program
    .command('import')
    .description(
      t(
        'build a plan spec from workbooks or CSV files of units, cells and members (or write an empty workbook to ' +
          'fill in with --template DIR)',
      ),
    )
    .option(
      '--workbook <file>',
      t(
        'one workbook with sheets "Chi bộ", "Cấp ủy viên" and optionally "Thông tin chung", "Đảng bộ", "Ngày vắng", ' +
          '"Dự theo thỏa thuận"',
      ),
    )
    .option('--units <file>', t('units (đảng bộ): a workbook or CSV; without it units are made from the names used'))
    .option('--cells <file>', t('cells (chi bộ): a workbook or CSV'))
    .option('--members <file>', t('members (cấp ủy viên): a workbook or CSV'))
    .option('--policy <id>', t('the policy preset (lichdu policies)'))
    .addOption(new Option('--year <year>', t('the plan year')).argParser(upTo(ctx, 9999)))
    .option('--header <file>', t('YAML with year, timezone, policy, holidays, meeting_defaults or fixed'))
    .option('--level <level>', t('level of units made from names'), 'commune')
    .option('-o, --out <file>', t('the spec file to write (YAML)'))
    .option('--template <dir>', t('write an empty workbook with the headers into DIR instead'))
    .option('--json', t('print what was written (or the problems) as JSON'))
    .option('--force', t('overwrite a spec file edited by hand since it was imported'))
    .action(async (opts: ImportOptions) => {
      ctx.done(await (await import('./import.js')).runImport(opts, ctx.io));
    });
}

function defineConsole(program: Command, ctx: CommandContext): void {
  const t = helpText(ctx.lang);
  program
    .command('console')
    .description(t('a local web page for the staff over a workspace folder: data in, plan, views, downloads'))
    .argument('[dir]', t('the workspace folder (default: the current folder)'), '.')
    .addOption(new Option('--port <port>', t('port (0: any free port)')).default(0).argParser(port(t)))
    .option('--no-open', t('do not open the browser'))
    .addOption(lang(t, ctx))
    .action(async (dir: string, opts: { port: number; open: boolean; lang: 'vi' | 'en' }) => {
      ctx.done(await (await import('./console.js')).runConsole(dir, opts, ctx.io));
    });
}

function defineEdit(program: Command, ctx: CommandContext): void {
  const t = helpText(ctx.lang);
  program
    .command('who-can')
    .description(t('list who may attend a meeting instead, with their load and the cost; and who may not, and why'))
    .argument('<spec>', t('the plan spec (YAML or JSON)'))
    .argument('<plan>', t('plan.json, plan.csv or plan.xlsx'))
    .argument('<cell>', t('the cell (id or name)'))
    .argument('<date>', t('the meeting date, dd/mm/yyyy or YYYY-MM-DD'))
    .option('--instead <who>', t('the member whose visit is given away (default: none, an added visitor)'))
    .option('--json', t('print the candidates as JSON'))
    .addOption(lang(t, ctx))
    .action(
      async (
        spec: string,
        plan: string,
        cell: string,
        date: string,
        opts: { instead?: string; json?: boolean; lang: 'vi' | 'en' },
      ) => {
        ctx.done(await (await import('./edit.js')).runWhoCan(spec, plan, cell, date, opts, ctx.io));
      },
    );
  program
    .command('edit')
    .description(t('change one visit in a plan folder (checked, saved as a new version); calendars change only there'))
    .argument('<spec>', t('the plan spec (YAML or JSON)'))
    .argument('<dir>', t('the directory holding plan.json'))
    .requiredOption('--cell <cell>', t('the cell (id or name)'))
    .requiredOption('--date <date>', t('the meeting date, dd/mm/yyyy or YYYY-MM-DD'))
    .option('--to <who>', t('give the visit to this member'))
    .option('--from <who>', t("the member whose visit is given (default: the meeting's visitor)"))
    .option('--remove <who>', t("remove this member's visit"))
    .option('--add <who>', t('add this member as a visitor'))
    .option('--pin <who>', t("pin this member's visit: planning again keeps it (DIR/pins.json)"))
    .option('--unpin <who>', t("unpin this member's visit"))
    .option('--generated-at <iso>', t("the change's time stamp (default: now)"))
    .addOption(lang(t, ctx))
    .addOption(reminder(t))
    .action(async (spec: string, dir: string, opts: import('./edit.js').EditOptions) => {
      ctx.done(await (await import('./edit.js')).editPlan(spec, dir, opts, ctx.io));
    });
  program
    .command('history')
    .description(t("list a plan folder's saved versions, or restore one as a new version"))
    .argument('<spec>', t('the plan spec (YAML or JSON)'))
    .argument('<dir>', t('the directory holding plan.json'))
    .addOption(new Option('--restore <n>', t('restore this version')).argParser(upTo(ctx, 1_000_000)))
    .addOption(lang(t, ctx))
    .action(async (spec: string, dir: string, opts: { restore?: number; lang: 'vi' | 'en' }) => {
      ctx.done(await (await import('./edit.js')).runHistory(spec, dir, opts, ctx.io));
    });
}

/** Every command, in the order `lichdu --help` lists them. */
export const COMMANDS: readonly ((program: Command, ctx: CommandContext) => void)[] = [
  defineConsole,
  definePlan,
  defineEdit,
  defineCheck,
  defineValidate,
  definePolicies,
  defineConvert,
  defineExportIcs,
  defineServe,
  defineFeeds,
  defineCalendar,
  defineAttendance,
  defineReport,
  defineImport,
];
