import { useOpenExportedPdf } from '../../files/use-open-exported-pdf';
import { useRpcAction } from '../../rpc/use-rpc';

/** 打印: the document's PDF is written to exports/ (documents.exportFile) and opened like every exported PDF. */
export function useOpenDocument() {
  const exportFile = useRpcAction('documents.exportFile');
  const { open, busy } = useOpenExportedPdf(exportFile);
  return { open: (documentId: number) => open({ id: documentId }), busy };
}
