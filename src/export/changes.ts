// changes.csv (issue 9): what a re-plan changed for whom, so that the staff can tell the members. UTF-8 with BOM,
// CRLF, as plan.csv; one row per change, by member then date; Vietnamese headers by default, English with --lang en.
import type { Directory } from '../domain/types.js';
import { catalogueEntry, RULE_IDS, type RuleId } from '../domain/rules.js';
import type { Change, ChangeWhy } from '../replan/diff.js';
import { csvLine, defuse } from '../format/csv.js';
import type { Lang } from '../format/labels.js';

export const CHANGES_HEADERS: Record<Lang, readonly string[]> = {
  vi: [
    'Thay đổi',
    'Mã cấp ủy viên',
    'Họ và tên',
    'Ngày cũ',
    'Mã chi bộ cũ',
    'Tên chi bộ cũ',
    'Ngày mới',
    'Mã chi bộ mới',
    'Tên chi bộ mới',
    'Lý do',
  ],
  en: [
    'Change',
    'Member ID',
    'Name',
    'Old date',
    'Old cell ID',
    'Old cell',
    'New date',
    'New cell ID',
    'New cell',
    'Why',
  ],
};

export const CHANGE_KIND_LABELS: Record<Lang, Record<Change['kind'], string>> = {
  vi: { moved: 'Đổi lịch', added: 'Thêm', removed: 'Bỏ' },
  en: { moved: 'moved', added: 'added', removed: 'removed' },
};

const WHY: Record<Lang, Record<Exclude<ChangeWhy, RuleId>, string>> = {
  vi: {
    'member-gone': 'Cấp ủy viên không còn trong danh sách',
    'member-inactive': 'Cấp ủy viên không còn (hoặc chưa) công tác vào ngày này',
    unavailable: 'Cấp ủy viên bận vào ngày này',
    'cell-gone': 'Chi bộ không còn trong danh sách',
    'cell-inactive': 'Chi bộ không (hoặc chưa) hoạt động vào ngày này',
    'meeting-moved': 'Chi bộ đổi ngày sinh hoạt',
    rebalanced: 'Điều chỉnh để bảo đảm định mức và bao phủ sau các thay đổi khác',
    needed: 'Bổ sung để bảo đảm định mức hoặc bao phủ',
  },
  en: {
    'member-gone': 'member no longer in the spec',
    'member-inactive': 'member not (or not yet) active on that day',
    unavailable: 'member unavailable that day',
    'cell-gone': 'cell no longer in the spec',
    'cell-inactive': 'cell not (or not yet) active on that day',
    'meeting-moved': "the cell's meeting moved",
    rebalanced: 'rebalanced to keep quotas and coverage after the other changes',
    needed: 'added to meet a quota or coverage',
  },
};

export function whyText(why: ChangeWhy, lang: Lang): string {
  if ((RULE_IDS as readonly string[]).includes(why)) {
    const rule = catalogueEntry(why as RuleId).label[lang];
    return lang === 'vi' ? `Không còn đúng quy định: ${rule}` : `would break a rule: ${rule}`;
  }
  return WHY[lang][why as Exclude<ChangeWhy, RuleId>];
}

export function renderChangesCsv(dir: Directory, changes: readonly Change[], lang: Lang): string {
  const member = new Map(dir.members.map((m) => [m.id as string, m.name]));
  const cell = new Map(dir.cells.map((c) => [c.id as string, c.name]));
  const rows = changes.map((c) => [
    CHANGE_KIND_LABELS[lang][c.kind],
    c.member,
    member.get(c.member) ?? '',
    c.before?.date ?? '',
    c.before?.cell ?? '',
    c.before ? (cell.get(c.before.cell) ?? '') : '',
    c.after?.date ?? '',
    c.after?.cell ?? '',
    c.after ? (cell.get(c.after.cell) ?? '') : '',
    whyText(c.why, lang),
  ]);
  return '\uFEFF' + [CHANGES_HEADERS[lang], ...rows].map((r) => csvLine(r.map(defuse)) + '\r\n').join('');
}
