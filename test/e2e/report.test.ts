// lichdu report in real clients (issue 10): report.html loaded from disk in headless Chromium (Debian's, driven by
// playwright-core; no downloaded browser) — every member and cell shown, cells × 12 heat squares, no request leaves
// the page, a screenshot saved — and report.xlsx opened by LibreOffice headless: every sheet to CSV with the
// Vietnamese names intact, and the plan's dates read as dates (flat ODF says office:value-type="date").
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { loadSpecFile } from '../../src/spec/load.js';
import { csvRows } from '../support/csvRows.js';

const SPEC = 'fixtures/small/spec.yaml';
const PLAN = 'fixtures/small/plan.json';
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn('skipping the Chromium report test: Debian chromium is not installed (CI installs it)');
const hasOffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

const require = createRequire(import.meta.url);
/** The small plan's visits. */
const problemVisits = () =>
  (JSON.parse(readFileSync(PLAN, 'utf8')) as { visits: { member: string; date: string }[] }).visits;

const problem = (() => {
  const r = loadSpecFile(SPEC);
  if (!r.ok) throw new Error('the small fixture is invalid');
  return r.value;
})();

async function report(lang: 'vi' | 'en'): Promise<{ dir: string; out: string; code: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'lichdu-report-'));
  let out = '';
  const code = await runCli(['report', SPEC, PLAN, '-o', join(dir, 'r'), '--lang', lang], {
    out: (s) => void (out += s),
    err: (s) => void (out += s),
  });
  return { dir, out, code };
}

describe.runIf(hasChromium)('report.html in headless Chromium', () => {
  it('when report.html is opened from disk then every member and cell shows, 12 squares each, no request', async () => {
    const { dir, out, code } = await report('vi');
    expect(code, out).toBe(0);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const url = pathToFileURL(join(dir, 'r', 'report.html')).href;
      await page.goto(url);
      const text = await page.locator('body').innerText();
      for (const m of problem.members) expect(text).toContain(m.name);
      for (const c of problem.cells)
        expect(await page.locator(`[title="${c.name.replace(/"/g, '\\"')}"]`).count()).toBe(2);
      expect(await page.locator('table.heat td.hm').count()).toBe(problem.cells.length * 12);
      expect(await page.locator('table.members tr[data-member]').count()).toBe(problem.members.length);
      expect(await page.locator('table.cells tr[data-cell]').count()).toBe(problem.cells.length);
      // Tết 2027: thôn 1 meets on the 3rd; 3/2 is not a holiday, but kon-klor's 5/2 (the 29th of Tết) moves to 10/2.
      expect(await page.locator('table.calendar td.moved').count()).toBeGreaterThan(0);
      expect(requests).toEqual([url]);
      const shot = join(dir, 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      // The forms: one page per report owed, each with the member's name pre-filled.
      await page.goto(pathToFileURL(join(dir, 'r', 'report-forms.html')).href);
      const forms = await page.locator('section.form').count();
      // The command speaks the report's language (--lang vi here).
      expect(out).toContain(`${forms} báo cáo định kỳ phải nộp`);
      expect(forms).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  });

  it('when report.html is printed then it lists who goes, a page a month, and axe finds nothing', async () => {
    const { dir, code, out } = await report('vi');
    expect(code, out).toBe(0);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(dir, 'r', 'report.html')).href);
      // One table per month with visits, captioned, one row per visit: who goes is readable without hovering.
      const captions = await page.locator('table.assign caption').allInnerTexts();
      const months = new Set(problemVisits().map((v) => Number(v.date.slice(5, 7))));
      expect(captions).toHaveLength(months.size);
      for (const c of captions) expect(c).toMatch(/^Danh sách phân công dự sinh hoạt chi bộ tháng \d+\/2027$/);
      expect(await page.locator('table.assign tbody tr').count()).toBe(problemVisits().length);
      const first = await page.locator('table.assign tbody tr').first().innerText();
      expect(first.split('\t')).toEqual([
        '03/01/2027',
        'Chủ Nhật',
        '08:00–10:00',
        'Chi bộ thôn 1',
        'Đảng bộ xã Hà Mòn',
        'Y Blong Êban',
      ]);
      // Printed on A4: each month starts a page.
      await page.emulateMedia({ media: 'print' });
      const breaks = await page.locator('section.month').evaluateAll((els) => {
        type Css = { getComputedStyle(e: unknown): { breakBefore: string } };
        return els.map((e) => (globalThis as unknown as Css).getComputedStyle(e).breakBefore);
      });
      expect(new Set(breaks)).toEqual(new Set(['page']));
      const pdf = await page.pdf({ format: 'A4' });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(months.size);
      await page.emulateMedia({ media: 'screen' });
      const axe = async () => {
        await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
        return page.evaluate(async () => {
          type Axe = { run(): Promise<{ violations: { id: string }[] }> };
          const r = await (globalThis as unknown as { axe: Axe }).axe.run();
          return r.violations.map((v) => v.id);
        });
      };
      expect(await axe()).toEqual([]);
      // One member's year and one cell's year, as printable pages.
      const pages2 = await runCli(
        ['report', SPEC, PLAN, '-o', join(dir, 'r'), '--member', 'Trần Thị Hạnh', '--cell', 'thôn 1', '--lang', 'vi'],
        { out: () => {}, err: () => {} },
      );
      expect(pages2).toBe(0);
      await page.goto(pathToFileURL(join(dir, 'r', 'member-m003.html')).href);
      expect(await page.locator('h1').innerText()).toBe('Lịch dự sinh hoạt chi bộ năm 2027 của đồng chí Trần Thị Hạnh');
      expect(await page.locator('table.assign tbody tr').count()).toBe(
        problemVisits().filter((v) => v.member === 'm003').length,
      );
      expect(await axe()).toEqual([]);
      await page.goto(pathToFileURL(join(dir, 'r', 'cell-thon-1.html')).href);
      expect(await page.locator('table.assign tbody tr').count()).toBe(12);
      expect(await axe()).toEqual([]);
      expect(await page.locator('table.assign tbody').innerText()).toContain('Y Blong Êban');
    } finally {
      await browser.close();
    }
  });

  it('when the plan in the folder changes after the report then the report says so at its top', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lichdu-report-'));
    const run = (args: string[]) => runCli(args, { out: () => {}, err: () => {} });
    expect(await run(['convert', SPEC, PLAN, '-o', dir])).toBe(0);
    expect(await run(['report', SPEC, join(dir, 'plan.json'), '-o', dir, '--lang', 'vi'])).toBe(0);
    // Converting the same plan again changes nothing; a plan with a visit less marks the report.
    expect(await run(['convert', SPEC, PLAN, '-o', dir])).toBe(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).not.toContain('class="stale"');
    const short = join(dir, 'short.csv');
    writeFileSync(short, readFileSync('fixtures/small/plan.csv', 'utf8').replace(/\r\n[^\r\n]*\r\n$/, '\r\n'));
    let err = '';
    await runCli(['convert', SPEC, short, '-o', dir], { out: () => {}, err: (s) => void (err += s) });
    expect(err).toContain('report.html now says it is out of date');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain(
      `<p class="stale" role="alert">Kế hoạch đã thay đổi sau khi lập báo cáo này (01/01/2027): số liệu dưới đây ` +
        `không còn đúng. Lập lại báo cáo: lichdu report ${SPEC} ${join(dir, 'plan.json')} -o ${dir} --lang vi</p>`,
    );
    // Making the report again takes the banner away.
    expect(await run(['report', SPEC, join(dir, 'plan.json'), '-o', dir])).toBe(1);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).not.toContain('class="stale"');
  });

  it('when the report is English then its headings are', async () => {
    const { dir } = await report('en');
    const html = readFileSync(join(dir, 'r', 'report.html'), 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Plan of committee members attending cell meetings, 2027');
    expect(html).toContain('Visits by unit');
  });
});

describe.runIf(hasOffice)('report.xlsx in LibreOffice', () => {
  it('when LibreOffice opens report.xlsx then every sheet converts with its names, and dates are dates', async () => {
    const { dir, code } = await report('vi');
    expect(code).toBe(0);
    const office = (to: string, outdir: string) => {
      const r = spawnSync(
        'soffice',
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          to,
          '--outdir',
          outdir,
          join(dir, 'r', 'report.xlsx'),
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
    };
    // Token 12 = -1: every sheet to its own file, report-<sheet>.csv.
    office('csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', join(dir, 'csv'));
    const sheets = readdirSync(join(dir, 'csv')).sort();
    expect(sheets).toEqual(
      [
        'report-Chi bộ.csv',
        'report-Cấp ủy viên.csv',
        'report-Hạn báo cáo.csv',
        'report-Kế hoạch.csv',
        'report-Mẫu visit.csv',
        'report-Mẫu yearly.csv',
        'report-Đảng bộ theo tháng.csv',
      ].sort(),
    );
    const rows = (name: string) => csvRows(readFileSync(join(dir, 'csv', `report-${name}.csv`), 'utf8'));
    const members = rows('Cấp ủy viên');
    expect(members[0]!.slice(0, 6)).toEqual([
      'Mã cấp ủy viên',
      'Họ và tên',
      'Cấp / chức danh',
      'Đảng bộ',
      'Định mức',
      'Đạt định mức',
    ]);
    expect(
      members
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(problem.members.map((m) => m.name).sort());
    expect(
      rows('Chi bộ')
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(problem.cells.map((c) => c.name).sort());
    const plan = rows('Kế hoạch');
    expect(plan.slice(1).every((r) => /^2027-\d\d-\d\d$/.test(r[0]!))).toBe(true);
    office('fods', join(dir, 'fods'));
    const fods = readFileSync(join(dir, 'fods', 'report.fods'), 'utf8');
    const first = plan[1]![0]!;
    expect(fods).toContain(`office:value-type="date" office:date-value="${first}`);
  });
});
