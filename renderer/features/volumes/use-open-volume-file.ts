import { App } from 'antd';
import { saveBlob } from '../../files/save-file';
import { failureMessage } from '../../rpc/rpc-failure';
import { useFetchExport, useRpcAction } from '../../rpc/use-rpc';

/**
 * 打开 a bound version or public copy: written to exports/ (volumes.exportFile) and handed over like an inspection's
 * documents (use-open-document.ts): a new tab with the browser's PDF viewer on the web host, the file
 * shown in its folder in Electron; a blocked pop-up falls back to a download.
 */
export function useOpenVolumeFile() {
  const { message } = App.useApp();
  const exportFile = useRpcAction('volumes.exportFile');
  const fetchExport = useFetchExport();
  const open = async (volumeId: number, version: number, isPublic = false): Promise<void> => {
    try {
      const { fileName } = await exportFile.mutateAsync({ id: volumeId, version, public: isPublic });
      const handoff = await fetchExport.mutateAsync(fileName);
      if (handoff.kind === 'revealed') {
        void message.success(`已在文件夹中显示：${handoff.path}`);
        return;
      }
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
