// Real clients: the written plan.csv must open in LibreOffice Calc with its Vietnamese text intact
// (../shared/tools/csv-open-check.sh); every .ics must pass two independent parsers (ics-validate.sh); a feed served
// by `lichdu serve` must sync into a subscribing client (ics-subscribe-check.sh: vdirsyncer + khal). CI always has
// ../shared; elsewhere the test says why it is skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { CSV_HEADERS } from '../../src/format/labels.js';
import { startServe } from '../support/serve.js';

const TOOLS = resolve('..', 'shared', 'tools');
const have = existsSync(join(TOOLS, 'csv-open-check.sh'));
if (!have) console.warn(`skipping real-client checks: ${TOOLS} is not here (CI has it)`);

describe.runIf(have)('plan.csv in a real spreadsheet', () => {
  // Vietnamese only: the English file differs by its header text, which test/export/csv.test.ts reads back.
  it.each(['vi'] as const)(
    'when the example plan is written in %s then LibreOffice opens it with the text intact',
    async (lang) => {
      const out = mkdtempSync(join(tmpdir(), 'lichdu-csv-'));
      const code = await runCli(
        ['convert', 'fixtures/example/spec.yaml', 'fixtures/example/hand-plan.csv', '-o', out, '--lang', lang],
        { out: () => {}, err: () => {} },
      );
      expect(code).toBe(0);
      const r = spawnSync(
        'bash',
        [join(TOOLS, 'csv-open-check.sh'), join(out, 'plan.csv'), CSV_HEADERS[lang].join(',')],
        { encoding: 'utf8', timeout: 900_000 },
      );
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(/^FAIL/m);
    },
    900_000,
  );
});

describe.runIf(have)('calendars in real clients', () => {
  it('when the example plan is written then every .ics passes both independent parsers (ics-validate.sh)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'lichdu-ics-'));
    expect(
      await runCli(['convert', 'fixtures/example/spec.yaml', 'fixtures/example/hand-plan.csv', '-o', out], {
        out: () => {},
        err: () => {},
      }),
    ).toBe(0);
    const files = [
      join(out, 'ics', 'all.ics'),
      ...['members', 'cells'].flatMap((d) => readdirSync(join(out, 'ics', d)).map((f) => join(out, 'ics', d, f))),
    ];
    expect(files).toHaveLength(1 + 44 + 80);
    const r = spawnSync('bash', [join(TOOLS, 'ics-validate.sh'), ...files], { encoding: 'utf8', timeout: 600_000 });
    expect(
      r.status,
      (r.stdout + r.stderr)
        .split('\n')
        .filter((l) => /FAIL|ERROR/.test(l))
        .join('\n'),
    ).toBe(0);
    expect(r.stdout.match(/, OK$/gm)).toHaveLength(files.length);
  }, 600_000);

  it(
    'when lichdu serve runs then a subscribing client (vdirsyncer + khal) sees exactly the member’s visits; ' +
      'SIGTERM stops it',
    async () => {
      const out = mkdtempSync(join(tmpdir(), 'lichdu-feed-'));
      expect(
        await runCli(['convert', 'fixtures/example/spec.yaml', 'fixtures/example/hand-plan.csv', '-o', out], {
          out: () => {},
          err: () => {},
        }),
      ).toBe(0);
      const server = await startServe(out);
      const url = server.url;
      try {
        let links = '';
        await runCli(['feeds', out, '--base-url', url, '--format', 'csv', '--lang', 'en'], {
          out: (s) => void (links += s),
          err: () => {},
        });
        const row = links
          .split('\r\n')
          .find((l) => l.includes(',dak-ha-uv2,'))!
          .split(',');
        const [name, feedUrl] = [row[2]!, row[3]!];
        const count = (readFileSync(join(out, 'ics', 'members', 'dak-ha-uv2.ics'), 'utf8').match(/BEGIN:VEVENT/g) ?? [])
          .length;
        expect(count).toBeGreaterThanOrEqual(6);
        const r = spawnSync('bash', [join(TOOLS, 'ics-subscribe-check.sh'), feedUrl, String(count), name], {
          encoding: 'utf8',
          timeout: 600_000,
        });
        expect(r.status, r.stdout + r.stderr).toBe(0);
        expect(r.stdout).toContain('If-None-Match -> 304');
        const wrong = await fetch(feedUrl.replace(/[A-Za-z0-9_-]{4}\.ics$/, 'AAAA.ics'));
        expect(wrong.status).toBe(404);
        // A damaged plan dropped into the directory: the feed stays as it was.
        const before = await (await fetch(feedUrl)).text();
        writeFileSync(join(out, 'plan.json'), '{"format": "lichdu-plan/1", "visits": [');
        await new Promise((res) => setTimeout(res, 600));
        expect(await (await fetch(feedUrl)).text()).toBe(before);
        expect(server.log()).toContain('refused the new plan');
      } finally {
        expect(await server.stop()).toBe(0);
      }
    },
    600_000,
  );
});
