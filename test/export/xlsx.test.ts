// plan.xlsx: the same plan gives the same bytes (whenever and wherever it is written), and reads back as the visits
// with real date and time cells.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planCells, planXlsxFromFirstRow, renderPlanXlsx, renderPlanXlsxByExceljs } from '../../src/export/xlsx.js';
import { planRows } from '../../src/format/csv.js';
import type { Problem } from '../../src/domain/types.js';
import { problemAndPlan } from '../property/arbitraries.js';
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
const SEED = Number(process.env.FC_SEED ?? 20270101);

/** Names as staff type them: XML's special characters, spaces at either end, line breaks, emoji, a leading "=". */
const awkward = fc.string({
  unit: fc.constantFrom('a', 'Ư', '&', '<', '>', '"', "'", ' ', '\n', '\t', '😀', '=', '_x0041_'),
  maxLength: 8,
});

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

  it('when random plans are written then the workbook is byte for byte the one exceljs writes alone', async () => {
    const cases = fc.sample(fc.tuple(problemAndPlan, fc.array(awkward, { minLength: 3, maxLength: 3 })), {
      seed: SEED,
      numRuns: 25,
    });
    let rows = 0;
    for (const [{ problem, plan }, [memberName, cellName, unitName]] of cases) {
      // Every member, cell and unit renamed with awkward text (each still its own name).
      const named: Problem = {
        ...problem,
        members: problem.members.map((m, i) => ({ ...m, name: `${memberName}${i}` })),
        cells: problem.cells.map((c, i) => ({ ...c, name: `${i}${cellName}` })),
        units: problem.units.map((u) => ({ ...u, name: `${unitName}${u.name}${unitName}` })),
      };
      for (const lang of ['vi', 'en'] as const) {
        const fast = await planXlsxFromFirstRow(planCells(planRows(named, plan, lang)), lang, '2027-01-01T00:00:00Z');
        const alone = await renderPlanXlsxByExceljs(named, plan, lang, '2027-01-01T00:00:00Z');
        expect(fast?.equals(alone)).toBe(true);
        rows += plan.length;
      }
    }
    // Plans with rows were compared, not only empty ones.
    expect(rows).toBeGreaterThan(200);
  });
});
