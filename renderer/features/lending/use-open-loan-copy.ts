import { useOpenExportedPdf } from '../../files/use-open-exported-pdf';
import { useRpcMutation } from '../../rpc/use-rpc';

/** 查看 / 导出 the watermarked copy of an electronic loan: written to exports/ and opened like every exported PDF (each one audited by the core). */
export function useOpenLoanCopy() {
  const openCopy = useRpcMutation('lending.openCopy');
  const { open, busy } = useOpenExportedPdf(openCopy);
  return { open: (id: number, mode: 'view' | 'export' = 'view') => open({ id, mode }), busy };
}
