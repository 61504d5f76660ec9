// Staged files: a file given as pieces of text holds exactly their UTF-8, whatever their sizes (the pieces go through
// one buffer, written whenever the next piece might not fit; a piece larger than the buffer is written on its own).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/util/atomic.js';

const dir = mkdtempSync(join(tmpdir(), 'lichdu-atomic-'));
let n = 0;

/** Text with ASCII, Vietnamese letters, emoji (surrogate pairs) and line ends, repeated to a chosen length. */
const piece = fc
  .tuple(
    fc.string({ unit: fc.constantFrom('a', 'Đ', 'ệ', '😀', '\r\n', ',', ' '), minLength: 8, maxLength: 16 }),
    fc.constantFrom(1, 1, 1, 1000, 100_000, 200_000),
  )
  .map(([s, times]) => s.repeat(times));

describe('staged files', () => {
  it('when a file is written as pieces then it holds their text as UTF-8', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const path = join(dir, `f${n++}.txt`);
        writeFileAtomic(path, pieces);
        expect(readFileSync(path).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
