// Prints the problem codes as a Markdown table (README, "Problems and their codes"): each code with its English and
// Vietnamese text, parameters shown as <name>. Run after `npm run build`: node scripts/codes-table.mjs
import { CODES, MESSAGES, renderMessage } from '../dist/src/i18n/messages.js';

const cell = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
console.log('| code | English | Tiếng Việt |');
console.log('|---|---|---|');
for (const code of CODES) {
  const params = Object.fromEntries(MESSAGES[code].params.map((p) => [p, `<${p}>`]));
  console.log(
    `| \`${code}\` | ${cell(renderMessage(code, params, 'en'))} | ${cell(renderMessage(code, params, 'vi'))} |`,
  );
}
