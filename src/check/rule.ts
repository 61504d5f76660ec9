import type { RuleId, Violation } from '../domain/types.js';
import type { CheckContext } from './context.js';

/** One hard rule of SPEC §4, checked from the visits alone. */
export interface Rule {
  readonly id: RuleId;
  /** A human label, for reports. */
  readonly label: string;
  check(ctx: CheckContext): Violation[];
}
