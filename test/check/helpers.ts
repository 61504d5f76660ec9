import { expect } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import type { Problem, RuleId, Violation, Visit } from '../../src/domain/types.js';

/** The violations of one rule only; fails if the checker attributes anything to another rule. */
export function violationsOf(rule: RuleId, p: Problem, visits: readonly Visit[]): Violation[] {
  const vs = checkPlan(p, visits, [rule]);
  for (const v of vs) expect(v.rule).toBe(rule);
  return vs;
}

/** An inline policy that starts from kontum-776 with every quota and coverage off, so a test turns on one rule. */
export function policy(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'test',
    extends: 'kontum-776',
    roles: { commune: { quota: [{ min: 0, per: 'year' }] }, province: { quota: [{ min: 0, per: 'year' }] } },
    coverage: { min: 0, per: 'year' },
    ...overrides,
  };
}
