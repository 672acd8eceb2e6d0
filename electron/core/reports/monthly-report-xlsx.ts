import ExcelJS from 'exceljs';
import type { MonthlyReportDto, MonthlyReportRowDto } from '../../../shared/contract';
import { RESULT_CATEGORIES, RESULT_CATEGORY_LABELS } from '../../../shared/domain/inspections/inspections';

type Counts = MonthlyReportDto['total'];

/** Simple figures before the result categories, and after them, as (label, value) columns. */
const LEADING: readonly [string, (c: Counts) => number][] = [
  ['抽查任务数', (c) => c.tasks],
  ['抽取对象数', (c) => c.drawn],
  ['已检查对象数', (c) => c.inspected],
];
const TRAILING_GROUPS: readonly { group: string; columns: readonly [string, (c: Counts) => number][] }[] = [
  { group: '结果录入', columns: [['按时录入', (c) => c.entryOnTime], ['逾期录入', (c) => c.entryLate]] },
  { group: '结果公示', columns: [['按时公示', (c) => c.publishedOnTime], ['逾期公示', (c) => c.publishedLate]] },
];
const OPEN_FOLLOW_UPS = '月末未完结后续处置';

/** What each figure counts (the definitions in monthly-report.ts), printed on a second sheet. */
const NOTES: readonly [string, string][] = [
  ['抽查任务数', '检查期间与本月有交集的抽查任务（所属计划已发布，不含已撤销或已合并的任务），按实施单位统计'],
  ['抽取对象数', '本月完成的摇号抽中的检查对象数（按北京时间的摇号完成日期）'],
  ['已检查对象数', '检查结束日期在本月的检查对象数'],
  ['检查结果', '复核通过（结果形成）日期在本月的检查结果，按结果类别统计；同一对象有多项结果的分别计入'],
  ['按时 / 逾期录入', '本月提交复核的检查结果；提交日期不晚于检查结束之日起第 10 个工作日的为按时（第十四条第（五）项）'],
  ['按时 / 逾期公示', '公示日期在本月的检查结果；不晚于结果形成之日起第 10 个工作日的为按时（第十六条）'],
  ['月末未完结后续处置', '结果形成于月末之前、月末时后续处置尚未完结的检查'],
  ['工作日', '按国务院办公厅放假安排（含调休上班日）计算，起算日不计入'],
];

/**
 * The 月报表 as an XLSX workbook: a title row "XX局 2026年5月 双随机抽查工作月报表", a line with the
 * month and when it was made, two header rows (groups above, figures below; result categories as
 * columns), one row per bureau, a bold 合计 row, and a sheet explaining each figure.
 */
export async function monthlyReportXlsx(report: MonthlyReportDto, o: { bureauName: string; generatedAt: string }): Promise<Buffer> {
  const [year, month] = report.month.split('-').map(Number) as [number, number];
  const categories = RESULT_CATEGORIES.map((c) => [RESULT_CATEGORY_LABELS[c], (x: Counts) => x.byCategory[c]] as const);
  const columns = [...LEADING, ...categories, ...TRAILING_GROUPS.flatMap((g) => g.columns), [OPEN_FOLLOW_UPS, (c: Counts) => c.openFollowUps] as const];
  const width = 2 + columns.length;

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'casebinder';
  const sheet = workbook.addWorksheet('月报表', { views: [{ state: 'frozen', xSplit: 2, ySplit: 4 }], pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });

  const title = `${o.bureauName} ${year}年${month}月 双随机抽查工作月报表`;
  sheet.mergeCells(1, 1, 1, width);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 16 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value = `统计月份：${year}年${month}月　　统计范围：${o.bureauName}${report.rows.length > 1 ? '及所辖单位' : ''}　　制表时间：${o.generatedAt}`;

  // Header: row 3 the groups, row 4 the figures; single columns span both rows.
  const header = (r1: number, c1: number, r2: number, c2: number, text: string) => {
    if (r1 !== r2 || c1 !== c2) sheet.mergeCells(r1, c1, r2, c2);
    sheet.getCell(r1, c1).value = text;
  };
  header(3, 1, 4, 1, '单位');
  header(3, 2, 4, 2, '区划代码');
  let col = 3;
  for (const [label] of LEADING) {
    header(3, col, 4, col, label);
    col++;
  }
  header(3, col, 3, col + categories.length - 1, '检查结果（按结果形成日期）');
  for (const [label] of categories) {
    header(4, col, 4, col, label);
    col++;
  }
  for (const g of TRAILING_GROUPS) {
    header(3, col, 3, col + g.columns.length - 1, g.group);
    for (const [label] of g.columns) {
      header(4, col, 4, col, label);
      col++;
    }
  }
  header(3, col, 4, col, OPEN_FOLLOW_UPS);
  for (const r of [3, 4]) {
    const row = sheet.getRow(r);
    row.height = r === 4 ? 60 : 22;
    row.eachCell((cell) => {
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    });
  }

  const line = (name: string, code: string, counts: Counts) => [name, code, ...columns.map(([, get]) => get(counts))];
  for (const row of report.rows) sheet.addRow(line(row.bureauName, row.divisionCode ?? '', row as MonthlyReportRowDto));
  const total = sheet.addRow(line('合计', '', report.total));
  total.font = { bold: true };

  const border = { style: 'thin' as const };
  for (let r = 3; r <= sheet.rowCount; r++) {
    for (let c = 1; c <= width; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = { top: border, left: border, bottom: border, right: border };
      if (r > 4 && c > 2) cell.alignment = { horizontal: 'center' };
    }
  }
  sheet.getColumn(1).width = 34;
  sheet.getColumn(2).width = 10;
  for (let c = 3; c <= width; c++) sheet.getColumn(c).width = c >= 6 && c < 6 + categories.length ? 14 : 11;

  const notes = workbook.addWorksheet('指标说明');
  notes.addRow(['指标', '统计口径']).font = { bold: true };
  for (const n of NOTES) notes.addRow([...n]);
  notes.getColumn(1).width = 22;
  notes.getColumn(2).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
