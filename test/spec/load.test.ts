import { describe, expect, it } from 'vitest';
import { formatIssue, formatPath } from '../../src/util/issues.js';
import { parseSpec } from '../../src/spec/load.js';
import { cell, issuesOf, member, problemOf, spec, unit } from '../builders.js';
import { BAD } from './badSpecs.js';

const lines = (raw: unknown) => issuesOf(raw).map((i) => formatIssue(i));

describe('spec loader refuses bad specs', () => {
  it.each(BAD)('when the spec has %s then it names the path and the fix', (_name, raw, expected) => {
    // Problems are data (issue 23): the place, the code and its parameters; the text is rendered at the edge.
    expect(issuesOf(raw).map((i) => ({ at: formatPath(i.path), code: i.code, params: i.params }))).toEqual(expected);
    // Each problem has a code of its own (value.invalid carries zod's English words) and a Vietnamese text.
    for (const i of issuesOf(raw)) {
      expect(i.code).not.toBe('value.invalid');
      expect(formatIssue(i, 'vi')).not.toBe(formatIssue(i, 'en'));
    }
  });

  it('when a few of them are rendered then the user reads them in Vietnamese, and in English on request', () => {
    const byName = new Map(BAD.map(([name, raw]) => [name, raw]));
    const both = (name: string) => {
      const i = issuesOf(byName.get(name))[0]!;
      return [formatIssue(i, 'vi'), formatIssue(i, 'en')];
    };
    expect(both('unknown top-level key (typo)')).toEqual([
      '✖ spec.yaml: member: khóa không xác định "member" (có phải là "members"?)',
      '✖ spec.yaml: member: unknown key "member" (did you mean "members"?)',
    ]);
    expect(both('year implausible')).toEqual([
      '✖ spec.yaml: year: 1975 không phải năm hợp lý (2000–2100)',
      '✖ spec.yaml: year: 1975 is not a plausible year (2000–2100)',
    ]);
    expect(both('unknown policy preset')).toEqual([
      '✖ spec.yaml: policy: không có quy định có sẵn "kontum-767" (có phải là "kontum-776"?); có sẵn: hoabinh-08, ' +
        'kontum-776, plan-002, quydinh-1120',
      '✖ spec.yaml: policy: unknown policy preset "kontum-767" (did you mean "kontum-776"?); built-in: hoabinh-08, ' +
        'kontum-776, plan-002, quydinh-1120',
    ]);
  });

  it('when a spec has several problems then all are reported at once', () => {
    const raw = spec({
      cells: [cell({ id: 'c1', unit: 'nope' }), cell({ id: 'c2', meeting: { time: '25:00' } })],
      members: [member({ id: 'm1', role: 'boss' }), member({ id: 'm2', home_cell: 'c9' })],
    });
    expect(lines(raw)).toEqual([
      '✖ spec.yaml: cells[1].meeting.time: "25:00" is not HH:MM (24-hour clock, e.g. "19:30")',
      '✖ spec.yaml: cells[0].unit: unknown unit "nope"',
      '✖ spec.yaml: members[0].role: unknown role "boss"; the policy "kontum-776" defines: province, district, commune',
      '✖ spec.yaml: members[1].home_cell: unknown cell "c9" (did you mean "c1"?)',
    ]);
  });

  it('when the YAML itself is broken then the line and column are named', () => {
    const r = parseSpec('year: 2027\nunits: [\n  - a\n', 'spec.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatIssue(r.issues[0]!)).toMatch(/^✖ spec\.yaml: line \d+, column \d+: .*\(not valid YAML\)$/);
  });

  it('when a .json spec is not JSON then it says so', () => {
    const r = parseSpec('{ "year": 2027, }', 'spec.json');
    expect(r.ok ? '' : formatIssue(r.issues[0]!)).toMatch(/^✖ spec\.json: not valid JSON: /);
  });
});

describe('spec loader normalises good specs', () => {
  it('when a member has no area then they may visit every cell below their own unit', () => {
    const p = problemOf(
      spec({
        units: [unit({ id: 'tinh' }), unit({ id: 'xa1', parent: 'tinh' }), unit({ id: 'xa2', parent: 'tinh' })],
        cells: [cell({ id: 'c1', unit: 'xa1' }), cell({ id: 'c2', unit: 'xa2' })],
        members: [
          member({ id: 'p', role: 'province', unit: 'tinh' }),
          member({ id: 'm', unit: 'xa2' }),
          member({ id: 'q', role: 'province', unit: 'tinh', area: ['xa1'] }),
        ],
      }),
    );
    const eligible = Object.fromEntries(p.members.map((m) => [m.id, [...m.eligibleCells]]));
    expect(eligible).toEqual({ p: ['c1', 'c2'], m: ['c2'], q: ['c1'] });
  });

  it('when a member has unavailable ranges then every day in them is unavailable', () => {
    const p = problemOf(
      spec({ members: [member({ id: 'm1', unavailable: ['2027-02-27..2027-03-02', '2027-07-20'] })] }),
    );
    expect([...p.members[0]!.unavailable]).toEqual([
      '2027-02-27',
      '2027-02-28',
      '2027-03-01',
      '2027-03-02',
      '2027-07-20',
    ]);
  });

  it('when the same spec is given as YAML and as JSON then the problems are equal', () => {
    const raw = spec();
    const a = parseSpec(JSON.stringify(raw), 'spec.json');
    const b = parseSpec(`# comment\n${JSON.stringify(raw)}`, 'spec.yaml');
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect({ ...a.value, specHash: '' }).toEqual({ ...b.value, specHash: '' });
  });

  it('when an inline policy extends a preset then it keeps the preset and overrides what it names', () => {
    const p = problemOf(
      spec({
        policy: {
          id: 'mine',
          extends: 'kontum-776',
          priority: { remote: 5 },
          roles: { commune: { quota: { min: 4, per: 'year' } } },
        },
      }),
    );
    expect(p.policy.priority).toEqual({ remote: 5, ethnic: 2, religious: 2, complex: 2 });
    expect(p.policy.roles.province!.quota).toEqual([{ min: 2, per: 'year' }]);
    expect(p.members[0]!.quotas).toEqual([{ min: 4, per: 'year' }]);
  });
});
