import { DOCUMENT_KIND_TITLES, chineseDate } from '../../../shared/domain/documents/doc-number';
import { basisLines, blank, finishOutgoing, inspectorLines, itemLines, sectionTitle, targetRows, windowText } from './document-layout';
import type { InspectionFacts } from './inspection-facts';
import { createPdfBuilder, type MissingGlyph } from './pdf-builder';

type Deps = { fontBytes: Uint8Array; onMissingGlyphs?: (missing: MissingGlyph[]) => void };
export type RenderedPdf = { bytes: Uint8Array; pageCount: number };

const TITLE = DOCUMENT_KIND_TITLES.notice;

/**
 * 行政检查告知书 (Art. 14(3); fields per domain-reference §2.2): sent to the target before the inspection.
 * Title, 文号, addressee, the facts of the inspection in a ruled table, what to prepare, the target's
 * rights and duties, contact line, issuing body with seal space and date, and a receipt (送达) block
 * with room for a refusal note and a witness. `docDate` is YYYY-MM-DD; nothing reads the clock here.
 */
export async function renderNoticePdf(facts: InspectionFacts, doc: { docNo: string; docDate: string; createdAt: Date }, deps: Deps): Promise<RenderedPdf> {
  const pdf = await createPdfBuilder({
    fontBytes: deps.fontBytes,
    title: `${TITLE}（${doc.docNo}）`,
    author: facts.bureau.name,
    subject: `${facts.task.name} ${facts.target.name}`,
    keywords: ['双随机、一公开', TITLE, doc.docNo],
    creationDate: doc.createdAt,
  });
  pdf.heading(facts.bureau.name, { size: 18 });
  pdf.heading(TITLE, { size: 22 });
  pdf.spacer(4);
  pdf.paragraph(doc.docNo, { size: 12, align: 'right' });
  pdf.spacer(10);
  pdf.paragraph(`${facts.target.name}：`, { size: 12 });
  pdf.paragraph(
    `根据《沈阳市市场监督管理局“双随机、一公开”抽查工作细则》和${facts.task.planTitle}，经随机抽取，本局决定对你（单位）开展行政检查。` +
      '检查将依照随机抽查事项清单及相关法律法规进行，执法检查人员不少于两名，检查时将出示执法证件。现将有关事项告知如下：',
    { size: 12, indent: 24 },
  );
  pdf.spacer(4);
  pdf.keyValueTable(
    [
      ...targetRows(facts, { name: '被检查人' }),
      ['抽查任务名称', facts.task.name],
      ['任务编号', facts.task.number],
      ['检查事项', itemLines(facts)],
      ['检查依据', basisLines(facts)],
      ['检查方式', facts.methods.join('、') || '实地核查'],
      ['检查时间', `${windowText(facts)}期间，具体时间另行通知`],
      ['检查人员及执法证号', inspectorLines(facts)],
    ],
    { labelWidth: 124, size: 10.5 },
  );
  sectionTitle(pdf, '一、需准备的材料');
  pdf.paragraph(
    '请你（单位）在检查时提供与上述检查事项有关的证照、制度、台账、票据等材料；采取书面检查方式的，请于＿＿＿＿年＿＿月＿＿日前将下列材料报送本局：',
    { size: 11, indent: 22 },
  );
  pdf.keyValueTable([['材料清单', blank(3)]], { labelWidth: 124, size: 10.5 });
  sectionTitle(pdf, '二、你（单位）的权利和义务');
  return finishOutgoing(pdf, {
    paragraphs: [
      '（一）应当如实提供有关材料、说明情况，配合检查，不得拒绝、阻挠或者提供虚假材料。',
      '（二）认为执法检查人员与你（单位）有直接利害关系或者其他关系，可能影响公正检查的，有权申请其回避。',
      '（三）对检查中发现的问题，有权进行陈述和申辩。',
      '（四）不予配合检查情节严重的，检查结果将通过国家企业信用信息公示系统依法向社会公示。',
    ],
    bureauName: facts.bureau.name,
    date: chineseDate(doc.docDate),
    recipientLabel: '被检查人签收（签名或盖章）',
    onMissingGlyphs: deps.onMissingGlyphs,
  });
}
