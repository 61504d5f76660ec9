// `lichdu import --template DIR`: an empty workbook to fill in (issue 11) — one sheet each for units, cells and
// members with the headers lichdu reads, a second row explaining each column (skipped when read back), and lists to
// choose roles, levels and yes/no tags from.
import type { Policy } from '../domain/types.js';
import { workbookBytes } from '../export/xlsx.js';
import { COLUMNS, SHEETS, type SheetKind } from './columns.js';

export const TEMPLATE_FILE = 'lichdu-nhap-lieu.xlsx';
const LAST_ROW = 2000;

export async function renderTemplate(policy: Policy): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(2026, 0, 1));
  wb.creator = 'lichdu';
  wb.created = fixed;
  wb.modified = fixed;
  const roles = Object.entries(policy.roles).map(([id, r]) => r.label?.vi ?? id);
  for (const kind of ['units', 'cells', 'members'] as SheetKind[]) {
    const ws = wb.addWorksheet(SHEETS[kind][0]!, { views: [{ state: 'frozen', ySplit: 2 }] });
    const cols = COLUMNS[kind];
    ws.addRow(cols.map((c) => c.aliases[0]!)).font = { bold: true };
    ws.addRow(cols.map((c) => c.explain)).font = { italic: true, color: { argb: 'FF666666' } };
    cols.forEach((c, i) => {
      ws.getColumn(i + 1).width = Math.min(40, Math.max(c.aliases[0]!.length, c.explain.length * 0.8) + 2);
      const list = c.tag
        ? ['có', 'không']
        : kind === 'members' && c.key === 'role'
          ? roles
          : kind === 'units' && c.key === 'level'
            ? ['tỉnh', 'huyện', 'xã']
            : undefined;
      if (!list) return;
      const letter = ws.getColumn(i + 1).letter;
      for (let r = 3; r <= LAST_ROW; r++)
        ws.getCell(`${letter}${r}`).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${list.join(',')}"`],
          showErrorMessage: true,
          errorTitle: c.aliases[0]!,
          error: `Chọn một trong: ${list.join(', ')}`,
        };
    });
  }
  return workbookBytes(wb, fixed);
}
