// lichdu console (issue 25): a local web page over one workspace folder, a thin layer over the commands — an upload
// is `lichdu import` (or the spec loader), "Lập kế hoạch" is `lichdu plan SPEC -o DIR` with its progress streamed
// (server-sent events) and a stop that keeps the best plan, the downloads are the files the commands write (the
// report and the links page made by `lichdu report` and `lichdu feeds`). node:http alone: a handful of routes on
// loopback need exact control of headers, limits and the security checks, which a framework would only wrap.
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, extname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import busboy from 'busboy';
import type { Lang } from '../../format/labels.js';
import { escapeHtml as h } from '../../export/feedSheet.js';
import { issue, type InputIssue } from '../../util/issues.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { loadSpecFile } from '../../spec/load.js';
import { xlsxTable } from '../../planfile/table.js';
import { cellText } from '../../planfile/values.js';
import type { Progress } from '../../../solver/index.js';
import { runCli } from '../main.js';
import { runPlan, statusWord } from '../plan.js';
import { catalogueEntry } from '../../domain/rules.js';
import { checkPlan } from '../../check/index.js';
import { describeViolation } from '../../format/violationText.js';
import { applyChange, whoCan, type Change } from '../../edit/whoCan.js';
import type { MemberId } from '../../domain/types.js';
import { compareVisits, editPlan, planVersion, rawVisits, recordVersion, restoreVersion, versions } from '../edit.js';
import { percent, amount } from '../shared.js';
import { dateText } from '../../report/html.js';
import { makeGuard, type Guard } from './security.js';
import { CONSOLE_CSS, CONSOLE_JS } from './assets.js';
import {
  calendarPage,
  cellPage,
  cellsPage,
  CW,
  issuesTable,
  layout,
  memberPage,
  membersPage,
  unitPage,
  unitsPage,
  violationItem,
} from './pages.js';
import { planDefaults, Workspace, WORKBOOK_FILE, type Loaded } from './workspace.js';
import { acceptProposal, propose, proposalPage, PROPOSAL_DIR, RW } from './replan.js';
import { ATTENDANCE_FILES, attendancePage, AW, compliancePage, readAttendance } from './attendance.js';
import { readAttendanceFile, type Recorded } from '../../attendance/file.js';
import { renderAttendanceTemplate } from '../../export/attendanceTemplate.js';
import type { IsoDate, Visit } from '../../domain/types.js';

/** Uploads larger than this are refused before they are read (a province's workbook is a few MB). */
export const MAX_UPLOAD_BYTES = 32 * 1024 * 1024;

export interface ConsoleOptions {
  readonly dir: string;
  readonly port: number;
  readonly lang: Lang;
  /** A fixed token (tests); a random one otherwise. */
  readonly token?: string;
  /** The largest upload taken (default MAX_UPLOAD_BYTES). */
  readonly maxUploadBytes?: number;
  readonly log: (line: string) => void;
}

export interface ConsoleServer {
  readonly url: string;
  readonly token: string;
  readonly server: Server;
  /** Stops accepting, stops a running plan (its best plan is written) and closes. */
  close(): Promise<void>;
}

interface PlanRun {
  readonly controller: AbortController;
  readonly startedAt: number;
  last?: Progress;
  done?: { code: number; log: string };
  readonly finished: Promise<void>;
}

const DOWNLOADS: Record<string, { file: string; type: string }> = {
  'plan.xlsx': { file: 'plan.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  'plan.csv': { file: 'plan.csv', type: 'text/csv; charset=utf-8' },
  'plan.json': { file: 'plan.json', type: 'application/json' },
  'report.html': { file: 'report.html', type: 'text/html; charset=utf-8' },
  'report.xlsx': { file: 'report.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
};

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on the console's own forms.
  'Referrer-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra = {}): void {
  const data = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(data.length), ...extra });
  res.end(data);
}

const redirect = (res: ServerResponse, to: string, extra = {}): void => {
  res.writeHead(303, { ...SECURITY_HEADERS, Location: to, 'Content-Length': '0', ...extra }).end();
};

/** A url-encoded form body (small: the console's own forms), bounded. */
function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 64 * 1024) {
        reject(new Error('form too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

export async function startConsole(opts: ConsoleOptions): Promise<ConsoleServer> {
  const lang = opts.lang;
  const w = CW[lang];
  const guard: Guard = makeGuard(opts.token);
  const ws = new Workspace(opts.dir, lang);
  const maxUpload = opts.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  let port = opts.port;
  let run: PlanRun | undefined;
  let flash: { ok?: string; issues?: readonly InputIssue[]; rows?: string } | undefined;
  const listeners = new Set<ServerResponse>();

  const broadcast = (event: string, data: unknown) => {
    for (const res of listeners) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const progressOf = (p: Progress | undefined, running: boolean) => ({
    running,
    stage: p ? (w.stage[p.phase] ?? p.phase) : (w.stage.construction ?? ''),
    cost: p?.cost !== undefined ? amount(p.cost, lang) : '–',
    bound: p?.bound !== undefined ? amount(p.bound, lang) : '–',
    gap: p?.gap !== undefined ? percent(p.gap, lang) : '–',
    value: p?.gap !== undefined ? Math.max(0, Math.min(100, Math.round(100 * (1 - p.gap)))) : undefined,
  });

  const page = (res: ServerResponse, title: string, body: string, active: string, status = 200) =>
    send(res, status, 'text/html; charset=utf-8', layout(lang, title, body, active));

  async function home(res: ServerResponse): Promise<void> {
    const l = await ws.load();
    const out: string[] = [];
    out.push(`<p>${w.workspace}: <code>${h(opts.dir)}</code></p>`);
    out.push(`<section aria-labelledby="data"><h2 id="data">${w.data}</h2>`);
    if (l === undefined) out.push(`<p>${w.noSpec}</p>`);
    else if ('issues' in l) out.push(issuesTable(l.issues, lang));
    else {
      const p = l.problem;
      out.push(
        `<p>${h(
          w.specIs(basename(l.specPath), p.units.length, p.cells.length, p.members.length, p.year, p.policy.id),
        )}</p>`,
      );
    }
    if (flash?.ok) out.push(`<p class="ok" role="status">${h(flash.ok)}</p>`);
    if (flash?.issues) out.push(`<div role="alert">${issuesTable(flash.issues, lang)}${flash.rows ?? ''}</div>`);
    out.push(
      `<form method="post" action="/upload" enctype="multipart/form-data"><input type="hidden" name="csrf" ` +
        `value="${guard.csrf}"><label for="file">${w.upload}</label> <input id="file" name="file" type="file" ` +
        `accept=".xlsx,.yaml,.yml,.json" required aria-describedby="file-help"> <button type="submit">` +
        `${w.uploadButton}</button><p id="file-help" class="muted">${w.uploadHelp}</p></form></section>`,
    );
    out.push(`<section aria-labelledby="plan"><h2 id="plan">${w.plan}</h2>`);
    const loaded = l !== undefined && !('issues' in l) ? l : undefined;
    const running = run !== undefined && run.done === undefined;
    const pr = progressOf(run?.last, running);
    out.push(
      `<div id="progress" data-running="${running ? 1 : 0}"${running ? '' : ' hidden'}>` +
        `<div class="bar" role="progressbar" aria-label="${w.progressLabel}" aria-valuemin="0" aria-valuemax="100"` +
        `${pr.value !== undefined ? ` aria-valuenow="${pr.value}"` : ''}` +
        ` aria-valuetext="${h(`${pr.stage}; ${w.gap} ${pr.gap}`)}">` +
        `<span class="w${Math.round((pr.value ?? 5) / 5) * 5}"></span></div><p aria-live="polite">` +
        `<span data-k="stage">${h(pr.stage)}</span> · ${w.best} <span data-k="cost">${pr.cost}</span> · ` +
        `${w.bound} <span data-k="bound">${pr.bound}</span>` +
        ` · ${w.gap} <span data-k="gap">${pr.gap}</span></p></div>`,
    );
    if (running)
      out.push(
        `<form method="post" action="/plan/stop"><input type="hidden" name="csrf" value="${guard.csrf}">` +
          `<button type="submit" id="stop">${w.stopButton}</button></form>`,
      );
    else if (loaded)
      out.push(
        `<form method="post" action="/plan"><input type="hidden" name="csrf" value="${guard.csrf}">` +
          `<button type="submit" id="make">${w.planButton}</button></form>`,
      );
    if (run?.done && run.done.code > 1)
      out.push(`<div role="alert"><pre class="log">${h(run.done.log.trim())}</pre></div>`);
    if (loaded?.plan) out.push(planSummary(loaded));
    else if (loaded?.planIssues) out.push(`<p>${w.planOther}</p>${issuesTable(loaded.planIssues, lang)}`);
    else if (loaded && !running) out.push(`<p>${w.noPlan}</p>`);
    out.push('</section>');
    if (loaded?.plan) {
      out.push(`<section aria-labelledby="downloads"><h2 id="downloads">${w.downloads}</h2><ul class="downloads">`);
      out.push(`<li><a href="/download/plan.xlsx" download>${w.dl.xlsx}</a></li>`);
      out.push(`<li><a href="/download/plan.csv" download>${w.dl.csv}</a></li>`);
      out.push(`<li><a href="/download/plan.json" download>${w.dl.json}</a></li>`);
      out.push(`<li><a href="/download/report.html" download>${w.dl.report}</a></li>`);
      out.push(`<li><a href="/download/report.xlsx" download>${w.dl.reportXlsx}</a></li>`);
      out.push(`<li><a href="/download/lich.zip" download>${w.dl.ics}</a></li></ul>`);
      out.push(
        `<form method="get" action="/download/duong-dan.html"><label for="base">${w.baseUrl}</label> ` +
          `<input id="base" name="base" type="url" required value="https://lich.example.vn"> ` +
          `<button type="submit">${w.dl.feeds}</button></form></section>`,
      );
    }
    page(res, w.nav.home, out.join('\n'), 'home');
  }

  function planSummary(l: Loaded): string {
    const { data, violations, solver } = l.plan!;
    const { status, gap } = solver;
    const said = w.planStatus(statusWord(status, lang), gap !== undefined ? percent(gap, lang) : '–');
    const head =
      `<p class="done" role="status"><strong>${w.planned}</strong>: ${h(said)}; ` +
      `${h(w.visitCount(data.visits.length))}.</p>`;
    if (violations.length === 0) return `${head}<p class="ok">${w.allHold}</p>`;
    return (
      `${head}<p class="bad">${w.broken(violations.length)}</p><ul class="violations">` +
      violations
        .slice(0, 200)
        .map((v) => violationItem(v, l.problem, lang))
        .join('') +
      '</ul>'
    );
  }

  async function view(res: ServerResponse, url: URL): Promise<void> {
    const l = await ws.load();
    if (l === undefined || 'issues' in l) return redirect(res, '/');
    const parts = url.pathname
      .split('/')
      .filter((x) => x !== '')
      .map(decodeURIComponent);
    const [what, id] = parts;
    const one = (r: { title: string; body: string } | undefined, active: string) =>
      r ? page(res, r.title, r.body, active) : page(res, w.notFound, `<p>${w.notFound}</p>`, active, 404);
    if (what === 'members')
      return id
        ? one(memberPage(l, id, lang), 'members')
        : page(res, w.nav.members, membersPage(l, url.searchParams, lang), 'members');
    if (what === 'cells' && parts[2] === 'change') return changePage(res, l, id!, url.searchParams);
    if (what === 'history') return historyPage(res);
    if (what === 'cells' && id) {
      const said = flash?.ok ? `<p class="ok" role="status">${h(flash.ok)}</p>` : '';
      flash = undefined;
      const r = cellPage(l, id, lang);
      return r ? page(res, r.title, said + r.body, 'cells') : one(r, 'cells');
    }
    if (what === 'cells')
      return id
        ? one(cellPage(l, id, lang), 'cells')
        : page(res, w.nav.cells, cellsPage(l, url.searchParams, lang), 'cells');
    if (what === 'units')
      return id ? one(unitPage(l, id, lang), 'units') : page(res, w.nav.units, unitsPage(l, lang), 'units');
    return page(res, w.nav.calendar, calendarPage(l, url.searchParams, lang), 'calendar');
  }

  /** "Người có thể dự thay": who may attend the meeting instead, each with "Chọn"; those who may not, folded. */
  function changePage(res: ServerResponse, l: Loaded, cellId: string, q: URLSearchParams): void {
    const cell = l.problem.cells.find((c) => c.id === cellId);
    const meeting = cell && l.problem.meetings.find((m) => m.cell === cell.id && m.date === q.get('date'));
    if (!cell || !meeting || !l.plan) return page(res, w.notFound, `<p>${w.notFound}</p>`, 'cells', 404);
    const instead = (q.get('instead') ?? '') as MemberId;
    const visits = l.plan.doc.visits;
    const replacing = visits.some((v) => v.member === instead && v.cell === cell.id && v.date === meeting.date)
      ? instead
      : undefined;
    const r = whoCan(l.problem, visits, meeting, replacing);
    const name = (id: string) => l.problem.members.find((m) => m.id === id)?.name ?? id;
    const names = { memberName: name, cellName: (id: string) => l.problem.cells.find((c) => c.id === id)?.name };
    const hidden = (fields: Record<string, string>) =>
      Object.entries(fields)
        .map(([k, v]) => `<input type="hidden" name="${k}" value="${h(v)}">`)
        .join('');
    const base = { csrf: guard.csrf, version: planVersion(opts.dir), cell: cell.id, date: meeting.date };
    const choose = (to: string, label: string) =>
      `<form method="post" action="/edit/preview" class="inline">${hidden({
        ...base,
        kind: replacing ? 'replace' : 'add',
        to,
        ...(replacing ? { from: replacing } : {}),
      })}<button type="submit" aria-label="${h(`${label}: ${name(to)}`)}">${h(label)}</button></form>`;
    const ok = r.candidates.filter((c) => c.ok);
    const not = r.candidates.filter((c) => !c.ok);
    const out: string[] = [
      `<p>${h(w.meetingOf(cell.name, dateText(meeting.date, lang)))}, ${meeting.start}–${meeting.end}` +
        (replacing ? ` · ${h(name(replacing))}` : '') +
        '</p>',
    ];
    if (replacing) {
      if (r.removalBreaks.length > 0)
        out.push(
          `<p>${w.removalBreaks}</p><ul>${r.removalBreaks
            .map((v) => `<li>${h(describeViolation(v, lang, names).replace(/^✖ /, ''))}</li>`)
            .join('')}</ul>`,
        );
      const pinned = l.pins.some((p) => p.member === replacing && p.cell === cell.id && p.date === meeting.date);
      out.push(
        `<form method="post" action="/edit/pin">${hidden({ ...base, member: replacing, pin: pinned ? '0' : '1' })}` +
          `<button type="submit">${pinned ? w.unpin : w.pin}</button></form>`,
      );
      out.push(
        `<form method="post" action="/edit/preview">${hidden({ ...base, kind: 'remove', from: replacing })}` +
          `<button type="submit">${w.removeVisit}</button></form>`,
      );
    }
    out.push(
      `<table class="candidates"><caption>${w.candidatesTitle}</caption><thead><tr><th scope="col">${w.name}</th>` +
        `<th scope="col">${w.load}</th><th scope="col">${w.cost}</th><th scope="col">${w.choose}</th></tr></thead>` +
        '<tbody>' +
        (ok
          .map(
            (c) =>
              `<tr><td><a href="/members/${encodeURIComponent(c.member)}">${h(c.name)}</a></td>` +
              `<td class="n">${c.load}</td>` +
              `<td class="n">${amount(c.costDelta, lang)}</td><td>${choose(c.member, w.choose)}</td></tr>`,
          )
          .join('') || `<tr><td colspan="4">${w.none}</td></tr>`) +
        '</tbody></table>',
    );
    out.push(
      `<details><summary>${w.mayNot} (${not.length})</summary><ul class="excluded">${not
        .map((c) => `<li>${h(c.name)}: ${h(c.rules.map((x) => catalogueEntry(x).label[lang]).join('; '))}</li>`)
        .join('')}</ul></details>`,
    );
    out.push(`<p><a href="/cells/${encodeURIComponent(cell.id)}#d${meeting.date}">${w.cancel}</a></p>`);
    page(res, w.candidatesTitle, out.join('\n'), 'cells');
  }

  /** The change's fields from a form, as the edit command takes them. */
  function changeOf(form: URLSearchParams, l: Loaded): Change | undefined {
    const meeting = l.problem.meetings.find((m) => m.cell === form.get('cell') && m.date === form.get('date'));
    const kind = form.get('kind');
    const to = (form.get('to') ?? '') as MemberId;
    const from = (form.get('from') ?? '') as MemberId;
    if (!meeting) return undefined;
    if (kind === 'replace') return { kind, meeting, from, to };
    if (kind === 'remove') return { kind, meeting, member: from };
    if (kind === 'add') return { kind, meeting, member: to };
    return undefined;
  }

  /** The checker's verdict on the changed plan, before anything is saved; "Lưu" saves. */
  async function preview(res: ServerResponse, form: URLSearchParams): Promise<void> {
    const l = await ws.load();
    if (l === undefined || 'issues' in l || !l.plan) return redirect(res, '/');
    const change = changeOf(form, l);
    if (!change) return page(res, w.notFound, `<p>${w.notFound}</p>`, 'cells', 404);
    const next = applyChange(l.plan.doc.visits, change, new Date().toISOString(), (v) => `${v.member}`);
    const violations = checkPlan(l.problem, next);
    const names = {
      memberName: (id: string) => l.problem.members.find((m) => m.id === id)?.name,
      cellName: (id: string) => l.problem.cells.find((c) => c.id === id)?.name,
    };
    const fields = ['version', 'cell', 'date', 'kind', 'to', 'from']
      .filter((k) => form.get(k) !== null)
      .map((k) => `<input type="hidden" name="${k}" value="${h(form.get(k)!)}">`)
      .join('');
    const body =
      (violations.length === 0
        ? `<p class="ok">${w.verdictOk}</p>`
        : `<p class="bad">${w.verdictBad(violations.length)}</p><ul>${violations
            .map((v) => `<li>${h(describeViolation(v, lang, names).replace(/^✖ /, ''))}</li>`)
            .join('')}</ul>`) +
      `<form method="post" action="/edit/save"><input type="hidden" name="csrf" value="${guard.csrf}">${fields}` +
      `<button type="submit">${w.save}</button></form>` +
      `<p><a href="/cells/${encodeURIComponent(change.meeting.cell)}#d${change.meeting.date}">${w.cancel}</a></p>`;
    page(res, w.preview, body, 'cells');
  }

  /** Saves a change with the edit command (the version the page was made from must still be the folder's). */
  async function save(res: ServerResponse, form: URLSearchParams): Promise<void> {
    const l = await ws.load();
    if (l === undefined || 'issues' in l || !l.plan) return redirect(res, '/');
    const change = changeOf(form, l);
    if (!change) return page(res, w.notFound, `<p>${w.notFound}</p>`, 'cells', 404);
    let issues: readonly InputIssue[] = [];
    const io = { out: () => {}, err: () => {}, lang, issues: (list: readonly InputIssue[]) => void (issues = list) };
    const who =
      change.kind === 'replace'
        ? { from: change.from, to: change.to }
        : change.kind === 'remove'
          ? { remove: change.member }
          : { add: change.member };
    let code: number;
    try {
      code = await editPlan(
        l.specPath,
        opts.dir,
        {
          cell: change.meeting.cell,
          date: change.meeting.date,
          ...who,
          expect: form.get('version') ?? '',
          lang,
          reminderMinutes: 1440,
        },
        io,
      );
    } catch (err) {
      issues = (err as { issues?: readonly InputIssue[] }).issues ?? [];
      if (issues.length === 0) throw err;
      code = 2;
    }
    if (code > 1) return page(res, w.preview, `<div role="alert">${issuesTable(issues, lang)}</div>`, 'cells', 409);
    await ws.load();
    flash = { ok: w.saved };
    redirect(res, `/cells/${encodeURIComponent(change.meeting.cell)}#d${change.meeting.date}`);
  }

  /** Pins or unpins a visit with the edit command; the plan itself does not change. */
  async function pin(res: ServerResponse, form: URLSearchParams): Promise<void> {
    const l = await ws.load();
    if (l === undefined || 'issues' in l || !l.plan) return redirect(res, '/');
    const member = form.get('member') ?? '';
    const cell = form.get('cell') ?? '';
    const date = form.get('date') ?? '';
    await editPlan(
      l.specPath,
      opts.dir,
      { cell, date, ...(form.get('pin') === '1' ? { pin: member } : { unpin: member }), lang, reminderMinutes: 1440 },
      { out: () => {}, err: () => {}, lang },
    );
    await ws.load();
    flash = { ok: w.saved };
    redirect(res, `/cells/${encodeURIComponent(cell)}#d${date}`);
  }

  function historyPage(res: ServerResponse): void {
    const list = versions(opts.dir).reverse();
    const version = planVersion(opts.dir);
    const rows = list
      .map(
        (v, i) =>
          `<tr><td class="n">${v.n}</td><td>${h(v.at.replace('T', ' ').slice(0, 19))}</td><td>${h(
            `${w.whatWords[v.what] ?? v.what}${v.note ? ` ${v.note}` : ''}: ${w.changes(v.added, v.removed, v.moved)}`,
          )}</td><td>${
            i === 0
              ? ''
              : `<form method="post" action="/history/restore" class="inline"><input type="hidden" name="csrf" ` +
                `value="${guard.csrf}"><input type="hidden" name="version" value="${version}"><input type="hidden" ` +
                `name="n" value="${v.n}"><button type="submit" aria-label="${h(`${w.restore} ${v.n}`)}">${w.restore}` +
                '</button></form>'
          }</td></tr>`,
      )
      .join('');
    const said = flash?.ok ? `<p class="ok" role="status">${h(flash.ok)}</p>` : '';
    flash = undefined;
    page(
      res,
      w.history,
      said +
        `<table><caption>${w.history}</caption><thead><tr><th scope="col">${w.version}</th>` +
        `<th scope="col">${w.when}</th>` +
        `<th scope="col">${w.what}</th><th scope="col">${w.restore}</th></tr></thead><tbody>` +
        `${rows || `<tr><td colspan="4">${w.none}</td></tr>`}</tbody></table>`,
      'history',
    );
  }

  async function restore(res: ServerResponse, form: URLSearchParams): Promise<void> {
    const l = await ws.load();
    if (l === undefined || 'issues' in l) return redirect(res, '/');
    if ((form.get('version') ?? '') !== planVersion(opts.dir))
      return page(
        res,
        w.history,
        `<div role="alert">${issuesTable([issue(ws.planPath, [], 'edit.stale', { dir: opts.dir })], lang)}</div>`,
        'history',
        409,
      );
    await restoreVersion(l.specPath, opts.dir, Number(form.get('n')), lang, { out: () => {}, err: () => {}, lang });
    await ws.load();
    flash = { ok: w.saved };
    redirect(res, '/history');
  }

  /** An upload: a workbook is imported (`lichdu import`), a spec checked by the loader; nothing changes on failure. */
  /** A multipart upload: its one file (bounded) saved in `tmp`, and the form's CSRF token. */
  function receive(req: IncomingMessage, tmp: string) {
    return new Promise<{ path?: string; name?: string; csrf?: string; tooLarge?: boolean }>((resolve, reject) => {
      const out: { path?: string; name?: string; csrf?: string; tooLarge?: boolean } = {};
      let bb: busboy.Busboy;
      try {
        bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxUpload, fields: 4 } });
      } catch (err) {
        return reject(err as Error);
      }
      const writes: Promise<void>[] = [];
      bb.on('field', (name, value) => {
        if (name === 'csrf') out.csrf = value;
      });
      bb.on('file', (_name, stream, info) => {
        const safe = basename(info.filename || 'upload').replace(/[^\p{L}\p{N}._-]/gu, '_');
        const path = join(tmp, safe);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('limit', () => (out.tooLarge = true));
        writes.push(
          new Promise((done) =>
            stream.on('close', () => {
              writeFileSync(path, Buffer.concat(chunks));
              out.path = path;
              out.name = safe;
              done();
            }),
          ),
        );
      });
      bb.on('close', () => void Promise.all(writes).then(() => resolve(out)));
      bb.on('error', reject);
      req.pipe(bb);
    });
  }

  /** An upload: a workbook is imported (`lichdu import`), a spec checked by the loader; nothing changes on failure. */
  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const tmp = mkdtempSync(join(tmpdir(), 'lichdu-upload-'));
    try {
      const got = await receive(req, tmp);
      if (!guard.csrfOk(got.csrf)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden\n');
      flash = await takeUpload(got);
      void ws.load();
      redirect(res, '/');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }

  /** An attendance file uploaded: read by the attendance reader; kept as the workspace's only when it reads. */
  async function attendanceUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const tmp = mkdtempSync(join(tmpdir(), 'lichdu-upload-'));
    try {
      const got = await receive(req, tmp);
      if (!guard.csrfOk(got.csrf)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden\n');
      const l = await ws.load();
      if (l === undefined || 'issues' in l || !l.plan) return redirect(res, '/');
      const ext = extname(got.name ?? '').toLowerCase();
      if (!got.path || got.tooLarge || (ext !== '.csv' && ext !== '.xlsx')) {
        flash = {
          issues: [
            issue(got.name || 'upload', [], got.tooLarge || !got.path ? 'upload.too-large' : 'upload.wrong-type', {
              mb: Math.ceil(maxUpload / 2 ** 20),
              ext: ext || '?',
            }),
          ],
        };
        return redirect(res, '/attendance');
      }
      const r = await readAttendanceFile(got.path, l.problem);
      if (!r.ok) flash = { issues: r.issues.map((i) => ({ ...i, file: got.name! })) };
      else {
        for (const f of ATTENDANCE_FILES) rmSync(join(opts.dir, f), { force: true });
        writeFileAtomic(join(opts.dir, `diem-danh${ext}`), readFileSync(got.path));
        flash = { ok: w.saved };
      }
      redirect(res, '/attendance');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }

  /** The results chosen on the attendance page, written as diem-danh.csv once the attendance reader accepts them. */
  async function attendanceSave(res: ServerResponse, form: URLSearchParams): Promise<void> {
    const l = await ws.load();
    if (l === undefined || 'issues' in l || !l.plan) return redirect(res, '/');
    const old = await readAttendance(l, opts.dir);
    const before = new Map((old?.ok ? old.value : []).map((r) => [`${r.member}|${r.cell}|${r.date}`, r]));
    const chosen = new Map<string, Recorded>();
    const n = Math.min(100_000, Number(form.get('n') ?? '0'));
    for (let i = 0; i < n; i++) {
      const k = form.get(`k${i}`);
      if (!k) continue;
      const result = form.get(`r${i}`) ?? '';
      const by = form.get(`b${i}`) ?? '';
      const reason = form.get(`s${i}`) ?? '';
      chosen.set(k, {
        ...(result === 'done' || result === 'missed' || result === 'replaced' ? { result } : {}),
        ...(by && result === 'replaced' ? { replacedBy: by } : {}),
        ...(reason ? { reason } : {}),
        ...(before.get(k)?.reportedOn ? { reportedOn: before.get(k)!.reportedOn! } : {}),
      });
    }
    const until = form.get('until') ?? `${l.problem.year}-12-31`;
    const at = (v: Visit) => chosen.get(`${v.member}|${v.cell}|${v.date}`);
    const text = String((await renderAttendanceTemplate(l.plan.doc, lang, 'csv', until, at)).bytes);
    const tmp = mkdtempSync(join(tmpdir(), 'lichdu-att-'));
    try {
      const path = join(tmp, 'diem-danh.csv');
      writeFileSync(path, text);
      const r = await readAttendanceFile(path, l.problem);
      if (!r.ok) flash = { issues: r.issues.map((i) => ({ ...i, file: 'diem-danh.csv' })) };
      else {
        rmSync(join(opts.dir, 'diem-danh.xlsx'), { force: true });
        writeFileAtomic(join(opts.dir, 'diem-danh.csv'), text);
        flash = { ok: w.saved };
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    redirect(res, `/attendance?until=${until}`);
  }

  async function replanView(res: ServerResponse): Promise<void> {
    const l = await ws.load();
    if (l === undefined || 'issues' in l || !l.plan) return redirect(res, '/');
    const rw = RW[lang];
    const said =
      (flash?.ok ? `<p class="ok" role="status">${h(flash.ok)}</p>` : '') +
      (flash?.issues ? `<div role="alert">${issuesTable(flash.issues, lang)}</div>` : '');
    flash = undefined;
    const form =
      `<form method="post" action="/replan/preview"><input type="hidden" name="csrf" value="${guard.csrf}">` +
      `<label for="from">${rw.from}</label> <input id="from" name="from" type="date" required ` +
      `value="${today(l.problem.year)}"> <button type="submit">${rw.make}</button></form>`;
    const proposal = existsSync(join(opts.dir, PROPOSAL_DIR, 'plan.json'))
      ? proposalPage(l, opts.dir, guard.csrf, lang)
      : '';
    page(res, rw.title, said + form + proposal, 'replan');
  }

  async function replanAction(res: ServerResponse, path: string, form: URLSearchParams): Promise<void> {
    const l = await ws.load();
    if (l === undefined || 'issues' in l || !l.plan) return redirect(res, '/');
    const rw = RW[lang];
    if (path === '/replan/preview') {
      if (run && run.done === undefined) return redirect(res, '/');
      const r = await propose(l, opts.dir, form.get('from') ?? '', lang);
      if (r.code > 1)
        flash = {
          issues:
            r.issues.length > 0
              ? r.issues
              : [issue(opts.dir, [], 'cli.usage', { code: String(r.code), option: '--from' })],
        };
      return redirect(res, '/replan');
    }
    if ((form.get('version') ?? '') !== planVersion(opts.dir)) {
      flash = { issues: [issue(ws.planPath, [], 'edit.stale', { dir: opts.dir })] };
      return redirect(res, '/replan');
    }
    if (path === '/replan/accept') {
      await acceptProposal(l, opts.dir, lang);
      await ws.load();
      flash = { ok: rw.accepted };
    } else {
      rmSync(join(opts.dir, PROPOSAL_DIR), { recursive: true, force: true });
      flash = { ok: rw.discarded };
    }
    redirect(res, '/replan');
  }

  /** Today within the plan's year (the attendance and compliance pages' default date). */
  const today = (year: number): IsoDate => {
    const d = new Date().toISOString().slice(0, 10);
    return d < `${year}-01-01` ? `${year}-01-01` : d > `${year}-12-31` ? `${year}-12-31` : d;
  };

  async function attendanceView(res: ServerResponse, url: URL, what: 'attendance' | 'compliance'): Promise<void> {
    const l = await ws.load();
    if (l === undefined || 'issues' in l || !l.plan) return redirect(res, '/');
    const date = url.searchParams.get(what === 'attendance' ? 'until' : 'asof') ?? '';
    const at = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : today(l.problem.year);
    const read = await readAttendance(l, opts.dir);
    const said =
      (flash?.ok ? `<p class="ok" role="status">${h(flash.ok)}</p>` : '') +
      (flash?.issues ? `<div role="alert">${issuesTable(flash.issues, lang)}</div>` : '') +
      (read && !read.ok ? `<div role="alert">${issuesTable(read.issues, lang)}</div>` : '');
    flash = undefined;
    const records = read?.ok ? read.value : undefined;
    if (what === 'attendance')
      return page(res, AW[lang].title, said + attendancePage(l, records ?? [], at, guard.csrf, lang), 'attendance');
    page(res, AW[lang].compliance, said + compliancePage(l, records, at, lang), 'compliance');
  }

  async function takeUpload(got: { path?: string; name?: string; tooLarge?: boolean }) {
    const name = got.name ?? '';
    if (!got.path || got.tooLarge)
      return { issues: [issue(name || 'upload', [], 'upload.too-large', { mb: Math.ceil(maxUpload / 2 ** 20) })] };
    const ext = extname(name).toLowerCase();
    if (ext === '.xlsx') {
      let issues: readonly InputIssue[] = [];
      const code = await runCli(['import', '--workbook', got.path, '-o', join(opts.dir, 'spec.yaml'), '--lang', lang], {
        out: () => {},
        err: () => {},
        issues: (list) => void (issues = list),
      });
      if (code !== 0)
        return {
          issues: issues.map((i) => ({ ...i, file: i.file === got.path ? name : i.file })),
          rows: await problemRows(got.path, issues),
        };
      writeFileAtomic(join(opts.dir, WORKBOOK_FILE), readFileSync(got.path));
      return { ok: w.uploaded(name) };
    }
    if (ext === '.yaml' || ext === '.yml' || ext === '.json') {
      const spec = loadSpecFile(got.path);
      if (!spec.ok) return { issues: spec.issues.map((i) => ({ ...i, file: name })) };
      writeFileAtomic(join(opts.dir, ext === '.json' ? 'spec.json' : 'spec.yaml'), readFileSync(got.path));
      return { ok: w.uploaded(name) };
    }
    return { issues: [issue(name || 'upload', [], 'upload.wrong-type', { ext: ext || '?' })] };
  }

  /** The workbook rows the problems are on, the problem's column marked: what the staff see in their spreadsheet. */
  async function problemRows(path: string, issues: readonly InputIssue[]): Promise<string> {
    const bySheet = new Map<string, Set<number>>();
    const cols = new Map<string, string>();
    for (const i of issues.slice(0, 30))
      if (i.place?.sheet !== undefined && /^\d+$/.test(i.place.rows)) {
        const set = bySheet.get(i.place.sheet) ?? new Set<number>();
        set.add(Number(i.place.rows));
        bySheet.set(i.place.sheet, set);
        if (i.place.column) cols.set(`${i.place.sheet}|${i.place.rows}`, i.place.column);
      }
    const out: string[] = [];
    const bytes = readFileSync(path);
    for (const [sheet, rows] of bySheet) {
      const t = await xlsxTable(bytes, path, [sheet], false);
      if (!t.ok) continue;
      const header = t.value.header;
      const body = t.value.rows
        .filter((r) => rows.has(r.at))
        .map((r) => {
          const col = cols.get(`${sheet}|${r.at}`);
          return (
            `<tr class="hl"><th scope="row">${r.at}</th>` +
            header
              .map((hd, k) => {
                const v = h(cellText(r.cells[k] ?? null));
                return hd.trim() === col ? `<td><mark>${v || '∅'}</mark></td>` : `<td>${v}</td>`;
              })
              .join('') +
            '</tr>'
          );
        })
        .join('');
      out.push(
        `<div class="scroll"><table class="sheet"><caption>${h(sheet)}</caption><thead><tr><th scope="col">#</th>` +
          header.map((hd) => `<th scope="col">${h(hd)}</th>`).join('') +
          `</tr></thead><tbody>${body}</tbody></table></div>`,
      );
    }
    return out.join('');
  }

  function startPlan(): void {
    if (run && run.done === undefined) return;
    const l = ws.load();
    const controller = new AbortController();
    let log = '';
    const state: { last?: Progress; done?: { code: number; log: string } } = {};
    const work = async (r: typeof state): Promise<void> => {
      const loaded = await l;
      if (loaded === undefined || 'issues' in loaded) {
        r.done = { code: 2, log: '' };
        return;
      }
      let code: number;
      const before = existsSync(ws.planPath) ? readFileSync(ws.planPath, 'utf8') : undefined;
      try {
        code = await runPlan(
          loaded.specPath,
          {
            ...planDefaults(opts.dir, lang),
            out: opts.dir,
            signal: controller.signal,
            onProgress: (p) => {
              r.last = p;
              broadcast('progress', progressOf(p, true));
            },
          },
          { out: (s) => void (log += s), err: (s) => void (log += s), lang },
        );
      } catch (err) {
        code = 2;
        log += `${(err as Error).message}\n`;
        const issues = (err as { issues?: readonly InputIssue[] }).issues;
        if (issues) log = issues.map((i) => `✖ ${i.file}: ${i.code}`).join('\n');
      }
      if (code <= 1 && existsSync(ws.planPath))
        recordVersion(
          opts.dir,
          'plan',
          compareVisits(loaded.problem, rawVisits(before), rawVisits(readFileSync(ws.planPath, 'utf8'))),
        );
      await ws.load();
      r.done = { code, log };
      opts.log(`plan: exit ${code}`);
      broadcast('done', { code });
    };
    const r: PlanRun = Object.assign(state, { controller, startedAt: performance.now(), finished: Promise.resolve() });
    run = Object.assign(r, { finished: work(r) });
  }

  async function download(res: ServerResponse, url: URL): Promise<void> {
    const name = decodeURIComponent(url.pathname.slice('/download/'.length));
    const l = await ws.load();
    if (l === undefined || 'issues' in l || !l.plan) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
    const attach = (file: string) => ({ 'Content-Disposition': `attachment; filename="${file}"` });
    if (name === 'report.html' || name === 'report.xlsx') {
      const report = join(opts.dir, 'report.html');
      if (
        !existsSync(report) ||
        statSync(report).mtimeMs < statSync(ws.planPath).mtimeMs ||
        /class="stale"/.test(readFileSync(report, 'utf8'))
      )
        await runCli(['report', l.specPath, ws.planPath, '-o', opts.dir, '--lang', lang], {
          out: () => {},
          err: () => {},
        });
    }
    const d = DOWNLOADS[name];
    if (d) {
      const path = join(opts.dir, d.file);
      if (!existsSync(path)) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': d.type,
        'Content-Length': String(statSync(path).size),
        ...attach(d.file),
      });
      createReadStream(path).pipe(res);
      return;
    }
    if (name === 'lich.zip') {
      const { default: JSZip } = await import('jszip');
      const zip = new JSZip();
      const root = join(opts.dir, 'ics');
      const walk = (d: string): string[] =>
        readdirSync(d, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)],
        );
      for (const f of walk(root).sort())
        zip.file(relative(opts.dir, f), readFileSync(f), { date: new Date(Date.UTC(2026, 0, 1)) });
      const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      return send(res, 200, 'application/zip', buf, attach('lich.zip'));
    }
    if (name === 'duong-dan.html') {
      const tmp = mkdtempSync(join(tmpdir(), 'lichdu-feeds-'));
      try {
        const out = join(tmp, 'duong-dan.html');
        let issues: readonly InputIssue[] = [];
        const code = await runCli(
          [
            'feeds',
            opts.dir,
            '--base-url',
            url.searchParams.get('base') ?? '',
            '--format',
            'html',
            '-o',
            out,
            '--lang',
            lang,
          ],
          { out: () => {}, err: () => {}, issues: (list) => void (issues = list) },
        );
        if (code !== 0) {
          flash = { issues };
          return redirect(res, '/');
        }
        return send(res, 200, 'text/html; charset=utf-8', readFileSync(out), attach('duong-dan.html'));
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    }
    return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const changes = req.method === 'POST';
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST')
      return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { Allow: 'GET, HEAD, POST' });
    const refused = guard.check(req, port, changes);
    if (refused) {
      opts.log(`refused ${req.method} ${url.pathname}: ${refused.why}`);
      return send(
        res,
        refused.status,
        'text/plain; charset=utf-8',
        `${refused.status === 401 ? 'unauthorized' : 'forbidden'}\n`,
      );
    }
    // The first visit carries the token in the address: it becomes a cookie and the address drops it.
    if (guard.tokenInQuery(req)) {
      const q = new URLSearchParams(url.searchParams);
      q.delete('token');
      return redirect(res, `${url.pathname}${q.size > 0 ? `?${q.toString()}` : ''}`, { 'Set-Cookie': guard.cookie() });
    }
    const path = url.pathname;
    if (path === '/static/console.css') return send(res, 200, 'text/css; charset=utf-8', CONSOLE_CSS);
    if (path === '/static/console.js') return send(res, 200, 'text/javascript; charset=utf-8', CONSOLE_JS);
    if (changes) {
      if (path === '/upload') return upload(req, res);
      if (path === '/attendance/upload') return attendanceUpload(req, res);
      const form = await formBody(req);
      if (!guard.csrfOk(form.get('csrf') ?? undefined))
        return send(res, 403, 'text/plain; charset=utf-8', 'forbidden\n');
      if (path === '/plan') {
        flash = undefined;
        startPlan();
        return redirect(res, '/');
      }
      if (path === '/attendance') return attendanceSave(res, form);
      if (path.startsWith('/replan/')) return replanAction(res, path, form);
      if (path === '/edit/preview') return preview(res, form);
      if (path === '/edit/save') return save(res, form);
      if (path === '/edit/pin') return pin(res, form);
      if (path === '/history/restore') return restore(res, form);
      if (path === '/plan/stop') {
        run?.controller.abort();
        await run?.finished;
        return redirect(res, '/');
      }
      return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
    }
    if (path === '/') return home(res);
    if (path === '/plan/events') {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        Connection: 'keep-alive',
      });
      res.write(`event: progress\ndata: ${JSON.stringify(progressOf(run?.last, run !== undefined && !run.done))}\n\n`);
      if (run?.done) res.write(`event: done\ndata: ${JSON.stringify({ code: run.done.code })}\n\n`);
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (path.startsWith('/download/')) return download(res, url);
    if (path === '/replan') return replanView(res);
    if (path === '/attendance' || path === '/compliance')
      return attendanceView(res, url, path === '/attendance' ? 'attendance' : 'compliance');
    if (/^\/(members|cells|units|calendar|history)(\/[^/]+)?$/.test(path) || /^\/cells\/[^/]+\/change$/.test(path))
      return view(res, url);
    return page(res, w.notFound, `<p>${w.notFound}</p>`, '', 404);
  }

  const server = createServer({ requestTimeout: 300_000, headersTimeout: 10_000 }, (req, res) => {
    handle(req, res).catch((err: Error) => {
      opts.log(`✖ ${req.method} ${req.url}: ${err.message}`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  void ws.load();
  return {
    url: `http://127.0.0.1:${port}`,
    token: guard.token,
    server,
    async close() {
      run?.controller.abort();
      await run?.finished;
      for (const l of listeners) l.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
