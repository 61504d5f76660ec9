// The model's small helpers: fixing variables and leaving out what follows from them (solver/lp.ts fixAndReduce),
// used when the network LP leaves a few members' flows fractional.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixAndReduce, Model, pack, toLp, toMps } from '../../solver/lp.js';
import { buildFull } from '../../solver/formulations/full.js';
import { buildNetwork } from '../../solver/formulations/network.js';
import { problemAndPlan } from '../property/arbitraries.js';
import { backend, BACKEND_NAMES, missingPackage } from '../../solver/backends/index.js';

describe('fixAndReduce', () => {
  it('when variables are fixed then they leave the rows, bounds shift, and rows of their own penalties go', () => {
    const m = new Model();
    const x = m.addVar('x', { integer: false });
    const y = m.addVar('y', { integer: false });
    const z = m.addVar('z', { integer: false });
    const p = m.addVar('p', { ub: 3, integer: false, obj: 5 }); // x's penalty: only in x's row
    m.addRow(
      'cap',
      [
        [x, 1],
        [y, 1],
        [z, 1],
      ],
      -Infinity,
      2,
    ); // shared by all three
    m.addRow(
      'pen',
      [
        [x, 1],
        [p, -1],
      ],
      -Infinity,
      0,
    ); // x and its own penalty
    m.addRow(
      'yz',
      [
        [y, 1],
        [z, -1],
      ],
      0,
      0,
    ); // y and z, both free
    const { model: r, original } = fixAndReduce(m, new Map([[x, 1]]));
    expect(original).toEqual([y, z]);
    expect(r.vars.map((v) => [v.name, v.integer])).toEqual([
      ['y', true],
      ['z', true],
    ]);
    expect(r.rows.map((row) => [row.name, row.terms.length, row.lo, row.hi])).toEqual([
      ['cap', 2, -Infinity, 1],
      ['yz', 2, 0, 0],
    ]);
  });

  it('when nothing is fixed then every row and every variable used twice stays, all integer', () => {
    const m = new Model();
    const a = m.addVar('a', { integer: false, ub: 4 });
    const b = m.addVar('b', { integer: false, ub: 4 });
    m.addRow(
      'r1',
      [
        [a, 1],
        [b, 1],
      ],
      1,
      3,
    );
    m.addRow(
      'r2',
      [
        [a, 1],
        [b, -1],
      ],
      0,
      0,
    );
    const { model: r, original } = fixAndReduce(m, new Map());
    expect(original).toEqual([a, b]);
    expect(r.vars.map((v) => [v.name, v.ub, v.integer])).toEqual([
      ['a', 4, true],
      ['b', 4, true],
    ]);
    expect(r.rows).toHaveLength(2);
  });
});

/** min x + 2y + 10s: x + y + s ≥ 3, 1 ≤ x − y ≤ 2, s = 0; x ≤ 3, y ≤ 2 integer. The LP's optimum is 3.5 (x 2.5,
 * y 0.5), the MIP's 4 (x 2, y 1): a backend that returns the relaxation fails. */
function tiny(): Model {
  const m = new Model();
  const x = m.addVar('x', { ub: 3, obj: 1 });
  const y = m.addVar('y', { ub: 2, obj: 2 });
  const s = m.addVar('s', { integer: false, ub: Infinity, obj: 10 });
  m.addRow(
    'cover',
    [
      [x, 1],
      [y, 1],
      [s, 1],
    ],
    3,
    Infinity,
  );
  m.addRow(
    'cap',
    [
      [x, 1],
      [y, -1],
    ],
    1,
    2,
  );
  m.addRow('pin', [[s, 1]], 0, 0);
  return m;
}

describe('toLp and toMps', () => {
  it('when two variables share a name then the text is refused; the formulations never name two alike', () => {
    const m = new Model();
    m.addVar('a-1');
    m.addVar('a~1');
    expect(() => toLp(m, 'twice')).toThrow(/duplicate variable a~1/);
    expect(() => toMps(m, 'twice')).toThrow(/duplicate variable a~1/);
    fc.assert(
      fc.property(problemAndPlan, ({ problem }) => {
        for (const f of [buildFull(problem), buildNetwork(problem)]) expect(() => toMps(f.model, 'x')).not.toThrow();
      }),
      { seed: 20270101, numRuns: 40 },
    );
  });

  it('when a tiny model with a ranged, a greater-than and an equality row is written then the LP text is exact', () => {
    expect(toLp(tiny(), 'tiny').split('\n')).toEqual([
      '\\ tiny',
      'Minimize',
      ' obj: + x + 2 y + 10 s',
      'Subject To',
      ' cover: + x + y + s >= 3',
      ' cap#lo: + x - y >= 1',
      ' cap#hi: + x - y <= 2',
      ' pin: + s = 0',
      'Bounds',
      ' 0 <= x <= 3',
      ' 0 <= y <= 2',
      ' 0 <= s <= inf',
      'General',
      ' x y',
      'End',
      '',
    ]);
  });

  it('when the same model is written as MPS then the ranged row is a G row with its range, integers marked', () => {
    expect(toMps(tiny(), 'tiny').split('\n')).toEqual([
      '* tiny',
      'NAME lichdu',
      'ROWS',
      ' N obj',
      ' G cover',
      ' G cap',
      ' E pin',
      'COLUMNS',
      "    MARKER 'MARKER' 'INTORG'",
      '    x obj 1',
      '    x cover 1',
      '    x cap 1',
      '    y obj 2',
      '    y cover 1',
      '    y cap -1',
      "    MARKER 'MARKER' 'INTEND'",
      '    s obj 10',
      '    s cover 1',
      '    s pin 1',
      'RHS',
      '    RHS cover 3',
      '    RHS cap 1',
      'RANGES',
      '    RNG cap 1',
      'BOUNDS',
      ' UP BND x 3',
      ' UP BND y 2',
      ' PL BND s',
      'ENDATA',
      '',
    ]);
  });
});

describe('backends', () => {
  for (const name of BACKEND_NAMES)
    it(`when ${name} solves the tiny MIP then it finds the integer optimum 4, not the LP's 3.5`, async () => {
      expect(missingPackage(name)).toBeUndefined();
      const m = tiny();
      const r = await backend(name)(m, { timeLimitSec: 20, seed: 0 });
      expect(r.status).toBe('optimal');
      expect(r.objective).toBeCloseTo(4, 6);
      expect([...r.values!]).toEqual([2, 1, 0]);
    });
});

describe('pack', () => {
  it('when a model is packed then columns are in LP text order, a ranged row splits, values map back', async () => {
    // z has no cost and appears first in no row: it comes last; y (no cost) comes with the first row naming it.
    const m = new Model();
    const z = m.addVar('z', { ub: 5, integer: false });
    const y = m.addVar('y', { ub: 4, integer: false });
    const x = m.addVar('x', { ub: 3, integer: false, obj: -1 });
    m.addRow(
      'r1',
      [
        [y, 1],
        [x, 1],
      ],
      1,
      5,
    );
    m.addRow('r2', [[z, 1]], -Infinity, 2);
    const { packed, columns } = pack(m);
    expect([...columns]).toEqual([x, y, z]);
    expect(packed.numRows).toBe(3);
    expect([...packed.rowLower]).toEqual([1, -Infinity, -Infinity]);
    expect([...packed.rowUpper]).toEqual([Infinity, 5, 2]);
    expect([...packed.colCost]).toEqual([-1, 0, 0]);
    // The solution comes back by the model's own indexes: x as large as r1 and its bound allow, y at its least.
    const r = await backend('highs')(m, { timeLimitSec: 20, seed: 0 });
    expect(r.objective).toBeCloseTo(-3, 6);
    expect(r.values![x]).toBeCloseTo(3, 6);
    expect(r.values![y]!).toBeLessThanOrEqual(2 + 1e-9);
    expect(r.values![z]!).toBeLessThanOrEqual(2 + 1e-9);
  });
});

describe('a MIP started from a plan, reporting better plans as it finds them', () => {
  it('when a partial start and a callback are given then each plan reported costs its values', async () => {
    // A knapsack: max value under a weight limit, as a minimisation.
    const weights = [12, 7, 11, 8, 9, 6, 14, 5, 10, 13, 4, 15];
    const values = [24, 13, 23, 15, 16, 11, 29, 8, 19, 27, 6, 31];
    const m = new Model();
    // The slack first: without a cost, it is packed last, so the values must be put back in the model's order.
    const slack = m.addVar('slack', { ub: 40, integer: false });
    const xs = weights.map((_, i) => m.addVar(`x${i}`, { ub: 1, obj: -values[i]! }));
    m.addRow('weight', [...xs.map((v, i) => [v, weights[i]!] as const), [slack, 1] as const], 40, 40);
    const start = new Float64Array(xs.length + 1).fill(Number.NaN);
    start[xs[0]!] = 1; // HiGHS completes the rest
    const found: number[] = [];
    const r = await backend('highs')(m, {
      timeLimitSec: 20,
      seed: 0,
      start,
      onImproved: (f) => {
        const cost = xs.reduce((sum, v, i) => sum - values[i]! * Math.round(f.values[v]!), 0);
        expect(cost).toBeCloseTo(f.objective, 6);
        const weight = xs.reduce((sum, v, i) => sum + weights[i]! * Math.round(f.values[v]!), 0);
        expect(weight).toBeLessThanOrEqual(40);
        found.push(f.objective);
      },
    });
    expect(r.status).toBe('optimal');
    expect(found.length).toBeGreaterThan(0);
    expect(r.objective!).toBeLessThanOrEqual(Math.min(...found) + 1e-6);
    // The optimum, by enumeration of every subset.
    let best = 0;
    for (let mask = 0; mask < 1 << weights.length; mask++) {
      let w = 0;
      let v = 0;
      for (let i = 0; i < weights.length; i++) if (mask & (1 << i)) [w, v] = [w + weights[i]!, v + values[i]!];
      if (w <= 40) best = Math.max(best, v);
    }
    expect(r.objective).toBeCloseTo(-best, 6);
  });
});
