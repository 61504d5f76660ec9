// The subscription links of a plan's members and cells (lichdu feeds): https:// and webcal:// per person and cell,
// rendered as an aligned table, a CSV (UTF-8 with BOM, a header row naming member or cell) or a printable page.
import { renderFeedSheet } from '../export/feedSheet.js';
import { csvLine, defuse, printable } from '../format/csv.js';
import type { Lang } from '../format/labels.js';
import type { PlanDocument } from '../planfile/index.js';
import { feedToken, feedUrls, type FeedSecret } from './tokens.js';

const HEADERS: Record<Lang, string[]> = {
  vi: ['Loại', 'Mã', 'Họ và tên / Tên chi bộ', 'Đường dẫn https', 'Đường dẫn webcal'],
  en: ['Kind', 'ID', 'Name', 'https link', 'webcal link'],
};
const KIND: Record<Lang, { member: string; cell: string }> = {
  vi: { member: 'Cấp ủy viên', cell: 'Chi bộ' },
  en: { member: 'member', cell: 'cell' },
};

export type LinkFormat = 'table' | 'csv' | 'html';

/** Every member's and cell's links; names made printable for a terminal table. */
export function feedLinks(doc: PlanDocument, secret: FeedSecret, baseUrl: string, lang: Lang, format: LinkFormat) {
  const name = (s: string) => (format === 'table' ? printable(s) : s);
  return [
    ...doc.members.map((m) => ({
      kind: KIND[lang].member,
      id: m.id as string,
      name: name(m.name),
      ...feedUrls(baseUrl, feedToken(secret, 'member', m.id)),
    })),
    ...doc.cells.map((c) => ({
      kind: KIND[lang].cell,
      id: c.id as string,
      name: name(c.name),
      ...feedUrls(baseUrl, feedToken(secret, 'cell', c.id)),
    })),
  ];
}

export type FeedLink = ReturnType<typeof feedLinks>[number];

/** The links in the format asked for. */
export async function renderFeedLinks(rows: readonly FeedLink[], format: LinkFormat, lang: Lang): Promise<string> {
  if (format === 'html') return renderFeedSheet(rows, lang);
  if (format === 'csv')
    return (
      '\uFEFF' +
      [csvLine(HEADERS[lang]), ...rows.map((r) => csvLine([r.kind, r.id, defuse(r.name), r.https, r.webcal]))].join(
        '\r\n',
      ) +
      '\r\n'
    );
  const w = (k: 'id' | 'name') => Math.max(...rows.map((r) => [...r[k]].length), 4);
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
  return rows.map((r) => `${pad(r.id, w('id'))}  ${pad(r.name, w('name'))}  ${r.https}  ${r.webcal}\n`).join('');
}
