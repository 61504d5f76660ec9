// Plans that a real spreadsheet saved (issue 11): LibreOffice headless turns plan.csv into a workbook and back into
// CSV with a Vietnamese-style filter (`;`, UTF-8) and with its defaults (a single-byte code page); lichdu's own
// plan.xlsx goes through LibreOffice too. Each is checked with the verdict of the original (or refused by name when
// its bytes lost the Vietnamese letters). Excel's "Unicode text" (UTF-16, tabs) and "CSV (Comma delimited)" (cp1258)
// are made from their byte descriptions. LibreOffice runs with its own profile so it never meets another test's.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { csvRows } from '../support/csvRows.js';

const SPEC = 'fixtures/small/spec.yaml';
const GOLDEN = readFileSync('fixtures/small/plan.csv', 'utf8');
const hasOffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasOffice) console.warn('skipping LibreOffice round trips: soffice is not installed (CI installs it)');

async function check(path: string) {
  let out = '';
  let err = '';
  const code = await runCli(['check', SPEC, path], { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

/** LibreOffice converts `files` in one run: `to` is a --convert-to target, `infilter` an import filter. */
function office(dir: string, files: string[], to: string, outdir: string, infilter?: string): void {
  mkdirSync(outdir, { recursive: true });
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      to,
      '--outdir',
      outdir,
      ...files,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
}

/** The golden plan with its last visit left out: m003 then misses a quota (exit 1). */
const SHORT = GOLDEN.replace(/\r\n[^\r\n]*\r\n$/, '\r\n');

describe.runIf(hasOffice)('plans saved by LibreOffice', () => {
  it('when plan.csv and plan.xlsx go through LibreOffice and back then check keeps their verdicts', async () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-office-'));
    // lichdu's own plan.xlsx, saved by LibreOffice as CSV with the others below.
    const code = await runCli(['convert', SPEC, 'fixtures/small/plan.json', '-o', join(d, 'out')], {
      out: () => {},
      err: () => {},
    });
    expect(code).toBe(0);
    copyFileSync(join(d, 'out', 'plan.xlsx'), join(d, 'lichdu.xlsx'));
    writeFileSync(join(d, 'good.csv'), GOLDEN);
    writeFileSync(join(d, 'short.csv'), SHORT);
    const originals = [await check(join(d, 'good.csv')), await check(join(d, 'short.csv'))];
    expect(originals.map((r) => r.code)).toEqual([0, 1]);
    // CSV import as UTF-8 (76) with "," (44); export with ";" (59), quotes (34), UTF-8 (76).
    office(d, [join(d, 'good.csv'), join(d, 'short.csv')], 'xlsx', join(d, 'x'), 'CSV:44,34,76,1');
    const x = [join(d, 'x', 'good.xlsx'), join(d, 'x', 'short.xlsx')];
    office(d, [...x, join(d, 'lichdu.xlsx')], 'csv:Text - txt - csv (StarCalc):59,34,76,1', join(d, 'semi'));
    const back = csvRows(readFileSync(join(d, 'semi', 'lichdu.csv'), 'utf8').replace(/;/g, ','));
    expect(back.slice(1).map((r) => [r[0], r[2], r[4]])).toEqual(
      csvRows(GOLDEN)
        .slice(1)
        .map((r) => [r[0], r[2], r[4]]),
    );
    expect((await check(join(d, 'semi', 'lichdu.csv'))).code).toBe(0);
    office(d, x, 'csv', join(d, 'plain'));
    for (const [i, name] of ['good', 'short'].entries()) {
      const xlsx = await check(join(d, 'x', `${name}.xlsx`));
      expect([xlsx.code, xlsx.out]).toEqual([originals[i]!.code, originals[i]!.out]);
      const semi = await check(join(d, 'semi', `${name}.csv`));
      expect(readFileSync(join(d, 'semi', `${name}.csv`), 'utf8').split('\n')[0]).toContain('";"');
      expect([semi.code, semi.out]).toEqual([originals[i]!.code, originals[i]!.out]);
      // LibreOffice writes times as 08:00:00 AM: read, and said once per kind.
      expect(semi.err).toMatch(/note: .*column "Giờ bắt đầu": "08:00:00 AM" read as 08:00/);
      const plain = await check(join(d, 'plain', `${name}.csv`));
      expect(plain.code).toBe(2);
      expect(plain.err).toMatch(/not UTF-8 text .*save it as UTF-8/);
    }
  });
});

describe("Excel's formats, from their bytes", () => {
  it('when saved as "Unicode text" (UTF-16 LE with BOM, tab-separated) then it checks as the original', async () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-excel-'));
    const tabbed = csvRows(GOLDEN)
      .map((r) => r.join('\t'))
      .join('\r\n');
    writeFileSync(join(d, 'plan.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabbed, 'utf16le')]));
    const r = await check(join(d, 'plan.txt'));
    expect([r.code, r.out]).toEqual([0, (await check('fixtures/small/plan.csv')).out]);
  });

  it('when saved as "CSV (Comma delimited)" in cp1258 then it is refused by name with the fix', async () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-excel-'));
    // "Ngày" in cp1258: N g 0xE0 y — 0xE0 alone is not UTF-8.
    writeFileSync(
      join(d, 'plan.csv'),
      Buffer.from(GOLDEN.replace(/^\uFEFF/, '').replace(/[^\x00-\xff]/g, '?'), 'latin1'),
    );
    const r = await check(join(d, 'plan.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/line 1: not UTF-8 text .*Excel: "CSV UTF-8"/);
  });
});
