// Violations in words, at the edge: the CLI, plan.json and reports render the same data in Vietnamese or English.
import type { Violation } from '../domain/types.js';
import type { Lang } from './labels.js';

/** What the renderer needs to name members and cells; both optional (a plan.json alone may lack the spec). */
export interface Names {
  memberName?(id: string): string | undefined;
  cellName?(id: string): string | undefined;
}

const count = (lang: Lang, n: number, en: string, enMany = `${en}s`, vi: string) =>
  lang === 'vi' ? `${n} ${vi}` : `${n} ${n === 1 ? en : enMany}`;

function visits(lang: Lang, n: number): string {
  return count(lang, n, 'visit', 'visits', 'buổi');
}

/** "required …, found …" of one violation. */
function requirement(v: Violation, lang: Lang): { required: string; found: string } {
  const vi = lang === 'vi';
  const atLeast = vi ? 'ít nhất' : 'at least';
  const atMost = vi ? 'nhiều nhất' : 'at most';
  const bound = v.bound === 'min' ? atLeast : atMost;
  const list = v.involved && v.involved.length > 0 ? `: ${v.involved.join(', ')}` : '';
  switch (v.rule) {
    case 'quota':
    case 'coverage':
      return { required: `${bound} ${visits(lang, v.limit)}`, found: visits(lang, v.count) };
    case 'visitorsPerMeeting':
      return {
        required: `${bound} ${count(lang, v.limit, 'visitor', 'visitors', 'cấp ủy viên dự')}`,
        found: `${count(lang, v.count, 'visitor', 'visitors', 'cấp ủy viên dự')}${list}`,
      };
    case 'teamPerMeeting':
      return {
        required: vi
          ? `${bound} ${v.limit} người của tổ "${v.team ?? ''}"`
          : `${bound} ${count(lang, v.limit, 'member', 'members', '')} of team "${v.team ?? ''}"`,
        found: `${count(lang, v.count, 'member', 'members', 'người')}${list}`,
      };
    case 'visitsPerDay':
      return {
        required: vi ? `${bound} ${v.limit} buổi một ngày` : `${bound} ${visits(lang, v.limit)} a day`,
        found: `${visits(lang, v.count)}${list}`,
      };
    case 'noConsecutive':
      return {
        required: vi
          ? 'không dự hai kỳ sinh hoạt liên tiếp ở cùng chi bộ'
          : 'no visit to the same cell at two consecutive meetings',
        found: vi ? `dự các ngày ${(v.involved ?? []).join(' và ')}` : `visits on ${(v.involved ?? []).join(' and ')}`,
      };
    case 'homeCell':
      return {
        required: vi ? 'không dự ở chi bộ nơi mình sinh hoạt' : 'no visit to the member’s home cell',
        found: vi ? `dự ở chi bộ "${v.cell}"` : `a visit to home cell "${v.cell}"`,
      };
    case 'area':
      return {
        required: vi ? 'chi bộ trong địa bàn được phân công' : 'a cell inside the member’s area',
        found: vi ? `chi bộ "${v.cell}" ngoài địa bàn` : `cell "${v.cell}", outside it`,
      };
    case 'availability':
      return {
        required: vi ? 'không dự vào ngày vắng mặt' : 'no visit on an unavailable day',
        found: vi ? `một buổi ngày ${v.date}` : `a visit on ${v.date}, marked unavailable`,
      };
    case 'fixed':
      return v.bound === 'min'
        ? {
            required: vi ? 'buổi đã cố định trong đặc tả' : 'the fixed visit of the spec',
            found: vi ? 'không có trong kế hoạch' : 'no such visit in the plan',
          }
        : {
            required: vi
              ? 'chỉ đánh dấu "Cố định" buổi đã cố định'
              : 'status "fixed" only for a fixed visit of the spec',
            found: vi
              ? 'một buổi đánh dấu cố định mà đặc tả không có'
              : 'a visit marked fixed that the spec does not fix',
          };
    case 'distinctVisits':
      return {
        required: vi ? 'mỗi buổi dự ghi một dòng' : 'each visit on one row',
        found: vi ? `${v.count} dòng cho cùng một buổi` : `${v.count} rows for the same visit`,
      };
    case 'meetingDate':
      if (v.found && v.expected?.start)
        return {
          required: `${v.expected.start}–${v.expected.end ?? ''}`,
          found: `${v.found.start}–${v.found.end}`,
        };
      return {
        required: v.expected?.date
          ? vi
            ? `buổi sinh hoạt ngày ${v.expected.date}`
            : `the meeting on ${v.expected.date}`
          : vi
            ? 'một ngày sinh hoạt của chi bộ'
            : 'a meeting date of the cell',
        found: vi
          ? `một buổi ngày ${v.date ?? ''}, khi chi bộ không sinh hoạt`
          : `a visit on ${v.date ?? ''}, when the cell does not meet`,
      };
  }
}

/** `✖ quota: m001 (Nguyễn Văn An), 2027: required at least 2 visits, found 1 visit` */
export function describeViolation(v: Violation, lang: Lang = 'en', names: Names = {}): string {
  const named = (id: string | undefined, name: string | undefined) =>
    id ? (name ? `${id} (${name})` : id) : undefined;
  const member = named(v.member, v.member ? names.memberName?.(v.member) : undefined);
  const cell = named(v.cell, v.cell ? names.cellName?.(v.cell) : undefined);
  const who = [member, cell].filter(Boolean).join(lang === 'vi' ? ' tại ' : ' at ');
  const when = v.date ?? v.period ?? '';
  const { required, found } = requirement(v, lang);
  const head = [who, when].filter((s) => s !== '').join(', ');
  const words = lang === 'vi' ? `yêu cầu ${required}, thực tế ${found}` : `required ${required}, found ${found}`;
  return `✖ ${v.rule}: ${head === '' ? '' : `${head}: `}${words}`;
}
