// Attendance in the calendars (issue 24, item 8): with the attendance file, a missed visit's event says so, a visit
// made by someone else says who went, and the substitute's visit appears in their own calendar. Each changed event
// keeps its UID with SEQUENCE raised, so that subscribed phones update it; nothing is written to plan.json.
import type { PlanDocument, PlanVisit } from '../planfile/json.js';
import { defaultUid } from '../planfile/json.js';
import { VisitMap } from '../domain/plan.js';
import type { MemberId } from '../domain/types.js';
import type { AttendanceRecord } from './file.js';

export function withAttendance(doc: PlanDocument, records: readonly AttendanceRecord[]): PlanDocument {
  const recordOf = new VisitMap<AttendanceRecord>();
  for (const r of records) recordOf.set(r, r);
  const name = new Map(doc.members.map((m) => [m.id as string, m.name]));
  const raised = (v: PlanVisit) => ({
    uid: v.identity?.uid ?? defaultUid(v),
    sequence: (v.identity?.sequence ?? 0) + 1,
    stamp: v.identity?.stamp ?? doc.generatedAt,
  });
  const visits: PlanVisit[] = [];
  for (const v of doc.visits) {
    const r = recordOf.get(v);
    if (r?.result === undefined) {
      visits.push(v);
      continue;
    }
    const reason = r.reason !== undefined ? { reason: r.reason } : {};
    if (r.result === 'replaced' && r.replacedBy !== undefined) {
      const by = r.replacedBy;
      visits.push({
        ...v,
        identity: raised(v),
        attended: { result: 'replaced', other: name.get(by) ?? by, ...reason },
      });
      const sub = { ...v, member: by as MemberId };
      visits.push({
        ...sub,
        identity: { uid: defaultUid(sub), sequence: 0, stamp: doc.generatedAt },
        attended: { result: 'substitute', other: name.get(v.member) ?? v.member },
      });
    } else visits.push({ ...v, identity: raised(v), attended: { result: r.result, ...reason } });
  }
  return { ...doc, visits };
}
