import { z } from 'zod';
import { DOCUMENT_KINDS } from '../domain/documents/doc-number';
import { Id } from './common';
import { method } from './method';

/** Who may generate inspection documents: the bureau's clerks and the inspectors who take them on site. */
export const DOCUMENT_RENDERERS = ['admin', 'clerk', 'inspector'] as const;

export const DocumentDto = z.object({
  id: Id,
  inspectionId: Id,
  volumeId: Id.nullable(),
  kind: z.enum(DOCUMENT_KINDS),
  version: z.number().int(),
  /** 文号; null for a form without one (登记表). */
  docNo: z.string().nullable(),
  /** 题名 */
  title: z.string(),
  /** 责任者: the issuing bureau's name. */
  responsible: z.string(),
  /** YYYY-MM-DD (Beijing time) */
  docDate: z.string(),
  blobSha256: z.string(),
  pageCount: z.number().int(),
  createdBy: Id.nullable(),
  createdAt: z.string(),
});
export type DocumentDto = z.infer<typeof DocumentDto>;

export const documentsMethods = {
  'documents.render': method({
    summary: '生成检查文书（行政检查告知书 / 行政检查登记表 / 责令改正通知书）的新版本 PDF，告知书和责令改正通知书按单位、年度连续编文号，自动归入专卷',
    access: DOCUMENT_RENDERERS,
    scope: 'bureau',
    mutates: true,
    input: z
      .strictObject({
        inspectionId: Id,
        kind: z.enum(DOCUMENT_KINDS),
        /** The correction order (correction_orders) a 责令改正通知书 is issued for: required for 'order', refused for the others. */
        correctionId: Id.optional(),
      })
      .superRefine((v, ctx) => {
        if (v.kind === 'order' && v.correctionId === undefined) ctx.addIssue({ code: 'custom', path: ['correctionId'], message: '生成责令改正通知书时须指定责令改正事项' });
        if (v.kind !== 'order' && v.correctionId !== undefined) ctx.addIssue({ code: 'custom', path: ['correctionId'], message: '只有责令改正通知书对应责令改正事项' });
      }),
    output: DocumentDto,
  }),
  'documents.list': method({
    summary: '检查任务已生成的文书（各版本，新版本在前）',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ inspectionId: Id }),
    output: z.array(DocumentDto),
  }),
  'documents.exportFile': method({
    summary: '把一份文书 PDF 写入数据文件夹的 exports/，返回文件名',
    access: 'any',
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id }),
    output: z.object({ fileName: z.string() }),
  }),
};
