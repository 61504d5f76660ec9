// Sheets of units, cells and members turned into a plan spec (issue 11). Ids are taken from an id column or made
// from names (readable, stable, unique: "Chi bộ thôn Kon Klor" -> thon-kon-klor); units, cells and roles are
// referred to by name or id; yes/no columns become tags. Every problem is reported at once by sheet, row and column.
import type { Policy } from '../domain/types.js';
import { bare, LANGS } from '../format/labels.js';
import { describeValue as q } from '../schema/primitives.js';
import { issue, near, type Code, type InputIssue, type Params, type SheetPlace } from '../util/issues.js';
import { placeIn, ranges } from '../planfile/csv.js';
import { readTime, cellText, type CellValue } from '../planfile/values.js';
import { columnIndex, type Table } from '../planfile/table.js';
import { byNormalised, COLUMNS, columnOf, normHeader, type SheetKind } from './columns.js';

/** A sheet read: its table and the file it came from. */
export interface Sheet {
  readonly file: string;
  readonly table: Table;
}

/** Where an entry of the built spec came from, to put a problem the spec loader finds back on its row. */
export interface Origin {
  readonly file: string;
  readonly place: SheetPlace;
  /** The sheet's header for each spec key. */
  readonly headers: ReadonlyMap<string, string>;
}

export interface Built {
  readonly units: Record<string, unknown>[];
  readonly cells: Record<string, unknown>[];
  readonly members: Record<string, unknown>[];
  readonly origins: Record<SheetKind, Origin[]>;
  readonly issues: InputIssue[];
  /** What was assumed (left-out columns, ids made alike, units made from names): said once each. */
  readonly notes: InputIssue[];
}

/** A readable id from a name: no accents, đ as d, words joined by "-"; a leading "Chi bộ" or "Đảng bộ" left out. */
export function slug(name: string): string {
  const s = bare(name.normalize('NFC'))
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s === '' ? 'x' : /^[a-z0-9]/.test(s) ? s : `x-${s}`;
}

const YES = new Set(['x', 'có', 'co', 'yes', 'y', 'true', '1', 'c', '✓', '✔', 'v']);
const NO = new Set(['', 'không', 'khong', 'no', 'n', 'false', '0', 'k', '-']);
const LEVELS: Record<string, string> = {
  tỉnh: 'province',
  'thành phố trực thuộc trung ương': 'province',
  huyện: 'district',
  quận: 'district',
  'thị xã': 'district',
  xã: 'commune',
  phường: 'commune',
  'thị trấn': 'commune',
  'đặc khu': 'commune',
};
const LAST_DAY = new Set(['last', 'cuối tháng', 'ngày cuối tháng', 'cuối']);

const splitList = (s: string) =>
  s
    .split(/[;\n]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** Names compared without case, spacing or a leading "Chi bộ" / "Đảng bộ". */
const nameKey = (s: string) => bare(normHeader(s)).trim();

interface Row {
  readonly kind: SheetKind;
  readonly sheet: Sheet;
  readonly at: number;
  readonly get: (key: string) => string;
  readonly raw: (key: string) => CellValue;
  readonly has: (key: string) => boolean;
}

function rowsOf(kind: SheetKind, sheet: Sheet, issues: InputIssue[], notes: InputIssue[]): Row[] {
  const t = sheet.table;
  const index = columnIndex(t.header, (h) => byNormalised(kind, h)?.key);
  const headRow = placeIn(t, [t.headerAt]);
  for (const h of t.header)
    if (!columnOf(kind, h) && h.trim() !== '')
      notes.push({ ...issue(sheet.file, [], 'note.column-left-out', { column: q(h) }), place: headRow });
  if (!index.has('name')) {
    const names = COLUMNS[kind].find((c) => c.key === 'name')!.aliases;
    issues.push({
      ...issue(sheet.file, [], 'import.no-name-column', { names: names.map((n) => q(n)).join(', ') }),
      place: headRow,
    });
    return [];
  }
  // The template's explanation row (just under the header) is skipped.
  const explanations = new Set(COLUMNS[kind].map((c) => normHeader(c.explain)));
  const rows: Row[] = [];
  for (const r of t.rows) {
    const texts = r.cells.map((c) => cellText(c));
    if (texts.every((x) => x === '')) continue;
    if (r.at <= t.headerAt + 1 && texts.every((x) => x === '' || explanations.has(normHeader(x)))) continue;
    const raw = (key: string): CellValue => (index.has(key) ? (r.cells[index.get(key)!] ?? null) : null);
    rows.push({
      kind,
      sheet,
      at: r.at,
      raw,
      get: (key) => cellText(raw(key)).normalize('NFC'),
      has: (key) => index.has(key),
    });
  }
  return rows;
}

function headersOf(kind: SheetKind, sheet: Sheet): Map<string, string> {
  const { header } = sheet.table;
  const index = columnIndex(header, (h) => byNormalised(kind, h)?.key);
  return new Map([...index].map(([key, i]) => [key, header[i]!.trim()]));
}

/** Looks names or ids up among entries of one kind; a name that two entries share is ambiguous. */
class Directory {
  private readonly ids = new Set<string>();
  private readonly byName = new Map<string, string[]>();
  private readonly names = new Set<string>();
  add(id: string, name: string): void {
    this.ids.add(id);
    this.names.add(bare(name));
    const k = nameKey(name);
    this.byName.set(k, [...(this.byName.get(k) ?? []), id]);
  }
  constructor(private readonly kind: string) {}
  find(text: string): { id?: string; error?: { code: Code; params: Params } } {
    if (this.ids.has(text)) return { id: text };
    const hits = this.byName.get(nameKey(text)) ?? [];
    if (hits.length === 1) return { id: hits[0]! };
    if (hits.length > 1)
      return {
        error: { code: 'import.ambiguous-name', params: { value: q(text), count: hits.length, ids: hits.join(', ') } },
      };
    const likely = near(bare(text), this.names) || near(text, this.ids);
    return { error: { code: 'import.unknown-name', params: { kind: this.kind, value: q(text), near: likely } } };
  }
}

export function buildSpecLists(
  sheets: Partial<Record<SheetKind, Sheet>>,
  policy: Policy,
  defaultLevel = 'commune',
): Built {
  const issues: InputIssue[] = [];
  const notes: InputIssue[] = [];
  const origins: Record<SheetKind, Origin[]> = { units: [], cells: [], members: [] };
  const at = (row: Row, key: string, code: Code, params: Params = {}) => {
    const header = headersOf(row.kind, row.sheet).get(key) ?? key;
    issues.push({ ...issue(row.sheet.file, [], code, params), place: placeIn(row.sheet.table, [row.at], header) });
  };
  const places = (rs: readonly Row[]) => ranges(rs.map((x) => x.at));
  const origin = (kind: SheetKind, row: Row): Origin => ({
    file: row.sheet.file,
    place: placeIn(row.sheet.table, [row.at]),
    headers: headersOf(kind, row.sheet),
  });

  /** Ids from the id column or from names, made unique; a repeated given id is an error on each row. */
  const assignIds = (kind: SheetKind, rows: Row[], label: string): string[] => {
    const given = new Map<string, Row[]>();
    for (const r of rows) if (r.get('id') !== '') given.set(r.get('id'), [...(given.get(r.get('id')) ?? []), r]);
    for (const [id, rs] of given)
      if (rs.length > 1)
        for (const r of rs)
          at(r, 'id', 'import.id-repeated', { kind: label, id: q(id), times: rs.length, rows: places(rs) });
    const used = new Set(given.keys());
    const bySlug = new Map<string, Row[]>();
    return rows.map((r) => {
      const g = r.get('id');
      if (g !== '') return g;
      const base = slug(r.get('name'));
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      bySlug.set(base, [...(bySlug.get(base) ?? []), r]);
      if ((bySlug.get(base)?.length ?? 0) === 2)
        notes.push({
          ...issue(r.sheet.file, [], 'note.named-alike', {
            kind: label,
            rows: places(bySlug.get(base)!),
            first: base,
            second: id,
          }),
          place: placeIn(
            r.sheet.table,
            bySlug.get(base)!.map((x) => x.at),
          ),
        });
      return id;
    });
  };
  const need = (row: Row, key: string, what: string): boolean => {
    if (row.get(key) !== '') return true;
    at(row, key, 'import.empty', { what });
    return false;
  };

  // Units: from the units sheet, or made from the unit names the other sheets use.
  const unitRows = sheets.units ? rowsOf('units', sheets.units, issues, notes) : [];
  const cellRows = sheets.cells ? rowsOf('cells', sheets.cells, issues, notes) : [];
  const memberRows = sheets.members ? rowsOf('members', sheets.members, issues, notes) : [];
  const unitDir = new Directory('unit');
  const units: Record<string, unknown>[] = [];
  if (sheets.units) {
    const ids = assignIds('units', unitRows, 'unit');
    unitRows.forEach((r, i) => unitDir.add(ids[i]!, r.get('name')));
    unitRows.forEach((r, i) => {
      if (!need(r, 'name', 'unit name')) return;
      const level = r.get('level');
      const u: Record<string, unknown> = {
        id: ids[i],
        name: r.get('name'),
        level: level === '' ? defaultLevel : (LEVELS[level.toLowerCase()] ?? slug(level)),
      };
      if (r.get('parent') !== '') {
        const p = unitDir.find(r.get('parent'));
        if (p.error) at(r, 'parent', p.error.code, p.error.params);
        else u.parent = p.id;
      }
      units.push(u);
      origins.units.push(origin('units', r));
    });
  } else {
    const names = [...cellRows, ...memberRows].map((r) => r.get('unit')).filter((n) => n !== '');
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(nameKey(n))) continue;
      seen.add(nameKey(n));
      let id = slug(n);
      for (let k = 2; units.some((u) => u.id === id); k++) id = `${slug(n)}-${k}`;
      units.push({ id, name: /^đảng bộ/i.test(n) ? n : `Đảng bộ ${n}`, level: defaultLevel });
      unitDir.add(id, n);
    }
    if (units.length > 0)
      notes.push(issue('--units', [], 'note.units-made', { count: units.length, level: defaultLevel }));
  }
  const unitRef = (r: Row, key: string): string | undefined => {
    const f = unitDir.find(r.get(key));
    if (f.error) at(r, key, f.error.code, f.error.params);
    return f.id;
  };

  // Cells.
  const cellDir = new Directory('cell');
  const cells: Record<string, unknown>[] = [];
  const cellIds = assignIds('cells', cellRows, 'cell');
  const cellSeen = new Map<string, Row>();
  cellRows.forEach((r, i) => cellDir.add(cellIds[i]!, r.get('name')));
  cellRows.forEach((r, i) => {
    if (!need(r, 'name', 'cell name') || !need(r, 'unit', 'unit (đảng bộ) of the cell')) return;
    const unit = unitRef(r, 'unit');
    const same = `${nameKey(r.get('name'))}|${unit}`;
    if (cellSeen.has(same)) {
      const first = cellSeen.get(same)!;
      at(r, 'name', 'import.cell-twice', { value: q(r.get('name')), also: places([first]) });
    }
    cellSeen.set(same, r);
    const tags: string[] = [];
    for (const c of COLUMNS.cells)
      if (c.tag && r.has(c.key)) {
        const v = r.get(c.key).toLowerCase();
        if (YES.has(v)) tags.push(c.tag);
        else if (!NO.has(v)) at(r, c.key, 'import.not-yes-no', { value: q(r.get(c.key)) });
      }
    for (const t of splitList(r.get('tags').replace(/,/g, ';'))) {
      const known = COLUMNS.cells.find((c) => c.tag && c.aliases.some((a) => normHeader(a) === normHeader(t)));
      const tag = known?.tag ?? slug(t);
      if (!tags.includes(tag)) tags.push(tag);
    }
    const cell: Record<string, unknown> = { id: cellIds[i], name: r.get('name'), unit };
    if (tags.length > 0) cell.tags = tags;
    const meeting: Record<string, unknown> = {};
    const day = r.get('day');
    if (day !== '') {
      if (LAST_DAY.has(day.toLowerCase())) meeting.day = 'last';
      else if (/^\d{1,2}$/.test(day) && Number(day) >= 1 && Number(day) <= 28) meeting.day = Number(day);
      else at(r, 'day', 'import.not-day', { value: q(day) });
    }
    if (r.get('time') !== '') {
      const t = readTime(r.raw('time'));
      if (t.ok) meeting.time = t.value;
      else at(r, 'time', t.error.code, t.error.params);
    }
    if (Object.keys(meeting).length > 0) cell.meeting = meeting;
    cells.push(cell);
    origins.cells.push(origin('cells', r));
  });

  // Members.
  const roleOf = new Map<string, string>();
  for (const [id, role] of Object.entries(policy.roles)) {
    roleOf.set(normHeader(id), id);
    for (const l of LANGS) if (role.label?.[l]) roleOf.set(normHeader(role.label[l]!), id);
  }
  const members: Record<string, unknown>[] = [];
  const memberIds = assignIds('members', memberRows, 'member');
  memberRows.forEach((r, i) => {
    const complete = [
      need(r, 'name', 'full name'),
      need(r, 'role', 'role'),
      need(r, 'unit', 'unit whose committee they sit on'),
    ];
    if (complete.includes(false)) return;
    const role = roleOf.get(normHeader(r.get('role')));
    if (role === undefined)
      at(r, 'role', 'import.not-role', {
        value: q(r.get('role')),
        policy: policy.id,
        roles: Object.entries(policy.roles)
          .map(([id, x]) => (x.label?.vi ? `"${x.label.vi}" (${id})` : id))
          .join(', '),
      });
    const m: Record<string, unknown> = { id: memberIds[i], name: r.get('name'), role, unit: unitRef(r, 'unit') };
    if (r.get('team') !== '') m.team = slug(r.get('team'));
    if (r.get('area') !== '') {
      m.area = splitList(r.get('area')).map((a) => {
        const f = unitDir.find(a);
        if (f.error) at(r, 'area', f.error.code, f.error.params);
        return f.id ?? a;
      });
    }
    if (r.get('home_cell') !== '') {
      const c = cellDir.find(r.get('home_cell'));
      if (c.error) at(r, 'home_cell', c.error.code, c.error.params);
      else m.home_cell = c.id;
    }
    if (r.get('unavailable') !== '') m.unavailable = splitList(r.get('unavailable'));
    members.push(m);
    origins.members.push(origin('members', r));
  });
  return { units, cells, members, origins, issues, notes };
}
