// Problems as codes, rendered in the user's language (issue 23): every code has both texts and renders with any
// parameters; the commands speak Vietnamese by default (help, refusals, commander's own errors) with no English
// sentence left, English with --lang en (anywhere on the line) or LICHDU_LANG=en; --json gives the problems as data.
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES, MESSAGES, renderMessage } from '../../src/i18n/messages.js';
import { languageOf } from '../../src/i18n/lang.js';
import { runCli } from '../../src/cli/main.js';
// @ts-expect-error: a benchmark script in JavaScript, without types
import { makeVariant } from '../../bench/instances.mjs';

const NO_LANG: NodeJS.ProcessEnv = {};

async function cli(args: string[], env: NodeJS.ProcessEnv = NO_LANG) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => void (out += s), err: (s) => void (err += s) }, env);
  return { code, out, err };
}

/** Words of English sentences that no Vietnamese message has (names, ids, paths and flags aside). */
const ENGLISH = /\b(the|is|are|not|expected|unknown|cannot|must|give|nothing|was|written|error|missing|problems?)\b/;

/** A text's lines with quoted values, flags, paths and the code's own examples left out, for the English check. */
const prose = (text: string) =>
  text
    .split('\n')
    .map((l) =>
      l
        .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '')
        .replace(/--?[a-z][\w-]*|\/[^\s:,]+|\b[\w.-]+\.(yaml|json|csv|xlsx|ics|lp)\b/g, ''),
    );

describe('the message catalogue', () => {
  it('when every code is rendered with generated parameters then both texts are made, with no placeholder left', () => {
    const text = fc.string({ maxLength: 30 }).filter((x) => !/\$\{|undefined|object/.test(x));
    const value = fc.oneof(text, fc.integer({ min: -5, max: 100_000 }), fc.constant(''));
    for (const code of CODES) {
      const names = MESSAGES[code].params;
      fc.assert(
        fc.property(fc.array(value, { minLength: names.length, maxLength: names.length }), (values) => {
          const params = Object.fromEntries(names.map((n, i) => [n, values[i]!]));
          for (const lang of ['vi', 'en'] as const) {
            const text = renderMessage(code, params, lang);
            expect(text.length, `${code} ${lang}`).toBeGreaterThan(0);
            expect(text, `${code} ${lang}`).not.toMatch(/\$\{|undefined|\[object Object\]/);
          }
        }),
        { numRuns: 20 },
      );
    }
  });

  it('when docs/codes.md is read then it lists every code (node scripts/codes-table.mjs makes it)', () => {
    const doc = readFileSync('docs/codes.md', 'utf8');
    for (const code of CODES) expect(doc, code).toContain(`| \`${code}\` |`);
  });

  it('when a code is rendered in Vietnamese then it is not the English text, and uses Vietnamese letters', () => {
    for (const code of CODES) {
      const params = Object.fromEntries(MESSAGES[code].params.map((n) => [n, 'X']));
      const vi = renderMessage(code, params, 'vi');
      expect(vi, code).not.toBe(renderMessage(code, params, 'en'));
      expect(vi, code).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
    }
  });
});

describe('the language of the command line', () => {
  it('when --lang is anywhere or LICHDU_LANG is set then that language is used, the flag first', () => {
    expect(languageOf(['plan', 'x', '--lang', 'en'], {}).lang).toBe('en');
    expect(languageOf(['--lang=en', 'plan', 'x'], {}).argv).toEqual(['plan', 'x']);
    expect(languageOf(['plan'], { LICHDU_LANG: 'EN' }).lang).toBe('en');
    expect(languageOf(['plan', '--lang', 'vi'], { LICHDU_LANG: 'en' }).lang).toBe('vi');
    expect(languageOf(['plan'], {}).lang).toBe('vi');
    expect(languageOf(['plan', '--lang', 'fr'], {}).badValue).toEqual({ value: 'fr', from: 'flag' });
  });

  it('when every command is asked for --help then it answers in Vietnamese, no English sentence left', async () => {
    const commands = [[], ['plan'], ['check'], ['validate'], ['policies'], ['convert'], ['export', 'ics'], ['serve']];
    commands.push(['feeds'], ['calendar'], ['attendance', 'template'], ['report'], ['import']);
    for (const c of commands) {
      const r = await cli([...c, '--help']);
      expect(r.code, c.join(' ')).toBe(0);
      expect(r.out, c.join(' ')).toMatch(/Cách dùng:/);
      for (const line of prose(r.out))
        if (!/^\s*(-|lichdu|Cách dùng)/.test(line)) expect(line, c.join(' ')).not.toMatch(ENGLISH);
    }
    const en = await cli(['plan', '--help', '--lang', 'en']);
    expect(en.out).toMatch(/^Usage: lichdu plan \[options\] <spec>/);
  });

  it('when the commands are used wrongly then every message is Vietnamese, with exit 2', async () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-i18n-'));
    const bad = join(d, 'spec.yaml');
    writeFileSync(bad, 'year: 2027\npolicy: kontum-776\nunits: []\ncells: x\nmembers: [{id: m1}]\nyeer: 1\n');
    const runs = [
      ['plnа'],
      ['plan'],
      ['validate', 'a', 'b'],
      ['validate', join(d, 'none.yaml')],
      ['validate', bad],
      ['plan', 'fixtures/example/spec.yaml', '-o', join(d, 'out'), '--gap', '5'],
      ['plan', 'fixtures/example/spec.yaml', '-o', join(d, 'out'), '--from', '2027-07-01'],
      ['plan', 'fixtures/example/spec.yaml', '--bogus'],
      ['check', bad, 'fixtures/small/plan.json'],
      ['check', 'fixtures/example/spec.yaml', 'fixtures/example/spec.yaml'],
      ['import', '--year', '2027'],
      ['feeds', d, '--base-url', 'lich'],
      ['policies', 'kontum-767'],
    ];
    for (const args of runs) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      const said = r.err + r.out;
      expect(said.trim().length, args.join(' ')).toBeGreaterThan(0);
      for (const line of prose(said)) expect(line, `${args.join(' ')}: ${said}`).not.toMatch(ENGLISH);
    }
  });

  it('when a refusal is asked for as JSON then stdout holds its problems: codes, parameters, messages', async () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-i18n-'));
    const bad = join(d, 'spec.yaml');
    writeFileSync(bad, 'year: 2027\npolicy: kontum-776\nunits: []\ncells: []\nmembers: []\nyeer: 1\n');
    const r = await cli(['validate', bad, '--json']);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as { issues: Array<{ code: string; params: object; message: string }> };
    expect(json.issues.map((i) => i.code)).toContain('value.unknown-key');
    const key = json.issues.find((i) => i.code === 'value.unknown-key')!;
    expect(key.params).toMatchObject({ key: 'yeer', near: 'year' });
    expect(key.message).toBe('khóa không xác định "yeer" (có phải là "year"?)');
    const en = await cli(['validate', bad, '--json'], { LICHDU_LANG: 'en' });
    expect((JSON.parse(en.out) as typeof json).issues.find((i) => i.code === 'value.unknown-key')!.message).toBe(
      'unknown key "yeer" (did you mean "year"?)',
    );
  });

  it('when --lang or LICHDU_LANG is not a language then the flag is refused and the variable said once', async () => {
    const flag = await cli(['validate', 'fixtures/example/spec.yaml', '--lang', 'fr']);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/--lang: "fr" không phải ngôn ngữ lichdu có/);
    const env = await cli(['validate', 'fixtures/example/spec.yaml'], { LICHDU_LANG: 'fr' });
    expect(env.code).toBe(0);
    expect(env.err).toMatch(/^! LICHDU_LANG: "fr" không phải ngôn ngữ/);
    expect(env.out).toMatch(/hợp lệ/);
  });
});

describe('numbers for people', () => {
  it('when a province is checked then its counts have their thousands grouped, in both languages', async () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-i18n-'));
    writeFileSync(join(d, 'spec.json'), JSON.stringify(makeVariant('L')));
    writeFileSync(join(d, 'plan.json'), JSON.stringify({ format: 'lichdu-plan/1', visits: [] }));
    const vi = await cli(['check', join(d, 'spec.json'), join(d, 'plan.json')]);
    expect(vi.code).toBe(1);
    // 2,565 members short of their quota and 2,800 cells without a visit.
    expect(vi.out).toContain('chi bộ chưa được dự: 2.800');
    expect(vi.out).toContain('✖ 5.365 vi phạm ở 2 quy định');
    expect(vi.out).toMatch(/quota +.*: 2\.565 vi phạm/);
    const en = await cli(['check', join(d, 'spec.json'), join(d, 'plan.json')], { LICHDU_LANG: 'en' });
    expect(en.out).toContain('cells never visited: 2,800');
    expect(en.out).toContain('✖ 5,365 violations of 2 rules');
  });
});
