// The report's files (issue 10): DIR/report.html, DIR/report.xlsx and, when the policy sets periodic reports,
// DIR/report-forms.html, rendered from one ReportData and written together (all or none).
import { join } from 'node:path';
import type { Problem, Visit } from '../domain/types.js';
import { reportMarks } from '../export/staleReport.js';
import { writeFilesTogether } from '../util/atomic.js';
import type { ReportData } from './data.js';
import { renderReportForms, renderReportHtml } from './html.js';
import { renderReportXlsx } from './xlsx.js';

export const REPORT_FILES = { html: 'report.html', xlsx: 'report.xlsx', forms: 'report-forms.html' } as const;

/** Renders and writes the report into `dir`; returns the names written. */
export async function writeReportFiles(
  dir: string,
  data: ReportData,
  problem: Problem,
  generatedAt: string,
  /** The plan's visits and the command that made the report: a later plan in the folder marks it out of date. */
  made: { readonly visits: readonly Visit[]; readonly command: string },
): Promise<string[]> {
  const withForms = data.reports.length > 0;
  const marks = reportMarks(made.visits, made.command);
  const html = renderReportHtml(data, problem, {
    generatedAt,
    marks,
    ...(withForms ? { formsFile: REPORT_FILES.forms } : {}),
  });
  const xlsx = await renderReportXlsx(data, problem, generatedAt);
  const files = [
    { path: join(dir, REPORT_FILES.html), data: html },
    { path: join(dir, REPORT_FILES.xlsx), data: xlsx },
    ...(withForms ? [{ path: join(dir, REPORT_FILES.forms), data: renderReportForms(data, problem, marks) }] : []),
  ];
  await writeFilesTogether(files);
  return files.map((f) => f.path);
}
