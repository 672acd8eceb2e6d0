import { DOCUMENT_KIND_TITLES, chineseDate } from '../../../shared/domain/documents/doc-number';
import type { CorrectionFacts } from './correction-facts';
import { basisLines, finishOutgoing, sectionTitle, targetRows } from './document-layout';
import type { InspectionFacts } from './inspection-facts';
import type { RenderedPdf } from './notice-pdf';
import { createPdfBuilder, type MissingGlyph } from './pdf-builder';

type Deps = { fontBytes: Uint8Array; onMissingGlyphs?: (missing: MissingGlyph[]) => void };

const TITLE = DOCUMENT_KIND_TITLES.order;

/**
 * 责令改正通知书 (Art. 17: "抽查发现问题需责令改正的，由实施检查的市场监管部门责令限期改正；逾期未改正的，依法依规
 * 进行后续处理"), laid out like the 告知书: title, 文号, addressee, the party in a ruled table, the problems found,
 * what to correct and by when, the basis, the consequence of not correcting, the party's remedies
 * (陈述申辩, 行政复议 within 60 days, 行政诉讼 within 6 months), issuing body with seal space and date, and a
 * receipt (送达) block. `docDate` is the order's 下达日期; nothing reads the clock here.
 */
export async function renderOrderPdf(facts: InspectionFacts, order: CorrectionFacts, doc: { docNo: string; docDate: string; createdAt: Date }, deps: Deps): Promise<RenderedPdf> {
  const pdf = await createPdfBuilder({
    fontBytes: deps.fontBytes,
    title: `${TITLE}（${doc.docNo}）`,
    author: facts.bureau.name,
    subject: `${facts.task.name} ${facts.target.name}`,
    keywords: ['双随机、一公开', TITLE, doc.docNo],
    creationDate: doc.createdAt,
  });
  const deadline = chineseDate(order.deadlineOn);
  pdf.heading(facts.bureau.name, { size: 18 });
  pdf.heading(TITLE, { size: 22 });
  pdf.spacer(4);
  pdf.paragraph(doc.docNo, { size: 12, align: 'right' });
  pdf.spacer(10);
  pdf.paragraph(`${facts.target.name}：`, { size: 12 });
  pdf.paragraph(
    `本局于${windowOrIssued(facts, order)}在“双随机、一公开”抽查（${facts.task.name}，任务编号${facts.task.number}）中对你（单位）进行了检查，发现你（单位）存在下列问题，现责令你（单位）限期改正。`,
    { size: 12, indent: 24 },
  );
  pdf.spacer(4);
  pdf.keyValueTable(
    [
      ...targetRows(facts, { name: '当事人' }),
      ['发现的问题', order.problems.map((p, i) => `${i + 1}. ${p}`).join('\n') || '见行政检查登记表'],
      ['责令改正的内容', order.content],
      ['改正期限', `${deadline}前`],
      ['依据', basisLines(facts)],
    ],
    { labelWidth: 124, size: 10.5 },
  );
  sectionTitle(pdf, '一、改正要求');
  pdf.paragraph(
    `依据《沈阳市市场监督管理局“双随机、一公开”抽查工作细则》第十七条及上列规定，责令你（单位）于${deadline}前改正上述问题，并将改正情况书面报告本局（附相关证明材料）。`,
    { size: 11, indent: 22 },
  );
  sectionTitle(pdf, '二、逾期不改正的后果');
  pdf.paragraph(
    '逾期不改正的，本局将依法依规进行后续处理；依法应当给予行政处罚的，依法立案查处；属于应当列入经营异常名录情形的，依法列入经营异常名录。责令改正的决定将依照规定在国家企业信用信息公示系统公示。',
    { size: 11, indent: 22 },
  );
  sectionTitle(pdf, '三、你（单位）的权利');
  return finishOutgoing(pdf, {
    paragraphs: [
      '（一）对本通知书认定的事实和责令改正的内容有异议的，有权自收到本通知书之日起三个工作日内向本局提出陈述、申辩。',
      '（二）如不服本通知，可以自收到本通知书之日起六十日内依法申请行政复议，或者自收到本通知书之日起六个月内依法向人民法院提起行政诉讼。',
    ],
    bureauName: facts.bureau.name,
    date: chineseDate(doc.docDate),
    recipientLabel: '受送达人签收（签名或盖章）',
    onMissingGlyphs: deps.onMissingGlyphs,
  });
}

/** When the inspection took place: its recorded dates, else the task's window up to the order's date. */
function windowOrIssued(facts: InspectionFacts, order: CorrectionFacts): string {
  if (order.inspectedFrom && order.inspectedTo) {
    return order.inspectedFrom === order.inspectedTo ? chineseDate(order.inspectedTo) : `${chineseDate(order.inspectedFrom)}至${chineseDate(order.inspectedTo)}`;
  }
  const to = order.issuedOn < facts.task.windowTo ? order.issuedOn : facts.task.windowTo;
  return to >= facts.task.windowFrom ? `${chineseDate(facts.task.windowFrom)}至${chineseDate(to)}期间` : `${chineseDate(order.issuedOn)}前`;
}
