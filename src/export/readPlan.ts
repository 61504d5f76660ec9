// Reads a plan given as plan.json or plan.csv.
import { readFileSync } from 'node:fs';
import type { Problem } from '../domain/types.js';
import type { Result } from '../util/issues.js';
import { readCsvPlan } from './csv.js';
import { readJsonPlan, type ReadPlan } from './json.js';

export function readPlanFile(path: string, problem: Problem): Result<ReadPlan> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, issues: [{ file: path, path: [], message: `cannot read the plan: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}` }] };
  }
  const isJson = path.toLowerCase().endsWith('.json') || (!path.toLowerCase().endsWith('.csv') && text.replace(/^\uFEFF/, '').trimStart().startsWith('{'));
  if (isJson) return readJsonPlan(text, path, problem);
  const r = readCsvPlan(text, path, problem);
  return r.ok ? { ok: true, value: { plan: { visits: r.value } } } : r;
}
