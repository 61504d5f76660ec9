// Writes plan.json and plan.csv into a directory: everything is rendered first, then each file replaced atomically.
import { join } from 'node:path';
import type { Plan, Problem, Violation } from '../domain/types.js';
import { writeFilesAtomic } from '../util/atomic.js';
import { renderCsv } from './csv.js';
import { renderPlanJson } from './json.js';
import type { Lang } from './labels.js';

export function writePlanFiles(dir: string, problem: Problem, plan: Plan, violations: readonly Violation[], lang: Lang): string[] {
  const files = [
    { path: join(dir, 'plan.json'), data: renderPlanJson(problem, plan, violations) },
    { path: join(dir, 'plan.csv'), data: renderCsv(problem, plan.visits, lang) },
  ];
  writeFilesAtomic(files);
  return files.map((f) => f.path);
}
