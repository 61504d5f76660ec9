// Screenshots of the bundled example's report for the README (issue 10): plans the example if out/plan.json is
// missing, writes out/report.html with lichdu report, and photographs it in Debian's headless Chromium (driven by
// playwright-core, executablePath /usr/bin/chromium): docs/report.png (the top: summary, rules, quality) and
// docs/report-heat.png (the first unit's heat map). Run after `npm run build`: node scripts/report-screenshot.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const lichdu = (...args) => execFileSync('node', ['dist/bin/lichdu.js', ...args], { stdio: 'inherit' });
const spec = 'fixtures/example/spec.yaml';
if (!existsSync('out/plan.json')) lichdu('plan', spec, '-o', 'out', '--quiet');
lichdu('report', spec, 'out/plan.json', '-o', 'out');
mkdirSync('docs', { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 1250 } });
  await page.goto(pathToFileURL('out/report.html').href);
  await page.screenshot({ path: 'docs/report.png' });
  await page.locator('table.heat').first().screenshot({ path: 'docs/report-heat.png' });
  console.log('wrote docs/report.png and docs/report-heat.png');
} finally {
  await browser.close();
}
