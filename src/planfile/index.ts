// Plan files: plan.json and plan.csv, one schema (./schema.ts) and their readers.
import { decodeText, readInputFile } from '../util/files.js';
import type { Problem } from '../domain/types.js';
import type { Result } from '../util/issues.js';
import { readCsvPlan } from './csv.js';
import { readJsonPlan, type ReadPlan } from './json.js';

export { readCsvPlan } from './csv.js';
export {
  meetingKeys,
  policyToJson,
  readJsonPlan,
  readPlanDocument,
  renderPlanJson,
  type PlanDocument,
  type PlanVisit,
  type ReadPlan,
} from './json.js';
export { PLAN_FORMAT } from './schema.js';

/** Reads a plan given as plan.json or plan.csv, against the spec. */
export function readPlanFile(path: string, problem: Problem): Result<ReadPlan> {
  const bytes = readInputFile(path, 'the plan');
  if (!bytes.ok) return bytes;
  const decoded = decodeText(bytes.value, path);
  if (!decoded.ok) return decoded;
  const text = decoded.value;
  const isJson =
    path.toLowerCase().endsWith('.json') ||
    (!path.toLowerCase().endsWith('.csv') &&
      text
        .replace(/^\uFEFF/, '')
        .trimStart()
        .startsWith('{'));
  if (isJson) return readJsonPlan(text, path, problem);
  const r = readCsvPlan(text, path, problem);
  return r.ok ? { ok: true, value: { plan: { visits: r.value } } } : r;
}
