// The vocabulary every formulation shares, so that each rule is written once: a formulation exposes the variables
// that count a member's visits, a cell's visits and a meeting's visitors (VisitTerm), and a rule module adds its
// rows over them with boundedCount, whatever the variables stand for. The rows remember the rule's own limits, so
// the rules a plan breaks are read back from the model (unmetOf), in the checker's terms (src/domain Violation).
import type { Cell, IsoDate, Meeting, Member, MemberId, Problem, Violation } from '../src/domain/types.js';
import type { RuleId, SoftGoalId } from '../src/domain/rules.js';
import type { Model } from './lp.js';

/**
 * A variable counting visits. In the full formulation one possible visit (0 or 1); in the network formulation the
 * visitors of one meeting, or one member's visits to a region on one day.
 */
export interface VisitTerm {
  readonly v: number;
  /** The meeting month (1–12) the visits count in. */
  readonly month: number;
  readonly date: IsoDate;
  /** How many visits this variable is held at whatever the rules say (its lower bound): fixed visits, or the visits
   * of a plan being evaluated. */
  readonly held: number;
}

/** A variable counting visits to one cell's meeting: it carries the visit cost of that cell and month. */
export interface CellTerm extends VisitTerm {
  readonly cell: Cell;
  readonly meeting: Meeting;
}

/** Who, where and when a rule's row is about: a violation without its count. */
export type RuleTag = Pick<Violation, 'rule' | 'member' | 'cell' | 'date' | 'period' | 'team'>;

/** A rule's row with the rule's own limits (the model's bound may be relaxed by a slack or by fixed visits). */
export interface RuleRow {
  readonly tag: RuleTag;
  readonly terms: readonly VisitTerm[];
  readonly min?: number;
  readonly max?: number;
}

/** What a formulation leaves out: rules whose rows it does not write, soft goals it does not charge. */
export type Relaxable = RuleId | SoftGoalId;

export interface FormulationBase {
  readonly problem: Problem;
  readonly model: Model;
  /** False in an LP relaxation: every variable continuous. */
  readonly integer: boolean;
  /** The rules and soft goals this formulation leaves out; its optimum is then a lower bound. Read by a test. */
  readonly relaxes: readonly Relaxable[];
  /** Each member's visit-counting variables. */
  readonly memberTerms: ReadonlyMap<MemberId, readonly VisitTerm[]>;
  /** Each cell's visit-counting variables, one or more per meeting. */
  readonly cellTerms: ReadonlyMap<string, readonly CellTerm[]>;
  /** Each meeting's visitor-counting variables. */
  readonly meetingTerms: ReadonlyMap<Meeting, readonly CellTerm[]>;
  readonly ruleRows: RuleRow[];
  /** Rules broken before solving, by fixed visits the variables' domains would forbid. */
  readonly forced: Violation[];
}

/** A possible visit of the full formulation: one binary variable. */
export interface Candidate extends CellTerm {
  readonly member: Member;
  /** A visit outside the piece being solved, kept as it is (a variable fixed to 1). */
  readonly constant?: true;
}

export interface FullFormulation extends FormulationBase {
  readonly kind: 'full';
  readonly candidates: readonly Candidate[];
  readonly byMember: ReadonlyMap<MemberId, readonly Candidate[]>;
  readonly meetingTerms: ReadonlyMap<Meeting, readonly Candidate[]>;
}

/** Member m visits region r on one day (in one meeting month): how many visits. */
export interface FlowTerm extends VisitTerm {
  readonly member: Member;
  readonly region: number;
}

export interface NetworkFormulation extends FormulationBase {
  readonly kind: 'network';
  readonly regions: ReadonlyArray<readonly Cell[]>;
  readonly regionOf: ReadonlyMap<string, number>;
  /** Each region's family: regions whose cells the same members' areas cover, differing only by their dates. */
  readonly family: readonly number[];
  /** A region's meetings of one day, and the members' flows into them. */
  readonly groups: readonly DayGroup[];
}

export interface DayGroup {
  readonly region: number;
  readonly date: IsoDate;
  readonly month: number;
  readonly meetings: CellTerm[];
  readonly flows: FlowTerm[];
}

export type Formulation = FullFormulation | NetworkFormulation;

/** Cost of one missing visit (quota or coverage): far above every other term of the objective. */
export const SHORTFALL_COST = 100_000;

/**
 * The rule's row `min <= sum(terms) <= max`, written once for every counting rule (as OR-Tools' soft-sum helper):
 * a minimum may fall short by a slack costing SHORTFALL_COST a visit; a maximum is hard, raised only to what fixed
 * visits alone force (the plan keeps them, SPEC §4.8, and the rule is then reported broken). Rows that cannot bind
 * are not written.
 */
export function boundedCount(
  f: FormulationBase,
  name: string,
  tag: RuleTag,
  terms: readonly VisitTerm[],
  limits: { readonly min?: number; readonly max?: number },
): void {
  const min = limits.min ?? 0;
  const max = limits.max;
  const vars = f.model.vars;
  const capacity = terms.reduce((s, t) => s + vars[t.v]!.ub, 0);
  const binds = max !== undefined && capacity > max;
  if (min <= 0 && !binds) return;
  f.ruleRows.push({ tag, terms, ...(min > 0 ? { min } : {}), ...(binds ? { max } : {}) });
  const sum = terms.map((t) => f.model.one(t.v));
  if (min > 0) {
    const s = f.model.addVar(`${name}#short`, { lb: 0, ub: min, obj: SHORTFALL_COST, integer: f.integer });
    f.model.addRow(`${name}#min`, [...sum, f.model.one(s)], min, Infinity);
  }
  if (binds) {
    const held = terms.reduce((s, t) => s + t.held, 0);
    f.model.addRow(`${name}#max`, sum, -Infinity, Math.max(max, held));
  }
}

/** A row's or a variable's name from its parts (made fit for LP text, lpName, when the model's text is written). */
export const rowName = (...parts: ReadonlyArray<string | number>): string => parts.join('#');

/** The rules a solution breaks, read from the rule rows and the forced list: the checker's violations, as data. */
export function unmetOf(f: FormulationBase, value: (v: number) => number): Violation[] {
  const out: Violation[] = [...f.forced];
  for (const r of f.ruleRows) {
    const count = r.terms.reduce((s, t) => s + Math.round(value(t.v)), 0);
    if (r.min !== undefined && count < r.min) out.push({ ...r.tag, bound: 'min', limit: r.min, count });
    if (r.max !== undefined && count > r.max) out.push({ ...r.tag, bound: 'max', limit: r.max, count });
  }
  return out;
}
