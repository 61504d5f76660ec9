// lichdu validate SPEC: load and check the spec only, and say what it holds.
import { yearlyQuota } from '../domain/workload.js';
import { loadSpecFile } from '../spec/load.js';
import { precheck } from '../../solver/precheck.js';
import { renderMessage } from '../i18n/messages.js';
import { EXIT, langOf, unwrap, type Io } from './io.js';
import { amount } from './shared.js';

export function runValidate(specPath: string, io: Io, opts: { json?: boolean } = {}): number {
  const lang = langOf(io);
  const p = unwrap(loadSpecFile(specPath));
  const demand = p.members.reduce((s, m) => s + yearlyQuota(m), 0);
  const slots = p.meetings.length * p.policy.maxVisitorsPerMeeting;
  const findings = precheck(p);
  if (opts.json) {
    const json = {
      valid: true,
      year: p.year,
      timezone: p.timezone,
      policy: p.policy.id,
      units: p.units.length,
      cells: p.cells.length,
      members: p.members.length,
      fixed: p.fixed.length,
      meetings: p.meetings.length,
      visitor_places: slots,
      visits_required: demand,
      holidays: p.holidays.size,
      findings: findings.map((f) => ({ ...f, message: renderMessage(f.code, f.params, lang) })),
      issues: [],
    };
    io.out(JSON.stringify(json, null, 2) + '\n');
    return EXIT.ok;
  }
  const n = (x: number) => amount(x, lang);
  if (lang === 'vi') {
    io.out(`✔ ${specPath}: hợp lệ\n`);
    io.out(`  năm ${p.year}, múi giờ ${p.timezone}, quy định ${p.policy.id} (${p.policy.title})\n`);
    io.out(
      `  ${n(p.units.length)} đảng bộ, ${n(p.cells.length)} chi bộ, ${n(p.members.length)} cấp ủy viên, ` +
        `${n(p.fixed.length)} buổi dự đã định trước\n`,
    );
    io.out(
      `  ${n(p.meetings.length)} kỳ sinh hoạt (${n(slots)} chỗ dự); cấp ủy viên phải dự ít nhất ${n(demand)} lần; ` +
        `${n(p.holidays.size)} ngày nghỉ\n`,
    );
  } else {
    io.out(`✔ ${specPath}: valid\n`);
    io.out(`  year ${p.year}, time zone ${p.timezone}, policy ${p.policy.id} (${p.policy.title})\n`);
    io.out(
      `  ${n(p.units.length)} units, ${n(p.cells.length)} cells, ${n(p.members.length)} members, ` +
        `${n(p.fixed.length)} fixed visits\n`,
    );
    io.out(
      `  ${n(p.meetings.length)} meetings (${n(slots)} visitor places); members must make at least ${n(demand)} ` +
        `visits; ${n(p.holidays.size)} holidays\n`,
    );
  }
  // What cannot be met whatever the plan: said now, in plain words (lichdu plan still writes the best plan).
  for (const f of findings) io.out(`  ! ${renderMessage(f.code, f.params, lang)}\n`);
  return EXIT.ok;
}
