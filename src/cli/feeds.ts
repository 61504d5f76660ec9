// lichdu feeds DIR --base-url URL: every member's (and cell's) subscription links, https:// and webcal://.
import { csvLine, defuse, printable } from '../format/csv.js';
import type { Lang } from '../format/labels.js';
import { feedToken, feedUrls } from '../serve/tokens.js';
import { chooseSecret } from './secret.js';
import { join } from 'node:path';
import { renderFeedSheet } from '../export/feedSheet.js';
import { writeFileAtomic } from '../util/atomic.js';
import { outputFileIssues, refuseIf, writeOrRefuse } from './outputs.js';
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

export interface FeedsOptions {
  readonly baseUrl: string;
  readonly secretFile?: string;
  readonly newSecret?: boolean;
  readonly format: 'table' | 'csv' | 'html';
  readonly lang: Lang;
  /** A file to write instead of printing. */
  readonly out?: string;
}

export async function runFeeds(dir: string, opts: FeedsOptions, io: Io): Promise<number> {
  if (opts.out !== undefined) refuseIf(outputFileIssues(opts.out, '-o'));
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
      name: opts.format === 'table' ? printable(m.name) : m.name,
      ...feedUrls(opts.baseUrl, feedToken(secret, 'member', m.id)),
    })),
    ...doc.cells.map((c) => ({
      kind: KIND[opts.lang].cell,
      id: c.id as string,
      name: opts.format === 'table' ? printable(c.name) : c.name,
      ...feedUrls(opts.baseUrl, feedToken(secret, 'cell', c.id)),
    })),
  ];
  const emit = async (text: string) => {
    if (opts.out === undefined) io.out(text);
    else {
      await writeOrRefuse(async () => writeFileAtomic(opts.out!, text));
      io.err(`wrote ${opts.out}: ${rows.length} links\n`);
    }
  };
  if (opts.format === 'html') {
    await emit(await renderFeedSheet(rows, opts.lang));
    return EXIT.ok;
  }
  if (opts.format === 'csv') {
    await emit(
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
  await emit(rows.map((r) => `${pad(r.id, w('id'))}  ${pad(r.name, w('name'))}  ${r.https}  ${r.webcal}\n`).join(''));
  return EXIT.ok;
}
