// lichdu calendar (issue 10, item 3): the meeting calendar before planning, golden on the small fixture, Tết 2027
// included (the 5th of February is Tết's eve: the meeting moves to the 10th).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { csvRows } from '../support/csvRows.js';

async function run(...argv: string[]) {
  let out = '';
  const code = await runCli(argv, { out: (s) => void (out += s), err: () => undefined });
  return { code, out };
}

describe('lichdu calendar', () => {
  it('when the small fixture is listed then the text and the English CSV equal their golden files', async () => {
    const text = await run('calendar', 'fixtures/small/spec.yaml', '--lang', 'vi');
    expect(text.code).toBe(0);
    expect(text.out).toBe(readFileSync('fixtures/small/calendar.txt', 'utf8'));
    expect(text.out).toContain('  T2   Thứ Tư    10/02/2027  19:30–21:30  dời 5/2 → 10/2 (Giao thừa Tết Nguyên Đán)');
    const csv = await run('calendar', 'fixtures/small/spec.yaml', '--format', 'csv', '--lang', 'en');
    expect(csv.out).toBe(readFileSync('fixtures/small/calendar-en.csv', 'utf8'));
    const rows = csvRows(csv.out);
    expect(rows.length).toBe(1 + 3 * 12);
    expect(rows.find((r) => r[0] === 'kon-klor' && r[3] === '2')).toEqual([
      'kon-klor',
      'Chi bộ làng Kon Klor, "Đăk Hà"',
      'Đảng bộ xã Hà Mòn',
      '2',
      '2027-02-05',
      '2027-02-10',
      'Wednesday',
      '19:30',
      '21:30',
      'moved 5/2 → 10/2 (Vietnamese New Year Holidays)',
    ]);
  });
});
