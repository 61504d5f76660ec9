// A console workspace (issue 25): one folder holding the same files the commands use — the spec (spec.yaml or
// spec.json, made by `lichdu import` from the workbook nhap-lieu.xlsx), and plan.json, plan.csv, plan.xlsx, ics/ as
// `lichdu plan SPEC -o DIR` writes them, with the report beside them. What the views show is read from those files
// with the commands' own readers and cached until a file changes.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../../domain/types.js';
import type { Lang } from '../../format/labels.js';
import { meetingCalendar, type CalendarRow } from '../../calendar/table.js';
import { readPlanFile, readPlanDocument, type PlanDocument } from '../../planfile/index.js';
import { reportData, type ReportData } from '../../report/data.js';
import { loadSpecFile } from '../../spec/load.js';
import { readInputFile, decodeText } from '../../util/files.js';
import type { InputIssue } from '../../util/issues.js';

export const SPEC_FILES = ['spec.yaml', 'spec.yml', 'spec.json', 'kehoach.yaml'];
export const WORKBOOK_FILE = 'nhap-lieu.xlsx';

export interface Loaded {
  readonly specPath: string;
  readonly problem: Problem;
  /** The meeting calendar before any planning: each cell's dates, moves and why. */
  readonly calendar: readonly CalendarRow[];
  /** The plan, when the folder has one made from this spec. */
  readonly plan?: {
    readonly doc: PlanDocument;
    readonly data: ReportData;
  };
  /** Why the folder's plan is not shown (another spec, unreadable), when it has one. */
  readonly planIssues?: readonly InputIssue[];
}

const stamp = (p: string) => {
  try {
    const s = statSync(p);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return '-';
  }
};

/** The workspace's spec: the most recently changed of the names lichdu looks for. */
export function specPathOf(dir: string): string | undefined {
  const found = SPEC_FILES.map((n) => join(dir, n)).filter((p) => existsSync(p));
  return found.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

export class Workspace {
  private cache?: { key: string; value: Loaded | { issues: readonly InputIssue[] } | undefined };
  constructor(
    readonly dir: string,
    readonly lang: Lang,
  ) {}

  get planPath(): string {
    return join(this.dir, 'plan.json');
  }

  /** The spec and plan as the views show them; the spec's problems when it is refused; undefined without a spec. */
  async load(): Promise<Loaded | { issues: readonly InputIssue[] } | undefined> {
    const specPath = specPathOf(this.dir);
    const key = `${specPath}|${specPath ? stamp(specPath) : ''}|${stamp(this.planPath)}`;
    if (this.cache?.key === key) return this.cache.value;
    let value: Loaded | { issues: readonly InputIssue[] } | undefined;
    if (specPath === undefined) value = undefined;
    else {
      const spec = loadSpecFile(specPath);
      if (!spec.ok) value = { issues: spec.issues };
      else
        value = {
          specPath,
          problem: spec.value,
          calendar: meetingCalendar(spec.value, this.lang),
          ...(await this.plan(spec.value)),
        };
    }
    this.cache = { key, value };
    return value;
  }

  private async plan(problem: Problem): Promise<Pick<Loaded, 'plan' | 'planIssues'>> {
    if (!existsSync(this.planPath)) return {};
    const read = await readPlanFile(this.planPath, problem);
    if (!read.ok) return { planIssues: read.issues };
    const bytes = readInputFile(this.planPath, 'plan');
    const text = bytes.ok ? decodeText(bytes.value, this.planPath) : bytes;
    const doc = text.ok ? readPlanDocument(text.value, this.planPath) : text;
    if (!doc.ok) return { planIssues: doc.issues };
    const data = reportData(problem, read.value.plan.visits, this.lang, undefined, read.value.plan.solver);
    return { plan: { doc: doc.value, data } };
  }
}
