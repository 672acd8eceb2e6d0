import ExcelJS from 'exceljs';
import type { ImportColumn, RowIssue } from '../../../shared/domain/imports';

const BOM = '\uFEFF';

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading = + - @ is neutralised for Excel. */
export function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** The full error report: every rejected row with line, column, code and message. UTF-8 with BOM for Excel. */
export function errorReportCsv(errors: readonly RowIssue[]): string {
  return BOM + csvLine(['行号', '列', '错误代码', '错误说明']) + errors.map((e) => csvLine([String(e.line), e.column ?? '', e.code, e.message])).join('');
}

/** Template: the header row with every column label, example rows, and (XLSX) a sheet of notes. */
export async function templateFile(columns: readonly ImportColumn[], rows: readonly Readonly<Record<string, string>>[], format: 'csv' | 'xlsx'): Promise<Buffer> {
  if (format === 'csv') {
    const text = BOM + csvLine(columns.map((c) => c.label)) + rows.map((r) => csvLine(columns.map((c) => r[c.key] ?? ''))).join('');
    return Buffer.from(text, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('导入');
  sheet.addRow(columns.map((c) => c.label)).font = { bold: true };
  for (const r of rows) sheet.addRow(columns.map((c) => r[c.key] ?? ''));
  sheet.columns.forEach((col) => (col.width = 22));
  columns.forEach((_c, i) => (sheet.getColumn(i + 1).numFmt = '@')); // text: keeps 18-digit codes intact
  const notes = workbook.addWorksheet('填写说明');
  notes.addRow(['列名', '是否必填', '可识别的其他列名', '说明']).font = { bold: true };
  for (const c of columns) notes.addRow([c.label, c.required ? '必填' : '', c.aliases.join('、'), c.hint ?? '']);
  notes.columns.forEach((col) => (col.width = 30));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
