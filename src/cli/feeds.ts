// lichdu feeds DIR --base-url URL: every member's (and cell's) subscription links, https:// and webcal://.
import type { Lang } from '../format/labels.js';
import { feedLinks, renderFeedLinks, type LinkFormat } from '../serve/links.js';
import { chooseSecret } from './secret.js';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic.js';
import { optionIssue as issue, outputFileIssues, readPlanDocumentFile, refuseIf, writeOrRefuse } from './shared.js';
import { settleFolder } from '../util/lock.js';
import { EXIT, InputRefused, type Io } from './io.js';
import { formatIssue } from '../util/issues.js';

export interface FeedsOptions {
  readonly baseUrl: string;
  readonly secretFile?: string;
  readonly newSecret?: boolean | readonly string[];
  readonly format: LinkFormat;
  readonly lang: Lang;
  /** A file to write instead of printing. */
  readonly out?: string;
}

export async function runFeeds(dir: string, opts: FeedsOptions, io: Io): Promise<number> {
  if (opts.out !== undefined) refuseIf(outputFileIssues(opts.out, '-o'));
  if (!/^https?:\/\/[^/\s]+/i.test(opts.baseUrl)) {
    throw new InputRefused([issue('--base-url', 'feeds.bad-url', { value: opts.baseUrl.slice(0, 80) })]);
  }
  const vi = opts.lang === 'vi';
  if (settleFolder(dir))
    io.err(
      vi
        ? `✔ đã hoàn tất kế hoạch mà một lichdu bị dừng ghi dở trong ${dir}\n`
        : `✔ completed the plan that a stopped lichdu left half-written in ${dir}\n`,
    );
  const doc = readPlanDocumentFile(join(dir, 'plan.json'));
  const choice = chooseSecret(dir, doc, opts);
  for (const note of choice.notes) io.err(formatIssue(note, opts.lang, '!') + '\n');
  if (/^http:\/\//i.test(opts.baseUrl) && !/^http:\/\/(localhost|127\.|\[::1\])/i.test(opts.baseUrl))
    io.err(
      vi
        ? `! ${opts.baseUrl} là http thường: ai ở giữa đường truyền cũng đọc được liên kết; hãy dùng https\n`
        : `! ${opts.baseUrl} is plain http: anyone on the way can read the links; use https\n`,
    );
  const rows = feedLinks(doc, choice.key, opts.baseUrl, opts.lang, opts.format);
  const emit = async (text: string) => {
    if (opts.out === undefined) io.out(text);
    else {
      await writeOrRefuse(async () => writeFileAtomic(opts.out!, text));
      io.err(vi ? `đã ghi ${opts.out}: ${rows.length} liên kết\n` : `wrote ${opts.out}: ${rows.length} links\n`);
    }
  };
  await emit(await renderFeedLinks(rows, opts.format, opts.lang));
  return EXIT.ok;
}
