import type { PageViewport, PDFPageProxy, RenderTask } from 'pdfjs-dist';

/** A fresh canvas sized for the viewport at the device's pixel ratio, and the pdf.js task drawing the page on it. */
export function drawPage(pdfPage: PDFPageProxy, viewport: PageViewport, label: string): { canvas: HTMLCanvasElement; task: RenderTask } {
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  canvas.style.display = 'block';
  canvas.setAttribute('aria-label', label);
  canvas.setAttribute('role', 'img');
  const task = pdfPage.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
  return { canvas, task };
}
