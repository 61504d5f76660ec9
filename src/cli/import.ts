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
import { describeValue as q } from '../schema/primitives.js';
import { parseSpec } from '../spec/load.js';
import { writeFileAtomic } from '../util/atomic.js';
import { decodeText, readInputFile } from '../util/files.js';
import { formatPath, type InputIssue, type Result } from '../util/issues.js';
import { EXIT, InputRefused, type Io } from './io.js';
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
}

const KINDS: readonly SheetKind[] = ['units', 'cells', 'members'];
/** Keys a header file may give; the lists come from the sheets. */
const HEADER_KEYS = ['year', 'timezone', 'policy', 'holidays', 'meeting_defaults', 'fixed'];

async function readSheet(path: string, kind: SheetKind, fromWorkbook: boolean): Promise<Result<Sheet>> {
  const bytes = readInputFile(path, `the ${kind} sheet`);
  if (!bytes.ok) return bytes;
  const table =
    fromWorkbook && isZip(bytes.value)
      ? await xlsxTable(bytes.value, path, SHEETS[kind], false)
      : await readTable(bytes.value, path, SHEETS[kind]);
  return table.ok ? { ok: true, value: { file: path, table: table.value } } : table;
}

function readHeader(path: string): Result<Record<string, unknown>> {
  const bytes = readInputFile(path, 'the header');
  if (!bytes.ok) return bytes;
  const text = decodeText(bytes.value, path);
  if (!text.ok) return text;
  let value: unknown;
  try {
    value = parseYaml(text.value);
  } catch (err) {
    return { ok: false, issues: [{ file: path, path: [], message: `${(err as Error).message.split('\n')[0]}` }] };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return {
      ok: false,
      issues: [{ file: path, path: [], message: `expected a mapping of ${HEADER_KEYS.join(', ')}` }],
    };
  const issues: InputIssue[] = Object.keys(value)
    .filter((k) => !HEADER_KEYS.includes(k))
    .map((k) => ({
      file: path,
      path: [k],
      message: `a header gives only ${HEADER_KEYS.join(', ')}; units, cells and members come from the sheets`,
    }));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: value as Record<string, unknown> };
}

/** The spec as YAML: the header keys, then one line per unit, cell and member, as the README's example. */
export function renderSpecYaml(spec: Record<string, unknown>, sources: string): string {
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
  return `# Made by lichdu import from ${sources}. Check it with: lichdu validate <this file>\n${doc.toString({
    lineWidth: 0,
  })}`;
}

/** A message about the written spec put back on the sheet row it came from. */
function onRow(issue: InputIssue, origins: Record<SheetKind, Origin[]>): InputIssue {
  const [list, index, key, ...rest] = issue.path;
  if (typeof list !== 'string' || !KINDS.includes(list as SheetKind) || typeof index !== 'number') return issue;
  const o = origins[list as SheetKind][index];
  if (!o) return issue;
  const header = typeof key === 'string' ? (o.headers.get(key) ?? key) : undefined;
  const column = header !== undefined ? `, column ${q(header)}${rest.length > 0 ? ` ${formatPath(rest)}` : ''}` : '';
  return { file: o.file, path: [], message: `${o.where}${column}: ${issue.message}` };
}

export async function runImport(opts: ImportOptions, io: Io): Promise<number> {
  if (opts.template !== undefined) {
    refuseIf(outputDirIssues(opts.template, '--template'));
    const policy = resolvePolicy(opts.policy ?? 'kontum-776', '--policy', []);
    if (!policy.ok) throw new InputRefused(policy.issues);
    const path = join(opts.template, TEMPLATE_FILE);
    const bytes = await renderTemplate(policy.value);
    await writeOrRefuse(async () => writeFileAtomic(path, bytes));
    io.out(`wrote ${path}: sheets ${KINDS.map((k) => `"${SHEETS[k][0]}"`).join(', ')} (roles of ${policy.value.id})\n`);
    io.out(`fill it in, then: lichdu import --workbook ${path} --year 2027 --policy ${policy.value.id} -o spec.yaml\n`);
    return EXIT.ok;
  }
  const problems: InputIssue[] = [];
  const opt = (file: string, message: string) => problems.push({ file, path: [], message });
  if (opts.out === undefined) opt('-o', 'give the spec file to write, e.g. -o spec.yaml');
  else problems.push(...outputFileIssues(opts.out, '-o'));
  if (opts.workbook === undefined && (opts.cells === undefined || opts.members === undefined))
    opt(
      '--cells',
      'give --workbook FILE (sheets "Chi bộ", "Cấp ủy viên", optionally "Đảng bộ"), or --cells and --members',
    );
  const header = opts.header !== undefined ? readHeader(opts.header) : { ok: true as const, value: {} };
  if (!header.ok) problems.push(...header.issues);
  const head: Record<string, unknown> = header.ok ? { ...header.value } : {};
  if (opts.year !== undefined) head.year = opts.year;
  if (opts.policy !== undefined) head.policy = opts.policy;
  if (head.year === undefined) opt('--year', 'give the plan year, e.g. --year 2027 (or year: in --header)');
  if (head.policy === undefined)
    opt('--policy', 'give a policy, e.g. --policy kontum-776 (lichdu policies lists them)');
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
    else if (!(kind === 'units' && opts[kind] === undefined && /no sheet named/.test(r.issues[0]?.message ?? '')))
      problems.push(...r.issues);
  }
  refuseIf(problems);
  const built = buildSpecLists(sheets, policy!, opts.level);
  for (const note of built.notes) io.err(`note: ${note}\n`);
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
  const text = renderSpecYaml(spec, sources);
  const checked = parseSpec(text, opts.out!);
  if (!checked.ok) throw new InputRefused(checked.issues.map((i) => onRow(i, built.origins)));
  await writeOrRefuse(async () => writeFileAtomic(opts.out!, text));
  const p = checked.value;
  io.out(
    `wrote ${opts.out}: ${p.units.length} units, ${p.cells.length} cells, ${p.members.length} members ` +
      `(${p.year}, policy ${p.policy.id}); next: lichdu plan ${opts.out} -o out\n`,
  );
  return EXIT.ok;
}
