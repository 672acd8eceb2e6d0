import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?worker&url';
import { BundledCMapReaderFactory, BundledStandardFontDataFactory, BundledWasmFactory } from './pdfjs-assets';

type Pdfjs = typeof import('pdfjs-dist');

let loading: Promise<Pdfjs> | null = null;

/**
 * pdf.js, loaded on first use (it is large) with its worker from the bundle: Vite emits the worker as a .js
 * asset served by the app itself, so `worker-src 'self'` admits it and no CDN is involved.
 */
function loadPdfjs(): Promise<Pdfjs> {
  loading ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  });
  return loading;
}

/**
 * Opens PDF bytes for viewing. pdf.js takes the buffer over (it is transferred to the worker), so callers pass
 * bytes they no longer need. Options keep it inside the CSP: no eval, fonts/CMaps/decoders from the bundle.
 */
export async function openPdf(data: Uint8Array): Promise<{ doc: PDFDocumentProxy; destroy(): Promise<void> }> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    useSystemFonts: false,
    StandardFontDataFactory: BundledStandardFontDataFactory,
    CMapReaderFactory: BundledCMapReaderFactory,
    WasmFactory: BundledWasmFactory,
    enableXfa: false,
    stopAtErrors: false,
  });
  const doc = await task.promise;
  return { doc, destroy: () => task.destroy() };
}
