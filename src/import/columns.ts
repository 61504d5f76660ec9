// The columns `lichdu import` reads (issue 11), with the headers people write in Vietnamese or English, and the
// explanation the template puts under each header. A header is matched without case, accents kept, spaces folded,
// a trailing ":" or "*" ignored.
import { TAG_LABELS } from '../format/labels.js';
import { normHeader } from '../planfile/table.js';

export { normHeader };

export type SheetKind = 'units' | 'cells' | 'members';

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
    {
      key: 'day',
      aliases: ['Ngày sinh hoạt', 'Ngày họp', 'Meeting day', 'meeting_day'],
      explain: '1–28 hoặc "cuối tháng"; để trống: ngày chung',
    },
    {
      key: 'time',
      aliases: ['Giờ sinh hoạt', 'Giờ họp', 'Meeting time', 'meeting_time'],
      explain: 'ví dụ 19:30; để trống: giờ chung',
    },
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
      explain: 'ví dụ 2027-03-01..2027-03-15; cách nhau ";"',
    },
  ],
};

/** Sheet names looked for in one workbook, Vietnamese first. */
export const SHEETS: Record<SheetKind, readonly string[]> = {
  units: ['Đảng bộ', 'Đơn vị', 'Units'],
  cells: ['Chi bộ', 'Cells'],
  members: ['Cấp ủy viên', 'Members'],
};

/** Header text -> column, per sheet kind. */
export function columnOf(kind: SheetKind, header: string): ColumnDef | undefined {
  return byNormalised(kind, normHeader(header));
}

/** The column whose alias is this normalised header text. */
export function byNormalised(kind: SheetKind, h: string): ColumnDef | undefined {
  return COLUMNS[kind].find((c) => c.aliases.some((a) => normHeader(a) === h));
}
