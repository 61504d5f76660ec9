// lichdu convert SPEC PLAN -o DIR: reads a plan (plan.json, or a plan.csv edited in a spreadsheet), checks it, and
// writes DIR/plan.json, DIR/plan.csv and DIR/ics/. A refused input writes nothing.
import { checkPlan } from '../check/index.js';
import type { Lang } from '../format/labels.js';
import { resolveGeneratedAt, writePlanFiles } from '../export/planFiles.js';
import { readPlanFile } from '../planfile/index.js';
import { loadSpecFile } from '../spec/load.js';
import { EXIT, noteLine, unwrap, type Io } from './io.js';
import { staleNotes, stampedOutputIssues, unwrapWith, withFolderLock, writeOrRefuse } from './shared.js';

export interface ConvertOptions {
  readonly out: string;
  readonly lang: Lang;
  readonly generatedAt?: string;
  readonly reminderMinutes: number;
}

export async function runConvert(specPath: string, planPath: string, opts: ConvertOptions, io: Io): Promise<number> {
  const problem = unwrapWith(loadSpecFile(specPath), [...stampedOutputIssues(opts.out, opts.generatedAt)]);
  const read = unwrap(await readPlanFile(planPath, problem));
  for (const note of read.notes ?? []) io.err(noteLine(note, opts.lang));
  const violations = checkPlan(problem, read.plan.visits);
  const written = await withFolderLock(opts.out, () =>
    writeOrRefuse(() =>
      writePlanFiles(opts.out, problem, read.plan, violations, {
        lang: opts.lang,
        generatedAt: resolveGeneratedAt(problem.year, opts.generatedAt),
        reminderMinutes: opts.reminderMinutes,
      }),
    ),
  );
  const ics = written.filter((f) => f.endsWith('.ics')).length;
  const files = written.filter((f) => !f.endsWith('.ics') && !/report[^/]*\.html$/.test(f)).join(', ');
  for (const note of staleNotes(written, opts.out)) io.err(noteLine(note, opts.lang));
  const vi = opts.lang === 'vi';
  io.out(
    vi
      ? `đã ghi ${files} và ${ics} tệp lịch trong ${opts.out}/ics\n`
      : `wrote ${files} and ${ics} calendars in ${opts.out}/ics\n`,
  );
  if (violations.length > 0)
    io.err(
      vi
        ? `✖ kế hoạch vi phạm quy định ${violations.length} lần; các vi phạm được ghi trong plan.json (lệnh lichdu ` +
            `check liệt kê)\n`
        : `✖ the plan breaks ${violations.length} rule instance(s); they are listed in plan.json (lichdu check ` +
            `shows them)\n`,
    );
  return violations.length === 0 ? EXIT.ok : EXIT.violations;
}
