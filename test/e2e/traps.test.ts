// The staff's traps (issue 24), each from the user's side: the file as LibreOffice under Vietnamese settings writes it
// (../shared/tools/lo-vi-resave.sh), a row edited in a spreadsheet, a plan given with the wrong spec, names typed
// where ids were expected, Unikey switched off.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cli } from '../support/cli.js';

const SPEC = 'fixtures/small/spec.yaml';
const GOLDEN = readFileSync('fixtures/small/plan.csv', 'utf8');
const ATTENDANCE = readFileSync('fixtures/small/attendance.csv', 'utf8');
const RESAVE = resolve('../shared/tools/lo-vi-resave.sh');
const hasResave = existsSync(RESAVE) && spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

const tmp = () => mkdtempSync(join(tmpdir(), 'lichdu-traps-'));

describe.runIf(hasResave)('spreadsheets under Vietnamese settings', () => {
  it('when plan.csv and plan.xlsx are saved by LibreOffice in Vietnamese then check reads them back', async () => {
    const d = tmp();
    expect((await cli(['convert', SPEC, 'fixtures/small/plan.json', '-o', join(d, 'out')])).code).toBe(0);
    for (const [from, to] of [
      [join(d, 'out', 'plan.csv'), join(d, 'vi.csv')],
      [join(d, 'out', 'plan.xlsx'), join(d, 'vi.xlsx')],
      [join(d, 'out', 'plan.csv'), join(d, 'vi-from-csv.xlsx')],
    ] as const) {
      const r = spawnSync('bash', [RESAVE, from, to], { encoding: 'utf8', timeout: 240_000 });
      expect(r.status, r.stderr).toBe(0);
    }
    const text = readFileSync(join(d, 'vi.csv'), 'utf8');
    expect(text).toMatch(/07:30:00 chiều/);
    expect(text).toMatch(/08:00:00 sáng/);
    for (const f of ['vi.csv', 'vi.xlsx', 'vi-from-csv.xlsx']) {
      const r = await cli(['check', SPEC, join(d, f)]);
      expect(r.code, `${f}\n${r.err}`).toBe(0);
      // The times read back are lichdu's own: converting gives the golden plan.csv again.
      expect((await cli(['convert', SPEC, join(d, f), '-o', join(d, `again-${f}`)])).code).toBe(0);
      expect(readFileSync(join(d, `again-${f}`, 'plan.csv'), 'utf8')).toBe(
        readFileSync(join(d, 'out', 'plan.csv'), 'utf8'),
      );
    }
    // The note about the times is one line for the whole column, with a count.
    const noted = await cli(['check', SPEC, join(d, 'vi.csv')]);
    const lines = noted.err.split('\n').filter((l) => l.includes('chiều') || l.includes('sáng'));
    expect(lines.length).toBeLessThanOrEqual(2);
  }, 600_000);
});

describe('no silent guess', () => {
  it('when only "Tên chi bộ" is changed in a row then check refuses the row naming the id and the name', async () => {
    const d = tmp();
    const edited = GOLDEN.replace('thon-1,Chi bộ thôn 1,ha-mon', 'thon-1,Chi bộ tổ dân phố 2,ha-mon');
    expect(edited).not.toBe(GOLDEN);
    writeFileSync(join(d, 'plan.csv'), edited);
    const r = await cli(['check', SPEC, join(d, 'plan.csv')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('column "Tên chi bộ"');
    expect(r.err).toContain('id thon-1 is "Chi bộ thôn 1" but the name column says "Chi bộ tổ dân phố 2"');
    expect(r.err).toContain('(the name of tdp-2)');
    const vi = await cli(['check', SPEC, join(d, 'plan.csv'), '--lang', 'vi']);
    expect(vi.err).toContain('mã thon-1 là "Chi bộ thôn 1" nhưng cột tên ghi "Chi bộ tổ dân phố 2"');
  });

  it('when a row gives the full name and no id then the name is read, and said once', async () => {
    const d = tmp();
    const lines = GOLDEN.split('\r\n');
    lines[1] = lines[1]!.replace(',m002,', ',,');
    writeFileSync(join(d, 'plan.csv'), lines.join('\r\n'));
    const r = await cli(['check', SPEC, join(d, 'plan.csv')]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('"Y Blong Êban" is a name, read as id m002');
  });

  it('when a plan from another spec is checked then one line says so before any detail', async () => {
    for (const plan of ['fixtures/small/plan.json', 'fixtures/small/plan.csv']) {
      const r = await cli(['check', 'fixtures/example/spec.yaml', plan]);
      expect(r.code).toBe(2);
      const problems = r.err.split('\n').filter((l) => l.startsWith('✖'));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/this plan was made for another spec: 0 of its 3 members and 0 of its \d+ cells/);
    }
  });

  it('when a dd/mm/yyyy plan is read then the dates are one note line, not one per date', async () => {
    const d = tmp();
    const dmy = GOLDEN.replace(/^(\d{4})-(\d{2})-(\d{2}),/gm, (_, y, m, day) => `${day}/${m}/${y},`);
    writeFileSync(join(d, 'plan.csv'), dmy);
    const r = await cli(['check', SPEC, join(d, 'plan.csv')]);
    expect(r.code, r.err).toBe(0);
    expect(r.err.split('\n').filter((l) => l.includes('read as'))).toHaveLength(1);
  });
});

describe('names where people write names', () => {
  /** `check` with the attendance whose substitute ("Người dự thay") is written as `who`. */
  const checkWithSubstitute = async (who: string) => {
    const d = tmp();
    writeFileSync(join(d, 'att.csv'), ATTENDANCE.replace('Dự thay,m001,', `Dự thay,${who},`));
    const att = ['--attendance', join(d, 'att.csv'), '--as-of', '2027-06-01'];
    return cli(['check', SPEC, 'fixtures/small/plan.json', ...att]);
  };

  it('when "Người dự thay" gives a full name then it is read as that member', async () => {
    const r = await checkWithSubstitute('Nguyễn Văn An');
    expect(r.err).not.toContain('✖');
    expect(r.err).toContain('"Nguyễn Văn An" is a name, read as id m001');
  });

  it('when a name is typed without diacritics then it is refused with the member it likely means', async () => {
    const r = await checkWithSubstitute('Nguyen Van An');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown member "Nguyen Van An" (did you mean "m001", Nguyễn Văn An?)');
  });
});

describe('dd/mm/yyyy where a date is typed', () => {
  const att = ['--attendance', 'fixtures/small/attendance.csv'];
  it('when --as-of is day/month/year then it is read so, and a date that reads both ways is said once', async () => {
    const iso = await cli(['check', SPEC, 'fixtures/small/plan.json', ...att, '--as-of', '2027-07-01', '--json']);
    const dmy = await cli(['check', SPEC, 'fixtures/small/plan.json', ...att, '--as-of', '01/07/2027', '--json']);
    expect(dmy.out).toBe(iso.out);
    expect(dmy.err).toContain('--as-of: 01/07/2027 read as day/month/year: 2027-07-01 (not 2027-01-07)');
    const plain = await cli(['check', SPEC, 'fixtures/small/plan.json', ...att, '--as-of', '20/7/2027']);
    expect(plain.err).not.toContain('note:');
  });

  it('when a date only makes sense month first then it is refused with both readings', async () => {
    const r = await cli(['check', SPEC, 'fixtures/small/plan.json', ...att, '--as-of', '07/13/2027']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      '"07/13/2027" is not day/month/year (there is no month 13); read month first it is 2027-07-13',
    );
  });

  it('when --until is day/month/year then the attendance template stops there', async () => {
    const d = tmp();
    const r = await cli([
      'attendance',
      'template',
      'fixtures/small/plan.json',
      '-o',
      join(d, 'a.csv'),
      '--until',
      '31/03/2027',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('2027-03-31');
  });
});

describe('the workbook is the whole input', () => {
  /** The template filled in as a staff member would: settings, a member who leaves, an absence, an agreed visit. */
  async function filled(d: string): Promise<string> {
    expect((await cli(['import', '--template', d])).code).toBe(0);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(d, 'lichdu-nhap-lieu.xlsx'));
    const settings = wb.getWorksheet('Thông tin chung')!;
    const set = (label: string, value: string) =>
      (settings
        .getRows(1, settings.rowCount)!
        .find((r) => r.getCell(1).value === label)!
        .getCell(2).value = value);
    set('Năm', '2027');
    set('Ngày nghỉ thêm', '03/09/2027; 24/12/2027 - 25/12/2027');
    set('Ngày sinh hoạt chung', '3');
    set('Giờ sinh hoạt chung', '19:00');
    wb.getWorksheet('Đảng bộ')!.addRow(['', 'Đảng bộ xã Hà Mòn', 'xã']);
    const cells = wb.getWorksheet('Chi bộ')!;
    cells.addRow(['', 'Chi bộ thôn 1', 'xã Hà Mòn', 'có']);
    cells.addRow(['', 'Chi bộ thôn 2', 'xã Hà Mòn', '', '', '', '', '', 'Chủ nhật cuối tháng', '08:00']);
    const members = wb.getWorksheet('Cấp ủy viên')!;
    const header = (members.getRow(1).values as string[]).slice(1);
    const col = (h: string) => header.indexOf(h);
    const member = (values: Record<string, string>) => {
      const row: string[] = header.map(() => '');
      for (const [h, v] of Object.entries(values)) row[col(h)] = v;
      members.addRow(row);
    };
    member({
      'Họ và tên': 'Nguyễn Văn An',
      'Chức danh': 'Đảng ủy viên xã',
      'Cấp ủy': 'xã Hà Mòn',
      'Đến ngày': '30/06/2027',
    });
    member({
      'Họ và tên': 'Trần Thị Hạnh',
      'Chức danh': 'Đảng ủy viên xã',
      'Cấp ủy': 'xã Hà Mòn',
      'Từ ngày': '01/07/2027',
    });
    member({ 'Họ và tên': 'Y Blong Êban', 'Chức danh': 'Đảng ủy viên xã', 'Cấp ủy': 'xã Hà Mòn' });
    wb.getWorksheet('Ngày vắng')!.addRow(['Y Blong Êban', '01/03/2027', '15/03/2027', 'đi học']);
    wb.getWorksheet('Dự theo thỏa thuận')!.addRow(['Nguyễn Văn An', 'thôn 1', '03/02/2027']);
    await wb.xlsx.writeFile(join(d, 'filled.xlsx'));
    return join(d, 'filled.xlsx');
  }

  it.runIf(hasResave)(
    'when the template is filled in and saved by LibreOffice in Vietnamese then import reads all of it, no YAML',
    async () => {
      const d = tmp();
      const book = await filled(d);
      const saved = join(d, 'saved.xlsx');
      const lo = spawnSync('bash', [RESAVE, book, saved], { encoding: 'utf8', timeout: 240_000 });
      expect(lo.status, lo.stderr).toBe(0);
      const r = await cli(['import', '--workbook', saved, '-o', join(d, 'spec.yaml')]);
      expect(r.code, r.err).toBe(0);
      const spec = parseYaml(readFileSync(join(d, 'spec.yaml'), 'utf8')) as Record<string, unknown>;
      expect(spec).toMatchObject({
        year: 2027,
        policy: 'kontum-776',
        holidays: { preset: 'vn', add: ['2027-09-03', '2027-12-24..2027-12-25'] },
        meeting_defaults: { day: 3, time: '19:00' },
        cells: [
          { id: 'thon-1', tags: ['remote'] },
          { id: 'thon-2', meeting: { day: 'last sunday', time: '08:00' } },
        ],
        members: [
          { id: 'nguyen-van-an', active: '..2027-06-30' },
          { id: 'tran-thi-hanh', active: '2027-07-01..' },
          { id: 'y-blong-eban', unavailable: ['2027-03-01..2027-03-15'] },
        ],
        fixed: [{ member: 'nguyen-van-an', cell: 'thon-1', date: '2027-02-03' }],
      });
      const plan = await cli(['validate', join(d, 'spec.yaml')]);
      expect(plan.code, plan.err).toBe(0);
    },
    600_000,
  );

  it('when a name in the workbook is typed without diacritics then import names the one it likely means', async () => {
    const d = tmp();
    const book = await filled(d);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    wb.getWorksheet('Dự theo thỏa thuận')!.addRow(['Nguyễn Văn An', 'Chi bo thon 2', '03/03/2027']);
    await wb.xlsx.writeFile(join(d, 'typo.xlsx'));
    const r = await cli(['import', '--workbook', join(d, 'typo.xlsx'), '-o', join(d, 'spec.yaml')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown cell "Chi bo thon 2" (did you mean "thon-2", Chi bộ thôn 2?)');
  });

  it('when the spec was edited by hand after an import then importing again refuses to overwrite it', async () => {
    const d = tmp();
    const book = await filled(d);
    const spec = join(d, 'spec.yaml');
    expect((await cli(['import', '--workbook', book, '-o', spec])).code).toBe(0);
    // Importing again over an untouched spec is fine.
    expect((await cli(['import', '--workbook', book, '-o', spec])).code).toBe(0);
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('year: 2027', 'year: 2027\ntimezone: Asia/Bangkok'));
    const r = await cli(['import', '--workbook', book, '-o', spec]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('was edited by hand since lichdu import wrote it');
    expect(readFileSync(spec, 'utf8')).toContain('Asia/Bangkok');
    // The way out the message gives: the spec as a workbook, edits included.
    expect((await cli(['export', 'workbook', spec, '-o', join(d, 'with-edits.xlsx')])).code).toBe(0);
    const again = await cli(['import', '--workbook', join(d, 'with-edits.xlsx'), '-o', join(d, 'spec2.yaml')]);
    expect(again.code, again.err).toBe(0);
    expect(readFileSync(join(d, 'spec2.yaml'), 'utf8')).toContain('timezone: Asia/Bangkok');
    // That workbook holds all of the edited spec: importing it over the spec itself loses nothing, so it is allowed.
    const over = await cli(['import', '--workbook', join(d, 'with-edits.xlsx'), '-o', spec]);
    expect(over.code, over.err).toBe(0);
    expect(readFileSync(spec, 'utf8')).toContain('timezone: Asia/Bangkok');
    expect((await cli(['import', '--workbook', book, '-o', spec, '--force'])).code).toBe(0);
  });
});

describe('attendance in the feeds', () => {
  const TOOLS = resolve('../shared/tools');
  it('when the attendance file is given then a missed visit says so, and the substitute has the visit', async () => {
    const d = tmp();
    const r = await cli([
      'export',
      'ics',
      'fixtures/small/plan.json',
      '-o',
      d,
      '--attendance',
      'fixtures/small/attendance.csv',
      '--lang',
      'vi',
    ]);
    expect(r.code, r.err).toBe(0);
    const events = (id: string) =>
      readFileSync(join(d, 'ics', 'members', `${id}.ics`), 'utf8')
        .replace(/\r\n /g, '')
        .split('BEGIN:VEVENT')
        .slice(1);
    // m001 missed 10/02 (ill): the event says so, with SEQUENCE raised and the same UID.
    const missed = events('m001').find((e) => e.includes('DTSTART;TZID=Asia/Ho_Chi_Minh:20270210'))!;
    expect(missed).toMatch(/SUMMARY:Vắng: Dự sinh hoạt/);
    expect(missed).toContain('SEQUENCE:1');
    expect(missed).toContain('UID:2027-02.m001.kon-klor@lichdu');
    expect(missed).toContain('Kết quả: vắng — ốm');
    // m003's 03/05 visit was made by m001: m003's event says who went; m001's calendar has it.
    const replaced = events('m003').find((e) => e.includes(':20270503'))!;
    expect(replaced).toContain('SUMMARY:Đồng chí Nguyễn Văn An dự thay: ');
    const substitute = events('m001').find((e) => e.includes(':20270503'))!;
    expect(substitute).toContain('SUMMARY:Dự thay đồng chí Trần Thị Hạnh: Dự sinh hoạt Chi bộ tổ dân phố 2');
    // The meeting of April, moved off 30/4 to 3/5: the UID names the meeting's month.
    expect(substitute).toContain('UID:2027-04.m001.tdp-2@lichdu');
    if (existsSync(join(TOOLS, 'ics-validate.sh'))) {
      const v = spawnSync(
        'bash',
        [join(TOOLS, 'ics-validate.sh'), ...['m001', 'm003'].map((id) => join(d, 'ics', 'members', `${id}.ics`))],
        {
          encoding: 'utf8',
          timeout: 300_000,
        },
      );
      expect(v.status, v.stdout + v.stderr).toBe(0);
    }
  }, 300_000);
});
