// The workbook is the whole input, both ways (issue 24, item 4): any spec written by `lichdu export workbook` and read
// back by `lichdu import` gives the same problem — the same meetings, members, quotas, absences, service periods,
// agreed visits and rules — so the same plan. Random specs use every field the workbook carries: weekday-of-month
// meeting rules, a unit's meeting rule, the common rule, extra holidays and days kept, explicit dates, service periods,
// own quotas, areas, teams, home cells, an inline policy or a preset.
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { parseSpec } from '../../src/spec/load.js';
import type { Problem } from '../../src/domain/types.js';
import { rawSpec } from '../property/arbitraries.js';

const pad = (n: number) => String(n).padStart(2, '0');
const date = (m: number, d: number) => `2027-${pad(m)}-${pad(d)}`;

const extras = fc.record({
  weekdayRules: fc.array(
    fc.option(fc.constantFrom('first saturday', 'last friday', 'second monday', 'third sunday', 'fourth wednesday'), {
      nil: undefined,
    }),
    { minLength: 4, maxLength: 4 },
  ),
  times: fc.array(fc.option(fc.constantFrom('07:30', '08:00', '14:00', '19:30'), { nil: undefined }), {
    minLength: 4,
    maxLength: 4,
  }),
  unitRule: fc.option(fc.record({ day: fc.integer({ min: 1, max: 28 }), time: fc.constantFrom('08:00', '19:00') }), {
    nil: undefined,
  }),
  defaults: fc.option(
    fc.record({
      day: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.constant('first saturday')),
      time: fc.constantFrom('07:30', '19:30'),
      duration_minutes: fc.constantFrom(90, 120, 150),
    }),
    { nil: undefined },
  ),
  holidayAdd: fc.array(fc.record({ m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 25 }) }), {
    maxLength: 2,
  }),
  explicit: fc.option(fc.record({ m: fc.integer({ min: 2, max: 11 }), d: fc.integer({ min: 10, max: 20 }) }), {
    nil: undefined,
  }),
  memberActive: fc.array(
    fc.option(fc.constantFrom('2027-07-01..', '..2027-06-30', '2027-03-01..2027-09-30'), { nil: undefined }),
    { minLength: 4, maxLength: 4 },
  ),
  cellActive: fc.option(fc.constantFrom('2027-04-01..', '..2027-10-31'), { nil: undefined }),
  areaAll: fc.boolean(),
  preset: fc.boolean(),
  fixedOne: fc.boolean(),
});

/** A random spec with every field the workbook carries. */
const fullSpec = fc.tuple(rawSpec, extras).map(([raw, x]) => {
  const spec = structuredClone(raw) as Record<string, any>;
  spec.cells.forEach((c: Record<string, any>, i: number) => {
    if (x.weekdayRules[i]) c.meeting.day = x.weekdayRules[i];
    if (x.times[i]) c.meeting.time = x.times[i];
    if (i === 0 && x.explicit) c.meetings = { [`2027-${pad(x.explicit.m)}`]: date(x.explicit.m, x.explicit.d) };
    if (i === 0 && x.cellActive) c.active = x.cellActive;
    // A cell without its own rule takes its unit's (or the common one).
    if (i === 1 && x.unitRule) delete c.meeting;
  });
  if (x.unitRule) spec.units[1].meeting = x.unitRule;
  if (x.defaults) spec.meeting_defaults = x.defaults;
  if (x.holidayAdd.length > 0)
    spec.holidays = { preset: spec.holidays, add: x.holidayAdd.map((h) => date(h.m, h.d)), remove: [] };
  spec.members.forEach((m: Record<string, any>, i: number) => {
    if (x.memberActive[i]) m.active = x.memberActive[i];
    if (x.areaAll && m.role === 'province') m.area = spec.units.slice(1).map((u: { id: string }) => u.id);
  });
  if (x.preset) spec.policy = 'kontum-776';
  return { spec, fixedOne: x.fixedOne };
});

/** What decides a plan: everything of the problem but the hash of the file it came from. */
const planInput = (p: Problem) => ({ ...p, specHash: '' });

describe('spec → workbook → spec', () => {
  it('when any spec is written as a workbook and imported again then the problem is the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lichdu-workbook-'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fullSpec, async ({ spec, fixedOne }) => {
        const first = parseSpec(JSON.stringify(spec), 'spec.json');
        fc.pre(first.ok);
        if (!first.ok) return;
        // An agreed visit on a real meeting of someone who may attend it.
        if (fixedOne) {
          const m = first.value.meetings.find((x) => x.cell !== first.value.members[0]!.homeCell);
          if (m) spec.fixed = [{ member: first.value.members[0]!.id, cell: m.cell, date: m.date }];
        }
        const before = parseSpec(JSON.stringify(spec), 'spec.json');
        fc.pre(before.ok);
        if (!before.ok) return;
        const k = n++;
        const specFile = join(dir, `spec-${k}.json`);
        writeFileSync(specFile, JSON.stringify(spec));
        const book = join(dir, `book-${k}.xlsx`);
        const exported = await cli(['export', 'workbook', specFile, '-o', book]);
        expect(exported.code, exported.err).toBe(0);
        const back = join(dir, `back-${k}.yaml`);
        const imported = await cli(['import', '--workbook', book, '-o', back]);
        expect(imported.code, imported.err).toBe(0);
        const after = parseSpec(readFileSync(back), back);
        expect(after.ok).toBe(true);
        if (!after.ok) return;
        expect(planInput(after.value)).toEqual(planInput(before.value));
      }),
      { numRuns: 20, seed: 24 },
    );
    expect(n).toBeGreaterThan(10);
  }, 120_000);
});
