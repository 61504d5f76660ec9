// The columns `lichdu import` reads (issue 11), with the headers people write in Vietnamese or English, and the
// explanation the template puts under each header. A header is matched without case, accents kept, spaces folded,
// a trailing ":" or "*" ignored.
import { TAG_LABELS } from '../format/labels.js';
import { normHeader } from '../planfile/table.js';

export { normHeader };

export type SheetKind = 'units' | 'cells' | 'members' | 'absences' | 'fixed';

export interface ColumnDef {
  readonly key: string;
  /** Headers that name it; the first is the template's (Vietnamese), the last the spec's key. */
  readonly aliases: readonly string[];
  readonly explain: string;
  /** A yes/no column that adds a tag. */
  readonly tag?: string;
}

const tagColumns: ColumnDef[] = Object.keys(TAG_LABELS.vi).map((tag) => ({
  key: `tag:${tag}`,
  tag,
  aliases: [
    TAG_LABELS.vi[tag]!.replace(/^./, (c) => c.toUpperCase()),
    ...(tag === 'ethnic' ? ['Dân tộc thiểu số', 'Vùng đồng bào dân tộc thiểu số'] : []),
    ...(tag === 'religious' ? ['Tôn giáo', 'Vùng đồng bào theo đạo'] : []),
    ...(tag === 'remote' ? ['Vùng sâu', 'Vùng sâu vùng xa'] : []),
    TAG_LABELS.en[tag]!,
    tag,
  ],
  explain: 'có / không',
}));

export const COLUMNS: Record<SheetKind, readonly ColumnDef[]> = {
  units: [
    { key: 'id', aliases: ['Mã', 'Mã đảng bộ', 'Mã đơn vị', 'ID', 'id'], explain: 'không bắt buộc: tạo từ tên' },
    { key: 'name', aliases: ['Tên đảng bộ', 'Tên', 'Đảng bộ', 'Tên đơn vị', 'Name', 'name'], explain: 'bắt buộc' },
    { key: 'level', aliases: ['Cấp', 'Level', 'level'], explain: 'tỉnh / huyện / xã' },
    {
      key: 'parent',
      aliases: ['Trực thuộc', 'Đảng bộ cấp trên', 'Cấp trên', 'Parent', 'parent'],
      explain: 'tên hoặc mã đảng bộ cấp trên',
    },
    ...meetingColumns('để trống: như đảng bộ cấp trên, hoặc ngày chung'),
  ],
  cells: [
    { key: 'id', aliases: ['Mã', 'Mã chi bộ', 'ID', 'id'], explain: 'không bắt buộc: tạo từ tên' },
    { key: 'name', aliases: ['Tên chi bộ', 'Chi bộ', 'Tên', 'Name', 'name'], explain: 'bắt buộc' },
    {
      key: 'unit',
      aliases: ['Đảng bộ', 'Thuộc đảng bộ', 'Đảng bộ xã', 'Xã', 'Unit', 'unit'],
      explain: 'tên hoặc mã đảng bộ',
    },
    ...tagColumns,
    { key: 'tags', aliases: ['Đặc điểm', 'Đặc điểm địa bàn', 'Tags', 'tags'], explain: 'các đặc điểm, cách nhau ";"' },
    ...meetingColumns('để trống: như đảng bộ, hoặc ngày chung'),
    {
      key: 'meetings',
      aliases: ['Ngày họp riêng', 'Ngày sinh hoạt riêng', 'Explicit dates', 'meetings'],
      explain: 'ngày họp khác quy tắc trong một số tháng, cách nhau ";", ví dụ 14/02/2027',
    },
    {
      key: 'allow_consecutive',
      aliases: ['Được dự liên tiếp', 'Cho phép dự liên tiếp', 'Allow consecutive', 'allow_consecutive'],
      explain: 'có: một người được dự hai kỳ liền (trường hợp đặc biệt)',
    },
    ...activeColumns('chi bộ'),
  ],
  members: [
    { key: 'id', aliases: ['Mã', 'Mã cấp ủy viên', 'ID', 'id'], explain: 'không bắt buộc: tạo từ họ tên' },
    { key: 'name', aliases: ['Họ và tên', 'Họ tên', 'Tên', 'Full name', 'Name', 'name'], explain: 'bắt buộc' },
    {
      key: 'role',
      aliases: ['Chức danh', 'Cấp / chức danh', 'Vai trò', 'Role', 'role'],
      explain: 'chọn trong danh sách',
    },
    {
      key: 'unit',
      aliases: ['Cấp ủy', 'Đảng bộ', 'Đơn vị', 'Unit', 'unit'],
      explain: 'đảng bộ có cấp ủy mà đồng chí là ủy viên',
    },
    {
      key: 'home_cell',
      aliases: ['Chi bộ nơi sinh hoạt', 'Chi bộ nơi cư trú', 'Sinh hoạt tại chi bộ', 'Home cell', 'home_cell'],
      explain: 'không được phân công dự tại chi bộ này',
    },
    { key: 'team', aliases: ['Tổ', 'Tổ cấp ủy', 'Team', 'team'], explain: 'không bắt buộc' },
    {
      key: 'area',
      aliases: ['Địa bàn phụ trách', 'Phụ trách', 'Area', 'area'],
      explain: 'các đảng bộ, cách nhau ";"; để trống: đảng bộ của mình',
    },
    {
      key: 'unavailable',
      aliases: ['Ngày vắng', 'Vắng', 'Unavailable', 'unavailable'],
      explain: 'ngày/tháng/năm hoặc khoảng, ví dụ 01/03/2027 - 15/03/2027; cách nhau ";"',
    },
    {
      key: 'quota',
      aliases: ['Định mức riêng', 'Định mức', 'Quota', 'quota'],
      explain: 'để trống: theo chức danh; ví dụ "3/năm" hoặc "1/quý; tối đa 2/tháng"',
    },
    ...activeColumns('cấp ủy viên'),
  ],
  absences: [
    {
      key: 'member',
      aliases: ['Cấp ủy viên', 'Họ và tên', 'Mã cấp ủy viên', 'Member', 'member'],
      explain: 'họ và tên hoặc mã',
    },
    { key: 'from', aliases: ['Từ ngày', 'From', 'from'], explain: 'ngày/tháng/năm' },
    { key: 'to', aliases: ['Đến ngày', 'To', 'to'], explain: 'để trống: chỉ một ngày' },
    { key: 'reason', aliases: ['Lý do', 'Reason', 'reason'], explain: 'không bắt buộc' },
  ],
  fixed: [
    {
      key: 'member',
      aliases: ['Cấp ủy viên', 'Họ và tên', 'Mã cấp ủy viên', 'Member', 'member'],
      explain: 'họ và tên hoặc mã',
    },
    { key: 'cell', aliases: ['Chi bộ', 'Tên chi bộ', 'Mã chi bộ', 'Cell', 'cell'], explain: 'tên hoặc mã chi bộ' },
    { key: 'date', aliases: ['Ngày', 'Ngày dự', 'Date', 'date'], explain: 'ngày họp của chi bộ, ngày/tháng/năm' },
  ],
};

/** The meeting rule's columns (a cell's, or a unit's for its cells). */
function meetingColumns(blank: string): ColumnDef[] {
  return [
    {
      key: 'day',
      aliases: ['Ngày sinh hoạt', 'Ngày họp', 'Meeting day', 'meeting_day'],
      explain: `1–28, "cuối tháng" hoặc ví dụ "thứ Bảy tuần đầu tháng"; ${blank}`,
    },
    {
      key: 'time',
      aliases: ['Giờ sinh hoạt', 'Giờ họp', 'Meeting time', 'meeting_time'],
      explain: `ví dụ 19:30; ${blank.replace('ngày chung', 'giờ chung')}`,
    },
    {
      key: 'duration',
      aliases: ['Thời lượng (phút)', 'Thời lượng', 'Duration (minutes)', 'duration_minutes'],
      explain: 'số phút; để trống: như trên',
    },
    {
      key: 'shift',
      aliases: ['Dời lịch khi trùng', 'Dời lịch', 'Shift', 'shift'],
      explain: '"ngày lễ", "ngày lễ và cuối tuần" hoặc "không dời"; để trống: như trên',
    },
  ];
}

/** When a member or cell is part of the plan (SPEC's `active`): from a date, until a date, or both. */
function activeColumns(who: string): ColumnDef[] {
  return [
    { key: 'active_from', aliases: ['Từ ngày', 'Active from', 'active_from'], explain: `${who} mới: ngày bắt đầu` },
    { key: 'active_to', aliases: ['Đến ngày', 'Active until', 'active_to'], explain: `${who} thôi: ngày cuối` },
  ];
}

/** Sheet names looked for in one workbook, Vietnamese first. */
export const SHEETS: Record<SheetKind, readonly string[]> = {
  units: ['Đảng bộ', 'Đơn vị', 'Units'],
  cells: ['Chi bộ', 'Cells'],
  members: ['Cấp ủy viên', 'Members'],
  absences: ['Ngày vắng', 'Absences'],
  fixed: ['Dự theo thỏa thuận', 'Buổi dự cố định', 'Fixed visits'],
};

/** Header text -> column, per sheet kind. */
export function columnOf(kind: SheetKind, header: string): ColumnDef | undefined {
  return byNormalised(kind, normHeader(header));
}

/** The column whose alias is this normalised header text. */
export function byNormalised(kind: SheetKind, h: string): ColumnDef | undefined {
  return COLUMNS[kind].find((c) => c.aliases.some((a) => normHeader(a) === h));
}
