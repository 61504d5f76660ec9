// lichdu import: a plan spec built from the staff's workbooks or CSV files (issue 11). Units, cells and members come
// from one workbook with named sheets (--workbook) or from separate files (--units, --cells, --members); the year,
// policy and the rest from options or a small YAML header (--header). The spec is validated before it is written;
// every problem is reported by file, sheet, row and column, and nothing is written on error.
import { join } from 'node:path';
import { Document, parse as parseYaml, Scalar, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Policy } from '../domain/types.js';
import { buildSpecLists, type Origin, type Sheet } from '../import/build.js';
import { SHEETS, type SheetKind } from '../import/columns.js';
import { renderTemplate, TEMPLATE_FILE } from '../import/template.js';
import { readTable, xlsxTable, isZip } from '../planfile/table.js';
import { resolvePolicy } from '../policies/index.js';
import { parseSpec } from '../spec/load.js';
import { writeFileAtomic } from '../util/atomic.js';
import { decodeText, readInputFile } from '../util/files.js';
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
}

const KINDS: readonly SheetKind[] = ['units', 'cells', 'members'];
/** Keys a header file may give; the lists come from the sheets. */
const HEADER_KEYS = ['year', 'timezone', 'policy', 'holidays', 'meeting_defaults', 'fixed'];

async function readSheet(path: string, kind: SheetKind, fromWorkbook: boolean): Promise<Result<Sheet>> {
  const bytes = readInputFile(path, kind);
  if (!bytes.ok) return bytes;
  const table =
    fromWorkbook && isZip(bytes.value)
      ? await xlsxTable(bytes.value, path, SHEETS[kind], false)
      : await readTable(bytes.value, path, SHEETS[kind]);
  return table.ok ? { ok: true, value: { file: path, table: table.value } } : table;
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
  for (const key of ['units', 'cells', 'members']) {
    const seq = doc.get(key, true) as YAMLSeq | undefined;
    for (const item of seq?.items ?? []) (item as YAMLMap).flow = true;
  }
  // "19:30" quoted: a YAML 1.1 reader would take it for a number of minutes.
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && /^\d+:\d+$/.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const head =
    lang === 'vi'
      ? `# Tạo bởi lichdu import từ ${sources}. Kiểm tra bằng: lichdu validate <tệp này>`
      : `# Made by lichdu import from ${sources}. Check it with: lichdu validate <this file>`;
  return `${head}\n${doc.toString({
    lineWidth: 0,
  })}`;
}

/** A problem of the written spec put back on the sheet, row and column it came from (issue 23). */
function onRow(problem: InputIssue, origins: Record<SheetKind, Origin[]>): InputIssue {
  const [list, index, key, ...rest] = problem.path;
  if (typeof list !== 'string' || !KINDS.includes(list as SheetKind) || typeof index !== 'number') return problem;
  const o = origins[list as SheetKind][index];
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
  const problems: InputIssue[] = [];
  const opt = (file: string, code: Code) => problems.push(issue(file, [], code));
  if (opts.out === undefined) opt('-o', 'import.no-output');
  else problems.push(...outputFileIssues(opts.out, '-o'));
  if (opts.workbook === undefined && (opts.cells === undefined || opts.members === undefined))
    opt('--cells', 'import.no-sheets');
  const header = opts.header !== undefined ? readHeader(opts.header) : { ok: true as const, value: {} };
  if (!header.ok) problems.push(...header.issues);
  const head: Record<string, unknown> = header.ok ? { ...header.value } : {};
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
    const path = opts[kind] ?? opts.workbook;
    if (path === undefined) continue;
    const r = await readSheet(path, kind, opts[kind] === undefined);
    if (r.ok) sheets[kind] = r.value;
    else if (!(kind === 'units' && opts[kind] === undefined && r.issues[0]?.code === 'table.no-sheet'))
      problems.push(...r.issues);
  }
  refuseIf(problems);
  const built = buildSpecLists(sheets, policy!, opts.level);
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
    ...(head.fixed !== undefined ? { fixed: head.fixed } : {}),
  };
  const sources = [...new Set(KINDS.map((k) => sheets[k]?.file).filter((f) => f !== undefined))].join(', ');
  const text = renderSpecYaml(spec, sources, langOf(io));
  const checked = parseSpec(text, opts.out!);
  if (!checked.ok) throw new InputRefused(checked.issues.map((i) => onRow(i, built.origins)));
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
