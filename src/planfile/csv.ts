// plan.csv read back (SPEC §3): columns found by their header, in Vietnamese or English (or the column keys
// themselves), in any order; columns lichdu does not know are ignored, so a spreadsheet user may add notes.
import type { CellId, IsoDate, MemberId, Problem, Visit, VisitStatus } from '../domain/types.js';
import { describeValue as q, HHMM, ID_MAX, isIsoDate } from '../spec/primitives.js';
import { didYouMean, type InputIssue, type Result } from '../util/issues.js';
import { parseCsv, restore } from '../export/csv.js';
import { CSV_COLUMNS, CSV_HEADERS, LANGS, STATUS_LABELS, type CsvColumn } from '../export/labels.js';

/** The columns a plan needs; the others (weekday, names, unit, tags) are there for people. */
const REQUIRED: readonly CsvColumn[] = ['date', 'start', 'end', 'member_id', 'cell_id', 'status'];

const norm = (h: string) => h.trim().toLowerCase().normalize('NFC');

/** Header text (either language, or the key) -> column key. */
const COLUMN_OF = new Map<string, CsvColumn>();
for (const [i, key] of CSV_COLUMNS.entries()) {
  COLUMN_OF.set(norm(key), key);
  for (const l of LANGS) COLUMN_OF.set(norm(CSV_HEADERS[l][i]!), key);
}

const STATUS_OF = new Map<string, VisitStatus>();
for (const l of LANGS) for (const [k, v] of Object.entries(STATUS_LABELS[l])) STATUS_OF.set(norm(v), k as VisitStatus);

/** Reads plan.csv (either language) back into visits, resolving member and cell ids against the spec. */
export function readCsvPlan(text: string, file: string, problem: Pick<Problem, 'members' | 'cells'>): Result<Visit[]> {
  const parsed = parseCsv(text);
  const fail = (message: string): Result<Visit[]> => ({ ok: false, issues: [{ file, path: [], message }] });
  if (parsed.error) return fail(`not valid CSV: ${parsed.error}`);
  const [header, ...rows] = parsed.rows;
  if (!header) return fail('the file is empty: expected a header line and one line per visit');
  const index = new Map<CsvColumn, number>();
  header.forEach((h, i) => {
    const key = COLUMN_OF.get(norm(h));
    if (key && !index.has(key)) index.set(key, i);
  });
  const missing = REQUIRED.filter((k) => !index.has(k));
  if (missing.length > 0) {
    const names = missing.map((k) => `"${CSV_HEADERS.vi[CSV_COLUMNS.indexOf(k)]}" (${k})`);
    return fail(
      `line 1: no column ${names.join(', ')}: the header must name them, in Vietnamese or English, in any order`,
    );
  }
  const memberIds = new Set(problem.members.map((m) => m.id as string));
  const cellIds = new Set(problem.cells.map((c) => c.id as string));
  const issues: InputIssue[] = [];
  const visits: Visit[] = [];
  rows.forEach((r, k) => {
    const line = parsed.lines[k + 1]!;
    if (r.every((x) => x.trim() === '')) return;
    const get = (key: CsvColumn) => restore((r[index.get(key)!] ?? '').trim());
    const at = (key: CsvColumn, msg: string) =>
      issues.push({
        file,
        path: [],
        message: `line ${line}, column ${index.get(key)! + 1} (${header[index.get(key)!]!.trim()}): ${msg}`,
      });
    const [date, start, end, member, cell, status] = REQUIRED.map(get) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    let ok = true;
    const bad = (key: CsvColumn, msg: string) => {
      ok = false;
      at(key, msg);
    };
    // Values are quoted at most 80 characters long; a near miss is looked for only among id-sized values.
    const near = (v: string, ids: Set<string>) => (v.length <= ID_MAX ? didYouMean(v, ids) : '');
    if (!isIsoDate(date)) bad('date', `${q(date)} is not a date YYYY-MM-DD`);
    if (!HHMM.test(start)) bad('start', `${q(start)} is not HH:MM`);
    if (!HHMM.test(end)) bad('end', `${q(end)} is not HH:MM`);
    if (!memberIds.has(member)) bad('member_id', `unknown member ${q(member)}${near(member, memberIds)}`);
    if (!cellIds.has(cell)) bad('cell_id', `unknown cell ${q(cell)}${near(cell, cellIds)}`);
    const st = STATUS_OF.get(norm(status));
    if (!st) bad('status', `${q(status)} is not a status: use ${Object.values(STATUS_LABELS.vi).join(' or ')}`);
    if (ok)
      visits.push({ member: member as MemberId, cell: cell as CellId, date: date as IsoDate, start, end, status: st! });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: visits };
}
