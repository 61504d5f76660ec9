// Hostile or careless inputs (issue 12, item 4 in part): encodings a spreadsheet or an editor produces, JSON that
// YAML would refuse, nesting no real file has, pipes instead of files, long values — each refused with exit 2 and a
// message, quickly, never as "a bug in lichdu".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminalText } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';
import { loadSpecFile } from '../../src/spec/load.js';
import { messageOf } from '../../src/util/issues.js';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const t0 = Date.now();
  const code = await runCli(argv, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err, ms: Date.now() - t0 };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'lichdu-hostile-'));
const SPEC = readFileSync('fixtures/small/spec.yaml', 'utf8');
const specJson = () => {
  const r = loadSpecFile('fixtures/small/spec.yaml');
  if (!r.ok) throw new Error('fixture spec invalid');
  return r.value;
};

describe('hostile inputs', () => {
  it('when the spec is saved as UTF-16 (with its BOM) then it reads the same as UTF-8', () => {
    const d = tmp();
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SPEC, 'utf16le')]);
    writeFileSync(join(d, 'spec.yaml'), le);
    const r = loadSpecFile(join(d, 'spec.yaml'));
    expect(r.ok && r.value.members.map((m) => m.name)).toEqual(specJson().members.map((m) => m.name));
  });

  it('when the spec is Windows-1258 then it is refused by name with the line, not read as "�"', async () => {
    const d = tmp();
    // "Nguyễn" in Windows-1258 has bytes that are not UTF-8; latin1 stands in for any single-byte code page.
    writeFileSync(join(d, 'spec.yaml'), Buffer.from(SPEC.replace(/[^\x00-\xff]/g, 'e'), 'latin1'));
    const r = await run('validate', join(d, 'spec.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/line \d+: not UTF-8 text .*save it as UTF-8/);
    expect(r.err).not.toContain('�');
  });

  it('when Vietnamese is typed with combining marks then it equals the precomposed letters', () => {
    const d = tmp();
    writeFileSync(join(d, 'spec.yaml'), SPEC.normalize('NFD'));
    const r = loadSpecFile(join(d, 'spec.yaml'));
    expect(r.ok && r.value.members.map((m) => m.name)).toEqual(specJson().members.map((m) => m.name));
    expect(r.ok && r.value.members[1]!.name).toBe('Y Blong Êban'.normalize('NFC'));
  });

  it('when a JSON spec gives a key twice then it is refused like YAML, with the line', async () => {
    const d = tmp();
    writeFileSync(join(d, 'spec.json'), '{\n  "year": 2027,\n  "year": 2028,\n  "policy": "kontum-776"\n}\n');
    const r = await run('validate', join(d, 'spec.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('line 3, column 3: the key "year" is given twice in one object');
  });

  it('when JSON is nested 100,000 deep then spec and plan are refused with exit 2, not a stack overflow', async () => {
    const d = tmp();
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    writeFileSync(join(d, 'spec.json'), `{"year": 2027, "units": ${deep}}`);
    writeFileSync(join(d, 'plan.json'), `{"format": "lichdu-plan/1", "visits": ${deep}}`);
    for (const r of [
      await run('validate', join(d, 'spec.json')),
      await run('check', 'fixtures/small/spec.yaml', join(d, 'plan.json')),
    ]) {
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/nested more than 64 levels deep/);
      expect(r.err).not.toMatch(/bug/);
    }
  });

  it('when the spec is a named pipe then it is refused at once instead of waiting for a writer', async () => {
    const d = tmp();
    const fifo = join(d, 'spec.yaml');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo: nothing to test
    const r = await run('validate', fifo);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a regular file/);
    expect(r.ms).toBeLessThan(2000);
  });

  it('when a YAML anchor is used 2,000 times then the spec reads (aliases are for real use)', () => {
    const d = tmp();
    const ANCHOR = '&m { day: 10, time: "19:30" }';
    const cells = Array.from(
      { length: 2000 },
      (_, i) => `  - { id: c${i}, name: "Chi bộ ${i}", unit: ha-mon, meeting: ${i === 0 ? ANCHOR : '*m'} }`,
    );
    const text = SPEC.replace(/^cells:\n(  - .*\n)+/m, `cells:\n${cells.join('\n')}\n`)
      .replace(/home_cell: tdp-2, /, '')
      .replace(/^fixed:\n(  - .*\n)+/m, '');
    writeFileSync(join(d, 'spec.yaml'), text);
    const r = loadSpecFile(join(d, 'spec.yaml'));
    expect(r.ok ? r.value.cells.length : r.issues.map((i) => messageOf(i, 'en'))).toEqual(2000);
  });

  it('when a value is 5 MB long then the message quotes 80 characters of it', async () => {
    const d = tmp();
    writeFileSync(join(d, 'spec.yaml'), SPEC.replace('id: m001,', `id: "${'x '.repeat(2_500_000)}",`));
    const r = await run('validate', join(d, 'spec.yaml'));
    expect(r.code).toBe(2);
    for (const line of r.err.split('\n')) expect(line.length).toBeLessThan(300);
  });

  it('when a member is named like a formula then feeds CSV neutralises it; escape codes are refused', async () => {
    const d = tmp();
    const plan = JSON.parse(readFileSync('fixtures/small/plan.json', 'utf8')) as {
      directory: { members: Array<{ name: string }> };
    };
    plan.directory.members[0]!.name = '=HYPERLINK("http://x","y")';
    writeFileSync(join(d, 'plan.json'), JSON.stringify(plan));
    const base = ['feeds', d, '--base-url', 'https://lich.example.vn', '--secret-file', join(d, 'secret')];
    const csv = await run(...base, '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.out).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    plan.directory.members[1]!.name = '\u001b[31mĐỏ\u001b[0m';
    writeFileSync(join(d, 'plan.json'), JSON.stringify(plan));
    const table = await run(...base);
    expect(table.code).toBe(2);
    expect(table.err).toMatch(/control character/);
    expect(table.err).not.toContain('\u001b');
  });

  it('when text for the terminal carries control characters then only newline, tab and erase-line are kept', () => {
    expect(terminalText('\u001b]0;title\u0007a\u001b[31mb\u0000\r\u001b[K\tc\n')).toBe(']0;titlea[31mb\r\u001b[K\tc\n');
  });
});
