// plan.csv (SPEC §3): UTF-8 with BOM, CRLF, RFC 4180 quoting, sorted by date then cell, 13 columns.
import { withoutControls } from './text.js';
import type { Directory, Visit } from '../domain/types.js';
import { weekdayName } from '../calendar/meetings.js';
import { CSV_HEADERS, roleLabel, STATUS_LABELS, tagLabel, type Lang } from './labels.js';

const BOM = '\uFEFF';

/** A leading = + - @ would make a spreadsheet run the cell as a formula; a quote in front keeps it text. */
export function defuse(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
/** User text for a terminal: control characters (escape sequences that would recolour or rewrite it) removed. */
export function printable(s: string): string {
  return withoutControls(s, 'none');
}

export function restore(s: string): string {
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/** Visits in document order: date, then cell, then start time, then member. */
export function sortVisits(visits: readonly Visit[]): Visit[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...visits].sort(
    (a, b) => cmp(a.date, b.date) || cmp(a.cell, b.cell) || cmp(a.start, b.start) || cmp(a.member, b.member),
  );
}

/** The plan's rows in document order, one text per column of CSV_COLUMNS (plan.csv and plan.xlsx). */
export function planRows(dir: Directory, visits: readonly Visit[], lang: Lang): string[][] {
  const member = new Map(dir.members.map((m) => [m.id as string, m]));
  const cell = new Map(dir.cells.map((c) => [c.id as string, c]));
  const unit = new Map(dir.units.map((u) => [u.id as string, u]));
  return sortVisits(visits).map((v) => {
    const m = member.get(v.member);
    const c = cell.get(v.cell);
    const u = c ? unit.get(c.unit) : undefined;
    return [
      v.date,
      weekdayName(v.date, lang),
      v.start,
      v.end,
      v.member,
      m?.name ?? '',
      m ? roleLabel(dir, m.role, lang) : '',
      v.cell,
      c?.name ?? '',
      c?.unit ?? '',
      u?.name ?? '',
      (c?.tags ?? []).map((t) => tagLabel(t, lang)).join('; '),
      STATUS_LABELS[lang][v.status],
    ];
  });
}

/** Columns of user text (names, role, unit): the ones a spreadsheet could take for a formula. */
const TEXT_COLUMNS = new Set([5, 6, 8, 10]);

export function renderCsv(
  dir: Directory,
  visits: readonly Visit[],
  lang: Lang,
  rows: readonly string[][] = planRows(dir, visits, lang),
): string {
  const lines = [csvLine(CSV_HEADERS[lang])];
  for (const row of rows) lines.push(csvLine(row.map((f, i) => (TEXT_COLUMNS.has(i) ? defuse(f) : f))));
  return BOM + lines.join('\r\n') + '\r\n';
}
