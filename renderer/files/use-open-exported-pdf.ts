import { App } from 'antd';
import { failureMessage } from '../rpc/rpc-failure';
import { useFetchExport } from '../rpc/use-rpc';
import { saveBlob } from './save-file';

/**
 * Opens a PDF the core has just written to exports/: on the web host in a new tab (the browser's viewer
 * prints it), in Electron the file is shown in its folder; a blocked pop-up falls back to a download.
 * `write` is the export call (documents.exportFile, volumes.exportFile …) returning the file name.
 */
export function useOpenExportedPdf<A extends unknown[]>(write: { mutateAsync: (...args: A) => Promise<{ fileName: string }>; isPending: boolean }) {
  const { message } = App.useApp();
  const fetchExport = useFetchExport();
  const open = async (...args: A): Promise<void> => {
    try {
      const { fileName } = await write.mutateAsync(...args);
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
  return { open, busy: write.isPending || fetchExport.isPending };
}
