// The normalised, validated data every other module works on. Nothing here depends on any other module of ours.

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type UnitId = Brand<string, 'UnitId'>;
export type CellId = Brand<string, 'CellId'>;
export type MemberId = Brand<string, 'MemberId'>;
/** A calendar date `YYYY-MM-DD` in the plan's time zone. */
export type IsoDate = string;
/** A local wall-clock time `HH:MM`. */
export type HhMm = string;

export const PERIOD_KINDS = ['year', 'half', 'quarter', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** At least `min` (and at most `max`) visits in one period. */
export interface PeriodBounds {
  readonly min: number;
  readonly max?: number;
}

export interface Quota extends PeriodBounds {
  readonly per: PeriodKind;
  /** Pro-rated bounds per period (index as periodsOf), for a member active part of the year (src/domain/active.ts). */
  readonly byPeriod?: readonly PeriodBounds[];
}

/** When a member or cell is part of the plan: from and to inclusive, either open. */
export interface ActiveRange {
  readonly from?: IsoDate;
  readonly to?: IsoDate;
}

export interface RolePolicy {
  readonly quota: readonly Quota[];
  /** Days after a visit by which the member's report is due; absent when the document sets none. */
  readonly reportDueDays?: number;
  readonly label?: { readonly vi?: string; readonly en?: string };
}

export interface PolicySource {
  readonly number: string;
  readonly date: string;
  readonly issuer: string;
  readonly title: string;
  readonly articles: readonly string[];
}

export interface Words {
  readonly vi: string;
  readonly en: string;
}

/** A field of a report template: the member writes it, or lichdu fills in the visits the report covers. */
export interface ReportField extends Words {
  readonly fill?: 'visits';
}

/** A periodic report a regulation requires (seed 001 quarterly, seed 002 after each visit and monthly). */
export interface ReportTemplate {
  readonly id: string;
  readonly title: Words;
  readonly article: string;
  readonly each: 'visit' | PeriodKind;
  readonly by: 'member' | 'unit';
  /** The roles whose visits it covers; absent: every role. */
  readonly roles?: readonly string[];
  readonly dueDay?: number;
  readonly dueAfterDays?: number;
  readonly sections: readonly { readonly title?: Words; readonly fields: readonly ReportField[] }[];
}

export interface Policy {
  readonly id: string;
  readonly title: string;
  readonly source?: PolicySource;
  readonly notes?: readonly string[];
  readonly roles: Readonly<Record<string, RolePolicy>>;
  /** The periodic reports the document sets; absent or empty when it sets none. */
  readonly reports?: readonly ReportTemplate[];
  readonly coverage: { readonly min: number; readonly max?: number; readonly per: PeriodKind };
  readonly maxVisitorsPerMeeting: number;
  readonly maxPerTeamPerMeeting: number;
  readonly noConsecutive: boolean;
  readonly skipHomeCell: boolean;
  readonly maxVisitsPerDay: number;
  /** Tag -> weight; a cell's priority is the sum of the weights of its tags. */
  readonly priority: Readonly<Record<string, number>>;
}

export const SHIFT_RULES = ['holidays', 'holidays-and-weekends', 'none'] as const;
export type ShiftRule = (typeof SHIFT_RULES)[number];

export type WeekOfMonth = 1 | 2 | 3 | 4 | 'last';

/** The n-th (or last) weekday of the month; weekday 1 = Monday … 7 = Sunday (ISO). */
export interface WeekdayOfMonth {
  readonly week: WeekOfMonth;
  readonly weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** A day 1–28, the last day of the month, or a weekday of the month. */
export type MeetingDay = number | 'last' | WeekdayOfMonth;

export interface MeetingRule {
  /** Day of month 1–28, the last day of the month, or a weekday of the month (./meetingDay.ts). */
  readonly day: MeetingDay;
  readonly time: HhMm;
  readonly durationMinutes: number;
  readonly shift: ShiftRule;
}

export interface Unit {
  readonly id: UnitId;
  readonly name: string;
  readonly level: string;
  readonly parent?: UnitId;
}

export interface Cell {
  readonly id: CellId;
  readonly name: string;
  readonly unit: UnitId;
  readonly tags: readonly string[];
  readonly meeting: MeetingRule;
  /** Explicit dates by month number (1–12). */
  readonly explicitDates: ReadonlyMap<number, IsoDate>;
  readonly allowConsecutive: boolean;
  readonly active?: ActiveRange;
  /** Pro-rated coverage per coverage period, for a cell active part of the year (src/domain/active.ts). */
  readonly coverage?: readonly PeriodBounds[];
}

export interface Member {
  readonly id: MemberId;
  readonly name: string;
  readonly role: string;
  readonly unit: UnitId;
  readonly team?: string;
  /** The area as written (units); default: the member's own unit. */
  readonly area: readonly UnitId[];
  /** Every cell below the area's units, in input order of cells. */
  readonly eligibleCells: ReadonlySet<CellId>;
  readonly homeCell?: CellId;
  /** Every unavailable date, ranges expanded. */
  readonly unavailable: ReadonlySet<IsoDate>;
  /** The quotas in force: the member's override, else the role's (pro-rated when `active` is set). */
  readonly quotas: readonly Quota[];
  readonly active?: ActiveRange;
}

/** One meeting of one cell: the cell's meeting of month `month` (its "kỳ"), held on `date`. */
export interface Meeting {
  readonly cell: CellId;
  /** The meeting's month 1–12 (the date may be shifted into the next month). */
  readonly month: number;
  /** Position in the cell's ordered list of meetings, 0-based; consecutive meetings differ by 1. */
  readonly index: number;
  readonly date: IsoDate;
  readonly start: HhMm;
  readonly end: HhMm;
}

export type VisitStatus = 'planned' | 'fixed';

export interface Visit {
  readonly member: MemberId;
  readonly cell: CellId;
  readonly date: IsoDate;
  readonly start: HhMm;
  readonly end: HhMm;
  readonly status: VisitStatus;
  /** Its calendar identity across re-plans (issue 9); absent: made from the visit (see src/export/ics.ts). */
  readonly identity?: VisitIdentity;
}

/** A calendar event's UID, SEQUENCE and DTSTAMP, kept while the visit survives re-plans. */
export interface VisitIdentity {
  readonly uid: string;
  readonly sequence: number;
  /** ISO-8601 UTC: when the event last changed. */
  readonly stamp: string;
}

/** A visit a re-plan removed, shown as cancelled (STATUS:CANCELLED) until `until` (--keep-cancelled DAYS). */
export interface CancelledVisit extends Visit {
  readonly identity: VisitIdentity;
  readonly until: string;
}

/** What a re-plan records in plan.json: its date, the previous plan's time, and the counts of changes. */
export interface ReplanInfo {
  readonly from: IsoDate;
  readonly previousGeneratedAt: string;
  readonly unrecorded: 'done' | 'missed';
  readonly kept: number;
  readonly moved: number;
  readonly added: number;
  readonly removed: number;
}

export interface FixedVisit {
  readonly member: MemberId;
  readonly cell: CellId;
  readonly date: IsoDate;
}

/** What documents need to name things: a Problem has it all, and so does a plan.json on its own. */
export interface DirectoryCell {
  readonly id: CellId;
  readonly name: string;
  readonly unit: UnitId;
  readonly tags: readonly string[];
}
export interface DirectoryMember {
  readonly id: MemberId;
  readonly name: string;
  readonly role: string;
  readonly unit: UnitId;
  readonly team?: string;
}
export interface Directory {
  readonly year: number;
  readonly timezone: string;
  readonly policy: Policy;
  readonly units: readonly Unit[];
  readonly cells: readonly DirectoryCell[];
  readonly members: readonly DirectoryMember[];
}

export interface Problem {
  readonly year: number;
  readonly timezone: string;
  readonly policy: Policy;
  readonly holidays: ReadonlySet<IsoDate>;
  readonly units: readonly Unit[];
  readonly cells: readonly Cell[];
  readonly members: readonly Member[];
  /** Every meeting of every cell, ordered by cell (input order) then month. */
  readonly meetings: readonly Meeting[];
  readonly fixed: readonly FixedVisit[];
  /** `sha256:<hex>` of the spec file's bytes. */
  readonly specHash: string;
  /**
   * A re-plan (issue 9): meetings before `from` are closed (what happened is among the fixed visits), and the previous
   * plan's visits from `from` on are what the new plan should keep (soft goal `changes`).
   */
  readonly replan?: Replan;
}

export interface Replan {
  readonly from: IsoDate;
  readonly previous: readonly FixedVisit[];
}

export interface SolverReport {
  readonly status: string;
  readonly objective?: number;
  readonly bound?: number;
  readonly gap?: number;
  readonly timeMs?: number;
  readonly backend?: string;
  readonly seed?: number;
  /** How the solver settled the plan (e.g. `network`, `mip`). */
  readonly method?: string;
  /** Why the solve stopped before its gap target: `time-limit` or `user` (Ctrl-C, SIGTERM). */
  readonly stopped?: 'time-limit' | 'user';
  /** Each better plan or bound, with its time in ms (only with --record-time: it differs between runs). */
  readonly timeline?: readonly {
    readonly ms: number;
    readonly phase: string;
    readonly cost?: number;
    readonly bound?: number;
  }[];
}

export interface Plan {
  readonly specHash?: string;
  readonly visits: readonly Visit[];
  readonly solver?: SolverReport;
  readonly cancelled?: readonly CancelledVisit[];
  readonly replan?: ReplanInfo;
}

/**
 * A broken hard rule, as data: which rule, who, where and when, and the count against the rule's limit. Words are
 * made from it at the edge (src/export/violationText.ts), in the user's language.
 */
export interface Violation {
  readonly rule: RuleId;
  readonly member?: MemberId;
  readonly cell?: CellId;
  readonly date?: IsoDate;
  /** A period label: `2027`, `2027-H1`, `2027-Q3`, `2027-05`. */
  readonly period?: string;
  readonly team?: string;
  /** `min`: fewer than `limit`; `max`: more than `limit`. */
  readonly bound: 'min' | 'max';
  readonly limit: number;
  readonly count: number;
  /** What makes up the count where several things do: members at a meeting, cells on a day, the two dates in a row. */
  readonly involved?: readonly string[];
  /** meetingDate: the meeting the visit should attend (its date, or its times), and the visit's own times. */
  readonly expected?: { readonly date?: IsoDate; readonly start?: HhMm; readonly end?: HhMm };
  readonly found?: { readonly start: HhMm; readonly end: HhMm };
  /** On a plan the solver made: whether the violation is proven unavoidable (SPEC §3; absent when not judged). */
  readonly proven?: boolean;
}

export { RULE_IDS, type RuleId } from './rules.js';
import type { RuleId } from './rules.js';
