// A console workspace (issue 25): one folder holding the same files the commands use — the spec (spec.yaml or
// spec.json, made by `lichdu import` from the workbook nhap-lieu.xlsx), and plan.json, plan.csv, plan.xlsx, ics/ as
// `lichdu plan SPEC -o DIR` writes them, with the report beside them. What the views show is read from those files
// with the commands' own readers and cached until a file changes.
import { existsSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import type { Problem, Violation } from '../../domain/types.js';
import { checkPlan } from '../../check/index.js';
import { PINS_FILE, readPins, type Pin } from '../../edit/pins.js';
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
    /** The checker's verdict on the plan. */
    readonly violations: readonly Violation[];
    readonly solver: { readonly status: string; readonly gap?: number };
  };
  /** The visits pinned in the folder (DIR/pins.json). */
  readonly pins: readonly Pin[];
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
  private cache?: { key: string; value: Promise<Loaded | { issues: readonly InputIssue[] } | undefined> };
  constructor(
    readonly dir: string,
    readonly lang: Lang,
  ) {}

  get planPath(): string {
    return join(this.dir, 'plan.json');
  }

  get pinsPath(): string {
    return join(this.dir, PINS_FILE);
  }

  /** The spec and plan as the views show them; the spec's problems when it is refused; undefined without a spec. */
  load(): Promise<Loaded | { issues: readonly InputIssue[] } | undefined> {
    const specPath = specPathOf(this.dir);
    const key = `${specPath}|${specPath ? stamp(specPath) : ''}|${stamp(this.planPath)}|${stamp(this.pinsPath)}`;
    // One read per change of the files, shared by the requests that wait for it (the console warms it at start and
    // after each upload or plan, so that a province's first page does not wait for it).
    if (this.cache?.key !== key) this.cache = { key, value: this.read(specPath) };
    return this.cache.value;
  }

  private async read(specPath: string | undefined): Promise<Loaded | { issues: readonly InputIssue[] } | undefined> {
    if (specPath === undefined) return undefined;
    const spec = loadSpecFile(specPath);
    if (!spec.ok) return { issues: spec.issues };
    return {
      specPath,
      problem: spec.value,
      calendar: meetingCalendar(spec.value, this.lang),
      pins: (() => {
        const r = readPins(this.pinsPath);
        return r.ok ? r.value : [];
      })(),
      ...(await this.plan(spec.value)),
    };
  }

  private async plan(problem: Problem): Promise<Pick<Loaded, 'plan' | 'planIssues'>> {
    if (!existsSync(this.planPath)) return {};
    const read = await readPlanFile(this.planPath, problem);
    if (!read.ok) return { planIssues: read.issues };
    const bytes = readInputFile(this.planPath, 'plan');
    const text = bytes.ok ? decodeText(bytes.value, this.planPath) : bytes;
    const doc = text.ok ? readPlanDocument(text.value, this.planPath) : text;
    if (!doc.ok) return { planIssues: doc.issues };
    const visits = read.value.plan.visits;
    const data = reportData(problem, visits, this.lang, undefined, read.value.plan.solver);
    const s = read.value.plan.solver;
    return {
      plan: {
        doc: doc.value,
        data,
        violations: checkPlan(problem, visits),
        solver: { status: s?.status ?? '', ...(s?.gap !== undefined ? { gap: s.gap } : {}) },
      },
    };
  }
}

/**
 * How the console plans a workspace, as `lichdu plan SPEC -o DIR` would with its defaults (seed 0, five minutes, HiGHS,
 * a reminder a day before), keeping the folder's pinned visits.
 */
export function planDefaults(dir: string, lang: Lang) {
  const pins = join(dir, PINS_FILE);
  return {
    lang,
    seed: 0,
    timeLimit: 300,
    backend: 'highs' as const,
    reminderMinutes: 1440,
    startedAt: performance.now(),
    ...(existsSync(pins) ? { pins } : {}),
  };
}
