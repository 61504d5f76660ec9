// The message catalogue: every problem lichdu reports is a code with parameters (src/util/issues.ts), rendered here
// in the user's language at the edge (the terminal, --json, the console). Vietnamese in the regulations' words (cấp ủy
// viên, chi bộ, đảng bộ, kỳ sinh hoạt, dự sinh hoạt, định mức: docs/glossary.md); English beside it. Each entry names
// its parameters, so that a test can render every code with generated values in both languages.
import type { PeriodKind } from '../domain/types.js';
import type { Lang } from './lang.js';
import { PERIOD_NOUN } from './words.js';
import { meetingDayText, parseMeetingDay } from '../domain/meetingDay.js';

export type Params = Readonly<Record<string, string | number>>;

interface Entry {
  /** The parameters the texts use; any may be '' where the entry says so (e.g. `near`: no suggestion). */
  readonly params: readonly string[];
  readonly vi: (p: Params) => string;
  readonly en: (p: Params) => string;
}

const e = (params: readonly string[], vi: Entry['vi'], en: Entry['en']): Entry => ({ params, vi, en });

/** A meeting day for people: `ngày 3` / `day 3`, `cuối tháng`, `thứ Bảy tuần đầu tháng` / `first saturday`. */
function dayWords(value: string | number | undefined, lang: Lang): string {
  const d = parseMeetingDay(String(value));
  if (d === undefined) return String(value);
  if (typeof d === 'number') return lang === 'vi' ? `ngày ${d}` : `day ${d}`;
  return meetingDayText(d, lang);
}

/** " (12 dòng)" after a note that stands for several rows. */
const countVi = (p: Params) => (p.count && Number(p.count) > 1 ? ` (${p.count} dòng)` : '');
const countEn = (p: Params) => (p.count && Number(p.count) > 1 ? ` (${p.count} rows)` : '');

/** "; có phải là "x"?" after a name not found, when a near one exists. */
const nearVi = (p: Params) => (p.near ? ` (có phải là "${p.near}"${p.nearName ? `, ${p.nearName}` : ''}?)` : '');
const nearEn = (p: Params) => (p.near ? ` (did you mean "${p.near}"${p.nearName ? `, ${p.nearName}` : ''}?)` : '');

export const MESSAGES = {
  // ── Files ──
  'file.missing': e(
    ['what'],
    (p) => `không đọc được ${fileVi(p.what)}: không có tệp này`,
    (p) => `cannot read ${fileEn(p.what)}: no such file`,
  ),
  'file.is-folder': e(
    ['what'],
    (p) => `không đọc được ${fileVi(p.what)}: đây là thư mục, không phải tệp`,
    (p) => `cannot read ${fileEn(p.what)}: is a directory, not a file`,
  ),
  'file.not-regular': e(
    ['what'],
    (p) => `không đọc được ${fileVi(p.what)}: không phải tệp thường (ống, thiết bị hay socket)`,
    (p) => `cannot read ${fileEn(p.what)}: not a regular file (a pipe, device or socket)`,
  ),
  'file.too-large': e(
    ['what', 'mb'],
    (p) => `không đọc được ${fileVi(p.what)}: ${p.mb} MB, lớn hơn mức lichdu đọc (256 MB)`,
    (p) => `cannot read ${fileEn(p.what)}: ${p.mb} MB is more than lichdu reads (256 MB)`,
  ),
  'file.unreadable': e(
    ['what', 'reason'],
    (p) => `không đọc được ${fileVi(p.what)}: lỗi hệ thống ${p.reason}`,
    (p) => `cannot read ${fileEn(p.what)}: ${p.reason}`,
  ),
  'file.not-utf8': e(
    ['line', 'byte'],
    (p) =>
      `dòng ${p.line}: không phải văn bản UTF-8 (byte 0x${p.byte}; có lẽ được lưu theo Windows-1258 hoặc 1252): ` +
      `hãy lưu lại dạng UTF-8 (Excel: "CSV UTF-8"; LibreOffice: bộ ký tự "Unicode (UTF-8)"; Notepad: mã hóa UTF-8)`,
    (p) =>
      `line ${p.line}: not UTF-8 text (byte 0x${p.byte}; probably saved as Windows-1258 or 1252): save it as UTF-8 ` +
      `(Excel: "CSV UTF-8"; LibreOffice: character set "Unicode (UTF-8)"; Notepad: encoding UTF-8)`,
  ),
  'file.too-deep': e(
    ['depth'],
    (p) => `lồng sâu hơn ${p.depth} cấp: không phải tệp của lichdu (hoặc tệp bị hỏng)`,
    (p) => `nested more than ${p.depth} levels deep: not a lichdu file (or a damaged one)`,
  ),
  'json.syntax': e(
    ['what', 'detail'],
    (p) => `không phải JSON hợp lệ${p.what === 'damaged' ? ' (tệp ghi dở hoặc bị hỏng?)' : ''}: ${p.detail}`,
    (p) => `not valid JSON${p.what === 'damaged' ? ' (a half-written or damaged file?)' : ''}: ${p.detail}`,
  ),
  'json.duplicate-key': e(
    ['line', 'column', 'key'],
    (p) =>
      `dòng ${p.line}, cột ${p.column}: khóa "${p.key}" xuất hiện hai lần trong một đối tượng: giữ lại một ` +
      `(các trình đọc JSON lặng lẽ lấy cái sau)`,
    (p) =>
      `line ${p.line}, column ${p.column}: the key "${p.key}" is given twice in one object: keep one (JSON readers ` +
      `silently take the last)`,
  ),
  'yaml.syntax': e(
    ['line', 'column', 'detail'],
    (p) => `dòng ${p.line}, cột ${p.column}: ${p.detail} (không phải YAML hợp lệ)`,
    (p) => `line ${p.line}, column ${p.column}: ${p.detail} (not valid YAML)`,
  ),
  'yaml.duplicate-key': e(
    ['line', 'column', 'key'],
    (p) => `dòng ${p.line}, cột ${p.column}: khóa ${p.key} xuất hiện hai lần trong một ánh xạ: giữ lại một`,
    (p) => `line ${p.line}, column ${p.column}: the key ${p.key} is given twice in one mapping: keep one`,
  ),
  'yaml.too-many-aliases': e(
    ['detail'],
    (p) => `${p.detail}: hãy dùng ít tham chiếu (*alias) hơn`,
    (p) => `${p.detail}: use fewer anchors (*alias)`,
  ),

  // ── Values (the schemas) ──
  'value.required': e(
    [],
    () => 'bắt buộc phải có',
    () => 'is required',
  ),
  'value.wrong-type': e(
    ['expected', 'value'],
    (p) => `cần ${typeVi(String(p.expected))}, nhưng nhận được ${p.value}`,
    (p) => `expected ${typeEn(String(p.expected))}, got ${p.value}`,
  ),
  'value.too-few': e(
    ['min'],
    (p) => `cần liệt kê ít nhất ${p.min}`,
    (p) => `must list at least ${p.min}`,
  ),
  'value.invalid': e(
    ['value', 'detail'],
    (p) => `${p.value}: giá trị không hợp lệ (${p.detail})`,
    (p) => `${p.value}: ${p.detail}`,
  ),
  'value.unknown-key': e(
    ['key', 'near', 'allowed'],
    (p) =>
      `khóa không xác định "${p.key}"${nearVi(p)}${!p.near && p.allowed ? `; các khóa được dùng: ${p.allowed}` : ''}`,
    (p) => `unknown key "${p.key}"${nearEn(p)}${!p.near && p.allowed ? `; allowed: ${p.allowed}` : ''}`,
  ),
  'value.not-id': e(
    ['value'],
    (p) => `${p.value} không phải mã hợp lệ: dùng chữ cái, chữ số, ".", "_" hoặc "-" (không dấu, không khoảng trắng)`,
    (p) => `${p.value} is not a valid id: use letters, digits, ".", "_" or "-" (no spaces or accents)`,
  ),
  'value.id-too-long': e(
    ['value', 'max'],
    (p) => `${p.value} quá dài cho một mã: tối đa ${p.max} ký tự`,
    (p) => `${p.value} is too long for an id: at most ${p.max} characters`,
  ),
  'value.empty': e(
    [],
    () => 'không được để trống',
    () => 'must not be empty',
  ),
  'value.control-char': e(
    ['value'],
    (p) => `${p.value} chứa ký tự điều khiển (vô hình; thường do dán nhầm): hãy xóa nó`,
    (p) => `${p.value} contains a control character (invisible; often pasted by accident): remove it`,
  ),
  'value.not-time': e(
    ['value'],
    (p) => `${p.value} không phải giờ HH:MM (đồng hồ 24 giờ, ví dụ "19:30")`,
    (p) => `${p.value} is not HH:MM (24-hour clock, e.g. "19:30")`,
  ),
  'value.not-date': e(
    ['value'],
    (p) => `${p.value} không phải ngày YYYY-MM-DD`,
    (p) => `${p.value} is not a date YYYY-MM-DD`,
  ),
  'value.not-date-or-range': e(
    ['value'],
    (p) => `${p.value} không phải ngày YYYY-MM-DD hay khoảng YYYY-MM-DD..YYYY-MM-DD (ngày đầu trước ngày cuối)`,
    (p) => `${p.value} is not a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD (start before end)`,
  ),
  'value.not-active-range': e(
    ['value'],
    (p) =>
      `${p.value} không phải khoảng thời gian tham gia: "YYYY-MM-DD.." (từ một ngày), "..YYYY-MM-DD" (đến một ngày) ` +
      `hoặc "YYYY-MM-DD..YYYY-MM-DD" (ngày đầu trước ngày cuối)`,
    (p) =>
      `${p.value} is not an active range: "YYYY-MM-DD.." (from a date), "..YYYY-MM-DD" (until a date) or ` +
      `"YYYY-MM-DD..YYYY-MM-DD" (start before end)`,
  ),
  'value.not-whole': e(
    ['value', 'what'],
    (p) => `cần một số nguyên (${whatVi(String(p.what))}), nhưng nhận được ${p.value}`,
    (p) => `expected a whole number (${p.what}), got ${p.value}`,
  ),
  'value.negative': e(
    ['value'],
    (p) => `${p.value} là số âm`,
    (p) => `${p.value} is negative`,
  ),
  'value.below-one': e(
    ['value', 'what'],
    (p) => `${p.value} phải từ 1 trở lên (${whatVi(String(p.what))})`,
    (p) => `${p.value} must be at least 1 (${p.what})`,
  ),
  'value.not-period': e(
    ['value', 'choices'],
    (p) => `${p.value} không phải kỳ tính định mức: dùng một trong ${p.choices}`,
    (p) => `${p.value} is not a period: use one of ${p.choices}`,
  ),
  'value.max-below-min': e(
    [],
    () => 'max nhỏ hơn min: không thể cần nhiều lần dự hơn mức tối đa; hãy tăng max',
    () => 'max is below min: no more visits can be needed than are allowed; raise max',
  ),
  'value.not-quota': e(
    ['value'],
    (p) => `cần một định mức { min, per } hoặc danh sách định mức, nhưng nhận được ${p.value}`,
    (p) => `expected a quota { min, per } or a list of them, got ${p.value}`,
  ),
  'value.not-day': e(
    ['value'],
    (p) =>
      `${p.value} không phải ngày 1–28: dùng "last" cho ngày cuối tháng, một thứ trong tháng ("first saturday", ` +
      `"thứ Bảy tuần đầu tháng", "Chủ nhật cuối tháng"), hoặc ghi ngày cụ thể trong "meetings"`,
    (p) =>
      `${p.value} is not a day 1–28: use "last" for the end of the month, a weekday of the month ("first ` +
      `saturday", "last friday"), or explicit dates in "meetings"`,
  ),
  'value.not-minutes': e(
    ['value', 'min', 'max'],
    (p) => `${p.value} không phải số phút từ ${p.min} đến ${p.max}`,
    (p) => `${p.value} is not a number of minutes from ${p.min} to ${p.max}`,
  ),
  'value.not-choice': e(
    ['value', 'choices'],
    (p) => `${p.value} không hợp lệ: dùng một trong ${p.choices}`,
    (p) => `${p.value} is not valid: use one of ${p.choices}`,
  ),
  'value.not-tag': e(
    ['value'],
    (p) => `${p.value} không phải nhãn đặc điểm địa bàn: một từ (chữ cái, chữ số, "-", "_")`,
    (p) => `${p.value} is not a tag: one word (letters, digits, "-", "_")`,
  ),
  'value.not-day-of-month': e(
    ['value'],
    (p) => `${p.value} không phải ngày trong tháng 1–31`,
    (p) => `${p.value} is not a day of the month 1–31`,
  ),
  'value.not-month': e(
    ['value'],
    (p) => `${p.value} không phải tháng YYYY-MM`,
    (p) => `${p.value} is not a month YYYY-MM`,
  ),
  'value.not-boolean': e(
    ['value'],
    (p) => `cần true (có) hoặc false (không), nhưng nhận được ${p.value}`,
    (p) => `expected true or false, got ${p.value}`,
  ),
  'value.not-year': e(
    ['value'],
    (p) => `${p.value} không phải năm hợp lý (2000–2100)`,
    (p) => `${p.value} is not a plausible year (2000–2100)`,
  ),
  'value.not-number': e(
    ['value'],
    (p) => `cần một số, nhưng nhận được ${p.value}`,
    (p) => `expected a number, got ${p.value}`,
  ),
  'value.not-iso-time': e(
    ['value'],
    (p) => `${p.value} không phải thời điểm ISO-8601 (ví dụ 2027-01-01T00:00:00Z)`,
    (p) => `${p.value} is not an ISO-8601 date-time (e.g. 2027-01-01T00:00:00Z)`,
  ),
  'value.unknown-zone': e(
    ['value', 'example'],
    (p) => `múi giờ không xác định ${p.value}: dùng tên IANA như "${p.example}"`,
    (p) => `unknown time zone ${p.value}: use an IANA name such as "${p.example}"`,
  ),

  // ── The spec ──
  'spec.not-mapping': e(
    [],
    () => 'cần một ánh xạ gồm year, policy, units, cells và members',
    () => 'expected a mapping with year, policy, units, cells and members',
  ),
  'spec.no-list': e(
    ['key', 'value'],
    (p) => `cần danh sách ${listVi(String(p.key))}${p.value ? `, nhưng nhận được ${p.value}` : ''}`,
    (p) =>
      p.value
        ? `expected a list of ${listEn(String(p.key))}, got ${p.value}`
        : `is required: list the ${listEn(String(p.key))}`,
  ),
  'spec.empty-list': e(
    ['key'],
    (p) => `cần liệt kê ít nhất một ${oneVi(String(p.key))}`,
    (p) => `must list at least one ${oneEn(String(p.key))}`,
  ),
  'spec.outside-year': e(
    ['what', 'date', 'year'],
    (p) => `${dateWhatVi(String(p.what))} ${p.date} nằm ngoài năm kế hoạch ${p.year}`,
    (p) => `${p.what} ${p.date} is outside the plan's year ${p.year}`,
  ),
  'spec.month-outside-year': e(
    ['month', 'year'],
    (p) => `tháng ${p.month} nằm ngoài năm kế hoạch ${p.year}`,
    (p) => `month ${p.month} is outside the plan's year ${p.year}`,
  ),
  'spec.unknown-ref': e(
    ['kind', 'id', 'near'],
    (p) => `không có ${kindVi(String(p.kind))} "${p.id}"${nearVi(p)}`,
    (p) => `unknown ${p.kind} "${p.id}"${nearEn(p)}`,
  ),
  'spec.policy-required': e(
    [],
    () => 'bắt buộc phải có: mã một quy định có sẵn (lệnh lichdu policies liệt kê) hoặc một quy định đầy đủ',
    () => 'is required: a preset id (lichdu policies lists them) or a policy object',
  ),
  'spec.bad-holidays': e(
    ['value'],
    (p) =>
      `${p.value} không phải cách khai báo ngày nghỉ: dùng vn, none, danh sách ngày, hoặc { preset: vn, add: [...], ` +
      `remove: [...] }`,
    (p) =>
      `${p.value} is not a holiday setting: use vn, none, a list of dates, or { preset: vn, add: [...], ` +
      `remove: [...] }`,
  ),
  'spec.duplicate-id': e(
    ['id', 'key', 'first'],
    (p) => `mã "${p.id}" bị trùng (đã dùng ở ${p.key}[${p.first}])`,
    (p) => `duplicate id "${p.id}" (already used by ${p.key}[${p.first}])`,
  ),
  'spec.own-parent': e(
    ['id'],
    (p) => `đảng bộ "${p.id}" không thể là cấp trên của chính nó`,
    (p) => `unit "${p.id}" cannot be its own parent`,
  ),
  'spec.unit-cycle': e(
    ['cycle'],
    (p) => `cây đảng bộ có vòng lặp: ${p.cycle}; một trong số đó phải không có cấp trên hoặc có cấp trên khác`,
    (p) => `the unit tree has a cycle: ${p.cycle}; one of them must have no parent or another parent`,
  ),
  'spec.meetings-out-of-order': e(
    ['first', 'firstDate', 'firstSet', 'second', 'secondDate', 'secondSet'],
    (p) =>
      `kỳ sinh hoạt tháng ${p.first} (${p.firstDate}, ${setVi(p.firstSet)}) không diễn ra trước kỳ tháng ${p.second} ` +
      `(${p.secondDate}, ${setVi(p.secondSet)}): các kỳ sinh hoạt phải theo thứ tự tháng, vào các ngày khác ` +
      `nhau; hãy ` +
      `ghi ngày cụ thể cho một kỳ trong "meetings"`,
    (p) =>
      `the ${monthEn(p.first)} meeting (${p.firstDate}, ${setEn(p.firstSet)}) is not before the ${monthEn(p.second)} ` +
      `meeting (${p.secondDate}, ${setEn(p.secondSet)}): meetings must be in month order on different days; give ` +
      `one of them an explicit date in "meetings"`,
  ),
  'spec.unknown-role': e(
    ['role', 'near', 'policy', 'roles'],
    (p) => `không có chức vụ "${p.role}"${nearVi(p)}; quy định "${p.policy}" có: ${p.roles}`,
    (p) => `unknown role "${p.role}"${nearEn(p)}; the policy "${p.policy}" defines: ${p.roles}`,
  ),
  'spec.no-meeting-on': e(
    ['cell', 'date', 'month', 'near'],
    (p) =>
      `chi bộ "${p.cell}" không sinh hoạt vào ngày ${p.date}` +
      (p.near ? ` (kỳ sinh hoạt tháng ${p.month} là ngày ${p.near})` : ''),
    (p) =>
      `cell "${p.cell}" does not meet on ${p.date}` +
      (p.near ? ` (its ${monthEn(p.month)} meeting is on ${p.near})` : ''),
  ),

  // ── Policies ──
  'policy.unknown-preset': e(
    ['id', 'near', 'known'],
    (p) => `không có quy định có sẵn "${p.id}"${nearVi(p)}; có sẵn: ${p.known}`,
    (p) => `unknown policy preset "${p.id}"${nearEn(p)}; built-in: ${p.known}`,
  ),
  'policy.not-policy': e(
    ['known', 'value'],
    (p) => `cần mã một quy định có sẵn (${p.known}) hoặc một quy định đầy đủ, nhưng nhận được ${p.value}`,
    (p) => `expected a preset id (${p.known}) or a policy object, got ${p.value}`,
  ),
  'policy.no-roles': e(
    [],
    () => 'một quy định cần ít nhất một chức vụ (hoặc `extends: <mã>` để bắt đầu từ một quy định có sẵn)',
    () => 'a policy needs at least one role (or `extends: <preset>` to start from a preset)',
  ),
  'policy.unknown-role': e(
    ['role', 'near', 'known'],
    (p) => `không có chức vụ "${p.role}"${nearVi(p)}; các chức vụ của quy định: ${p.known}`,
    (p) => `unknown role "${p.role}"${nearEn(p)}; the policy's roles: ${p.known}`,
  ),
  'policy.empty-section': e(
    [],
    () => 'một mục của báo cáo cần ít nhất một nội dung',
    () => 'a section needs at least one field',
  ),
  'policy.empty-report': e(
    [],
    () => 'một báo cáo cần ít nhất một mục',
    () => 'a report needs at least one section',
  ),
  'policy.visit-report-day': e(
    [],
    () => 'báo cáo sau mỗi lần dự có hạn là một số ngày sau buổi sinh hoạt: ghi due_after_days thay cho due_day',
    () => 'a report after each visit is due some days after it: write due_after_days instead of due_day',
  ),
  'policy.period-report-days': e(
    ['each'],
    (p) => `báo cáo theo ${periodVi(String(p.each))} có hạn vào một ngày của tháng cuối kỳ: ghi due_day thay thế`,
    (p) => `a report per ${p.each} is due on a day of the period's last month: write due_day instead`,
  ),

  // ── Command-line options and where to write ──
  'option.dangling-link': e(
    ['option'],
    (p) => `${p.option}: liên kết trỏ tới chỗ không tồn tại: xóa nó hoặc chọn thư mục khác`,
    (p) => `${p.option}: a link to nothing: remove it or give another folder`,
  ),
  'option.file-not-folder': e(
    ['option'],
    (p) => `${p.option}: đây là tệp, không phải thư mục: hãy chọn một thư mục để ghi vào`,
    (p) => `${p.option}: this is a file, not a folder: give a folder to write into`,
  ),
  'option.folder-not-writable': e(
    ['option'],
    (p) => `${p.option}: không có quyền ghi vào thư mục này: hãy chọn thư mục khác`,
    (p) => `${p.option}: no permission to write in this folder: give another one`,
  ),
  'option.parent-is-file': e(
    ['option', 'base'],
    (p) => `${p.option}: ${p.base} là tệp nên không tạo được thư mục bên dưới: hãy chọn thư mục khác`,
    (p) => `${p.option}: ${p.base} is a file, so no folder can be made below it: give another folder`,
  ),
  'option.parent-not-writable': e(
    ['option', 'base'],
    (p) => `${p.option}: không có quyền tạo thư mục trong ${p.base}: hãy chọn chỗ khác`,
    (p) => `${p.option}: no permission to create a folder in ${p.base}: give another one`,
  ),
  'option.folder-not-file': e(
    ['option'],
    (p) => `${p.option}: đây là thư mục: hãy ghi tên tệp, ví dụ model.lp`,
    (p) => `${p.option}: this is a folder: give a file name, e.g. model.lp`,
  ),
  'option.cannot-write-file': e(
    ['option', 'base'],
    (p) => `${p.option}: không ghi được ở đây (${p.base} không phải thư mục lichdu được ghi vào): hãy chọn chỗ khác`,
    (p) => `${p.option}: cannot write here (${p.base} is not a folder lichdu may write in): give another path`,
  ),
  'option.not-iso-time': e(
    ['value'],
    (p) => `"${p.value}" không phải thời điểm ISO-8601: ghi ví dụ 2027-01-01T00:00:00Z`,
    (p) => `"${p.value}" is not an ISO-8601 time: write e.g. 2027-01-01T00:00:00Z`,
  ),
  'edit.no-meeting': e(
    ['cell', 'date'],
    (p) => `chi bộ ${p.cell} không sinh hoạt ngày ${p.date}: hãy chọn một ngày trong lịch sinh hoạt (lichdu calendar)`,
    (p) => `cell ${p.cell} does not meet on ${p.date}: choose a date of its calendar (lichdu calendar)`,
  ),
  'edit.not-visitor': e(
    ['member', 'cell', 'date'],
    (p) => `${p.member} không dự kỳ sinh hoạt của ${p.cell} ngày ${p.date} trong kế hoạch`,
    (p) => `${p.member} does not attend the meeting of ${p.cell} on ${p.date} in the plan`,
  ),
  'edit.nothing': e(
    ['cell', 'date'],
    (p) => `không có gì để đổi ở kỳ sinh hoạt của ${p.cell} ngày ${p.date}: hãy ghi --to NGƯỜI, --remove hoặc --add`,
    (p) => `nothing to change at the meeting of ${p.cell} on ${p.date}: give --to MEMBER, --remove or --add`,
  ),
  'edit.stale': e(
    ['dir'],
    (p) =>
      `kế hoạch trong ${p.dir} đã được lưu từ nơi khác (một thẻ trình duyệt khác hay một lệnh) sau khi trang này mở: ` +
      `chưa lưu gì; hãy tải lại trang để thấy kế hoạch mới rồi sửa lại`,
    (p) =>
      `the plan in ${p.dir} was saved elsewhere (another browser tab or a command) after this page was opened: ` +
      `nothing was saved; reload the page to see the new plan, then make the change again`,
  ),
  'edit.no-version': e(
    ['n', 'dir'],
    (p) => `không có phiên bản ${p.n} trong ${p.dir}`,
    (p) => `no version ${p.n} in ${p.dir}`,
  ),
  'pins.not-list': e(
    [],
    () => 'tệp ghim phải là danh sách các lượt dự { member, cell, date }: hãy ghim bằng lichdu edit --pin',
    () => 'the pin file must be a list of visits { member, cell, date }: pin with lichdu edit --pin',
  ),
  'pins.unknown': e(
    ['member', 'cell', 'date'],
    (p) =>
      `lượt dự đã ghim ${p.member} tại ${p.cell} ngày ${p.date} không còn trong tệp đầu vào (người hay kỳ sinh hoạt ` +
      `đã đổi): hãy bỏ ghim (lichdu edit --unpin)`,
    (p) =>
      `the pinned visit of ${p.member} at ${p.cell} on ${p.date} is no longer in the spec (the member or the meeting ` +
      `changed): unpin it (lichdu edit --unpin)`,
  ),
  'upload.too-large': e(
    ['mb'],
    (p) => `không nhận được tệp tải lên, hoặc tệp lớn hơn ${p.mb} MB: hãy chọn đúng bảng tính nhập liệu`,
    (p) => `no file was received, or it is larger than ${p.mb} MB: choose the input workbook`,
  ),
  'upload.wrong-type': e(
    ['ext'],
    (p) =>
      `không đọc được tệp ${p.ext}: hãy tải lên bảng tính nhập liệu (.xlsx, lệnh lichdu import --template tạo mẫu) ` +
      `hoặc tệp đầu vào (.yaml, .json)`,
    (p) =>
      `cannot take a ${p.ext} file: upload the input workbook (.xlsx; lichdu import --template writes one) or a spec ` +
      `(.yaml, .json)`,
  ),
  'cli.usage': e(
    ['code', 'option'],
    (p) => `dòng lệnh không đúng (${p.code}${p.option ? `, ${p.option}` : ''}): xem --help`,
    (p) => `wrong command line (${p.code}${p.option ? `, ${p.option}` : ''}): see --help`,
  ),
  'option.not-date': e(
    ['option', 'value'],
    (p) => `"${p.value}" không phải ngày: ghi ngày/tháng/năm (15/04/2027) hoặc YYYY-MM-DD (2027-04-15)`,
    (p) => `"${p.value}" is not a date: write day/month/year (15/04/2027) or YYYY-MM-DD (2027-04-15)`,
  ),
  'option.month-first': e(
    ['option', 'value', 'month', 'mdy'],
    (p) =>
      `"${p.value}" không phải ngày/tháng/năm (không có tháng ${p.month}); nếu là ` +
      `tháng/ngày/năm thì đó là ${p.mdy}: hãy ghi ${p.mdy} hoặc ngày/tháng/năm`,
    (p) =>
      `"${p.value}" is not day/month/year (there is no month ${p.month}); read ` +
      `month first it is ${p.mdy}: write ${p.mdy}, or the day first`,
  ),
  'option.bad-lang': e(
    ['value', 'from'],
    (p) => `"${p.value}" không phải ngôn ngữ lichdu có: dùng vi hoặc en${p.from === 'env' ? ' (đang dùng vi)' : ''}`,
    (p) => `"${p.value}" is not a language of lichdu: use vi or en${p.from === 'env' ? ' (using vi)' : ''}`,
  ),
  'option.backend-missing': e(
    ['name', 'package'],
    (p) => `bộ giải ${p.name} cần gói tùy chọn ${p.package}: cài bằng npm install ${p.package}`,
    (p) => `the ${p.name} backend needs the optional package ${p.package}: install it with npm install ${p.package}`,
  ),
  'option.replan-only': e(
    ['option'],
    () => 'chỉ dùng khi lập lại kế hoạch: hãy chỉ ra kế hoạch đang dùng bằng --previous KQ-CU/plan.json',
    () => 'is for a re-plan: give the plan in use with --previous OLD/plan.json',
  ),
  'option.replan-needs-from': e(
    [],
    () => 'lập lại kế hoạch cần ngày bắt đầu: --from YYYY-MM-DD',
    () => 'a re-plan needs the date it starts from: --from YYYY-MM-DD',
  ),
  'write.locked': e(
    ['pid'],
    (p) =>
      `một lichdu khác${p.pid ? ` (tiến trình ${p.pid})` : ''} đang ghi vào thư mục này: chờ nó xong, hoặc chọn ` +
      `thư mục khác`,
    (p) =>
      `another lichdu${p.pid ? ` (process ${p.pid})` : ''} is writing into this folder: wait for it to finish, or ` +
      `give another folder`,
  ),
  'option.as-of-pair': e(
    [],
    () => 'xem năm theo thực tế cần cả --attendance TỆP và --as-of NGÀY',
    () => 'the year as it happened needs both --attendance FILE and --as-of DATE',
  ),
  'option.bad-epoch': e(
    ['value'],
    (p) => `"${p.value}" không phải số giây từ 1970 đến năm 9999: bỏ biến này hoặc ghi ví dụ 1798761600`,
    (p) => `"${p.value}" is not seconds since 1970 up to year 9999: unset it or give e.g. 1798761600`,
  ),
  'replan.other-year': e(
    ['plan', 'spec'],
    (p) => `kế hoạch đang dùng là của năm ${p.plan}, đặc tả là năm ${p.spec}: hãy chỉ ra kế hoạch cùng năm`,
    (p) => `the plan in use is for ${p.plan}, the spec for ${p.spec}: give the plan of the same year`,
  ),
  'secret.other': e(
    ['now', 'dir', 'before'],
    (p) =>
      (p.now
        ? `khóa bí mật này (dấu ${p.now}) không phải khóa đã dùng`
        : 'máy này chưa có khóa bí mật của đảng bộ này') +
      ': ' +
      `các liên kết đã gửi cho kế hoạch trong ${p.dir} được tạo bằng khóa khác (dấu ${p.before}), có lẽ trên máy ` +
      `khác, và sẽ đều hết dùng được. Hãy chép tệp khóa từ máy đó vào đường dẫn này (hoặc chỉ ra bằng ` +
      `--secret-file), ` +
      `hoặc dùng --new-secret để thu hồi mọi liên kết và gửi liên kết mới (lichdu feeds)`,
    (p) =>
      (p.now
        ? `this secret (fingerprint ${p.now}) is not the one`
        : "this computer has no secret for this plan's organisation") +
      ': ' +
      `the links already sent for the plan in ${p.dir} were made with another secret (fingerprint ${p.before}), ` +
      `probably on another computer, and would all stop working. Copy that computer's secret file to this path (or ` +
      `give it with --secret-file), or pass --new-secret to revoke every link and send new ones (lichdu feeds)`,
  ),
  'secret.carried': e(
    ['from'],
    (p) =>
      `khóa bí mật của đảng bộ được lấy từ khóa cũ của thư mục (${p.from}): các liên kết đã gửi vẫn dùng được, ` +
      `kể cả khi lập lại kế hoạch vào thư mục khác`,
    (p) =>
      `the organisation's secret is the folder's earlier one (${p.from}): the links already sent keep working, ` +
      `also for plans written to other folders`,
  ),
  'secret.revoked-one': e(
    ['who'],
    (p) => `đã thu hồi liên kết của ${p.who}: liên kết cũ không còn dùng được; hãy gửi liên kết mới (lichdu feeds)`,
    (p) => `revoked the link of ${p.who}: the old one no longer works; send the new one (lichdu feeds)`,
  ),
  'secret.is-folder': e(
    [],
    () => 'đây là thư mục: hãy chỉ ra chính tệp khóa bí mật (hoặc bỏ --secret-file để dùng mặc định)',
    () => 'this is a folder: give the secret file itself (or leave out --secret-file for the default)',
  ),
  'secret.no-permission': e(
    [],
    () => 'người dùng này không đọc hay tạo được tệp: kiểm tra quyền, hoặc chỉ ra --secret-file khác',
    () => 'cannot be read or made by this user: check its permissions, or give another --secret-file',
  ),
  'secret.unreadable': e(
    ['errno'],
    (p) => `không đọc hay tạo được (${p.errno}): hãy chỉ ra --secret-file khác`,
    (p) => `cannot be read or made (${p.errno}): give another --secret-file`,
  ),
  'secret.new': e(
    ['now', 'links', 'before'],
    (p) => `khóa bí mật mới (dấu ${p.now}): ${p.links} liên kết tạo bằng khóa ${p.before} không còn dùng được`,
    (p) => `new secret (fingerprint ${p.now}): the ${p.links} links made with ${p.before} no longer work`,
  ),
  'secret.readable': e(
    ['path'],
    (p) => `người dùng khác trên máy này đọc được tệp: chạy chmod 600 ${p.path}`,
    (p) => `can be read by other users of this machine: chmod 600 ${p.path}`,
  ),
  'serve.not-folder': e(
    [],
    () => 'không phải thư mục: hãy chỉ ra thư mục chứa plan.json (lichdu convert -o THƯ-MỤC)',
    () => 'is not a directory: give the directory that holds plan.json (lichdu convert -o DIR)',
  ),
  'serve.cannot-listen': e(
    ['errno'],
    (p) => `không mở được cổng ở đó (${p.errno}): chọn --port hoặc --host khác`,
    (p) => `cannot listen there (${p.errno}): choose another --port or --host`,
  ),
  'feeds.bad-url': e(
    ['value'],
    (p) => `"${p.value}" không phải địa chỉ http(s) như https://lich.example.vn`,
    (p) => `"${p.value}" is not an http(s) URL such as https://lich.example.vn`,
  ),
  'export.needs-xlsx': e(
    [],
    () => 'bảng tính phải là tệp .xlsx, ví dụ -o kehoach.xlsx',
    () => 'the workbook is an .xlsx file, e.g. -o spec.xlsx',
  ),
  'export.needs-json': e(
    [],
    () =>
      'export ics đọc plan.json; với kế hoạch đã sửa trong bảng tính hãy dùng lichdu convert SPEC PLAN -o THƯ-MỤC, ' +
      'lệnh này kiểm tra theo đặc tả và ghi cả lịch',
    () =>
      'export ics reads plan.json; for a plan edited in a spreadsheet use lichdu convert SPEC PLAN -o DIR, which ' +
      'checks it against the spec and writes the calendars too',
  ),
  'precheck.member-short': e(
    ['member', 'name', 'most', 'period', 'must'],
    (p) =>
      `cấp ủy viên ${p.member} (${p.name}) dự được nhiều nhất ${p.most} kỳ sinh hoạt trong ${p.period} (đã tính địa ` +
      `bàn, chi bộ nơi sinh hoạt và ngày vắng) nhưng định mức là ${p.must}`,
    (p) =>
      `member ${p.member} (${p.name}) can attend at most ${p.most} meeting(s) in ${p.period} (area, home cell and ` +
      `unavailable days considered) but must make ${p.must}`,
  ),
  'precheck.cell-unreachable': e(
    ['cell', 'name'],
    (p) => `chi bộ ${p.cell} (${p.name}) không có cấp ủy viên nào được dự: hãy thêm vào địa bàn của một người`,
    (p) => `cell ${p.cell} (${p.name}) has no member who may visit it: add it to someone's area`,
  ),
  'replan.gone-not-counted': e(
    ['count', 'from'],
    (p) =>
      `${p.count} buổi dự trước ngày ${p.from} của cấp ủy viên hoặc chi bộ không còn trong đặc tả không được tính ` +
      `(giữ họ trong đặc tả với "active" để tính)`,
    (p) =>
      `${p.count} visit(s) before ${p.from} of members or cells no longer in the spec are not counted (keep them in ` +
      `the spec with "active" to count them)`,
  ),
  'replan.later-rows': e(
    ['count', 'from'],
    (p) => `${p.count} dòng điểm danh từ ngày ${p.from} trở đi không được dùng: kế hoạch mới bắt đầu từ ngày đó`,
    (p) => `${p.count} attendance row(s) dated ${p.from} or later are not used: the re-plan starts then`,
  ),
  'replan.off-meeting': e(
    ['member', 'cell', 'date'],
    (p) => `${p.member} dự ${p.cell} ngày ${p.date}: không trùng kỳ sinh hoạt nào của chi bộ, không được tính`,
    (p) => `${p.member} at ${p.cell} on ${p.date}: not on a meeting of the cell, and not counted`,
  ),
  'write.failed': e(
    ['errno', 'advice'],
    (p) => `không ghi được (${p.errno}): ${adviceVi(String(p.advice))}`,
    (p) => `could not write (${p.errno}): ${adviceEn(String(p.advice))}`,
  ),

  // ── Tables: plan.csv/xlsx, attendance files, the import workbook ──
  'table.not-csv': e(
    ['line', 'detail', 'separator'],
    (p) => `không phải CSV hợp lệ: ${p.line ? `dòng ${p.line}: ` : ''}${p.detail} (dấu phân cách "${p.separator}")`,
    (p) => `not valid CSV: ${p.line ? `line ${p.line}: ` : ''}${p.detail} (separator "${p.separator}")`,
  ),
  'table.empty': e(
    [],
    () => 'tệp trống: cần một dòng tiêu đề và mỗi dòng một lần dự',
    () => 'the file is empty: expected a header line and one line per visit',
  ),
  'table.not-workbook': e(
    [],
    () => 'không phải bảng tính lichdu đọc được: hãy lưu dạng .xlsx (Excel 2007–365) hoặc CSV UTF-8',
    () => 'is not a workbook lichdu can read: save it as .xlsx (Excel 2007–365), or as CSV UTF-8',
  ),
  'table.no-sheets': e(
    [],
    () => 'bảng tính không có trang nào',
    () => 'the workbook has no sheet',
  ),
  'table.no-sheet': e(
    ['wanted', 'has'],
    (p) => `không có trang tên ${p.wanted}; bảng tính có ${p.has}`,
    (p) => `no sheet named ${p.wanted}; it has ${p.has}`,
  ),
  'table.empty-sheet': e(
    ['sheet'],
    (p) => `trang "${p.sheet}" trống: cần một dòng tiêu đề`,
    (p) => `sheet "${p.sheet}" is empty: expected a header row`,
  ),
  'table.missing-columns': e(
    ['columns', 'template'],
    (p) =>
      `thiếu cột ${p.columns}: dòng tiêu đề phải có các cột này, bằng tiếng Việt hoặc tiếng Anh, theo thứ tự bất kỳ` +
      (p.template ? ' (lệnh lichdu attendance --template tạo sẵn mẫu)' : ''),
    (p) =>
      `no column ${p.columns}: the header must name them, in Vietnamese or English, in any order` +
      (p.template ? ' (lichdu attendance template writes one)' : ''),
  ),
  'table.unknown-member': e(
    ['value', 'near', 'nearName', 'hint'],
    (p) => `không có cấp ủy viên ${p.value}${nearVi(p)}${p.hint ? ': hãy ghi mã hoặc họ và tên đầy đủ' : ''}`,
    (p) => `unknown member ${p.value}${nearEn(p)}${p.hint ? ": write the member's id or full name" : ''}`,
  ),
  'table.unknown-cell': e(
    ['value', 'near', 'nearName'],
    (p) => `không có chi bộ ${p.value}${nearVi(p)}`,
    (p) => `unknown cell ${p.value}${nearEn(p)}`,
  ),
  'table.unknown-unit': e(
    ['value', 'near', 'nearName'],
    (p) => `không có đảng bộ ${p.value}${nearVi(p)}`,
    (p) => `unknown unit ${p.value}${nearEn(p)}`,
  ),
  'table.name-shared': e(
    ['value', 'ids'],
    (p) => `có nhiều người hoặc nơi cùng tên ${p.value} (mã ${p.ids}): hãy ghi mã`,
    (p) => `${p.value} is the name of several (ids ${p.ids}): write the id`,
  ),
  'table.name-disagrees': e(
    ['id', 'name', 'written', 'other'],
    (p) =>
      `mã ${p.id} là "${p.name}" nhưng cột tên ghi "${p.written}"` +
      (p.other && p.other !== '?' ? ` (tên của ${p.other})` : '') +
      `: hãy sửa mã hoặc tên cho khớp (lichdu không tự đoán dòng này muốn nói ai)`,
    (p) =>
      `id ${p.id} is "${p.name}" but the name column says "${p.written}"` +
      (p.other && p.other !== '?' ? ` (the name of ${p.other})` : '') +
      `: make the id and the name agree (lichdu does not guess which one the row means)`,
  ),
  'table.not-status': e(
    ['value', 'choices'],
    (p) => `${p.value} không phải trạng thái: ghi ${p.choices}`,
    (p) => `${p.value} is not a status: use ${p.choices}`,
  ),
  'table.not-result': e(
    ['value', 'done', 'missed', 'replaced'],
    (p) => `${p.value} không phải kết quả: ghi ${p.done}, ${p.missed} hoặc ${p.replaced}, hoặc để trống`,
    (p) =>
      `${p.value} is not a result: write ${p.done}, ${p.missed} or ${p.replaced} (or done, missed, replaced), or ` +
      `leave ` +
      `it empty`,
  ),
  'table.replaces-self': e(
    ['value'],
    (p) => `${p.value} không thể dự thay chính mình`,
    (p) => `${p.value} cannot replace themself`,
  ),
  'table.done-with-replacement': e(
    ['value'],
    (p) => `${p.value} nhưng có người ở cột "Người dự thay": hãy ghi Dự thay`,
    (p) => `${p.value} with someone in "Người dự thay": write Dự thay`,
  ),
  'table.replacement-missing': e(
    [],
    () => 'để trống: hãy ghi người đi dự thay (mã hoặc họ và tên)',
    () => 'empty: write who went instead (their id or full name)',
  ),
  'table.visit-twice': e(
    ['member', 'cell', 'date', 'also', 'sheet'],
    (p) => `${p.member} dự ${p.cell} ngày ${p.date} được ghi hai lần (cả ở dòng ${p.also})`,
    (p) => `${p.member} at ${p.cell} on ${p.date} is given twice (also ${p.sheet ? 'row' : 'line'} ${p.also})`,
  ),
  'table.not-time-of-day': e(
    ['value'],
    (p) => `${p.value} không phải giờ trong ngày`,
    (p) => `${p.value} is not a time of day`,
  ),
  'table.not-time': e(
    ['value'],
    (p) => `${p.value} không phải giờ như 19:30`,
    (p) => `${p.value} is not a time such as 19:30`,
  ),
  'table.hour-12': e(
    ['value', 'half'],
    (p) => `${p.value}: giờ đi với ${p.half} phải là 1–12`,
    (p) => `${p.value}: an hour with ${p.half} is 1–12`,
  ),
  'table.not-date': e(
    ['value'],
    (p) => `${p.value} không phải ngày như 05/01/2027`,
    (p) => `${p.value} is not a date such as 2027-01-05`,
  ),
  'table.no-such-date': e(
    ['value'],
    (p) => `${p.value} không phải ngày có thật`,
    (p) => `${p.value} is no date`,
  ),
  'table.ambiguous-date': e(
    ['value', 'dmy', 'mdy'],
    (p) =>
      `${p.value} có thể là ngày ${p.dmy} hoặc ${p.mdy}: hãy lưu ngày dạng YYYY-MM-DD (Định dạng ô → Ngày → ` +
      `2027-01-05), hoặc giữ cột thứ (Thứ) để lichdu phân biệt`,
    (p) =>
      `${p.value} may be ${p.dmy} or ${p.mdy}: save the dates as YYYY-MM-DD (Format Cells → Date → 2027-01-05), or ` +
      `keep the weekday column (Thứ) so lichdu can tell`,
  ),
  'note.dates-read': e(
    ['value', 'read', 'count'],
    (p) => `các ngày như ${p.value} được đọc là ${p.read}${countVi(p)}`,
    (p) => `dates such as ${p.value} read as ${p.read}${countEn(p)}`,
  ),
  'note.read-as': e(
    ['value', 'read', 'count'],
    (p) =>
      `${p.value} được đọc là ${p.read}` +
      (p.count && Number(p.count) > 1 ? `, và ${Number(p.count) - 1} ô như vậy` : ''),
    (p) =>
      `${p.value} read as ${p.read}` +
      (p.count && Number(p.count) > 1 ? `, and ${Number(p.count) - 1} more like it` : ''),
  ),
  'note.date-day-first': e(
    ['value', 'read', 'other'],
    (p) => `${p.value} được đọc là ngày/tháng/năm: ${p.read} (không phải ${p.other}); ghi YYYY-MM-DD nếu muốn khác`,
    (p) => `${p.value} read as day/month/year: ${p.read} (not ${p.other}); write YYYY-MM-DD to mean otherwise`,
  ),
  'note.report-stale': e(
    ['dir'],
    (p) =>
      `báo cáo trong ${p.dir} được lập từ kế hoạch trước: report.html đã được ghi chú là không còn đúng; hãy ` +
      `chạy lại lichdu report (cả report.xlsx)`,
    (p) =>
      `the report in ${p.dir} was made from the previous plan: report.html now says it is out of date; run lichdu ` +
      `report again (report.xlsx too)`,
  ),
  'note.name-read': e(
    ['value', 'id', 'count'],
    (p) => `${p.value} là tên, được đọc là mã ${p.id}${countVi(p)}`,
    (p) => `${p.value} is a name, read as id ${p.id}${countEn(p)}`,
  ),
  'note.column-left-out': e(
    ['column'],
    (p) => `cột ${p.column} không phải cột lichdu đọc; bỏ qua`,
    (p) => `column ${p.column} is not one lichdu reads; left out`,
  ),
  'note.named-alike': e(
    ['kind', 'rows', 'first', 'second'],
    (p) =>
      `hai ${kindVi(String(p.kind))} có tên giống nhau (dòng ${p.rows}): được đặt mã ${p.first} và ${p.second}; ` +
      `thêm cột mã để tự chọn`,
    (p) =>
      `two ${p.kind}s are named alike (rows ${p.rows}): they get ids ${p.first} and ${p.second}; add an id column to ` +
      `choose them`,
  ),
  'note.units-made': e(
    ['count', 'level'],
    (p) => `không có trang đảng bộ: tạo ${p.count} đảng bộ từ các tên mà các trang dùng, ở cấp ${p.level}`,
    (p) => `no units sheet: ${p.count} unit(s) made from the names the sheets use, at level ${p.level}`,
  ),
  'import.empty': e(
    ['what'],
    (p) => `để trống: hãy ghi ${emptyVi(String(p.what))}`,
    (p) => `is empty: give the ${p.what}`,
  ),
  'import.cell-twice': e(
    ['value', 'also'],
    (p) => `${p.value} được ghi hai lần trong một đảng bộ (cả ở dòng ${p.also}): mỗi chi bộ ghi một lần`,
    (p) => `${p.value} is listed twice in one unit (also row ${p.also}): list a cell once`,
  ),
  'import.not-yes-no': e(
    ['value'],
    (p) => `${p.value} không phải có/không: ghi "có" hoặc để trống`,
    (p) => `${p.value} is not yes or no: write "có" or leave it empty`,
  ),
  'import.not-day': e(
    ['value'],
    (p) => `${p.value} không phải ngày 1–28, "cuối tháng" hay một thứ trong tháng như "thứ Bảy tuần đầu tháng"`,
    (p) => `${p.value} is not a day 1–28, "cuối tháng" or a weekday of the month such as "thứ Bảy tuần đầu tháng"`,
  ),
  'import.would-overwrite': e(
    ['workbook', 'out'],
    (p) =>
      `tệp này đã được sửa tay sau lần lichdu import ghi (hoặc không do lichdu import ghi): ghi đè sẽ mất các chỗ ` +
      `sửa đó. Hãy đưa chúng vào bảng tính (lệnh lichdu export workbook ${p.out} -o bang-tinh.xlsx ghi bảng tính ` +
      `có cả các chỗ sửa), hoặc ghi ra tệp khác (-o), hoặc thêm --force để ghi đè`,
    (p) =>
      `this file was edited by hand since lichdu import wrote it (or was not written by it): writing over it would ` +
      `lose those edits. Put them in the workbook (lichdu export workbook ${p.out} -o book.xlsx writes one with ` +
      `them), or write another file (-o), or pass --force to overwrite`,
  ),
  'import.not-date-list': e(
    ['value'],
    (p) => `${p.value} không phải ngày hay khoảng ngày: ghi ví dụ 01/03/2027 - 15/03/2027, cách nhau ";"`,
    (p) => `${p.value} is not a date or a range: write e.g. 01/03/2027 - 15/03/2027, separated by ";"`,
  ),
  'import.range-backwards': e(
    ['value', 'from', 'to'],
    (p) => `${p.value}: ngày cuối ${p.to} trước ngày đầu ${p.from}`,
    (p) => `${p.value}: the end ${p.to} is before the start ${p.from}`,
  ),
  'import.month-first': e(
    ['value', 'mdy'],
    (p) =>
      `${p.value} không phải ngày/tháng/năm (không có tháng đó); nếu là tháng/ngày/năm thì là ${p.mdy}: hãy ghi ` +
      `ngày trước, ví dụ 13/07/2027, hoặc ${p.mdy}`,
    (p) =>
      `${p.value} is not day/month/year (no such month); read month first it is ${p.mdy}: write the day first, ` +
      `e.g. 13/07/2027, or ${p.mdy}`,
  ),
  'import.unknown-setting': e(
    ['value', 'settings'],
    (p) => `${p.value} không phải mục lichdu đọc: dùng ${p.settings}`,
    (p) => `${p.value} is not a setting lichdu reads: use ${p.settings}`,
  ),
  'import.not-year': e(
    ['value'],
    (p) => `${p.value} không phải năm: ghi ví dụ 2027`,
    (p) => `${p.value} is not a year: write e.g. 2027`,
  ),
  'import.policy-not-json': e(
    ['value'],
    (p) => `${p.value} không phải quy định: ghi mã quy định (lichdu policies), ví dụ kontum-776`,
    (p) => `${p.value} is not a policy: write a policy id (lichdu policies), e.g. kontum-776`,
  ),
  'import.not-holidays': e(
    ['value'],
    (p) => `${p.value}: ghi "Việt Nam" (các ngày lễ, Tết theo luật) hoặc "không"`,
    (p) => `${p.value}: write "Việt Nam" (the public holidays and Tết) or "không" (none)`,
  ),
  'import.not-minutes': e(
    ['value'],
    (p) => `${p.value} không phải số phút: ghi ví dụ 120`,
    (p) => `${p.value} is not a number of minutes: write e.g. 120`,
  ),
  'import.not-shift': e(
    ['value'],
    (p) => `${p.value}: ghi "ngày lễ", "ngày lễ và cuối tuần" hoặc "không dời"`,
    (p) =>
      `${p.value}: write "ngày lễ" (holidays), "ngày lễ và cuối tuần" (holidays and weekends) or "không dời" ` +
      `(none)`,
  ),
  'import.not-quota': e(
    ['value'],
    (p) =>
      `${p.value} không phải định mức: ghi số buổi/kỳ, ví dụ "3/năm", "1/quý", "1-2/tháng" hoặc "tối đa 2/tháng", ` +
      `cách nhau ";"`,
    (p) =>
      `${p.value} is not a quota: write visits/period, e.g. "3/năm" (year), "1/quý" (quarter), "1-2/tháng" (month) ` +
      `or "tối đa 2/tháng" (at most), separated by ";"`,
  ),
  'import.not-meeting-date': e(
    ['value', 'year'],
    (p) => `${p.value} không phải ngày trong năm ${p.year}`,
    (p) => `${p.value} is not a date of ${p.year}`,
  ),
  'import.month-twice': e(
    ['value', 'month'],
    (p) => `${p.value}: tháng ${p.month} được ghi hai ngày họp; mỗi tháng một ngày`,
    (p) => `${p.value}: month ${p.month} is given two meeting dates; one per month`,
  ),
  'note.meeting-filled': e(
    ['count', 'rows', 'what', 'value', 'from', 'unit'],
    (p) =>
      `${p.count} chi bộ để trống ${p.what === 'time' ? 'giờ' : 'ngày'} sinh hoạt: lấy ` +
      `${p.what === 'day' ? dayWords(p.value, 'vi') : p.value} ${
        p.from === 'siblings'
          ? `như các chi bộ khác của ${p.unit}`
          : p.from === 'default'
            ? 'theo mặc định của lichdu'
            : p.from === 'unit'
              ? `của ${p.unit} (trang "Đảng bộ")`
              : 'chung (trang "Thông tin chung")'
      }` +
      (p.from === 'siblings' || p.from === 'default'
        ? `; ghi vào cột "${p.what === 'time' ? 'Giờ' : 'Ngày'} sinh hoạt" của trang "Đảng bộ" hoặc vào trang ` +
          `"Thông tin chung" để khỏi phải đoán`
        : ''),
    (p) =>
      `${p.count} cell(s) leave the meeting ${p.what} empty: they take ` +
      `${p.what === 'day' ? dayWords(p.value, 'en') : p.value} ${
        p.from === 'siblings'
          ? `as the other cells of ${p.unit} do`
          : p.from === 'default'
            ? "(lichdu's default)"
            : p.from === 'unit'
              ? `of ${p.unit} (sheet "Đảng bộ")`
              : '(the common setting, sheet "Thông tin chung")'
      }` +
      (p.from === 'siblings' || p.from === 'default'
        ? `; give it in the "Đảng bộ" sheet or in "Thông tin chung" so that nothing is guessed`
        : ''),
  ),
  'import.not-role': e(
    ['value', 'policy', 'roles'],
    (p) => `${p.value} không phải chức vụ của quy định ${p.policy}: dùng ${p.roles}`,
    (p) => `${p.value} is not a role of policy ${p.policy}: use ${p.roles}`,
  ),
  'import.header-not-mapping': e(
    ['keys'],
    (p) => `cần một ánh xạ gồm ${p.keys}`,
    (p) => `expected a mapping of ${p.keys}`,
  ),
  'import.header-key': e(
    ['keys'],
    (p) => `tệp thông tin chung chỉ ghi ${p.keys}; đảng bộ, chi bộ và cấp ủy viên lấy từ các trang bảng tính`,
    (p) => `a header gives only ${p.keys}; units, cells and members come from the sheets`,
  ),
  'import.no-output': e(
    [],
    () => 'hãy chỉ ra tệp đặc tả sẽ ghi, ví dụ -o spec.yaml',
    () => 'give the spec file to write, e.g. -o spec.yaml',
  ),
  'import.no-sheets': e(
    [],
    () =>
      'hãy chỉ ra --workbook TỆP (các trang "Chi bộ", "Cấp ủy viên", có thể thêm "Đảng bộ"), hoặc --cells và --members',
    () => 'give --workbook FILE (sheets "Chi bộ", "Cấp ủy viên", optionally "Đảng bộ"), or --cells and --members',
  ),
  'import.no-year': e(
    [],
    () => 'hãy chỉ ra năm kế hoạch, ví dụ --year 2027 (hoặc year: trong --header)',
    () => 'give the plan year, e.g. --year 2027 (or year: in --header)',
  ),
  'import.no-policy': e(
    [],
    () => 'hãy chỉ ra quy định, ví dụ --policy kontum-776 (lệnh lichdu policies liệt kê)',
    () => 'give a policy, e.g. --policy kontum-776 (lichdu policies lists them)',
  ),
  'plan.required-field': e(
    [],
    () => 'bắt buộc phải có ở đây: hãy dùng plan.json do lichdu plan hoặc lichdu convert ghi',
    () => 'is required here: use a plan.json written by lichdu plan or lichdu convert',
  ),
  'plan.other-spec': e(
    ['known', 'members', 'knownCells', 'cells', 'hash'],
    (p) =>
      `kế hoạch này được lập cho một tệp đầu vào khác: ${p.known}/${p.members} cấp ủy viên và ${p.knownCells}/` +
      `${p.cells} chi bộ của kế hoạch có trong tệp đầu vào đã cho` +
      (p.hash ? ' (plan.json ghi mã của tệp đầu vào khác)' : '') +
      `: hãy dùng đúng tệp đầu vào đã lập kế hoạch này`,
    (p) =>
      `this plan was made for another spec: ${p.known} of its ${p.members} members and ${p.knownCells} of its ` +
      `${p.cells} cells are in the spec given` +
      (p.hash ? ' (plan.json names another spec)' : '') +
      `: give the spec the plan was made from`,
  ),
  'plan.unknown-member': e(
    ['id', 'near'],
    (p) => `không có cấp ủy viên "${p.id}"${nearVi(p)}`,
    (p) => `unknown member "${p.id}"${nearEn(p)}`,
  ),
  'plan.unknown-cell': e(
    ['id', 'near'],
    (p) => `không có chi bộ "${p.id}"${nearVi(p)}`,
    (p) => `unknown cell "${p.id}"${nearEn(p)}`,
  ),
  'import.no-name-column': e(
    ['names'],
    (p) => `không có cột tên: dòng tiêu đề cần một trong các cột ${p.names}`,
    (p) => `no name column: the header needs one of ${p.names}`,
  ),
  'import.id-repeated': e(
    ['kind', 'id', 'times', 'rows'],
    (p) => `mã ${kindVi(String(p.kind))} ${p.id} được ghi ${p.times} lần (dòng ${p.rows}): chỉ ghi một lần`,
    (p) => `the ${p.kind} id ${p.id} is given ${p.times} times (rows ${p.rows}): once`,
  ),
  'import.ambiguous-name': e(
    ['value', 'count', 'ids'],
    (p) => `${p.value} là tên của ${p.count} mục (${p.ids}): hãy dùng mã`,
    (p) => `${p.value} names ${p.count} entries (${p.ids}): use the id`,
  ),
  'import.unknown-name': e(
    ['kind', 'value', 'near'],
    (p) => `không có ${kindVi(String(p.kind))} ${p.value}${nearVi(p)}`,
    (p) => `unknown ${p.kind} ${p.value}${nearEn(p)}`,
  ),
} as const satisfies Record<string, Entry>;

export type Code = keyof typeof MESSAGES;

export const CODES = Object.keys(MESSAGES) as Code[];

/** A problem's text in a language. */
export function renderMessage(code: Code, params: Params, lang: Lang): string {
  return MESSAGES[code][lang](params);
}

/** The parameter names of a code. */
export const paramsOf = (code: Code): readonly string[] => MESSAGES[code].params;

// ── Words the texts share ──

/** A word of a table by its key, only the table's own (a value such as "__proto__" is not a key). */
const own = <T>(table: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

const FILES: Record<string, [string, string]> = {
  spec: ['tệp đặc tả kế hoạch', 'the spec'],
  plan: ['tệp kế hoạch', 'the plan'],
  attendance: ['tệp điểm danh', 'the attendance file'],
  header: ['tệp thông tin chung', 'the header'],
  units: ['bảng đảng bộ', 'the units sheet'],
  cells: ['bảng chi bộ', 'the cells sheet'],
  members: ['bảng cấp ủy viên', 'the members sheet'],
  workbook: ['bảng tính', 'the workbook'],
};
const fileVi = (w: string | number | undefined) => own(FILES, String(w))?.[0] ?? String(w);
const fileEn = (w: string | number | undefined) => own(FILES, String(w))?.[1] ?? String(w);

const TYPES_VI: Record<string, string> = {
  array: 'một danh sách',
  object: 'một ánh xạ { … }',
  string: 'văn bản',
  number: 'một số',
  boolean: 'true hoặc false',
};
const typeVi = (t: string) => own(TYPES_VI, t) ?? t;
const typeEn = (t: string) => (t === 'array' ? 'a list' : t === 'object' ? 'a mapping { … }' : `a ${t}`);

const WHAT_VI: Record<string, string> = {
  visits: 'số lần dự',
  visitors: 'số người dự',
  days: 'số ngày',
  members: 'số người',
};
const whatVi = (w: string) => own(WHAT_VI, w) ?? w;

const LISTS: Record<string, [string, string, string, string]> = {
  units: ['các đảng bộ (units)', 'units (đảng bộ)', 'đảng bộ', 'unit'],
  cells: ['các chi bộ (cells)', 'cells (chi bộ)', 'chi bộ', 'cell'],
  members: ['các cấp ủy viên (members)', 'members (cấp ủy viên)', 'cấp ủy viên', 'member'],
};
const listVi = (k: string) => own(LISTS, k)?.[0] ?? k;
const listEn = (k: string) => own(LISTS, k)?.[1] ?? k;
const oneVi = (k: string) => own(LISTS, k)?.[2] ?? k;
const oneEn = (k: string) => own(LISTS, k)?.[3] ?? k;

const EMPTY_VI: Record<string, string> = {
  'unit name': 'tên đảng bộ',
  'cell name': 'tên chi bộ',
  'unit (đảng bộ) of the cell': 'đảng bộ của chi bộ',
  'full name': 'họ và tên',
  role: 'chức vụ',
  'unit whose committee they sit on': 'đảng bộ mà cấp ủy viên là thành viên cấp ủy',
};
const emptyVi = (w: string) => own(EMPTY_VI, w) ?? w;

const KINDS_VI: Record<string, string> = {
  unit: 'đảng bộ',
  cell: 'chi bộ',
  member: 'cấp ủy viên',
  team: 'tổ',
  role: 'chức vụ',
};
const kindVi = (k: string) => own(KINDS_VI, k) ?? k;

const DATE_WHAT_VI: Record<string, string> = {
  date: 'ngày',
  'range start': 'ngày đầu của khoảng',
  'range end': 'ngày cuối của khoảng',
};
const dateWhatVi = (w: string) => own(DATE_WHAT_VI, w) ?? w;

const periodVi = (k: string) => (Object.hasOwn(PERIOD_NOUN.vi, k) ? PERIOD_NOUN.vi[k as PeriodKind] : k);

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const monthEn = (m: string | number | undefined) => MONTHS_EN[Number(m) - 1] ?? String(m);
const setVi = (s: string | number | undefined) =>
  s === 'explicit' ? 'ghi trong "meetings"' : 'từ ngày sinh hoạt thường lệ sau khi dời vì ngày nghỉ';
const setEn = (s: string | number | undefined) =>
  s === 'explicit' ? 'set in "meetings"' : 'from the meeting day after holiday shifts';

const ADVICE: Record<string, [string, string]> = {
  ENOSPC: ['ổ đĩa đã đầy: giải phóng chỗ trống rồi chạy lại', 'the disk is full: free some space and run again'],
  EDQUOT: [
    'đã hết hạn mức đĩa: giải phóng chỗ trống rồi chạy lại',
    'the disk quota is used up: free some space and run again',
  ],
  EACCES: ['không có quyền ghi ở đó: chọn thư mục khác', 'no permission to write there: give another folder'],
  EPERM: ['không có quyền ghi ở đó: chọn thư mục khác', 'no permission to write there: give another folder'],
  EROFS: ['ổ đĩa chỉ đọc: chọn thư mục khác', 'the disk is read-only: give another folder'],
  ENAMETOOLONG: [
    'tên tệp quá dài với ổ đĩa này: dùng mã ngắn hơn hoặc đường dẫn thư mục ngắn hơn',
    'a file name is too long for this disk: use shorter ids or a shorter folder path',
  ],
  ENOTDIR: [
    'có một tệp ở chỗ cần là thư mục: xóa nó hoặc chọn thư mục khác',
    'a file stands where a folder should be: remove it or give another folder',
  ],
  EEXIST: [
    'có một tệp ở chỗ cần là thư mục: xóa nó hoặc chọn thư mục khác',
    'a file stands where a folder should be: remove it or give another folder',
  ],
  EISDIR: [
    'có một thư mục ở chỗ cần là tệp: xóa nó hoặc chọn đường dẫn khác',
    'a folder stands where a file should be: remove it or give another path',
  ],
  EMFILE: ['quá nhiều tệp đang mở: chạy lại', 'too many files open: run again'],
};
/** The filesystem errors that are the user's to fix, each with its advice (`write.failed`). */
export const WRITE_ERRNOS: ReadonlySet<string> = new Set(Object.keys(ADVICE));
const adviceVi = (code: string) => own(ADVICE, code)?.[0] ?? 'kiểm tra ổ đĩa và quyền ghi, rồi chạy lại';
const adviceEn = (code: string) => own(ADVICE, code)?.[1] ?? 'check the disk and the permissions, then run again';
