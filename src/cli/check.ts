// lichdu check SPEC PLAN: every hard rule, recomputed from the plan's visits; exit 0 when none is broken, else 1.
import { asOfOptions, percent } from './shared.js';
import type { Problem, RuleId, Violation } from '../domain/types.js';
import { checkPlan, quality, RULES, type Quality } from '../check/index.js';
import { catalogueEntry } from '../domain/rules.js';
import { describeViolation } from '../format/violationText.js';
import { readPlanFile } from '../planfile/index.js';
import { loadSpecFile } from '../spec/load.js';
import { EXIT, unwrap, type Io } from './io.js';
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
export function violationLines(problem: Problem): (v: Violation) => string {
  const member = new Map(problem.members.map((m) => [m.id as string, m.name]));
  const cell = new Map(problem.cells.map((c) => [c.id as string, c.name]));
  const names = { memberName: (id: string) => member.get(id), cellName: (id: string) => cell.get(id) };
  return (v) => describeViolation(v, 'en', names);
}

/** The fewest and most visits a member makes beyond their yearly quota: "0–2". */
export const extraRange = (q: Quality): string =>
  q.extraVisitsMin === null ? '–' : `${q.extraVisitsMin}–${q.extraVisitsMax}`;

export async function runCheck(specPath: string, planPath: string, opts: CheckOptions, io: Io): Promise<number> {
  asOfOptions(opts);
  const spec = unwrap(loadSpecFile(specPath));
  const read = unwrap(await readPlanFile(planPath, spec));
  const problem = problemForPlan(spec, read.plan);
  if (read.plan.replan)
    io.err(`note: ${planPath}: a re-plan from ${read.plan.replan.from}: its visits before then are what happened\n`);
  for (const note of read.notes ?? []) io.err(`note: ${planPath}: ${note}\n`);
  const visits = read.plan.visits;
  if (opts.attendance !== undefined && opts.asOf !== undefined) {
    const att = unwrap(await readAttendanceFile(opts.attendance, problem));
    for (const note of att.notes) io.err(`note: ${opts.attendance}: ${note}\n`);
    const c = compliance(problem, visits, att, opts.asOf, opts.unrecorded ?? 'done');
    const broken = checkPlan(problem, visits).length;
    if (broken > 0) io.err(`! the plan itself breaks ${broken} rule instance(s): lichdu check without --attendance\n`);
    if (opts.json) {
      io.out(JSON.stringify(complianceJson(c), null, 2) + '\n');
      return c.members.some((m) => m.status === 'behind') ? EXIT.violations : EXIT.ok;
    }
    const r = complianceText(problem, c, opts.attendance);
    io.out(r.text);
    return r.code;
  }
  const violations = checkPlan(problem, visits);
  const violationLine = violationLines(problem);
  const q = quality(problem, visits);
  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          spec_hash: problem.specHash,
          plan_spec_hash: read.plan.specHash ?? null,
          violations: violations.map((v) => ({ ...v, text: violationLine(v).replace(/^✖ /, '') })),
          quality: q,
        },
        null,
        2,
      ) + '\n',
    );
    return violations.length === 0 ? EXIT.ok : EXIT.violations;
  }
  if (read.specHashMismatch) {
    io.err(
      `! ${planPath} was made from another version of ${specPath} (spec hash ` +
        `${read.specHashMismatch.plan.slice(0, 19)}…, now ${read.specHashMismatch.spec.slice(0, 19)}…): ` +
        `checking against the spec as it is now\n`,
    );
  }
  for (const v of violations) io.out(violationLine(v) + '\n');
  const byRule = new Map<RuleId, number>();
  for (const v of violations) byRule.set(v.rule, (byRule.get(v.rule) ?? 0) + 1);
  const p = problem.policy;
  io.out(
    `\nChecked ${visits.length} visits by ${problem.members.length} members at ${problem.cells.length} cells ` +
      `(${problem.year}) against policy ${p.id}${p.source ? ` (${p.source.number})` : ''}:\n`,
  );
  for (const r of RULES) {
    const n = byRule.get(r.id) ?? 0;
    io.out(
      `  ${n === 0 ? '✔' : '✖'} ${r.id.padEnd(19)} ` +
        `${catalogueEntry(r.id).label.en}${n === 0 ? '' : `: ${n} violation${n === 1 ? '' : 's'}`}\n`,
    );
  }
  io.out(`\nQuality:\n`);
  io.out(
    `  priority cells: ${q.priorityCells} of ${q.cells} (${percent(q.priorityCellShare)}) receive ` +
      `${percent(q.priorityVisitShare)} of the visits\n`,
  );
  const month = (m: number | null) => (m === null ? '–' : m.toFixed(2));
  io.out(
    `  first visit, mean month: priority cells ${month(q.firstVisitMonthPriority)}, other cells ` +
      `${month(q.firstVisitMonthOther)}\n`,
  );
  io.out(`  cells never visited: ${q.unvisitedCells}\n`);
  io.out(
    `  most visits by one member to one cell: ` +
      `${q.maxVisitsMemberCell}${q.maxVisitsPair ? ` (${q.maxVisitsPair.member} at ${q.maxVisitsPair.cell})` : ''}\n`,
  );
  io.out(`  visits per quarter: ${q.visitsPerQuarter.join(' ')}\n`);
  io.out(
    `  spread: ${q.spreadOnTarget} of ${q.membersWithQuota} members have ⌊q/4⌋–⌈q/4⌉ visits in every quarter; ` +
      `${q.spreadEveryQuarter} of ${q.spreadMembers} with a quota of 4 or more visit in every quarter\n`,
  );
  io.out(`  visits beyond the quota per member: ${extraRange(q)}\n`);
  io.out(
    violations.length === 0
      ? `\n✔ every hard rule holds\n`
      : `\n✖ ${violations.length} violation${violations.length === 1 ? '' : 's'} of ${byRule.size} ` +
          `rule${byRule.size === 1 ? '' : 's'}\n`,
  );
  return violations.length === 0 ? EXIT.ok : EXIT.violations;
}

/** Compliance as JSON: per member status and periods, the cells not yet visited, overdue reports. */
function complianceJson(c: Compliance): unknown {
  const h = c.happened;
  return {
    as_of: c.asOf,
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
