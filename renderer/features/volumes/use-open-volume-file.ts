import { useOpenExportedPdf } from '../../files/use-open-exported-pdf';
import { useRpcAction } from '../../rpc/use-rpc';

/** 打开 a bound version or public copy: written to exports/ (volumes.exportFile) and opened like every exported PDF. */
export function useOpenVolumeFile() {
  const exportFile = useRpcAction('volumes.exportFile');
  const { open, busy } = useOpenExportedPdf(exportFile);
  return { open: (volumeId: number, version: number, isPublic = false) => open({ id: volumeId, version, public: isPublic }), busy };
}
