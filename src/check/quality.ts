// Quality figures of a plan (the soft goals of SPEC §4), recomputed from the visits.
import { Table2 } from '../domain/group.js';
import { cellWeight } from '../domain/weights.js';
import { quarterTarget, yearlyQuota } from '../domain/workload.js';
import { periodIndex } from '../domain/periods.js';
import type { Problem, Visit } from '../domain/types.js';
import { buildContext } from './context.js';

export interface Quality {
  readonly visits: number;
  readonly cells: number;
  readonly priorityCells: number;
  /** Share of visits that go to priority cells (0–1). */
  readonly priorityVisitShare: number;
  /** Share of cells that are priority cells (0–1). */
  readonly priorityCellShare: number;
  /** Mean month (1–12) of the first visit, over visited priority cells / other cells; null when none. */
  readonly firstVisitMonthPriority: number | null;
  readonly firstVisitMonthOther: number | null;
  readonly unvisitedCells: number;
  /** The most visits one member makes to one cell, and one such pair. */
  readonly maxVisitsMemberCell: number;
  readonly maxVisitsPair?: { readonly member: string; readonly cell: string };
  /** Visits per quarter, over all members. */
  readonly visitsPerQuarter: readonly number[];
  /** Members with a yearly quota of 4 or more, and how many of them visit in every quarter. */
  readonly spreadMembers: number;
  readonly spreadEveryQuarter: number;
  /** Members whose quarters all hold ⌊q/4⌋ to ⌈q/4⌉ visits, of those with a quota. */
  readonly spreadOnTarget: number;
  readonly membersWithQuota: number;
  /** Visits beyond the yearly quota, fewest and most over members with a quota; null when none has one. */
  readonly extraVisitsMin: number | null;
  readonly extraVisitsMax: number | null;
}

/** A cell's priority weight under the problem's policy (src/domain/weights.ts). */
export const priorityOf = (problem: Problem, tags: readonly string[]): number =>
  cellWeight(problem.policy.priority, tags);

export function quality(problem: Problem, visits: readonly Visit[]): Quality {
  const ctx = buildContext(problem, visits);
  const isPriority = new Map(problem.cells.map((c) => [c.id as string, priorityOf(problem, c.tags) > 0]));
  const priorityCells = problem.cells.filter((c) => isPriority.get(c.id)).length;
  const firstMonth = new Map<string, number>();
  const pair = new Table2<string, string, { n: number }>();
  let toPriority = 0;
  for (const v of visits) {
    if (isPriority.get(v.cell)) toPriority++;
    const m = ctx.monthOfVisit(v);
    const prev = firstMonth.get(v.cell);
    if (prev === undefined || m < prev) firstMonth.set(v.cell, m);
    pair.upsert(v.member, v.cell, () => ({ n: 0 })).n++;
  }
  const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
  const months = (p: boolean) =>
    problem.cells.filter((c) => isPriority.get(c.id) === p && firstMonth.has(c.id)).map((c) => firstMonth.get(c.id)!);
  let maxVisitsMemberCell = 0;
  let maxVisitsPair: { member: string; cell: string } | undefined;
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const pairs = [...pair.entries()].sort(([m1, c1], [m2, c2]) => byId(m1, m2) || byId(c1, c2));
  for (const [member, cell, { n }] of pairs) {
    if (n > maxVisitsMemberCell) {
      maxVisitsMemberCell = n;
      maxVisitsPair = { member, cell };
    }
  }
  const quarterOfVisit = (v: Visit) => periodIndex('quarter', ctx.monthOfVisit(v));
  const visitsPerQuarter = [0, 0, 0, 0];
  for (const v of visits) visitsPerQuarter[quarterOfVisit(v)]!++;
  const byMember = new Map<string, number[]>();
  for (const v of visits) {
    const qs = byMember.get(v.member) ?? [0, 0, 0, 0];
    qs[quarterOfVisit(v)]!++;
    byMember.set(v.member, qs);
  }
  let spreadMembers = 0;
  let spreadEveryQuarter = 0;
  let spreadOnTarget = 0;
  const extras: number[] = [];
  for (const m of problem.members) {
    const q = yearlyQuota(m);
    if (q <= 0) continue;
    const qs = byMember.get(m.id) ?? [0, 0, 0, 0];
    const t = quarterTarget(q);
    if (qs.every((n) => n >= t.min && n <= t.max)) spreadOnTarget++;
    if (q >= 4) {
      spreadMembers++;
      if (qs.every((n) => n > 0)) spreadEveryQuarter++;
    }
    extras.push(Math.max(0, qs.reduce((a, b) => a + b, 0) - q));
  }
  return {
    visits: visits.length,
    cells: problem.cells.length,
    priorityCells,
    priorityVisitShare: visits.length === 0 ? 0 : toPriority / visits.length,
    priorityCellShare: problem.cells.length === 0 ? 0 : priorityCells / problem.cells.length,
    firstVisitMonthPriority: mean(months(true)),
    firstVisitMonthOther: mean(months(false)),
    unvisitedCells: problem.cells.filter((c) => !firstMonth.has(c.id)).length,
    maxVisitsMemberCell,
    ...(maxVisitsPair ? { maxVisitsPair } : {}),
    visitsPerQuarter,
    spreadMembers,
    spreadEveryQuarter,
    spreadOnTarget,
    membersWithQuota: extras.length,
    extraVisitsMin: extras.length === 0 ? null : Math.min(...extras),
    extraVisitsMax: extras.length === 0 ? null : Math.max(...extras),
  };
}
