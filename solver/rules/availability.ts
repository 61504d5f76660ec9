// SPEC §4.7: no visit on a member's unavailable day: a domain (no variable that day) in every formulation.
import type { IsoDate, Member } from '../../src/domain/types.js';
import type { SolverRule } from './rule.js';

export const isAvailable = (member: Member, date: IsoDate): boolean => !member.unavailable.has(date);

export const availability: SolverRule = {
  id: 'availability',
  allows: (_problem, member, _cell, meeting) => isAvailable(member, meeting.date),
};
