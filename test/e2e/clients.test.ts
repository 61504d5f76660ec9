// Real clients: the written plan.csv must open in LibreOffice Calc with its Vietnamese text intact
// (../shared/tools/csv-open-check.sh). CI always has ../shared; elsewhere the test says why it is skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { CSV_HEADERS } from '../../src/export/labels.js';

const TOOLS = resolve('..', 'shared', 'tools');
const have = existsSync(join(TOOLS, 'csv-open-check.sh'));
if (!have) console.warn(`skipping real-client checks: ${TOOLS} is not here (CI has it)`);

describe.runIf(have)('plan.csv in a real spreadsheet', () => {
  it.each(['vi', 'en'] as const)('when the example plan is written in %s then LibreOffice opens it with the text intact', async (lang) => {
    const out = mkdtempSync(join(tmpdir(), 'lichdu-csv-'));
    const code = await runCli(['convert', 'fixtures/example/spec.yaml', 'fixtures/example/hand-plan.csv', '-o', out, '--lang', lang], { out: () => {}, err: () => {} });
    expect(code).toBe(0);
    const r = spawnSync('bash', [join(TOOLS, 'csv-open-check.sh'), join(out, 'plan.csv'), CSV_HEADERS[lang].join(',')], { encoding: 'utf8', timeout: 900_000 });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/^FAIL/m);
  }, 900_000);
});
