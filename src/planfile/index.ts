// Plan files: plan.json and plan.csv, one schema (./schema.ts) and their readers.
import { decodeText, readInputFile } from '../util/files.js';
import type { Problem } from '../domain/types.js';
import type { Result } from '../util/issues.js';
import { readTablePlan } from './csv.js';
import { csvTable, isZip, readTable, type Table } from './table.js';
import { readJsonPlan, type ReadPlan } from './json.js';

export { readCsvPlan } from './csv.js';
export {
  defaultUid,
  documentOfWritten,
  meetingKeys,
  planJson,
  planJsonText,
  policyToJson,
  readJsonPlan,
  readPlanDocument,
  renderPlanJson,
  type PlanDocument,
  type PlanVisit,
  withViolations,
  type ReadPlan,
} from './json.js';
export { PLAN_FORMAT } from './schema.js';

/** Sheets a plan is looked for in, before the first sheet of a workbook. */
export const PLAN_SHEETS = ['Kế hoạch', 'Plan'];

/**
 * Reads a plan given as plan.json, plan.csv (any encoding lichdu accepts, any of `,` `;` tab) or plan.xlsx, against
 * the spec.
 */
export async function readPlanFile(path: string, problem: Problem): Promise<Result<ReadPlan>> {
  const bytes = readInputFile(path, 'plan');
  if (!bytes.ok) return bytes;
  const lower = path.toLowerCase();
  if (isZip(bytes.value) || lower.endsWith('.xlsx')) return fromTable(await readTable(bytes.value, path, PLAN_SHEETS));
  const decoded = decodeText(bytes.value, path);
  if (!decoded.ok) return decoded;
  const text = decoded.value;
  const isJson = lower.endsWith('.json') || (!/\.(csv|tsv|txt)$/.test(lower) && text.trimStart().startsWith('{'));
  if (isJson) return readJsonPlan(text, path, problem);
  return fromTable(csvTable(text, path));

  function fromTable(table: Result<Table>): Result<ReadPlan> {
    if (!table.ok) return table;
    const r = readTablePlan(table.value, path, problem);
    return r.ok ? { ok: true, value: { plan: { visits: r.value.visits }, notes: r.value.notes } } : r;
  }
}
