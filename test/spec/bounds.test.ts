// Inputs that should be refused quickly, and names that look like JavaScript's own (issue 12, item 4 in part): a
// year far off, a date range to the end of time, roles and tags named like prototype members.
import { describe, expect, it } from 'vitest';
import { cellWeight } from '../../src/domain/weights.js';
import { priorityOf } from '../../src/check/quality.js';
import { cell, issuesOf, member, problemOf, spec } from '../builders.js';
import { messageOf } from '../../src/util/issues.js';

const timed = <T>(f: () => T): { value: T; ms: number } => {
  const t0 = Date.now();
  const value = f();
  return { value, ms: Date.now() - t0 };
};

describe('bounded input handling', () => {
  it('when the year is 70000 then it is refused at once, with nothing computed for it', () => {
    const r = timed(() => issuesOf(spec({ year: 70000 })));
    expect(r.value.map((i) => messageOf(i, 'en'))).toEqual(['70000 is not a plausible year (2000–2100)']);
    expect(r.ms).toBeLessThan(2000);
  });

  it('when a range runs to 9999-12-31 then its end is refused before any day of it is expanded', () => {
    const r = timed(() =>
      issuesOf(
        spec({
          holidays: ['2027-01-01..9999-12-31'],
          members: [member({ id: 'm1', unavailable: ['2027-02-01..9999-12-31', '2027-03-01..9999-12-31'] })],
        }),
      ),
    );
    expect(r.value.map((i) => `${i.path.join('.')}: ${messageOf(i, 'en')}`)).toEqual([
      "holidays.0: range end 9999-12-31 is outside the plan's year 2027",
      "members.0.unavailable.0: range end 9999-12-31 is outside the plan's year 2027",
      "members.0.unavailable.1: range end 9999-12-31 is outside the plan's year 2027",
    ]);
    expect(r.ms).toBeLessThan(2000);
  });

  it('when a role is named toString or constructor then it is an unknown role, not a member without quota', () => {
    for (const role of ['toString', 'constructor', 'hasOwnProperty']) {
      const issues = issuesOf(spec({ members: [member({ id: 'm1', role })] }));
      expect(issues.map((i) => messageOf(i, 'en')).join('\n'), role).toMatch(new RegExp(`unknown role "${role}"`));
    }
  });

  it('when a tag is named constructor then it weighs nothing, in the solver and in the checker', () => {
    const p = problemOf(spec({ cells: [cell({ id: 'c1', tags: ['constructor', 'remote'] })] }));
    expect(cellWeight(p.policy.priority, p.cells[0]!.tags)).toBe(3);
    expect(priorityOf(p, p.cells[0]!.tags)).toBe(3);
  });
});
