// Calendars (and plan.xlsx) rendered on two threads and staged as temporary files: the same bytes as one thread, in
// the same order, and nothing left behind when writing fails.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanDocument, type PlanDocument } from '../../src/planfile/index.js';
import { renderCalendars } from '../../src/export/ics.js';
import { stageOutputThreaded } from '../../src/export/outputThreads.js';
import { renderPlanXlsx } from '../../src/export/xlsx.js';
import { loadSpecFile } from '../../src/spec/load.js';
import { abortStaged } from '../../src/util/atomic.js';

const r = readPlanDocument(readFileSync('fixtures/small/plan.json', 'utf8'), 'plan.json');
if (!r.ok) throw new Error('golden plan.json unreadable');
const doc: PlanDocument = r.value;
const opts = { lang: 'vi' as const, reminderMinutes: 1440 };
const files = (d: string): string[] =>
  readdirSync(d, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));

describe('calendars on two threads', () => {
  it('when two threads stage the calendars then each staged file holds the one-thread bytes, in order', async () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-ics-threads-'));
    const { calendars: staged } = await stageOutputThreaded(doc, opts, d, { threads: 2 });
    const one = renderCalendars(doc, opts);
    expect(staged.map((s) => s.path)).toEqual(one.map((f) => join(d, 'ics', f.path)));
    for (const [i, s] of staged.entries()) expect(readFileSync(s.tmp, 'utf8'), s.path).toBe(one[i]!.data);
    abortStaged(staged);
    expect(files(d)).toEqual([]);
  });

  it('when the calendars cannot be written then both threads leave no file behind and the error says why', async () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-ics-threads-'));
    writeFileSync(join(d, 'ics'), 'a file where the folder should be');
    const workbook = { path: join(d, 'plan.xlsx'), lang: 'vi' as const, generatedAt: doc.generatedAt };
    await expect(stageOutputThreaded(doc, opts, d, { threads: 2, workbook })).rejects.toThrow(/EEXIST|ENOTDIR/);
    expect(files(d)).toEqual([join(d, 'ics')]);
  });

  it('when the second thread makes plan.xlsx then its bytes are those made from the spec on this thread', async () => {
    const loaded = loadSpecFile('fixtures/small/spec.yaml');
    if (!loaded.ok) throw new Error('fixture spec invalid');
    const d = mkdtempSync(join(tmpdir(), 'lichdu-ics-threads-'));
    const workbook = { path: join(d, 'plan.xlsx'), lang: 'vi' as const, generatedAt: doc.generatedAt };
    const out = await stageOutputThreaded(doc, opts, d, { threads: 2, workbook });
    const here = await renderPlanXlsx(loaded.value, doc.visits, 'vi', doc.generatedAt);
    expect(out.workbook?.path).toBe(workbook.path);
    expect(readFileSync(out.workbook!.tmp).equals(here)).toBe(true);
    abortStaged([...out.calendars, out.workbook!]);
    expect(files(d)).toEqual([]);
  });
});
