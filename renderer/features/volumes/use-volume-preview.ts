import { useState } from 'react';
import { useFetchExport, useRpcAction } from '../../rpc/use-rpc';
import { PdfShownInFolder, type PdfSource } from '../pdf-preview/pdf-source';

/**
 * 预览 of a bound version or public copy: the bytes come the way 打开 gets them — volumes.exportFile writes the
 * file to exports/, the transport hands it over (the web host sends the bytes; the desktop shell shows it in its
 * folder, which the preview reports instead).
 */
export function useVolumePreview(volumeId: number) {
  const exportFile = useRpcAction('volumes.exportFile');
  const fetchExport = useFetchExport();
  const [shown, setShown] = useState<{ source: PdfSource; title: string } | null>(null);

  const show = (version: number, isPublic: boolean, title: string) => {
    const load = async () => {
      const { fileName } = await exportFile.mutateAsync({ id: volumeId, version, public: isPublic });
      const handoff = await fetchExport.mutateAsync(fileName);
      if (handoff.kind === 'revealed') throw new PdfShownInFolder(handoff.path);
      return new Uint8Array(await handoff.blob.arrayBuffer());
    };
    setShown({ source: { key: `${volumeId}:${isPublic ? 'public' : 'bound'}:${version}`, load }, title });
  };

  return { source: shown?.source ?? null, title: shown?.title ?? '', show, close: () => setShown(null) };
}
