import { useState } from 'react';
import { useRpcClient } from '../../rpc/rpc-context';
import { useRpcAction } from '../../rpc/use-rpc';
import type { PdfSource } from '../pdf-preview/pdf-source';

/**
 * 预览 of a bound version or public copy: volumes.exportFile writes the file to exports/ (as 打开 does), then the
 * transport reads its bytes back — the web host over /exports/, the desktop shell over its export-read channel.
 */
export function useVolumePreview(volumeId: number) {
  const exportFile = useRpcAction('volumes.exportFile');
  const client = useRpcClient();
  const [shown, setShown] = useState<{ source: PdfSource; title: string } | null>(null);

  const show = (version: number, isPublic: boolean, title: string) => {
    const load = async () => {
      const { fileName } = await exportFile.mutateAsync({ id: volumeId, version, public: isPublic });
      return new Uint8Array(await (await client.readExport(fileName)).arrayBuffer());
    };
    setShown({ source: { key: `${volumeId}:${isPublic ? 'public' : 'bound'}:${version}`, load }, title });
  };

  return { source: shown?.source ?? null, title: shown?.title ?? '', show, close: () => setShown(null) };
}
