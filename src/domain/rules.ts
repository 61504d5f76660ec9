// The rule catalogue: every rule of SPEC §4 and every soft goal, with its id, kind and labels. The checker's list,
// the solver's list and the tests are held against it (test/catalogue.test.ts).

export const RULE_IDS = [
  'quota',
  'coverage',
  'visitorsPerMeeting',
  'teamPerMeeting',
  'noConsecutive',
  'homeCell',
  'area',
  'availability',
  'visitsPerDay',
  'fixed',
  'meetingDate',
  'distinctVisits',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const SOFT_GOAL_IDS = ['priority', 'rotation', 'spread', 'fairness', 'changes'] as const;
export type SoftGoalId = (typeof SOFT_GOAL_IDS)[number];

export interface CatalogueEntry {
  readonly id: RuleId | SoftGoalId;
  readonly kind: 'hard' | 'soft';
  /** Where the SPEC states it. */
  readonly spec: string;
  readonly label: { readonly vi: string; readonly en: string };
}

/** Hard rules in the order of SPEC §4 (then the meeting calendar), then the soft goals in their order. */
export const CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: 'quota',
    kind: 'hard',
    spec: '§4.1',
    label: { vi: 'Định mức dự sinh hoạt của mỗi cấp ủy viên theo kỳ', en: 'Quota per member and period' },
  },
  {
    id: 'coverage',
    kind: 'hard',
    spec: '§4.2',
    label: { vi: 'Mỗi chi bộ đều có cấp ủy viên dự', en: 'Coverage of every cell' },
  },
  {
    id: 'visitorsPerMeeting',
    kind: 'hard',
    spec: '§4.3',
    label: { vi: 'Số cấp ủy viên dự một buổi sinh hoạt', en: 'Visitors per meeting' },
  },
  {
    id: 'teamPerMeeting',
    kind: 'hard',
    spec: '§4.3',
    label: { vi: 'Số người của một tổ dự một buổi sinh hoạt', en: 'Members of one team per meeting' },
  },
  {
    id: 'noConsecutive',
    kind: 'hard',
    spec: '§4.4',
    label: { vi: 'Không dự hai kỳ liên tiếp ở một chi bộ', en: 'No two consecutive meetings of one cell' },
  },
  {
    id: 'homeCell',
    kind: 'hard',
    spec: '§4.5',
    label: { vi: 'Không dự ở chi bộ mình sinh hoạt', en: 'Not at the member’s home cell' },
  },
  {
    id: 'area',
    kind: 'hard',
    spec: '§4.6',
    label: { vi: 'Trong địa bàn được phân công', en: 'Inside the member’s area' },
  },
  {
    id: 'availability',
    kind: 'hard',
    spec: '§4.7',
    label: { vi: 'Không xếp vào ngày vắng mặt', en: 'Not on an unavailable day' },
  },
  {
    id: 'visitsPerDay',
    kind: 'hard',
    spec: '§4.7',
    label: { vi: 'Số buổi dự trong một ngày', en: 'Visits per member per day' },
  },
  {
    id: 'fixed',
    kind: 'hard',
    spec: '§4.8',
    label: { vi: 'Giữ nguyên các buổi đã cố định', en: 'Fixed visits kept as given' },
  },
  {
    id: 'meetingDate',
    kind: 'hard',
    spec: '§1',
    label: { vi: 'Đúng ngày giờ sinh hoạt của chi bộ', en: 'On the cell’s meeting date and time' },
  },
  {
    id: 'distinctVisits',
    kind: 'hard',
    spec: '§3',
    label: { vi: 'Mỗi buổi dự chỉ ghi một lần', en: 'Each visit listed once' },
  },
  {
    id: 'priority',
    kind: 'soft',
    spec: '§4 soft 1',
    label: { vi: 'Ưu tiên địa bàn khó khăn: dự nhiều hơn, sớm hơn', en: 'Priority cells: more visits, earlier' },
  },
  {
    id: 'rotation',
    kind: 'soft',
    spec: '§4 soft 2',
    label: { vi: 'Luân phiên dự các chi bộ khác nhau', en: 'Rotation across cells' },
  },
  {
    id: 'spread',
    kind: 'soft',
    spec: '§4 soft 3',
    label: { vi: 'Rải đều trong năm', en: 'Visits spread over the year' },
  },
  {
    id: 'fairness',
    kind: 'soft',
    spec: '§4 soft 3 (issue 8: fair load)',
    label: { vi: 'Chia đều các buổi dự thêm ngoài định mức', en: 'Extra visits beyond the quotas shared evenly' },
  },
  {
    id: 'changes',
    kind: 'soft',
    spec: '§4 soft 4 (issue 9: re-plan)',
    label: {
      vi: 'Khi lập lại kế hoạch: thay đổi ít nhất các buổi dự sắp tới',
      en: 'On a re-plan: fewest changes to visits ahead',
    },
  },
];

export function catalogueEntry(id: RuleId | SoftGoalId): CatalogueEntry {
  return CATALOGUE.find((e) => e.id === id)!;
}
