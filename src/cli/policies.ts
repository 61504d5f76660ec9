// lichdu policies: the built-in presets and their rules.
import { builtInPolicies } from '../policies/index.js';
import { policyToJson } from '../planfile/index.js';
import { EXIT, InputRefused, langOf, type Io } from './io.js';
import type { Lang } from '../format/labels.js';
import { PERIOD_NOUN } from '../i18n/words.js';
import { issue, near } from '../util/issues.js';
import type { Policy, Quota } from '../domain/types.js';

const quotaText = (q: Quota, lang: Lang) =>
  lang === 'vi'
    ? `≥ ${q.min}${q.max !== undefined ? ` và ≤ ${q.max}` : ''} mỗi ${PERIOD_NOUN.vi[q.per]}`
    : `≥ ${q.min}${q.max !== undefined ? ` and ≤ ${q.max}` : ''} per ${PERIOD_NOUN.en[q.per]}`;

export function describePolicy(p: Policy, lang: Lang = 'en'): string {
  const vi = lang === 'vi';
  const yes = (b: boolean) => (vi ? (b ? 'có' : 'không') : b ? 'yes' : 'no');
  const lines = [`${p.id}: ${p.title}`];
  if (p.source) lines.push(`  ${vi ? 'văn bản' : 'source'}: ${p.source.number}, ${p.source.date}, ${p.source.issuer}`);
  for (const a of p.source?.articles ?? []) lines.push(`    · ${a}`);
  lines.push(vi ? '  chức vụ:' : '  roles:');
  for (const [id, r] of Object.entries(p.roles)) {
    const due =
      r.reportDueDays === undefined
        ? ''
        : vi
          ? `; báo cáo trong ${r.reportDueDays} ngày`
          : `; report within ${r.reportDueDays} day${r.reportDueDays === 1 ? '' : 's'}`;
    const label = r.label?.[lang] ?? r.label?.en;
    lines.push(
      `    ${id.padEnd(15)} ${r.quota.map((q) => quotaText(q, lang)).join('; ')}${due}${label ? `  (${label})` : ''}`,
    );
  }
  lines.push(
    vi
      ? `  độ phủ: mỗi chi bộ ${quotaText(p.coverage, lang)}`
      : `  coverage: every cell ${quotaText(p.coverage, lang)}`,
  );
  lines.push(
    vi
      ? `  mỗi kỳ sinh hoạt nhiều nhất ${p.maxVisitorsPerMeeting} cấp ủy viên dự, mỗi tổ ${p.maxPerTeamPerMeeting}; ` +
          `mỗi cấp ủy viên nhiều nhất ${p.maxVisitsPerDay} buổi một ngày`
      : `  at most ${p.maxVisitorsPerMeeting} visitor(s) per meeting, ${p.maxPerTeamPerMeeting} per team; at most ` +
          `${p.maxVisitsPerDay} visit(s) per member per day`,
  );
  lines.push(
    vi
      ? `  không dự hai kỳ liên tiếp ở một chi bộ: ${yes(p.noConsecutive)}; không dự ở chi bộ nơi mình sinh hoạt: ` +
          `${yes(p.skipHomeCell)}`
      : `  no consecutive meetings of one cell: ${yes(p.noConsecutive)}; never the member's home cell: ` +
          `${yes(p.skipHomeCell)}`,
  );
  lines.push(
    `  ${vi ? 'trọng số ưu tiên' : 'priority weights'}: ${Object.entries(p.priority)
      .map(([t, w]) => `${t} ${w}`)
      .join(', ')}`,
  );
  for (const n of p.notes ?? []) lines.push(`  ${vi ? 'ghi chú' : 'note'}: ${n}`);
  return lines.join('\n');
}

export function runPolicies(opts: { json?: boolean; id?: string }, io: Io): number {
  let list = [...builtInPolicies().values()];
  if (opts.id !== undefined) {
    list = list.filter((p) => p.id === opts.id);
    if (list.length === 0) {
      const known = [...builtInPolicies().keys()];
      throw new InputRefused([
        issue(opts.id, [], 'policy.unknown-preset', {
          id: opts.id,
          near: near(opts.id, known),
          known: known.join(', '),
        }),
      ]);
    }
  }
  if (opts.json) io.out(JSON.stringify(list.map(policyToJson), null, 2) + '\n');
  else io.out(list.map((p) => describePolicy(p, langOf(io))).join('\n\n') + '\n');
  return EXIT.ok;
}
