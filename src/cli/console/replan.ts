// Re-plan from a date in the console (issue 26, item 2): `lichdu plan SPEC --previous DIR/plan.json --from DATE
// --attendance DIR/diem-danh.csv` written into a proposal folder beside the plan, its changes shown (before → after)
// for the user to accept — the proposal's files then written into the workspace as they are — or discard.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlan } from '../../check/index.js';
import type { Visit } from '../../domain/types.js';
import { escapeHtml as h } from '../../export/feedSheet.js';
import { CHANGES_FILE, writePlanFiles } from '../../export/planFiles.js';
import type { Lang } from '../../format/labels.js';
import { readPlanFile } from '../../planfile/index.js';
import { dateText } from '../../report/html.js';
import type { InputIssue } from '../../util/issues.js';
import { compareVisits, planVersion, rawVisits, recordVersion } from '../edit.js';
import { runPlan } from '../plan.js';
import { withFolderLock, writeOrRefuse } from '../shared.js';
import { attendancePath } from './attendance.js';
import { planDefaults, type Loaded } from './workspace.js';

export const PROPOSAL_DIR = '.lichdu-proposal';

export const RW = {
  vi: {
    title: 'Lập lại kế hoạch từ một ngày',
    from: 'Từ ngày',
    make: 'Xem các thay đổi',
    changes: (n: number) => `${n} lượt dự thay đổi:`,
    none: 'Không lượt dự nào thay đổi.',
    accept: 'Chấp nhận',
    discard: 'Bỏ',
    accepted: 'Đã áp dụng kế hoạch mới',
    discarded: 'Đã bỏ đề xuất; kế hoạch giữ nguyên',
    before: 'Trước',
    after: 'Sau',
    meeting: 'Kỳ sinh hoạt',
    nobody: 'không ai',
  },
  en: {
    title: 'Re-plan from a date',
    from: 'From',
    make: 'See the changes',
    changes: (n: number) => `${n} visit(s) change:`,
    none: 'No visit changes.',
    accept: 'Accept',
    discard: 'Discard',
    accepted: 'The new plan is in place',
    discarded: 'The proposal is discarded; the plan stays as it was',
    before: 'Before',
    after: 'After',
    meeting: 'Meeting',
    nobody: 'nobody',
  },
};

/** Makes the proposal; its exit code and what it said. */
export async function propose(
  l: Loaded,
  dir: string,
  from: string,
  lang: Lang,
): Promise<{ code: number; log: string; issues: readonly InputIssue[] }> {
  const out = join(dir, PROPOSAL_DIR);
  rmSync(out, { recursive: true, force: true });
  let log = '';
  let issues: readonly InputIssue[] = [];
  const att = attendancePath(dir);
  let code: number;
  try {
    code = await runPlan(
      l.specPath,
      {
        ...planDefaults(dir, lang),
        out,
        previous: join(dir, 'plan.json'),
        from,
        ...(att ? { attendance: att } : {}),
        quiet: true,
      },
      { out: (s) => void (log += s), err: (s) => void (log += s), lang },
    );
  } catch (err) {
    issues = (err as { issues?: readonly InputIssue[] }).issues ?? [];
    if (issues.length === 0) throw err;
    code = 2;
  }
  return { code, log, issues };
}

/** The proposal's changes, meeting by meeting: who attended before and who after. */
export function proposalPage(l: Loaded, dir: string, csrf: string, lang: Lang): string {
  const w = RW[lang];
  const before = rawVisits(readFileSync(join(dir, 'plan.json'), 'utf8'));
  const after = rawVisits(readFileSync(join(dir, PROPOSAL_DIR, 'plan.json'), 'utf8'));
  const at = (v: Visit) => `${v.cell}|${v.date}`;
  const who = (list: readonly Visit[]) => {
    const m = new Map<string, string[]>();
    for (const v of list) m.set(at(v), [...(m.get(at(v)) ?? []), v.member]);
    return m;
  };
  const b = who(before);
  const a = who(after);
  const name = (id: string) => l.problem.members.find((m) => m.id === id)?.name ?? id;
  const cellName = (id: string) => l.problem.cells.find((c) => c.id === id)?.name ?? id;
  const keys = [...new Set([...b.keys(), ...a.keys()])].sort((x, y) => (x.split('|')[1]! < y.split('|')[1]! ? -1 : 1));
  const rows = keys
    .filter((k) => (b.get(k) ?? []).sort().join() !== (a.get(k) ?? []).sort().join())
    .map((k) => {
      const [cell, date] = k.split('|') as [string, string];
      const list = (x: string[] | undefined) => (x && x.length > 0 ? x.map(name).join(', ') : w.nobody);
      return (
        `<tr><td>${h(cellName(cell))}, ${dateText(date, lang)}</td><td>${h(list(b.get(k)))}</td>` +
        `<td>${h(list(a.get(k)))}</td></tr>`
      );
    });
  const c = compareVisits(l.problem, before, after);
  const count = c.added + c.removed + c.moved;
  const version = planVersion(dir);
  const button = (action: string, label: string) =>
    `<form method="post" action="${action}" class="inline"><input type="hidden" name="csrf" value="${csrf}">` +
    `<input type="hidden" name="version" value="${version}"><button type="submit">${label}</button></form>`;
  return (
    (rows.length === 0
      ? `<p>${w.none}</p>`
      : `<p>${w.changes(count)}</p><table class="changes"><caption>${w.changes(count)}</caption><thead><tr>` +
        `<th scope="col">${w.meeting}</th><th scope="col">${w.before}</th><th scope="col">${w.after}</th></tr>` +
        `</thead>` +
        `<tbody>${rows.join('')}</tbody></table>`) +
    `<p>${button('/replan/accept', w.accept)} ${button('/replan/discard', w.discard)}</p>`
  );
}

/** Writes the proposal's plan into the workspace as it is (its identities, cancelled events and changes.csv). */
export async function acceptProposal(l: Loaded, dir: string, lang: Lang): Promise<void> {
  const proposal = join(dir, PROPOSAL_DIR);
  const read = await readPlanFile(join(proposal, 'plan.json'), l.problem);
  if (!read.ok) throw new Error(read.issues.map((i) => i.code).join(', '));
  const doc = JSON.parse(readFileSync(join(proposal, 'plan.json'), 'utf8')) as { generated_at: string };
  const before = readFileSync(join(dir, 'plan.json'), 'utf8');
  const changes = join(proposal, CHANGES_FILE);
  await withFolderLock(dir, () =>
    writeOrRefuse(() =>
      writePlanFiles(dir, l.problem, read.value.plan, checkPlan(l.problem, read.value.plan.visits), {
        lang,
        generatedAt: doc.generated_at,
        reminderMinutes: 1440,
        ...(existsSync(changes) ? { changesCsv: readFileSync(changes, 'utf8') } : {}),
      }),
    ),
  );
  recordVersion(dir, 'replan', compareVisits(l.problem, rawVisits(before), read.value.plan.visits));
  rmSync(proposal, { recursive: true, force: true });
}
