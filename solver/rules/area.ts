// SPEC §4.6: a member only visits cells inside their area: a domain (no variable outside it) in every formulation.
import type { Cell, Member } from '../../src/domain/types.js';
import { inArea as inMemberArea } from '../../src/domain/eligibility.js';
import type { SolverRule } from './rule.js';

export const inArea = (member: Member, cell: Cell): boolean => inMemberArea(member, cell.id);

export const area: SolverRule = {
  id: 'area',
  allows: (_problem, member, cell) => inArea(member, cell),
};
