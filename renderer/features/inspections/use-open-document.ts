import { App } from 'antd';
import { saveBlob } from '../../files/save-file';
import { failureMessage } from '../../rpc/rpc-failure';
import { useFetchExport, useRpcAction } from '../../rpc/use-rpc';

/**
 * 打印: the document's PDF is written to exports/ (documents.exportFile) and handed over like the draw
 * record (DrawExportButton): on the web host it opens in a new tab, where the browser's viewer prints it;
 * in Electron the file is shown in its folder. A blocked pop-up falls back to a download.
 */
export function useOpenDocument() {
  const { message } = App.useApp();
  const exportFile = useRpcAction('documents.exportFile');
  const fetchExport = useFetchExport();
  const open = async (documentId: number): Promise<void> => {
    try {
      const { fileName } = await exportFile.mutateAsync({ id: documentId });
      const handoff = await fetchExport.mutateAsync(fileName);
      if (handoff.kind === 'revealed') {
        void message.success(`已在文件夹中显示：${handoff.path}`);
        return;
      }
      // The host sends octet-stream; the viewer needs the PDF type to show rather than download it.
      const pdf = new Blob([handoff.blob], { type: 'application/pdf' });
      const url = URL.createObjectURL(pdf);
      const tab = window.open(url, '_blank');
      if (!tab) saveBlob(pdf, fileName);
      setTimeout(() => URL.revokeObjectURL(url), 120_000);
    } catch (error) {
      void message.error(failureMessage(error));
    }
  };
  return { open, busy: exportFile.isPending || fetchExport.isPending };
}
