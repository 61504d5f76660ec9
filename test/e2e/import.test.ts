// lichdu import (issue 11): workbooks made by LibreOffice from CSV sheets with Vietnamese headers, a yes/no tag
// column, a missing cell reference and a duplicate name give the exact lines; the good ones give a spec that
// validates, plans and keeps every name; the template, filled in, imports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { slug } from '../../src/import/build.js';
import { TEMPLATE_FILE } from '../../src/import/template.js';
import { loadSpecFile } from '../../src/spec/load.js';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}
const hasOffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

const UNITS = `Tên đảng bộ,Cấp,Trực thuộc
Đảng bộ tỉnh Kon Tum,tỉnh,
Đảng bộ xã Đăk Hà,xã,Đảng bộ tỉnh Kon Tum
Đảng bộ xã Ngọc Réo,xã,tỉnh Kon Tum
`;
const CELLS = `Tên chi bộ,Đảng bộ,"Vùng sâu, vùng xa",Đồng bào dân tộc thiểu số,Ngày sinh hoạt,Giờ sinh hoạt
Chi bộ thôn 1,xã Đăk Hà,x,,5,19:30
Chi bộ thôn 2,xã Đăk Hà,,có,cuối tháng,7:30 PM
Chi bộ thôn Kon Klor,xã Ngọc Réo,có,có,,
Chi bộ thôn 10,xã Ngọc Réo,,,,
`;
const MEMBERS = `Họ và tên,Chức danh,Cấp ủy,Chi bộ nơi sinh hoạt
Nguyễn Văn An,Tỉnh ủy viên,Đảng bộ tỉnh Kon Tum,
Y Blong Êban,Đảng ủy viên xã,xã Đăk Hà,thôn 2
Trần Thị Hạnh,Đảng ủy viên xã,xã Ngọc Réo,Chi bộ thôn Kon Klor
A Thương,Đảng ủy viên xã,xã Ngọc Réo,
`;
const BAD_CELLS = CELLS.replace('Chi bộ thôn 10,xã Ngọc Réo,,', 'Chi bộ thôn 1,xã Đăk Hà,hơi xa,');
const BAD_MEMBERS = MEMBERS.replace('Chi bộ thôn Kon Klor', 'Chi bộ thôn Kon Klo').replace(
  'A Thương,Đảng ủy viên xã',
  'A Thương,Bí thư',
);

/** Each CSV made a workbook by LibreOffice (CSV import as UTF-8), as the staff's files would be. */
function workbooks(dir: string, files: Record<string, string>): Record<string, string> {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, `${name}.csv`), text);
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--infilter=CSV:44,34,76,1',
      '--convert-to',
      'xlsx',
      '--outdir',
      join(dir, 'x'),
      ...Object.keys(files).map((n) => join(dir, `${n}.csv`)),
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return Object.fromEntries(Object.keys(files).map((n) => [n, join(dir, 'x', `${n}.xlsx`)]));
}

describe.runIf(hasOffice)('lichdu import from LibreOffice workbooks', () => {
  it('when the sheets are right then the spec plans and keeps all names; when wrong, every line is said', async () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-import-'));
    const x = workbooks(d, {
      units: UNITS,
      cells: CELLS,
      members: MEMBERS,
      'bad-cells': BAD_CELLS,
      'bad-members': BAD_MEMBERS,
    });
    const args = (cells: string, members: string, out: string) =>
      ['import', '--units', x.units!, '--cells', cells, '--members', members, '--policy', 'kontum-776'].concat(
        '--year',
        '2027',
        '-o',
        out,
      );
    const good = await run(...args(x.cells!, x.members!, join(d, 'spec.yaml')));
    expect(good.code, good.err).toBe(0);
    // Cells without a meeting day or time take lichdu's default, and that is said once for each (issue 24).
    expect(good.err.trim().split('\n')).toEqual([
      expect.stringMatching(
        /rows 4–5, column "Ngày sinh hoạt": 2 cell\(s\) leave the meeting day empty: they take day 5/,
      ),
      expect.stringMatching(
        /rows 4–5, column "Giờ sinh hoạt": 2 cell\(s\) leave the meeting time empty: they take 19:30/,
      ),
    ]);
    const spec = loadSpecFile(join(d, 'spec.yaml'));
    expect(spec.ok).toBe(true);
    if (!spec.ok) return;
    expect(spec.value.members.map((m) => [m.id, m.name, m.role, m.homeCell ?? null])).toEqual([
      ['nguyen-van-an', 'Nguyễn Văn An', 'province', null],
      ['y-blong-eban', 'Y Blong Êban', 'commune', 'thon-2'],
      ['tran-thi-hanh', 'Trần Thị Hạnh', 'commune', 'thon-kon-klor'],
      ['a-thuong', 'A Thương', 'commune', null],
    ]);
    expect(spec.value.cells.map((c) => [c.id, c.unit, c.tags])).toEqual([
      ['thon-1', 'xa-dak-ha', ['remote']],
      ['thon-2', 'xa-dak-ha', ['ethnic']],
      ['thon-kon-klor', 'xa-ngoc-reo', ['remote', 'ethnic']],
      ['thon-10', 'xa-ngoc-reo', []],
    ]);
    expect(readFileSync(join(d, 'spec.yaml'), 'utf8')).toContain('time: "19:30"');
    expect((await run('plan', join(d, 'spec.yaml'), '-o', join(d, 'out'), '--quiet')).code).toBe(0);

    const bad = await run(...args(x['bad-cells']!, x['bad-members']!, join(d, 'bad.yaml')));
    expect(bad.code).toBe(2);
    const [bc, bm] = [x['bad-cells']!, x['bad-members']!];
    expect(bad.err.split('\n').filter((l) => l.startsWith('✖'))).toEqual([
      `✖ ${bc}: sheet "bad-cells", row 5, column "Tên chi bộ": "Chi bộ thôn 1" is listed twice in one unit ` +
        `(also row 2): list a cell once`,
      `✖ ${bc}: sheet "bad-cells", row 5, column "Vùng sâu, vùng xa": "hơi xa" is not yes or no: write "có" or ` +
        `leave it empty`,
      `✖ ${bm}: sheet "bad-members", row 4, column "Chi bộ nơi sinh hoạt": unknown cell "Chi bộ thôn Kon Klo" ` +
        `(did you mean "thôn Kon Klor"?)`,
      `✖ ${bm}: sheet "bad-members", row 5, column "Chức danh": "Bí thư" is not a role of policy kontum-776: use ` +
        `"Tỉnh ủy viên" (province), "Huyện ủy viên" (district), "Đảng ủy viên xã" (commune)`,
    ]);
    expect(existsSync(join(d, 'bad.yaml'))).toBe(false);
  });
});

describe('lichdu import', () => {
  it('when the template is filled in then the workbook imports, its explanation row skipped', async () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-import-'));
    expect((await run('import', '--template', d)).code).toBe(0);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(d, TEMPLATE_FILE));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Thông tin chung',
      'Đảng bộ',
      'Chi bộ',
      'Cấp ủy viên',
      'Ngày vắng',
      'Dự theo thỏa thuận',
    ]);
    const members = wb.getWorksheet('Cấp ủy viên')!;
    expect(members.getCell('C3').dataValidation.formulae).toEqual(['"Tỉnh ủy viên,Huyện ủy viên,Đảng ủy viên xã"']);
    wb.getWorksheet('Đảng bộ')!.addRow(['', 'Đảng bộ xã Hà Mòn', 'xã']);
    wb.getWorksheet('Chi bộ')!.addRow(['', 'Chi bộ thôn 1', 'xã Hà Mòn', 'có']);
    wb.getWorksheet('Chi bộ')!.addRow(['', 'Chi bộ thôn 2', 'xã Hà Mòn']);
    members.addRow(['', 'Nguyễn Văn An', 'Đảng ủy viên xã', 'xã Hà Mòn', 'thôn 2']);
    // The year, the policy and the common meeting day from the settings sheet, not from options (issue 24).
    const settings = wb.getWorksheet('Thông tin chung')!;
    const row = (label: string) => settings.getRows(1, settings.rowCount)!.find((r) => r.getCell(1).value === label)!;
    row('Năm').getCell(2).value = '2027';
    row('Ngày sinh hoạt chung').getCell(2).value = 'thứ Bảy tuần đầu tháng';
    row('Giờ sinh hoạt chung').getCell(2).value = '08:00';
    await wb.xlsx.writeFile(join(d, 'filled.xlsx'));
    const r = await run('import', '--workbook', join(d, 'filled.xlsx'), '-o', join(d, 'spec.yaml'));
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('2 cell(s) leave the meeting day empty: they take first saturday (the common setting');
    expect((await run('validate', join(d, 'spec.yaml'))).code).toBe(0);
    const spec = loadSpecFile(join(d, 'spec.yaml'));
    expect(spec.ok && spec.value.members[0]).toMatchObject({ id: 'nguyen-van-an', homeCell: 'thon-2' });
    expect(spec.ok && spec.value.meetings.slice(0, 2).map((m) => [m.date, m.start])).toEqual([
      ['2027-01-02', '08:00'],
      ['2027-02-10', '08:00'],
    ]);
  });

  it('when options are missing then all are said at once, nothing written', async () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-import-'));
    mkdirSync(join(d, 'taken'));
    const r = await run('import', '--cells', join(d, 'nope.csv'), '-o', join(d, 'taken'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/-o: this is a folder/);
    expect(r.err).toMatch(/--year: give the plan year/);
    expect(r.err).toMatch(/--policy: give a policy/);
    expect(r.err).toMatch(/--cells: give --workbook FILE/);
  });

  it('when names become ids then they are readable and without accents', () => {
    expect(slug('Chi bộ thôn Kon Klor')).toBe('thon-kon-klor');
    expect(slug('Đảng bộ xã Đăk Hà')).toBe('xa-dak-ha');
    expect(slug('Nguyễn Thị Ánh Tuyết')).toBe('nguyen-thi-anh-tuyet');
    expect(slug('Tổ dân phố 2')).toBe('to-dan-pho-2');
  });
});
