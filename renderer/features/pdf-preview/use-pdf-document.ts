import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import { openPdf } from './load-pdfjs';
import type { PdfSource } from './pdf-source';

export type PdfDocumentState = { status: 'loading' } | { status: 'ready'; doc: PDFDocumentProxy } | { status: 'failed'; error: unknown };

/** Loads and parses the source's PDF; the document (and its worker-side state) is destroyed when the source goes. */
export function usePdfDocument(source: PdfSource | null): PdfDocumentState {
  const [state, setState] = useState<{ key: string | null; value: PdfDocumentState }>({ key: null, value: { status: 'loading' } });
  const key = source?.key ?? null;

  useEffect(() => {
    if (!source) return;
    let live = true;
    let destroy: (() => Promise<void>) | null = null;
    setState({ key: source.key, value: { status: 'loading' } });
    source
      .load()
      .then((bytes) => openPdf(bytes))
      .then((opened) => {
        destroy = opened.destroy;
        if (live) setState({ key: source.key, value: { status: 'ready', doc: opened.doc } });
        else void opened.destroy();
      })
      .catch((error: unknown) => {
        if (live) setState({ key: source.key, value: { status: 'failed', error } });
      });
    return () => {
      live = false;
      void destroy?.();
    };
    // The key names the document; a new source object for the same key is the same document.
  }, [key]);

  return state.key === key ? state.value : { status: 'loading' };
}
