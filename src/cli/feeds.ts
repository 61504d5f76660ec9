// lichdu feeds DIR --base-url URL: every member's (and cell's) subscription links, https:// and webcal://.
import { csvLine, defuse, printable } from '../export/csv.js';
import type { Lang } from '../export/labels.js';
import { feedToken, feedUrls } from '../serve/tokens.js';
import { chooseSecret } from './secret.js';
import { join } from 'node:path';
import { settleFolder } from '../util/lock.js';
import { readPlanDocumentFile } from './export.js';
import { EXIT, InputRefused, type Io } from './io.js';

const HEADERS: Record<Lang, string[]> = {
  vi: ['Loại', 'Mã', 'Họ và tên / Tên chi bộ', 'Đường dẫn https', 'Đường dẫn webcal'],
  en: ['Kind', 'ID', 'Name', 'https link', 'webcal link'],
};
const KIND: Record<Lang, { member: string; cell: string }> = {
  vi: { member: 'Cấp ủy viên', cell: 'Chi bộ' },
  en: { member: 'member', cell: 'cell' },
};

export function runFeeds(
  dir: string,
  opts: { baseUrl: string; secretFile?: string; newSecret?: boolean; format: 'table' | 'csv'; lang: Lang },
  io: Io,
): number {
  if (!/^https?:\/\/[^/\s]+/i.test(opts.baseUrl)) {
    throw new InputRefused([
      {
        file: '--base-url',
        path: [],
        message: `"${opts.baseUrl}" is not an http(s) URL such as https://lich.example.vn`,
      },
    ]);
  }
  if (settleFolder(dir)) io.err(`✔ completed the plan that a stopped lichdu left half-written in ${dir}\n`);
  const doc = readPlanDocumentFile(join(dir, 'plan.json'));
  const choice = chooseSecret(dir, opts, doc.members.length + doc.cells.length);
  for (const note of choice.notes) io.err(`${note}\n`);
  if (/^http:\/\//i.test(opts.baseUrl) && !/^http:\/\/(localhost|127\.|\[::1\])/i.test(opts.baseUrl))
    io.err(`! ${opts.baseUrl} is plain http: anyone on the way can read the links; use https\n`);
  const secret = choice.secret;
  const rows = [
    ...doc.members.map((m) => ({
      kind: KIND[opts.lang].member,
      id: m.id as string,
      name: opts.format === 'csv' ? m.name : printable(m.name),
      ...feedUrls(opts.baseUrl, feedToken(secret, 'member', m.id)),
    })),
    ...doc.cells.map((c) => ({
      kind: KIND[opts.lang].cell,
      id: c.id as string,
      name: opts.format === 'csv' ? c.name : printable(c.name),
      ...feedUrls(opts.baseUrl, feedToken(secret, 'cell', c.id)),
    })),
  ];
  if (opts.format === 'csv') {
    io.out(
      '\uFEFF' +
        [
          csvLine(HEADERS[opts.lang]),
          ...rows.map((r) => csvLine([r.kind, r.id, defuse(r.name), r.https, r.webcal])),
        ].join('\r\n') +
        '\r\n',
    );
    return EXIT.ok;
  }
  const w = (k: 'id' | 'name') => Math.max(...rows.map((r) => [...r[k]].length), 4);
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
  for (const r of rows) io.out(`${pad(r.id, w('id'))}  ${pad(r.name, w('name'))}  ${r.https}  ${r.webcal}\n`);
  return EXIT.ok;
}
