import type { RuleId, Violation } from '../domain/types.js';
import type { CheckContext } from './context.js';

/** One hard rule of SPEC §4, checked from the visits alone; its labels are in the catalogue (src/domain/rules.ts). */
export interface Rule {
  readonly id: RuleId;
  check(ctx: CheckContext): Violation[];
}
