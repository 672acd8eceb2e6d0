import { chineseDate } from '../../../shared/domain/documents/doc-number';
import type { MissingGlyph, PdfBuilder } from './pdf-builder';
import type { InspectionFacts } from './inspection-facts';

/** Pieces both inspection forms share, so the notice and the register print the same facts the same way. */

export const NONE = '—';
/** A ruled cell left for hand completion: room for `lines` handwritten lines. */
export const blank = (lines = 1): string => '\n'.repeat(Math.max(0, lines - 1)) + ' ';

export const inspectorLines = (facts: InspectionFacts): string =>
  facts.inspectors.map((p, i) => `${i + 1}. ${p.name}　执法证号：${p.certNo ?? '（未登记）'}`).join('\n') || NONE;

export const itemLines = (facts: InspectionFacts): string => facts.items.map((item, i) => `${i + 1}. ${item.name}`).join('\n') || NONE;

/** 检查依据: each item's basis once (several items often cite the same regulation). */
export const basisLines = (facts: InspectionFacts): string => {
  const bases = [...new Set(facts.items.map((i) => i.basis?.trim()).filter((b): b is string => Boolean(b)))];
  return bases.join('\n') || '《沈阳市市场监督管理局“双随机、一公开”抽查工作细则》及随机抽查事项清单所列依据';
};

export const windowText = (facts: InspectionFacts): string => `${chineseDate(facts.task.windowFrom)}至${chineseDate(facts.task.windowTo)}`;

export const targetRows = (facts: InspectionFacts, labels: { name: string }): [string, string][] => [
  [labels.name, facts.target.name],
  ['统一社会信用代码', facts.target.code || NONE],
  ['住所（经营场所）', facts.target.address?.trim() || blank()],
  ['法定代表人（负责人）', facts.target.legalRep?.trim() || blank()],
];

/** The closing block of an outgoing document: issuing body and date, right-aligned, with room for the seal. */
export function issuerBlock(pdf: PdfBuilder, bureauName: string, date: string): void {
  pdf.ensureSpace(90);
  pdf.spacer(24);
  pdf.paragraph(`${bureauName}（印章）`, { size: 12, align: 'right' });
  pdf.paragraph(date, { size: 12, align: 'right' });
}

export function sectionTitle(pdf: PdfBuilder, text: string): void {
  pdf.spacer(6);
  pdf.heading(text, { size: 12, align: 'left' });
  pdf.spacer(2);
}


/**
 * How an outgoing document ends: numbered rights/duties paragraphs, the contact line, the issuing body with
 * room for the seal, and the 送达回执 kept on one page; then the finished PDF.
 */
export async function finishOutgoing(
  pdf: PdfBuilder,
  end: { paragraphs: readonly string[]; bureauName: string; date: string; recipientLabel: string; onMissingGlyphs?: (missing: MissingGlyph[]) => void },
): Promise<{ bytes: Uint8Array; pageCount: number }> {
  for (const text of end.paragraphs) pdf.paragraph(text, { size: 11, indent: 22 });
  pdf.spacer(4);
  pdf.paragraph('联系人：＿＿＿＿＿＿＿＿　　联系电话：＿＿＿＿＿＿＿＿＿＿＿＿', { size: 11, indent: 22 });
  issuerBlock(pdf, end.bureauName, end.date);

  pdf.ensureSpace(200); // the receipt stays in one piece
  pdf.spacer(14);
  sectionTitle(pdf, '送达回执');
  pdf.keyValueTable(
    [
      [end.recipientLabel, blank(2)],
      ['签收时间', '＿＿＿＿年＿＿月＿＿日＿＿时＿＿分'],
      ['拒绝签收或无法签收的情况（送达人注明原因、时间、地点）', blank(3)],
      ['送达人（签名）', blank()],
      ['见证人（签名、身份证号）', blank()],
    ],
    { labelWidth: 150, size: 10.5 },
  );
  const bytes = await pdf.finish();
  const missing = pdf.missingGlyphs();
  if (missing.length > 0) end.onMissingGlyphs?.(missing);
  return { bytes, pageCount: pdf.pageCount() };
}
