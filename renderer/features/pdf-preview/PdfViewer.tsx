import { Alert, theme } from 'antd';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { PdfOutlinePanel } from './PdfOutlinePanel';
import { PdfPageCanvas } from './PdfPageCanvas';
import { PdfToolbar } from './PdfToolbar';
import { CSS_PX_PER_PT, PAGE_GUTTER, steppedZoom, type PdfZoom } from './pdf-zoom';

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * A parsed PDF: 书签 on the left, the toolbar and one page at a time on the right.
 * Keys while open: PgUp/PgDn, Home/End (not while typing a page number), Ctrl+= / Ctrl+- / Ctrl+0.
 */
export function PdfViewer({ doc, initialPage = 1 }: { doc: PDFDocumentProxy; initialPage?: number }) {
  const { token } = theme.useToken();
  const pages = doc.numPages;
  const [page, setPage] = useState(() => Math.min(pages, Math.max(1, initialPage)));
  const [zoom, setZoom] = useState<PdfZoom>({ mode: 'width' });
  const [shownZoom, setShownZoom] = useState(1);
  const [failedPage, setFailedPage] = useState<number | null>(null);
  const [area, setArea] = useState({ width: 800, height: 600 });
  const scroller = useRef<HTMLDivElement>(null);

  const go = (to: number) => setPage(Math.min(pages, Math.max(1, to)));

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && setArea({ width: entry.contentRect.width, height: entry.contentRect.height }));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    // A block body: newer Chromium's scrollTo returns a promise, which React would take for a cleanup function.
    scroller.current?.scrollTo({ top: 0 });
  }, [page]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = isTyping(event.target);
      const turn = { PageDown: 1, PageUp: -1 }[event.key] ?? (typing ? undefined : { Home: -Infinity, End: Infinity }[event.key]);
      if (turn !== undefined && !event.altKey && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        setPage((p) => Math.min(pages, Math.max(1, p + turn)));
      } else if ((event.ctrlKey || event.metaKey) && ['=', '+', '-', '0'].includes(event.key)) {
        event.preventDefault();
        setZoom(event.key === '0' ? { mode: 'width' } : steppedZoom(shownZoom, event.key === '-' ? -1 : 1));
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [pages, shownZoom]);

  return (
    <div style={{ display: 'grid', gridTemplateColumns: '248px minmax(0, 1fr)', height: '100%', minHeight: 0 }} data-testid="pdf-viewer">
      <div style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}`, minHeight: 0, background: token.colorBgContainer }}>
        <PdfOutlinePanel doc={doc} page={page} onJump={go} />
      </div>
      <div style={{ display: 'grid', gridTemplateRows: 'auto minmax(0, 1fr)', minHeight: 0 }}>
        <div style={{ borderBottom: `1px solid ${token.colorBorderSecondary}`, background: token.colorBgContainer }}>
          <PdfToolbar page={page} pages={pages} onPage={go} zoom={zoom} shownZoom={shownZoom} onZoom={setZoom} />
        </div>
        <div ref={scroller} tabIndex={-1} style={{ overflow: 'auto', background: '#e4e6ea', padding: PAGE_GUTTER, outline: 'none', scrollbarGutter: 'stable' }} data-testid="pdf-scroller">
          {failedPage === page ? (
            <Alert type="error" showIcon title={`第 ${page} 页无法显示。`} data-testid="pdf-page-problem" />
          ) : (
            <PdfPageCanvas
              doc={doc}
              page={page}
              zoom={zoom}
              area={{ width: area.width + 2 * PAGE_GUTTER, height: area.height + 2 * PAGE_GUTTER }}
              onScale={(scale) => setShownZoom(scale / CSS_PX_PER_PT)}
              onError={() => setFailedPage(page)}
            />
          )}
        </div>
      </div>
    </div>
  );
}
