import { Image } from 'antd';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { VolumeEntryDto } from '../../../shared/contract/volumes';
import type { PageRotation } from '../../../shared/domain/volumes/volumes';
import { useRpcClient } from '../../rpc/rpc-context';
import { useRpc, useRpcAction } from '../../rpc/use-rpc';
import { drawPage } from '../pdf-preview/draw-page';
import type { PdfSource } from '../pdf-preview/pdf-source';
import { usePdfDocument } from '../pdf-preview/use-pdf-document';

const THUMB = { width: 56, height: 72 } as const;
const frame = { width: THUMB.width, height: THUMB.height, border: '1px solid #f0f0f0', background: '#fafafa', display: 'grid', placeItems: 'center' } as const;

/**
 * A document's own file (not a scan from the inbox: those have page images): volumes.exportEntry writes it to
 * exports/ and the transport reads it back, as the bound-version preview does. One source per entry and file.
 */
export function useEntryFile(entry: VolumeEntryDto, enabled: boolean): { pdf: PdfSource | null; image: string | null } {
  const exportEntry = useRpcAction('volumes.exportEntry');
  const client = useRpcClient();
  const isPdf = entry.mediaType === 'application/pdf';
  const key = `entry:${entry.id}:${entry.blobSha256}`;
  const source = useMemo<PdfSource>(
    () => ({
      key,
      load: async () => {
        const { fileName } = await exportEntry.mutateAsync({ entryId: entry.id });
        return new Uint8Array(await (await client.readExport(fileName)).arrayBuffer());
      },
    }),
    // The key names the file; the action objects are stable enough for one entry.
    [key],
  );
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    if (isPdf || !enabled) return;
    let url: string | null = null;
    let live = true;
    void source.load().then((bytes) => {
      if (!live) return;
      url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: entry.mediaType }));
      setImage(url);
    }, () => undefined);
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [key, isPdf, enabled]);
  return { pdf: isPdf && enabled ? source : null, image };
}

/** The parsed PDF of a document, shared by its page thumbnails (null while loading, or for an image). */
export function useEntryPdf(source: PdfSource | null): PDFDocumentProxy | null {
  const state = usePdfDocument(source);
  return state.status === 'ready' ? state.doc : null;
}

/** One page of a document as a small picture, turned by its binding rotation (pdf.js draws it at thumbnail size). */
export function PdfThumb({ doc, page, rotation }: { doc: PDFDocumentProxy | null; page: number; rotation: PageRotation }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!doc) return;
    let live = true;
    let task: RenderTask | null = null;
    void (async () => {
      const pdfPage = await doc.getPage(page);
      const base = pdfPage.getViewport({ scale: 1, rotation: (pdfPage.rotate + rotation) % 360 });
      const scale = Math.min(THUMB.width / base.width, THUMB.height / base.height);
      const viewport = pdfPage.getViewport({ scale, rotation: (pdfPage.rotate + rotation) % 360 });
      const drawn = drawPage(pdfPage, viewport, `第 ${page} 页缩略图`);
      const canvas = drawn.canvas;
      task = drawn.task;
      await task.promise;
      if (live) host.current?.replaceChildren(canvas);
    })().catch(() => undefined); // a page pdf.js cannot draw keeps the empty frame; the document still binds
    return () => {
      live = false;
      task?.cancel();
    };
  }, [doc, page, rotation]);
  return <div ref={host} style={frame} data-testid="page-thumb" />;
}

/** An imported image (one page), turned by its binding rotation; a click shows it full size (zoom, rotate). */
export function ImageThumb({ url, rotation }: { url: string | null; rotation: PageRotation }) {
  if (!url) return <div style={frame} />;
  return <Image src={url} alt="页面图像" width={THUMB.width} height={THUMB.height} style={{ objectFit: 'contain', border: '1px solid #f0f0f0', transform: `rotate(${rotation}deg)`, imageOrientation: 'none' }} preview={{ mask: '查看' }} data-testid="page-thumb" />;
}

/** A scanned page's thumbnail (upright as OCR found it, then turned by the page's binding rotation). */
export function PageThumb({ scanPageId, rotation }: { scanPageId: number | undefined; rotation: PageRotation }) {
  const image = useRpc('scans.pageImage', { id: scanPageId ?? 0, size: 'thumb' }, { enabled: scanPageId !== undefined, staleTime: 300_000 });
  if (!image.data) return <div style={frame} />;
  return <img src={image.data.dataUrl} alt="" style={{ width: 56, height: 72, objectFit: 'contain', border: '1px solid #f0f0f0', transform: `rotate(${rotation}deg)` }} data-testid="page-thumb" />;
}
