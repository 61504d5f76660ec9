// The workbook staff fill in (issue 11; issue 24, item 4: the whole input). `lichdu import --template DIR` writes it
// empty; `lichdu export workbook SPEC` writes any spec into it, so that spec → workbook → spec gives the same plan.
// Sheets: "Thông tin chung" (year, policy, holidays, the common meeting rule), "Đảng bộ", "Chi bộ", "Cấp ủy viên",
// "Ngày vắng" and "Dự theo thỏa thuận" — each with the headers lichdu reads, a second row explaining each column
// (skipped when read back), and lists to choose roles, levels, yes/no and shift rules from.
import type { Policy, ShiftRule } from '../domain/types.js';
import { TAG_LABELS } from '../format/labels.js';
import { workbookBytes } from '../export/xlsx.js';
import { quotaText } from './build.js';
import { COLUMNS, SHEETS, type SheetKind } from './columns.js';
import { writeDate, writeDateList } from './dates.js';
import { meetingDayCell, SETTINGS_HEADER, SETTINGS_SHEETS, settingsRows, SHIFT_WORDS } from './settings.js';

export const TEMPLATE_FILE = 'lichdu-nhap-lieu.xlsx';
const LAST_ROW = 2000;
const KINDS: readonly SheetKind[] = ['units', 'cells', 'members', 'absences', 'fixed'];

/** Levels as the workbook writes them. */
const LEVEL_WORDS: Record<string, string> = { province: 'tỉnh', district: 'huyện', commune: 'xã' };

type Row = Record<string, string | number>;
type Spec = Record<string, unknown>;

const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** A meeting rule's four columns. */
function meetingCells(m: unknown): Row {
  const r = (m ?? {}) as Record<string, unknown>;
  return {
    ...(r.day !== undefined ? { day: meetingDayCell(r.day) } : {}),
    ...(r.time !== undefined ? { time: String(r.time) } : {}),
    ...(r.duration_minutes !== undefined ? { duration: Number(r.duration_minutes) } : {}),
    ...(r.shift !== undefined ? { shift: SHIFT_WORDS[r.shift as ShiftRule][0]! } : {}),
  };
}

function activeCells(active: unknown): Row {
  if (typeof active !== 'string') return {};
  const [from = '', to = ''] = active.split('..').map((s) => s.trim());
  return { ...(from ? { active_from: writeDate(from) } : {}), ...(to ? { active_to: writeDate(to) } : {}) };
}

/** The rows of each sheet for a spec (as written, validated by the loader before). */
function rowsOf(spec: Spec, policy: Policy): Record<SheetKind, Row[]> {
  const units = (spec.units as Spec[]).map((u): Row => ({
    id: String(u.id),
    name: String(u.name),
    level: LEVEL_WORDS[String(u.level)] ?? String(u.level),
    ...(u.parent !== undefined ? { parent: String(u.parent) } : {}),
    ...meetingCells(u.meeting),
  }));
  const known = Object.keys(TAG_LABELS.vi);
  const cells = (spec.cells as Spec[]).map((c): Row => {
    const tags = list(c.tags);
    const meetings = Object.entries((c.meetings ?? {}) as Record<string, string>)
      .sort()
      .map(([, d]) => d);
    return {
      id: String(c.id),
      name: String(c.name),
      unit: String(c.unit),
      ...Object.fromEntries(known.map((t) => [`tag:${t}`, tags.includes(t) ? 'có' : ''])),
      ...(tags.some((t) => !known.includes(t)) ? { tags: tags.filter((t) => !known.includes(t)).join('; ') } : {}),
      ...meetingCells(c.meeting),
      ...(meetings.length > 0 ? { meetings: writeDateList(meetings) } : {}),
      ...(c.allow_consecutive === true ? { allow_consecutive: 'có' } : {}),
      ...activeCells(c.active),
    };
  });
  const members = (spec.members as Spec[]).map((m): Row => ({
    id: String(m.id),
    name: String(m.name),
    role: policy.roles[String(m.role)]?.label?.vi ?? String(m.role),
    unit: String(m.unit),
    ...(m.home_cell !== undefined ? { home_cell: String(m.home_cell) } : {}),
    ...(m.team !== undefined ? { team: String(m.team) } : {}),
    ...(m.area !== undefined ? { area: list(m.area).join('; ') } : {}),
    ...(m.unavailable !== undefined ? { unavailable: writeDateList(list(m.unavailable)) } : {}),
    ...(m.quota !== undefined ? { quota: quotaText(m.quota) } : {}),
    ...activeCells(m.active),
  }));
  const fixed = ((spec.fixed ?? []) as Spec[]).map((f): Row => ({
    member: String(f.member),
    cell: String(f.cell),
    date: writeDate(String(f.date)),
  }));
  return { units, cells, members, absences: [], fixed };
}

/** The description of a workbook written from a spec: the hash of the spec file's bytes (see cli/import.ts). */
export const FROM_SPEC = 'lichdu export workbook from ';

/** The workbook: empty (the template) or holding `spec`, whose file's hash it records. */
export async function renderTemplate(policy: Policy, spec?: Spec, specHash?: string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const fixedTime = new Date(Date.UTC(2026, 0, 1));
  wb.creator = 'lichdu';
  if (specHash !== undefined) wb.description = `${FROM_SPEC}${specHash}`;
  wb.created = fixedTime;
  wb.modified = fixedTime;
  const roles = Object.entries(policy.roles).map(([id, r]) => r.label?.vi ?? id);
  const shifts = Object.values(SHIFT_WORDS).map((w) => w[0]!);

  const settings = wb.addWorksheet(SETTINGS_SHEETS[0]!, { views: [{ state: 'frozen', ySplit: 1 }] });
  settings.addRow(SETTINGS_HEADER).font = { bold: true };
  const values = settingsRows(spec ?? { policy: policy.id });
  for (const row of values) settings.addRow(row);
  settings.getColumn(1).width = 24;
  settings.getColumn(2).width = 28;
  settings.getColumn(3).width = 80;
  // Cells typed as text: a year, a policy id, dates and times stay as written.
  for (let r = 2; r <= values.length + 1; r++) settings.getCell(`B${r}`).numFmt = '@';

  const rows = spec ? rowsOf(spec, policy) : undefined;
  for (const kind of KINDS) {
    const ws = wb.addWorksheet(SHEETS[kind][0]!, { views: [{ state: 'frozen', ySplit: 2 }] });
    const cols = COLUMNS[kind];
    ws.addRow(cols.map((c) => c.aliases[0]!)).font = { bold: true };
    ws.addRow(cols.map((c) => c.explain)).font = { italic: true, color: { argb: 'FF666666' } };
    for (const r of rows?.[kind] ?? []) ws.addRow(cols.map((c) => r[c.key] ?? null));
    cols.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.min(40, Math.max(c.aliases[0]!.length, c.explain.length * 0.8) + 2);
      // Text, so that a spreadsheet does not turn 19:30 or 03/09/2027 into a number or a date of its own locale.
      col.numFmt = '@';
      const choices = c.tag
        ? ['có', 'không']
        : kind === 'members' && c.key === 'role'
          ? roles
          : kind === 'units' && c.key === 'level'
            ? ['tỉnh', 'huyện', 'xã']
            : c.key === 'shift'
              ? shifts
              : c.key === 'allow_consecutive'
                ? ['có', 'không']
                : undefined;
      if (!choices) return;
      // One validation for the whole column range (one per cell made every workbook take a second to write).
      (ws as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations.add(
        `${col.letter}3:${col.letter}${LAST_ROW}`,
        {
          type: 'list',
          allowBlank: true,
          formulae: [`"${choices.join(',')}"`],
          showErrorMessage: true,
          errorTitle: c.aliases[0]!,
          error: `Chọn một trong: ${choices.join(', ')}`,
        },
      );
    });
  }
  return workbookBytes(wb, fixedTime);
}
