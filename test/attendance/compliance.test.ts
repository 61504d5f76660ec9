// Attendance and compliance to date (issue 9, items 1 and 2): golden output on the small fixture at the start of a
// quarter, mid-quarter and the year's end; the template read back; random attendance recounted naively; the file
// saved by LibreOffice headless (made from the CSV in the test) gives the same verdicts; mistakes named by line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compliance } from '../../src/attendance/compliance.js';
import type { Attendance, AttendanceRecord } from '../../src/attendance/file.js';
import { cli } from '../support/cli.js';
import type { MemberId } from '../../src/domain/types.js';
import { readPlanFile } from '../../src/planfile/index.js';
import { loadSpecFile } from '../../src/spec/load.js';

const SPEC = 'fixtures/small/spec.yaml';
const PLAN = 'fixtures/small/plan.json';
const ATT = 'fixtures/small/attendance.csv';
const hasOffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

const problem = (() => {
  const r = loadSpecFile(SPEC);
  if (!r.ok) throw new Error('bad fixture');
  return r.value;
})();

describe('compliance to date', () => {
  it.each([
    ['2027-04-01', 0],
    ['2027-05-15', 0],
    ['2027-12-31', 1],
  ])('when checked on %s then the output is the golden one', async (date, code) => {
    const r = await cli(['check', SPEC, PLAN, '--attendance', ATT, '--as-of', date]);
    expect(r.code, r.err).toBe(code);
    expect(r.out).toBe(readFileSync(`fixtures/small/compliance-${date}.txt`, 'utf8'));
  });

  it('when the template is written and read back unfilled then every past visit is unrecorded', async () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-att-'));
    for (const name of ['a.csv', 'a.xlsx']) {
      const w = await cli(['attendance', 'template', PLAN, '-o', join(d, name), '--until', '2027-06-30']);
      expect(w.code, w.err).toBe(0);
      expect(w.out).toContain('4 visits up to 2027-06-30');
      const r = await cli(['check', SPEC, PLAN, '--attendance', join(d, name), '--as-of', '2027-06-30', '--json']);
      const j = JSON.parse(r.out) as { visits: Record<string, number> };
      // Not recorded: counted neither as done nor as missed, unless the user says so (issue 24, item 8).
      expect(j.visits).toEqual({ done: 0, unplanned: 0, missed: 0, unrecorded: 4, ahead: 1 });
      const asDone = await cli([
        'check',
        SPEC,
        PLAN,
        '--attendance',
        join(d, name),
        '--as-of',
        '2027-06-30',
        '--json',
        '--unrecorded',
        'done',
      ]);
      expect((JSON.parse(asDone.out) as { visits: Record<string, number> }).visits).toEqual({
        done: 4,
        unplanned: 0,
        missed: 0,
        unrecorded: 4,
        ahead: 1,
      });
      const m = await cli([
        'check',
        SPEC,
        PLAN,
        '--attendance',
        join(d, name),
        '--as-of',
        '2027-12-31',
        '--unrecorded',
        'missed',
      ]);
      expect(m.code).toBe(1);
    }
  });

  it('when attendance is random then each member’s periods equal a naive recount', async () => {
    const plan = (await readPlanFile(PLAN, problem)) as { ok: true; value: { plan: { visits: never[] } } };
    const visits = plan.value.plan.visits as import('../../src/domain/types.js').Visit[];
    const ids = problem.members.map((m) => m.id as string);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('none', 'done', 'missed', 'replaced'), fc.nat(2)), {
          minLength: visits.length,
          maxLength: visits.length,
        }),
        fc.integer({ min: 1, max: 365 }),
        fc.constantFrom('done' as const, 'missed' as const),
        (choices, day, unrecorded) => {
          const asOf = new Date(Date.UTC(2027, 0, day)).toISOString().slice(0, 10);
          const records: AttendanceRecord[] = [];
          visits.forEach((v, i) => {
            const [what, other] = choices[i]!;
            if (what === 'none') return;
            const replacedBy = ids.filter((x) => x !== v.member)[other % 2]! as MemberId;
            records.push({
              member: v.member,
              cell: v.cell,
              date: v.date,
              result: what,
              ...(what === 'replaced' ? { replacedBy } : {}),
              at: i + 2,
            });
          });
          const att: Attendance = { records, recordsReports: false, notes: [] };
          const c = compliance(problem, visits, att, asOf, unrecorded);
          // Naive: who went to each past visit.
          const went = new Map<string, number>();
          visits.forEach((v, i) => {
            if (v.date > asOf) return;
            const [what, other] = choices[i]!;
            const who =
              what === 'done' || (what === 'none' && unrecorded === 'done')
                ? v.member
                : what === 'replaced'
                  ? ids.filter((x) => x !== v.member)[other % 2]!
                  : undefined;
            if (who) went.set(who, (went.get(who) ?? 0) + 1);
          });
          for (const m of c.members) {
            const yearly = m.periods.find((p) => p.kind === 'year')!;
            expect(yearly.done).toBe(went.get(m.id) ?? 0);
            expect(m.status === 'behind').toBe(m.periods.some((p) => p.done < p.requiredByNow));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('when the attendance file has mistakes then each is named by line and column, all at once', async () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-att-'));
    const f = join(d, 'bad.csv');
    writeFileSync(
      f,
      'Ngày,Mã cấp ủy viên,Mã chi bộ,Kết quả,Người dự thay\n' +
        '2027-01-03,m002,thon-1,có mặt,\n' +
        '2027-02-10,m001,kon-klor,Dự thay,\n' +
        '2027-05-03,m03,tdp-2,Đã dự,\n' +
        '2027-05-03,m003,tdp-2,Vắng,m009\n',
    );
    const r = await cli(['check', SPEC, PLAN, '--attendance', f, '--as-of', '2027-06-01']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([
      `✖ ${f}: line 2, column "Kết quả": "có mặt" is not a result: write Đã dự, Vắng or Dự thay (or done, missed, ` +
        'replaced), or leave it empty',
      `✖ ${f}: line 3, column "Người dự thay": empty: write who went instead (their id or full name)`,
      `✖ ${f}: line 4, column "Mã cấp ủy viên": unknown member "m03" (did you mean "m003", Trần Thị Hạnh?)`,
      `✖ ${f}: line 5, column "Người dự thay": unknown member "m009" (did you mean "m001", Nguyễn Văn An?): write ` +
        "the member's id or full name",
      '4 problems; nothing was written',
    ]);
    const half = await cli(['check', SPEC, PLAN, '--attendance', f]);
    expect(half.code).toBe(2);
    expect(half.err).toContain('the year as it happened needs both --attendance FILE and --as-of DATE');
  });
});

describe('the report as of a date', () => {
  it('when report gets --attendance then done, missed and planned differ and who is behind is named', async () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-att-report-'));
    const r = await cli(['report', SPEC, PLAN, '--attendance', ATT, '--as-of', '2027-06-30', '-o', d, '--lang', 'vi']);
    expect(r.code, r.err).toBe(0);
    const html = readFileSync(join(d, 'report.html'), 'utf8');
    // Missed: m001 at kon-klor in February, m003 at tdp-2 for April (replaced by m001), m002 at kon-klor in June.
    expect(html.match(/class="hm c\d miss"/g)?.length).toBe(3);
    expect(html).toContain('T4: Nguyễn Văn An (03/05, đã dự), Trần Thị Hạnh (03/05, vắng)');
    expect(html).toContain('Trần Thị Hạnh (05/03, đã dự)');
    expect(html).toContain('T9: Trần Thị Hạnh (03/09, dự kiến)');
    expect(html).toContain('Tiến độ đến ngày 30/06/2027');
    const late = await cli([
      'report',
      SPEC,
      PLAN,
      '--attendance',
      ATT,
      '--as-of',
      '2027-12-31',
      '-o',
      d,
      '--lang',
      'vi',
    ]);
    expect(late.code).toBe(0);
    expect(readFileSync(join(d, 'report.html'), 'utf8')).toContain('<li>Y Blong Êban — năm 2027: 1/2</li>');
  });
});

describe.runIf(hasOffice)('attendance saved by LibreOffice', () => {
  it('when LibreOffice saves the attendance file as xlsx and as CSV with ";" then compliance is the same', async () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-att-office-'));
    writeFileSync(join(d, 'att.csv'), readFileSync(ATT));
    const office = (to: string, file: string, infilter?: string) => {
      const r = spawnSync(
        'soffice',
        [
          `-env:UserInstallation=file://${join(d, 'profile')}`,
          '--headless',
          ...(infilter ? [`--infilter=${infilter}`] : []),
          '--convert-to',
          to,
          '--outdir',
          join(d, 'o'),
          file,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
    };
    office('xlsx', join(d, 'att.csv'), 'CSV:44,34,76,1');
    office('csv:Text - txt - csv (StarCalc):59,34,76,1', join(d, 'o', 'att.xlsx'));
    const golden = readFileSync('fixtures/small/compliance-2027-12-31.txt', 'utf8');
    for (const file of [join(d, 'o', 'att.xlsx'), join(d, 'o', 'att.csv')]) {
      const r = await cli(['check', SPEC, PLAN, '--attendance', file, '--as-of', '2027-12-31']);
      expect(r.code, r.err).toBe(1);
      expect(r.out.replace(file, ATT)).toBe(golden);
    }
  });
});
