// lichdu calendar SPEC: every cell's meeting dates and times for the year, with each holiday move explained.
import { calendarCsvRows, calendarText, CALENDAR_HEADERS, meetingCalendar } from '../calendar/table.js';
import { csvLine, defuse } from '../format/csv.js';
import type { Lang } from '../format/labels.js';
import { loadSpecFile } from '../spec/load.js';
import { EXIT, unwrap, type Io } from './io.js';

export function runCalendar(specPath: string, opts: { format: 'text' | 'csv'; lang: Lang }, io: Io): number {
  const problem = unwrap(loadSpecFile(specPath));
  const rows = meetingCalendar(problem, opts.lang);
  if (opts.format === 'csv') {
    const lines = [
      csvLine(CALENDAR_HEADERS[opts.lang]),
      ...calendarCsvRows(rows, opts.lang).map((r) => csvLine(r.map((f, i) => (i === 1 || i === 2 ? defuse(f) : f)))),
    ];
    io.out('\uFEFF' + lines.join('\r\n') + '\r\n');
  } else io.out(calendarText(problem, rows, opts.lang));
  return EXIT.ok;
}
