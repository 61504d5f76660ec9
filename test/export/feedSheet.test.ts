// feeds --format html (issue 10, item 2): a page per member and cell with every link, no script and nothing
// fetched; each QR code, read back from the SVG lichdu wrote (its path rasterised here, then decoded by jsQR, an
// independent decoder), gives that page's webcal:// link.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as jsqr from 'jsqr';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

// jsqr is CommonJS with an ES-style default in its types: take the function whichever way it arrives.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = ((jsqr as { default?: unknown }).default ?? jsqr) as Decode;

/** Pixels of an SVG made of horizontal one-unit strokes (`M x y`, `m dx dy`, `h n`), `scale` pixels per unit. */
function rasterise(svg: string, scale = 4): { data: Uint8ClampedArray; width: number; height: number } {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1]);
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  const path = /<path stroke="#000000" d="([^"]+)"/.exec(svg)![1]!;
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of path.matchAll(/([MmHh])([^MmHh]+)/g)) {
    const n = args!.trim().split(/[ ,]+/).map(Number);
    if (cmd === 'M') [x, y] = [n[0]!, n[1]!];
    else if (cmd === 'm') [x, y] = [x + n[0]!, y + n[1]!];
    else {
      const row = Math.floor(y);
      for (let px = x * scale; px < (x + n[0]!) * scale; px++)
        for (let py = row * scale; py < (row + 1) * scale; py++)
          data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
      x += n[0]!;
    }
  }
  return { data, width, height: width };
}

describe('feeds --format html', () => {
  it('when the sheet is written then every person has a page whose QR code decodes to their link', async () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-sheet-'));
    const quiet = { out: () => {}, err: () => {} };
    expect(await runCli(['convert', 'fixtures/small/spec.yaml', 'fixtures/small/plan.json', '-o', d], quiet)).toBe(0);
    const args = ['feeds', d, '--base-url', 'https://lich.example.vn', '--secret-file', join(d, 'secret')];
    expect(await runCli([...args, '--format', 'html', '-o', join(d, 'links.html')], quiet)).toBe(0);
    let csv = '';
    await runCli([...args, '--format', 'csv'], { out: (s) => void (csv += s), err: () => {} });
    const html = readFileSync(join(d, 'links.html'), 'utf8');
    const pages = html.split('<section class="page"').slice(1);
    expect(pages.length).toBe(6);
    for (const name of ['Nguyễn Văn An', 'Y Blong Êban', 'Trần Thị Hạnh', 'Chi bộ làng Kon Klor, &quot;Đăk Hà&quot;'])
      expect(html).toContain(`<h2>${name}</h2>`);
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|url\(/i);
    expect(html).toContain('calendar.google.com');
    const links = [...csv.matchAll(/webcal:\/\/\S+?\.ics/g)].map((m) => m[0]);
    expect(links.length).toBe(6);
    pages.forEach((page, i) => {
      expect(page).toContain(links[i]!);
      const img = rasterise(/<svg[\s\S]*?<\/svg>/.exec(page)![0]);
      expect(jsQR(img.data, img.width, img.height)?.data).toBe(links[i]);
    });
  });
});
