// Writes src/calendar/vnHolidayTable.ts: the `vn` public holidays of 2000–2100 as date-holidays computes them, so that
// reading a spec need not load the library (0.2–0.3 s). Run after `npm run build` when date-holidays is upgraded:
//   node scripts/vn-holidays-table.mjs && npx prettier --write src/calendar/vnHolidayTable.ts
// test/calendar/holidays.test.ts holds the table equal to the library, year by year.
import { readFileSync, writeFileSync } from 'node:fs';
import { vnPublicHolidaysComputed } from '../dist/src/calendar/holidays.js';

const FROM = 2000;
const TO = 2100;
const version = JSON.parse(readFileSync('node_modules/date-holidays/package.json', 'utf8')).version;
const years = [];
for (let y = FROM; y <= TO; y++)
  years.push(
    [...vnPublicHolidaysComputed(y, 'Asia/Ho_Chi_Minh')]
      .sort()
      .map((d) => d.slice(5))
      .join(' '),
  );
const text = [
  `// Written by scripts/vn-holidays-table.mjs from date-holidays ${version}: do not edit. The \`vn\` public holidays`,
  `// of ${FROM}–${TO} (src/calendar/holidays.ts), one year per entry, as MM-DD separated by spaces.`,
  `export const VN_HOLIDAYS_FROM = ${FROM};`,
  `export const VN_HOLIDAYS: readonly string[] = [`,
  ...years.map((y) => `  '${y}',`),
  `];`,
  '',
].join('\n');
writeFileSync('src/calendar/vnHolidayTable.ts', text);
console.log(`src/calendar/vnHolidayTable.ts: ${years.length} years (${FROM}–${TO}), date-holidays ${version}`);
