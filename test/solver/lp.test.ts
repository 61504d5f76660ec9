// The model's small helpers: fixing variables and leaving out what follows from them (solver/lp.ts fixAndReduce),
// used when the network LP leaves a few members' flows fractional.
import { describe, expect, it } from 'vitest';
import { fixAndReduce, Model } from '../../solver/lp.js';

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
    const r = fixAndReduce(m, new Map([[x, 1]]));
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
    const r = fixAndReduce(m, new Map());
    expect(r.vars.map((v) => [v.name, v.ub, v.integer])).toEqual([
      ['a', 4, true],
      ['b', 4, true],
    ]);
    expect(r.rows).toHaveLength(2);
  });
});
