// report.xlsx (issue 10, item 1): the plan, per member, per cell, per unit × month, and the periodic reports owed
// (one sheet per template: the visits filled in, a blank column for every field the member writes). Vietnamese
// headers by default; every sheet has a bold frozen filtered header and columns as wide as their text.
import type { Problem } from '../domain/types.js';
import { roleLabel, tagLabel, type Lang } from '../format/labels.js';
import { addPlanSheet, addTableSheet, dateCell, newWorkbook, workbookBytes } from '../export/xlsx.js';
import { weekdayName } from '../calendar/meetings.js';
import { naturalCompare, type ReportData } from './data.js';
import { subjectNames } from '../policies/periodic.js';
import { MONTH_SHORT, PERIOD_NOUN, periodWords } from './words.js';

const H = {
  vi: {
    members: 'Cấp ủy viên',
    cells: 'Chi bộ',
    units: 'Đảng bộ theo tháng',
    due: 'Hạn báo cáo',
    memberHead: ['Mã cấp ủy viên', 'Họ và tên', 'Cấp / chức danh', 'Đảng bộ', 'Định mức', 'Đạt định mức'],
    cellHead: ['Mã chi bộ', 'Tên chi bộ', 'Đảng bộ', 'Đặc điểm địa bàn', 'Điểm ưu tiên', 'Tháng dự đầu tiên'],
    unitHead: ['Mã đảng bộ', 'Tên đảng bộ', 'Số chi bộ'],
    dueHead: ['Báo cáo', 'Người / đơn vị báo cáo', 'Kỳ', 'Hạn nộp', 'Số lượt', 'Căn cứ'],
    formHead: ['Người / đơn vị báo cáo', 'Cấp / chức danh', 'Kỳ', 'Hạn nộp'],
    total: 'Cả năm',
    visitors: 'Người dự',
    yes: 'Có',
    no: 'Chưa',
    form: 'Mẫu',
  },
  en: {
    members: 'Members',
    cells: 'Cells',
    units: 'Units by month',
    due: 'Reports due',
    memberHead: ['Member ID', 'Full name', 'Level / role', 'Unit', 'Quota', 'Quota met'],
    cellHead: ['Cell ID', 'Cell name', 'Unit', 'Area characteristics', 'Priority', 'First month visited'],
    unitHead: ['Unit ID', 'Unit name', 'Cells'],
    dueHead: ['Report', 'Reported by', 'Period', 'Due', 'Visits', 'Source'],
    formHead: ['Reported by', 'Level / role', 'Period', 'Due'],
    total: 'Year',
    visitors: 'Visitors',
    yes: 'yes',
    no: 'no',
    form: 'Form',
  },
} as const;

export async function renderReportXlsx(data: ReportData, problem: Problem, generatedAt: string): Promise<Buffer> {
  const lang: Lang = data.lang;
  const t = H[lang];
  const months = MONTH_SHORT[lang];
  const { wb, when } = await newWorkbook(generatedAt);
  addPlanSheet(wb, problem, data.visits, lang);

  const unitName = new Map(problem.units.map((u) => [u.id as string, u.name]));
  const members = [...data.members].sort((a, b) => naturalCompare(a.unit, b.unit) || naturalCompare(a.name, b.name));
  addTableSheet(
    wb,
    t.members,
    [...t.memberHead, ...months, t.total],
    members.map((m) => [
      m.id,
      m.name,
      roleLabel(problem, m.role, lang),
      m.unit,
      m.quotas.map((q) => `${q.periods[0]?.min ?? 0}/${PERIOD_NOUN[lang][q.per]}`).join('; '),
      m.meetsQuota ? t.yes : t.no,
      ...m.byMonth,
      m.total,
    ]),
  );

  const cells = data.units.flatMap((u) => u.cells);
  addTableSheet(
    wb,
    t.cells,
    [...t.cellHead, ...months, t.total, t.visitors],
    cells.map((c) => [
      c.id,
      c.name,
      c.unit,
      c.tags.map((x) => tagLabel(x, lang)).join('; '),
      c.priority,
      c.firstMonth,
      ...c.months.map((m) => m.count),
      c.total,
      c.visitors.join('; '),
    ]),
  );

  addTableSheet(
    wb,
    t.units,
    [...t.unitHead, ...months, t.total],
    data.units.map((u) => [u.id, u.name, u.cells.length, ...u.byMonth, u.byMonth.reduce((a, b) => a + b, 0)]),
  );

  if (data.reports.length > 0) {
    const who = subjectNames(problem);
    const member = new Map(problem.members.map((m) => [m.id as string, m]));
    const period = (each: string, p: string) => (each === 'visit' ? dateCell(p) : periodWords(p, lang));
    addTableSheet(
      wb,
      t.due,
      t.dueHead,
      data.reports.map((r) => [
        r.template.title[lang],
        who(r),
        period(r.template.each, r.period),
        r.due ? dateCell(r.due) : null,
        r.visits.length,
        r.template.article,
      ]),
      { 3: 'yyyy-mm-dd' },
    );
    const cell = new Map(problem.cells.map((c) => [c.id as string, c]));
    const visitText = (vs: ReportData['visits']) =>
      vs
        .map((v) => {
          const c = cell.get(v.cell);
          const u = unitName.get(c?.unit ?? '') ?? '';
          return `${weekdayName(v.date, lang)} ${v.date} ${v.start}: ${c?.name ?? v.cell} (${u})`;
        })
        .join('\n');
    const templates = [...new Set(data.reports.map((r) => r.template))];
    for (const tpl of templates) {
      const fields = tpl.sections.flatMap((s) => s.fields);
      const rows = data.reports
        .filter((r) => r.template === tpl)
        .map((r) => {
          const m = member.get(r.subject);
          return [
            who(r),
            tpl.by === 'member' && m ? roleLabel(problem, m.role, lang) : '',
            period(tpl.each, r.period),
            r.due ? dateCell(r.due) : null,
            ...fields.map((f) => (f.fill === 'visits' ? visitText(r.visits) : '')),
          ];
        });
      const ws = addTableSheet(wb, `${t.form} ${tpl.id}`, [...t.formHead, ...fields.map((f) => f[lang])], rows, {
        2: 'yyyy-mm-dd',
        3: 'yyyy-mm-dd',
      });
      fields.forEach((f, i) => {
        const col = ws.getColumn(t.formHead.length + i + 1);
        col.width = f.fill === 'visits' ? 50 : 30;
        col.alignment = { wrapText: true, vertical: 'top' };
      });
    }
  }
  return workbookBytes(wb, when);
}
