import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { drawPage } from './draw-page';
import { cssScaleOf, type PdfZoom } from './pdf-zoom';

type Props = {
  doc: PDFDocumentProxy;
  page: number;
  zoom: PdfZoom;
  /** The viewer's inner size in CSS px (for 适合宽度 / 适合页面). */
  area: { width: number; height: number };
  /** The CSS-px-per-point scale actually used, once the page is drawn. */
  onScale(scale: number): void;
  onError(error: unknown): void;
};

/**
 * One page drawn by pdf.js onto a fresh canvas at the device's pixel ratio; the new canvas replaces the old
 * one only when it is complete, so turning pages and zooming never flash an empty sheet.
 */
export function PdfPageCanvas({ doc, page, zoom, area, onScale, onError }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState<{ page: number; width: number; height: number } | null>(null);
  const zoomKey = zoom.mode === 'scale' ? `s${zoom.scale}` : zoom.mode;
  const areaKey = zoom.mode === 'scale' ? '' : `${Math.round(area.width)}x${Math.round(area.height)}`;

  useEffect(() => {
    let live = true;
    let task: RenderTask | null = null;
    void (async () => {
      try {
        const pdfPage = await doc.getPage(page);
        if (!live) return;
        const base = pdfPage.getViewport({ scale: 1 });
        const scale = cssScaleOf(zoom, base, area);
        const viewport = pdfPage.getViewport({ scale });
        const drawn = drawPage(pdfPage, viewport, `第 ${page} 页`);
        const canvas = drawn.canvas;
        task = drawn.task;
        await task.promise;
        if (!live || !host.current) return;
        host.current.replaceChildren(canvas);
        setShown({ page, width: Math.floor(viewport.width), height: Math.floor(viewport.height) });
        onScale(scale);
      } catch (error) {
        if (live && !(error instanceof Error && error.name === 'RenderingCancelledException')) onError(error);
      }
    })();
    return () => {
      live = false;
      task?.cancel();
    };
    // zoomKey/areaKey stand for zoom and area (new objects every render); onScale/onError are callbacks.
  }, [doc, page, zoomKey, areaKey]);

  return (
    <div
      ref={host}
      data-testid="pdf-page"
      data-page={shown?.page}
      style={{ width: shown?.width, height: shown?.height, minWidth: 120, minHeight: 160, margin: '0 auto', background: '#fff', boxShadow: '0 1px 3px rgba(0,0,0,0.18), 0 4px 14px rgba(0,0,0,0.12)' }}
    />
  );
}
