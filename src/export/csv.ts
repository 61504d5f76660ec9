// plan.csv (SPEC §3): UTF-8 with BOM, CRLF, RFC 4180 quoting, sorted by date then cell, 13 columns.
import type { CellId, Directory, IsoDate, MemberId, Problem, Visit, VisitStatus } from '../domain/types.js';
import { weekdayName } from '../calendar/meetings.js';
import { HHMM, isIsoDate } from '../spec/primitives.js';
import { didYouMean, type InputIssue, type Result } from '../util/issues.js';
import { CSV_HEADERS, LANGS, roleLabel, STATUS_LABELS, tagLabel, type Lang } from './labels.js';

const BOM = '\uFEFF';

/** A leading = + - @ would make a spreadsheet run the cell as a formula; a quote in front keeps it text. */
export function defuse(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
/** User text for a terminal: control characters (escape sequences that would recolour or rewrite it) removed. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
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

export function renderCsv(dir: Directory, visits: readonly Visit[], lang: Lang): string {
  const member = new Map(dir.members.map((m) => [m.id as string, m]));
  const cell = new Map(dir.cells.map((c) => [c.id as string, c]));
  const unit = new Map(dir.units.map((u) => [u.id as string, u]));
  const lines = [csvLine(CSV_HEADERS[lang])];
  for (const v of sortVisits(visits)) {
    const m = member.get(v.member);
    const c = cell.get(v.cell);
    const u = c ? unit.get(c.unit) : undefined;
    lines.push(
      csvLine([
        v.date,
        weekdayName(v.date, lang),
        v.start,
        v.end,
        v.member,
        defuse(m?.name ?? ''),
        defuse(m ? roleLabel(dir, m.role, lang) : ''),
        v.cell,
        defuse(c?.name ?? ''),
        c?.unit ?? '',
        defuse(u?.name ?? ''),
        (c?.tags ?? []).map((t) => tagLabel(t, lang)).join('; '),
        STATUS_LABELS[lang][v.status],
      ]),
    );
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

/** RFC 4180 records with the line each starts on. Accepts LF as well as CRLF. */
export function parseCsv(text: string): { rows: string[][]; lines: number[]; error?: string } {
  const rows: string[][] = [];
  const lines: number[] = [];
  let field = '';
  let row: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = text.startsWith(BOM) ? 1 : 0;
  let quoted = false;
  let sawAny = false;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field !== '') return { rows, lines, error: `line ${line}: a quote inside an unquoted field` };
      quoted = true;
      sawAny = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      sawAny = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (sawAny || field !== '') {
        row.push(field);
        rows.push(row);
        lines.push(rowLine);
      }
      row = [];
      field = '';
      sawAny = false;
      line++;
      rowLine = line;
    } else {
      field += ch;
      sawAny = true;
    }
  }
  if (quoted) return { rows, lines, error: `line ${rowLine}: a quoted field is not closed` };
  if (sawAny || field !== '') {
    row.push(field);
    rows.push(row);
    lines.push(rowLine);
  }
  return { rows, lines };
}
