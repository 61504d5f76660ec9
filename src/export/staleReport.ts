// A report that no longer matches its plan says so (issue 24, item 7). report.html records the fingerprint of the
// visits it shows and the command that made it; when `plan` or `convert` writes a different plan into the folder, a
// banner naming the change and the command to run is put at the top of the report pages there.
import { createHash } from 'node:crypto';
import type { Visit } from '../domain/types.js';
import { dateText } from '../format/text.js';

/** The pages of a report that carry the mark (report.xlsx cannot; the banner names it). */
export const MARKED_REPORTS = ['report.html', 'report-forms.html'] as const;

/** A fingerprint of a plan's visits, whatever their order. */
export function planFingerprint(visits: readonly Visit[]): string {
  const lines = visits.map((v) => [v.member, v.cell, v.date, v.start, v.end, v.status].join('|')).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 32);
}

/** The head tags of a report page: the plan it shows and how to make it again. */
export function reportMarks(visits: readonly Visit[], command: string): string {
  return (
    `<meta name="lichdu-plan" content="${planFingerprint(visits)}">` +
    `<meta name="lichdu-command" content="${command.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`
  );
}

const BANNER_WORDS = {
  vi: (when: string, cmd: string) =>
    `Kế hoạch đã thay đổi sau khi lập báo cáo này (${when}): số liệu dưới đây không còn đúng. Lập lại báo cáo: ${cmd}`,
  en: (when: string, cmd: string) =>
    `The plan changed after this report was made (${when}): the figures below are out of date. Make it again: ${cmd}`,
};

/**
 * The page with a banner at the top when it shows another plan than `visits` (undefined when it matches, already
 * says so, or is not a lichdu report).
 */
export function staleReport(html: string, visits: readonly Visit[], when: string): string | undefined {
  const shown = /<meta name="lichdu-plan" content="([0-9a-f]+)">/.exec(html)?.[1];
  if (shown === undefined || shown === planFingerprint(visits) || html.includes('<p class="stale"')) return undefined;
  const cmd = (/<meta name="lichdu-command" content="([^"]*)">/.exec(html)?.[1] ?? 'lichdu report')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  const lang = /<html lang="en"/.test(html) ? 'en' : 'vi';
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const banner = `<p class="stale" role="alert">${esc(BANNER_WORDS[lang](dateText(when, lang), cmd))}</p>`;
  return html.includes('<main>')
    ? html.replace(/<main>\n?/, (m) => `${m}${banner}\n`)
    : html.replace(/<body>\n?/, (m) => `${m}${banner}\n`);
}
