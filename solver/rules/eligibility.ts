// SPEC §4.5–4.7 as variable domains: a member gets a variable for a meeting only if the cell is in their area, is
// not their home cell, and they are available that day. Returns true, or the rule that forbids it.
import type { Cell, Meeting, Member, Problem, RuleId } from '../../src/domain/types.js';

export function eligible(problem: Problem, member: Member, cell: Cell, meeting: Meeting): true | RuleId {
  if (!member.eligibleCells.has(cell.id)) return 'area';
  if (problem.policy.skipHomeCell && member.homeCell === cell.id) return 'homeCell';
  if (member.unavailable.has(meeting.date)) return 'availability';
  return true;
}
