// Large-neighbourhood search (issue 22): free a window of the plan in hand — the cells of one unit, or of two units
// that share members, with every member who visits them and every member whose whole area lies inside — and solve
// it again exactly as a small MIP (a piece, ./../formulations/piece.ts), the rest of the plan held as it is. The
// window's new plan replaces the old when the whole plan then costs less (Incumbent.offer recomputes planCost).
// Windows come from the member–cell eligibility graph: a unit's cells, then pairs of units whose cells one member
// may both visit, largest shared membership first; rounds go on while a round improved and time is left.
import type { CellId, Member, MemberId, Problem, Visit } from '../../src/domain/types.js';
import { MeetingIndex } from '../../src/domain/plan.js';
import type { FullFormulation } from '../formulation.js';
import { buildPiece, planPiece } from '../formulations/piece.js';
import type { Assigned } from '../formulations/networkDecode.js';
import { PIECE_LIMIT, toVisit, type PieceSolver } from '../regions.js';
import type { Incumbent } from './incumbent.js';

export interface Window {
  readonly label: string;
  /** The units whose cells the window frees. */
  readonly units: ReadonlySet<string>;
  readonly cells: ReadonlySet<CellId>;
}

/** The windows of a problem, in the order they are tried: each unit's cells, then units sharing members. */
export function windowsOf(problem: Problem): Window[] {
  const cellsOf = new Map<string, CellId[]>();
  for (const c of problem.cells) {
    let list = cellsOf.get(c.unit);
    if (!list) cellsOf.set(c.unit, (list = []));
    list.push(c.id);
  }
  const unitOf = new Map(problem.cells.map((c) => [c.id as string, c.unit as string]));
  const single: Window[] = [...cellsOf].map(([unit, cells]) => ({
    label: unit,
    units: new Set([unit]),
    cells: new Set(cells),
  }));
  // Units joined by members whose area spans both: how many such members each pair has.
  const shared = new Map<string, { a: string; b: string; n: number }>();
  for (const m of problem.members) {
    const units = [...new Set([...m.eligibleCells].map((c) => unitOf.get(c)!))].sort();
    if (units.length < 2 || units.length > 12) continue;
    for (let i = 0; i < units.length; i++)
      for (let j = i + 1; j < units.length; j++) {
        const key = `${units[i]}\u0000${units[j]}`;
        const e = shared.get(key) ?? { a: units[i]!, b: units[j]!, n: 0 };
        e.n++;
        shared.set(key, e);
      }
  }
  const pairs = [...shared.values()]
    .sort((x, y) => y.n - x.n || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1))
    .map(({ a, b }) => ({
      label: `${a}+${b}`,
      units: new Set([a, b]),
      cells: new Set([...cellsOf.get(a)!, ...cellsOf.get(b)!]),
    }));
  return [...single, ...pairs];
}

export interface LnsOptions {
  /** Whether to go on: time left and the gap still above its target. */
  readonly goOn: () => boolean;
  readonly onWindow?: (done: number, of: number) => void;
}

/** Improves the plan in hand window by window; returns how many windows improved it. */
export async function improveByWindows(
  problem: Problem,
  best: Incumbent,
  solvePiece: PieceSolver,
  opts: LnsOptions,
): Promise<number> {
  const windows = windowsOf(problem);
  const memberById = new Map(problem.members.map((m) => [m.id as string, m]));
  const meetingAt = new MeetingIndex(problem.meetings);
  // The units each member may visit, once: a member is local to a window holding all of them.
  const unitOf = new Map(problem.cells.map((c) => [c.id as string, c.unit as string]));
  const unitsOf = problem.members.map((m) => ({ m, units: new Set([...m.eligibleCells].map((c) => unitOf.get(c)!)) }));
  let improved = 0;
  for (let round = 0; round < 3; round++) {
    let thisRound = 0;
    for (let i = 0; i < windows.length; i++) {
      if (!opts.goOn()) return improved;
      const w = windows[i]!;
      const plan = best.visits ?? [];
      const assigned: Assigned[] = [];
      for (const v of plan) {
        const member = memberById.get(v.member);
        const meeting = meetingAt.at(v);
        if (member && meeting) assigned.push({ member, meeting, fixed: v.status === 'fixed' });
      }
      const free = new Set<MemberId>(assigned.filter((a) => w.cells.has(a.meeting.cell)).map((a) => a.member.id));
      for (const { m, units } of unitsOf) if (units.size > 0 && [...units].every((u) => w.units.has(u))) free.add(m.id);
      if (free.size === 0) continue;
      const elsewhere = assigned.filter((a) => free.has(a.member.id) && !w.cells.has(a.meeting.cell));
      const piece = planPiece(problem, { cells: w.cells, free, pins: [], elsewhere });
      if (piece.pairs.length === 0 || piece.pairs.length > PIECE_LIMIT) continue;
      const f = buildPiece(piece);
      const values = await solvePiece(f);
      opts.onWindow?.(i + 1, windows.length);
      if (!values) continue;
      const kept = plan.filter((v) => !w.cells.has(v.cell) || !free.has(v.member as MemberId));
      const next: Visit[] = [...kept, ...chosenIn(f, values, memberById)];
      if (best.offer(next, 'improvement')) thisRound++;
    }
    improved += thisRound;
    if (thisRound === 0) break;
  }
  return improved;
}

/** The visits a piece's solution chooses (its constants are visits elsewhere, kept, not chosen). */
function chosenIn(f: FullFormulation, values: Float64Array, memberById: ReadonlyMap<string, Member>): Visit[] {
  return f.candidates
    .filter((c) => !c.constant && values[c.v]! > 0.5)
    .map((c) => toVisit({ member: memberById.get(c.member.id)!, meeting: c.meeting, fixed: c.held > 0 }));
}
