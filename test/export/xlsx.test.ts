// plan.xlsx: the same plan gives the same bytes (whenever and wherever it is written), and reads back as the visits
// with real date and time cells.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderPlanXlsx } from '../../src/export/xlsx.js';
import { readTablePlan } from '../../src/planfile/csv.js';
import { readJsonPlan } from '../../src/planfile/index.js';
import { xlsxTable } from '../../src/planfile/table.js';
import { loadSpecFile } from '../../src/spec/load.js';

const spec = loadSpecFile('fixtures/small/spec.yaml');
if (!spec.ok) throw new Error('fixture spec invalid');
const problem = spec.value;
const read = readJsonPlan(readFileSync('fixtures/small/plan.json', 'utf8'), 'plan.json', problem);
if (!read.ok) throw new Error('golden plan unreadable');
const visits = read.value.plan.visits;

describe('plan.xlsx', () => {
  it('when written twice, a second apart, then the bytes are the same', async () => {
    const a = await renderPlanXlsx(problem, visits, 'vi', '2027-01-01T00:00:00Z');
    await new Promise((r) => setTimeout(r, 1100));
    const b = await renderPlanXlsx(problem, visits, 'vi', '2027-01-01T00:00:00Z');
    expect(b.equals(a)).toBe(true);
  });

  it('when read back then its date and time cells give the visits', async () => {
    const bytes = await renderPlanXlsx(problem, visits, 'en', '2027-01-01T00:00:00Z');
    const t = await xlsxTable(bytes, 'plan.xlsx', ['Plan']);
    expect(t.ok && t.value.rows[0]!.cells[0]).toBeInstanceOf(Date);
    const r = t.ok ? readTablePlan(t.value, 'plan.xlsx', problem) : t;
    expect(r.ok && r.value.visits).toEqual(visits);
    expect(r.ok && r.value.notes).toEqual([]);
  });
});
