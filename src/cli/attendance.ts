// lichdu attendance template PLAN -o FILE: the attendance file to fill in, one row per visit of the plan (up to
// --until), as CSV (UTF-8 with BOM) or, for a .xlsx name, a workbook with date and time cells. And the compliance
// text of `lichdu check --attendance FILE --as-of DATE`.
import { RESULT_LABEL } from '../attendance/file.js';
import type { Compliance, MemberStatus, PeriodProgress } from '../attendance/compliance.js';
import type { Problem } from '../domain/types.js';
import type { Lang } from '../format/labels.js';
import { renderAttendanceTemplate } from '../export/attendanceTemplate.js';
import { writeFileAtomic } from '../util/atomic.js';
import { EXIT, type Io } from './io.js';
import { dateOption, outputFileIssues, readPlanDocumentFile, refuseIf, writeOrRefuse } from './shared.js';

export interface AttendanceTemplateOptions {
  readonly out: string;
  readonly until?: string;
  readonly lang: Lang;
}

export async function runAttendanceTemplate(
  planPath: string,
  opts: AttendanceTemplateOptions,
  io: Io,
): Promise<number> {
  refuseIf(outputFileIssues(opts.out, '-o'));
  const untilDate = dateOption(opts.until, '--until', io);
  const doc = readPlanDocumentFile(planPath);
  const format = opts.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
  const { bytes, rows, header } = await renderAttendanceTemplate(doc, opts.lang, format, untilDate);
  await writeOrRefuse(async () => writeFileAtomic(opts.out, bytes));
  const fill = `"${header[7]}" (${Object.values(RESULT_LABEL[opts.lang]).join(' / ')})`;
  const until = untilDate ?? '';
  io.out(
    opts.lang === 'vi'
      ? `đã ghi ${opts.out}: ${rows} buổi dự${until ? ` đến ngày ${until}` : ''}; hãy điền ${fill}, ` +
          `"${header[8]}" (mã cấp ủy viên) và "${header[10]}"\n`
      : `wrote ${opts.out}: ${rows} visits${until ? ` up to ${until}` : ''}; fill in ${fill}, "${header[8]}" ` +
          `(a member id) and "${header[10]}"\n`,
  );
  return EXIT.ok;
}

const STATUS_WORD: Record<Lang, Record<MemberStatus, string>> = {
  vi: { behind: '✖ chậm', 'on-track': '✔ đúng tiến độ', done: '✔ đã đủ' },
  en: { behind: '✖ behind', 'on-track': '✔ on track', done: '✔ done' },
};

/** The compliance report in the CLI's words; exit 1 when a member is behind. */
export function complianceText(
  problem: Problem,
  c: Compliance,
  file: string,
  lang: Lang,
): { text: string; code: number } {
  const vi = lang === 'vi';
  const out: string[] = [];
  const h = c.happened;
  out.push(
    vi
      ? `Mức thực hiện đến ngày ${c.asOf} (${file}): đã dự ${h.done.length} buổi (${h.unplanned.length} ngoài kế ` +
          `hoạch), ${h.missed.length} buổi vắng hoặc có người dự thay, ${h.unrecorded.length} buổi đã qua chưa ` +
          `ghi kết quả, ${h.ahead.length} buổi sắp tới\n`
      : `Compliance as of ${c.asOf} (${file}): ${h.done.length} visits done (${h.unplanned.length} outside the ` +
          `plan), ${h.missed.length} missed or replaced, ${h.unrecorded.length} past visits not recorded, ` +
          `${h.ahead.length} ahead\n`,
  );
  const order: MemberStatus[] = ['behind', 'on-track', 'done'];
  const members = [...c.members].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  const width = Math.max(4, ...members.map((m) => [...m.name].length));
  for (const m of members) {
    const open = m.periods.filter((p) => !p.ended || p.done < p.min);
    const shown = open.length > 0 ? open : m.periods.slice(-1);
    const state = (p: PeriodProgress) =>
      p.ended
        ? vi
          ? ' (đã hết kỳ)'
          : ' (ended)'
        : p.requiredByNow > 0
          ? vi
            ? `, cần ${p.requiredByNow} đến nay`
            : `, ${p.requiredByNow} by now`
          : '';
    const parts = shown.map((p) => `${p.period} ${p.done}/${p.min}${state(p)}`);
    out.push(
      `  ${STATUS_WORD[lang][m.status].padEnd(vi ? 15 : 12)} ${m.name.padEnd(width)}  ${m.id}  ${parts.join('; ')}\n`,
    );
  }
  const cellName = new Map(problem.cells.map((x) => [x.id as string, x.name]));
  const u = c.coverage.unvisited;
  const listed =
    u.length > 0
      ? `: ${u
          .slice(0, 20)
          .map((id) => cellName.get(id) ?? id)
          .join(', ')}${u.length > 20 ? ', …' : ''}`
      : '';
  out.push(
    vi
      ? `\nChi bộ chưa được dự trong ${c.coverage.period}: ${u.length}/${problem.cells.length}${listed}\n`
      : `\nCells not yet visited in ${c.coverage.period}: ${u.length} of ${problem.cells.length}${listed}\n`,
  );
  if (c.overdueReports === undefined)
    out.push(
      vi
        ? 'Báo cáo: tệp không có cột "Ngày nộp báo cáo", nên chưa kiểm tra\n'
        : 'Reports: the file has no "Ngày nộp báo cáo" column, so none checked\n',
    );
  else {
    const name = new Map(problem.members.map((m) => [m.id as string, m.name]));
    out.push(vi ? `Báo cáo quá hạn: ${c.overdueReports.length}\n` : `Reports overdue: ${c.overdueReports.length}\n`);
    const sorted = [...c.overdueReports].sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0));
    for (const r of sorted.slice(0, 50))
      out.push(
        `  ✖ ${name.get(r.subject) ?? r.subject}: ${r.template.title[lang]}, ${r.period}, ${vi ? 'hạn' : 'due'} ` +
          `${r.due}\n`,
      );
    if (c.overdueReports.length > 50)
      out.push(
        vi ? `  … và ${c.overdueReports.length - 50} báo cáo khác\n` : `  … and ${c.overdueReports.length - 50} more\n`,
      );
  }
  const behind = c.members.filter((m) => m.status === 'behind').length;
  out.push(
    behind === 0
      ? vi
        ? `\n✔ mọi cấp ủy viên đều đúng tiến độ\n`
        : `\n✔ every member is on track\n`
      : vi
        ? `\n✖ ${behind} cấp ủy viên chậm tiến độ\n`
        : `\n✖ ${behind} member${behind === 1 ? ' is' : 's are'} behind\n`,
  );
  return { text: out.join(''), code: behind === 0 ? EXIT.ok : EXIT.violations };
}
