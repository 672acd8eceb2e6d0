import path from 'node:path';
import type { DocumentDto } from '../../shared/contract';
import { DOCUMENT_KINDS, type DocumentKind } from '../../shared/domain/documents/doc-number';
import { AppError } from '../../shared/errors/app-error';
import type { AppContext } from '../core/app-context';

type Result = { code: number; json: unknown; text: string };

export const DOCS_USAGE = `docs render ${DOCUMENT_KINDS.join('|')} --inspection ID [--correction ID] --out FILE.pdf [--user LOGIN]`;

export const isDocumentKind = (kind: string | undefined): kind is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(kind ?? '');

/**
 * `casebinder docs render notice|register|order --inspection ID [--correction ID] --out FILE.pdf`: renders a
 * new version through dispatch as LOGIN (roles and bureau scope checked like the UI), then writes the stored
 * PDF to FILE. An order without --correction is for the inspection's latest correction order.
 */
export async function docsRenderCommand(app: AppContext, o: { kind: DocumentKind; inspection: number; correction?: number; out: string; user: string }): Promise<Result> {
  const session = await app.services.auth.sessionForLogin(o.user);
  let correctionId = o.correction;
  if (o.kind === 'order' && correctionId === undefined) {
    const latest = await app.db.get<{ id: number }>('SELECT id FROM correction_orders WHERE inspection_id = ? ORDER BY issued_on DESC, id DESC LIMIT 1', [o.inspection]);
    if (!latest) throw new AppError('NOT_FOUND', { entity: 'correction', inspectionId: o.inspection });
    correctionId = latest.id;
  }
  const input = { inspectionId: o.inspection, kind: o.kind, ...(correctionId !== undefined ? { correctionId } : {}) };
  const res = await app.dispatch({ method: 'documents.render', input }, session);
  if (!res.ok) throw new AppError(res.error.code, res.error.details);
  const document = res.value as DocumentDto;
  const assertBureau = (bureauId: number) => {
    if (!app.services.bureaus.within(bureauId, session.bureauId)) throw new AppError('FORBIDDEN', { bureauId });
  };
  const { file } = await app.services.documents.exportFile(document.id, assertBureau, path.resolve(o.out));
  const json = { documentId: document.id, docNo: document.docNo, file, pages: document.pageCount, version: document.version, kind: document.kind };
  const text = `已生成${document.title}（第 ${document.version} 版${document.docNo ? `，${document.docNo}` : ''}，共 ${document.pageCount} 页）：${file}`;
  return { code: 0, json, text };
}
