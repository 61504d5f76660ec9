// lichdu export ics PLAN -o DIR: the calendars of an existing plan.json, without the spec.
import { readFileSync } from 'node:fs';
import type { Lang } from '../export/labels.js';
import { writeCalendars } from '../export/planFiles.js';
import { readPlanDocument } from '../export/planDocument.js';
import { EXIT, InputRefused, unwrap, type Io } from './io.js';

export function readPlanDocumentFile(path: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputRefused([{ file: path, path: [], message: `cannot read the plan: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}` }]);
  }
  return unwrap(readPlanDocument(text, path));
}

export function runExportIcs(planPath: string, opts: { out: string; lang: Lang; reminderMinutes: number }, io: Io): number {
  const doc = readPlanDocumentFile(planPath);
  const written = writeCalendars(opts.out, doc, { lang: opts.lang, reminderMinutes: opts.reminderMinutes });
  io.out(`wrote ${written.length} calendars in ${opts.out}/ics (${doc.members.length} members, ${doc.cells.length} cells, all.ics)\n`);
  return EXIT.ok;
}
