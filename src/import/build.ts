// Sheets of units, cells and members turned into a plan spec (issue 11). Ids are taken from an id column or made
// from names (readable, stable, unique: "Chi bộ thôn Kon Klor" -> thon-kon-klor); units, cells and roles are
// referred to by name or id; yes/no columns become tags. Every problem is reported at once by sheet, row and column.
import type { Policy } from '../domain/types.js';
import { bare, LANGS } from '../format/labels.js';
import { describeValue as q } from '../schema/primitives.js';
import { issue, type Code, type InputIssue, type Params, type SheetPlace } from '../util/issues.js';
import { placeIn, ranges } from '../planfile/csv.js';
import { readTime, cellText, type CellValue } from '../planfile/values.js';
import { meetingDayText, parseMeetingDay } from '../domain/meetingDay.js';
import { PERIOD_KINDS, type PeriodKind } from '../domain/types.js';
import { NameIndex } from '../planfile/names.js';
import { withoutDiacritics } from '../domain/text.js';
import { readDateList, readTypedDate } from './dates.js';
import { readShift } from './settings.js';
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
  /** Visits agreed in advance (sheet "Dự theo thỏa thuận"). */
  readonly fixed: Record<string, unknown>[];
  readonly origins: Record<SheetKind, Origin[]>;
  readonly issues: InputIssue[];
  /** What was assumed (left-out columns, ids made alike, units made from names): said once each. */
  readonly notes: InputIssue[];
}

/** A readable id from a name: no accents, đ as d, words joined by "-"; a leading "Chi bộ" or "Đảng bộ" left out. */
export function slug(name: string): string {
  const s = withoutDiacritics(bare(name.normalize('NFC')))
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

/** Quota periods as the workbook writes them (the first) and reads them. */
export const PERIOD_WORDS: Record<PeriodKind, readonly string[]> = {
  year: ['năm', 'year'],
  half: ['6 tháng', 'nửa năm', 'half', 'half-year'],
  quarter: ['quý', 'quarter'],
  month: ['tháng', 'month'],
};
const AT_MOST = /^(tối đa|nhiều nhất|không quá|at most|max)\s+/i;

/** A member's own quotas from `3/năm; tối đa 2/tháng`, or undefined when the text is not such a list. */
export function readQuota(text: string): { min: number; max?: number; per: PeriodKind }[] | undefined {
  const out: { min: number; max?: number; per: PeriodKind }[] = [];
  for (const item of splitList(text)) {
    const atMost = AT_MOST.test(item);
    const m = /^(\d+)(?:\s*[-–]\s*(\d+))?\s*(?:buổi|lần|visits?)?\s*\/\s*(.+)$/i.exec(item.replace(AT_MOST, ''));
    const per = m
      ? PERIOD_KINDS.find((k) => PERIOD_WORDS[k].some((w) => normHeader(w) === normHeader(m[3]!)))
      : undefined;
    if (!m || !per || (atMost && m[2] !== undefined)) return undefined;
    const [a, b] = [Number(m[1]), m[2] === undefined ? undefined : Number(m[2])];
    if (b !== undefined && b < a) return undefined;
    out.push(atMost ? { min: 0, max: a, per } : { min: a, ...(b !== undefined ? { max: b } : {}), per });
  }
  return out.length > 0 ? out : undefined;
}

/** Quotas as the workbook writes them. */
export function quotaText(q: unknown): string {
  const list = (Array.isArray(q) ? q : [q]) as { min: number; max?: number; per: PeriodKind }[];
  return list
    .map((x) => {
      const per = PERIOD_WORDS[x.per][0];
      if (x.min === 0 && x.max !== undefined) return `tối đa ${x.max}/${per}`;
      return x.max !== undefined ? `${x.min}-${x.max}/${per}` : `${x.min}/${per}`;
    })
    .join('; ');
}

/** Yes/no as the workbook reads it, or undefined. */
export const yesNo = (v: string): boolean | undefined =>
  YES.has(v.toLowerCase()) ? true : NO.has(v.toLowerCase()) ? false : undefined;

/** A team or a tag as given when it is one already, else made from the words. */
const asId = (s: string) => (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(s) ? s : slug(s));

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
  if (!index.has('name') && COLUMNS[kind].some((c) => c.key === 'name')) {
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

/**
 * Looks names or ids up among the entries of one kind, with the name index of the plan and attendance readers
 * (planfile/names.ts): an id, or a name only one entry bears (with or without its leading "Chi bộ"/"Đảng bộ"); a
 * near miss suggested by name, compared without diacritics. Said in the import's words.
 */
class Directory {
  private readonly items: { id: string; name: string }[] = [];
  private index?: NameIndex;
  constructor(private readonly kind: 'unit' | 'cell') {}
  add(id: string, name: string): void {
    this.items.push({ id, name });
    this.index = undefined;
  }
  find(text: string): { id?: string; error?: { code: Code; params: Params } } {
    this.index ??= new NameIndex(this.kind, this.items);
    const r = this.index.resolve(text);
    if (r.ok) return { id: r.id };
    if (r.code === 'table.name-shared') {
      const ids = String(r.params.ids);
      return {
        error: { code: 'import.ambiguous-name', params: { value: q(text), count: ids.split(', ').length, ids } },
      };
    }
    const near = String(r.params.near ?? '');
    const likely = near === '' ? '' : bare(this.index.name(near) ?? near);
    return { error: { code: 'import.unknown-name', params: { kind: this.kind, value: q(text), near: likely } } };
  }
}

export function buildSpecLists(
  sheets: Partial<Record<SheetKind, Sheet>>,
  policy: Policy,
  defaultLevel = 'commune',
  /** The common meeting rule (settings sheet or header), for saying where a blank day or time comes from. */
  common: { day?: unknown; time?: unknown } = {},
): Built {
  const issues: InputIssue[] = [];
  const notes: InputIssue[] = [];
  const origins: Record<SheetKind, Origin[]> = { units: [], cells: [], members: [], absences: [], fixed: [] };
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

  /** A row's meeting rule (units and cells): day, time, duration and shift, each only when given. */
  const meetingOf = (r: Row): Record<string, unknown> => {
    const meeting: Record<string, unknown> = {};
    const day = r.get('day');
    if (day !== '') {
      const d = parseMeetingDay(day);
      if (d === undefined) at(r, 'day', 'import.not-day', { value: q(day) });
      else meeting.day = typeof d === 'object' ? meetingDayText(d, 'en') : d;
    }
    if (r.get('time') !== '') {
      const t = readTime(r.raw('time'));
      if (t.ok) meeting.time = t.value;
      else at(r, 'time', t.error.code, t.error.params);
    }
    if (r.get('duration') !== '') {
      if (/^\d+$/.test(r.get('duration'))) meeting.duration_minutes = Number(r.get('duration'));
      else at(r, 'duration', 'import.not-minutes', { value: q(r.get('duration')) });
    }
    if (r.get('shift') !== '') {
      const sh = readShift(r.get('shift'));
      if (sh === undefined) at(r, 'shift', 'import.not-shift', { value: q(r.get('shift')) });
      else meeting.shift = sh;
    }
    return meeting;
  };
  /** `active` from the "Từ ngày" / "Đến ngày" columns, or undefined. */
  const activeOf = (r: Row): string | undefined => {
    const [from, to] = (['active_from', 'active_to'] as const).map((k) => {
      if (r.get(k) === '') return '';
      const d = readTypedDate(r.raw(k));
      if (!d.ok) at(r, k, d.error.code, d.error.params);
      return d.ok ? d.value : '';
    });
    if (from && to && to < from) {
      at(r, 'active_to', 'import.range-backwards', {
        value: q(`${r.get('active_from')} - ${r.get('active_to')}`),
        from,
        to,
      });
      return undefined;
    }
    return !from && !to ? undefined : `${from}..${to}`;
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
      const meeting = meetingOf(r);
      if (Object.keys(meeting).length > 0) u.meeting = meeting;
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
  const cellRowOf = new Map<Record<string, unknown>, Row>();
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
      const tag = known?.tag ?? (/^[\p{L}\p{N}_-]+$/u.test(t) ? t : slug(t));
      if (!tags.includes(tag)) tags.push(tag);
    }
    const cell: Record<string, unknown> = { id: cellIds[i], name: r.get('name'), unit };
    if (tags.length > 0) cell.tags = tags;
    const meeting = meetingOf(r);
    if (Object.keys(meeting).length > 0) cell.meeting = meeting;
    if (r.get('meetings') !== '') {
      const list = readDateList(r.raw('meetings'));
      if (!list.ok) at(r, 'meetings', list.error.code, list.error.params);
      else {
        const byMonth: Record<string, string> = {};
        for (const d of list.value) {
          const month = d.slice(0, 7);
          if (d.includes('..')) at(r, 'meetings', 'import.not-date-list', { value: q(d) });
          else if (byMonth[month] !== undefined)
            at(r, 'meetings', 'import.month-twice', { value: q(r.get('meetings')), month });
          else byMonth[month] = d;
        }
        if (Object.keys(byMonth).length > 0) cell.meetings = byMonth;
      }
    }
    if (r.get('allow_consecutive') !== '') {
      const yes = yesNo(r.get('allow_consecutive'));
      if (yes === undefined) at(r, 'allow_consecutive', 'import.not-yes-no', { value: q(r.get('allow_consecutive')) });
      else if (yes) cell.allow_consecutive = true;
    }
    const active = activeOf(r);
    if (active !== undefined) cell.active = active;
    cells.push(cell);
    origins.cells.push(origin('cells', r));
    cellRowOf.set(cell, r);
  });
  fillMeetings(cells, units, cellRowOf, common, notes);

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
    if (r.get('team') !== '') m.team = asId(r.get('team'));
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
    if (r.get('unavailable') !== '') {
      const list = readDateList(r.raw('unavailable'));
      if (!list.ok) at(r, 'unavailable', list.error.code, list.error.params);
      else m.unavailable = list.value;
    }
    if (r.get('quota') !== '') {
      const quota = readQuota(r.get('quota'));
      if (quota === undefined) at(r, 'quota', 'import.not-quota', { value: q(r.get('quota')) });
      else m.quota = quota;
    }
    const active = activeOf(r);
    if (active !== undefined) m.active = active;
    members.push(m);
    origins.members.push(origin('members', r));
  });

  // Absences: rows of a member (by name or id) and a date or range, added to the member's unavailable days.
  const memberIndex = new NameIndex(
    'member',
    members.map((m) => ({ id: String(m.id), name: String(m.name) })),
  );
  const cellIndex = new NameIndex(
    'cell',
    cells.map((c) => ({ id: String(c.id), name: String(c.name) })),
  );
  const byId = new Map(members.map((m) => [String(m.id), m]));
  const who = (r: Row, index: NameIndex, key: string): string | undefined => {
    if (!need(r, key, key === 'cell' ? 'cell' : 'member')) return undefined;
    const got = index.resolve(r.get(key));
    if (!got.ok) {
      at(r, key, got.code, got.params);
      return undefined;
    }
    return got.id;
  };
  const absenceRows = sheets.absences ? rowsOf('absences', sheets.absences, issues, notes) : [];
  for (const r of absenceRows) {
    const id = who(r, memberIndex, 'member');
    if (!need(r, 'from', 'first day')) continue;
    const from = readTypedDate(r.raw('from'));
    if (!from.ok) at(r, 'from', from.error.code, from.error.params);
    const to = r.get('to') === '' ? from : readTypedDate(r.raw('to'));
    if (!to.ok) at(r, 'to', to.error.code, to.error.params);
    if (id === undefined || !from.ok || !to.ok) continue;
    if (to.value < from.value) {
      at(r, 'to', 'import.range-backwards', {
        value: q(`${r.get('from')} - ${r.get('to')}`),
        from: from.value,
        to: to.value,
      });
      continue;
    }
    const m = byId.get(id)!;
    const list = (m.unavailable as string[] | undefined) ?? [];
    m.unavailable = [...list, to.value === from.value ? from.value : `${from.value}..${to.value}`];
    origins.absences.push(origin('absences', r));
  }

  // Visits agreed in advance: member, cell and the date of the cell's meeting.
  const fixed: Record<string, unknown>[] = [];
  const fixedRows = sheets.fixed ? rowsOf('fixed', sheets.fixed, issues, notes) : [];
  for (const r of fixedRows) {
    const member = who(r, memberIndex, 'member');
    const cell = who(r, cellIndex, 'cell');
    if (!need(r, 'date', 'date')) continue;
    const date = readTypedDate(r.raw('date'));
    if (!date.ok) at(r, 'date', date.error.code, date.error.params);
    if (member === undefined || cell === undefined || !date.ok) continue;
    fixed.push({ member, cell, date: date.value });
    origins.fixed.push(origin('fixed', r));
  }
  return { units, cells, members, fixed, origins, issues, notes };
}

/**
 * A cell that leaves its meeting day or time empty (issue 24, item 3: never a silent guess): it takes its unit's (or
 * a unit above's), else the common setting, else — said as a guess — the one most of its unit's other cells give,
 * else lichdu's default. Said once per kind with the rows, as a note.
 */
function fillMeetings(
  cells: Record<string, unknown>[],
  units: Record<string, unknown>[],
  rowOf: ReadonlyMap<Record<string, unknown>, Row>,
  common: { day?: unknown; time?: unknown },
  notes: InputIssue[],
): void {
  const unitById = new Map(units.map((u) => [String(u.id), u]));
  const DEFAULTS = { day: 5, time: '19:30' } as const;
  for (const what of ['day', 'time'] as const) {
    const own = (c: Record<string, unknown>) => (c.meeting as Record<string, unknown> | undefined)?.[what];
    const groups = new Map<string, { params: Record<string, string | number>; rows: Row[] }>();
    for (const cell of cells) {
      if (own(cell) !== undefined) continue;
      let from: string;
      let value: unknown;
      let unitName = '';
      let u = unitById.get(String(cell.unit));
      const seen = new Set<unknown>();
      while (u && !seen.has(u) && (u.meeting as Record<string, unknown> | undefined)?.[what] === undefined) {
        seen.add(u);
        u = u.parent === undefined ? undefined : unitById.get(String(u.parent));
      }
      if (u && !seen.has(u)) {
        [from, value, unitName] = ['unit', (u.meeting as Record<string, unknown>)[what], String(u.name)];
      } else if (common[what] !== undefined) [from, value] = ['common', common[what]];
      else {
        const counts = new Map<string, number>();
        for (const c of cells)
          if (c.unit === cell.unit && own(c) !== undefined)
            counts.set(JSON.stringify(own(c)), (counts.get(JSON.stringify(own(c))) ?? 0) + 1);
        const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
        if (best) {
          [from, value] = ['siblings', JSON.parse(best[0]) as unknown];
          unitName = String(unitById.get(String(cell.unit))?.name ?? cell.unit);
          cell.meeting = { ...((cell.meeting as Record<string, unknown> | undefined) ?? {}), [what]: value };
        } else [from, value] = ['default', DEFAULTS[what]];
      }
      const shown = String(value);
      const key = JSON.stringify([from, shown, unitName]);
      const g = groups.get(key) ?? { params: { what, value: shown, from, unit: unitName }, rows: [] };
      g.rows.push(rowOf.get(cell)!);
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      const first = g.rows[0]!;
      const ats = g.rows.map((r) => r.at);
      notes.push({
        ...issue(first.sheet.file, [], 'note.meeting-filled', { ...g.params, count: g.rows.length, rows: ranges(ats) }),
        place: placeIn(first.sheet.table, ats, headersOf('cells', first.sheet).get(what)),
      });
    }
  }
}
