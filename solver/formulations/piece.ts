// A piece: the full formulation of a few cells alone, small enough for the in-process solver whatever the province.
// Inside the piece, `free` members are planned freely (their visits elsewhere stay, as constants that still count
// toward their quotas, visits per day, spread and rotation), and `pinned` members keep the number of visits they
// make there on each day (from the network solution or the current plan), the model only choosing the meetings.
// Every rule's rows come from the rule modules (buildFull); the pins are this file's own rows.
import type { Cell, CellId, IsoDate, Meeting, Member, MemberId, Problem } from '../../src/domain/types.js';
import { groupBy, Table2 } from '../../src/domain/group.js';
import { rowName, SHORTFALL_COST, type FullFormulation } from '../formulation.js';
import { forbiddenBy } from '../rules/index.js';
import { buildFull, type Pair } from './full.js';
import type { Assigned } from './networkDecode.js';

export interface Pin {
  readonly member: Member;
  readonly date: IsoDate;
  readonly month: number;
  readonly n: number;
}

export interface PieceInput {
  readonly cells: ReadonlySet<CellId>;
  readonly free: ReadonlySet<MemberId>;
  readonly pins: readonly Pin[];
  /** The free members' visits outside the piece's cells. */
  readonly elsewhere: readonly Assigned[];
}

export interface Piece {
  readonly input: PieceInput;
  readonly problem: Problem;
  readonly pairs: readonly Pair[];
  readonly constants: readonly Pair[];
}

/** The piece's sub-problem and candidate pairs, without building the model (its size decides whether to). */
export function planPiece(problem: Problem, input: PieceInput): Piece {
  const cells = problem.cells.filter((c) => input.cells.has(c.id));
  const cellById = new Map<string, Cell>(problem.cells.map((c) => [c.id, c]));
  const meetings = problem.meetings.filter((m) => input.cells.has(m.cell));
  const pinned = groupBy(input.pins, (p) => p.member.id as MemberId);
  const members = problem.members
    .filter((m) => input.free.has(m.id) || pinned.has(m.id))
    .map((m) => (input.free.has(m.id) ? m : { ...m, quotas: [] }));
  const inPiece = new Set(members.map((m) => m.id as string));
  const fixed = problem.fixed.filter((f) => input.cells.has(f.cell) && inPiece.has(f.member));
  const sub: Problem = { ...problem, cells, meetings, members, fixed };
  const isFixed = new Table2<string, string, Set<string>>(); // member, cell -> dates
  for (const f of fixed) isFixed.upsert(f.member, f.cell, () => new Set()).add(f.date);
  const meetingsOf = groupBy(meetings, (m) => m.cell as string);
  const pairs: Pair[] = [];
  for (const member of members) {
    const pins = pinned.get(member.id);
    const onPinnedDay = pins ? new Table2<IsoDate, number, true>() : undefined;
    for (const p of pins ?? []) if (p.n > 0) onPinnedDay!.upsert(p.date, p.month, () => true);
    for (const cell of cells) {
      const dates = isFixed.get(member.id, cell.id);
      if (!member.eligibleCells.has(cell.id) && !dates) continue;
      for (const meeting of meetingsOf.get(cell.id) ?? []) {
        const held = dates?.has(meeting.date) ?? false;
        if (onPinnedDay && !onPinnedDay.get(meeting.date, meeting.month) && !held) continue;
        if (!held && forbiddenBy(sub, member, cell, meeting).length > 0) continue;
        pairs.push({ member, cell, meeting, held });
      }
    }
  }
  const constants = input.elsewhere
    .filter((a) => !input.cells.has(a.meeting.cell))
    .map((a) => ({ member: a.member, cell: cellById.get(a.meeting.cell)!, meeting: a.meeting, held: true }));
  return { input, problem: sub, pairs, constants };
}

/**
 * The piece's model: the full formulation of its sub-problem, and a row per pin (a missing visit costs a shortfall).
 * With `noRepeat`, no member visits a cell of the piece twice (a hard row, much tighter in the LP than rotation's
 * penalty): the model to try first, since a plan without repeats costs what the network said.
 */
export function buildPiece(
  piece: Piece,
  opts: { readonly noRepeat?: boolean; readonly seats?: ReadonlyMap<Meeting, number> } = {},
): FullFormulation {
  const f = buildFull(piece.problem, { pairs: piece.pairs, constants: piece.constants });
  // With `seats`, each meeting gets exactly that many visitors (the network's): every plan then costs the same, and
  // the first one found is optimal.
  for (const [meeting, n] of opts.seats ?? []) {
    const xs = (f.meetingTerms.get(meeting) ?? []).map((c) => f.model.one(c.v));
    if (xs.length > 0) f.model.addRow(rowName('seats', meeting.cell, meeting.month), xs, n, n);
  }
  if (opts.noRepeat) {
    const once = new Table2<MemberId, string, number[]>();
    for (const c of f.candidates) if (c.held === 0) once.upsert(c.member.id, c.cell.id, () => []).push(c.v);
    for (const [member, cell, xs] of once.entries())
      if (xs.length > 1)
        f.model.addRow(
          rowName('once', member, cell),
          xs.map((x) => f.model.one(x)),
          -Infinity,
          1,
        );
  }
  const byDay = new Table2<MemberId, IsoDate, Map<number, number[]>>();
  for (const c of f.candidates) {
    if (c.constant) continue;
    const byMonth = byDay.upsert(c.member.id, c.date, () => new Map());
    byMonth.set(c.month, [...(byMonth.get(c.month) ?? []), c.v]);
  }
  for (const p of piece.input.pins) {
    if (p.n <= 0) continue;
    const xs = byDay.get(p.member.id, p.date)?.get(p.month) ?? [];
    const name = rowName('pin', p.member.id, p.date, p.month);
    const short = f.model.addVar(`${name}#short`, { lb: 0, ub: p.n, obj: SHORTFALL_COST, integer: false });
    f.model.addRow(name, [...xs.map((x) => f.model.one(x)), f.model.one(short)], p.n, p.n);
  }
  return f;
}
