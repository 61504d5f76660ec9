// Calendars (and plan.xlsx) rendered on two threads and staged as temporary files: the same bytes as one thread, in
// the same order, and nothing left behind when writing fails.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanDocument, type PlanDocument } from '../../src/planfile/index.js';
import { renderCalendars } from '../../src/export/ics.js';
import { claimOnce, stageOutputThreaded, stageShare, THREAD_MIN_VISITS } from '../../src/export/outputThreads.js';
import { abandonPlanFiles, beginPlanFiles, writePlanFiles } from '../../src/export/planFiles.js';
import type { Visit } from '../../src/domain/types.js';
import { renderPlanXlsx } from '../../src/export/xlsx.js';
import { loadSpecFile, parseSpec } from '../../src/spec/load.js';
// @ts-expect-error: a benchmark script in JavaScript, without types
import { makeVariant } from '../../bench/instances.mjs';
import { abortStaged, type Staged } from '../../src/util/atomic.js';

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

describe("plan.xlsx's claim", () => {
  it('when the threads share the workbook then exactly the one that claims it makes it', async () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-ics-threads-'));
    const workbook = { path: join(d, 'plan.xlsx'), lang: 'vi' as const, generatedAt: doc.generatedAt };
    const made = async (claim: Int32Array, mayTake: boolean) => {
      const into: Staged[] = [];
      // No calendars: the counter says they are all taken.
      const counter = new Int32Array(new SharedArrayBuffer(4)).fill(1 << 30);
      await stageShare({ doc, opts, dir: d, counter, workbook, workbookClaim: claim }, into, mayTake);
      abortStaged(into);
      return into.map((f) => f.path);
    };
    const fresh = () => new Int32Array(new SharedArrayBuffer(4));
    // Free: taken, and then no longer free.
    const claim = fresh();
    expect(await made(claim, true)).toEqual([workbook.path]);
    expect(claimOnce(claim)).toBe(false);
    expect(await made(claim, true)).toEqual([]);
    // A thread left at the lowest priority leaves it, still free for the other.
    const left = fresh();
    expect(await made(left, false)).toEqual([]);
    expect(claimOnce(left)).toBe(true);
    expect(files(d)).toEqual([]);
  });
});

describe('writing begun before the plan is complete', () => {
  // A province-sized plan (two visitors a meeting on M: 2,880 visits, enough for two threads), valid or not.
  const problem = parseSpec(JSON.stringify(makeVariant('M')), 'M.json');
  if (!problem.ok) throw new Error('M spec invalid');
  const p = problem.value;
  const visits: Visit[] = p.meetings.flatMap((mt) =>
    p.members
      .filter((m) => m.eligibleCells.has(mt.cell))
      .slice(0, 2)
      .map((m) => ({ member: m.id, cell: mt.cell, date: mt.date, start: mt.start, end: mt.end, status: 'planned' })),
  );
  const writing = { lang: 'vi' as const, generatedAt: '2027-01-01T00:00:00Z', reminderMinutes: 1440 };
  const solver = { status: 'optimal', objective: 1 };
  const contents = (d: string) => files(d).map((f) => [f.slice(d.length), readFileSync(f, 'utf8')]);

  it('when the writing is begun and taken over then the files are those written at once, nothing more', async () => {
    expect(visits.length).toBeGreaterThan(THREAD_MIN_VISITS);
    const [a, b, c] = ['begun', 'once', 'other'].map((k) => mkdtempSync(join(tmpdir(), `lichdu-${k}-`))) as [
      string,
      string,
      string,
    ];
    const begun = beginPlanFiles(a, p, { visits }, writing);
    expect(begun.started).toBeDefined();
    await writePlanFiles(a, p, { visits, solver }, [], { ...writing, begun });
    await writePlanFiles(b, p, { visits, solver }, [], writing);
    expect(contents(a)).toEqual(contents(b));
    // Begun with other visits: undone, and the plan written as if it had not been.
    const other = beginPlanFiles(c, p, { visits: visits.slice(1) }, writing);
    await writePlanFiles(c, p, { visits, solver }, [], { ...writing, begun: other });
    await other.started!.answer;
    expect(contents(c)).toEqual(contents(b));
  });

  it('when begun writing is abandoned then nothing it staged is left', async () => {
    const d = mkdtempSync(join(tmpdir(), 'lichdu-abandoned-'));
    await abandonPlanFiles(beginPlanFiles(d, p, { visits }, writing));
    expect(files(d)).toEqual([]);
  });
});
