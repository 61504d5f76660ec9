// lichdu who-can, edit and history from the command line (issue 26, item 5): the console's operations as commands.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const SPEC = 'fixtures/small/spec.yaml';
const visits = (dir: string) =>
  (
    JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as {
      visits: { member: string; cell: string; date: string }[];
    }
  ).visits;

describe('who-can, edit, history', () => {
  it('when who-can is asked then it names who may go (load, cost) and who may not (the rule)', async () => {
    const r = await cli([
      'who-can',
      SPEC,
      'fixtures/small/plan.json',
      'thôn 1',
      '03/09/2027',
      '--instead',
      'Trần Thị Hạnh',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Attending now: Trần Thị Hạnh');
    expect(r.out).toMatch(/May attend instead \(no rule broken\):\n {2}✔ Nguyễn Văn An \(m001\): 1 visit, cost/);
    const json = JSON.parse(
      (await cli(['who-can', SPEC, 'fixtures/small/plan.json', 'thon-1', '2027-02-03', '--json'])).out,
    ) as {
      candidates: { member: string; ok: boolean; rules: string[] }[];
    };
    expect(json.candidates.find((c) => c.member === 'm002')).toMatchObject({ ok: false, rules: ['noConsecutive'] });
    const wrong = await cli(['who-can', SPEC, 'fixtures/small/plan.json', 'thon-1', '2027-02-04']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('cell thon-1 does not meet on 2027-02-04');
  });

  it('when a visit is edited then one visit changes, a version is kept, restoring gives it back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lichdu-edit-'));
    expect((await cli(['convert', SPEC, 'fixtures/small/plan.json', '-o', dir])).code).toBe(0);
    const before = visits(dir);
    const r = await cli(['edit', SPEC, dir, '--cell', 'thon-1', '--date', '03/09/2027', '--to', 'Nguyễn Văn An']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('The changed plan breaks 1 rule instance(s)');
    const after = visits(dir);
    expect(after.filter((v, i) => v.member !== before[i]!.member)).toEqual([
      expect.objectContaining({ member: 'm001', cell: 'thon-1', date: '2027-09-03' }),
    ]);
    const h = await cli(['history', SPEC, dir]);
    expect(h.out.trim().split('\n')).toHaveLength(2);
    expect((await cli(['history', SPEC, dir, '--restore', '1'])).code).toBe(0);
    expect(visits(dir)).toEqual(before);
  });

  it('when a visit is pinned then a re-plan keeps it, where it would otherwise move', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lichdu-pin-'));
    expect((await cli(['convert', SPEC, 'fixtures/small/plan.json', '-o', dir])).code).toBe(0);
    // Trần Thị Hạnh leaves at the end of June; her September visit is pinned (agreed with the cell, say).
    const spec = join(dir, 'spec.yaml');
    cpSync(SPEC, spec);
    writeFileSync(
      spec,
      readFileSync(spec, 'utf8').replace(
        '{ id: m003, name: "Trần Thị Hạnh", role: commune, unit: ha-mon }',
        '{ id: m003, name: "Trần Thị Hạnh", role: commune, unit: ha-mon, active: "..2027-06-30" }',
      ),
    );
    const pin = await cli(['edit', SPEC, dir, '--cell', 'thon-1', '--date', '2027-09-03', '--pin', 'm003']);
    expect(pin.code, pin.err).toBe(0);
    const replan = (out: string, pins: boolean) =>
      cli([
        'plan',
        spec,
        '--previous',
        join(dir, 'plan.json'),
        '--from',
        '2027-07-01',
        '-o',
        out,
        ...(pins ? ['--pins', join(dir, 'pins.json')] : []),
      ]);
    const free = join(dir, 'free');
    const kept = join(dir, 'kept');
    await replan(free, false);
    await replan(kept, true);
    const at = (d: string) => visits(d).find((v) => v.cell === 'thon-1' && v.date === '2027-09-03');
    expect(at(free)?.member).not.toBe('m003');
    expect(at(kept)?.member).toBe('m003');
  });
});
