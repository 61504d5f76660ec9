// lichdu export ics PLAN -o DIR: the calendars of an existing plan.json, without the spec.
import type { Lang } from '../format/labels.js';
import { writeCalendars } from '../export/planFiles.js';
import { EXIT, type Io } from './io.js';
import {
  optionIssue as issue,
  outputDirIssues,
  readPlanDocumentFile,
  refuseIf,
  withFolderLock,
  writeOrRefuse,
} from './shared.js';

export async function runExportIcs(
  planPath: string,
  opts: { out: string; lang: Lang; reminderMinutes: number },
  io: Io,
): Promise<number> {
  const csv = /\.(csv|tsv|txt|xlsx?|ods)$/i.test(planPath) ? [issue(planPath, 'export.needs-json')] : [];
  refuseIf([...csv, ...outputDirIssues(opts.out)]);
  const doc = readPlanDocumentFile(planPath);
  const written = await withFolderLock(opts.out, () =>
    writeOrRefuse(() => writeCalendars(opts.out, doc, { lang: opts.lang, reminderMinutes: opts.reminderMinutes })),
  );
  io.out(
    opts.lang === 'vi'
      ? `đã ghi ${written.length} tệp lịch trong ${opts.out}/ics (${doc.members.length} cấp ủy viên, ` +
          `${doc.cells.length} chi bộ, all.ics)\n`
      : `wrote ${written.length} calendars in ${opts.out}/ics (${doc.members.length} members, ${doc.cells.length} ` +
          `cells, all.ics)\n`,
  );
  return EXIT.ok;
}
