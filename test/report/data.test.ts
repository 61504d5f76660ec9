// The report's figures (issue 10): heat maps add up to the plan, cells sort as people read them, rules come from the
// checker, and the periodic reports owed follow the policy's data (seed 001 quarterly by the 30th, seed 002 days
// after each visit and monthly by commune).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { reportData } from '../../src/report/data.js';
import { renderReportForms, renderReportHtml } from '../../src/report/html.js';
import { periodicReports } from '../../src/policies/periodic.js';
import { cell, issuesOf, member, problemOf, spec, visit } from '../builders.js';
import { messageOf } from '../../src/util/issues.js';

const cells = ['thôn 10', 'thôn 2', 'làng Kon Klor', 'thôn 1', 'Ấp Bắc'].map((n, i) =>
  cell({ id: `c${i + 1}`, name: `Chi bộ ${n}`, ...(i === 1 ? { tags: ['remote'] } : {}) }),
);

describe('report data', () => {
  const problem = problemOf(spec({ cells, members: [member({ id: 'm1' }), member({ id: 'm2', role: 'province' })] }));

  it('when the plan is any set of visits then the heat maps, members and months add up to it', () => {
    const meetings = problem.meetings;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.constantFrom('m1', 'm2'), fc.nat(meetings.length - 1)), {
          maxLength: 30,
          selector: ([m, i]) => `${m}|${i}`,
        }),
        (picks) => {
          const visits = picks.map(([m, i]) =>
            visit(problem, { member: m, cell: meetings[i]!.cell, month: meetings[i]!.month }),
          );
          const d = reportData(problem, visits, 'vi');
          const heat = d.units.flatMap((u) => u.cells.flatMap((c) => c.months.map((x) => x.count)));
          expect(heat.length).toBe(problem.cells.length * 12);
          expect(heat.reduce((a, b) => a + b, 0)).toBe(visits.length);
          expect(d.byMonth.reduce((a, b) => a + b, 0)).toBe(visits.length);
          expect(d.members.reduce((s, m) => s + m.total, 0)).toBe(visits.length);
          const broken = checkPlan(problem, visits);
          expect(d.violations.length).toBe(broken.length);
          expect(d.rules.reduce((s, r) => s + r.violations, 0)).toBe(broken.length);
          for (const u of d.units)
            for (const c of u.cells) expect(c.months.map((x) => x.who.length)).toEqual(c.months.map((x) => x.count));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('when cells are named with numbers then they sort as read: thôn 2 before thôn 10, Ấp before làng', () => {
    const d = reportData(problem, [], 'vi');
    expect(d.units[0]!.cells.map((c) => c.name)).toEqual([
      'Chi bộ Ấp Bắc',
      'Chi bộ làng Kon Klor',
      'Chi bộ thôn 1',
      'Chi bộ thôn 2',
      'Chi bộ thôn 10',
    ]);
  });

  it('when the html is made then each cell has twelve heat squares and a priority cell its star', () => {
    const v = [visit(problem, { member: 'm1', cell: 'c2', month: 3 })];
    const html = renderReportHtml(reportData(problem, v, 'en'), problem, { generatedAt: '2027-01-01T00:00:00Z' });
    expect(html.match(/class="hm /g)?.length).toBe(problem.cells.length * 12);
    expect(html).toContain('data-cell="c2" data-month="3" title="Chi bộ thôn 2 · Mar: Cấp ủy viên m1 (05/03)"');
    expect(html).toMatch(/thôn 2 <span class="star" title="remote area">★<\/span>/);
    expect(html).not.toMatch(/<script|https?:\/\//);
  });
});

describe('periodic reports', () => {
  it('when the policy is hoabinh-08 then each member owes four quarterly reports, due the 30th', () => {
    const p = problemOf(spec({ policy: 'hoabinh-08', cells, members: [member({ id: 's1', role: 'standing' })] }));
    const v = [visit(p, { member: 's1', cell: 'c1', month: 2 }), visit(p, { member: 's1', cell: 'c3', month: 7 })];
    const due = periodicReports(p, v);
    expect(due.map((r) => [r.period, r.due, r.visits.length])).toEqual([
      ['2027-Q1', '2027-03-30', 1],
      ['2027-Q2', '2027-06-30', 0],
      ['2027-Q3', '2027-09-30', 1],
      ['2027-Q4', '2027-12-30', 0],
    ]);
    const forms = renderReportForms(reportData(p, v, 'vi'), p);
    expect(forms.match(/<section class="form"/g)?.length).toBe(4);
    expect(forms).toContain('4- Tính khả thi của nghị quyết');
    expect(forms).toContain('Hạn nộp: 30/03/2027');
  });

  it('when the policy is plan-002 then visits owe a report days after them and communes a monthly summary', () => {
    const p = problemOf(
      spec({
        policy: 'plan-002',
        cells,
        members: [member({ id: 'd1', role: 'district' }), member({ id: 'w1', role: 'commune-worker' })],
      }),
    );
    const a = visit(p, { member: 'd1', cell: 'c1', month: 1 });
    const b = visit(p, { member: 'w1', cell: 'c2', month: 1 });
    const due = periodicReports(p, [a, b]);
    const perVisit = due.filter((r) => r.template.id === 'visit');
    expect(perVisit.map((r) => [r.subject, r.due])).toEqual([
      ['d1', '2027-01-08'],
      ['w1', '2027-01-06'],
    ]);
    const monthly = due.filter((r) => r.template.id === 'monthly');
    expect(monthly.length).toBe(12);
    expect(monthly[0]!.subject).toBe('xa1');
    expect(monthly[0]!.visits).toEqual([b]);
    expect(monthly.every((r) => r.due === undefined)).toBe(true);
  });

  it('when an inline policy sets a monthly report on day 31 then February is due on its last day', () => {
    const p = problemOf(
      spec({
        cells,
        policy: {
          id: 'x',
          extends: 'kontum-776',
          reports: [
            {
              id: 'm',
              title: { vi: 'Báo cáo tháng', en: 'Monthly' },
              article: 'Điều 1',
              each: 'month',
              due_day: 31,
              sections: [{ fields: [{ vi: 'Kết quả', en: 'Results', fill: 'visits' }] }],
            },
          ],
        },
      }),
    );
    expect(
      periodicReports(p, [])
        .map((r) => r.due)
        .slice(0, 4),
    ).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
  });

  it('when a report names an unknown role or the wrong kind of due date then the spec is refused by path', () => {
    const issues = issuesOf(
      spec({
        cells,
        policy: {
          id: 'x',
          extends: 'kontum-776',
          reports: [
            {
              id: 'v',
              title: { vi: 'a', en: 'a' },
              article: 'b',
              each: 'visit',
              roles: ['comune'],
              due_day: 3,
              sections: [{ fields: [{ vi: 'a', en: 'a' }] }],
            },
          ],
        },
      }),
    );
    expect(issues.map((i) => `${i.path.join('.')}: ${messageOf(i, 'en')}`)).toEqual([
      'policy.reports.0.roles.0: unknown role "comune" (did you mean "commune"?); the policy\'s roles: province, ' +
        'district, commune',
      'policy.reports.0.due_day: a report after each visit is due some days after it: write due_after_days ' +
        'instead of due_day',
    ]);
  });
});
