// lichdu policies: the built-in presets and their rules.
import { builtInPolicies } from '../policies/index.js';
import { policyToJson } from '../planfile/index.js';
import { EXIT, type Io } from './io.js';
import type { Policy, Quota } from '../domain/types.js';

const PER: Record<string, string> = { year: 'year', half: 'half-year', quarter: 'quarter', month: 'month' };
const quotaText = (q: Quota) => `≥ ${q.min}${q.max !== undefined ? ` and ≤ ${q.max}` : ''} per ${PER[q.per]}`;

export function describePolicy(p: Policy): string {
  const lines = [`${p.id}: ${p.title}`];
  if (p.source) lines.push(`  source: ${p.source.number}, ${p.source.date}, ${p.source.issuer}`);
  for (const a of p.source?.articles ?? []) lines.push(`    · ${a}`);
  lines.push('  roles:');
  for (const [id, r] of Object.entries(p.roles)) {
    lines.push(
      `    ${id.padEnd(15)} ${r.quota.map(quotaText).join('; ')}` +
        (r.reportDueDays !== undefined
          ? `; report within ${r.reportDueDays} day${r.reportDueDays === 1 ? '' : 's'}`
          : '') +
        (r.label?.en ? `  (${r.label.en})` : ''),
    );
  }
  lines.push(`  coverage: every cell ${quotaText(p.coverage)}`);
  lines.push(
    `  at most ${p.maxVisitorsPerMeeting} visitor(s) per meeting, ${p.maxPerTeamPerMeeting} per team; at most ` +
      `${p.maxVisitsPerDay} visit(s) per member per day`,
  );
  lines.push(
    `  no consecutive meetings of one cell: ${p.noConsecutive ? 'yes' : 'no'}; never the member's home cell: ` +
      `${p.skipHomeCell ? 'yes' : 'no'}`,
  );
  lines.push(
    `  priority weights: ${Object.entries(p.priority)
      .map(([t, w]) => `${t} ${w}`)
      .join(', ')}`,
  );
  for (const n of p.notes ?? []) lines.push(`  note: ${n}`);
  return lines.join('\n');
}

export function runPolicies(opts: { json?: boolean; id?: string }, io: Io): number {
  let list = [...builtInPolicies().values()];
  if (opts.id !== undefined) {
    list = list.filter((p) => p.id === opts.id);
    if (list.length === 0) {
      io.err(`✖ unknown policy preset "${opts.id}"; built-in: ${[...builtInPolicies().keys()].join(', ')}\n`);
      return EXIT.refused;
    }
  }
  if (opts.json) io.out(JSON.stringify(list.map(policyToJson), null, 2) + '\n');
  else io.out(list.map(describePolicy).join('\n\n') + '\n');
  return EXIT.ok;
}
