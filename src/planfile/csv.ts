// plan.csv (and plan.xlsx) read back (SPEC §3, issue 11): columns found by their header, in Vietnamese or English
// (or the column keys themselves), in any order; columns lichdu does not know are ignored, so a spreadsheet user may
// add notes; blank rows skipped. Dates and times in any form a spreadsheet writes (./values.ts). Problems are
// grouped: one line per distinct problem with the lines it affects, not one line per row; conversions a spreadsheet
// made (`07:30:00 PM` for 19:30) are accepted and said once each, as notes.
import type { CellId, IsoDate, MemberId, Problem, Visit, VisitStatus } from '../domain/types.js';
import { weekdayName } from '../calendar/meetings.js';
import { describeValue as q } from '../schema/primitives.js';
import { issue, type Code, type InputIssue, type Params, type Result } from '../util/issues.js';
import { restore } from '../format/csv.js';
import { CSV_COLUMNS, CSV_HEADERS, LANGS, STATUS_LABELS, type CsvColumn, type Lang } from '../format/labels.js';
import { otherSpec } from './json.js';
import { identify, NameIndex } from './names.js';
import { columnIndex, csvTable, normHeader, type Table } from './table.js';
import { cellText, readDate, readings, readTime, slashParts, type CellValue, type DateOrder } from './values.js';

/** The columns a plan needs; the others (weekday, names, unit, tags) are there for people. */
const REQUIRED: readonly CsvColumn[] = ['date', 'start', 'end', 'member_id', 'cell_id', 'status'];

export interface Columns<K extends string> {
  /** The column index of a key, undefined when the table has no such column. */
  readonly col: (key: K) => number | undefined;
  /** The column's header as the table writes it (`Ngày`). */
  readonly heading: (key: K) => string;
}

/**
 * A table's columns found by their header (Vietnamese, English or the key itself, any order; the first of each kept),
 * or one issue naming every required column missing (`template`: a template exists that has them).
 */
export function findColumns<K extends string>(
  table: Table,
  file: string,
  keys: readonly K[],
  headers: Readonly<Record<Lang, readonly string[]>>,
  required: readonly K[],
  template = false,
): Result<Columns<K>> {
  const keyOf = new Map<string, K>();
  for (const [i, key] of keys.entries()) {
    keyOf.set(normHeader(key), key);
    for (const l of LANGS) keyOf.set(normHeader(headers[l][i]!), key);
  }
  const index = columnIndex(table.header, (h) => keyOf.get(h));
  const missing = required.filter((k) => !index.has(k));
  if (missing.length > 0) {
    const names = missing.map((k) => `"${headers.vi[keys.indexOf(k)]}" (${k})`);
    const at = placeIn(table, [table.headerAt]);
    return {
      ok: false,
      issues: [
        {
          ...issue(file, [], 'table.missing-columns', { columns: names.join(', '), template: template ? 1 : '' }),
          place: at,
        },
      ],
    };
  }
  const col = (key: K) => index.get(key);
  return {
    ok: true,
    value: { col, heading: (key) => table.header[col(key)!]!.replace(/^\uFEFF/, '').trim() },
  };
}

const STATUS_OF = new Map<string, VisitStatus>();
for (const l of LANGS)
  for (const [k, v] of Object.entries(STATUS_LABELS[l])) STATUS_OF.set(normHeader(v), k as VisitStatus);

export interface TablePlan {
  readonly visits: Visit[];
  /** What was read differently from how lichdu writes it, one per kind with the lines. */
  readonly notes: InputIssue[];
}

/** `2–80, 85, 90–91` */
export function ranges(ats: readonly number[]): string {
  const sorted = [...new Set(ats)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

/** The place of rows of a table: its sheet (none for CSV) and the rows, `2–80, 85` for several. */
export function placeIn(table: Table, ats: readonly number[], column?: string) {
  return {
    ...(table.sheet !== undefined ? { sheet: table.sheet } : {}),
    rows: ranges(ats),
    ...(new Set(ats).size > 1 ? { many: true } : {}),
    ...(column !== undefined ? { column } : {}),
  };
}

/**
 * A table's problems grouped: one per distinct problem and column, with the rows it is on, first seen first. With
 * `byKind` (notes: what was read differently), one per code and column whatever the values, the first as example
 * and `count` the rows it is on.
 */
export class Grouped {
  private readonly by = new Map<string, { code: Code; params: Params; column?: string; ats: number[] }>();
  constructor(private readonly byKind = false) {}
  add(code: Code, params: Params, at: number, column?: string): void {
    const key = JSON.stringify([code, this.byKind ? null : params, column ?? null]);
    const g = this.by.get(key);
    if (g) g.ats.push(at);
    else this.by.set(key, { code, params, ...(column !== undefined ? { column } : {}), ats: [at] });
  }
  issues(table: Table, file: string): InputIssue[] {
    return [...this.by.values()].map((g) => ({
      ...issue(file, [], g.code, this.byKind ? { ...g.params, count: g.ats.length } : g.params),
      place: placeIn(table, g.ats, g.column),
    }));
  }
}

/**
 * The order of slashed dates in a table: set by any date that can only be read one way, else by the weekday column
 * where the two readings fall on different weekdays; undefined when nothing tells.
 */
export function dateOrder(table: Table, dateCol: number, weekdayCol: number | undefined): DateOrder | undefined {
  const votes = { dmy: 0, mdy: 0 };
  for (const r of table.rows) {
    const v = r.cells[dateCol];
    if (typeof v !== 'string') continue;
    const p = slashParts(v);
    if (!p) continue;
    if (p[0] > 12 && p[1] <= 12) return 'dmy';
    if (p[1] > 12 && p[0] <= 12) return 'mdy';
    const both = readings(v);
    if (weekdayCol === undefined || !both?.dmy || !both.mdy || both.dmy === both.mdy) continue;
    const wd = normHeader(cellText(r.cells[weekdayCol] ?? null));
    for (const order of ['dmy', 'mdy'] as const)
      if (LANGS.some((l) => normHeader(weekdayName(both[order]! as IsoDate, l)) === wd)) votes[order]++;
  }
  if (votes.dmy > votes.mdy) return 'dmy';
  if (votes.mdy > votes.dmy) return 'mdy';
  return undefined;
}

/** Reads a plan's table (either language) back into visits, resolving member and cell ids against the spec. */
export function readTablePlan(
  table: Table,
  file: string,
  problem: Pick<Problem, 'members' | 'cells'>,
): Result<TablePlan> {
  const found = findColumns(table, file, CSV_COLUMNS, CSV_HEADERS, REQUIRED);
  if (!found.ok) return found;
  const { heading } = found.value;
  const col = (key: CsvColumn) => found.value.col(key)!;
  const order = dateOrder(table, col('date'), found.value.col('weekday'));
  const members = new NameIndex('member', problem.members);
  const cells = new NameIndex('cell', problem.cells);
  // A plan for another spec is said in one line, before any detail (names count as known when they resolve).
  const typed = (r: Table['rows'][number], idKey: CsvColumn, nameKey: CsvColumn, index: NameIndex) => {
    const id = cellText(r.cells[col(idKey)] ?? null);
    const name = found.value.col(nameKey) === undefined ? '' : cellText(r.cells[found.value.col(nameKey)!] ?? null);
    return index.lookup(id !== '' ? id : name) ?? id;
  };
  const other = otherSpec(
    file,
    table.rows
      .filter((r) => r.cells.some((x) => cellText(x) !== ''))
      .map((r) => ({
        member: typed(r, 'member_id', 'member_name', members),
        cell: typed(r, 'cell_id', 'cell_name', cells),
      })),
    problem,
    false,
  );
  if (other) return { ok: false, issues: [other] };
  const errors = new Grouped();
  const notes = new Grouped(true);
  const visits: Visit[] = [];
  for (const r of table.rows) {
    if (r.cells.every((x) => cellText(x) === '')) continue;
    const raw = (key: CsvColumn): CellValue => r.cells[col(key)] ?? null;
    const text = (key: CsvColumn) => restore(cellText(raw(key)));
    let ok = true;
    const bad = (key: CsvColumn, code: Code, params: Params) => {
      ok = false;
      errors.add(code, params, r.at, heading(key));
    };
    // The id column, or the name when the id is left empty; a name that disagrees with the id refuses the row.
    const named = (index: NameIndex, idKey: CsvColumn, nameKey: CsvColumn): string => {
      const got = identify(index, text(idKey), found.value.col(nameKey) === undefined ? '' : text(nameKey));
      if (!got.ok) bad(got.onName ? nameKey : idKey, got.code, got.params);
      else if (got.byName)
        notes.add('note.name-read', { value: q(text(idKey) || text(nameKey)), id: got.id }, r.at, heading(idKey));
      return got.ok ? got.id : '';
    };
    const date = readDate(raw('date'), order);
    if (!date.ok) bad('date', date.error.code, date.error.params);
    else if (typeof raw('date') === 'string' && text('date') !== date.value)
      notes.add('note.dates-read', { value: q(text('date')), read: date.value }, r.at, heading('date'));
    const times = (['start', 'end'] as const).map((key) => {
      const t = readTime(raw(key));
      if (!t.ok) bad(key, t.error.code, t.error.params);
      else if (typeof raw(key) === 'string' && text(key) !== t.value)
        notes.add('note.read-as', { value: q(text(key)), read: t.value }, r.at, heading(key));
      return t.ok ? t.value : '';
    });
    const member = named(members, 'member_id', 'member_name');
    const cell = named(cells, 'cell_id', 'cell_name');
    const status = text('status');
    const st = STATUS_OF.get(normHeader(status));
    if (!st)
      bad('status', 'table.not-status', { value: q(status), choices: Object.values(STATUS_LABELS.vi).join(', ') });
    if (ok && date.ok)
      visits.push({
        member: member as MemberId,
        cell: cell as CellId,
        date: date.value as IsoDate,
        start: times[0]!,
        end: times[1]!,
        status: st!,
      });
  }
  const issues = errors.issues(table, file);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { visits, notes: notes.issues(table, file) } };
}

/** Reads plan.csv text (either language, any separator) back into visits. */
export function readCsvPlan(text: string, file: string, problem: Pick<Problem, 'members' | 'cells'>): Result<Visit[]> {
  const table = csvTable(text, file);
  if (!table.ok) return table;
  const r = readTablePlan(table.value, file, problem);
  return r.ok ? { ok: true, value: r.value.visits } : r;
}
