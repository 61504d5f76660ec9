import { mkdtempSync, readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpecFile } from '../../src/spec/load.js';
import { renderCsv } from '../../src/format/csv.js';
import { csvRows } from '../support/csvRows.js';
import { readCsvPlan } from '../../src/planfile/index.js';
import { readTablePlan } from '../../src/planfile/csv.js';
import { csvTable, detectSeparator } from '../../src/planfile/table.js';
import { readJsonPlan, renderPlanJson } from '../../src/planfile/index.js';
import { CSV_HEADERS } from '../../src/format/labels.js';
import { writeFileAtomic } from '../../src/util/atomic.js';
import { formatIssue } from '../../src/util/issues.js';
import { checkPlan } from '../../src/check/index.js';
import type { Problem, Visit } from '../../src/domain/types.js';

const dir = 'fixtures/small';
const loaded = loadSpecFile(join(dir, 'spec.yaml'));
if (!loaded.ok) throw new Error('fixture spec invalid');
const problem: Problem = loaded.value;
const goldenJson = readFileSync(join(dir, 'plan.json'), 'utf8');
const goldenCsv = readFileSync(join(dir, 'plan.csv'), 'utf8');
const fromJson = readJsonPlan(goldenJson, 'plan.json', problem);
if (!fromJson.ok) throw new Error('golden plan.json unreadable');
const visits: readonly Visit[] = fromJson.value.plan.visits;

describe('plan.csv', () => {
  it('when the golden plan is rendered then the bytes equal the golden file', () => {
    expect(renderCsv(problem, visits, 'vi')).toBe(goldenCsv);
  });

  it('when written then it starts with a BOM, ends lines with CRLF and has the 13 Vietnamese headers', () => {
    const text = renderCsv(problem, visits, 'vi');
    expect(
      text.startsWith(
        '\uFEFFNgày,Thứ,Giờ bắt đầu,Giờ kết thúc,Mã cấp ủy viên,Họ và tên,Cấp / chức danh,Mã chi bộ,Tên chi ' +
          'bộ,Mã đảng bộ,Tên đảng bộ,Đặc điểm địa bàn,Trạng thái\r\n',
      ),
    ).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).toContain('Y Blong Êban');
    expect(text).toContain('"Chi bộ làng Kon Klor, ""Đăk Hà"""');
  });

  it('when rendered in English then the header is English and rows are sorted by date then cell', () => {
    const rows = csvRows(renderCsv(problem, [...visits].reverse(), 'en'));
    expect(rows[0]).toEqual(CSV_HEADERS.en);
    const keys = rows.slice(1).map((r) => `${r[0]}|${r[7]}`);
    expect(keys).toEqual([...keys].sort());
    expect(rows[1]![12]).toBe('fixed');
  });

  it.each(['vi', 'en'] as const)('when a %s CSV is written and read back then the visits are the same', (lang) => {
    const back = readCsvPlan(renderCsv(problem, visits, lang), 'plan.csv', problem);
    expect(back.ok && back.value).toEqual(visits);
  });

  it('when a name starts with = then the cell is kept as text and read back unchanged', () => {
    const p = {
      ...problem,
      members: problem.members.map((m) => (m.id === 'm001' ? { ...m, name: '=HYPERLINK("x")' } : m)),
    };
    const text = renderCsv(p, visits, 'vi');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csvRows(text).some((r) => r[5] === `'=HYPERLINK("x")`)).toBe(true);
  });

  it('when quoted fields hold commas, quotes and line breaks then the reader keeps them (RFC 4180)', () => {
    const t = csvTable('a,"b,c","d""e","f\r\ng"\r\n1,2,3,4', 'x.csv');
    expect(t.ok && [t.value.header, ...t.value.rows.map((r) => r.cells)]).toEqual([
      ['a', 'b,c', 'd"e', 'f\r\ng'],
      ['1', '2', '3', '4'],
    ]);
    const open = csvTable('a,"b\r\n', 'x.csv');
    expect(open.ok ? '' : formatIssue(open.issues[0]!)).toMatch(/^✖ x\.csv: not valid CSV: line \d+: /);
  });

  it('when a spreadsheet saved it with ; or tabs then the separator is found from the header', () => {
    expect(detectSeparator('"Ngày";"Thứ";"Giờ, bắt đầu"\r\n')).toBe(';');
    expect(detectSeparator('Ngày\tThứ\tGiờ\r\n')).toBe('\t');
    expect(detectSeparator('"a;b",c,d\r\n')).toBe(',');
    const semi = goldenCsv.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, ';');
    const r = readCsvPlan(semi, 'plan.csv', problem);
    expect(r.ok && r.value).toEqual(visits);
  });

  it('when times and dates come as a spreadsheet writes them then they are read, with one note per kind', () => {
    const rows = csvRows(goldenCsv);
    const edited = rows.map((r, i) =>
      i === 0
        ? r
        : [r[0]!.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_m, y, mo, d) => `${+d}/${+mo}/${y}`), r[1]!, ...r.slice(2)],
    );
    for (const r of edited.slice(1)) r[2] = r[2] === '19:30' ? '07:30:00 PM' : `${r[2]}:00`;
    const text = edited
      .map((r) => r.map((f) => (/[",]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(','))
      .join('\r\n');
    const t = csvTable(text, 'plan.csv');
    const r = t.ok ? readTablePlan(t.value, 'plan.csv', problem) : t;
    expect(r.ok && r.value.visits).toEqual(visits);
    // One note for the column, whatever forms it holds (issue 24: repeated notes of one kind are one line).
    const times = r.ok
      ? r.value.notes.map((n) => formatIssue(n)).filter((n) => n.includes('column "Giờ bắt đầu"'))
      : [];
    expect(times).toHaveLength(1);
    expect(times[0]).toMatch(/: "(07:30:00 PM|\d\d:\d\d:00)" read as \d\d:\d\d, and \d+ more like it$/);
    expect(
      r.ok &&
        r.value.notes.some((n) => /^✖ plan\.csv: lines? [\d–, ]+, column "Ngày": dates such as/.test(formatIssue(n))),
    ).toBe(true);
  });

  it(
    'when a CSV has a wrong header, an unknown member or a bad date then each is named with its line and ' + 'column',
    () => {
      const bad = goldenCsv.replace('m003', 'm03').replace('2027-02-10', '31/02/2027');
      const r = readCsvPlan(bad, 'plan.csv', problem);
      expect(r.ok ? [] : r.issues.map((i) => formatIssue(i))).toEqual([
        '✖ plan.csv: line 3, column "Ngày": "31/02/2027" is no date',
        '✖ plan.csv: line 4, column "Mã cấp ủy viên": unknown member "m03" (did you mean "m003", Trần Thị Hạnh?)',
      ]);
      const r2 = readCsvPlan('Date,Member\r\n', 'plan.csv', problem);
      expect(r2.ok ? '' : formatIssue(r2.issues[0]!)).toMatch(
        /^✖ plan\.csv: line 1: no column "Giờ bắt đầu" \(start\)/,
      );
    },
  );

  it('when the same mistake is on many lines then it is said once with the lines', () => {
    const many = goldenCsv.replace(/,(Cố định|Dự kiến)\r\n/g, ',Xong\r\n');
    const r = readCsvPlan(many, 'plan.csv', problem);
    const last = csvRows(goldenCsv).length;
    expect(r.ok ? [] : r.issues.map((i) => formatIssue(i))).toEqual([
      `✖ plan.csv: lines 2–${last}, column "Trạng thái": "Xong" is not a status: use Dự kiến, Cố định`,
    ]);
  });
});

describe('plan.json', () => {
  it('when the golden plan is rendered then the bytes equal the golden file', () => {
    expect(renderPlanJson(problem, { visits }, checkPlan(problem, visits), '2027-01-01T00:00:00Z')).toBe(goldenJson);
  });

  it('when a plan.json names an unknown cell then the path inside it is given', () => {
    const doc = JSON.parse(goldenJson);
    doc.visits[1].cell = 'kon-klo';
    const r = readJsonPlan(JSON.stringify(doc), 'plan.json', problem);
    expect(r.ok ? [] : r.issues.map((i) => formatIssue(i))).toEqual([
      '✖ plan.json: visits[1].cell: unknown cell "kon-klo" (did you mean "kon-klor"?)',
    ]);
  });

  it('when the plan was made from another spec then the mismatch is reported', () => {
    const r = readJsonPlan(goldenJson.replace(problem.specHash, 'sha256:0000'), 'plan.json', problem);
    expect(r.ok && r.value.specHashMismatch).toEqual({ plan: 'sha256:0000', spec: problem.specHash });
  });
});

describe('atomic writes', () => {
  it('when a file is written then no temporary file is left behind', () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-'));
    writeFileAtomic(join(d, 'plan.csv'), 'a');
    writeFileAtomic(join(d, 'plan.csv'), 'b');
    expect(readdirSync(d)).toEqual(['plan.csv']);
    expect(readFileSync(join(d, 'plan.csv'), 'utf8')).toBe('b');
  });

  it('when the rename fails then the old content stays and the temporary file is removed', () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-'));
    mkdirSync(join(d, 'plan.csv'));
    writeFileSync(join(d, 'plan.csv', 'keep'), 'old');
    expect(() => writeFileAtomic(join(d, 'plan.csv'), 'new')).toThrow();
    expect(readdirSync(d)).toEqual(['plan.csv']);
    expect(readFileSync(join(d, 'plan.csv', 'keep'), 'utf8')).toBe('old');
  });
});
