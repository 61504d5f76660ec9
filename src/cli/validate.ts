// lichdu validate SPEC: load and check the spec only, and say what it holds.
import { yearlyQuota } from '../domain/workload.js';
import { loadSpecFile } from '../spec/load.js';
import { precheck } from '../../solver/precheck.js';
import { EXIT, unwrap, type Io } from './io.js';

export function runValidate(specPath: string, io: Io): number {
  const p = unwrap(loadSpecFile(specPath));
  const demand = p.members.reduce((s, m) => s + yearlyQuota(m), 0);
  const slots = p.meetings.length * p.policy.maxVisitorsPerMeeting;
  io.out(`✔ ${specPath}: valid\n`);
  io.out(`  year ${p.year}, time zone ${p.timezone}, policy ${p.policy.id} (${p.policy.title})\n`);
  io.out(
    `  ${p.units.length} units, ${p.cells.length} cells, ${p.members.length} members, ${p.fixed.length} fixed visits\n`,
  );
  io.out(
    `  ${p.meetings.length} meetings (${slots} visitor places); members must make at least ${demand} visits; ` +
      `${p.holidays.size} holidays\n`,
  );
  // What cannot be met whatever the plan: said now, in plain words (lichdu plan still writes the best plan).
  for (const line of precheck(p)) io.out(`  ! ${line}\n`);
  return EXIT.ok;
}
