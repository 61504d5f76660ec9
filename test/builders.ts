// Test data builders with named fields. Specs go through the real loader, so tests see normalised Problems.
import { buildProblem } from '../src/spec/load.js';
import type { Member, Problem, Visit, VisitStatus } from '../src/domain/types.js';
import type { InputIssue } from '../src/util/issues.js';
import { messageOf } from '../src/util/issues.js';

type Obj = Record<string, unknown>;

export const unit = (f: { id: string; name?: string; level?: string; parent?: string }): Obj => ({
  name: `Đảng bộ ${f.id}`,
  level: f.parent ? 'commune' : 'province',
  ...f,
});
export const cell = (f: {
  id: string;
  unit?: string;
  name?: string;
  tags?: string[];
  meeting?: Obj;
  meetings?: Obj;
  allow_consecutive?: boolean;
  active?: string;
}): Obj => ({ name: `Chi bộ ${f.id}`, unit: 'xa1', ...f });
export const member = (f: {
  id: string;
  role?: string;
  unit?: string;
  name?: string;
  team?: string;
  area?: string[];
  home_cell?: string;
  unavailable?: string[];
  quota?: unknown;
  active?: string;
}): Obj => ({
  name: `Cấp ủy viên ${f.id}`,
  role: 'commune',
  unit: 'xa1',
  ...f,
});

/** A small valid spec: a province, one commune `xa1`, the given cells and members. */
export function spec(
  f: {
    year?: number;
    policy?: unknown;
    holidays?: unknown;
    units?: Obj[];
    cells?: Obj[];
    members?: Obj[];
    fixed?: Obj[];
    meeting_defaults?: Obj;
  } = {},
): Obj {
  return {
    year: f.year ?? 2027,
    policy: f.policy ?? 'kontum-776',
    holidays: f.holidays ?? 'vn',
    ...(f.meeting_defaults ? { meeting_defaults: f.meeting_defaults } : {}),
    units: f.units ?? [unit({ id: 'tinh' }), unit({ id: 'xa1', parent: 'tinh' })],
    cells: f.cells ?? [cell({ id: 'c1' }), cell({ id: 'c2' })],
    members: f.members ?? [member({ id: 'm1' })],
    ...(f.fixed ? { fixed: f.fixed } : {}),
  };
}

export function problemOf(raw: Obj, file = 'spec.yaml'): Problem {
  const r = buildProblem(raw, file, 'sha256:test');
  if (!r.ok)
    throw new Error(
      `builder spec is invalid:\n${r.issues.map((i) => `${i.path.join('.')}: ${messageOf(i, 'en')}`).join('\n')}`,
    );
  return r.value;
}

export function issuesOf(raw: unknown, file = 'spec.yaml'): InputIssue[] {
  const r = buildProblem(raw, file, 'sha256:test');
  return r.ok ? [] : [...r.issues];
}

/** A visit of `member` to `cell`'s meeting of `month`, at the meeting's own date and time. */
export function visit(p: Problem, f: { member: string; cell: string; month: number; status?: VisitStatus }): Visit {
  const m = p.meetings.find((x) => x.cell === f.cell && x.month === f.month);
  if (!m) throw new Error(`no meeting of ${f.cell} in month ${f.month}`);
  return {
    member: f.member as Member['id'],
    cell: m.cell,
    date: m.date,
    start: m.start,
    end: m.end,
    status: f.status ?? 'planned',
  };
}
