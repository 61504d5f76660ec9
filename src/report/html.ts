// report.html and report-forms.html (issue 10, item 1): one self-contained file each — inline CSS and SVG, no script,
// no request leaves the page — readable on a phone (tables scroll sideways) and printable on A4.
import { weekdayName } from '../calendar/meetings.js';
import type { Problem } from '../domain/types.js';
import { escapeHtml as h } from '../export/feedSheet.js';
import { dateText } from '../format/text.js';
import { bare, roleLabel, tagLabel, type Lang } from '../format/labels.js';
import { MONTHS, naturalCompare, type Assignment, type MemberRow, type ReportData } from './data.js';
import { subjectNames, type DueReport } from '../policies/periodic.js';
import type { MemberStatus } from '../attendance/compliance.js';
import { MONTH_SHORT, PERIOD_NOUN, periodWords, W } from './words.js';

const STYLE =
  '@page{size:A4;margin:14mm}' +
  'body{font-family:system-ui,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:72rem;padding:.75rem;' +
  'line-height:1.4;color:#1b1b1b}' +
  'h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;margin-top:1.8rem;border-bottom:2px solid #2b7bba}' +
  'h3{font-size:1.02rem;margin:1.1rem 0 .3rem}.muted{color:#555}' +
  '.cards{display:flex;flex-wrap:wrap;gap:.5rem}.card{border:1px solid #ccd;border-radius:.4rem;padding:.4rem .7rem}' +
  '.card b{display:block;font-size:1.4rem}' +
  '.scroll{overflow-x:auto}table{border-collapse:collapse;font-size:.85rem}' +
  'th,td{border:1px solid #d4d4d4;padding:.15rem .35rem;text-align:left;vertical-align:top}' +
  'th{background:#eef3f8}td.n{text-align:right}' +
  'table.heat td.hm{width:1.9rem;text-align:center;padding:.15rem 0}' +
  '.c0{background:#f6f6f6;color:#bbb}.c1{background:#c9e3f6}.c2{background:#7db7e2}' +
  '.c3{background:#2b7bba;color:#fff}' +
  '.star{color:#c0392b}.ok{color:#1e7b34}.bad{color:#b3261e;font-weight:600}' +
  'td.miss{outline:2px solid #b3261e;outline-offset:-3px}td.name{min-width:7.5rem}td.moved{background:#fff1c2}' +
  'ul.viol{font-size:.85rem}' +
  'nav ol{columns:2;font-size:.9rem}' +
  '.form{break-after:page;page-break-after:always;padding:1rem 0;border-bottom:1px dashed #999}' +
  '.form h2{border:0;text-align:center;margin-top:.5rem}.blank{border-bottom:1px dotted #777;height:1.6rem}' +
  '.sign{text-align:right;margin-top:2rem;margin-right:3rem}' +
  'table.assign{width:100%;margin:.6rem 0}table.assign caption{font-weight:600;text-align:left;padding:.3rem 0}' +
  '.stale{border:2px solid #b3261e;background:#fdecea;padding:.5rem .8rem;font-weight:600}' +
  '@media print{body{max-width:none;padding:0}.scroll{overflow:visible}h2{break-after:avoid}nav{display:none}' +
  'tr{break-inside:avoid}thead{display:table-header-group}a{color:inherit;text-decoration:none}.form{border:0}' +
  'section.month,section.page{break-before:page}table.assign{font-size:10pt}}';

function page(lang: Lang, title: string, body: string, marks = ''): string {
  return (
    `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    marks +
    `<title>${h(title)}</title><style>${STYLE}</style></head><body>\n<main>\n${body}\n</main>\n</body></html>\n`
  );
}

const pct = (x: number) => `${(100 * x).toFixed(1).replace(/\.0$/, '')} %`;

export { dateText };

function monthBars(counts: readonly number[], lang: Lang): string {
  const max = Math.max(1, ...counts);
  const bw = 34;
  const hgt = 110;
  const bars = counts
    .map((n, i) => {
      const bh = Math.round((n / max) * (hgt - 30));
      const x = i * bw + 4;
      return (
        `<rect x="${x}" y="${hgt - 16 - bh}" width="${bw - 8}" height="${bh}" fill="#2b7bba"><title>` +
        `${MONTH_SHORT[lang][i]}: ${n}</title></rect>` +
        `<text x="${x + (bw - 8) / 2}" y="${hgt - 19 - bh}" font-size="10" text-anchor="middle">${n}</text>` +
        `<text x="${x + (bw - 8) / 2}" y="${hgt - 4}" font-size="10" text-anchor="middle">` +
        `${MONTH_SHORT[lang][i]}</text>`
      );
    })
    .join('');
  return (
    `<svg role="img" aria-label="${h(W[lang].perMonth)}" viewBox="0 0 ${12 * bw + 8} ${hgt}" ` +
    `width="${12 * bw + 8}" height="${hgt}">${bars}</svg>`
  );
}

function quotaText(m: MemberRow, lang: Lang): { text: string; title: string; ok: boolean } {
  const w = W[lang];
  const parts: string[] = [];
  const titles: string[] = [];
  for (const q of m.quotas) {
    const met = q.periods.filter((p) => p.met).length;
    if (q.periods.length === 1) {
      const p = q.periods[0]!;
      parts.push(`${p.count}/${p.min}${p.max !== undefined ? `–${p.max}` : ''}`);
    } else parts.push(w.periodsMet(met, q.periods.length, PERIOD_NOUN[lang][q.per]));
    titles.push(...q.periods.map((p) => `${periodWords(p.period, lang)}: ${p.count}/${p.min}`));
  }
  return { text: parts.join('; ') || '–', title: titles.join(', '), ok: m.meetsQuota };
}

function heatColour(n: number): string {
  return `c${Math.min(3, n)}`;
}

export interface HtmlOptions {
  readonly generatedAt: string;
  /** The head tags naming the plan shown and the command that made the page (export/staleReport.ts). */
  readonly marks?: string;
  /** The forms file beside report.html, when the policy sets periodic reports. */
  readonly formsFile?: string;
}

export function renderReportHtml(data: ReportData, problem: Problem, opts: HtmlOptions): string {
  const lang = data.lang;
  const w = W[lang];
  const x: SectionInput = {
    data,
    problem,
    opts,
    lang,
    w,
    q: data.quality,
    broken: data.violations.length,
    c: data.compliance,
    monthHead: MONTH_SHORT[lang].map((m) => `<th>${m}</th>`).join(''),
  };
  const out = [...headSection(x), ...SECTIONS.flatMap((section) => section(x))];
  return page(lang, w.title(data.year), out.join('\n'), opts.marks);
}

/** What every section of report.html reads. */
interface SectionInput {
  readonly data: ReportData;
  readonly problem: Problem;
  readonly opts: HtmlOptions;
  readonly lang: Lang;
  readonly w: (typeof W)[Lang];
  readonly q: ReportData['quality'];
  /** Broken rule instances. */
  readonly broken: number;
  readonly c: ReportData['compliance'];
  readonly monthHead: string;
}

/** The title, the policy and the table of contents. */
function headSection(x: SectionInput): string[] {
  const { data, opts, lang, w } = x;
  const p = data.policy;
  const out: string[] = [];
  out.push(`<h1>${h(w.title(data.year))}</h1>`);
  out.push(
    `<p class="muted">${w.policy}: ${h(p.title)}${p.source ? ` (${h(p.source.number)}, ${h(p.source.issuer)})` : ''}` +
      `. ${w.made} ${dateText(opts.generatedAt.slice(0, 10), lang)}.</p>`,
  );
  const sections: [string, string][] = [
    ['summary', w.summary],
    ['rules', w.rules],
    ['quality', w.quality],
    ['heat', w.heat],
    ['assignments', w.assignments],
    ['members', w.byMember],
    ['cells', w.byCell],
    ['calendar', w.calendar],
    ['periodic', w.periodic],
  ];
  out.push(
    `<nav><b>${w.contents}</b><ol>${sections.map(([id, t]) => `<li><a href="#${id}">${h(t)}</a></li>`).join('')}` +
      '</ol></nav>',
  );
  return out;
}

/** The summary cards, visits per month and, with attendance, the progress to date. */
function summarySection(x: SectionInput): string[] {
  const { data, lang, w, q, broken, c } = x;
  const out: string[] = [];
  out.push(`<h2 id="summary">${w.summary}</h2>`);
  if (data.stopped) {
    const gap = data.stopped.gap === undefined ? undefined : pct(data.stopped.gap);
    out.push(`<p class="bad">${h(w.stopped(data.stopped.by, gap))}</p>`);
  }
  out.push('<div class="cards">');
  const card = (n: number | string, label: string) => `<div class="card"><b>${n}</b>${h(label)}</div>`;
  out.push(
    card(data.members.length, w.members) +
      card(q.cells, w.cells) +
      card(q.visits, w.visits) +
      card(`${q.priorityCells}`, w.priorityCells) +
      card(q.unvisitedCells, w.unvisited) +
      card(broken === 0 ? '✔' : `✖ ${broken}`, w.rules),
  );
  out.push(`</div><h3>${w.perMonth}</h3>${monthBars(data.byMonth, lang)}`);
  if (c) {
    const hp = c.happened;
    const behind = c.members.filter((m) => m.status === 'behind');
    out.push(
      `<h3 id="progress">${h(w.progress(dateText(c.asOf, lang)))}</h3>` +
        `<p class="${broken === 0 ? 'ok' : 'bad'}">${h(w.planVerdict(broken === 0))}</p><p>${h(
          w.progressCounts(
            hp.done.length,
            hp.unplanned.length,
            hp.missed.length,
            hp.unrecorded.length,
            hp.ahead.length,
            data.unrecordedAs ?? 'pending',
          ),
        )}</p>`,
    );
    if (hp.unrecorded.length > 0) {
      const rows = data.assignments.filter((a) => a.state === STATE_UNRECORDED[lang]);
      out.push(
        `<p>${h(w.unrecordedList(hp.unrecorded.length))}</p><ul>${rows
          .map((a) => `<li>${h(a.member)} — ${h(a.cell)}, ${dateText(a.date, lang)}</li>`)
          .join('')}</ul>`,
      );
    }
    out.push(
      behind.length === 0
        ? `<p class="ok">${h(w.noneBehind)}</p>`
        : `<p class="bad">${h(w.behind(behind.length))}</p><ul>${behind
            .map((m) => {
              const short = m.periods.filter((p) => p.done < p.requiredByNow);
              const what = short.map((p) => `${periodWords(p.period, lang)}: ${p.done}/${p.requiredByNow}`).join(', ');
              return `<li>${h(m.name)} — ${h(what)}</li>`;
            })
            .join('')}</ul>`,
    );
    out.push(`<p class="muted">${h(w.missedLegend)}</p>`);
  }
  return out;
}

/** The rules and whether each holds, from the checker; the violations in words (the first 200). */
function rulesSection(x: SectionInput): string[] {
  const { data, w, broken } = x;
  const out: string[] = [];
  out.push(`<h2 id="rules">${w.rules}</h2><table><tbody>`);
  for (const r of data.rules)
    out.push(
      `<tr><td>${r.violations === 0 ? '<span class="ok">✔</span>' : '<span class="bad">✖</span>'}</td>` +
        `<td>${h(r.label)}</td><td class="${r.violations === 0 ? 'ok' : 'bad'}">` +
        `${r.violations === 0 ? w.ruleHolds : w.ruleBroken(r.violations)}</td></tr>`,
    );
  out.push('</tbody></table>');
  if (broken === 0) out.push(`<p class="ok">${w.allHold}</p>`);
  else {
    const shown = data.violations.slice(0, 200);
    out.push(`<p class="bad">${w.someBroken(broken)}</p><ul class="viol">`);
    out.push(shown.map((v) => `<li>${h(v.replace(/^✖ /, ''))}</li>`).join(''));
    if (broken > shown.length) out.push(`<li>${w.more(broken - shown.length)}</li>`);
    out.push('</ul>');
  }
  return out;
}

/** The quality figures of the soft goals. */
function qualitySection(x: SectionInput): string[] {
  const { w, q } = x;
  const out: string[] = [];
  const month = (m: number | null) => (m === null ? '–' : m.toFixed(1));
  out.push(`<h2 id="quality">${w.quality}</h2><ul>`);
  out.push(`<li>${h(w.qPriority(pct(q.priorityCellShare), pct(q.priorityVisitShare)))}</li>`);
  out.push(`<li>${h(w.qFirst(month(q.firstVisitMonthPriority), month(q.firstVisitMonthOther)))}</li>`);
  out.push(`<li>${w.qPerQuarter}: ${q.visitsPerQuarter.join(' · ')}</li>`);
  out.push(`<li>${h(w.qSpread(q.spreadOnTarget, q.membersWithQuota))}</li>`);
  out.push(
    `<li>${h(w.qFair(q.extraVisitsMin === null ? '–' : `${q.extraVisitsMin}–${q.extraVisitsMax}`))}</li>` +
      `<li>${h(w.qPair(q.maxVisitsMemberCell))}</li></ul>`,
  );
  return out;
}

/** A heat map per unit: cells × months, priority cells starred, who visits in each square's title. */
function heatSection(x: SectionInput): string[] {
  const { data, lang, w, monthHead } = x;
  const out: string[] = [];
  out.push(`<h2 id="heat">${w.heat}</h2><p class="muted">${h(w.heatIntro)}</p>`);
  for (const u of data.units) {
    out.push(
      `<h3>${h(u.name)}</h3><div class="scroll"><table class="heat" data-unit="${h(u.id)}"><thead><tr>` +
        `<th>${w.cell}</th>${monthHead}<th>${w.total}</th></tr></thead><tbody>`,
    );
    for (const c of u.cells) {
      const tags = c.tags.map((t) => tagLabel(t, lang)).join(', ');
      const star = c.priority > 0 ? ` <span class="star" title="${h(tags)}">★</span>` : '';
      const tds = c.months
        .map((m) => {
          const who = m.who.length === 0 ? w.nobody : m.who.join(', ');
          const title = `${c.name} · ${MONTH_SHORT[lang][m.month - 1]}: ${who}`;
          const mark = m.count === 0 ? (m.missed > 0 ? '✕' : '·') : String(m.count);
          return (
            `<td class="hm ${heatColour(m.count)}${m.missed > 0 ? ' miss' : ''}" data-cell="${h(c.id)}" ` +
            `data-month="${m.month}" title="${h(title)}">${mark}</td>`
          );
        })
        .join('');
      out.push(
        `<tr data-cell-row="${h(c.id)}"><td class="name" title="${h(c.name)}">${h(bare(c.name))}${star}</td>` +
          `${tds}<td class="n">${c.total}</td></tr>`,
      );
    }
    out.push(
      `<tr><th>${w.total}</th>${u.byMonth.map((n) => `<th>${n}</th>`).join('')}` +
        `<th>${u.byMonth.reduce((a, b) => a + b, 0)}</th></tr></tbody></table></div>`,
    );
  }
  return out;
}

/** Per member: role, unit, quota progress, visits by month (and standing, with attendance). */
function membersSection(x: SectionInput): string[] {
  const { data, problem, lang, w, c, monthHead } = x;
  const out: string[] = [];
  out.push(
    `<h2 id="members">${w.byMember}</h2><div class="scroll"><table class="members"><thead><tr><th>${w.name}</th>` +
      `<th>${w.role}</th><th>${w.unit}</th><th>${c ? w.quotaPlan : w.quota}</th>${monthHead}<th>${w.total}</th>` +
      `${c ? `<th>${h(w.progress(dateText(c.asOf, lang)))}</th>` : ''}</tr></thead><tbody>`,
  );
  const members = [...data.members].sort((a, b) => naturalCompare(a.unit, b.unit) || naturalCompare(a.name, b.name));
  const standing = new Map(c?.members.map((m) => [m.id as string, m.status]));
  for (const m of members) {
    const qt = quotaText(m, lang);
    out.push(
      `<tr data-member="${h(m.id)}"><td>${h(m.name)}</td><td>${h(roleLabel(problem, m.role, lang))}</td>` +
        `<td>${h(m.unit)}</td><td class="${qt.ok ? 'ok' : 'bad'}" title="${h(qt.title)}">${h(qt.text)} ` +
        `${qt.ok ? '✔' : '✖'}</td>${m.byMonth.map((n) => `<td class="n">${n || ''}</td>`).join('')}` +
        `<td class="n"><b>${m.total}</b></td>${c ? progressCell(standing.get(m.id), lang) : ''}</tr>`,
    );
  }
  out.push('</tbody></table></div>');
  return out;
}

/** The assignment list (issue 24, item 7): one table per month, a row per visit, a printed page per month. */
function assignmentsSection(x: SectionInput): string[] {
  const { data, lang, w } = x;
  const out: string[] = [`<h2 id="assignments">${w.assignments}</h2><p class="muted">${h(w.assignmentsIntro)}</p>`];
  const withState = data.assignments.some((a) => a.state !== undefined);
  for (const month of MONTHS) {
    const rows = data.assignments.filter((a) => a.month === month);
    if (rows.length === 0) continue;
    out.push(assignmentTable(rows, w.assignCaption(month, data.year), lang, withState, 'month'));
  }
  return out;
}

/** A printable table of visits: date, weekday, time, cell, unit, member (and the result, with attendance). */
function assignmentTable(
  rows: readonly Assignment[],
  caption: string,
  lang: Lang,
  withState: boolean,
  className: string,
): string {
  const w = W[lang];
  const head =
    `<th scope="col">${w.date}</th><th scope="col">${w.weekday}</th><th scope="col">${w.time}</th>` +
    `<th scope="col">${w.cell}</th><th scope="col">${w.unit}</th><th scope="col">${w.attending}</th>` +
    (withState ? `<th scope="col">${w.result}</th>` : '');
  const body = rows
    .map(
      (a) =>
        `<tr data-member="${h(a.memberId)}" data-cell="${h(a.cellId)}"><td>${dateText(a.date, lang)}</td>` +
        `<td>${h(a.weekday)}</td><td>${a.start}–${a.end}</td><td>${h(a.cell)}</td><td>${h(a.unit)}</td>` +
        `<td>${h(a.member)}</td>${withState ? `<td>${h(a.state ?? '')}</td>` : ''}</tr>`,
    )
    .join('');
  return (
    `<section class="${className}"><table class="assign"><caption>${h(caption)}</caption><thead><tr>${head}` +
    `</tr></thead><tbody>${body}</tbody></table></section>`
  );
}

/** Per cell: unit, tags, visits and visitors. */
function cellsSection(x: SectionInput): string[] {
  const { data, lang, w } = x;
  const out: string[] = [];
  out.push(
    `<h2 id="cells">${w.byCell}</h2><div class="scroll"><table class="cells"><thead><tr><th>${w.cell}</th>` +
      `<th>${w.unit}</th><th>${w.tags}</th><th>${w.visits}</th><th>${w.visitors}</th></tr></thead><tbody>`,
  );
  for (const u of data.units)
    for (const c of u.cells)
      out.push(
        `<tr data-cell="${h(c.id)}"><td>${h(c.name)}</td><td>${h(c.unit)}</td>` +
          `<td>${h(c.tags.map((t) => tagLabel(t, lang)).join(', '))}</td>` +
          `<td class="n${c.total === 0 ? ' bad' : ''}">${c.total}</td><td>${h(c.visitors.join(', '))}</td></tr>`,
      );
  out.push('</tbody></table></div>');
  return out;
}

/** The meeting calendar per unit, moved dates marked. */
function calendarSection(x: SectionInput): string[] {
  const { data, lang, w, monthHead } = x;
  const out: string[] = [];
  out.push(`<h2 id="calendar">${w.calendar}</h2><p class="muted">${h(w.calendarIntro)}</p>`);
  const byCell = new Map<string, (typeof data.calendar)[number][]>();
  for (const r of data.calendar) byCell.set(r.cell, [...(byCell.get(r.cell) ?? []), r]);
  for (const u of data.units) {
    out.push(
      `<h3>${h(u.name)}</h3><div class="scroll"><table class="calendar"><thead><tr><th>${w.cell}</th>` +
        `${monthHead}</tr></thead><tbody>`,
    );
    for (const c of u.cells) {
      const rows = byCell.get(c.id) ?? [];
      const tds = MONTHS.map((m) => {
        const r = rows.find((x) => x.month === m);
        if (!r) return '<td></td>';
        const dm = `${Number(r.date.slice(8, 10))}/${Number(r.date.slice(5, 7))}`;
        const when = `${weekdayName(r.date, lang)} ${dateText(r.date, lang)} ${r.start}–${r.end}`;
        const title = r.note ? `${when} · ${r.note}` : when;
        return `<td class="${r.note ? 'moved' : ''}" title="${h(title)}">${dm}${r.note ? '*' : ''}</td>`;
      }).join('');
      out.push(`<tr><td class="name" title="${h(c.name)}">${h(bare(c.name))}</td>${tds}</tr>`);
    }
    out.push('</tbody></table></div>');
  }
  return out;
}

/** The periodic reports owed and their due dates. */
function periodicSection(x: SectionInput): string[] {
  const { data, problem, opts, lang, w } = x;
  const out: string[] = [];
  out.push(`<h2 id="periodic">${w.periodic}</h2>`);
  if (data.reports.length === 0) out.push(`<p>${w.periodicNone}</p>`);
  else {
    if (opts.formsFile)
      out.push(`<p>${h(w.periodicIntro(''))}<a href="${h(opts.formsFile)}">${h(opts.formsFile)}</a></p>`);
    const subjectName = subjectNames(problem);
    const templates = [...new Set(data.reports.map((r) => r.template))];
    for (const t of templates) {
      const fields = t.sections.flatMap((s) => s.fields.map((f) => f[lang]));
      out.push(
        `<h3>${h(t.title[lang])}</h3><p class="muted">${w.article}: ${h(t.article)}. ${w.fields}: ` +
          `${h(fields.join('; '))}</p>`,
      );
      const rows = data.reports.filter((r) => r.template === t);
      out.push(
        `<div class="scroll"><table class="due"><thead><tr><th>${w.who}</th><th>${w.period}</th><th>${w.due}</th>` +
          `<th>${w.visits}</th></tr></thead><tbody>`,
      );
      for (const r of rows)
        out.push(
          `<tr><td>${h(subjectName(r))}</td><td>${h(periodOf(r, lang))}</td>` +
            `<td>${r.due ? dateText(r.due, lang) : w.noDue}</td><td class="n">${r.visits.length}</td></tr>`,
        );
      out.push('</tbody></table></div>');
    }
  }
  return out;
}

/** The sections in the order of the contents. */
const SECTIONS: readonly ((x: SectionInput) => string[])[] = [
  summarySection,
  rulesSection,
  qualitySection,
  heatSection,
  assignmentsSection,
  membersSection,
  cellsSection,
  calendarSection,
  periodicSection,
];

function progressCell(status: MemberStatus | undefined, lang: Lang): string {
  const s = status ?? 'on-track';
  return `<td class="${s === 'behind' ? 'bad' : s === 'unrecorded' ? '' : 'ok'}">${h(W[lang].status[s])}</td>`;
}

/** How a visit not recorded is named in the lists. */
const STATE_UNRECORDED: Record<Lang, string> = { vi: 'chưa ghi nhận', en: 'not recorded' };

function periodOf(r: DueReport, lang: Lang): string {
  return r.template.each === 'visit' ? dateText(r.period, lang) : periodWords(r.period, lang);
}

/** One printable page per report owed: the template's fields, the visits filled in, the rest left to write. */
export function renderReportForms(data: ReportData, problem: Problem, marks = ''): string {
  const lang = data.lang;
  const w = W[lang];
  const cell = new Map(problem.cells.map((c) => [c.id as string, c]));
  const unit = new Map(problem.units.map((u) => [u.id as string, u.name]));
  const member = new Map(problem.members.map((m) => [m.id as string, m]));
  const out: string[] = [`<h1>${h(w.formsTitle(data.year))}</h1>`];
  for (const r of data.reports) {
    const t = r.template;
    const head: string[] = [];
    if (t.by === 'member') {
      const m = member.get(r.subject);
      head.push(`<p>${w.fullName}: <b>${h(m?.name ?? r.subject)}</b></p>`);
      head.push(`<p>${w.position}: ${h(m ? roleLabel(problem, m.role, lang) : '')}</p>`);
      head.push(`<p>${w.workUnit}: ${h(m ? (unit.get(m.unit) ?? m.unit) : '')}</p>`);
    } else head.push(`<p>${w.unitReport}: <b>${h(unit.get(r.subject) ?? r.subject)}</b></p>`);
    const visitLines =
      r.visits.length === 0
        ? `<p class="muted">${w.noVisits}</p>`
        : '<ul>' +
          r.visits
            .map((v) => {
              const c = cell.get(v.cell);
              const who = t.by === 'unit' ? ` — ${member.get(v.member)?.name ?? v.member}` : '';
              return `<li>${h(
                w.visitLine(
                  dateText(v.date, lang),
                  weekdayName(v.date, lang),
                  `${v.start}–${v.end}`,
                  c?.name ?? v.cell,
                  c ? (unit.get(c.unit) ?? c.unit) : '',
                ) + who,
              )}</li>`;
            })
            .join('') +
          '</ul>';
    const body = t.sections
      .map(
        (s) =>
          (s.title ? `<h3>${h(s.title[lang])}</h3>` : '') +
          s.fields
            .map(
              (f) =>
                `<p><b>${h(f[lang])}</b></p>` +
                (f.fill === 'visits' ? visitLines : '<div class="blank"></div><div class="blank"></div>'),
            )
            .join(''),
      )
      .join('');
    out.push(
      `<section class="form" data-report="${h(t.id)}"><h2>${h(t.title[lang])}</h2>` +
        `<p style="text-align:center">(${h(periodOf(r, lang))})</p>${head.join('')}` +
        `<p class="muted">${w.article}: ${h(t.article)}. ${r.due ? h(w.dueOn(dateText(r.due, lang))) : ''}</p>` +
        `${body}<div class="sign"><b>${w.reporter}</b><br>${w.sign}</div></section>`,
    );
  }
  return page(lang, w.formsTitle(data.year), out.join('\n'), marks);
}

/** One member's year, to print and hand to them: their visits by date and their quota (issue 24, item 7). */
export function renderMemberPage(data: ReportData, problem: Problem, memberId: string, marks = ''): string {
  const lang = data.lang;
  const w = W[lang];
  const m = data.members.find((x) => x.id === memberId)!;
  const qt = quotaText(m, lang);
  const rows = data.assignments.filter((a) => a.memberId === memberId);
  const body = [
    `<h1>${h(w.memberYear(m.name, data.year))}</h1>`,
    `<p>${h(roleLabel(problem, m.role, lang))} · ${h(m.unit)} · ${w.quota}: ` +
      `<span class="${qt.ok ? 'ok' : 'bad'}">${h(qt.text)} ${qt.ok ? '✔' : '✖'}</span></p>`,
    assignmentTable(
      rows,
      w.assignCaption0(m.name, data.year),
      lang,
      rows.some((a) => a.state),
      'page',
    ),
  ];
  return page(lang, w.memberYear(m.name, data.year), body.join('\n'), marks);
}

/** One cell's year: its twelve meetings, moved dates marked, and who attends each. */
export function renderCellPage(data: ReportData, problem: Problem, cellId: string, marks = ''): string {
  const lang = data.lang;
  const w = W[lang];
  const cell = problem.cells.find((c) => c.id === cellId)!;
  const unit = problem.units.find((u) => u.id === cell.unit)?.name ?? cell.unit;
  const who = new Map<string, string[]>();
  for (const a of data.assignments.filter((x) => x.cellId === cellId))
    who.set(a.date, [...(who.get(a.date) ?? []), `${a.member}${a.state ? ` (${a.state})` : ''}`]);
  const rows = data.calendar
    .filter((r) => r.cell === cellId)
    .map(
      (r) =>
        `<tr><td>${MONTH_SHORT[lang][r.month - 1]}</td><td>${dateText(r.date, lang)}</td>` +
        `<td>${h(weekdayName(r.date, lang))}</td><td>${r.start}–${r.end}</td>` +
        `<td${r.note ? ' class="moved"' : ''}>${h(r.note)}</td>` +
        `<td>${h((who.get(r.date) ?? []).join(', ') || w.noVisit)}</td></tr>`,
    )
    .join('');
  const body = [
    `<h1>${h(w.cellYear(cell.name, data.year))}</h1>`,
    `<p>${h(unit)}${cell.tags.length > 0 ? ` · ${h(cell.tags.map((t) => tagLabel(t, lang)).join(', '))}` : ''}</p>`,
    `<section class="page"><table class="assign"><caption>${h(w.cellYear(cell.name, data.year))}</caption><thead>` +
      `<tr><th scope="col">${w.month}</th><th scope="col">${w.date}</th><th scope="col">${w.weekday}</th>` +
      `<th scope="col">${w.time}</th><th scope="col">${w.note}</th><th scope="col">${w.attending}</th></tr></thead>` +
      `<tbody>${rows}</tbody></table></section>`,
  ];
  return page(lang, w.cellYear(cell.name, data.year), body.join('\n'), marks);
}
