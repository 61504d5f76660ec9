// The command line's help and option checks in Vietnamese, keyed by their English text (the words the commands are
// declared with in src/cli/commands.ts). A text without an entry here is a bug: `helpText` throws, and the tests run
// every command's --help in Vietnamese.
import type { Lang } from '../format/labels.js';

const VI: Readonly<Record<string, string>> = {
  ['print the summary (or the problems) as JSON']: 'in bản tóm tắt (hoặc các vấn đề) dạng JSON',
  ['print the summary (or the problems) as JSON on stdout']: 'in bản tóm tắt (hoặc các vấn đề) dạng JSON ra stdout',
  ['print what was written (or the problems) as JSON']: 'in những gì đã ghi (hoặc các vấn đề) dạng JSON',
  ['solve the spec: the plan that meets every hard rule and is best for the soft goals; writes ' +
  'DIR/plan.json, plan.csv and ics/']:
    'lập kế hoạch theo đặc tả: phương án đáp ứng mọi quy định bắt buộc và tốt nhất theo các mục tiêu mềm; ' +
    'ghi THƯ-MỤC/plan.json, plan.csv và ics/',
  ['check a plan (plan.json, plan.csv or plan.xlsx) against every hard rule of the spec; exit 0 if none ' +
  'is broken, 1 if some are']:
    'kiểm tra kế hoạch (plan.json, plan.csv hoặc plan.xlsx) theo mọi quy định bắt buộc của đặc tả; mã ' +
    'thoát 0 nếu không vi phạm, 1 nếu có',
  ['check a spec file only and summarise it']: 'chỉ kiểm tra tệp đặc tả và tóm tắt nội dung',
  ['list the built-in policy presets and their rules']: 'liệt kê các quy định có sẵn và nội dung của chúng',
  ['read a plan (plan.json, or plan.csv edited in a spreadsheet), check it, and write DIR/plan.json and ' +
  'DIR/plan.csv']:
    'đọc kế hoạch (plan.json, hoặc plan.csv đã sửa trong bảng tính), kiểm tra, rồi ghi THƯ-MỤC/plan.json ' +
    'và THƯ-MỤC/plan.csv',
  ["instead, one printable page per member named (id or full name): DIR/member-<id>.html, the member's year"]:
    'thay vào đó, mỗi cấp ủy viên được nêu (mã hoặc họ và tên) một trang để in: THƯ-MỤC/member-<mã>.html, lịch ' +
    'cả năm của đồng chí đó',
  ["instead, one printable page per cell named (id or name): DIR/cell-<id>.html, the cell's meetings and visitors"]:
    'thay vào đó, mỗi chi bộ được nêu (mã hoặc tên) một trang để in: THƯ-MỤC/cell-<mã>.html, các kỳ sinh hoạt và ' +
    'người dự',
  ['show in the calendars what the attendance file records (missed, substitutes)']:
    'thể hiện trên lịch những gì tệp điểm danh ghi (vắng, người dự thay)',
  ['a local web page for the staff over a workspace folder: data in, plan, views, downloads']:
    'trang web trên máy này cho cán bộ, làm việc với một thư mục: nhập dữ liệu, lập kế hoạch, xem, tải xuống',
  ['the workspace folder (default: the current folder)']: 'thư mục làm việc (mặc định: thư mục hiện tại)',
  ['do not open the browser']: 'không tự mở trình duyệt',
  ['list who may attend a meeting instead, with their load and the cost; and who may not, and why']:
    'liệt kê ai có thể dự thay một kỳ sinh hoạt, số lượt đã có và chi phí; ai không thể, và vì sao',
  ['the cell (id or name)']: 'chi bộ (mã hoặc tên)',
  ['the meeting date, dd/mm/yyyy or YYYY-MM-DD']: 'ngày sinh hoạt, dd/mm/yyyy hoặc YYYY-MM-DD',
  ['the member whose visit is given away (default: none, an added visitor)']:
    'cấp ủy viên nhường lượt dự (mặc định: không ai, thêm một người dự)',
  ['print the candidates as JSON']: 'in danh sách dưới dạng JSON',
  ['change one visit in a plan folder (checked, saved as a new version); calendars change only there']:
    'sửa một lượt dự trong thư mục kế hoạch (kiểm tra, lưu thành phiên bản mới); lịch chỉ đổi ở lượt đó',
  ['give the visit to this member']: 'giao lượt dự cho cấp ủy viên này',
  ["the member whose visit is given (default: the meeting's visitor)"]:
    'cấp ủy viên nhường lượt dự (mặc định: người đang dự kỳ đó)',
  ["remove this member's visit"]: 'bỏ lượt dự của cấp ủy viên này',
  ['add this member as a visitor']: 'thêm cấp ủy viên này dự',
  ["the change's time stamp (default: now)"]: 'thời điểm ghi cho thay đổi (mặc định: bây giờ)',
  ["list a plan folder's saved versions, or restore one as a new version"]:
    'liệt kê các phiên bản đã lưu của thư mục kế hoạch, hoặc khôi phục một phiên bản thành phiên bản mới',
  ['restore this version']: 'khôi phục phiên bản này',
  ['keep the visits pinned in this file (DIR/pins.json, made by lichdu edit --pin)']:
    'giữ các lượt dự đã ghim trong tệp này (THƯ-MỤC/pins.json, do lichdu edit --pin tạo)',
  ["pin this member's visit: planning again keeps it (DIR/pins.json)"]:
    'ghim lượt dự của cấp ủy viên này: lập lại kế hoạch vẫn giữ (THƯ-MỤC/pins.json)',
  ["unpin this member's visit"]: 'bỏ ghim lượt dự của cấp ủy viên này',
  ['write documents of an existing plan.json, or a spec as a workbook']:
    'ghi tài liệu từ plan.json đã có, hoặc ghi tệp đầu vào thành bảng tính',
  ['write the spec as the workbook lichdu import reads (settings, units, cells, members, absences, agreed ' +
  'visits), to keep the whole input in a spreadsheet']:
    'ghi tệp đầu vào thành bảng tính mà lichdu import đọc (thông tin chung, đảng bộ, chi bộ, cấp ủy viên, ngày ' +
    'vắng, buổi dự theo thỏa thuận), để giữ toàn bộ dữ liệu trong bảng tính',
  ['the workbook to write (.xlsx)']: 'bảng tính sẽ ghi (.xlsx)',
  ['write documents of an existing plan.json']: 'ghi tài liệu từ một plan.json có sẵn',
  ['write DIR/ics/all.ics, DIR/ics/members/<id>.ics and DIR/ics/cells/<id>.ics from plan.json']:
    'ghi THƯ-MỤC/ics/all.ics, THƯ-MỤC/ics/members/<mã>.ics và THƯ-MỤC/ics/cells/<mã>.ics từ plan.json',
  ["serve each member's and each cell's calendar feed from DIR/plan.json at an unguessable URL; reloads " +
  'when the plan changes']:
    'cung cấp lịch đăng ký của từng cấp ủy viên và từng chi bộ từ THƯ-MỤC/plan.json tại địa chỉ không ' +
    'đoán được; tự nạp lại khi kế hoạch thay đổi',
  ["list every member's and cell's subscription link (https:// and webcal://), to send to them"]:
    'liệt kê liên kết đăng ký lịch (https:// và webcal://) của từng cấp ủy viên và chi bộ, để gửi cho họ',
  ["every cell's meeting dates and times for the year, before any planning, with each move explained"]:
    'ngày giờ các kỳ sinh hoạt trong năm của từng chi bộ, trước khi lập kế hoạch, có giải thích mỗi lần ' + 'dời',
  ['the attendance file the staff fill in: what happened at each planned visit']:
    'tệp điểm danh do cán bộ điền: kết quả từng buổi dự sinh hoạt theo kế hoạch',
  ['write the attendance file to fill in, one row per visit of the plan (CSV, or xlsx by name)']:
    'ghi tệp điểm danh để điền, mỗi buổi dự theo kế hoạch một dòng (CSV, hoặc xlsx theo đuôi tên tệp)',
  ['write DIR/report.html (rules, quality, heat maps per unit, per member and cell, meeting calendar, ' +
  'reports due), DIR/report.xlsx and, when the policy sets periodic reports, DIR/report-forms.html']:
    'ghi THƯ-MỤC/report.html (các quy định, chất lượng, bản đồ độ phủ theo đảng bộ, theo cấp ủy viên và ' +
    'chi bộ, lịch sinh hoạt, báo cáo phải nộp), THƯ-MỤC/report.xlsx và, khi quy định có báo cáo định kỳ, ' +
    'THƯ-MỤC/report-forms.html',
  ['build a plan spec from workbooks or CSV files of units, cells and members (or write an empty ' +
  'workbook to fill in with --template DIR)']:
    'tạo tệp đặc tả từ bảng tính hoặc tệp CSV về đảng bộ, chi bộ và cấp ủy viên (hoặc ghi bảng tính trống ' +
    'để điền bằng --template THƯ-MỤC)',
  ['the plan spec (YAML or JSON)']: 'tệp đặc tả kế hoạch (YAML hoặc JSON)',
  ['plan.json, plan.csv or plan.xlsx']: 'plan.json, plan.csv hoặc plan.xlsx',
  ['only this preset']: 'chỉ quy định này',
  ['plan.json or plan.csv']: 'plan.json hoặc plan.csv',
  ['plan.json']: 'plan.json',
  ['the directory holding plan.json']: 'thư mục chứa plan.json',
  ['output directory']: 'thư mục ghi kết quả',
  ['also write the exact model solved, as CPLEX LP (.lp) or free MPS (.mps), for any other solver']:
    'ghi thêm đúng mô hình đã giải, dạng CPLEX LP (.lp) hoặc MPS tự do (.mps), cho bộ giải khác',
  ['no progress and no summary on stderr']: 'không in tiến độ và tóm tắt ra stderr',
  ['record the solve time and its timeline (each better plan or bound) in plan.json (then the file ' +
  'differs between runs)']:
    'ghi thời gian giải và diễn tiến (mỗi phương án tốt hơn hay cận mới) vào plan.json (khi đó tệp khác ' +
    'nhau giữa các lần chạy)',
  ["the plan's time stamp (default: SOURCE_DATE_EPOCH, else the start of the year; on a re-plan the " + '--from date)']:
    'thời điểm ghi trên kế hoạch (mặc định: SOURCE_DATE_EPOCH, nếu không thì đầu năm; khi lập lại kế ' +
    'hoạch là ngày --from)',
  ['re-plan: the plan in use, whose visits from --from on are kept where possible']:
    'lập lại kế hoạch: kế hoạch đang dùng, các buổi dự từ ngày --from trở đi được giữ khi có thể',
  ['re-plan from this date (dd/mm/yyyy or YYYY-MM-DD): before it, what happened stays as it happened']:
    'lập lại kế hoạch từ ngày này (dd/mm/yyyy hoặc YYYY-MM-DD): trước ngày đó, việc đã diễn ra giữ nguyên',
  ['re-plan: what happened before --from, from this attendance file (CSV or xlsx)']:
    'lập lại kế hoạch: những gì đã diễn ra trước --from, lấy từ tệp điểm danh này (CSV hoặc xlsx)',
  ['print the violations and quality figures (or the compliance) as JSON']:
    'in các vi phạm và số liệu chất lượng (hoặc mức thực hiện) dạng JSON',
  ['compliance to date from this attendance file (CSV or xlsx), with --as-of']:
    'mức thực hiện đến ngày, theo tệp điểm danh này (CSV hoặc xlsx), dùng cùng --as-of',
  ['the date of the compliance check, dd/mm/yyyy or YYYY-MM-DD']: 'ngày tính mức thực hiện, dd/mm/yyyy hoặc YYYY-MM-DD',
  ['as JSON, in the shape of an inline policy']: 'dạng JSON, theo cấu trúc một quy định đầy đủ',
  ["the plan's time stamp (default: SOURCE_DATE_EPOCH, else the start of the year)"]:
    'thời điểm ghi trên kế hoạch (mặc định: SOURCE_DATE_EPOCH, nếu không thì đầu năm)',
  ['address to listen on']: 'địa chỉ lắng nghe',
  ['the public URL the feeds are reached at (for the links printed at start)']:
    'địa chỉ công khai để truy cập lịch (cho các liên kết in ra khi khởi động)',
  ['the secret behind the feed tokens (default: one per organisation in ~/.config/lichdu/feed-secrets; ' +
  'made, mode 0600, if missing)']:
    'khóa bí mật tạo mã truy cập lịch (mặc định: mỗi đảng bộ một khóa trong ' +
    '~/.config/lichdu/feed-secrets; tự tạo, quyền 0600, nếu chưa có)',
  ['revoke links: with no value, make a new secret (every link changes); with member or cell ids or full ' +
  'names, only theirs']:
    'thu hồi liên kết: không ghi gì thì tạo khóa bí mật mới (mọi liên kết đều đổi); ghi mã hoặc họ tên cấp ủy ' +
    'viên, mã hoặc tên chi bộ thì chỉ thu hồi liên kết của những người, chi bộ đó',
  ['the public URL of lichdu serve, e.g. https://lich.example.vn']:
    'địa chỉ công khai của lichdu serve, ví dụ https://lich.example.vn',
  ['the same secret file as lichdu serve (default: the same as lichdu serve)']:
    'cùng tệp khóa bí mật với lichdu serve (mặc định: như lichdu serve)',
  ['write to this file instead of printing']: 'ghi vào tệp này thay vì in ra',
  ['the file to write: .csv or .xlsx']: 'tệp sẽ ghi: .csv hoặc .xlsx',
  ['only visits up to this date, dd/mm/yyyy or YYYY-MM-DD']: 'chỉ các buổi dự đến ngày này, dd/mm/yyyy hoặc YYYY-MM-DD',
  ["the report's date (default: SOURCE_DATE_EPOCH, else the start of the year)"]:
    'ngày của báo cáo (mặc định: SOURCE_DATE_EPOCH, nếu không thì đầu năm)',
  ['show the year as it happened from this attendance file, with --as-of']:
    'thể hiện năm theo thực tế từ tệp điểm danh này, dùng cùng --as-of',
  ['the date of the attendance shown, dd/mm/yyyy or YYYY-MM-DD']:
    'ngày của số liệu điểm danh được thể hiện, dd/mm/yyyy hoặc YYYY-MM-DD',
  ['one workbook with sheets "Chi bộ", "Cấp ủy viên" and optionally "Thông tin chung", "Đảng bộ", "Ngày vắng", ' +
  '"Dự theo thỏa thuận"']:
    'một bảng tính có các trang "Chi bộ", "Cấp ủy viên" và có thể thêm "Thông tin chung", "Đảng bộ", "Ngày vắng", ' +
    '"Dự theo thỏa thuận"',
  ['overwrite a spec file edited by hand since it was imported']:
    'ghi đè tệp đầu vào đã được sửa tay sau lần nhập trước',
  ['units (đảng bộ): a workbook or CSV; without it units are made from the names used']:
    'đảng bộ: bảng tính hoặc CSV; nếu không có, đảng bộ được tạo từ các tên đã dùng',
  ['cells (chi bộ): a workbook or CSV']: 'chi bộ: bảng tính hoặc CSV',
  ['members (cấp ủy viên): a workbook or CSV']: 'cấp ủy viên: bảng tính hoặc CSV',
  ['the policy preset (lichdu policies)']: 'quy định có sẵn (lệnh lichdu policies)',
  ['YAML with year, timezone, policy, holidays, meeting_defaults or fixed']:
    'tệp YAML ghi year, timezone, policy, holidays, meeting_defaults hoặc fixed',
  ['level of units made from names']: 'cấp của đảng bộ được tạo từ tên',
  ['the spec file to write (YAML)']: 'tệp đặc tả sẽ ghi (YAML)',
  ['write an empty workbook with the headers into DIR instead']:
    'thay vào đó ghi bảng tính trống có sẵn tiêu đề vào THƯ-MỤC',
  ['language of the documents']: 'ngôn ngữ của tài liệu',
  ['calendar reminder this many minutes before each visit; 0 for none']:
    'nhắc lịch trước mỗi buổi dự bấy nhiêu phút; 0 là không nhắc',
  ['solver seed (same spec and seed: same files)']:
    'hạt giống của bộ giải (cùng đặc tả và hạt giống: cùng tệp kết quả)',
  ['counted from the start of the command: the solve then stops improving and its best plan is written ' +
  '(Ctrl-C does the same)']:
    'tính từ lúc chạy lệnh: hết thời gian thì dừng cải thiện và ghi phương án tốt nhất đang có (Ctrl-C ' + 'cũng vậy)',
  ['stop improving once the plan is within this fraction of the lower bound (default: prove the optimum ' +
  'when the full model is small enough, else 0.001)']:
    'dừng cải thiện khi phương án cách cận dưới không quá tỉ lệ này (mặc định: chứng minh tối ưu khi mô ' +
    'hình đủ nhỏ, nếu không 0.001)',
  ['solver library: highs (HiGHS, MIT), glpk (GLPK, GPL-3.0; the optional package glpk.js)']:
    'thư viện giải: highs (HiGHS, MIT), glpk (GLPK, GPL-3.0; gói tùy chọn glpk.js)',
  ['re-plan: past planned visits the attendance file does not record count as']:
    'lập lại kế hoạch: các buổi dự đã qua mà tệp điểm danh không ghi được tính là',
  ['re-plan: show removed visits as cancelled in the calendars for this long']:
    'lập lại kế hoạch: giữ các buổi dự bị bỏ trong lịch ở trạng thái đã hủy trong bấy nhiêu ngày',
  ['past visits the attendance file does not record: pending (listed, counted neither way), done or missed']:
    'các buổi dự đã qua mà tệp điểm danh chưa ghi: pending (chưa ghi nhận: liệt kê, không tính là đã dự hay vắng), ' +
    'done (tính là đã dự) hoặc missed (tính là vắng)',
  ['port (0: any free port)']: 'cổng (0: một cổng trống bất kỳ)',
  ['table, csv, or html (a printable page per person with a QR code)']:
    'table (bảng), csv, hoặc html (mỗi người một trang in, có mã QR)',
  ['output format']: 'định dạng kết quả',
  ['the plan year']: 'năm kế hoạch',
  ['expected a number of seconds above 0, at most 604,800']: 'cần số giây lớn hơn 0, tối đa 604.800',
  ['expected a port number 0–65535']: 'cần số cổng 0–65535',
  ['expected a whole number of minutes, at most 40,320 (four weeks)']: 'cần số phút nguyên, tối đa 40.320 (bốn tuần)',
  ['expected a fraction from 0 to 1, e.g. 0.001 for 0.1 %']: 'cần một tỉ lệ từ 0 đến 1, ví dụ 0.001 là 0,1 %',
};

/** A help or option text in `lang` (the English is the key). */
export function helpText(lang: Lang): (en: string) => string {
  return (en) => {
    if (lang === 'en') return en;
    const vi = VI[en];
    if (vi === undefined) throw new Error(`no Vietnamese for the help text ${JSON.stringify(en)}`);
    return vi;
  };
}

/** `expected a whole number from 0 to MAX` in `lang`. */
export const wholeUpTo = (lang: Lang, max: number): string =>
  lang === 'vi'
    ? `cần một số nguyên từ 0 đến ${max.toLocaleString('vi')}`
    : `expected a whole number from 0 to ${max.toLocaleString('en')}`;
