// Writes test/fixtures/targets-two-sheets.xlsx (run once; the file is committed). Sheet 1 is notes,
// sheet 2 ("名录") holds the rows, one credit code stored as a number the way Excel mangles it.
import ExcelJS from 'exceljs';

const wb = new ExcelJS.Workbook();
wb.addWorksheet('说明').addRow(['本工作簿第二个工作表为检查对象名录']);
const ws = wb.addWorksheet('名录');
ws.addRow(['统一社会信用代码', '名称', '属地', '风险等级', '信用等级']);
ws.addRow(['914403001922038216', '沈阳表格示例一有限公司', '和平区', '低', 'A']);
ws.addRow(['9144030071526726XG', { richText: [{ text: '沈阳表格' }, { text: '示例二有限公司' }] }, '沈河区市场监督管理局', '较低', 'B']);
ws.addRow([91440300708461136, '数字格式的代码公司', '皇姑区', '一般', 'C']);
await wb.xlsx.writeFile('test/fixtures/targets-two-sheets.xlsx');
