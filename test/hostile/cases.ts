// The hostile and careless inputs of issue 12 as data: each case makes its files in a fresh folder and gives the
// command line (and environment) to run. Every one must be refused with exit 2, quickly, with a message naming what
// is wrong, nothing written and no stack trace. test/hostile/suite.test.ts runs them all.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { BAD } from '../spec/badSpecs.js';

export interface HostileCase {
  readonly name: string;
  /** Makes the case's files in `dir` and returns the command line; `out` is a folder that must stay unmade. */
  setup(dir: string, out: string): string[];
  readonly env?: Record<string, string>;
  /** The thing named, found among the problems' data (file, path, parameters, place): not a word of the text. */
  readonly says?: RegExp;
}

const SMALL = 'fixtures/small/spec.yaml';
const PLAN_JSON = 'fixtures/small/plan.json';
const SPEC = readFileSync(SMALL, 'utf8');
const PLAN = readFileSync(PLAN_JSON, 'utf8');
const CSV = readFileSync('fixtures/small/plan.csv', 'utf8');

const file = (dir: string, name: string, data: string | Buffer): string => {
  writeFileSync(join(dir, name), data);
  return join(dir, name);
};
/** A spec case: validated; with `alsoPlan`, planned too (the same loader: a few cases show `plan` refuses alike). */
const spec = (name: string, text: string, says?: RegExp, alsoPlan = false): HostileCase[] =>
  ((alsoPlan ? ['validate', 'plan'] : ['validate']) as Array<'validate' | 'plan'>).map((cmd) => ({
    name: `${name} (${cmd})`,
    setup: (dir, out) => {
      const path = file(dir, name.includes('JSON') ? 'spec.json' : 'spec.yaml', text);
      return cmd === 'validate' ? ['validate', path] : ['plan', path, '-o', out];
    },
    ...(says ? { says } : {}),
  }));
/** A plan-file case: checked, converted and exported. */
const plan = (name: string, fileName: string, data: string | Buffer, says?: RegExp): HostileCase[] =>
  (['check', 'convert', 'export'] as const).map((cmd) => ({
    name: `${name} (${cmd})`,
    setup: (dir, out) => {
      const path = file(dir, fileName, data);
      if (cmd === 'check') return ['check', SMALL, path];
      if (cmd === 'convert') return ['convert', SMALL, path, '-o', out];
      return ['export', 'ics', path, '-o', out];
    },
    // Exporting a CSV is refused for what it is (export.needs-json), whatever is wrong inside it.
    ...(says && !(cmd === 'export' && !fileName.endsWith('.json')) ? { says } : {}),
  }));
const edit = (f: (p: Record<string, unknown>) => void): string => {
  const p = JSON.parse(PLAN) as Record<string, unknown>;
  f(p);
  return JSON.stringify(p);
};
const visits = (p: Record<string, unknown>) => p.visits as Array<Record<string, unknown>>;

/** A re-plan of the small spec from `previous`. */
const replan = (out: string, previous: string, from: string): string[] => [
  'plan',
  SMALL,
  '--previous',
  previous,
  '--from',
  from,
  '-o',
  out,
];

const DEEP = '['.repeat(100_000) + ']'.repeat(100_000);

export const HOSTILE: HostileCase[] = [
  // The documented bad specs (test/spec/badSpecs.ts), each as a YAML file.
  ...BAD.map(([name, value]): HostileCase => ({
    name: `bad spec: ${name}`,
    setup: (dir) => ['validate', file(dir, 'spec.yaml', stringify(value))],
  })),
  // Sizes and ranges that would hang or exhaust memory if expanded before being checked.
  ...spec('year 70000', SPEC.replace('year: 2027', 'year: 70000'), /year/, true),
  ...spec('year negative', SPEC.replace('year: 2027', 'year: -5'), /year/),
  ...spec('year fractional', SPEC.replace('year: 2027', 'year: 2027.5'), /year/),
  ...spec('a range to the year 9999', SPEC.replace('"2027-03-01..2027-03-15"', '"2027-01-01..9999-12-31"'), /9999/),
  ...spec(
    'three ranges from the year 1',
    SPEC.replace(
      '"2027-03-01..2027-03-15"',
      '"0001-01-01..9999-12-31", "0002-01-01..9999-12-31", "0003-01-01..9999-12-31"',
    ),
    /0001/,
  ),
  ...spec('a range backwards', SPEC.replace('"2027-03-01..2027-03-15"', '"2027-03-15..2027-03-01"')),
  ...spec('February 30th', SPEC.replace('"2027-03-01..2027-03-15"', '"2027-02-30"'), /2027-02-30/),
  ...spec('nested 100,000 deep (JSON)', `{"year": 2027, "units": ${DEEP}}`, undefined, true),
  ...spec('nested 100,000 deep (YAML flow)', `year: 2027\nunits: ${DEEP}\n`),
  ...spec(
    'nested 2,000 deep (YAML blocks)',
    `year: 2027\n${Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`,
  ),
  ...spec('a 5 MB value', SPEC.replace('id: m001,', `id: "${'x '.repeat(2_500_000)}",`)),
  ...spec('a 300-character id', SPEC.replaceAll('m001', 'm'.repeat(300))),
  ...spec(
    'a billion laughs (YAML aliases)',
    'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n' +
      Array.from({ length: 9 }, (_, i) => {
        const n = String.fromCharCode(98 + i);
        const p = String.fromCharCode(97 + i);
        return `${n}: &${n} [*${p},*${p},*${p},*${p},*${p},*${p},*${p},*${p},*${p},*${p}]`;
      }).join('\n') +
      '\n',
  ),
  ...spec('role: toString', SPEC.replace('role: province', 'role: toString'), /toString/, true),
  ...spec('role: constructor', SPEC.replace('role: province', 'role: constructor'), /constructor/),
  ...spec('role: __proto__', SPEC.replace('role: province', 'role: __proto__'), /__proto__/),
  ...spec('unit: hasOwnProperty', SPEC.replace('unit: tinh, team', 'unit: hasOwnProperty, team'), /hasOwnProperty/),
  ...spec('JSON with a key twice', '{\n  "year": 2027,\n  "year": 2028,\n  "policy": "kontum-776"\n}\n'),
  ...spec('YAML with a key twice', SPEC.replace('year: 2027', 'year: 2027\nyear: 2028')),
  ...spec(
    'coverage max below min',
    SPEC.replace('  id: nho', '  id: nho\n  coverage: { min: 3, max: 1, per: year }'),
    /max/,
  ),
  ...spec('empty file', '', /spec/),
  ...spec('only a comment', '# nothing yet\n'),
  ...spec('a list, not a mapping', '- 1\n- 2\n'),
  ...spec('tabs for indentation', SPEC.replace('  id: nho', '\tid: nho')),
  ...spec('an unclosed quote', SPEC.replace('"Nguyễn Văn An"', '"Nguyễn Văn An')),
  ...spec('a NUL byte', SPEC.replace('Nguyễn Văn An', 'Nguyễn\u0000Văn An')),
  ...[
    {
      name: 'Windows-1258 bytes',
      setup: (dir: string) => [
        'validate',
        file(dir, 'spec.yaml', Buffer.from(SPEC.replace(/[^\x00-\xff]/g, 'e'), 'latin1')),
      ],
    },
    {
      name: 'UTF-32 (BOM)',
      setup: (dir: string) => ['validate', file(dir, 'spec.yaml', Buffer.from([0xff, 0xfe, 0, 0, 0x79, 0, 0, 0]))],
    },
    {
      name: 'a PNG image',
      setup: (dir: string) => [
        'validate',
        file(dir, 'spec.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
      ],
    },
    {
      name: 'an xlsx given as the spec',
      setup: (dir: string) => ['validate', file(dir, 'spec.xlsx', Buffer.from('PK\u0003\u0004 not really a workbook'))],
    },
    {
      name: 'a folder as the spec',
      setup: (dir: string) => {
        mkdirSync(join(dir, 'spec.yaml'));
        return ['validate', join(dir, 'spec.yaml')];
      },
    },
    {
      name: 'a missing spec',
      setup: (dir: string) => ['plan', join(dir, 'nope.yaml'), '-o', join(dir, 'out')],
    },
    {
      name: 'a link to /dev/zero as the spec',
      setup: (dir: string) => {
        symlinkSync('/dev/zero', join(dir, 'spec.yaml'));
        return ['validate', join(dir, 'spec.yaml')];
      },
    },
  ],
  // Plan files: broken, hostile, or from something else.
  ...plan('plan.json not JSON', 'plan.json', '{"format": "lichdu-plan/1", "visits": [', /JSON/),
  ...plan('plan.json nested 100,000 deep', 'plan.json', `{"format": "lichdu-plan/1", "visits": ${DEEP}}`),
  ...plan('plan.json with a key twice', 'plan.json', '{"format": "lichdu-plan/1",\n "format": "x"}'),
  ...plan(
    'plan.json of another format',
    'plan.json',
    edit((p) => (p.format = 'other/9')),
    /format/,
  ),
  ...plan(
    'plan.json without visits',
    'plan.json',
    edit((p) => delete p.visits),
    /visits/,
  ),
  ...plan(
    'plan.json visits not a list',
    'plan.json',
    edit((p) => (p.visits = 'all')),
    /visits/,
  ),
  ...plan(
    'plan.json an unknown member',
    'plan.json',
    edit((p) => (visits(p)[0]!.member = 'm999')),
    /m999/,
  ),
  ...plan(
    'plan.json an unknown cell',
    'plan.json',
    edit((p) => (visits(p)[0]!.cell = 'thon-99')),
    /thon-99/,
  ),
  ...plan(
    'plan.json a date that is not one',
    'plan.json',
    edit((p) => (visits(p)[0]!.date = '2027-13-45')),
    /2027-13-45/,
  ),
  ...plan(
    'plan.json a time that is not one',
    'plan.json',
    edit((p) => (visits(p)[0]!.start = '25:99')),
    /25:99/,
  ),
  ...plan(
    'plan.json a visit as a number',
    'plan.json',
    edit((p) => (visits(p)[0] = 42 as never)),
  ),
  ...plan('plan.json an array', 'plan.json', '[]'),
  ...plan('plan.json empty', 'plan.json', ''),
  ...plan(
    'plan.json the prototype as a member',
    'plan.json',
    edit((p) => (visits(p)[0]!.member = '__proto__')),
  ),
  ...plan("plan.csv a header not lichdu's", 'plan.csv', 'a,b,c\r\n1,2,3\r\n'),
  ...plan('plan.csv a quote left open', 'plan.csv', CSV.replace('Chủ Nhật', '"Chủ Nhật')),
  ...plan('plan.csv an unknown member', 'plan.csv', CSV.replace(',m002,', ',m999,'), /m999/),
  ...plan('plan.csv a date that is not one', 'plan.csv', CSV.replace('2027-01-03', '2027-02-30'), /2027-02-30/),
  ...plan('plan.csv Windows-1258 bytes', 'plan.csv', Buffer.from(CSV.replace(/[^\x00-\xff]/g, 'e'), 'latin1')),
  ...plan('plan.csv a 5 MB field', 'plan.csv', CSV.replace(',m002,', `,${'x'.repeat(5_000_000)},`)),
  ...plan('a zip that is no workbook as the plan', 'plan.xlsx', Buffer.from('PK\u0003\u0004 not a workbook')),
  ...plan('an image as the plan', 'plan.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  // Options and environment that are the user's to fix.
  ...[
    ['--generated-at garbage', ['--generated-at', 'garbage'], /--generated-at/],
    ['--seed 2147483648', ['--seed', '2147483648'], /--seed/],
    ['--seed -1', ['--seed', '-1'], /--seed/],
    ['--time-limit abc', ['--time-limit', 'abc'], /--time-limit/],
    ['--gap 2', ['--gap', '2'], /--gap/],
    ['--lang fr', ['--lang', 'fr'], /--lang/],
    ['--reminder-minutes 99999', ['--reminder-minutes', '99999'], /--reminder-minutes/],
    ['--solver nope', ['--solver', 'nope'], /--solver/],
    ['an unknown option', ['--colour'], /--colour/],
  ].map(([name, args, says]): HostileCase => ({
    name: `plan ${name as string}`,
    setup: (_dir, out) => ['plan', SMALL, '-o', out, ...(args as string[])],
    says: says as RegExp,
  })),
  {
    name: 'SOURCE_DATE_EPOCH out of range',
    setup: (_dir, out) => ['plan', SMALL, '-o', out],
    env: { SOURCE_DATE_EPOCH: '99999999999999999' },
    says: /SOURCE_DATE_EPOCH/,
  },
  {
    name: 'plan -o an existing file',
    setup: (dir) => ['plan', SMALL, '-o', file(dir, 'taken', 'x')],
  },
  {
    name: 'plan -o a dangling link',
    setup: (dir) => {
      symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
      return ['plan', SMALL, '-o', join(dir, 'dangling')];
    },
  },
  {
    name: 'plan -o below a file',
    setup: (dir) => ['plan', SMALL, '-o', join(file(dir, 'taken', 'x'), 'sub')],
  },
  {
    name: 'plan --export-model a folder',
    setup: (dir, out) => {
      mkdirSync(join(dir, 'model.lp'));
      return ['plan', SMALL, '-o', out, '--export-model', join(dir, 'model.lp')];
    },
    says: /--export-model/,
  },
  {
    name: 'convert -o an existing file',
    setup: (dir) => ['convert', SMALL, PLAN_JSON, '-o', file(dir, 'taken', 'x')],
  },
  ...[
    ['feeds --base-url ftp://x', ['--base-url', 'ftp://x'], /--base-url/],
    ['feeds --base-url empty', ['--base-url', ''], /--base-url/],
    ['feeds --format pdf', ['--base-url', 'https://x.vn', '--format', 'pdf'], /--format/],
  ].map(([name, args, says]): HostileCase => ({
    name: name as string,
    setup: (dir) => {
      file(dir, 'plan.json', PLAN);
      return ['feeds', dir, ...(args as string[]), '--secret-file', join(dir, 'secret')];
    },
    says: says as RegExp,
  })),
  {
    name: 'feeds --secret-file a folder',
    setup: (dir) => {
      file(dir, 'plan.json', PLAN);
      mkdirSync(join(dir, 'secret'));
      return ['feeds', dir, '--base-url', 'https://x.vn', '--secret-file', join(dir, 'secret')];
    },
    says: /secret/,
  },
  {
    name: 'feeds a secret file too short',
    setup: (dir) => {
      file(dir, 'plan.json', PLAN);
      file(dir, 'secret', 'abc\n');
      return ['feeds', dir, '--base-url', 'https://x.vn', '--secret-file', join(dir, 'secret')];
    },
    says: /secret/,
  },
  {
    name: 'feeds a folder without plan.json',
    setup: (dir) => ['feeds', dir, '--base-url', 'https://x.vn', '--secret-file', join(dir, 'secret')],
    says: /plan\.json/,
  },
  {
    name: 'import a zip that is no workbook',
    setup: (dir) => {
      const bad = file(dir, 'cells.xlsx', Buffer.from('PK\u0003\u0004 not a workbook'));
      return [
        'import',
        '--cells',
        bad,
        '--members',
        bad,
        '--year',
        '2027',
        '--policy',
        'kontum-776',
        '-o',
        join(dir, 'out'),
      ];
    },
  },
  {
    name: 'import sheets without a name column',
    setup: (dir) => {
      const cells = file(dir, 'cells.csv', 'Mã,Đảng bộ\r\nc1,xã A\r\n');
      const members = file(dir, 'members.csv', 'Chức danh\r\ncommune\r\n');
      return [
        'import',
        '--cells',
        cells,
        '--members',
        members,
        '--year',
        '2027',
        '--policy',
        'kontum-776',
        '-o',
        join(dir, 'out'),
      ];
    },
  },
  {
    name: 'serve a file, not a folder',
    setup: (dir) => ['serve', file(dir, 'plan.json', PLAN), '--port', '0'],
  },
  {
    name: 'serve --port 70000',
    setup: (dir) => ['serve', dir, '--port', '70000'],
    says: /--port/,
  },
  // Issue 9: attendance files, reports and re-plans go through the same readers; their own options are checked too.
  {
    name: 'check --attendance with a result nobody wrote',
    setup: (dir) => {
      const att = file(
        dir,
        'attendance.csv',
        'Ngày,Mã cấp ủy viên,Mã chi bộ,Kết quả\r\n2027-01-03,m002,thon-1,có lẽ\r\n2027-02-30,m009,thon-1,Đã dự\r\n',
      );
      return ['check', SMALL, PLAN_JSON, '--attendance', att, '--as-of', '2027-04-01'];
    },
  },
  {
    name: 'check --attendance from a cp1258 file',
    setup: (dir) => {
      const att = file(dir, 'attendance.csv', Buffer.from('Ng\xe0y,M\xe3\r\n', 'latin1'));
      return ['check', SMALL, PLAN_JSON, '--attendance', att, '--as-of', '2027-04-01'];
    },
  },
  {
    name: 'check --as-of without --attendance',
    setup: () => ['check', SMALL, PLAN_JSON, '--as-of', '2027-04-01'],
  },
  {
    name: 'report of a damaged plan.json',
    setup: (dir, out) => ['report', SMALL, file(dir, 'plan.json', PLAN.slice(0, 200)), '-o', out],
    says: /JSON/,
  },
  {
    name: 'attendance template --until 2027-13-01',
    setup: (dir) => ['attendance', 'template', PLAN_JSON, '-o', join(dir, 'x', 'a.csv'), '--until', '2027-13-01'],
    says: /--until/,
  },
  {
    name: 're-plan from a damaged previous plan.json',
    setup: (dir, out) => replan(out, file(dir, 'old.json', PLAN.slice(0, 300)), '2027-07-01'),
    says: /old\.json/,
  },
  {
    name: 're-plan --from 2027-02-30',
    setup: (_dir, out) => replan(out, PLAN_JSON, '2027-02-30'),
    says: /--from/,
  },
  {
    name: 're-plan --from without --previous',
    setup: (dir, out) => ['plan', SMALL, '--from', '2027-07-01', '-o', out],
  },
  {
    name: 're-plan --keep-cancelled 9999',
    setup: (_dir, out) => [...replan(out, PLAN_JSON, '2027-07-01'), '--keep-cancelled', '9999'],
    says: /keep-cancelled/,
  },
  {
    name: 're-plan with a previous plan of another year',
    setup: (dir, out) => replan(out, file(dir, 'old.json', PLAN.replace('"year": 2027', '"year": 2026')), '2027-07-01'),
    says: /2026/,
  },
];
