// The shared vocabulary of the model and its rule modules: candidates (one binary variable each), slacks, rules
// that had to give way, and the context every rule module builds its rows in.
import type { Cell, IsoDate, Meeting, Member, Problem, RuleId } from '../src/domain/types.js';
import type { Model } from './lp.js';

/** A possible visit: one binary variable. */
export interface Candidate {
  readonly v: number;
  readonly member: Member;
  readonly cell: Cell;
  readonly meeting: Meeting;
  readonly fixed: boolean;
}

/** A rule the model had to give way on before solving (fixed visits that break it): reported as is. */
export interface Forced {
  readonly rule: RuleId;
  readonly member?: string;
  readonly cell?: string;
  readonly date?: IsoDate;
  readonly period?: string;
}

/** A slack variable: when positive in the solution, the rule it is named after is not met by that much. */
export interface Slack {
  readonly v: number;
  readonly rule: RuleId;
  readonly member?: string;
  readonly cell?: string;
  readonly period: string;
}

export interface BuiltModel {
  readonly model: Model;
  readonly candidates: readonly Candidate[];
  readonly slacks: readonly Slack[];
  readonly forced: readonly Forced[];
}

export interface ModelContext {
  readonly problem: Problem;
  readonly model: Model;
  readonly candidates: readonly Candidate[];
  readonly byMember: ReadonlyMap<string, Candidate[]>;
  readonly byCell: ReadonlyMap<string, Candidate[]>;
  readonly byMeeting: ReadonlyMap<string, Candidate[]>;
  readonly slacks: Slack[];
  readonly forced: Forced[];
  /** False in the network relaxation: every variable continuous. */
  readonly integer: boolean;
}

/** Cost of one missing visit (quota or coverage): far above every other term of the objective. */
export const SHORTFALL_COST = 100_000;

export function group(cands: readonly Candidate[], key: (c: Candidate) => string): Map<string, Candidate[]> {
  const out = new Map<string, Candidate[]>();
  for (const c of cands) (out.get(key(c)) ?? out.set(key(c), []).get(key(c))!).push(c);
  return out;
}

/**
 * Adds a row `lo <= sum <= hi` over candidates; when the fixed visits alone already break `hi`, the bound is raised to
 * what they force and the rule is recorded as given way (the plan keeps the fixed visits, SPEC §4.8).
 */
export function capRow(
  ctx: ModelContext,
  name: string,
  cands: readonly Candidate[],
  hi: number,
  forced: Omit<Forced, 'rule'> & { rule: RuleId },
): void {
  if (cands.length <= hi) return;
  const fixedCount = cands.filter((c) => c.fixed).length;
  if (fixedCount > hi) ctx.forced.push(forced);
  ctx.model.addRow(
    name,
    cands.map((c) => [c.v, 1] as const),
    -Infinity,
    Math.max(hi, fixedCount),
  );
}
