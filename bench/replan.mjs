// Re-plan benchmark (issue 9): how many visits ahead a re-plan changes, and how long it takes, for two events on
// the bundled example and on seeded instances (bench/instances.mjs, e.g. L: a 2,800-cell province):
//   - leaves:      the member with the most visits after 1 July leaves on 30 June (active: "..2027-06-30");
//   - unavailable: the member with the most visits in August is unavailable for all of August;
// both re-planned from 1 July with the previous plan's visits before it as done. For each: the visits ahead, the
// ones the event makes impossible (a lower bound of the changes), lichdu's changes (kept / moved / added / removed),
// and the peer on the same model in the same run: the same re-plan without the `changes` goal (what one gets by
// feeding the past back as fixed visits and planning again), with its own changes. Run after `npm run build`:
//   node bench/replan.mjs [example] [S] [M] [L] ...        (TIME_LIMIT=60 by default)
import { readFileSync } from 'node:fs';
import { buildProblem, parseSpec } from '../dist/src/spec/load.js';
import { solve } from '../dist/solver/index.js';
import { shutdownBackends } from '../dist/solver/backends/index.js';
import { replanProblem } from '../dist/src/replan/build.js';
import { diffPlans, whyNot } from '../dist/src/replan/diff.js';
import { checkPlan } from '../dist/src/check/index.js';
import { makeVariant } from './instances.mjs';
import YAML from 'yaml';

const LIMIT = Number(process.env.TIME_LIMIT ?? 60);
const FROM = '2027-07-01';
const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['example', 'M'];

function rawSpec(name) {
  if (name === 'example') return YAML.parse(readFileSync('fixtures/example/spec.yaml', 'utf8'));
  return makeVariant(name, 1);
}

function problemOf(raw, name) {
  const r = buildProblem(raw, name, 'sha256:bench');
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  return r.value;
}

/** The member with the most visits in [a, b). */
function busiest(visits, a, b) {
  const n = new Map();
  for (const v of visits) if (v.date >= a && v.date < b) n.set(v.member, (n.get(v.member) ?? 0) + 1);
  return [...n].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0][0];
}

const secs = (ms) => (ms / 1000).toFixed(1);
const rows = [];
void parseSpec;
for (const name of names) {
  const raw = rawSpec(name);
  const base = problemOf(raw, name);
  const size = `${name}: ${base.cells.length} cells, ${base.members.length} members`;
  const t0 = performance.now();
  const old = await solve(base, { timeLimitSec: LIMIT });
  const freshMs = performance.now() - t0;
  const events = {
    leaves: (() => {
      const who = busiest(old.visits, FROM, '2028');
      return {
        who,
        raw: { ...raw, members: raw.members.map((m) => (m.id === who ? { ...m, active: '..2027-06-30' } : m)) },
      };
    })(),
    'unavailable in August': (() => {
      const who = busiest(old.visits, '2027-08-01', '2027-09-01');
      const add = (m) => ({ ...m, unavailable: [...(m.unavailable ?? []), '2027-08-01..2027-08-31'] });
      return { who, raw: { ...raw, members: raw.members.map((m) => (m.id === who ? add(m) : m)) } };
    })(),
  };
  for (const [event, { who, raw: changed }] of Object.entries(events)) {
    const after = problemOf(changed, name);
    const ahead = old.visits.filter((v) => v.date >= FROM).length;
    const t1 = performance.now();
    const setup = replanProblem({ problem: after, previous: old.visits, from: FROM, unrecorded: 'done' });
    const r = await solve(setup.problem, { timeLimitSec: LIMIT });
    const ms = performance.now() - t1;
    const d = diffPlans(setup.problem, old.visits, r.visits, FROM);
    const why = whyNot(setup.problem);
    const impossible = old.visits.filter((v) => v.date >= FROM && why(v) !== 'rebalanced').length;
    const broken = checkPlan(setup.problem, r.visits).length;
    // The peer: the same re-plan without the changes goal.
    const t2 = performance.now();
    const peerProblem = { ...setup.problem, replan: { from: FROM, previous: [] } };
    const p = await solve(peerProblem, { timeLimitSec: LIMIT });
    const peerMs = performance.now() - t2;
    const pd = diffPlans(setup.problem, old.visits, p.visits, FROM);
    const count = (x) => x.moved + x.added + x.removed;
    rows.push([
      size,
      event,
      who,
      String(ahead),
      String(impossible),
      `${count(d)} (${d.kept} kept, ${d.moved} moved, ${d.added} added, ${d.removed} removed)`,
      `${r.status}, ${broken} violations`,
      `${secs(ms)} (fresh ${secs(freshMs)})`,
      `${count(pd)} (${pd.kept} kept), ${secs(peerMs)} s`,
    ]);
    console.error(rows[rows.length - 1].join(' | '));
  }
}
await shutdownBackends();
const head = [
  'instance',
  'event',
  'member',
  'visits ahead',
  'impossible',
  'lichdu: changed visits',
  'status',
  're-plan s',
  'peer without the goal: changed, s',
];
console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
