// lichdu who-can SPEC PLAN CELL DATE, and lichdu edit SPEC DIR (issue 26, items 1, 4, 5): who may attend a meeting
// instead (and why the others may not), and one visit changed in a plan folder — given to another member, removed or
// added — with the checker's verdict, the folder's plan files rewritten together (SEQUENCE raised on the changed event
// only) and the version kept in DIR/.lichdu-history. The console's "Đổi người dự" is these two.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueEntry } from '../domain/rules.js';
import type { Meeting, MemberId, Problem, Visit } from '../domain/types.js';
import type { Lang } from '../format/labels.js';
import { describeViolation } from '../format/violationText.js';
import { checkPlan } from '../check/index.js';
import { diffPlans } from '../replan/diff.js';
import { writePlanFiles } from '../export/planFiles.js';
import { NameIndex } from '../planfile/names.js';
import { defaultUid, readPlanFile } from '../planfile/index.js';
import { loadSpecFile } from '../spec/load.js';
import { writeFileAtomic } from '../util/atomic.js';
import type { InputIssue } from '../util/issues.js';
import { applyChange, meetingAt, whoCan, type Change, type WhoCan } from '../edit/whoCan.js';
import { PINS_FILE, pinText, readPins } from '../edit/pins.js';
import { EXIT, InputRefused, langOf, unwrap, type Io } from './io.js';
import { amount, optionIssue as issue, typedDate, withFolderLock, writeOrRefuse } from './shared.js';

export const HISTORY_DIR = '.lichdu-history';

/** The version of a plan folder: the hash of its plan.json (what a console tab loaded, to refuse a stale save). */
export function planVersion(dir: string): string {
  const path = join(dir, 'plan.json');
  return existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16) : '';
}

export interface VersionEntry {
  readonly n: number;
  readonly at: string;
  readonly what: string;
  readonly added: number;
  readonly removed: number;
  readonly moved: number;
  readonly file: string;
  readonly note: string;
}

/** The folder's saved versions, oldest first. */
export function versions(dir: string): VersionEntry[] {
  const log = join(dir, HISTORY_DIR, 'versions.json');
  return existsSync(log) ? (JSON.parse(readFileSync(log, 'utf8')) as VersionEntry[]) : [];
}

/** Keeps the folder's plan.json as a new version, with what changed from the one before. */
export function recordVersion(
  dir: string,
  what: string,
  change: { added: number; removed: number; moved: number },
  note = '',
): VersionEntry {
  const hist = join(dir, HISTORY_DIR);
  mkdirSync(hist, { recursive: true });
  const list = versions(dir);
  const n = (list.at(-1)?.n ?? 0) + 1;
  const file = `${String(n).padStart(4, '0')}.json`;
  writeFileAtomic(join(hist, file), readFileSync(join(dir, 'plan.json')));
  const entry: VersionEntry = { n, at: new Date().toISOString(), what, ...change, file, note };
  writeFileAtomic(join(hist, 'versions.json'), `${JSON.stringify([...list, entry], null, 2)}\n`);
  return entry;
}

/** Added, removed and moved visits between two plans, as a re-plan counts them (replan/diff.ts, changes.csv). */
export function compareVisits(problem: Problem, before: readonly Visit[], after: readonly Visit[]) {
  const d = diffPlans(problem, before, after, `${problem.year}-01-01`);
  return { added: d.added, removed: d.removed, moved: d.moved };
}

const SAY = {
  vi: {
    meeting: (cell: string, date: string, time: string) => `Kỳ sinh hoạt của ${cell}, ngày ${date}, ${time}`,
    now: (who: string) => `Người dự hiện nay: ${who || 'chưa có'}`,
    removal: 'Bỏ lượt dự này thì:',
    may: 'Có thể dự thay (không vi phạm quy định):',
    mayNot: 'Không thể dự thay:',
    load: (n: number) => `${n} lượt`,
    cost: (d: string) => `chi phí ${d}`,
    saved: (dir: string, n: number) => `đã lưu kế hoạch trong ${dir} (phiên bản ${n})`,
    verdictOk: 'Kế hoạch sau khi sửa đáp ứng mọi quy định.',
    verdictBad: (n: number) => `Kế hoạch sau khi sửa có ${n} vi phạm:`,
  },
  en: {
    meeting: (cell: string, date: string, time: string) => `The meeting of ${cell} on ${date}, ${time}`,
    now: (who: string) => `Attending now: ${who || 'nobody'}`,
    removal: 'Taking this visit away breaks:',
    may: 'May attend instead (no rule broken):',
    mayNot: 'May not attend:',
    load: (n: number) => `${n} visit${n === 1 ? '' : 's'}`,
    cost: (d: string) => `cost ${d}`,
    saved: (dir: string, n: number) => `saved the plan in ${dir} (version ${n})`,
    verdictOk: 'The changed plan meets every rule.',
    verdictBad: (n: number) => `The changed plan breaks ${n} rule instance(s):`,
  },
};

/** A cell (id or name), a date (dd/mm/yyyy or ISO) and optionally a member (id or name), resolved in the spec. */
export function resolveMeeting(problem: Problem, cell: string, date: string, members: readonly string[] = []) {
  const problems: InputIssue[] = [];
  const c = new NameIndex('cell', problem.cells).resolve(cell);
  if (!c.ok) problems.push(issue(cell, c.code, c.params));
  const d = typedDate(date, 'DATE');
  if (!d.ok) problems.push(...d.issues);
  const index = new NameIndex('member', problem.members);
  const ids = members.map((m) => {
    const r = index.resolve(m);
    if (!r.ok) problems.push(issue(m, r.code, r.params));
    return r.ok ? (r.id as MemberId) : ('' as MemberId);
  });
  if (problems.length > 0) throw new InputRefused(problems);
  const meeting = meetingAt(problem, c.ok ? c.id : '', d.ok ? d.value.iso : '');
  if (!meeting)
    throw new InputRefused([
      issue(date, 'edit.no-meeting', { cell: c.ok ? c.id : cell, date: d.ok ? d.value.iso : date }),
    ]);
  return { meeting, ids };
}

/** Refuses a member named as the meeting's visitor who is not one. */
function notVisitor(visits: readonly Visit[], meeting: Meeting, member: MemberId | undefined): void {
  if (member === undefined) return;
  if (!visits.some((v) => v.member === member && v.cell === meeting.cell && v.date === meeting.date))
    throw new InputRefused([issue(member, 'edit.not-visitor', { member, cell: meeting.cell, date: meeting.date })]);
}

export function whoCanText(problem: Problem, r: WhoCan, lang: Lang): string {
  const w = SAY[lang];
  const name = (id: string) => problem.members.find((m) => m.id === id)?.name ?? id;
  const cell = problem.cells.find((c) => c.id === r.meeting.cell)!;
  const names = { memberName: name, cellName: (id: string) => problem.cells.find((c) => c.id === id)?.name };
  const out = [
    `${w.meeting(cell.name, r.meeting.date, `${r.meeting.start}–${r.meeting.end}`)}`,
    w.now(r.visitors.map(name).join(', ')),
  ];
  if (r.removalBreaks.length > 0)
    out.push(w.removal, ...r.removalBreaks.map((v) => `  ${describeViolation(v, lang, names)}`));
  out.push(w.may);
  for (const c of r.candidates.filter((x) => x.ok))
    out.push(`  ✔ ${c.name} (${c.member}): ${w.load(c.load)}, ${w.cost(amount(c.costDelta, lang))}`);
  out.push(w.mayNot);
  for (const c of r.candidates.filter((x) => !x.ok))
    out.push(`  ✖ ${c.name} (${c.member}): ${c.rules.map((id) => catalogueEntry(id).label[lang]).join('; ')}`);
  return `${out.join('\n')}\n`;
}

export async function runWhoCan(
  specPath: string,
  planPath: string,
  cell: string,
  date: string,
  opts: { instead?: string; json?: boolean; lang: Lang },
  io: Io,
): Promise<number> {
  const problem = unwrap(loadSpecFile(specPath));
  const read = unwrap(await readPlanFile(planPath, problem));
  const { meeting, ids } = resolveMeeting(problem, cell, date, opts.instead !== undefined ? [opts.instead] : []);
  notVisitor(read.plan.visits, meeting, ids[0]);
  const r = whoCan(problem, read.plan.visits, meeting, ids[0]);
  if (opts.json) io.out(`${JSON.stringify({ ...r, issues: [] }, null, 2)}\n`);
  else io.out(whoCanText(problem, r, opts.lang));
  return EXIT.ok;
}

export interface EditOptions {
  readonly cell: string;
  readonly date: string;
  /** Give the visit of `from` (or the meeting's only visitor) to this member. */
  readonly to?: string;
  readonly from?: string;
  readonly remove?: string;
  readonly add?: string;
  readonly pin?: string;
  readonly unpin?: string;
  /** The folder's version the change was made on (the console's tab): a save over another version is refused. */
  readonly expect?: string;
  readonly generatedAt?: string;
  readonly lang: Lang;
  readonly reminderMinutes: number;
}

/** Applies one change to DIR's plan and writes it; returns the checker's violations of the changed plan. */
export async function editPlan(specPath: string, dir: string, opts: EditOptions, io: Io): Promise<number> {
  const problem = unwrap(loadSpecFile(specPath));
  const planPath = join(dir, 'plan.json');
  if (opts.expect !== undefined && opts.expect !== planVersion(dir))
    throw new InputRefused([issue(planPath, 'edit.stale', { dir })]);
  const read = unwrap(await readPlanFile(planPath, problem));
  const who = [opts.to, opts.from, opts.remove, opts.add, opts.pin, opts.unpin].filter(
    (x): x is string => x !== undefined,
  );
  const { meeting, ids } = resolveMeeting(problem, opts.cell, opts.date, who);
  if (opts.pin !== undefined || opts.unpin !== undefined) {
    const member = ids[who.indexOf((opts.pin ?? opts.unpin)!)]!;
    const pinsPath = join(dir, PINS_FILE);
    const pins = unwrap(readPins(pinsPath)).filter(
      (p) => !(p.member === member && p.cell === meeting.cell && p.date === meeting.date),
    );
    if (opts.pin !== undefined) {
      notVisitor(read.plan.visits, meeting, member);
      pins.push({ member, cell: meeting.cell, date: meeting.date });
    }
    writeFileAtomic(pinsPath, pinText(pins));
    const where = `${meeting.cell}, ${meeting.date} (${pinsPath})`;
    io.out(
      langOf(io) === 'vi'
        ? `${opts.pin !== undefined ? 'đã ghim' : 'đã bỏ ghim'} lượt dự của ${member} tại ${where}\n`
        : `${opts.pin !== undefined ? 'pinned' : 'unpinned'} the visit of ${member} at ${where}\n`,
    );
    return EXIT.ok;
  }
  const id = (x: string | undefined) => (x === undefined ? undefined : ids[who.indexOf(x)]);
  const visits = read.plan.visits;
  const here = visits.filter((v) => v.cell === meeting.cell && v.date === meeting.date).map((v) => v.member);
  let change: Change;
  if (opts.remove !== undefined) {
    notVisitor(visits, meeting, id(opts.remove));
    change = { kind: 'remove', meeting, member: id(opts.remove)! };
  } else if (opts.add !== undefined) change = { kind: 'add', meeting, member: id(opts.add)! };
  else {
    const from = id(opts.from) ?? here[0];
    notVisitor(visits, meeting, from);
    if (from === undefined || opts.to === undefined)
      throw new InputRefused([issue('--to', 'edit.nothing', { cell: meeting.cell, date: meeting.date })]);
    change = { kind: 'replace', meeting, from, to: id(opts.to)! };
  }
  const meetingKey = `${problem.year}-${String(meeting.month).padStart(2, '0')}`;
  const now = opts.generatedAt ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const next = applyChange(visits, change, now, (v) => v.identity?.uid ?? defaultUid({ ...v, meeting: meetingKey }));
  const violations = checkPlan(problem, next);
  // The plan as it was is the first version, so that it can be restored.
  if (versions(dir).length === 0) recordVersion(dir, 'plan', { added: 0, removed: 0, moved: 0 });
  // The document keeps its own time stamp: events that did not change keep their DTSTAMP, so calendars see one change.
  const doc = JSON.parse(readFileSync(planPath, 'utf8')) as { generated_at: string };
  await withFolderLock(dir, () =>
    writeOrRefuse(() =>
      writePlanFiles(dir, problem, { ...read.plan, visits: next }, violations, {
        lang: opts.lang,
        generatedAt: doc.generated_at,
        reminderMinutes: opts.reminderMinutes,
      }),
    ),
  );
  const v = recordVersion(dir, change.kind, compareVisits(problem, visits, next));
  const w = SAY[langOf(io)];
  const names = {
    memberName: (x: string) => problem.members.find((m) => m.id === x)?.name,
    cellName: (x: string) => problem.cells.find((c) => c.id === x)?.name,
  };
  io.out(`${w.saved(dir, v.n)}\n${violations.length === 0 ? w.verdictOk : w.verdictBad(violations.length)}\n`);
  for (const x of violations) io.out(`${describeViolation(x, langOf(io), names)}\n`);
  return violations.length === 0 ? EXIT.ok : EXIT.violations;
}

/** Restores a saved version as a new one (nothing is lost: the current plan stays in the history too). */
export async function restoreVersion(specPath: string, dir: string, n: number, lang: Lang, io: Io): Promise<number> {
  const problem = unwrap(loadSpecFile(specPath));
  const entry = versions(dir).find((v) => v.n === n);
  if (!entry) throw new InputRefused([issue(String(n), 'edit.no-version', { n, dir })]);
  const before = unwrap(await readPlanFile(join(dir, 'plan.json'), problem)).plan.visits;
  const old = unwrap(await readPlanFile(join(dir, HISTORY_DIR, entry.file), problem)).plan;
  const doc = JSON.parse(readFileSync(join(dir, HISTORY_DIR, entry.file), 'utf8')) as { generated_at: string };
  const violations = checkPlan(problem, old.visits);
  await withFolderLock(dir, () =>
    writeOrRefuse(() =>
      writePlanFiles(dir, problem, old, violations, { lang, generatedAt: doc.generated_at, reminderMinutes: 1440 }),
    ),
  );
  const v = recordVersion(dir, 'restore', compareVisits(problem, before, old.visits), String(n));
  io.out(`${SAY[lang].saved(dir, v.n)}\n`);
  return violations.length === 0 ? EXIT.ok : EXIT.violations;
}

/** The history's files, for tests and the console. */
export const historyFiles = (dir: string) =>
  existsSync(join(dir, HISTORY_DIR)) ? readdirSync(join(dir, HISTORY_DIR)).sort() : [];

/** lichdu history SPEC DIR [--restore N]. */
export async function runHistory(
  specPath: string,
  dir: string,
  opts: { restore?: number; lang: Lang },
  io: Io,
): Promise<number> {
  if (opts.restore !== undefined) return restoreVersion(specPath, dir, opts.restore, opts.lang, io);
  const vi = opts.lang === 'vi';
  const list = versions(dir);
  if (list.length === 0) io.out(vi ? `${dir}: chưa có phiên bản nào được lưu\n` : `${dir}: no saved version yet\n`);
  for (const v of list)
    io.out(
      `${v.n}  ${v.at}  ${v.what}${v.note ? ` ${v.note}` : ''}  ` +
        (vi
          ? `thêm ${v.added}, bỏ ${v.removed}, dời ${v.moved}\n`
          : `added ${v.added}, removed ${v.removed}, moved ${v.moved}\n`),
    );
  return EXIT.ok;
}

/** The visits of a plan.json's text, as far as a comparison needs them. */
export function rawVisits(text: string | undefined): Visit[] {
  if (text === undefined) return [];
  try {
    return (JSON.parse(text) as { visits: Visit[] }).visits;
  } catch {
    return [];
  }
}
