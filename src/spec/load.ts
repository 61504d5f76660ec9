// Spec file -> validated, normalised Problem, with every problem of the file reported at once.
import { monthOfDate } from '../domain/plan.js';
import { createHash } from 'node:crypto';
import { IANAZone } from 'luxon';
import { parseDocument, type YAMLError } from 'yaml';
import { z } from 'zod';
import type {
  ActiveRange,
  Cell,
  CellId,
  FixedVisit,
  IsoDate,
  Meeting,
  MeetingRule,
  Member,
  MemberId,
  PeriodBounds,
  Policy,
  Problem,
  Quota,
  Unit,
  UnitId,
} from '../domain/types.js';
import { activeShares, isActive, parseActive, proRate } from '../domain/active.js';
import { periodIndex } from '../domain/periods.js';
import { vnPublicHolidays } from '../calendar/holidays.js';
import { cellMeetings } from '../calendar/meetings.js';
import { resolvePolicy } from '../policies/index.js';
import { boundedDepth, decodeText, parseJson, readInputFile, tooDeep } from '../util/files.js';

/** YAML aliases a spec may expand (each may stand for a whole block). */
const MAX_ALIASES = 100_000;
import { issue, near, type Code, type InputIssue, type Params, type PathSegment, type Result } from '../util/issues.js';
import { DateOrRange, coded, describeValue } from '../schema/primitives.js';
import {
  CellInput,
  FixedInput,
  HolidaysObject,
  listError,
  MeetingRuleInput,
  MemberInput,
  SpecInput,
  UnitInput,
  YEAR_MAX,
  YEAR_MIN,
} from './schema.js';
import { fromZod } from '../schema/zodIssues.js';

export const DEFAULT_TIMEZONE = 'Asia/Ho_Chi_Minh';
export const DEFAULT_MEETING: MeetingRule = { day: 5, time: '19:30', durationMinutes: 120, shift: 'holidays' };

/** Every date of a date or an inclusive range `a..b`. */
export function expandDates(entry: string): IsoDate[] {
  const [a, b] = entry.split('..').map((s) => s.trim()) as [string, string | undefined];
  if (b === undefined) return [a];
  // Calendar days, counted in UTC (no clock changes); an invalid end gives no day, as luxon's invalid dates did.
  const out: IsoDate[] = [];
  const end = Date.parse(`${b}T00:00:00Z`);
  for (let t = Date.parse(`${a}T00:00:00Z`); t <= end; t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export function loadSpecFile(path: string): Result<Problem> {
  const bytes = readInputFile(path, 'spec');
  return bytes.ok ? parseSpec(bytes.value, path) : bytes;
}

/** A YAML syntax error in the user's words: where, what, and for a repeated key, which. */
function yamlIssue(e: YAMLError, text: string, file: string): InputIssue {
  const line = e.linePos?.[0]?.line;
  const col = e.linePos?.[0]?.col;
  const at = { line: line ?? '?', column: col ?? '?' };
  if (/call stack/i.test(e.message)) return tooDeep(file).issues[0]!;
  if (e.code === 'DUPLICATE_KEY' && line !== undefined && col !== undefined) {
    const key = /^\s*["']?([^"':]*)["']?\s*:/.exec(text.split('\n')[line - 1]?.slice(col - 1) ?? '')?.[1];
    if (key !== undefined) return issue(file, [], 'yaml.duplicate-key', { ...at, key: describeValue(key) });
  }
  // The YAML library's own words (English) name the syntax error; the code and the place are lichdu's.
  return issue(file, [], 'yaml.syntax', { ...at, detail: e.message.split('\n')[0]! });
}

/** Parses YAML (or JSON, which is YAML too; a `.json` file is parsed strictly as JSON). */
export function parseSpec(bytes: Buffer | string, file: string): Result<Problem> {
  const r = parseRaw(bytes, file);
  return r.ok ? buildProblem(r.value.raw, file, r.value.specHash) : r;
}

/** The spec as written (YAML or JSON), before any check of its contents, with the hash of its bytes. */
export function parseRaw(bytes: Buffer | string, file: string): Result<{ raw: unknown; specHash: string }> {
  const decoded =
    typeof bytes === 'string' ? { ok: true as const, value: bytes.normalize('NFC') } : decodeText(bytes, file);
  if (!decoded.ok) return decoded;
  const text = decoded.value.replace(/^\uFEFF/, '');
  const specHash = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  let raw: unknown;
  if (file.toLowerCase().endsWith('.json')) {
    const parsed = parseJson(text, file);
    if (!parsed.ok) return parsed;
    raw = parsed.value;
  } else {
    let doc: ReturnType<typeof parseDocument>;
    try {
      doc = parseDocument(text, { prettyErrors: true });
      if (doc.errors.length > 0) return { ok: false, issues: doc.errors.map((e) => yamlIssue(e, text, file)) };
      // Anchors are for real use (a meeting block shared by 2,000 cells); the bound stops "billion laughs".
      raw = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (err) {
      if (err instanceof RangeError) return tooDeep(file);
      return {
        ok: false,
        issues: [issue(file, [], 'yaml.too-many-aliases', { detail: (err as Error).message.split('\n')[0]! })],
      };
    }
    const deep = boundedDepth(raw, file);
    if (!deep.ok) return deep;
  }
  return { ok: true, value: { raw, specHash } };
}

// The top level is checked first with every list entry left open, so that one bad entry does not hide the rest.
const SpecTop = SpecInput.extend({
  units: z
    .array(z.unknown(), { error: listError('units') })
    .min(1, { error: coded('spec.empty-list', { key: 'units' }) }),
  cells: z
    .array(z.unknown(), { error: listError('cells') })
    .min(1, { error: coded('spec.empty-list', { key: 'cells' }) }),
  members: z
    .array(z.unknown(), { error: listError('members') })
    .min(1, { error: coded('spec.empty-list', { key: 'members' }) }),
  fixed: z.array(z.unknown()).optional(),
});

export function buildProblem(raw: unknown, file: string, specHash: string): Result<Problem> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      issues: [issue(file, [], 'spec.not-mapping')],
    };
  }
  const issues: InputIssue[] = [];
  const top = SpecTop.safeParse(raw);
  if (!top.success) {
    issues.push(...fromZod(file, SpecInput, raw, top.error.issues));
    // Without the lists themselves nothing more can be checked.
    const r = raw as Record<string, unknown>;
    if (!Array.isArray(r.units) || !Array.isArray(r.cells) || !Array.isArray(r.members) || typeof r.year !== 'number')
      return { ok: false, issues };
  }
  // The phases, in the order their problems are reported: each entry's own shape, the time zone, the policy, the
  // holidays, duplicate ids, the unit tree, the cells and their meetings, the members, the fixed visits.
  const ctx = loadContext(raw as Record<string, unknown>, file, issues);
  const unitsIn = ctx.entries('units', UnitInput);
  const cellsIn = ctx.entries('cells', CellInput);
  const membersIn = ctx.entries('members', MemberInput);
  const fixedIn = ctx.entries('fixed', FixedInput);
  const timezone = readTimezone(ctx);
  const policy = readPolicy(ctx);
  const holidays = readHolidays(ctx, timezone);
  duplicateIds(ctx, ['units', 'cells', 'members']);
  const tree = readUnits(ctx, unitsIn);
  const { cells, meetings, cellAncestors } = readCells(ctx, unitsIn, cellsIn, holidays, policy, tree.ancestors);
  const members = readMembers(ctx, membersIn, policy, cells, cellAncestors);
  const fixed = readFixed(ctx, fixedIn, meetings);
  const { year } = ctx;
  const units = tree.units;
  if (issues.length > 0 || !policy) return { ok: false, issues: dedupe(issues) };
  return { ok: true, value: { year, timezone, policy, holidays, units, cells, members, meetings, fixed, specHash } };
}

type Entries<T> = Array<{ i: number; v: T }>;

/** What every phase of loading needs: the raw spec, the year, where problems go, and the shared checks. */
interface LoadContext {
  readonly r: Record<string, unknown>;
  readonly file: string;
  /** The plan year, or 0 when it is missing or out of range (nothing is then computed for it). */
  readonly year: number;
  readonly issues: InputIssue[];
  add(path: readonly PathSegment[], code: Code, params?: Params): void;
  /** Each entry of a list parsed on its own; a broken one is reported and left out. */
  entries<S extends z.ZodType>(key: string, schema: S): Entries<z.infer<S>>;
  /** Every id a list names, broken entries included (so that references to them are not reported twice). */
  readonly ids: { readonly units: Set<string>; readonly cells: Set<string>; readonly members: Set<string> };
  inYear(d: IsoDate, path: readonly PathSegment[], what?: string): boolean;
  datesOf(entry: string, path: readonly PathSegment[]): IsoDate[];
  refCheck(id: string, known: Set<string>, path: readonly PathSegment[], kind: string): boolean;
}

function loadContext(r: Record<string, unknown>, file: string, issues: InputIssue[]): LoadContext {
  const add = (path: readonly PathSegment[], code: Code, params: Params = {}) =>
    issues.push(issue(file, path, code, params));
  // A year outside the schema's range is reported by the schema; nothing is computed for it (issue 12: year 70000
  // made the holiday calendar run for ever).
  const year =
    typeof r.year === 'number' && Number.isInteger(r.year) && r.year >= YEAR_MIN && r.year <= YEAR_MAX ? r.year : 0;
  const rawIds = (key: string) =>
    new Set(
      ((r[key] ?? []) as unknown[])
        .map((x) => (x !== null && typeof x === 'object' ? (x as { id?: unknown }).id : undefined))
        .filter((x): x is string => typeof x === 'string'),
    );
  const inYear = (d: IsoDate, path: readonly PathSegment[], what = 'date') => {
    if (year !== 0 && Number(d.slice(0, 4)) !== year) {
      add(path, 'spec.outside-year', { what, date: d, year });
      return false;
    }
    return true;
  };
  return {
    r,
    file,
    year,
    issues,
    add,
    entries<S extends z.ZodType>(key: string, schema: S) {
      const out: Entries<z.infer<S>> = [];
      ((r[key] ?? []) as unknown[]).forEach((item, i) => {
        const p = schema.safeParse(item);
        if (p.success) out.push({ i, v: p.data });
        else issues.push(...fromZod(file, schema, item, p.error.issues, [key, i]));
      });
      return out;
    },
    ids: { units: rawIds('units'), cells: rawIds('cells'), members: rawIds('members') },
    inYear,
    // The ends of a range are checked against the year before it is expanded day by day (issue 12: a range to
    // 9999-12-31 took 17 s and 468 MB); without a valid year, nothing is expanded.
    datesOf(entry, path) {
      const [a, b] = entry.split('..').map((x) => x.trim()) as [IsoDate, IsoDate | undefined];
      if (year === 0) return [];
      const kept =
        inYear(a, path, b === undefined ? 'date' : 'range start') && (b === undefined || inYear(b, path, 'range end'));
      return kept ? expandDates(entry) : [];
    },
    refCheck(id, known, path, kind) {
      if (known.has(id)) return true;
      add(path, 'spec.unknown-ref', { kind, id, near: near(id, known) });
      return false;
    },
  };
}

function readTimezone({ r, add }: LoadContext): string {
  const timezone = typeof r.timezone === 'string' ? r.timezone : DEFAULT_TIMEZONE;
  if (!IANAZone.isValidZone(timezone))
    add(['timezone'], 'value.unknown-zone', { value: describeValue(timezone), example: DEFAULT_TIMEZONE });
  return timezone;
}

function readPolicy({ r, add, file, issues }: LoadContext): Policy | undefined {
  if (r.policy === undefined) {
    add(['policy'], 'spec.policy-required');
    return undefined;
  }
  const p = resolvePolicy(r.policy, file, ['policy']);
  if (p.ok) return p.value;
  issues.push(...p.issues);
  return undefined;
}

function readHolidays(ctx: LoadContext, timezone: string): Set<IsoDate> {
  const { r, year, file, issues, add, datesOf } = ctx;
  const holidays = new Set<IsoDate>();
  const h = r.holidays ?? 'vn';
  const vn = () =>
    year !== 0 && IANAZone.isValidZone(timezone) ? vnPublicHolidays(year, timezone) : new Set<IsoDate>();
  if (h === 'vn') vn().forEach((d) => holidays.add(d));
  else if (h === 'none') {
    /* no holidays */
  } else if (Array.isArray(h)) {
    h.forEach((e, i) => {
      const p = DateOrRange.safeParse(e);
      if (!p.success) issues.push(...fromZod(file, DateOrRange, e, p.error.issues, ['holidays', i]));
      else datesOf(p.data, ['holidays', i]).forEach((d) => holidays.add(d));
    });
  } else if (h !== null && typeof h === 'object') {
    const p = HolidaysObject.safeParse(h);
    if (!p.success) issues.push(...fromZod(file, HolidaysObject, h, p.error.issues, ['holidays']));
    else {
      if (p.data.preset === 'vn') vn().forEach((d) => holidays.add(d));
      p.data.add?.forEach((e, i) => datesOf(e, ['holidays', 'add', i]).forEach((d) => holidays.add(d)));
      p.data.remove?.forEach((e, i) => datesOf(e, ['holidays', 'remove', i]).forEach((d) => holidays.delete(d)));
    }
  } else add(['holidays'], 'spec.bad-holidays', { value: describeValue(h) });
  return holidays;
}

/**
 * Each id once per list: a repeated one is named with the entry that has it first. Every entry with a text id counts,
 * one with another problem too (issue 23: a duplicate member id was missed when that entry also had a bad field).
 */
function duplicateIds(ctx: LoadContext, keys: readonly string[]): void {
  for (const key of keys) {
    const list = ctx.r[key];
    if (!Array.isArray(list)) continue;
    const firstAt = new Map<string, number>();
    list.forEach((entry: unknown, i) => {
      const id = entry !== null && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
      if (typeof id !== 'string') return;
      const prev = firstAt.get(id);
      if (prev !== undefined) ctx.add([key, i, 'id'], 'spec.duplicate-id', { id, key, first: prev });
      else firstAt.set(id, i);
    });
  }
}

function readUnits(ctx: LoadContext, unitsIn: Entries<z.infer<typeof UnitInput>>) {
  const { add, refCheck } = ctx;
  const allUnitIds = ctx.ids.units;
  const units: Unit[] = [];
  const unitById = new Map<string, Unit>();
  for (const { i, v } of unitsIn) {
    if (v.parent !== undefined) {
      if (v.parent === v.id) add(['units', i, 'parent'], 'spec.own-parent', { id: v.id });
      else refCheck(v.parent, allUnitIds, ['units', i, 'parent'], 'unit');
    }
    const u: Unit = {
      id: v.id as UnitId,
      name: v.name,
      level: v.level,
      ...(v.parent !== undefined && v.parent !== v.id ? { parent: v.parent as UnitId } : {}),
    };
    if (!unitById.has(u.id)) {
      unitById.set(u.id, u);
      units.push(u);
    }
  }
  // Cycles: follow parents from each unit; report each cycle once, at its smallest-index unit.
  const unitIndex = new Map(unitsIn.map(({ i, v }) => [v.id, i]));
  const reported = new Set<string>();
  for (const u of units) {
    const seen: string[] = [];
    let cur: Unit | undefined = u;
    while (cur && !seen.includes(cur.id)) {
      seen.push(cur.id);
      cur = cur.parent !== undefined ? unitById.get(cur.parent) : undefined;
    }
    if (cur && cur.id === u.id) {
      const cycle = seen;
      const key = [...cycle].sort().join('>');
      if (!reported.has(key)) {
        reported.add(key);
        add(['units', unitIndex.get(u.id)!, 'parent'], 'spec.unit-cycle', { cycle: [...cycle, u.id].join(' → ') });
      }
    }
  }
  const ancestors = (unit: string): Set<string> => {
    const out = new Set<string>();
    let cur: string | undefined = unit;
    while (cur !== undefined && !out.has(cur)) {
      out.add(cur);
      cur = unitById.get(cur)?.parent;
    }
    return out;
  };
  return { units, ancestors };
}

type MeetingRuleIn = z.infer<typeof MeetingRuleInput>;

/** Each field of a meeting rule from the first of `rules` that gives it, else the SPEC's default. */
function meetingRule(rules: ReadonlyArray<MeetingRuleIn | undefined>): MeetingRule {
  const first = <K extends keyof MeetingRuleIn>(k: K) => rules.find((r) => r?.[k] !== undefined)?.[k];
  return {
    day: first('day') ?? DEFAULT_MEETING.day,
    time: first('time') ?? DEFAULT_MEETING.time,
    durationMinutes: first('duration_minutes') ?? DEFAULT_MEETING.durationMinutes,
    shift: first('shift') ?? DEFAULT_MEETING.shift,
  };
}

function readCells(
  ctx: LoadContext,
  unitsIn: Entries<z.infer<typeof UnitInput>>,
  cellsIn: Entries<z.infer<typeof CellInput>>,
  holidays: ReadonlySet<IsoDate>,
  policy: Policy | undefined,
  ancestors: (unit: string) => Set<string>,
) {
  const { r, year, add, inYear, refCheck } = ctx;
  const allUnitIds = ctx.ids.units;
  const defaults =
    r.meeting_defaults !== undefined ? SpecInput.shape.meeting_defaults.safeParse(r.meeting_defaults) : undefined;
  const md = defaults?.success ? defaults.data : undefined;
  // A field the cell leaves out comes from its unit, else the nearest unit above with one, else meeting_defaults.
  const unitRule = new Map(unitsIn.filter(({ v }) => v.meeting).map(({ v }) => [v.id, v.meeting!]));
  const unitRules = (unit: string) => [...ancestors(unit)].map((u) => unitRule.get(u));
  const cells: Cell[] = [];
  const meetings: Meeting[] = [];
  const cellAncestors = new Map<string, Set<string>>();
  const seenCells = new Set<string>();
  for (const { i, v } of cellsIn) {
    refCheck(v.unit, allUnitIds, ['cells', i, 'unit'], 'unit');
    const active = v.active !== undefined ? parseActive(v.active) : undefined;
    const explicit = new Map<number, IsoDate>();
    for (const [month, date] of Object.entries(v.meetings ?? {})) {
      const path = ['cells', i, 'meetings', month];
      if (year !== 0 && Number(month.slice(0, 4)) !== year) add(path, 'spec.month-outside-year', { month, year });
      else if (inYear(date, path)) explicit.set(Number(month.slice(5, 7)), date);
    }
    const cell: Cell = {
      id: v.id as CellId,
      name: v.name,
      unit: v.unit as UnitId,
      tags: v.tags ?? [],
      meeting: meetingRule([v.meeting, ...unitRules(v.unit), md]),
      explicitDates: explicit,
      allowConsecutive: v.allow_consecutive ?? false,
      ...(active ? { active } : {}),
    };
    if (seenCells.has(cell.id)) continue;
    seenCells.add(cell.id);
    cellAncestors.set(cell.id, ancestors(cell.unit));
    if (year === 0) {
      cells.push(cell);
      continue;
    }
    const ms = cellMeetings(cell, year, holidays);
    // A cell active part of the year meets (for the plan) only then, and is covered pro rata (src/domain/active.ts).
    cells.push(active && policy ? { ...cell, coverage: cellCoverage(active, ms, policy.coverage, year) } : cell);
    for (let k = 1; k < ms.length; k++) {
      const a = ms[k - 1]!;
      const b = ms[k]!;
      if (a.date >= b.date) {
        const key = (m: Meeting) => `${year}-${String(m.month).padStart(2, '0')}`;
        const at = explicit.has(a.month)
          ? ['meetings', key(a)]
          : explicit.has(b.month)
            ? ['meetings', key(b)]
            : ['meeting'];
        const set = (m: Meeting) => (explicit.has(m.month) ? 'explicit' : 'rule');
        add(['cells', i, ...at], 'spec.meetings-out-of-order', {
          first: a.month,
          firstDate: a.date,
          firstSet: set(a),
          second: b.month,
          secondDate: b.date,
          secondSet: set(b),
        });
      }
    }
    meetings.push(...ms.filter((m) => isActive(active, m.date)));
  }
  return { cells, meetings, cellAncestors };
}

function readMembers(
  ctx: LoadContext,
  membersIn: Entries<z.infer<typeof MemberInput>>,
  policy: Policy | undefined,
  cells: readonly Cell[],
  cellAncestors: ReadonlyMap<string, Set<string>>,
): Member[] {
  const { year, add, datesOf, refCheck } = ctx;
  const { units: allUnitIds, cells: allCellIds } = ctx.ids;
  const members: Member[] = [];
  const roles = policy ? Object.keys(policy.roles) : [];
  const seenMembers = new Set<string>();
  // The cells under each unit, in the cells' order: a member's eligible cells are those under their area's units.
  const cellsUnder = new Map<string, CellId[]>();
  const cellAt = new Map(cells.map((c, k) => [c.id, k]));
  for (const c of cells)
    for (const u of cellAncestors.get(c.id)!) (cellsUnder.get(u) ?? cellsUnder.set(u, []).get(u)!).push(c.id);
  for (const { i, v } of membersIn) {
    if (policy && !Object.hasOwn(policy.roles, v.role)) {
      add(['members', i, 'role'], 'spec.unknown-role', {
        role: v.role,
        near: near(v.role, roles),
        policy: policy.id,
        roles: roles.join(', '),
      });
    }
    refCheck(v.unit, allUnitIds, ['members', i, 'unit'], 'unit');
    const area = v.area ?? [v.unit];
    v.area?.forEach((u, k) => refCheck(u, allUnitIds, ['members', i, 'area', k], 'unit'));
    if (v.home_cell !== undefined) refCheck(v.home_cell, allCellIds, ['members', i, 'home_cell'], 'cell');
    const unavailable = new Set<IsoDate>();
    v.unavailable?.forEach((e, k) => datesOf(e, ['members', i, 'unavailable', k]).forEach((d) => unavailable.add(d)));
    // A member active part of the year is unavailable outside it, and their quotas are pro-rated.
    const active = v.active !== undefined ? parseActive(v.active) : undefined;
    if (active && year !== 0)
      for (const d of expandDates(`${year}-01-01..${year}-12-31`)) if (!isActive(active, d)) unavailable.add(d);
    const quotas = v.quota ?? (policy && Object.hasOwn(policy.roles, v.role) ? policy.roles[v.role]!.quota : []);
    const under = area.flatMap((u) => cellsUnder.get(u) ?? []);
    const eligible = new Set<CellId>(area.length > 1 ? under.sort((a, b) => cellAt.get(a)! - cellAt.get(b)!) : under);
    const m: Member = {
      id: v.id as MemberId,
      name: v.name,
      role: v.role,
      unit: v.unit as UnitId,
      ...(v.team !== undefined ? { team: v.team } : {}),
      area: area as UnitId[],
      eligibleCells: eligible,
      ...(v.home_cell !== undefined ? { homeCell: v.home_cell as CellId } : {}),
      unavailable,
      quotas: active && year !== 0 ? quotas.map((q) => proRatedQuota(q, active, year)) : quotas,
      ...(active ? { active } : {}),
    };
    if (seenMembers.has(m.id)) continue;
    seenMembers.add(m.id);
    members.push(m);
  }
  return members;
}

function readFixed(
  ctx: LoadContext,
  fixedIn: Entries<z.infer<typeof FixedInput>>,
  meetings: readonly Meeting[],
): FixedVisit[] {
  const { add, inYear, refCheck } = ctx;
  const { members: allMemberIds, cells: allCellIds } = ctx.ids;
  const meetingsByCell = new Map<string, Meeting[]>();
  for (const m of meetings) {
    const list = meetingsByCell.get(m.cell) ?? [];
    list.push(m);
    meetingsByCell.set(m.cell, list);
  }
  const fixed: FixedVisit[] = [];
  for (const { i, v } of fixedIn) {
    const okMember = refCheck(v.member, allMemberIds, ['fixed', i, 'member'], 'member');
    const okCell = refCheck(v.cell, allCellIds, ['fixed', i, 'cell'], 'cell');
    if (!inYear(v.date, ['fixed', i, 'date'])) continue;
    const ms = meetingsByCell.get(v.cell);
    if (okCell && ms && !ms.some((m) => m.date === v.date)) {
      const month = monthOfDate(v.date);
      const that = ms.find((m) => m.month === month);
      add(['fixed', i, 'date'], 'spec.no-meeting-on', { cell: v.cell, date: v.date, month, near: that?.date ?? '' });
      continue;
    }
    if (okMember && okCell) fixed.push({ member: v.member as MemberId, cell: v.cell as CellId, date: v.date });
  }
  return fixed;
}

function dedupe(issues: InputIssue[]): InputIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.path.join('\u0000')}\u0001${i.code}\u0001${JSON.stringify(i.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function proRatedQuota(q: Quota, active: ActiveRange, year: number): Quota {
  return { ...q, byPeriod: activeShares(active, q.per, year).map((share) => proRate(q, share)) };
}

/** Coverage per period of a cell active part of the year: none without an active meeting, else pro rata, at least 1. */
function cellCoverage(
  active: ActiveRange,
  ms: readonly Meeting[],
  cov: Policy['coverage'],
  year: number,
): PeriodBounds[] {
  return activeShares(active, cov.per, year).map((share, i) => {
    const meets = ms.some((m) => isActive(active, m.date) && periodIndex(cov.per, m.month) === i);
    if (!meets) return { min: 0, ...(cov.max !== undefined ? { max: 0 } : {}) };
    const b = proRate(cov, share);
    return { ...b, min: Math.max(b.min, cov.min > 0 ? 1 : 0) };
  });
}
