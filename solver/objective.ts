// The soft goals, in order (SPEC §4): priority cells get more visits and earlier in the year; each member rotates
// across cells; no visit beyond what quotas and coverage need. Every visit costs VISIT_COST, less a priority bonus
// that is larger for heavier cells and earlier months but always below VISIT_COST, so no visit is ever added for the
// bonus alone; a member's second and later visit to the same cell costs ROTATION_COST more.
import { lpName } from './lp.js';
import type { ModelContext } from './context.js';

export const VISIT_COST = 100;
export const ROTATION_COST = 30;
/** Spread: each visit a member makes beyond one in the same month. */
export const SPREAD_COST = 10;

/** The bonus of a visit to a cell of priority weight `w` (sum of its tags' weights) in `month` (1–12). */
export function priorityBonus(w: number, month: number): number {
  return Math.min(90, w * (4 + (12 - month) / 3));
}

export function cellWeight(priority: Readonly<Record<string, number>>, tags: readonly string[]): number {
  return tags.reduce((s, t) => s + (priority[t] ?? 0), 0);
}

export function objective(ctx: ModelContext, opts: { rotation: boolean }): void {
  const { model, problem } = ctx;
  for (const c of ctx.candidates) {
    model.vars[c.v]!.obj =
      VISIT_COST - priorityBonus(cellWeight(problem.policy.priority, c.cell.tags), c.meeting.month);
  }
  // Spread: crowd[m,month] >= visits of m in that month - 1 (a network row: months nest in the member's periods).
  for (const [member, cands] of ctx.byMember) {
    const byMonth = new Map<number, number[]>();
    for (const c of cands)
      (byMonth.get(c.meeting.month) ?? byMonth.set(c.meeting.month, []).get(c.meeting.month)!).push(c.v);
    for (const [month, vs] of byMonth) {
      if (
        vs.length < 2 ||
        (problem.policy.maxVisitsPerDay === 1 &&
          new Set(cands.filter((c) => c.meeting.month === month).map((c) => c.meeting.date)).size < 2)
      )
        continue;
      const s = model.addVar(`spread#${lpName(member)}#${month}`, {
        lb: 0,
        ub: vs.length - 1,
        integer: false,
        obj: SPREAD_COST,
      });
      model.addRow(
        `spread#${lpName(member)}#${month}`,
        [...vs.map((v) => [v, 1] as const), [s, -1] as const],
        -Infinity,
        1,
      );
    }
  }
  if (!opts.rotation) return;
  // Rotation: repeat[m,c] >= sum_k x[m,c,k] - 1.
  for (const [member, cands] of ctx.byMember) {
    const byCell = new Map<string, number[]>();
    for (const c of cands) (byCell.get(c.cell.id) ?? byCell.set(c.cell.id, []).get(c.cell.id)!).push(c.v);
    for (const [cell, vs] of byCell) {
      if (vs.length < 2) continue;
      const r = model.addVar(`rotation#${lpName(member)}#${lpName(cell)}`, {
        lb: 0,
        ub: vs.length - 1,
        integer: false,
        obj: ROTATION_COST,
      });
      model.addRow(
        `rotation#${lpName(member)}#${lpName(cell)}`,
        [...vs.map((v) => [v, 1] as const), [r, -1] as const],
        -Infinity,
        1,
      );
    }
  }
}
