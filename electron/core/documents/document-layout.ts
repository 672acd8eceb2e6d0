import { chineseDate } from '../../../shared/domain/documents/doc-number';
import type { PdfBuilder } from './pdf-builder';
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

