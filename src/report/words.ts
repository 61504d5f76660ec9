// The report's words, Vietnamese and English (documents are Vietnamese by default).
import type { Lang } from '../format/labels.js';

export const MONTH_SHORT: Record<Lang, readonly string[]> = {
  vi: ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** A period label (`2027`, `2027-H1`, `2027-Q3`, `2027-05`) in words. */
export function periodWords(label: string, lang: Lang): string {
  const [y, p] = label.split('-') as [string, string | undefined];
  if (p === undefined) return lang === 'vi' ? `năm ${y}` : y;
  if (p.startsWith('H')) return lang === 'vi' ? `6 tháng ${p === 'H1' ? 'đầu' : 'cuối'} năm ${y}` : `${p} ${y}`;
  if (p.startsWith('Q')) return lang === 'vi' ? `quý ${['I', 'II', 'III', 'IV'][Number(p[1]) - 1]}/${y}` : `${p} ${y}`;
  return lang === 'vi' ? `tháng ${Number(p)}/${y}` : `${MONTH_SHORT.en[Number(p) - 1]} ${y}`;
}

export { PERIOD_NOUN } from '../i18n/words.js';

export const W = {
  vi: {
    title: (y: number) => `Kế hoạch cấp ủy viên dự sinh hoạt chi bộ năm ${y}`,
    formsTitle: (y: number) => `Mẫu báo cáo kết quả dự sinh hoạt chi bộ năm ${y}`,
    policy: 'Căn cứ',
    made: 'Lập ngày',
    contents: 'Nội dung',
    summary: 'Tóm tắt',
    stopped: (by: 'time-limit' | 'user', gap: string | undefined) =>
      `Kế hoạch dừng tìm kiếm ${by === 'user' ? 'theo yêu cầu của người dùng' : 'do hết thời gian cho phép'}` +
      `: mọi quy định được kiểm tra như thường, nhưng chưa chứng minh được là tốt nhất (${
        gap === undefined ? 'chưa có cận dưới' : `cách cận dưới ${gap}`
      }).`,
    members: 'Cấp ủy viên',
    cells: 'Chi bộ',
    visits: 'Lượt dự sinh hoạt',
    priorityCells: 'Chi bộ ưu tiên',
    unvisited: 'Chi bộ chưa có người dự',
    perMonth: 'Số lượt dự theo tháng',
    rules: 'Các quy định',
    ruleHolds: 'đạt',
    ruleBroken: (n: number) => `${n} vi phạm`,
    allHold: 'Kế hoạch đáp ứng mọi quy định.',
    someBroken: (n: number) => `Kế hoạch có ${n} vi phạm:`,
    more: (n: number) => `… và ${n} vi phạm khác (xem lichdu check)`,
    quality: 'Chất lượng kế hoạch',
    qPriority: (c: string, v: string) => `Chi bộ ưu tiên chiếm ${c} số chi bộ và nhận ${v} số lượt dự`,
    qFirst: (p: string, o: string) => `Tháng dự đầu tiên (trung bình): chi bộ ưu tiên ${p}, chi bộ khác ${o}`,
    qPerQuarter: 'Số lượt theo quý',
    qSpread: (a: number, b: number) => `${a}/${b} cấp ủy viên có số lượt đều giữa các quý`,
    qFair: (r: string) => `Số lượt vượt định mức mỗi người: ${r}`,
    qPair: (n: number) => `Nhiều nhất một người dự một chi bộ: ${n} lần`,
    heat: 'Bản đồ dự sinh hoạt theo đảng bộ',
    heatIntro:
      'Mỗi hàng là một chi bộ, mỗi cột một tháng; màu càng đậm càng nhiều lượt dự. ★ là chi bộ ưu tiên (vùng sâu, ' +
      'vùng xa, đồng bào dân tộc thiểu số, đồng bào theo đạo, địa bàn phức tạp). Rê chuột (hoặc chạm) vào ô để ' +
      'xem ai dự.',
    cell: 'Chi bộ',
    unit: 'Đảng bộ',
    total: 'Cộng',
    nobody: 'chưa có ai dự',
    byMember: 'Theo cấp ủy viên',
    assignments: 'Danh sách phân công',
    assignmentsIntro:
      'Từng buổi dự sinh hoạt theo ngày, để in và gửi các đồng chí cấp ủy viên, các chi bộ (mỗi tháng một trang).',
    assignCaption: (month: number, year: number) => `Danh sách phân công dự sinh hoạt chi bộ tháng ${month}/${year}`,
    date: 'Ngày',
    weekday: 'Thứ',
    time: 'Giờ',
    result: 'Kết quả',
    month: 'Tháng',
    note: 'Ghi chú',
    assignCaption0: (name: string, year: number) => `Các buổi dự sinh hoạt chi bộ năm ${year} của đồng chí ${name}`,
    memberYear: (name: string, year: number) => `Lịch dự sinh hoạt chi bộ năm ${year} của đồng chí ${name}`,
    cellYear: (name: string, year: number) => `Lịch sinh hoạt và người dự năm ${year}: ${name}`,
    attending: 'Cấp ủy viên dự',
    noVisit: 'không có người dự',
    stale: (when: string, cmd: string) =>
      `Kế hoạch đã thay đổi sau khi lập báo cáo này (${when}): báo cáo không còn đúng. Lập lại báo cáo: ${cmd}`,
    name: 'Họ và tên',
    role: 'Cấp / chức danh',
    quota: 'Định mức',
    quotaMet: 'đạt',
    quotaShort: 'chưa đạt',
    periodsMet: (a: number, b: number, noun: string) => `${a}/${b} ${noun} đạt`,
    byCell: 'Theo chi bộ',
    tags: 'Đặc điểm địa bàn',
    visitors: 'Người dự',
    calendar: 'Lịch sinh hoạt các chi bộ',
    calendarIntro:
      'Ngày sinh hoạt của từng chi bộ trong năm. Ô có dấu * là ngày đã dời (ngày lễ, Tết, cuối tuần hoặc theo ' +
      'kế hoạch); rê chuột để xem lý do.',
    periodic: 'Báo cáo định kỳ theo quy định',
    periodicNone: 'Quy định áp dụng không đặt báo cáo định kỳ.',
    periodicIntro: (file: string) => `Mẫu báo cáo đã điền sẵn cho từng người: ${file}.`,
    report: 'Báo cáo',
    who: 'Người / đơn vị báo cáo',
    period: 'Kỳ',
    due: 'Hạn nộp',
    noDue: 'văn bản không quy định',
    article: 'Căn cứ',
    fields: 'Các mục',
    reporter: 'NGƯỜI BÁO CÁO',
    sign: '(Ký, ghi rõ họ và tên)',
    fullName: 'Họ và tên',
    position: 'Chức vụ',
    workUnit: 'Bộ phận công tác',
    unitReport: 'Đơn vị',
    visitLine: (date: string, wd: string, time: string, cell: string, unit: string) =>
      `${wd}, ${date}, ${time}: ${cell} (${unit})`,
    noVisits: 'Không có lượt dự nào trong kỳ theo kế hoạch.',
    dueOn: (d: string) => `Hạn nộp: ${d}`,
    progress: (d: string) => `Tiến độ đến ngày ${d}`,
    progressCounts: (done: number, extra: number, missed: number, unrec: number, ahead: number, as: string) =>
      `${done} lượt đã dự (${extra} ngoài kế hoạch), ${missed} lượt vắng hoặc người khác dự thay, ${unrec} lượt đã ` +
      `qua chưa ghi nhận (${
        as === 'pending' ? 'chưa tính là đã dự hay vắng' : as === 'done' ? 'tính là đã dự' : 'tính là vắng'
      }), ${ahead} lượt dự kiến sau ngày này.`,
    planVerdict: (ok: boolean) =>
      ok
        ? 'Kế hoạch đáp ứng mọi quy định (mục Các quy định); dưới đây là tiến độ thực hiện đến ngày này.'
        : 'Kế hoạch có vi phạm quy định (mục Các quy định); dưới đây là tiến độ thực hiện đến ngày này.',
    unrecordedList: (n: number) => `${n} lượt đã qua chưa ghi nhận kết quả (hãy ghi vào tệp điểm danh):`,
    quotaPlan: 'Định mức (theo kế hoạch)',
    noneBehind: 'Mọi cấp ủy viên đều đạt tiến độ.',
    behind: (n: number) => `${n} cấp ủy viên chậm tiến độ (số lượt đã dự / số lượt cần có đến ngày này):`,
    missedLegend:
      'Trong bản đồ: ô viền đỏ có lượt vắng (✕: chỉ có lượt vắng); số trong ô là lượt đã dự và lượt dự kiến; ' +
      'rê chuột ' +
      'để xem từng lượt (đã dự, vắng, dự kiến, chưa ghi nhận).',
    status: { behind: 'chậm', unrecorded: 'chưa ghi nhận đủ', 'on-track': 'đúng tiến độ', done: 'đã đạt' },
  },
  en: {
    title: (y: number) => `Plan of committee members attending cell meetings, ${y}`,
    formsTitle: (y: number) => `Report forms for cell meetings attended, ${y}`,
    policy: 'Under',
    made: 'Made on',
    contents: 'Contents',
    summary: 'Summary',
    stopped: (by: 'time-limit' | 'user', gap: string | undefined) =>
      `The plan's search was stopped ${by === 'user' ? 'by the user' : 'by the time limit'}: every rule is ` +
      `checked as usual, but the plan is not proven the best (${gap === undefined ? 'no bound yet' : `gap ${gap}`}).`,
    members: 'Members',
    cells: 'Cells',
    visits: 'Visits',
    priorityCells: 'Priority cells',
    unvisited: 'Cells without a visitor',
    perMonth: 'Visits per month',
    rules: 'The rules',
    ruleHolds: 'holds',
    ruleBroken: (n: number) => `${n} violation${n === 1 ? '' : 's'}`,
    allHold: 'The plan meets every rule.',
    someBroken: (n: number) => `The plan has ${n} violation${n === 1 ? '' : 's'}:`,
    more: (n: number) => `… and ${n} more (see lichdu check)`,
    quality: 'Quality of the plan',
    qPriority: (c: string, v: string) => `Priority cells are ${c} of the cells and receive ${v} of the visits`,
    qFirst: (p: string, o: string) => `Month of the first visit (mean): priority cells ${p}, other cells ${o}`,
    qPerQuarter: 'Visits per quarter',
    qSpread: (a: number, b: number) => `${a} of ${b} members have their visits evenly over the quarters`,
    qFair: (r: string) => `Visits beyond the quota per member: ${r}`,
    qPair: (n: number) => `Most visits by one member to one cell: ${n}`,
    heat: 'Visits by unit',
    heatIntro:
      'One row per cell, one column per month; the darker, the more visits. ★ marks a priority cell (remote, ' +
      'ethnic-minority, religious or complex area). Hover (or tap) a square to see who visits.',
    cell: 'Cell',
    unit: 'Unit',
    total: 'Total',
    nobody: 'nobody visits',
    byMember: 'By member',
    assignments: 'Assignment list',
    assignmentsIntro: 'Every visit by date, to print and send to the members and the cells (a page per month).',
    assignCaption: (month: number, year: number) => `Assignments, ${MONTH_SHORT.en[month - 1]} ${year}`,
    date: 'Date',
    weekday: 'Weekday',
    time: 'Time',
    result: 'Result',
    month: 'Month',
    note: 'Note',
    assignCaption0: (name: string, year: number) => `Visits of ${name} in ${year}`,
    memberYear: (name: string, year: number) => `Cell meetings to attend in ${year}: ${name}`,
    cellYear: (name: string, year: number) => `Meetings and visitors in ${year}: ${name}`,
    attending: 'Member attending',
    noVisit: 'no visitor',
    stale: (when: string, cmd: string) =>
      `The plan changed after this report was made (${when}): the report is out of date. Make it again: ${cmd}`,
    name: 'Name',
    role: 'Level / role',
    quota: 'Quota',
    quotaMet: 'met',
    quotaShort: 'short',
    periodsMet: (a: number, b: number, noun: string) => `${a} of ${b} ${noun}s met`,
    byCell: 'By cell',
    tags: 'Area characteristics',
    visitors: 'Visitors',
    calendar: 'Meeting calendar of the cells',
    calendarIntro:
      "Each cell's meeting dates for the year. A date marked * was moved (holiday, Tết, weekend or as the spec " +
      'gives); hover to see why.',
    periodic: 'Periodic reports the regulation requires',
    periodicNone: 'The policy in force sets no periodic report.',
    periodicIntro: (file: string) => `Forms pre-filled for each person: ${file}.`,
    report: 'Report',
    who: 'Reported by',
    period: 'Period',
    due: 'Due',
    noDue: 'not set by the document',
    article: 'Source',
    fields: 'Fields',
    reporter: 'REPORTED BY',
    sign: '(Signature and full name)',
    fullName: 'Full name',
    position: 'Position',
    workUnit: 'Unit',
    unitReport: 'Unit',
    visitLine: (date: string, wd: string, time: string, cell: string, unit: string) =>
      `${wd} ${date}, ${time}: ${cell} (${unit})`,
    noVisits: 'No visit planned in this period.',
    dueOn: (d: string) => `Due: ${d}`,
    progress: (d: string) => `Progress as of ${d}`,
    progressCounts: (done: number, extra: number, missed: number, unrec: number, ahead: number, as: string) =>
      `${done} visits done (${extra} outside the plan), ${missed} missed or made by someone else, ${unrec} past ` +
      `visits not recorded (${
        as === 'pending' ? 'counted neither as done nor as missed' : `counted as ${as}`
      }), ${ahead} planned after this date.`,
    planVerdict: (ok: boolean) =>
      ok
        ? 'The plan meets every rule (see The rules); below is the progress as of this date.'
        : 'The plan breaks some rules (see The rules); below is the progress as of this date.',
    unrecordedList: (n: number) => `${n} past visit${n === 1 ? ' is' : 's are'} not recorded (record them):`,
    quotaPlan: 'Quota (the plan)',
    noneBehind: 'Every member is on track.',
    behind: (n: number) => `${n} member${n === 1 ? ' is' : 's are'} behind (visits done / needed by this date):`,
    missedLegend:
      'In the heat maps: a red border marks a missed visit (✕: only missed ones); the number counts visits done and ' +
      'planned; hover for each visit (done, missed, planned, not recorded).',
    status: { behind: 'behind', unrecorded: 'not all recorded', 'on-track': 'on track', done: 'done' },
  },
} as const;
