// The console's pages (issue 25, item 3): server-rendered HTML, in the staff's language, readable without a script
// (the script only streams the plan's progress). Lists paginate (50 rows) and filter on the server, so a province of
// 2,800 cells and 2,500 members renders a page in milliseconds.
import type { Problem, Violation } from '../../domain/types.js';
import { escapeHtml as h } from '../../export/feedSheet.js';
import { bare, roleLabel, tagLabel, type Lang } from '../../format/labels.js';
import { describeViolation } from '../../format/violationText.js';
import { formatIssue, type InputIssue } from '../../util/issues.js';
import { folded } from '../../planfile/names.js';
import { dateText } from '../../report/html.js';
import { MONTHS, naturalCompare, type ReportData } from '../../report/data.js';
import { MONTH_SHORT, periodWords } from '../../report/words.js';
import { weekdayName } from '../../calendar/meetings.js';
import type { Loaded } from './workspace.js';

export const PAGE_SIZE = 50;

export const CW = {
  vi: {
    title: 'Bảng điều khiển lichdu',
    skip: 'Bỏ qua, đến nội dung chính',
    nav: {
      home: 'Trang chính',
      members: 'Cấp ủy viên',
      cells: 'Chi bộ',
      units: 'Đảng bộ',
      calendar: 'Lịch sinh hoạt',
      replan: 'Lập lại kế hoạch',
      attendance: 'Điểm danh',
      compliance: 'Mức thực hiện',
      history: 'Các phiên bản',
    },
    workspace: 'Thư mục làm việc',
    data: 'Dữ liệu đầu vào',
    noSpec: 'Thư mục chưa có dữ liệu. Hãy tải lên bảng tính nhập liệu (lichdu import --template tạo bảng tính mẫu).',
    specIs: (f: string, u: number, c: number, m: number, y: number, p: string) =>
      `${f}: năm ${y}, quy định ${p}; ${u} đảng bộ, ${c} chi bộ, ${m} cấp ủy viên.`,
    upload: 'Tải lên bảng tính hoặc tệp đầu vào',
    uploadHelp: 'Bảng tính .xlsx theo mẫu nhập liệu, hoặc tệp đầu vào .yaml / .json',
    uploadButton: 'Tải lên',
    uploaded: (f: string) => `Đã nhập ${f}.`,
    refused: (n: number) => `Tệp tải lên có ${n} vấn đề; thư mục làm việc không thay đổi. Sửa rồi tải lên lại:`,
    where: 'Vị trí',
    problem: 'Vấn đề và cách sửa',
    plan: 'Kế hoạch',
    planButton: 'Lập kế hoạch',
    stopButton: 'Dừng',
    noPlan: 'Chưa có kế hoạch.',
    planned: 'Đã lập kế hoạch',
    planStatus: (status: string, gap: string) => `${status}, cách cận dưới ${gap}`,
    visitCount: (n: number) => `${n} lượt dự sinh hoạt`,
    running: 'Đang lập kế hoạch…',
    progressLabel: 'Tiến độ lập kế hoạch',
    stage: {
      construction: 'dựng kế hoạch đầu',
      bound: 'tính cận dưới',
      matching: 'ghép cặp',
      repair: 'sửa thiếu hụt',
      'full model': 'giải mô hình đầy đủ',
      improvement: 'cải thiện',
      writing: 'ghi tệp',
    } as Record<string, string>,
    best: 'chi phí tốt nhất',
    bound: 'cận dưới',
    gap: 'khoảng cách',
    allHold: 'Kế hoạch đáp ứng mọi quy định.',
    broken: (n: number) => `Kế hoạch chưa đáp ứng ${n} yêu cầu:`,
    planOther: 'Kế hoạch trong thư mục không khớp dữ liệu đầu vào:',
    downloads: 'Tải xuống',
    dl: {
      xlsx: 'Tải xuống plan.xlsx',
      csv: 'Tải xuống plan.csv',
      json: 'Tải xuống plan.json',
      report: 'Tải xuống report.html',
      reportXlsx: 'Tải xuống report.xlsx',
      ics: 'Tải xuống lịch (.zip)',
      feeds: 'Tải xuống trang đường dẫn lịch có mã QR',
    },
    baseUrl: 'Địa chỉ công khai của máy phát lịch (cho trang đường dẫn)',
    search: 'Tìm theo tên hoặc mã',
    searchButton: 'Tìm',
    unitFilter: 'Đảng bộ',
    all: 'tất cả',
    page: (a: number, b: number, n: number) => `${a}–${b} trong ${n}`,
    prev: 'Trang trước',
    next: 'Trang sau',
    name: 'Họ và tên',
    id: 'Mã',
    role: 'Cấp / chức danh',
    unit: 'Đảng bộ',
    quota: 'Định mức',
    visits: 'Số lượt dự',
    cell: 'Chi bộ',
    tags: 'Đặc điểm địa bàn',
    month: 'Tháng',
    date: 'Ngày',
    weekday: 'Thứ',
    time: 'Giờ',
    who: 'Cấp ủy viên dự',
    nobody: 'chưa có người dự',
    note: 'Ghi chú',
    heat: 'Độ phủ theo tháng',
    heatHelp: 'Số chi bộ có người dự trong tháng / số chi bộ; ★: đảng bộ hoặc chi bộ ưu tiên.',
    memberYear: (n: string) => `Cấp ủy viên ${n}`,
    cellYear: (n: string) => `Chi bộ: ${n}`,
    unitPage: (n: string) => `Đảng bộ: ${n}`,
    periods: 'Định mức theo kỳ',
    met: 'đạt',
    notMet: 'chưa đạt',
    calendarTitle: 'Lịch sinh hoạt các chi bộ (trước khi lập kế hoạch)',
    none: 'Không có mục nào.',
    notFound: 'Không tìm thấy.',
    change: 'Đổi người dự',
    pin: 'Ghim',
    unpin: 'Bỏ ghim',
    pinned: 'đã ghim',
    addVisitor: 'Thêm người dự',
    removeVisit: 'Bỏ lượt dự',
    candidatesTitle: 'Người có thể dự thay',
    choose: 'Chọn',
    mayNot: 'Không thể dự (và quy định ngăn trở)',
    load: 'Số lượt đã có',
    cost: 'Chi phí thay đổi',
    removalBreaks: 'Bỏ lượt dự này thì vi phạm:',
    preview: 'Kiểm tra thay đổi',
    save: 'Lưu',
    saved: 'Đã lưu',
    cancel: 'Quay lại',
    verdictOk: 'Kế hoạch sau khi sửa đáp ứng mọi quy định.',
    verdictBad: (n: number) => `Kế hoạch sau khi sửa có ${n} vi phạm:`,
    history: 'Các phiên bản',
    restore: 'Khôi phục',
    version: 'Phiên bản',
    when: 'Lúc',
    what: 'Thay đổi',
    changes: (a: number, r: number, m: number) => `thêm ${a}, bỏ ${r}, dời lịch ${m}`,
    whatWords: {
      plan: 'lập kế hoạch',
      replace: 'đổi người dự',
      remove: 'bỏ lượt dự',
      add: 'thêm người dự',
      restore: 'khôi phục',
    } as Record<string, string>,
    meetingOf: (cell: string, date: string) => `Kỳ sinh hoạt của ${cell} ngày ${date}`,
  },
  en: {
    title: 'lichdu console',
    skip: 'Skip to the main content',
    nav: {
      home: 'Home',
      members: 'Members',
      cells: 'Cells',
      units: 'Units',
      calendar: 'Meeting calendar',
      replan: 'Re-plan',
      attendance: 'Attendance',
      compliance: 'Compliance',
      history: 'Versions',
    },
    workspace: 'Workspace',
    data: 'Input data',
    noSpec: 'The folder has no data yet. Upload the input workbook (lichdu import --template writes a blank one).',
    specIs: (f: string, u: number, c: number, m: number, y: number, p: string) =>
      `${f}: ${y}, policy ${p}; ${u} units, ${c} cells, ${m} members.`,
    upload: 'Upload a workbook or a spec',
    uploadHelp: 'An .xlsx workbook in the input template, or a .yaml / .json spec',
    uploadButton: 'Upload',
    uploaded: (f: string) => `Imported ${f}.`,
    refused: (n: number) => `The upload has ${n} problem(s); the workspace is unchanged. Fix them and upload again:`,
    where: 'Where',
    problem: 'Problem and fix',
    plan: 'Plan',
    planButton: 'Make the plan',
    stopButton: 'Stop',
    noPlan: 'No plan yet.',
    planned: 'Plan made',
    planStatus: (status: string, gap: string) => `${status}, ${gap} from the bound`,
    visitCount: (n: number) => `${n} visit${n === 1 ? '' : 's'}`,
    running: 'Planning…',
    progressLabel: 'Planning progress',
    stage: {
      construction: 'first plan',
      bound: 'lower bound',
      matching: 'matching',
      repair: 'repairing shortfalls',
      'full model': 'full model',
      improvement: 'improving',
      writing: 'writing files',
    } as Record<string, string>,
    best: 'best cost',
    bound: 'bound',
    gap: 'gap',
    allHold: 'The plan meets every rule.',
    broken: (n: number) => `The plan falls short in ${n} place(s):`,
    planOther: "The folder's plan does not match the input data:",
    downloads: 'Downloads',
    dl: {
      xlsx: 'Download plan.xlsx',
      csv: 'Download plan.csv',
      json: 'Download plan.json',
      report: 'Download report.html',
      reportXlsx: 'Download report.xlsx',
      ics: 'Download the calendars (.zip)',
      feeds: 'Download the feed links page with QR codes',
    },
    baseUrl: 'Public address of the feed server (for the links page)',
    search: 'Search by name or id',
    searchButton: 'Search',
    unitFilter: 'Unit',
    all: 'all',
    page: (a: number, b: number, n: number) => `${a}–${b} of ${n}`,
    prev: 'Previous page',
    next: 'Next page',
    name: 'Name',
    id: 'ID',
    role: 'Level / role',
    unit: 'Unit',
    quota: 'Quota',
    visits: 'Visits',
    cell: 'Cell',
    tags: 'Area',
    month: 'Month',
    date: 'Date',
    weekday: 'Weekday',
    time: 'Time',
    who: 'Member attending',
    nobody: 'no visitor yet',
    note: 'Note',
    heat: 'Coverage by month',
    heatHelp: 'Cells visited in the month / cells; ★: a priority unit or cell.',
    memberYear: (n: string) => `Member ${n}`,
    cellYear: (n: string) => `Cell: ${n}`,
    unitPage: (n: string) => `Unit: ${n}`,
    periods: 'Quota by period',
    met: 'met',
    notMet: 'not met',
    calendarTitle: 'Meeting calendar of the cells (before planning)',
    none: 'Nothing here.',
    notFound: 'Not found.',
    change: 'Change visitor',
    pin: 'Pin',
    unpin: 'Unpin',
    pinned: 'pinned',
    addVisitor: 'Add a visitor',
    removeVisit: 'Remove the visit',
    candidatesTitle: 'Who may attend instead',
    choose: 'Choose',
    mayNot: 'May not attend (and the rule that stops them)',
    load: 'Visits so far',
    cost: 'Cost of the change',
    removalBreaks: 'Taking this visit away breaks:',
    preview: 'Check the change',
    save: 'Save',
    saved: 'Saved',
    cancel: 'Back',
    verdictOk: 'The changed plan meets every rule.',
    verdictBad: (n: number) => `The changed plan breaks ${n} rule instance(s):`,
    history: 'Versions',
    restore: 'Restore',
    version: 'Version',
    when: 'When',
    what: 'Change',
    changes: (a: number, r: number, m: number) => `added ${a}, removed ${r}, moved ${m}`,
    whatWords: {
      plan: 'planned',
      replace: 'visitor changed',
      remove: 'visit removed',
      add: 'visitor added',
      restore: 'restored',
    } as Record<string, string>,
    meetingOf: (cell: string, date: string) => `The meeting of ${cell} on ${date}`,
  },
};

export type Words = (typeof CW)['vi'];

/** A page: the skip link, the navigation, the main landmark; CSS and the script from the console itself. */
export function layout(lang: Lang, title: string, body: string, active: string): string {
  const w = CW[lang];
  const links = Object.entries(w.nav)
    .map(([k, label]) => {
      const href = k === 'home' ? '/' : `/${k}`;
      return `<li><a href="${href}"${k === active ? ' aria-current="page"' : ''}>${h(label)}</a></li>`;
    })
    .join('');
  return (
    `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${h(title)} — ${h(w.title)}</title><link rel="stylesheet" href="/static/console.css">` +
    '<script src="/static/console.js" defer></script></head><body>' +
    `<a class="skip" href="#main">${h(w.skip)}</a>` +
    `<header><p class="brand">${h(w.title)}</p><nav aria-label="${h(w.title)}"><ul>${links}</ul></nav></header>` +
    `<main id="main"><h1>${h(title)}</h1>\n${body}\n</main></body></html>\n`
  );
}

/** The problems of an upload or a spec: where (sheet, row, column) and what, with the fix. */
export function issuesTable(issues: readonly InputIssue[], lang: Lang): string {
  const w = CW[lang];
  const rows = issues
    .map((i) => {
      const text = formatIssue(i, lang, '').trim();
      const cut = text.indexOf(': ', i.place ? 0 : i.file.length);
      const where = cut > 0 ? text.slice(0, cut) : i.file;
      const what = cut > 0 ? text.slice(cut + 2) : text;
      return (
        `<tr${i.place ? ` data-sheet="${h(i.place.sheet ?? '')}" data-rows="${h(i.place.rows)}"` : ''}>` +
        `<td>${h(where)}</td><td>${h(what)}</td></tr>`
      );
    })
    .join('');
  return (
    `<table class="issues"><caption>${h(w.refused(issues.length))}</caption><thead><tr><th scope="col">${w.where}` +
    `</th><th scope="col">${w.problem}</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

/** A violation's links: to its member, its cell and the cell's meeting. */
export function violationItem(v: Violation, problem: Problem, lang: Lang): string {
  const names = {
    memberName: (id: string) => problem.members.find((m) => m.id === id)?.name,
    cellName: (id: string) => problem.cells.find((c) => c.id === id)?.name,
  };
  const text = describeViolation(v, lang, names).replace(/^✖ /, '');
  const links = [
    v.member
      ? `<a href="/members/${encodeURIComponent(v.member)}">${h(names.memberName(v.member) ?? v.member)}</a>`
      : '',
    v.cell
      ? `<a href="/cells/${encodeURIComponent(v.cell)}${v.date ? `#d${v.date}` : ''}">` +
        h(names.cellName(v.cell) ?? v.cell) +
        `${v.date ? `, ${dateText(v.date, lang)}` : ''}</a>`
      : '',
  ].filter((x) => x !== '');
  return `<li>${h(text)}${links.length > 0 ? ` — ${links.join(' · ')}` : ''}</li>`;
}

/** Rows matching a search (names and ids, case and diacritics aside) on one page of PAGE_SIZE. */
export function pageOf<T>(
  items: readonly T[],
  query: URLSearchParams,
  text: (t: T) => string,
): { rows: readonly T[]; total: number; page: number; pages: number } {
  const q = folded(query.get('q') ?? '');
  const hits = q === '' ? items : items.filter((t) => folded(text(t)).includes(q));
  const pages = Math.max(1, Math.ceil(hits.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number(query.get('page') ?? '1') || 1));
  return { rows: hits.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), total: hits.length, page, pages };
}

function pager(path: string, query: URLSearchParams, p: { total: number; page: number; pages: number }, lang: Lang) {
  const w = CW[lang];
  const link = (n: number) => {
    const q = new URLSearchParams(query);
    q.set('page', String(n));
    return `${path}?${q.toString()}`;
  };
  const from = p.total === 0 ? 0 : (p.page - 1) * PAGE_SIZE + 1;
  const to = Math.min(p.total, p.page * PAGE_SIZE);
  return (
    `<nav class="pager" aria-label="${h(w.page(from, to, p.total))}"><span>${h(w.page(from, to, p.total))}</span>` +
    (p.page > 1 ? ` <a href="${h(link(p.page - 1))}" rel="prev">${w.prev}</a>` : '') +
    (p.page < p.pages ? ` <a href="${h(link(p.page + 1))}" rel="next">${w.next}</a>` : '') +
    '</nav>'
  );
}

function searchForm(path: string, query: URLSearchParams, lang: Lang, extra = ''): string {
  const w = CW[lang];
  return (
    `<form class="search" method="get" action="${path}" role="search"><label for="q">${w.search}</label> ` +
    `<input id="q" name="q" type="search" value="${h(query.get('q') ?? '')}">${extra} ` +
    `<button type="submit">${w.searchButton}</button></form>`
  );
}

/** Members: name, unit, role, quota met, visits; searchable, paginated. */
export function membersPage(l: Loaded, query: URLSearchParams, lang: Lang): string {
  const w = CW[lang];
  const data = l.plan?.data;
  const rows = [...(data?.members ?? l.problem.members.map((m) => memberStub(m, l.problem)))].sort(
    (a, b) => naturalCompare(a.unit, b.unit) || naturalCompare(a.name, b.name),
  );
  const p = pageOf(rows, query, (m) => `${m.name} ${m.id} ${m.unit}`);
  const body = p.rows
    .map(
      (m) =>
        `<tr><td><a href="/members/${encodeURIComponent(m.id)}">${h(m.name)}</a></td><td>${h(m.id)}</td>` +
        `<td>${h(roleLabel(l.problem, m.role, lang))}</td><td>${h(m.unit)}</td>` +
        (data
          ? `<td class="${m.meetsQuota ? 'ok' : 'bad'}">${m.meetsQuota ? `✔ ${w.met}` : `✖ ${w.notMet}`}</td>`
          : '') +
        `<td class="n">${m.total}</td></tr>`,
    )
    .join('');
  return (
    searchForm('/members', query, lang) +
    `<table><caption>${w.nav.members}</caption><thead><tr><th scope="col">${w.name}</th><th scope="col">${w.id}</th>` +
    `<th scope="col">${w.role}</th><th scope="col">${w.unit}</th>${data ? `<th scope="col">${w.quota}</th>` : ''}` +
    `<th scope="col">${w.visits}</th></tr></thead><tbody>${body || `<tr><td colspan="6">${w.none}</td></tr>`}` +
    `</tbody></table>${pager('/members', query, p, lang)}`
  );
}

type MemberRow = ReportData['members'][number];
function memberStub(m: Problem['members'][number], problem: Problem): MemberRow {
  return {
    id: m.id,
    name: m.name,
    role: m.role,
    unit: problem.units.find((u) => u.id === m.unit)?.name ?? m.unit,
    quotas: [],
    byMonth: MONTHS.map(() => 0),
    total: 0,
    meetsQuota: false,
  };
}

/** One member's year: each month's visits (date, cell), and the quota per period. */
export function memberPage(l: Loaded, id: string, lang: Lang): { title: string; body: string } | undefined {
  const w = CW[lang];
  const m = l.problem.members.find((x) => x.id === id);
  if (!m) return undefined;
  const row = l.plan?.data.members.find((x) => x.id === id);
  const visits = (l.plan?.data.assignments ?? []).filter((a) => a.memberId === id);
  const months = MONTHS.map((mo) => {
    const list = visits.filter((a) => a.month === mo);
    return `<tr><th scope="row">${MONTH_SHORT[lang][mo - 1]}</th><td>${list
      .map(
        (a) =>
          `${dateText(a.date, lang)} ${a.start}: <a href="/cells/${encodeURIComponent(a.cellId)}#d${a.date}">` +
          `${h(a.cell)}</a>`,
      )
      .join('<br>')}</td></tr>`;
  }).join('');
  const periods = (row?.quotas ?? [])
    .flatMap((q) => q.periods)
    .map(
      (p) =>
        `<tr><th scope="row">${h(periodWords(p.period, lang))}</th><td class="n">${p.count}/${p.min}` +
        `${p.max !== undefined ? `–${p.max}` : ''}</td><td class="${p.met ? 'ok' : 'bad'}">` +
        `${p.met ? `✔ ${w.met}` : `✖ ${w.notMet}`}</td></tr>`,
    )
    .join('');
  const unit = l.problem.units.find((u) => u.id === m.unit)?.name ?? m.unit;
  return {
    title: w.memberYear(m.name),
    body:
      `<p>${h(roleLabel(l.problem, m.role, lang))} · ${h(unit)} · ${h(m.id)}</p>` +
      `<table><caption>${w.periods}</caption><thead><tr><th scope="col">${w.month}</th><th scope="col">${w.visits}` +
      `</th><th scope="col">${w.quota}</th></tr></thead><tbody>` +
      (periods || `<tr><td colspan="3">${w.noPlan}</td></tr>`) +
      `</tbody></table><table><caption>${w.visits}</caption><tbody>${months}</tbody></table>`,
  };
}

/** Cells: name, unit, tags, visits; searchable, by unit, paginated. */
export function cellsPage(l: Loaded, query: URLSearchParams, lang: Lang): string {
  const w = CW[lang];
  const unitName = new Map(l.problem.units.map((u) => [u.id as string, u.name]));
  const visits = new Map<string, number>();
  for (const a of l.plan?.data.assignments ?? []) visits.set(a.cellId, (visits.get(a.cellId) ?? 0) + 1);
  const unit = query.get('unit') ?? '';
  const cells = l.problem.cells
    .filter((c) => unit === '' || c.unit === unit)
    .sort(
      (a, b) =>
        naturalCompare(unitName.get(a.unit) ?? '', unitName.get(b.unit) ?? '') ||
        naturalCompare(bare(a.name), bare(b.name)),
    );
  const p = pageOf(cells, query, (c) => `${c.name} ${c.id}`);
  const options = [`<option value="">${w.all}</option>`]
    .concat(
      l.problem.units
        .filter((u) => l.problem.cells.some((c) => c.unit === u.id))
        .map((u) => `<option value="${h(u.id)}"${u.id === unit ? ' selected' : ''}>${h(u.name)}</option>`),
    )
    .join('');
  const body = p.rows
    .map(
      (c) =>
        `<tr><td><a href="/cells/${encodeURIComponent(c.id)}">${h(c.name)}</a></td><td>${h(c.id)}</td>` +
        `<td>${h(unitName.get(c.unit) ?? c.unit)}</td><td>${h(c.tags.map((t) => tagLabel(t, lang)).join(', '))}</td>` +
        `<td class="n${(visits.get(c.id) ?? 0) === 0 && l.plan ? ' bad' : ''}">${visits.get(c.id) ?? 0}</td></tr>`,
    )
    .join('');
  return (
    searchForm(
      '/cells',
      query,
      lang,
      ` <label for="unit">${w.unitFilter}</label> <select id="unit" name="unit">${options}</select>`,
    ) +
    `<table><caption>${w.nav.cells}</caption><thead><tr><th scope="col">${w.cell}</th><th scope="col">${w.id}</th>` +
    `<th scope="col">${w.unit}</th><th scope="col">${w.tags}</th><th scope="col">${w.visits}</th></tr></thead><tbody>` +
    `${body || `<tr><td colspan="5">${w.none}</td></tr>`}</tbody></table>${pager('/cells', query, p, lang)}`
  );
}

/** One cell: its meetings (date, time, moved and why) and who attends each. */
export function cellPage(l: Loaded, id: string, lang: Lang): { title: string; body: string } | undefined {
  const edit = l.plan !== undefined;
  const w = CW[lang];
  const c = l.problem.cells.find((x) => x.id === id);
  if (!c) return undefined;
  const who = new Map<string, { id: string; name: string }[]>();
  for (const a of (l.plan?.data.assignments ?? []).filter((x) => x.cellId === id))
    who.set(a.date, [...(who.get(a.date) ?? []), { id: a.memberId, name: a.member }]);
  const rows = l.calendar
    .filter((r) => r.cell === id)
    .map((r) => {
      const list = who.get(r.date) ?? [];
      return (
        `<tr id="d${r.date}"><th scope="row">${MONTH_SHORT[lang][r.month - 1]}</th><td>${dateText(r.date, lang)}</td>` +
        `<td>${h(weekdayName(r.date, lang))}</td><td>${r.start}–${r.end}</td><td>${h(r.note)}</td><td>${
          list.length > 0
            ? list
                .map(
                  (m) =>
                    `<a href="/members/${encodeURIComponent(m.id)}">${h(m.name)}</a>` +
                    (l.pins.some((p) => p.member === m.id && p.cell === id && p.date === r.date)
                      ? ` <span class="pin">📌 ${w.pinned}</span>`
                      : ''),
                )
                .join(', ')
            : h(w.nobody)
        }</td>${edit ? `<td>${changeButtons(id, r.date, list, lang)}</td>` : ''}</tr>`
      );
    })
    .join('');
  const unit = l.problem.units.find((u) => u.id === c.unit);
  return {
    title: w.cellYear(c.name),
    body:
      `<p><a href="/units/${encodeURIComponent(c.unit)}">${h(unit?.name ?? c.unit)}</a>` +
      `${c.tags.length > 0 ? ` · ${h(c.tags.map((t) => tagLabel(t, lang)).join(', '))}` : ''} · ${h(c.id)}</p>` +
      `<table class="meetings"><caption>${w.cellYear(h(c.name))}</caption><thead><tr><th scope="col">${w.month}</th>` +
      `<th scope="col">${w.date}</th><th scope="col">${w.weekday}</th><th scope="col">${w.time}</th>` +
      `<th scope="col">${w.note}</th><th scope="col">${w.who}</th>` +
      `${edit ? `<th scope="col">${w.change}</th>` : ''}</tr></thead><tbody>${rows}</tbody></table>`,
  };
}

/** Coverage by month as a table: rows (units or cells) × months, a cell's share visited each month. */
function heatTable(
  rows: readonly { label: string; href: string; star: boolean; months: readonly [number, number][] }[],
  head: string,
  lang: Lang,
): string {
  const w = CW[lang];
  const body = rows
    .map(
      (r) =>
        `<tr><th scope="row"><a href="${r.href}">${h(r.label)}</a>` +
        `${r.star ? ' <span class="star" title="★">★</span>' : ''}</th>` +
        r.months
          .map(
            ([n, of]) =>
              `<td class="hm c${of === 0 ? 0 : n === 0 ? 0 : n >= of ? 3 : n * 2 >= of ? 2 : 1}">${n}/${of}</td>`,
          )
          .join('') +
        '</tr>',
    )
    .join('');
  return (
    `<p class="muted">${h(w.heatHelp)}</p><div class="scroll"><table class="heat"><caption>${w.heat}</caption>` +
    `<thead><tr><th scope="col">${head}</th>${MONTH_SHORT[lang].map((m) => `<th scope="col">${m}</th>`).join('')}` +
    `</tr></thead><tbody>${body}</tbody></table></div>`
  );
}

/** Units × months: how many of each unit's cells are visited each month; priority units (with a priority cell) ★. */
export function unitsPage(l: Loaded, lang: Lang): string {
  const w = CW[lang];
  const units = l.plan?.data.units ?? [];
  if (!l.plan) return `<p>${w.noPlan}</p>`;
  return heatTable(
    units.map((u) => ({
      label: u.name,
      href: `/units/${encodeURIComponent(u.id)}`,
      star: u.cells.some((c) => c.priority > 1),
      months: MONTHS.map(
        (mo) => [u.cells.filter((c) => c.months[mo - 1]!.count > 0).length, u.cells.length] as [number, number],
      ),
    })),
    w.unit,
    lang,
  );
}

/** One unit: its cells × months. */
export function unitPage(l: Loaded, id: string, lang: Lang): { title: string; body: string } | undefined {
  const w = CW[lang];
  const u = l.plan?.data.units.find((x) => x.id === id);
  const unit = l.problem.units.find((x) => x.id === id);
  if (!unit) return undefined;
  if (!u) return { title: w.unitPage(unit.name), body: `<p>${w.noPlan}</p>` };
  return {
    title: w.unitPage(unit.name),
    body: heatTable(
      u.cells.map((c) => ({
        label: c.name,
        href: `/cells/${encodeURIComponent(c.id)}`,
        star: c.priority > 1,
        months: MONTHS.map((mo) => [c.months[mo - 1]!.count, 1] as [number, number]),
      })),
      w.cell,
      lang,
    ),
  };
}

/** The meeting calendar before planning: each cell's dates, holidays moved and why; paginated by cell. */
export function calendarPage(l: Loaded, query: URLSearchParams, lang: Lang): string {
  const w = CW[lang];
  const byCell = new Map<string, typeof l.calendar>();
  for (const r of l.calendar) byCell.set(r.cell, [...(byCell.get(r.cell) ?? []), r]);
  const cells = [...byCell.entries()];
  const p = pageOf(cells, query, ([id, rows]) => `${id} ${rows[0]?.cellName ?? ''}`);
  const body = p.rows
    .map(
      ([id, rows]) =>
        `<tr><th scope="row"><a href="/cells/${encodeURIComponent(id)}">${h(rows[0]!.cellName)}</a></th>` +
        MONTHS.map((mo) => {
          const r = rows.find((x) => x.month === mo);
          return r
            ? `<td${r.note ? ' class="moved"' : ''}>${dateText(r.date, lang).slice(0, 5)}` +
                `${r.note ? ` <span class="why">${h(r.note)}</span>` : ''}</td>`
            : '<td></td>';
        }).join('') +
        '</tr>',
    )
    .join('');
  return (
    searchForm('/calendar', query, lang) +
    `<div class="scroll"><table class="calendar"><caption>${w.calendarTitle}</caption><thead><tr><th scope="col">` +
    `${w.cell}</th>${MONTH_SHORT[lang].map((m) => `<th scope="col">${m}</th>`).join('')}</tr></thead><tbody>${body}` +
    `</tbody></table></div>${pager('/calendar', query, p, lang)}`
  );
}

/** The buttons of a meeting: change each visitor, or add one (a GET form: it only opens the list of candidates). */
function changeButtons(
  cell: string,
  date: string,
  visitors: readonly { id: string; name: string }[],
  lang: Lang,
): string {
  const w = CW[lang];
  const form = (instead: string | undefined, label: string) =>
    `<form method="get" action="/cells/${encodeURIComponent(cell)}/change" class="inline">` +
    `<input type="hidden" name="date" value="${date}">` +
    (instead !== undefined ? `<input type="hidden" name="instead" value="${h(instead)}">` : '') +
    `<button type="submit" aria-label="${h(`${label}: ${date}${instead ? `, ${instead}` : ''}`)}">` +
    `${h(label)}</button></form>`;
  return visitors.length > 0 ? visitors.map((v) => form(v.id, w.change)).join(' ') : form(undefined, w.addVisitor);
}
