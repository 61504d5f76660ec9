// Screenshots of the console's main views for the README (docs/console-*.png): the bundled example planned in a fresh
// workspace, each view captured in Debian's Chromium. Run after `npm run build`: node scripts/console-shots.mjs
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startConsole } from '../dist/src/cli/console/server.js';

const dir = mkdtempSync(join(tmpdir(), 'lichdu-shots-'));
cpSync('fixtures/example/spec.yaml', join(dir, 'spec.yaml'));
const c = await startConsole({ dir, port: 0, lang: 'vi', log: () => {} });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
await page.goto(`${c.url}/?token=${c.token}`);
await page.getByRole('button', { name: 'Lập kế hoạch' }).click();
await page.getByText('Đã lập kế hoạch').waitFor({ timeout: 120_000 });
const shots = [
  ['home', '/'],
  ['members', '/members'],
  ['member', '/members/tu-01'],
  ['cell', '/cells/dak-ha-01'],
  ['units', '/units'],
  ['calendar', '/calendar'],
];
for (const [name, path] of shots) {
  await page.goto(c.url + path);
  await page.screenshot({ path: `docs/console-${name}.png`, fullPage: false });
  console.log(`docs/console-${name}.png`);
}
await browser.close();
await c.close();
