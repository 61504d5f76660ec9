// lichdu import: a plan spec built from the staff's workbooks or CSV files (issue 11). Units, cells and members come
// from one workbook with named sheets (--workbook) or from separate files (--units, --cells, --members); the year,
// policy and the rest from options or a small YAML header (--header). The spec is validated before it is written;
// every problem is reported by file, sheet, row and column, and nothing is written on error.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, parse as parseYaml, Scalar, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Policy } from '../domain/types.js';
import { buildSpecLists, type Origin, type Sheet } from '../import/build.js';
import { SHEETS, type SheetKind } from '../import/columns.js';
import { FROM_SPEC, renderTemplate, TEMPLATE_FILE } from '../import/template.js';
import { readSettings, SETTINGS_HEADER, SETTINGS_SHEETS, type ReadSettings } from '../import/settings.js';
import { readTable, xlsxTable, isZip, workbookDescription, type Table } from '../planfile/table.js';
import { placeIn } from '../planfile/csv.js';
import { resolvePolicy } from '../policies/index.js';
import { parseSpec } from '../spec/load.js';
import { writeFileAtomic } from '../util/atomic.js';
import { decodeText, readInputFile, type FileRole } from '../util/files.js';
import { formatPath, issue, type Code, type InputIssue, type Result } from '../util/issues.js';
import { EXIT, InputRefused, issueJson, langOf, noteLine, type Io } from './io.js';
import type { Lang } from '../format/labels.js';
import { outputDirIssues, outputFileIssues, refuseIf, writeOrRefuse } from './shared.js';

export interface ImportOptions {
  readonly workbook?: string;
  readonly units?: string;
  readonly cells?: string;
  readonly members?: string;
  readonly policy?: string;
  readonly year?: number;
  readonly header?: string;
  readonly level: string;
  readonly out?: string;
  readonly template?: string;
  readonly json?: boolean;
  /** Overwrite a spec edited by hand since it was imported (or not made by import). */
  readonly force?: boolean;
}

const KINDS: readonly SheetKind[] = ['units', 'cells', 'members', 'absences', 'fixed'];
/** The sheets a workbook must have; the others are optional. */
const REQUIRED_SHEETS: readonly SheetKind[] = ['cells', 'members'];
/** Keys a header file may give; the lists come from the sheets. */
const HEADER_KEYS = ['year', 'timezone', 'policy', 'holidays', 'meeting_defaults', 'fixed'];

type ReadBytes = (path: string, role: FileRole) => Result<Buffer>;

/** A reader for one import: each input file read once (a workbook gives several sheets), nothing kept after it. */
function fileReader(): ReadBytes {
  const read = new Map<string, Result<Buffer>>();
  return (path, role) => {
    const got = read.get(path) ?? readInputFile(path, role);
    read.set(path, got);
    return got;
  };
}

async function readSheet(
  path: string,
  kind: SheetKind,
  fromWorkbook: boolean,
  bytesOf: ReadBytes,
): Promise<Result<Sheet>> {
  const bytes = bytesOf(path, kind === 'absences' || kind === 'fixed' ? 'workbook' : kind);
  if (!bytes.ok) return bytes;
  const table =
    fromWorkbook && isZip(bytes.value)
      ? await xlsxTable(bytes.value, path, SHEETS[kind], false)
      : await readTable(bytes.value, path, SHEETS[kind]);
  return table.ok ? { ok: true, value: { file: path, table: table.value } } : table;
}

/** The hash of the spec file a workbook was exported from ('' for any other workbook). */
async function workbookSource(path: string | undefined, bytesOf: ReadBytes): Promise<string> {
  if (path === undefined) return '';
  const bytes = bytesOf(path, 'workbook');
  if (!bytes.ok || !isZip(bytes.value)) return '';
  const description = await workbookDescription(bytes.value);
  return description.startsWith(FROM_SPEC) ? description.slice(FROM_SPEC.length) : '';
}

/** The workbook's settings sheet ("Thông tin chung"), when it has one. */
async function readSettingsSheet(
  path: string,
  bytesOf: ReadBytes,
): Promise<Result<ReadSettings & { table: Table }> | undefined> {
  const bytes = bytesOf(path, 'workbook');
  if (!bytes.ok || !isZip(bytes.value)) return undefined;
  const table = await xlsxTable(bytes.value, path, SETTINGS_SHEETS, false);
  if (!table.ok) return table.issues[0]?.code === 'table.no-sheet' ? undefined : table;
  return { ok: true, value: { ...readSettings(table.value, path), table: table.value } };
}

function readHeader(path: string): Result<Record<string, unknown>> {
  const bytes = readInputFile(path, 'header');
  if (!bytes.ok) return bytes;
  const text = decodeText(bytes.value, path);
  if (!text.ok) return text;
  let value: unknown;
  try {
    value = parseYaml(text.value);
  } catch (err) {
    return {
      ok: false,
      issues: [
        issue(path, [], 'yaml.syntax', { line: '?', column: '?', detail: (err as Error).message.split('\n')[0]! }),
      ],
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return {
      ok: false,
      issues: [issue(path, [], 'import.header-not-mapping', { keys: HEADER_KEYS.join(', ') })],
    };
  const issues: InputIssue[] = Object.keys(value)
    .filter((k) => !HEADER_KEYS.includes(k))
    .map((k) => issue(path, [k], 'import.header-key', { keys: HEADER_KEYS.join(', ') }));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: value as Record<string, unknown> };
}

/** The spec as YAML: the header keys, then one line per unit, cell and member, as the README's example. */
export function renderSpecYaml(spec: Record<string, unknown>, sources: string, lang: Lang = 'en'): string {
  const doc = new Document(spec);
  for (const key of ['units', 'cells', 'members', 'fixed']) {
    const seq = doc.get(key, true) as YAMLSeq | undefined;
    for (const item of seq?.items ?? []) (item as YAMLMap).flow = true;
  }
  // "19:30" and "2027-01-03" quoted: a YAML 1.1 reader would take them for a number of minutes and a date.
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && /^(\d+:\d+|(\.\.)?\d{4}-\d{2}-\d{2}.*)$/.test(node.value))
        node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const head =
    lang === 'vi'
      ? `# Tạo bởi lichdu import từ ${sources}. Kiểm tra bằng: lichdu validate <tệp này>`
      : `# Made by lichdu import from ${sources}. Check it with: lichdu validate <this file>`;
  const body = doc.toString({ lineWidth: 0 });
  return `${head}\n${IMPORT_MARK}${bodyHash(body)}\n${body}`;
}

/** The line that says the file is lichdu import's, with the hash of what it wrote (to tell a hand edit). */
const IMPORT_MARK = '# lichdu-import ';
const bodyHash = (body: string) => `sha256:${createHash('sha256').update(body).digest('hex').slice(0, 32)}`;

/**
 * Whether writing the spec to `path` would lose someone's work (issue 24, item 4): the file exists and is not as
 * `lichdu import` last wrote it (edited by hand since, or not made by import at all).
 */
function handEdited(path: string, madeFrom: string): boolean {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return false;
  }
  // A workbook written by `lichdu export workbook` from this very file holds all of it: nothing is lost.
  if (madeFrom === `sha256:${createHash('sha256').update(bytes).digest('hex')}`) return false;
  const text = bytes.toString('utf8');
  const lines = text.split('\n');
  const mark = lines[1]?.startsWith(IMPORT_MARK) ? lines[1].slice(IMPORT_MARK.length).trim() : undefined;
  return mark === undefined || mark !== bodyHash(lines.slice(2).join('\n'));
}

/** A problem of the written spec put back on the sheet, row and column it came from (issue 23). */
function onRow(
  problem: InputIssue,
  origins: Record<SheetKind, Origin[]>,
  fixedBefore: number,
  settings: { file: string; table: Table; rows: ReadonlyMap<string, number> } | undefined,
): InputIssue {
  const [list, index, key, ...rest] = problem.path;
  if (settings && typeof list === 'string' && problem.file !== settings.file) {
    // A setting the loader refused: on its row of "Thông tin chung".
    const setting =
      list === 'meeting_defaults' && typeof index === 'string'
        ? ({ day: 'day', time: 'time', duration_minutes: 'duration', shift: 'shift' } as Record<string, string>)[index]
        : list === 'holidays' && (index === 'add' || index === 'remove')
          ? `holidays_${index}`
          : list;
    const at = setting === undefined ? undefined : settings.rows.get(setting);
    if (at !== undefined)
      return { ...problem, file: settings.file, path: [], place: placeIn(settings.table, [at], SETTINGS_HEADER[1]) };
  }
  if (typeof list !== 'string' || !KINDS.includes(list as SheetKind) || typeof index !== 'number') return problem;
  const o = origins[list as SheetKind][list === 'fixed' ? index - fixedBefore : index];
  if (!o) return problem;
  const header = typeof key === 'string' ? (o.headers.get(key) ?? key) : undefined;
  const column = header !== undefined ? `${header}${rest.length > 0 ? ` ${formatPath(rest)}` : ''}` : undefined;
  return {
    ...problem,
    file: o.file,
    path: [],
    place: { ...o.place, ...(column !== undefined ? { column } : {}) },
  };
}

export async function runImport(opts: ImportOptions, io: Io): Promise<number> {
  if (opts.template !== undefined) {
    refuseIf(outputDirIssues(opts.template, '--template'));
    const policy = resolvePolicy(opts.policy ?? 'kontum-776', '--policy', []);
    if (!policy.ok) throw new InputRefused(policy.issues);
    const path = join(opts.template, TEMPLATE_FILE);
    const bytes = await renderTemplate(policy.value);
    await writeOrRefuse(async () => writeFileAtomic(path, bytes));
    const sheets = KINDS.map((k) => `"${SHEETS[k][0]}"`).join(', ');
    const next = `lichdu import --workbook ${path} --year 2027 --policy ${policy.value.id} -o spec.yaml`;
    io.out(
      langOf(io) === 'vi'
        ? `đã ghi ${path}: các trang ${sheets} (chức vụ theo ${policy.value.id})\nđiền xong thì chạy: ${next}\n`
        : `wrote ${path}: sheets ${sheets} (roles of ${policy.value.id})\nfill it in, then: ${next}\n`,
    );
    return EXIT.ok;
  }
  const bytesOf = fileReader();
  const problems: InputIssue[] = [];
  const opt = (file: string, code: Code) => problems.push(issue(file, [], code));
  if (opts.out === undefined) opt('-o', 'import.no-output');
  else problems.push(...outputFileIssues(opts.out, '-o'));
  const madeFrom = await workbookSource(opts.workbook, bytesOf);
  if (opts.out !== undefined && !opts.force && handEdited(opts.out, madeFrom))
    problems.push(
      issue(opts.out, [], 'import.would-overwrite', {
        workbook: opts.workbook ?? '',
        out: opts.out,
      }),
    );
  if (opts.workbook === undefined && (opts.cells === undefined || opts.members === undefined))
    opt('--cells', 'import.no-sheets');
  const header = opts.header !== undefined ? readHeader(opts.header) : { ok: true as const, value: {} };
  if (!header.ok) problems.push(...header.issues);
  // The workbook's settings sheet first, then the header file, then the options: the later says the last word.
  const settings = opts.workbook !== undefined ? await readSettingsSheet(opts.workbook, bytesOf) : undefined;
  if (settings && !settings.ok) problems.push(...settings.issues);
  const head: Record<string, unknown> = {
    ...(settings?.ok ? settings.value.head : {}),
    ...(header.ok ? header.value : {}),
  };
  if (settings?.ok) problems.push(...settings.value.issues);
  if (opts.year !== undefined) head.year = opts.year;
  if (opts.policy !== undefined) head.policy = opts.policy;
  if (head.year === undefined) opt('--year', 'import.no-year');
  if (head.policy === undefined) opt('--policy', 'import.no-policy');
  let policy: Policy | undefined;
  if (head.policy !== undefined) {
    const p = resolvePolicy(head.policy, opts.header ?? '--policy', opts.header ? ['policy'] : []);
    if (p.ok) policy = p.value;
    else problems.push(...p.issues);
  }
  const sheets: Partial<Record<SheetKind, Sheet>> = {};
  for (const kind of KINDS) {
    const own = kind === 'units' || kind === 'cells' || kind === 'members' ? opts[kind] : undefined;
    const path = own ?? opts.workbook;
    if (path === undefined) continue;
    const r = await readSheet(path, kind, own === undefined, bytesOf);
    if (r.ok) sheets[kind] = r.value;
    else if (!(!REQUIRED_SHEETS.includes(kind) && own === undefined && r.issues[0]?.code === 'table.no-sheet'))
      problems.push(...r.issues);
  }
  refuseIf(problems);
  const built = buildSpecLists(sheets, policy!, opts.level, (head.meeting_defaults ?? {}) as { day?: unknown });
  for (const note of built.notes) io.err(noteLine(note, langOf(io)));
  refuseIf(built.issues);
  const spec: Record<string, unknown> = {
    year: head.year,
    ...(head.timezone !== undefined ? { timezone: head.timezone } : {}),
    policy: head.policy,
    holidays: head.holidays ?? 'vn',
    ...(head.meeting_defaults !== undefined ? { meeting_defaults: head.meeting_defaults } : {}),
    units: built.units,
    cells: built.cells,
    members: built.members,
    ...(head.fixed !== undefined || built.fixed.length > 0
      ? { fixed: [...((head.fixed as unknown[] | undefined) ?? []), ...built.fixed] }
      : {}),
  };
  const sources = [...new Set(KINDS.map((k) => sheets[k]?.file).filter((f) => f !== undefined))].join(', ');
  const text = renderSpecYaml(spec, sources, langOf(io));
  const checked = parseSpec(text, opts.out!);
  if (!checked.ok) {
    const fixedBefore = Array.isArray(head.fixed) ? head.fixed.length : 0;
    const where = settings?.ok ? { file: opts.workbook!, ...settings.value } : undefined;
    throw new InputRefused(checked.issues.map((i) => onRow(i, built.origins, fixedBefore, where)));
  }
  await writeOrRefuse(async () => writeFileAtomic(opts.out!, text));
  const p = checked.value;
  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          written: opts.out,
          year: p.year,
          policy: p.policy.id,
          units: p.units.length,
          cells: p.cells.length,
          members: p.members.length,
          notes: built.notes.map((n) => issueJson(n, langOf(io))),
          issues: [],
        },
        null,
        2,
      ) + '\n',
    );
    return EXIT.ok;
  }
  const next = `lichdu plan ${opts.out} -o ketqua`;
  io.out(
    langOf(io) === 'vi'
      ? `đã ghi ${opts.out}: ${p.units.length} đảng bộ, ${p.cells.length} chi bộ, ${p.members.length} cấp ủy viên ` +
          `(${p.year}, quy định ${p.policy.id}); bước tiếp: ${next}\n`
      : `wrote ${opts.out}: ${p.units.length} units, ${p.cells.length} cells, ${p.members.length} members ` +
          `(${p.year}, policy ${p.policy.id}); next: ${next}\n`,
  );
  return EXIT.ok;
}
