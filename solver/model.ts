// Builds the MIP from the rule modules, in a fixed order: data, variables, one group of rows per rule, objective.
import type { Meeting, Problem } from '../src/domain/types.js';
import { lpName, Model } from './lp.js';
import { group, type BuiltModel, type Candidate, type Forced, type ModelContext } from './context.js';
export type { BuiltModel, Candidate, Forced, ModelContext, Slack } from './context.js';
import { quotaRows } from './rules/quota.js';
import { coverageRows } from './rules/coverage.js';
import { visitorsPerMeetingRows } from './rules/visitorsPerMeeting.js';
import { teamPerMeetingRows } from './rules/teamPerMeeting.js';
import { noConsecutiveRows } from './rules/noConsecutive.js';
import { visitsPerDayRows } from './rules/visitsPerDay.js';
import { eligible } from './rules/eligibility.js';
import { objective } from './objective.js';

/**
 * `network: true` leaves out the rows that couple a member's visits to one cell across months (noConsecutive, the
 * rotation penalty) and the team rows, and makes every variable continuous. What remains has one laminar family of
 * rows per member (quota periods, days) and one per cell (coverage periods, meetings): a network matrix, so its LP
 * optimum is integral, and since what was left out only forbids plans or adds non-negative cost, that optimum is a
 * lower bound of the full model.
 */
export function buildModel(problem: Problem, opts: { network?: boolean } = {}): BuiltModel {
  const network = opts.network ?? false;
  const model = new Model();
  // Variables: one per member and meeting the member may attend (homeCell, area, availability decide which), and
  // one per fixed visit whatever those rules say (fixed visits stay exactly as given).
  const fixedKeys = new Set(problem.fixed.map((f) => `${f.member}|${f.cell}|${f.date}`));
  const byCellMeetings = new Map<string, Meeting[]>();
  for (const m of problem.meetings) (byCellMeetings.get(m.cell) ?? byCellMeetings.set(m.cell, []).get(m.cell)!).push(m);
  const cellById = new Map(problem.cells.map((c) => [c.id as string, c]));
  const candidates: Candidate[] = [];
  const forced: Forced[] = [];
  for (const member of problem.members) {
    for (const cell of problem.cells) {
      for (const meeting of byCellMeetings.get(cell.id) ?? []) {
        const fixed = fixedKeys.has(`${member.id}|${cell.id}|${meeting.date}`);
        const why = eligible(problem, member, cell, meeting);
        if (why !== true && !fixed) continue;
        if (why !== true) forced.push({ rule: why, member: member.id, cell: cell.id, date: meeting.date });
        const v = model.addVar(`x#${lpName(member.id)}#${lpName(cell.id)}#${meeting.month}`, {
          lb: fixed ? 1 : 0,
          ub: 1,
          integer: !network,
        });
        candidates.push({ v, member, cell: cellById.get(cell.id)!, meeting, fixed });
      }
    }
  }
  const ctx: ModelContext = {
    problem,
    model,
    candidates,
    byMember: group(candidates, (c) => c.member.id),
    byCell: group(candidates, (c) => c.cell.id),
    byMeeting: group(candidates, (c) => `${c.cell.id}|${c.meeting.date}`),
    slacks: [],
    forced,
    integer: !network,
  };
  // One group of rows per rule, hard rules first.
  quotaRows(ctx);
  coverageRows(ctx);
  visitorsPerMeetingRows(ctx);
  if (!network) teamPerMeetingRows(ctx);
  if (!network) noConsecutiveRows(ctx);
  visitsPerDayRows(ctx);
  // Soft goals.
  objective(ctx, { rotation: !network });
  return { model, candidates, slacks: ctx.slacks, forced: ctx.forced };
}
