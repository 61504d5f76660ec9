// lichdu check SPEC PLAN: every hard rule, recomputed from the plan's visits; exit 0 when none is broken, else 1.
import { amount, asOfOptions, percent } from './shared.js';
import type { Problem, RuleId, Violation } from '../domain/types.js';
import { checkPlan, quality, RULES, type Quality } from '../check/index.js';
import { catalogueEntry } from '../domain/rules.js';
import { describeViolation } from '../format/violationText.js';
import { readPlanFile } from '../planfile/index.js';
import { loadSpecFile } from '../spec/load.js';
import { EXIT, issueJson, langOf, noteLine, unwrap, type Io } from './io.js';
import type { Lang } from '../format/labels.js';
import { readAttendanceFile } from '../attendance/file.js';
import { problemForPlan } from '../replan/build.js';
import { compliance, type Compliance, type Unrecorded } from '../attendance/compliance.js';
import { complianceText } from './attendance.js';

export interface CheckOptions {
  readonly json?: boolean;
  /** Compliance to date (issue 9): the attendance file, the date, and how past visits without a record count. */
  readonly attendance?: string;
  readonly asOf?: string;
  readonly unrecorded?: Unrecorded;
}

/** Violations in the CLI's words (English), naming members and cells as the spec does. */
export function violationLines(problem: Problem, lang: Lang): (v: Violation) => string {
  const member = new Map(problem.members.map((m) => [m.id as string, m.name]));
  const cell = new Map(problem.cells.map((c) => [c.id as string, c.name]));
  const names = { memberName: (id: string) => member.get(id), cellName: (id: string) => cell.get(id) };
  return (v) => describeViolation(v, lang, names);
}

/** The fewest and most visits a member makes beyond their yearly quota: "0–2". */
export const extraRange = (q: Quality): string =>
  q.extraVisitsMin === null ? '–' : `${q.extraVisitsMin}–${q.extraVisitsMax}`;

export async function runCheck(specPath: string, planPath: string, opts: CheckOptions, io: Io): Promise<number> {
  const asOf = asOfOptions(opts, io);
  const spec = unwrap(loadSpecFile(specPath));
  const read = unwrap(await readPlanFile(planPath, spec));
  const problem = problemForPlan(spec, read.plan);
  const lang = langOf(io);
  const vi = lang === 'vi';
  if (read.plan.replan)
    io.err(
      vi
        ? `ghi chú: ${planPath}: kế hoạch lập lại từ ngày ${read.plan.replan.from}: các buổi dự trước ngày đó là ` +
            `những gì đã diễn ra\n`
        : `note: ${planPath}: a re-plan from ${read.plan.replan.from}: its visits before then are what happened\n`,
    );
  for (const note of read.notes ?? []) io.err(noteLine(note, lang));
  const visits = read.plan.visits;
  if (opts.attendance !== undefined && asOf !== undefined) {
    const att = unwrap(await readAttendanceFile(opts.attendance, problem));
    for (const note of att.notes) io.err(noteLine(note, lang));
    const c = compliance(problem, visits, att, asOf, opts.unrecorded ?? 'pending');
    const broken = checkPlan(problem, visits).length;
    if (opts.json) {
      io.out(JSON.stringify(complianceJson(c, broken, opts.unrecorded ?? 'pending'), null, 2) + '\n');
      return c.members.some((m) => m.status === 'behind') ? EXIT.violations : EXIT.ok;
    }
    const r = complianceText(problem, c, opts.attendance, lang, broken, opts.unrecorded ?? 'pending');
    io.out(r.text);
    return r.code;
  }
  const violations = checkPlan(problem, visits);
  const violationLine = violationLines(problem, lang);
  const q = quality(problem, visits);
  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          spec_hash: problem.specHash,
          plan_spec_hash: read.plan.specHash ?? null,
          violations: violations.map((v) => ({ ...v, text: violationLine(v).replace(/^✖ /, '') })),
          quality: q,
          issues: (read.notes ?? []).map((i) => issueJson(i, lang)),
        },
        null,
        2,
      ) + '\n',
    );
    return violations.length === 0 ? EXIT.ok : EXIT.violations;
  }
  if (read.specHashMismatch) {
    const [was, now] = [read.specHashMismatch.plan.slice(0, 19), read.specHashMismatch.spec.slice(0, 19)];
    io.err(
      vi
        ? `! ${planPath} được lập từ một phiên bản khác của ${specPath} (mã băm ${was}…, nay ${now}…): kiểm tra ` +
            `theo đặc tả hiện tại\n`
        : `! ${planPath} was made from another version of ${specPath} (spec hash ${was}…, now ${now}…): checking ` +
            `against the spec as it is now\n`,
    );
  }
  for (const v of violations) io.out(violationLine(v) + '\n');
  const byRule = new Map<RuleId, number>();
  for (const v of violations) byRule.set(v.rule, (byRule.get(v.rule) ?? 0) + 1);
  const p = problem.policy;
  const source = p.source ? ` (${p.source.number})` : '';
  const n = (x: number) => amount(x, lang);
  io.out(
    vi
      ? `\nĐã kiểm tra ${n(visits.length)} buổi dự của ${n(problem.members.length)} cấp ủy viên tại ` +
          `${n(problem.cells.length)} chi bộ (${problem.year}) theo quy định ${p.id}${source}:\n`
      : `\nChecked ${n(visits.length)} visits by ${n(problem.members.length)} members at ${n(problem.cells.length)} ` +
          `cells (${problem.year}) against policy ${p.id}${source}:\n`,
  );
  for (const r of RULES) {
    const k = byRule.get(r.id) ?? 0;
    const broken = vi ? `: ${n(k)} vi phạm` : `: ${n(k)} violation${k === 1 ? '' : 's'}`;
    io.out(`  ${k === 0 ? '✔' : '✖'} ${r.id.padEnd(19)} ${catalogueEntry(r.id).label[lang]}${k === 0 ? '' : broken}\n`);
  }
  const month = (m: number | null) =>
    m === null ? '–' : m.toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pair = q.maxVisitsPair ? ` (${q.maxVisitsPair.member} ${vi ? 'tại' : 'at'} ${q.maxVisitsPair.cell})` : '';
  const lines = vi
    ? [
        `\nChất lượng:`,
        `  chi bộ ưu tiên: ${n(q.priorityCells)}/${n(q.cells)} (${percent(q.priorityCellShare, lang)}) nhận ` +
          `${percent(q.priorityVisitShare, lang)} số buổi dự`,
        `  tháng trung bình của lần dự đầu tiên: chi bộ ưu tiên ${month(q.firstVisitMonthPriority)}, chi bộ khác ` +
          `${month(q.firstVisitMonthOther)}`,
        `  chi bộ chưa được dự: ${n(q.unvisitedCells)}`,
        `  số lần nhiều nhất một cấp ủy viên dự một chi bộ: ${q.maxVisitsMemberCell}${pair}`,
        `  số buổi dự theo quý: ${q.visitsPerQuarter.map(n).join(' ')}`,
        `  dự đều: ${n(q.spreadOnTarget)}/${n(q.membersWithQuota)} cấp ủy viên có ⌊q/4⌋–⌈q/4⌉ buổi mỗi quý; ` +
          `${n(q.spreadEveryQuarter)}/${n(q.spreadMembers)} người có định mức từ 4 trở lên dự trong mọi quý`,
        `  số buổi dự thêm ngoài định mức mỗi người: ${extraRange(q)}`,
        violations.length === 0
          ? `\n✔ mọi quy định bắt buộc đều được đáp ứng`
          : `\n✖ ${n(violations.length)} vi phạm ở ${byRule.size} quy định`,
      ]
    : [
        `\nQuality:`,
        `  priority cells: ${n(q.priorityCells)} of ${n(q.cells)} (${percent(q.priorityCellShare)}) receive ` +
          `${percent(q.priorityVisitShare)} of the visits`,
        `  first visit, mean month: priority cells ${month(q.firstVisitMonthPriority)}, other cells ` +
          `${month(q.firstVisitMonthOther)}`,
        `  cells never visited: ${n(q.unvisitedCells)}`,
        `  most visits by one member to one cell: ${q.maxVisitsMemberCell}${pair}`,
        `  visits per quarter: ${q.visitsPerQuarter.map(n).join(' ')}`,
        `  spread: ${n(q.spreadOnTarget)} of ${n(q.membersWithQuota)} members have ⌊q/4⌋–⌈q/4⌉ visits in every ` +
          `quarter; ` +
          `${n(q.spreadEveryQuarter)} of ${n(q.spreadMembers)} with a quota of 4 or more visit in every quarter`,
        `  visits beyond the quota per member: ${extraRange(q)}`,
        violations.length === 0
          ? `\n✔ every hard rule holds`
          : `\n✖ ${n(violations.length)} violation${violations.length === 1 ? '' : 's'} of ${byRule.size} ` +
            `rule${byRule.size === 1 ? '' : 's'}`,
      ];
  io.out(lines.join('\n') + '\n');
  return violations.length === 0 ? EXIT.ok : EXIT.violations;
}

/** Compliance as JSON: per member status and periods, the cells not yet visited, overdue reports. */
function complianceJson(c: Compliance, planBroken: number, unrecorded: Unrecorded): unknown {
  const h = c.happened;
  return {
    as_of: c.asOf,
    plan: { meets_every_rule: planBroken === 0, violations: planBroken },
    unrecorded_counted_as: unrecorded,
    not_recorded: h.unrecorded.map((v) => ({ member: v.member, cell: v.cell, date: v.date })),
    visits: {
      done: h.done.length,
      unplanned: h.unplanned.length,
      missed: h.missed.length,
      unrecorded: h.unrecorded.length,
      ahead: h.ahead.length,
    },
    members: c.members.map((m) => ({
      id: m.id,
      name: m.name,
      status: m.status,
      not_recorded: m.unrecorded.length,
      periods: m.periods.map((p) => ({
        period: p.period,
        done: p.done,
        min: p.min,
        required_by_now: p.requiredByNow,
        ended: p.ended,
      })),
    })),
    coverage: { period: c.coverage.period, unvisited: c.coverage.unvisited },
    overdue_reports:
      c.overdueReports?.map((r) => ({ report: r.template.id, subject: r.subject, period: r.period, due: r.due })) ??
      null,
  };
}
