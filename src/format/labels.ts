// Words shown to users in documents: Vietnamese by default, English with --lang en.
import type { Policy, VisitStatus } from '../domain/types.js';

export type { Lang } from '../i18n/lang.js';
import type { Lang } from '../i18n/lang.js';
export const LANGS: readonly Lang[] = ['vi', 'en'];

export const CSV_COLUMNS = [
  'date',
  'weekday',
  'start',
  'end',
  'member_id',
  'member_name',
  'role',
  'cell_id',
  'cell_name',
  'unit_id',
  'unit_name',
  'tags',
  'status',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const CSV_HEADERS: Record<Lang, readonly string[]> = {
  vi: [
    'Ngày',
    'Thứ',
    'Giờ bắt đầu',
    'Giờ kết thúc',
    'Mã cấp ủy viên',
    'Họ và tên',
    'Cấp / chức danh',
    'Mã chi bộ',
    'Tên chi bộ',
    'Mã đảng bộ',
    'Tên đảng bộ',
    'Đặc điểm địa bàn',
    'Trạng thái',
  ],
  en: [
    'Date',
    'Weekday',
    'Start',
    'End',
    'Member ID',
    'Full name',
    'Level / role',
    'Cell ID',
    'Cell name',
    'Unit ID',
    'Unit name',
    'Area characteristics',
    'Status',
  ],
};

export const STATUS_LABELS: Record<Lang, Record<VisitStatus, string>> = {
  vi: { planned: 'Dự kiến', fixed: 'Cố định' },
  en: { planned: 'planned', fixed: 'fixed' },
};

/** Labels of the well-known area tags; any other tag is shown as written. */
export const TAG_LABELS: Record<Lang, Record<string, string>> = {
  vi: {
    remote: 'vùng sâu, vùng xa',
    ethnic: 'đồng bào dân tộc thiểu số',
    religious: 'đồng bào theo đạo',
    complex: 'địa bàn phức tạp',
  },
  en: { remote: 'remote area', ethnic: 'ethnic-minority area', religious: 'religious area', complex: 'complex area' },
};

export function tagLabel(tag: string, lang: Lang): string {
  return (Object.hasOwn(TAG_LABELS[lang], tag) ? TAG_LABELS[lang][tag] : undefined) ?? tag;
}

export function roleLabel(dir: { readonly policy: Policy }, role: string, lang: Lang): string {
  return (Object.hasOwn(dir.policy.roles, role) ? dir.policy.roles[role]!.label?.[lang] : undefined) ?? role;
}

/** A name without its leading "Chi bộ" or "Đảng bộ" (a cell or unit is referred to either way; tables say it once). */
export const bare = (name: string): string => name.replace(/^\s*(chi bộ|đảng bộ)\s+/i, '');
