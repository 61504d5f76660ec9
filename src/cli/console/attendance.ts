// Attendance and compliance in the console (issue 26, item 3): each past visit marked done, missed or made by another
// member — saved as the workspace's attendance file, diem-danh.csv, in the format `lichdu attendance template` writes
// and read back by the same reader as `lichdu check --attendance` — or an attendance file uploaded; then compliance to
// a chosen date per member and period, the visits not recorded, and the periodic reports due under the policy.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RESULT_LABEL, readAttendanceFile, type AttendanceRecord } from '../../attendance/file.js';
import { compliance } from '../../attendance/compliance.js';
import type { IsoDate, Visit } from '../../domain/types.js';
import { escapeHtml as h } from '../../export/feedSheet.js';
import { sortVisits } from '../../format/csv.js';
import type { Lang } from '../../format/labels.js';
import { periodicReports, subjectNames } from '../../policies/periodic.js';
import { dateText } from '../../report/html.js';
import { periodWords } from '../../report/words.js';
import type { Result } from '../../util/issues.js';
import type { Loaded } from './workspace.js';

export const ATTENDANCE_FILES = ['diem-danh.csv', 'diem-danh.xlsx'];

export const AW = {
  vi: {
    title: 'Điểm danh',
    compliance: 'Mức thực hiện',
    until: 'Các buổi đến ngày',
    show: 'Xem',
    result: 'Kết quả',
    replacedBy: 'Người dự thay',
    reason: 'Lý do',
    none: 'chưa ghi',
    save: 'Lưu điểm danh',
    upload: 'Hoặc tải lên tệp điểm danh (.csv, .xlsx)',
    uploadButton: 'Tải lên tệp điểm danh',
    asOf: 'Đến ngày',
    member: 'Cấp ủy viên',
    status: 'Tình hình',
    periods: 'Theo kỳ (đã dự / cần có đến ngày này)',
    statusWords: { behind: '✖ chậm', unrecorded: '? chưa ghi nhận đủ', 'on-track': '✔ đúng tiến độ', done: '✔ đã đủ' },
    unrecorded: (n: number) => `${n} buổi đã qua chưa ghi nhận (không tính là đã dự hay vắng):`,
    reports: 'Báo cáo định kỳ theo quy định',
    report: 'Báo cáo',
    who: 'Người / đơn vị báo cáo',
    period: 'Kỳ',
    due: 'Hạn nộp',
    overdue: 'quá hạn',
    noReports: 'Quy định áp dụng không đặt báo cáo định kỳ.',
    noFile: 'Chưa có tệp điểm danh: ghi kết quả ở trang Điểm danh.',
  },
  en: {
    title: 'Attendance',
    compliance: 'Compliance',
    until: 'Visits up to',
    show: 'Show',
    result: 'Result',
    replacedBy: 'Replaced by',
    reason: 'Reason',
    none: 'not recorded',
    save: 'Save the attendance',
    upload: 'Or upload an attendance file (.csv, .xlsx)',
    uploadButton: 'Upload the attendance file',
    asOf: 'As of',
    member: 'Member',
    status: 'Standing',
    periods: 'By period (done / needed by this date)',
    statusWords: { behind: '✖ behind', unrecorded: '? not all recorded', 'on-track': '✔ on track', done: '✔ done' },
    unrecorded: (n: number) => `${n} past visit(s) not recorded (counted neither as done nor as missed):`,
    reports: 'Periodic reports the regulation requires',
    report: 'Report',
    who: 'Reported by',
    period: 'Period',
    due: 'Due',
    overdue: 'overdue',
    noReports: 'The policy in force sets no periodic report.',
    noFile: 'No attendance file yet: record the results on the Attendance page.',
  },
};

/** The workspace's attendance file, if any. */
export function attendancePath(dir: string): string | undefined {
  return ATTENDANCE_FILES.map((n) => join(dir, n)).find((p) => existsSync(p));
}

export async function readAttendance(l: Loaded, dir: string): Promise<Result<readonly AttendanceRecord[]> | undefined> {
  const path = attendancePath(dir);
  if (path === undefined) return undefined;
  const r = await readAttendanceFile(path, l.problem);
  return r.ok ? { ok: true, value: r.value.records } : r;
}

const key = (v: { member: string; cell: string; date: string }) => `${v.member}|${v.cell}|${v.date}`;

/** The attendance page: every planned visit up to a date, each with its result to choose. */
export function attendancePage(
  l: Loaded,
  records: readonly AttendanceRecord[],
  until: IsoDate,
  csrf: string,
  lang: Lang,
): string {
  const w = AW[lang];
  const byKey = new Map(records.map((r) => [key(r), r]));
  const visits: Visit[] = sortVisits(l.plan!.doc.visits).filter((v) => v.date <= until);
  const name = (id: string) => l.problem.members.find((m) => m.id === id)?.name ?? id;
  const cellName = (id: string) => l.problem.cells.find((c) => c.id === id)?.name ?? id;
  const memberOptions = (chosen: string) =>
    [`<option value="">—</option>`]
      .concat(
        l.problem.members.map(
          (m) => `<option value="${h(m.id)}"${m.id === chosen ? ' selected' : ''}>${h(m.name)}</option>`,
        ),
      )
      .join('');
  const rows = visits
    .map((v, i) => {
      const r = byKey.get(key(v));
      const opt = (value: string, label: string) =>
        `<option value="${value}"${(r?.result ?? '') === value ? ' selected' : ''}>${h(label)}</option>`;
      const label = `${dateText(v.date, lang)} ${name(v.member)} ${cellName(v.cell)}`;
      return (
        `<tr><td>${dateText(v.date, lang)}</td><td>${h(cellName(v.cell))}</td><td>${h(name(v.member))}</td>` +
        `<td><input type="hidden" name="k${i}" value="${h(key(v))}">` +
        `<select name="r${i}" aria-label="${h(`${w.result}: ${label}`)}">` +
        opt('', w.none) +
        opt('done', RESULT_LABEL[lang].done) +
        opt('missed', RESULT_LABEL[lang].missed) +
        opt('replaced', RESULT_LABEL[lang].replaced) +
        `</select></td><td><select name="b${i}" aria-label="${h(`${w.replacedBy}: ${label}`)}">` +
        memberOptions(r?.replacedBy ?? '') +
        `</select></td><td><input name="s${i}" aria-label="${h(`${w.reason}: ${label}`)}" ` +
        `value="${h(r?.reason ?? '')}"></td></tr>`
      );
    })
    .join('');
  return (
    `<form method="get" action="/attendance"><label for="until">${w.until}</label> <input id="until" name="until" ` +
    `type="date" value="${until}"> <button type="submit">${w.show}</button></form>` +
    `<form method="post" action="/attendance"><input type="hidden" name="csrf" value="${csrf}">` +
    `<input type="hidden" name="until" value="${until}"><input type="hidden" name="n" value="${visits.length}">` +
    `<table><caption>${w.title}</caption><thead><tr><th scope="col">${lang === 'vi' ? 'Ngày' : 'Date'}</th>` +
    `<th scope="col">${lang === 'vi' ? 'Chi bộ' : 'Cell'}</th><th scope="col">${w.member}</th>` +
    `<th scope="col">${w.result}</th>` +
    `<th scope="col">${w.replacedBy}</th><th scope="col">${w.reason}</th></tr></thead><tbody>${rows}</tbody></table>` +
    `<button type="submit">${w.save}</button></form>` +
    `<form method="post" action="/attendance/upload" enctype="multipart/form-data"><input type="hidden" name="csrf" ` +
    `value="${csrf}"><label for="att">${w.upload}</label> ` +
    '<input id="att" name="file" type="file" accept=".csv,.xlsx" ' +
    `required> <button type="submit">${w.uploadButton}</button></form>`
  );
}

/** Compliance to a date: each member's standing and periods, the visits not recorded, the periodic reports. */
export function compliancePage(
  l: Loaded,
  records: readonly AttendanceRecord[] | undefined,
  asOf: IsoDate,
  lang: Lang,
): string {
  const w = AW[lang];
  const form =
    `<form method="get" action="/compliance"><label for="asof">${w.asOf}</label> <input id="asof" name="asof" ` +
    `type="date" value="${asOf}"> <button type="submit">${w.show}</button></form>`;
  if (records === undefined) return `${form}<p>${w.noFile}</p>`;
  const c = compliance(l.problem, l.plan!.doc.visits, { records, recordsReports: true, notes: [] }, asOf, 'pending');
  const name = (id: string) => l.problem.members.find((m) => m.id === id)?.name ?? id;
  const cellName = (id: string) => l.problem.cells.find((x) => x.id === id)?.name ?? id;
  const rows = c.members
    .map(
      (m) =>
        `<tr><td><a href="/members/${encodeURIComponent(m.id)}">${h(m.name)}</a></td>` +
        `<td class="${m.status === 'behind' ? 'bad' : m.status === 'unrecorded' ? '' : 'ok'}">` +
        `${h(w.statusWords[m.status])}</td><td>` +
        h(m.periods.map((p) => `${periodWords(p.period, lang)}: ${p.done}/${p.requiredByNow}`).join('; ')) +
        '</td></tr>',
    )
    .join('');
  const open = c.happened.unrecorded;
  const reports = periodicReports(l.problem, c.happened.done);
  const overdue = new Set((c.overdueReports ?? []).map((r) => `${r.template.id}|${r.subject}|${r.period}`));
  const who = subjectNames(l.problem);
  const reportRows = reports
    .filter((r) => r.due !== undefined)
    .map(
      (r) =>
        `<tr><td>${h(r.template.title[lang])}</td><td>${h(who(r))}</td>` +
        `<td>${h(r.template.each === 'visit' ? dateText(r.period, lang) : periodWords(r.period, lang))}</td>` +
        `<td>${dateText(r.due!, lang)}` +
        (overdue.has(`${r.template.id}|${r.subject}|${r.period}`) ? ` <span class="bad">${w.overdue}</span>` : '') +
        '</td></tr>',
    )
    .join('');
  return (
    form +
    `<table><caption>${w.compliance}</caption><thead><tr><th scope="col">${w.member}</th><th scope="col">${w.status}` +
    `</th><th scope="col">${w.periods}</th></tr></thead><tbody>${rows}</tbody></table>` +
    (open.length > 0
      ? `<p>${h(w.unrecorded(open.length))}</p>` +
        '<ul>' +
        open.map((v) => `<li>${h(name(v.member))} — ${h(cellName(v.cell))}, ${dateText(v.date, lang)}</li>`).join('') +
        '</ul>'
      : '') +
    `<h2>${w.reports}</h2>` +
    (reportRows
      ? `<table><caption>${w.reports}</caption><thead><tr><th scope="col">${w.report}</th>` +
        `<th scope="col">${w.who}</th>` +
        `<th scope="col">${w.period}</th><th scope="col">${w.due}</th></tr></thead><tbody>${reportRows}</tbody></table>`
      : `<p>${w.noReports}</p>`)
  );
}
