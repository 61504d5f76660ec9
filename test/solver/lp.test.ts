// The model's small helpers: fixing variables and leaving out what follows from them (solver/lp.ts fixAndReduce),
// used when the network LP leaves a few members' flows fractional.
import { describe, expect, it } from 'vitest';
import { fixAndReduce, Model, toLp, toMps } from '../../solver/lp.js';
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
