// lichdu attendance template PLAN -o FILE: the attendance file to fill in, one row per visit of the plan (up to
// --until), as CSV (UTF-8 with BOM) or, for a .xlsx name, a workbook with date and time cells. And the compliance
// text of `lichdu check --attendance FILE --as-of DATE`.
import { RESULT_LABEL } from '../attendance/file.js';
import type { Compliance, MemberStatus, PeriodProgress, Unrecorded } from '../attendance/compliance.js';
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
  vi: { behind: '✖ chậm', unrecorded: '? chưa ghi nhận', 'on-track': '✔ đúng tiến độ', done: '✔ đã đủ' },
  en: { behind: '✖ behind', unrecorded: '? not recorded', 'on-track': '✔ on track', done: '✔ done' },
};

/** The compliance report in the CLI's words; exit 1 when a member is behind. */
export function complianceText(
  problem: Problem,
  c: Compliance,
  file: string,
  lang: Lang,
  /** The plan's broken rule instances (the plan, not the progress). */
  planBroken: number,
  unrecorded: Unrecorded,
): { text: string; code: number } {
  const vi = lang === 'vi';
  const out: string[] = [];
  const h = c.happened;
  // The plan against the rules, then the progress so far: two statements, never one for the other (issue 24).
  out.push(
    planBroken === 0
      ? vi
        ? `Kế hoạch: đáp ứng mọi quy định ✔\n`
        : `The plan: meets every rule ✔\n`
      : vi
        ? `Kế hoạch: vi phạm quy định ${planBroken} lần ✖ (lichdu check không kèm --attendance liệt kê)\n`
        : `The plan: breaks ${planBroken} rule instance(s) ✖ (lichdu check without --attendance lists them)\n`,
  );
  const counting = (n: number) =>
    unrecorded === 'pending'
      ? vi
        ? `${n} buổi đã qua chưa ghi nhận (chưa tính là đã dự hay vắng)`
        : `${n} past visits not recorded (counted neither as done nor as missed)`
      : vi
        ? `${n} buổi đã qua chưa ghi nhận (tính là ${unrecorded === 'done' ? 'đã dự' : 'vắng'})`
        : `${n} past visits not recorded (counted as ${unrecorded})`;
  out.push(
    vi
      ? `Tiến độ đến ngày ${c.asOf} (${file}): đã dự ${h.done.length} buổi (${h.unplanned.length} ngoài kế ` +
          `hoạch), ${h.missed.length} buổi vắng hoặc có người dự thay, ${counting(h.unrecorded.length)}, ` +
          `${h.ahead.length} buổi sắp tới\n`
      : `Progress as of ${c.asOf} (${file}): ${h.done.length} visits done (${h.unplanned.length} outside the ` +
          `plan), ${h.missed.length} missed or replaced, ${counting(h.unrecorded.length)}, ` +
          `${h.ahead.length} ahead\n`,
  );
  const order: MemberStatus[] = ['behind', 'unrecorded', 'on-track', 'done'];
  const members = [...c.members].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  const width = Math.max(4, ...members.map((m) => [...m.name].length));
  const statusWidth = Math.max(...Object.values(STATUS_WORD[lang]).map((x) => x.length));
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
    const label = STATUS_WORD[lang][m.status].padEnd(statusWidth);
    out.push(`  ${label} ${m.name.padEnd(width)}  ${m.id}  ${parts.join('; ')}\n`);
  }
  const cellName = new Map(problem.cells.map((x) => [x.id as string, x.name]));
  const memberName = new Map(problem.members.map((x) => [x.id as string, x.name]));
  if (h.unrecorded.length > 0) {
    out.push(vi ? `\nChưa ghi nhận (${h.unrecorded.length}):\n` : `\nNot recorded (${h.unrecorded.length}):\n`);
    for (const v of h.unrecorded.slice(0, 50))
      out.push(`  ? ${memberName.get(v.member) ?? v.member} — ${cellName.get(v.cell) ?? v.cell}, ${v.date}\n`);
    if (h.unrecorded.length > 50)
      out.push(vi ? `  … và ${h.unrecorded.length - 50} buổi khác\n` : `  … and ${h.unrecorded.length - 50} more\n`);
  }
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
  const open = c.members.filter((m) => m.status === 'unrecorded').length;
  const openText =
    open === 0
      ? ''
      : vi
        ? `; ${open} cấp ủy viên chưa đủ vì có buổi chưa ghi nhận`
        : `; ${open} member${open === 1 ? ' is' : 's are'} short only by visits not recorded`;
  out.push(
    behind === 0
      ? vi
        ? `\n✔ không cấp ủy viên nào chậm tiến độ${openText}\n`
        : `\n✔ no member is behind${openText}\n`
      : vi
        ? `\n✖ ${behind} cấp ủy viên chậm tiến độ${openText}\n`
        : `\n✖ ${behind} member${behind === 1 ? ' is' : 's are'} behind${openText}\n`,
  );
  return { text: out.join(''), code: behind === 0 ? EXIT.ok : EXIT.violations };
}
