// Pinned visits (issue 26, item 1): visits the staff fix in a plan folder's pin file, DIR/pins.json, so that planning
// again (`lichdu plan --pins`, the console's plan and re-plan) keeps them as it keeps the spec's fixed visits.
import { existsSync, readFileSync } from 'node:fs';
import type { CellId, FixedVisit, MemberId, Problem } from '../domain/types.js';
import { issue, type InputIssue, type Result } from '../util/issues.js';

export const PINS_FILE = 'pins.json';

export interface Pin {
  readonly member: string;
  readonly cell: string;
  readonly date: string;
}

/** The pins of a file (none when it does not exist). */
export function readPins(path: string): Result<Pin[]> {
  if (!existsSync(path)) return { ok: true, value: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { ok: false, issues: [issue(path, [], 'pins.not-list', {})] };
  }
  const ok = (x: unknown): x is Pin =>
    x !== null &&
    typeof x === 'object' &&
    ['member', 'cell', 'date'].every((k) => typeof (x as Record<string, unknown>)[k] === 'string');
  if (!Array.isArray(raw) || !raw.every(ok)) return { ok: false, issues: [issue(path, [], 'pins.not-list', {})] };
  return { ok: true, value: raw.map((p) => ({ member: p.member, cell: p.cell, date: p.date })) };
}

/** The problem with the pins as fixed visits; a pin naming no member or no meeting of the spec is refused. */
export function withPins(problem: Problem, pins: readonly Pin[], file: string): Result<Problem> {
  const issues: InputIssue[] = [];
  const fixed: FixedVisit[] = [...problem.fixed];
  const has = new Set(fixed.map((f) => `${f.member}|${f.cell}|${f.date}`));
  pins.forEach((p, i) => {
    const member = problem.members.some((m) => m.id === p.member);
    const meeting = problem.meetings.some((m) => m.cell === p.cell && m.date === p.date);
    if (!member || !meeting) {
      issues.push(issue(file, [i], 'pins.unknown', { member: p.member, cell: p.cell, date: p.date }));
      return;
    }
    if (!has.has(`${p.member}|${p.cell}|${p.date}`))
      fixed.push({ member: p.member as MemberId, cell: p.cell as CellId, date: p.date });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { ...problem, fixed } };
}

export const pinText = (pins: readonly Pin[]) => `${JSON.stringify(pins, null, 2)}\n`;
