// Dates and ranges as staff type them in the workbook (issue 24, item 6): day first, as the template explains and as
// Vietnamese write them (`15/03/2027`, `1/3/2027`), or ISO; a range with `..`, ` - `, `–` or `đến`; several
// separated by `;` or on separate lines. A date cell the spreadsheet keeps as a date is read as such.
import type { Code, Params } from '../i18n/messages.js';
import { dateText } from '../format/text.js';
import { readDate, readDayFirst, type CellValue, type Read } from '../planfile/values.js';

const RANGE = /\s*(?:\.\.|–|—|\s-\s|\s+đến\s+|\s+to\s+)\s*/i;

/** One typed date, day first. A slashed date that only makes sense month first is refused with both readings. */
export function readTypedDate(v: CellValue): Read<string> {
  if (typeof v === 'string') {
    const r = readDayFirst(v);
    if (r.ok) return { ok: true, value: r.iso };
    if (r.mdy !== undefined) return no('import.month-first', { value: JSON.stringify(v.trim()), mdy: r.mdy });
  }
  return readDate(v, 'dmy');
}

/** A list of dates and ranges (`YYYY-MM-DD` or `YYYY-MM-DD..YYYY-MM-DD`, as the spec writes them). */
export function readDateList(v: CellValue): Read<string[]> {
  if (v === null) return { ok: true, value: [] };
  if (v instanceof Date || typeof v === 'number') {
    const d = readTypedDate(v);
    return d.ok ? { ok: true, value: [d.value] } : d;
  }
  const out: string[] = [];
  for (const item of v.split(/[;\n]/).map((x) => x.trim())) {
    if (item === '') continue;
    const ends = item.split(RANGE);
    if (ends.length > 2) return no('import.not-date-list', { value: JSON.stringify(item) });
    const read = ends.map((e) => readTypedDate(e));
    const bad = read.find((r) => !r.ok);
    if (bad && !bad.ok) return bad;
    const [a, b] = read.map((r) => (r.ok ? r.value : ''));
    if (b !== undefined && b < a!)
      return no('import.range-backwards', { value: JSON.stringify(item), from: a!, to: b });
    out.push(b === undefined || b === a ? a! : `${a}..${b}`);
  }
  return { ok: true, value: out };
}

const no = (code: Code, params: Params): Read<never> => ({ ok: false, error: { code, params } });

const dmy = (iso: string) => dateText(iso, 'vi');

/** Dates and ranges as the workbook writes them: `03/09/2027; 24/12/2027 - 26/12/2027`. */
export function writeDateList(list: readonly string[] | undefined): string {
  return (list ?? [])
    .map((e) =>
      e
        .split('..')
        .map((d) => dmy(d.trim()))
        .join(' - '),
    )
    .join('; ');
}

/** One date as the workbook writes it (day first). */
export const writeDate = dmy;
