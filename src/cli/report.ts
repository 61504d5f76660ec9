// lichdu report SPEC PLAN -o DIR (issue 10, item 1): DIR/report.html, DIR/report.xlsx and, when the policy sets
// periodic reports, DIR/report-forms.html — written together (all or none). Exit 0 when every hard rule holds, 1
// when the report was written for a plan that breaks some (the report lists them), 2 when the input is refused.
import type { Lang } from '../format/labels.js';
import { resolveGeneratedAt } from '../export/planFiles.js';
import { readPlanFile } from '../planfile/index.js';
import { reportData } from '../report/data.js';
import { writeReportFiles } from '../report/files.js';
import { loadSpecFile } from '../spec/load.js';
import { join } from 'node:path';
import { EXIT, InputRefused, noteLine, unwrap, type Io } from './io.js';
import { NameIndex } from '../planfile/names.js';
import { renderCellPage, renderMemberPage } from '../report/html.js';
import { reportMarks } from '../export/staleReport.js';
import { writeFilesTogether } from '../util/atomic.js';
import type { InputIssue } from '../util/issues.js';
import { readAttendanceFile } from '../attendance/file.js';
import { problemForPlan } from '../replan/build.js';
import { compliance, type Compliance, type Unrecorded } from '../attendance/compliance.js';
import {
  asOfOptions,
  optionIssue as issue,
  stampedOutputIssues,
  unwrapWith,
  withFolderLock,
  writeOrRefuse,
} from './shared.js';

export interface ReportOptions {
  readonly out: string;
  readonly lang: Lang;
  readonly generatedAt?: string;
  /** With --as-of: the year as it happened (done, missed, planned) and who is behind (issue 9). */
  readonly attendance?: string;
  readonly asOf?: string;
  readonly unrecorded?: Unrecorded;
  /** Only these members' (or cells') printable pages. */
  readonly member?: readonly string[];
  readonly cell?: readonly string[];
}

export async function runReport(specPath: string, planPath: string, opts: ReportOptions, io: Io): Promise<number> {
  const asOf = asOfOptions(opts, io);
  const spec = unwrapWith(loadSpecFile(specPath), [...stampedOutputIssues(opts.out, opts.generatedAt)]);
  const read = unwrap(await readPlanFile(planPath, spec));
  const problem = problemForPlan(spec, read.plan);
  for (const note of read.notes ?? []) io.err(noteLine(note, opts.lang));
  const generatedAt = resolveGeneratedAt(problem.year, opts.generatedAt);
  let c: Compliance | undefined;
  if (opts.attendance !== undefined && asOf !== undefined) {
    const att = unwrap(await readAttendanceFile(opts.attendance, problem));
    for (const note of att.notes) io.err(noteLine(note, opts.lang));
    c = compliance(problem, read.plan.visits, att, asOf, opts.unrecorded ?? 'pending');
  }
  const data = reportData(problem, read.plan.visits, opts.lang, c, read.plan.solver, opts.unrecorded ?? 'pending');
  const command =
    `lichdu report ${specPath} ${planPath} -o ${opts.out}` +
    (opts.attendance !== undefined ? ` --attendance ${opts.attendance} --as-of ${asOf}` : '') +
    ` --lang ${opts.lang}`;
  if (opts.member !== undefined || opts.cell !== undefined) {
    const members = named(new NameIndex('member', problem.members), opts.member ?? [], '--member');
    const cells = named(new NameIndex('cell', problem.cells), opts.cell ?? [], '--cell');
    const marks = reportMarks(read.plan.visits, command);
    const pages = [
      ...members.map((id) => ({
        path: join(opts.out, `member-${id}.html`),
        data: renderMemberPage(data, problem, id, marks),
      })),
      ...cells.map((id) => ({
        path: join(opts.out, `cell-${id}.html`),
        data: renderCellPage(data, problem, id, marks),
      })),
    ];
    await withFolderLock(opts.out, () => writeOrRefuse(() => writeFilesTogether(pages)));
    io.out(
      opts.lang === 'vi'
        ? `đã ghi ${pages.map((p) => p.path).join(', ')}: trang để in (khổ A4)\n`
        : `wrote ${pages.map((p) => p.path).join(', ')}: pages to print (A4)\n`,
    );
    return EXIT.ok;
  }
  const withForms = data.reports.length > 0;
  const files = await withFolderLock(opts.out, () =>
    writeOrRefuse(() => writeReportFiles(opts.out, data, problem, generatedAt, { visits: read.plan.visits, command })),
  );
  const cells = data.units.reduce((s, u) => s + u.cells.length, 0);
  const vi = opts.lang === 'vi';
  io.out(
    vi
      ? `đã ghi ${files.join(', ')}: ${data.members.length} cấp ủy viên, ${cells} chi bộ, ${data.visits.length} ` +
          `buổi dự${withForms ? `, ${data.reports.length} báo cáo định kỳ phải nộp` : ''}\n`
      : `wrote ${files.join(', ')}: ${data.members.length} members, ${cells} cells, ${data.visits.length} visits` +
          `${withForms ? `, ${data.reports.length} periodic reports owed` : ''}\n`,
  );
  if (data.violations.length > 0)
    io.err(
      vi
        ? `✖ kế hoạch vi phạm quy định ${data.violations.length} lần; báo cáo liệt kê các vi phạm\n`
        : `✖ the plan breaks ${data.violations.length} rule instance(s); the report lists them\n`,
    );
  return data.violations.length === 0 ? EXIT.ok : EXIT.violations;
}

/** The ids of the members or cells named on the command line (ids or full names), or a refusal naming each miss. */
function named(index: NameIndex, names: readonly string[], option: string): string[] {
  const ids: string[] = [];
  const problems: InputIssue[] = [];
  for (const n of names) {
    const r = index.resolve(n);
    if (r.ok) ids.push(r.id);
    else problems.push(issue(option, r.code, r.params));
  }
  if (problems.length > 0) throw new InputRefused(problems);
  return [...new Set(ids)];
}
