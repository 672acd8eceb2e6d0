import { DOCUMENT_KIND_TITLES } from '../../../shared/domain/documents/doc-number';
import { INSPECTION_METHOD_LABELS, INSPECTION_METHODS } from '../../../shared/domain/items';
import { blank, inspectorLines, NONE, sectionTitle, targetRows } from './document-layout';
import type { InspectionFacts } from './inspection-facts';
import { createPdfBuilder, type MissingGlyph } from './pdf-builder';
import type { RenderedPdf } from './notice-pdf';

type Deps = { fontBytes: Uint8Array; onMissingGlyphs?: (missing: MissingGlyph[]) => void };

const TITLE = DOCUMENT_KIND_TITLES.register;
const BOX = '□';
const LABEL_WIDTH = 124;

/** domain-reference §1.1 (the labels of the national platform's dashboard first). */
const RESULT_LABELS = [
  '未发现问题',
  '发现问题已责令改正',
  '发现问题待后续处理',
  '未按规定公示应当公示的信息',
  '公示信息隐瞒真实情况、弄虚作假',
  '通过登记的住所（经营场所）无法联系',
  '不予配合检查情节严重',
  '未发现开展本次抽查涉及的经营活动',
  '已办理注销登记',
];

/** domain-reference §1.3 */
const FOLLOW_UP_LABELS = [
  '未发现问题或相关问题已规范、已改正，无需后续处置',
  '停止检查，反馈至日常监管部门依法依规处理',
  '违反本部门相关规定，责令改正；后续跟踪由日常监管部门负责',
  '发现案件线索，初步固定相关证据后移送办案机构依法依规处理',
  '违反其他部门相关规定，抄告相关部门',
  '其他：＿＿＿＿＿＿＿＿＿＿＿＿',
];

const boxes = (labels: readonly string[], perLine = 1): string => {
  const lines: string[] = [];
  for (let i = 0; i < labels.length; i += perLine) lines.push(labels.slice(i, i + perLine).map((l) => `${BOX}${l}`).join('　　'));
  return lines.join('\n');
};

/**
 * 行政检查登记表 (随机抽查情况记录表; Art. 14(3), fields per domain-reference §2.3), pre-filled from the task
 * and the draw, with ruled blank cells for what the inspectors write on site: per item whether it was
 * checked, what was found and how it was handled, the methods used, the results, follow-up, the party's
 * statement and the signatures of the party, both inspectors and — on refusal or absence — a witness.
 */
export async function renderRegisterPdf(facts: InspectionFacts, doc: { createdAt: Date }, deps: Deps): Promise<RenderedPdf> {
  const pdf = await createPdfBuilder({
    fontBytes: deps.fontBytes,
    title: `${TITLE}（${facts.target.name}）`,
    author: facts.bureau.name,
    subject: `${facts.task.name} ${facts.target.name}`,
    keywords: ['双随机、一公开', TITLE, '随机抽查情况记录表'],
    creationDate: doc.createdAt,
  });
  pdf.heading(facts.bureau.name, { size: 16 });
  pdf.heading(TITLE, { size: 22 });
  pdf.heading('（随机抽查情况记录表）', { size: 12, bold: false });
  pdf.spacer(6);
  pdf.keyValueTable(
    [
      ['任务名称', facts.task.name],
      ['任务编号', facts.task.number],
      ...targetRows(facts, { name: '被检查对象' }),
      ['检查对象类型', facts.target.kindLabel],
      ['法定代表人电话', blank()],
      ['联络员及电话', blank()],
      ['检查地点', blank()],
      ['检查时间', '＿＿＿＿年＿＿月＿＿日＿＿时＿＿分至＿＿时＿＿分'],
      ['检查执行部门', blank()],
      ['检查机关', facts.bureau.name],
      ['检查人员及执法证号', inspectorLines(facts)],
      ['出示证件、告知权利', `${BOX}已出示执法证件，告知被检查对象享有申请回避、陈述和申辩的权利\n是否申请回避：${BOX}否　${BOX}是（理由：＿＿＿＿＿＿＿＿＿＿）`],
      ...(facts.experts.length > 0 ? [['参与专家', facts.experts.join('、')] as [string, string]] : []),
    ],
    { labelWidth: LABEL_WIDTH, size: 10.5 },
  );

  sectionTitle(pdf, '一、检查事项及情况');
  pdf.table({
    columns: [
      { title: '序号', width: 30, align: 'center' },
      { title: '检查事项', width: 0.3 },
      { title: '检查依据', width: 0.25 },
      { title: '是否检查', width: 48, align: 'center' },
      { title: '发现问题情况', width: 0.25 },
      { title: '处置情况', width: 0.2 },
    ],
    rows: (facts.items.length > 0 ? facts.items : [{ name: NONE, basis: null, content: null }]).map((item, i) => [
      String(i + 1),
      item.name,
      item.basis?.trim() || blank(),
      `${BOX}是\n${BOX}否`,
      blank(4),
      blank(4),
    ]),
    size: 9.5,
  });

  pdf.ensureSpace(250); // the whole checkbox section starts together rather than splitting after one row
  sectionTitle(pdf, '二、检查方式、结果及后续处置');
  pdf.keyValueTable(
    [
      ['核查方式（可多选）', boxes(INSPECTION_METHODS.map((m) => INSPECTION_METHOD_LABELS[m]), 3)],
      ['检查结果（可多选）', boxes(RESULT_LABELS)],
      ['后续处置措施', boxes(FOLLOW_UP_LABELS)],
      ['后续处置是否完结', `${BOX}未完结　　${BOX}已完结　　完结日期：＿＿＿＿年＿＿月＿＿日`],
    ],
    { labelWidth: LABEL_WIDTH, size: 9.5 },
  );

  pdf.ensureSpace(330); // statement, refusal note and signatures stay on one page
  sectionTitle(pdf, '三、被检查对象意见及签名');
  pdf.keyValueTable(
    [
      ['被检查对象意见', `${blank(2)}\n（请写明“以上情况属实”或其他意见）`],
      ['被检查对象签名或盖章', blank(2)],
      ['拒绝签名（盖章）或不在场的原因', blank(2)],
      ['见证人姓名、身份证号', blank()],
    ],
    { labelWidth: 150, size: 10 },
  );
  pdf.spacer(12);
  const [first, second] = facts.inspectors;
  pdf.signatureLines([
    '被检查对象',
    `检查人员 ${first?.name ?? '＿＿＿＿'}`,
    `检查人员 ${second?.name ?? '＿＿＿＿'}`,
    '见证人',
  ]);
  pdf.spacer(6);
  pdf.keyValueTable(
    [
      ['录入人员', blank()],
      ['录入日期', '＿＿＿＿年＿＿月＿＿日'],
    ],
    { labelWidth: LABEL_WIDTH, size: 10 },
  );
  const bytes = await pdf.finish();
  const missing = pdf.missingGlyphs();
  if (missing.length > 0) deps.onMissingGlyphs?.(missing);
  return { bytes, pageCount: pdf.pageCount() };
}
