// The rule catalogue (src/domain/rules.ts) against the checker's list, the solver's list, the formulations'
// declared relaxations and the test files: every hard rule has a checker module, a solver entry or an explicit
// "checker only", and its test file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, RULE_IDS, SOFT_GOAL_IDS, type RuleId } from '../src/domain/rules.js';
import { RULES } from '../src/check/index.js';
import { CHECKER_ONLY, SOLVER_RULES } from '../solver/rules/index.js';
import { NETWORK_RELAXES } from '../solver/formulations/network.js';

const hard = CATALOGUE.filter((e) => e.kind === 'hard').map((e) => e.id as RuleId);

describe('rule catalogue', () => {
  it('when the catalogue is read then it lists every rule id once, hard rules first, then the soft goals', () => {
    expect(CATALOGUE.map((e) => e.id)).toEqual([...RULE_IDS, ...SOFT_GOAL_IDS]);
    for (const e of CATALOGUE) expect(e.label.vi.length * e.label.en.length, e.id).toBeGreaterThan(0);
  });

  it('when the checker is listed then it has one module per hard rule, named by its id, in catalogue order', () => {
    expect(RULES.map((r) => r.id)).toEqual(hard);
    for (const id of hard) expect(existsSync(`src/check/rules/${id}.ts`), id).toBe(true);
  });

  it('when the solver is listed then every hard rule has its file in solver/rules or is declared checker-only', () => {
    const solver = SOLVER_RULES.map((r) => r.id);
    for (const id of hard) expect(solver.includes(id) !== (CHECKER_ONLY[id] !== undefined), id).toBe(true);
    for (const r of SOLVER_RULES) {
      expect(existsSync(`solver/rules/${r.id}.ts`), r.id).toBe(true);
      expect(r.rows !== undefined || r.allows !== undefined, r.id).toBe(true);
    }
  });

  it('when a rule id is searched in solver/ then its rows are defined in its own file only', () => {
    const files = ['solver', 'solver/formulations', 'solver/rules'].flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => `${d}/${f}`),
    );
    for (const id of hard) {
      // A row or penalty named after the rule (`rowName('quota', …)`) is written only in solver/rules/<id>.ts.
      const writers = files.filter((f) => readFileSync(f, 'utf8').includes(`rowName('${id}'`));
      expect(
        writers.filter((f) => f !== `solver/rules/${id}.ts`),
        id,
      ).toEqual([]);
    }
  });

  it('when formulations declare what they relax then each entry is a catalogue id', () => {
    const ids = new Set<string>(CATALOGUE.map((e) => e.id));
    for (const r of NETWORK_RELAXES) expect(ids.has(r), r).toBe(true);
  });

  it('when the tests are listed then every hard rule has its checker test and its solver test, named by its id', () => {
    // A test is found by its describe block's name, never by words in a title (`area:` in another rule's title once
    // counted as the area test).
    const named = (text: string, id: string) => text.includes(`describe('${id}', () => {`);
    const solverTests = readFileSync('test/solver/rules.test.ts', 'utf8');
    for (const id of hard) {
      expect(existsSync(`test/check/${id}.test.ts`), id).toBe(true);
      expect(named(readFileSync(`test/check/${id}.test.ts`, 'utf8'), id), `checker test of ${id}`).toBe(true);
      if (!CHECKER_ONLY[id]) expect(named(solverTests, id), `solver test of ${id}`).toBe(true);
    }
    expect(named("describe('areas', () => {", 'area')).toBe(false);
  });
});
