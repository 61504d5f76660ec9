import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { csvRows } from '../support/csvRows.js';
import { BAD } from '../spec/badSpecs.js';

const SPEC = 'fixtures/example/spec.yaml';
const HAND = 'fixtures/example/hand-plan.csv';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'lichdu-e2e-'));

/** A spec written as JSON into a new temporary directory. */
function specFile(spec: unknown, name = 'spec.json'): { dir: string; specPath: string } {
  const dir = tmp();
  const specPath = join(dir, name);
  writeFileSync(specPath, JSON.stringify(spec));
  return { dir, specPath };
}

/** The hand plan with its rows changed by `edit` (header kept), written to a temp file. */
function brokenPlan(edit: (rows: string[][]) => string[][]): string {
  const text = readFileSync(HAND, 'utf8');
  const [header, ...rows] = csvRows(text);
  const csv = [header!, ...edit(rows)]
    .map((r) => r.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(','))
    .join('\r\n');
  const path = join(tmp(), 'plan.csv');
  writeFileSync(path, '\uFEFF' + csv + '\r\n');
  return path;
}

describe('lichdu check', () => {
  it('when the example hand plan is checked then every hard rule holds and it exits 0', async () => {
    const r = await run('check', SPEC, HAND);
    expect(r.code).toBe(0);
    expect(r.out).toContain('✔ every hard rule holds');
    expect(r.out).toMatch(/priority cells: 30 of 80 \(37\.5 %\) receive [\d.]+ % of the visits/);
  });

  it(
    'when a second member is put at a meeting that already has one then visitorsPerMeeting fails with exit ' + '1',
    async () => {
      const path = brokenPlan((rows) => {
        const other = rows.find((r) => r[4] !== rows[0]![4] && r[9] === rows[0]![9] && r[0] !== rows[0]![0])!;
        return [...rows, [...rows[0]!.slice(0, 4), ...other.slice(4, 7), ...rows[0]!.slice(7)]];
      });
      const r = await run('check', SPEC, path, '--json');
      expect(r.code).toBe(1);
      const { violations } = JSON.parse(r.out) as { violations: Array<{ rule: string; count: number; limit: number }> };
      expect(violations.map((v) => [v.rule, v.count, v.limit])).toEqual([['visitorsPerMeeting', 2, 1]]);
    },
  );

  it('when every visit of one member is removed then only that member’s quota (and maybe coverage) fails', async () => {
    const path = brokenPlan((rows) => rows.filter((r) => r[4] !== 'dak-to-uv3'));
    const r = await run('check', SPEC, path, '--json');
    expect(r.code).toBe(1);
    const { violations } = JSON.parse(r.out) as { violations: Array<{ rule: string; member?: string }> };
    expect(violations.filter((v) => v.rule === 'quota')).toEqual([
      {
        rule: 'quota',
        member: 'dak-to-uv3',
        period: '2027',
        bound: 'min',
        limit: 6,
        count: 0,
        text: expect.stringContaining('required at least 6 visits, found 0 visits'),
      },
    ]);
    expect(new Set(violations.map((v) => v.rule))).toEqual(
      new Set(violations.some((v) => v.rule === 'coverage') ? ['quota', 'coverage'] : ['quota']),
    );
  });

  it('when a visit is moved a day later and the fixed visit is dropped then meetingDate and fixed fail', async () => {
    const path = brokenPlan((rows) => {
      const i = rows.findIndex((r) => r[12] === 'Dự kiến');
      const moved = rows.map((r, k) =>
        k === i ? [r[0]!.replace(/\d\d$/, (d) => String(Number(d) + 1).padStart(2, '0')), ...r.slice(1)] : r,
      );
      return moved.filter((r) => !(r[4] === 'tu-01' && r[12] === 'Cố định'));
    });
    const r = await run('check', SPEC, path, '--json');
    expect(r.code).toBe(1);
    const { violations } = JSON.parse(r.out) as { violations: Array<{ rule: string; member?: string }> };
    const rules = new Set(violations.map((v) => v.rule));
    expect(rules.has('meetingDate')).toBe(true);
    expect(violations.filter((v) => v.rule === 'fixed').map((v) => v.member)).toEqual(['tu-01']);
  });

  it('when the plan names an unknown member then the input is refused with exit 2', async () => {
    const path = brokenPlan((rows) =>
      rows.map((r, k) => (k === 2 ? [...r.slice(0, 4), 'dak-ha-uv99', ...r.slice(5)] : r)),
    );
    const r = await run('check', SPEC, path);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`✖ ${path}: line 4, column "Mã cấp ủy viên": unknown member "dak-ha-uv99"`);
  });
});

describe('lichdu convert', () => {
  it('when the hand plan is converted then plan.json and plan.csv are written and plan.json checks clean', async () => {
    const out = tmp();
    const r = await run('convert', SPEC, HAND, '-o', out, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['ics', 'plan.csv', 'plan.json', 'plan.xlsx']);
    expect(readdirSync(join(out, 'ics', 'members'))).toHaveLength(44);
    expect(readFileSync(join(out, 'plan.csv'), 'utf8').startsWith('\uFEFFDate,Weekday,')).toBe(true);
    const again = await run('check', SPEC, join(out, 'plan.json'));
    expect(again.code).toBe(0);
  });

  it.each(BAD.map(([name, raw, expected]) => [name, raw, expected] as const))(
    'when the spec has %s then convert exits 2 and writes nothing',
    async (_name, raw, expected) => {
      const { dir, specPath } = specFile(raw, 'spec.yaml');
      const out = join(dir, 'out');
      let codes: string[] = [];
      let err = '';
      const code = await runCli(['convert', specPath, HAND, '-o', out], {
        out: () => {},
        err: (s) => void (err += s),
        issues: (list) => void (codes = list.map((i) => i.code)),
      });
      const r = { code, err };
      expect(r.code).toBe(2);
      expect(codes).toEqual(expected.map((e) => e.code));
      expect(r.err).toContain('nothing was written');
      expect(existsSync(out)).toBe(false);
    },
  );
});

describe('the installed command', () => {
  const bin = 'dist/bin/lichdu.js';
  it('when run as a process then it sets the exit codes of SPEC §3 and prints no stack trace', () => {
    expect(spawnSync('node', [bin, 'check', SPEC, HAND], { encoding: 'utf8' }).status).toBe(0);
    const bad = spawnSync('node', [bin, 'validate', 'fixtures/nope.yaml'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('✖ fixtures/nope.yaml: cannot read the spec: no such file');
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(spawnSync('node', [bin, 'frobnicate'], { encoding: 'utf8' }).status).toBe(2);
    expect(
      spawnSync('node', [bin, 'convert', SPEC, HAND, '--lang', 'fr', '-o', tmp()], { encoding: 'utf8' }).status,
    ).toBe(2);
  });

  it('when policies are listed then each preset cites its document', () => {
    const r = spawnSync('node', [bin, 'policies'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const s of ['kontum-776', '776-QĐ/TU', 'hoabinh-08', '08-QĐ/ĐUK', 'plan-002', 'quydinh-1120', '1120-QĐ/TU'])
      expect(r.stdout).toContain(s);
  });
});

describe('lichdu export ics and lichdu feeds', () => {
  it('when calendars are exported from plan.json alone then they equal the golden files', async () => {
    const out = tmp();
    const r = await run('export', 'ics', 'fixtures/small/plan.json', '-o', out, '--lang', 'vi');
    expect(r.code).toBe(0);
    for (const f of [
      'all.ics',
      'members/m001.ics',
      'members/m002.ics',
      'members/m003.ics',
      'cells/thon-1.ics',
      'cells/kon-klor.ics',
      'cells/tdp-2.ics',
    ]) {
      expect(readFileSync(join(out, 'ics', f), 'utf8'), f).toBe(readFileSync(join('fixtures/small/ics', f), 'utf8'));
    }
  });

  it(
    'when links are listed then each member and cell has an https and a webcal link; a new secret changes them ' +
      'all',
    async () => {
      const out = tmp();
      await run('convert', 'fixtures/small/spec.yaml', 'fixtures/small/plan.json', '-o', out);
      const csv = await run('feeds', out, '--base-url', 'https://lich.example.vn/', '--format', 'csv', '--lang', 'vi');
      expect(csv.code).toBe(0);
      const rows = csvRows(csv.out);
      expect(rows[0]).toEqual(['Loại', 'Mã', 'Họ và tên / Tên chi bộ', 'Đường dẫn https', 'Đường dẫn webcal']);
      expect(rows.slice(1).map((r) => r[1])).toEqual(['m001', 'm002', 'm003', 'thon-1', 'kon-klor', 'tdp-2']);
      for (const r of rows.slice(1)) {
        expect(r[3]).toMatch(/^https:\/\/lich\.example\.vn\/feeds\/[A-Za-z0-9_-]{32}\.ics$/);
        expect(r[4]).toBe(r[3]!.replace('https://', 'webcal://'));
      }
      const again = csvRows(
        (
          await run(
            'feeds',
            out,
            '--base-url',
            'https://lich.example.vn',
            '--format',
            'csv',
            '--lang',
            'vi',
            '--new-secret',
          )
        ).out,
      );
      expect(again.slice(1).map((r) => r[3])).not.toContain(rows[1]![3]);
      const bad = await run('feeds', out, '--base-url', 'lich.example.vn');
      expect([bad.code, bad.err.split('\n')[0]]).toEqual([
        2,
        '✖ --base-url: "lich.example.vn" is not an http(s) URL such as https://lich.example.vn',
      ]);
    },
  );
});

describe('lichdu plan', () => {
  it(
    'when the small spec is planned then the plan is optimal, checks clean, and a second run gives the same ' + 'bytes',
    async () => {
      const a = tmp();
      const b = tmp();
      const lp = join(a, 'model.lp');
      const r = await run('plan', 'fixtures/small/spec.yaml', '-o', a, '--export-model', lp, '--seed', '3');
      expect(r.code).toBe(0);
      expect(r.err).toMatch(
        /^Plan optimal \(gap 0\.0 %\): \d+ visits; 3 of 3 members meet their quotas; 3 of 3 cells covered;/m,
      );
      expect(readFileSync(lp, 'utf8')).toMatch(/^Minimize/m);
      expect((await run('check', 'fixtures/small/spec.yaml', join(a, 'plan.json'))).code).toBe(0);
      expect(
        (
          await run(
            'plan',
            'fixtures/small/spec.yaml',
            '-o',
            b,
            '--seed',
            '3',
            '--quiet',
            '--export-model',
            join(b, 'model.mps'),
          )
        ).code,
      ).toBe(0);
      expect(readFileSync(join(b, 'model.mps'), 'utf8')).toMatch(
        /^\* [^\n]*\nNAME lichdu\nROWS\n N obj\n[\s\S]*\nCOLUMNS\n[\s\S]*\nENDATA\n$/,
      );
      for (const f of ['plan.json', 'plan.csv', 'ics/all.ics'])
        expect(readFileSync(join(b, f), 'utf8'), f).toBe(readFileSync(join(a, f), 'utf8'));
      const solver = JSON.parse(readFileSync(join(a, 'plan.json'), 'utf8')).solver;
      expect([solver.status, solver.gap, solver.time_ms]).toEqual(['optimal', 0, null]);
    },
    120_000,
  );

  it(
    'when a member cannot meet the quota then a plan is still written, the shortfall is named and the exit ' +
      'code is 1',
    async () => {
      const { dir, specPath } = specFile({
        year: 2027,
        policy: { id: 'p', extends: 'kontum-776', roles: { commune: { quota: { min: 13, per: 'year' } } } },
        units: [{ id: 'xa', name: 'Đảng bộ xã', level: 'commune' }],
        cells: [
          { id: 'c1', name: 'Chi bộ 1', unit: 'xa' },
          { id: 'c2', name: 'Chi bộ 2', unit: 'xa' },
        ],
        members: [{ id: 'm1', name: 'Nguyễn Văn An', role: 'commune', unit: 'xa' }],
      });
      const r = await run('plan', specPath, '-o', join(dir, 'out'));
      expect(r.code).toBe(1);
      expect(r.err).toContain('! member m1 (Nguyễn Văn An) can attend at most 12 meeting(s) in 2027');
      expect(r.err).toContain('✖ quota: m1 (Nguyễn Văn An), 2027: required at least 13 visits, found 12 visits');
      const doc = JSON.parse(readFileSync(join(dir, 'out', 'plan.json'), 'utf8'));
      expect(doc.solver.status).toBe('infeasible-relaxed');
      expect(doc.violations.map((v: { rule: string }) => v.rule)).toEqual(['quota']);
    },
    120_000,
  );
});

describe('lichdu validate', () => {
  it(
    'when a member cannot reach the quota and a cell has no visitor then validate says so in plain words and ' +
      'exits 0',
    async () => {
      const { specPath } = specFile({
        year: 2027,
        policy: 'kontum-776',
        units: [
          { id: 'xa', name: 'X', level: 'commune' },
          { id: 'xb', name: 'Y', level: 'commune' },
        ],
        cells: [
          { id: 'c1', name: 'C1', unit: 'xa' },
          { id: 'c2', name: 'C2', unit: 'xb' },
        ],
        members: [{ id: 'm1', name: 'A', role: 'commune', unit: 'xa', unavailable: ['2027-01-01..2027-09-30'] }],
      });
      const r = await run('validate', specPath);
      expect(r.code).toBe(0);
      expect(r.out).toContain(
        '! member m1 (A) can attend at most 3 meeting(s) in 2027 (area, home cell and unavailable days ' +
          'considered) but must make 6',
      );
      expect(r.out).toContain("! cell c2 (C2) has no member who may visit it: add it to someone's area");
    },
  );
});
