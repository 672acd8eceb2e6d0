import type { DocumentKind } from './doc-number';

/**
 * Fields of a generated document that may be marked 不予公开 (Art. 15, 16: personal data and trade
 * secrets are never published). The public copy re-renders the document from its stored facts with
 * each marked field replaced by MASKED_TEXT; the full version keeps them.
 */
export const DOCUMENT_FIELDS = ['legal_rep', 'address', 'inspector_cert', 'experts', 'order_problems', 'order_content'] as const;
export type DocumentField = (typeof DOCUMENT_FIELDS)[number];

export const DOCUMENT_FIELD_LABELS = {
  legal_rep: '法定代表人（负责人）',
  address: '住所（经营场所）',
  inspector_cert: '检查人员执法证号',
  experts: '参与专家',
  order_problems: '发现的问题',
  order_content: '责令改正的内容',
} as const satisfies Record<DocumentField, string>;

/** Which fields each generated form prints (a mark on a field the form does not print is refused). */
export const DOCUMENT_KIND_FIELDS = {
  notice: ['legal_rep', 'address', 'inspector_cert'],
  register: ['legal_rep', 'address', 'inspector_cert', 'experts'],
  order: ['legal_rep', 'address', 'order_problems', 'order_content'],
} as const satisfies Record<DocumentKind, readonly DocumentField[]>;

export const MASKED_TEXT = '＊＊＊（依法不予公开）';

export const fieldPrinted = (kind: DocumentKind, field: DocumentField): boolean => (DOCUMENT_KIND_FIELDS[kind] as readonly DocumentField[]).includes(field);
