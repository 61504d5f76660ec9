// A rule on the solver's side: the rows it adds to a formulation (written once, over the formulation's visit
// terms), and/or the variables it forbids (a domain: a member may not attend a meeting at all).
import type { Cell, Meeting, Member, Problem } from '../../src/domain/types.js';
import type { RuleId } from '../../src/domain/rules.js';
import type { Formulation } from '../formulation.js';

export interface SolverRule {
  readonly id: RuleId;
  /** Adds the rule's rows; a formulation that relaxes the rule never calls it. */
  rows?(f: Formulation): void;
  /** For rules kept by the variables' domains: false when the member may not attend the meeting. */
  allows?(problem: Problem, member: Member, cell: Cell, meeting: Meeting): boolean;
}
