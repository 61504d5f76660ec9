// lichdu export ics PLAN -o DIR: the calendars of an existing plan.json, without the spec. And lichdu export workbook
// SPEC -o FILE: the spec as the workbook lichdu import reads.
import { basename } from 'node:path';
import type { Lang } from '../format/labels.js';
import { writeCalendars } from '../export/planFiles.js';
import { EXIT, langOf, unwrap, type Io } from './io.js';
import { readAttendanceFile } from '../attendance/file.js';
import { withAttendance } from '../attendance/feeds.js';
import { renderTemplate } from '../import/template.js';
import { parseRaw, parseSpec } from '../spec/load.js';
import { readInputFile } from '../util/files.js';
import { writeFileAtomic } from '../util/atomic.js';
import {
  optionIssue as issue,
  outputDirIssues,
  outputFileIssues,
  readPlanDocumentFile,
  refuseIf,
  withFolderLock,
  writeOrRefuse,
} from './shared.js';

export async function runExportIcs(
  planPath: string,
  opts: { out: string; lang: Lang; reminderMinutes: number; attendance?: string },
  io: Io,
): Promise<number> {
  const csv = /\.(csv|tsv|txt|xlsx?|ods)$/i.test(planPath) ? [issue(planPath, 'export.needs-json')] : [];
  refuseIf([...csv, ...outputDirIssues(opts.out)]);
  const plan = readPlanDocumentFile(planPath);
  const doc =
    opts.attendance === undefined
      ? plan
      : withAttendance(plan, unwrap(await readAttendanceFile(opts.attendance, plan)).records);
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

/**
 * lichdu export workbook SPEC -o FILE.xlsx (issue 24, item 4): any spec as the workbook `lichdu import` reads, so
 * that staff keep the whole input in a spreadsheet: spec → workbook → spec gives the same plan.
 */
export async function runExportWorkbook(specPath: string, opts: { out: string }, io: Io): Promise<number> {
  const ext = /\.xlsx$/i.test(opts.out) ? [] : [issue(opts.out, 'export.needs-xlsx')];
  const bytes = readInputFile(specPath, 'spec');
  const raw = bytes.ok ? parseRaw(bytes.value, specPath) : bytes;
  const problem = bytes.ok ? parseSpec(bytes.value, specPath) : bytes;
  refuseIf([...ext, ...outputFileIssues(opts.out, '-o'), ...(problem.ok ? [] : problem.issues)]);
  if (!raw.ok || !problem.ok) return EXIT.refused;
  const workbook = await renderTemplate(
    problem.value.policy,
    raw.value.raw as Record<string, unknown>,
    raw.value.specHash,
  );
  await writeOrRefuse(async () => writeFileAtomic(opts.out, workbook));
  const p = problem.value;
  const next = `lichdu import --workbook ${opts.out} -o ${basename(specPath).replace(/\.(ya?ml|json)$/i, '')}-2.yaml`;
  io.out(
    langOf(io) === 'vi'
      ? `đã ghi ${opts.out}: ${p.units.length} đảng bộ, ${p.cells.length} chi bộ, ${p.members.length} cấp ủy viên, ` +
          `${p.fixed.length} buổi dự theo thỏa thuận (năm ${p.year}, quy định ${p.policy.id}); sửa trong bảng tính ` +
          `rồi nhập lại: ${next}\n`
      : `wrote ${opts.out}: ${p.units.length} units, ${p.cells.length} cells, ${p.members.length} members, ` +
          `${p.fixed.length} agreed visits (${p.year}, policy ${p.policy.id}); edit it, then import it again: ` +
          `${next}\n`,
  );
  return EXIT.ok;
}
