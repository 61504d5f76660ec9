// The decomposition (solver/regions.ts) on its own: `fullLimit: 0` keeps the monolithic full MIP out, so what is
// tested is the network bound, the day-by-day matching and the region repair.
import fc from 'fast-check';
import { mkdtempSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { violationKey } from '../support/keys.js';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { runCli } from '../../src/cli/main.js';
import type { Visit } from '../../src/domain/types.js';
import { integralFlows, solve } from '../../solver/index.js';
import { backend } from '../../solver/backends/index.js';
import type { FullFormulation } from '../../solver/formulation.js';
import { buildNetwork } from '../../solver/formulations/network.js';
import { planByRegions, toVisit } from '../../solver/regions.js';
import { rawSpec } from '../property/arbitraries.js';
import { cell, member, problemOf, spec } from '../builders.js';
// @ts-expect-error: a plain .mjs module without types
import { makeVariant } from '../../bench/instances.mjs';

const SEED = Number(process.env.FC_SEED ?? 20270108);
const policy = (over: Record<string, unknown> = {}) => ({
  id: 'test',
  roles: { commune: { quota: [{ min: 1, per: 'year' }] } },
  coverage: { min: 0, per: 'year' },
  ...over,
});
const rows = (vs: readonly Visit[]) => vs.map((v) => `${v.member}|${v.cell}|${v.date}`);
const key = violationKey;

describe('region repair', () => {
  it('when the matching needs a repeat the network charges too then it keeps every rule at the bound', async () => {
    // One member, two cells, three visits a year: one cell twice, never at consecutive meetings.
    const p = problemOf(
      spec({
        policy: policy({ roles: { commune: { quota: [{ min: 3, per: 'year' }] } }, no_consecutive: true }),
        members: [member({ id: 'm1' })],
      }),
    );
    const r = await solve(p, { timeLimitSec: 30, fullLimit: 0, construction: false });
    // The network charges the unavoidable repeat too: the matching's plan is the optimum, proven, no repair.
    expect(r.method).toBe('network');
    expect(r.visits).toHaveLength(3);
    expect(new Set(r.visits.map((v) => v.cell)).size).toBe(2);
    expect(checkPlan(p, r.visits)).toEqual([]);
    expect([r.status, r.gap]).toEqual(['optimal', 0]);
    // solve() says what it did and why: the bound and why it did not go on to the full model.
    expect(r.steps.map((s) => s.stage)).toEqual(['network', 'stop']);
    expect(r.steps[1]!.why).toBe('proven optimal');
    const mip = await solve(p, { timeLimitSec: 30, method: 'mip', construction: false });
    expect(mip.steps.map((s) => s.stage)).toEqual(['full model', 'full LP', 'stop']);
    expect(mip.steps[0]).toEqual({ stage: 'full model', why: 'asked for (method mip)' });
  });

  it('when the matching keeps the bound then solve records the network stage and why it stopped', async () => {
    const p = problemOf(spec({ policy: policy({ roles: { commune: { quota: [{ min: 1, per: 'year' }] } } }) }));
    const r = await solve(p, { timeLimitSec: 30, fullLimit: 0, construction: false });
    expect(r.steps.map((s) => s.stage)).toEqual(['network', 'stop']);
    expect(r.steps[1]!.why).toBe('proven optimal');
    // With the construction first, a plan is in hand before any LP; the bound then proves it or a better one.
    const anytime = await solve(p, { timeLimitSec: 30, fullLimit: 0 });
    expect(anytime.steps.map((s) => s.stage).slice(0, 2)).toEqual(['construction', 'network']);
    expect(anytime.objective).toBeCloseTo(r.objective!, 6);
  });

  it.each([false, true])(
    'when a member makes two visits a day at meetings of two visitors (fixed: %s) then no visit is listed twice',
    async (withFixed) => {
      const p = problemOf(
        spec({
          policy: policy({
            roles: { commune: { quota: [{ min: 2, per: 'year' }] } },
            max_visitors_per_meeting: 2,
            max_per_team_per_meeting: 2,
            max_visits_per_day: 2,
          }),
          cells: [cell({ id: 'c1' }), cell({ id: 'c2' })],
          members: [
            member({ id: 'm1', unavailable: ['2027-02-01..2027-12-31'] }),
            member({ id: 'm2', unavailable: ['2027-02-01..2027-12-31'] }),
          ],
          ...(withFixed ? { fixed: [{ member: 'm1', cell: 'c1', date: '2027-01-05' }] } : {}),
        }),
      );
      for (const fullLimit of [0, undefined]) {
        const r = await solve(p, { timeLimitSec: 30, ...(fullLimit === 0 ? { fullLimit } : {}) });
        expect(new Set(rows(r.visits)).size, JSON.stringify(r.visits)).toBe(r.visits.length);
        expect(r.visits).toHaveLength(4);
        expect(checkPlan(p, r.visits)).toEqual([]);
        expect(r.status).toBe('optimal');
      }
    },
  );

  it(
    'when random specs leave the easy structure then the checker finds exactly the reported violations and the ' +
      'gap is never negative',
    async () => {
      const seen: Record<string, number> = {};
      await fc.assert(
        fc.asyncProperty(rawSpec, fc.nat(5), fc.nat(1000), async (raw, nFixed, pick) => {
          const base = problemOf(raw);
          // Fixed visits anywhere, rule-breaking ones included (home cell, outside the area, unavailable days).
          const fixed = Array.from({ length: Math.min(nFixed, 3) }, (_, i) => {
            const m = base.members[(pick + i) % base.members.length]!;
            const mt = base.meetings[(pick * 7 + i * 13) % base.meetings.length]!;
            return { member: m.id, cell: mt.cell, date: mt.date };
          }).filter((f, i, all) => all.findIndex((g) => g.member === f.member && g.date === f.date) === i);
          const p = problemOf({ ...raw, ...(fixed.length > 0 ? { fixed } : {}) });
          const r = await solve(p, { timeLimitSec: 30, fullLimit: 0 });
          seen[r.status] = (seen[r.status] ?? 0) + 1;
          expect(r.status).not.toBe('no-plan');
          expect(new Set(rows(r.visits)).size).toBe(r.visits.length);
          expect(checkPlan(p, r.visits).map(key).sort()).toEqual(r.unmet.map(key).sort());
          expect(r.gap!).toBeGreaterThanOrEqual(0);
          expect(r.bound!).toBeLessThanOrEqual(r.objective! + 1e-6);
          // A plan taken from the matching as it is costs what the network said (exchanges included).
          if (r.method === 'network') expect(r.gap).toBe(0);
        }),
        { seed: SEED, numRuns: 40 },
      );
      console.log(`regions property: ${JSON.stringify(seen)}`);
    },
    300_000,
  );
});

describe('the repair stops at the gap target', () => {
  it('when the plan is within the gap target before every region is repaired then the rest are left', async () => {
    // M+days: cells of one commune meet on different days, so most regions' matchings repeat a cell.
    const p = problemOf((makeVariant as (k: string) => Parameters<typeof problemOf>[0])('M+days'));
    const repairs = async (gap: number) => {
      let repaired = 0;
      let toRepair = 0;
      const r = await solve(p, {
        gap,
        fullLimit: 0,
        fullLpLimit: 0,
        timeLimitSec: 60,
        onProgress: (e) => {
          repaired = Math.max(repaired, e.repaired ?? 0);
          toRepair = Math.max(toRepair, e.toRepair ?? 0);
        },
      });
      return { r, repaired, toRepair };
    };
    const all = await repairs(0);
    expect(all.repaired).toBe(all.toRepair);
    expect(all.toRepair).toBeGreaterThan(5);
    const some = await repairs(0.01);
    expect(some.toRepair).toBe(all.toRepair);
    expect(some.repaired).toBeLessThan(some.toRepair);
    // The plan is within the target, and every rule holds.
    expect(some.r.gap!).toBeLessThanOrEqual(0.01);
    expect(checkPlan(p, some.r.visits)).toEqual([]);
    // Where it stops does not depend on which of the two pieces in hand finished first: the same plan every time.
    const again = await repairs(0.01);
    expect(rows(again.r.visits)).toEqual(rows(some.r.visits));
  }, 60_000);
});

describe('families of regions', () => {
  it('when a commune meets on several days then its members are freed over all its days in one piece', async () => {
    // Cells of a commune meet on day 3, 5 or 10 (a region each): pinned to the network's days, the commune members
    // make repeats the matching cannot avoid.
    const p = problemOf((makeVariant as (k: string) => Parameters<typeof problemOf>[0])('M+days'));
    const net = buildNetwork(p);
    expect(new Set(net.family).size).toBeLessThan(net.regions.length);
    const highs = backend('highs');
    const flows = await integralFlows(net, await highs(net.model, { timeLimitSec: 60, seed: 0 }), (model) =>
      highs(model, { timeLimitSec: 60, seed: 0 }),
    );
    const pieces: Array<{ days: number; free: number }> = [];
    let asked = 0;
    const regions = await planByRegions(
      net,
      flows.value!,
      async (f: FullFormulation) => {
        const mine = f.candidates.filter((c) => !c.constant);
        pieces.push({
          days: new Set(mine.map((c) => c.date.slice(8))).size,
          free: new Set(mine.filter((c) => c.member.quotas.length > 0).map((c) => c.member.id)).size,
        });
        return (await highs(f.model, { timeLimitSec: 5, seed: 0, gap: 0 })).values;
      },
      // Round 2 goes on; round 3 (each region with its visitors free) does not.
      { goOn: () => asked++ === 0 },
    );
    // Round 2 solved pieces spanning the three meeting days with the commune's members free.
    expect(pieces.some((x) => x.days === 3 && x.free > 0)).toBe(true);
    const visits = regions.assigned.map(toVisit);
    expect(new Set(rows(visits)).size).toBe(visits.length);
    expect(checkPlan(p, visits)).toEqual([]);
  }, 60_000);
});

describe('time limit', () => {
  it('when the time limit is short then lichdu plan keeps it and still writes a plan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lichdu-limit-'));
    const specPath = join(dir, 'spec.json');
    writeFileSync(specPath, JSON.stringify((makeVariant as (k: string) => unknown)('M+monthly')));
    let err = '';
    const t0 = Date.now();
    const code = await runCli(['plan', specPath, '-o', join(dir, 'out'), '--time-limit', '2'], {
      out: () => undefined,
      err: (s) => void (err += s),
    });
    const wall = (Date.now() - t0) / 1000;
    // The spec cannot be met (commune members must visit every month, more than the meetings allow): exit 1.
    expect(code, err.slice(0, 500)).toBe(1);
    expect(existsSync(join(dir, 'out', 'plan.json'))).toBe(true);
    expect(wall).toBeLessThan(15);
  }, 60_000);
});
