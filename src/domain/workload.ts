// A member's load over the year, written once for the solver's objective (solver/objective.ts) and the quality
// figures (src/check/quality.ts): the visits their quotas ask for in the year, and what each quarter should hold.
import { PERIODS_PER_YEAR } from './periods.js';
import type { Member } from './types.js';

/** The visits a member's quotas ask for in the year: the largest of each quota's minimum times its periods. */
export function yearlyQuota(member: Pick<Member, 'quotas'>): number {
  return member.quotas.reduce(
    (q, x) => Math.max(q, x.byPeriod ? x.byPeriod.reduce((s, b) => s + b.min, 0) : x.min * PERIODS_PER_YEAR[x.per]),
    0,
  );
}

/** With a yearly quota q, each quarter should hold ⌊q/4⌋ to ⌈q/4⌉ visits (spread, SPEC §4 soft 3). */
export function quarterTarget(q: number): { readonly min: number; readonly max: number } {
  return { min: Math.floor(q / 4), max: Math.ceil(q / 4) };
}
