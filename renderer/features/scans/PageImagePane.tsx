import { Empty, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import type { ScanPageDto } from '../../../shared/contract/scans';
import { REVIEW_CONFIDENCE } from './scan-labels';
import { usePageImage } from './use-page-image';

type Props = { page: ScanPageDto; selectedLine: number | null; onSelectLine(index: number): void; showBoxes: boolean; zoom: number };

/**
 * The upright page ('view' size) with OCR's words drawn over it in the layout's frame (layoutWidth ×
 * layoutHeight, scaled by the SVG's viewBox): low-confidence words (< 75) always shown in red, the others
 * on request; the selected line outlined in orange and scrolled into view.
 */
export function PageImagePane({ page, selectedLine, onSelectLine, showBoxes, zoom }: Props) {
  const image = usePageImage({ id: page.id, size: 'view', rotation: page.rotation, textVersion: page.textVersion, enabled: page.status !== 'pending' });
  const scroller = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const w = page.layoutWidth;
  const h = page.layoutHeight;
  const line = selectedLine === null ? null : (page.lines[selectedLine] ?? null);

  useEffect(() => {
    const box = scroller.current;
    const el = stage.current;
    if (!line || !box || !el || !w || !h) return;
    const cy = ((line.bbox.y0 + line.bbox.y1) / 2 / h) * el.offsetHeight + el.offsetTop;
    const cx = ((line.bbox.x0 + line.bbox.x1) / 2 / w) * el.offsetWidth + el.offsetLeft;
    box.scrollTo({ top: Math.max(0, cy - box.clientHeight / 2), left: Math.max(0, cx - box.clientWidth / 2), behavior: 'smooth' });
  }, [line, w, h, zoom]);

  return (
    <div ref={scroller} style={{ height: '100%', overflow: 'auto', background: '#e9ecf1', padding: 12, boxSizing: 'border-box' }} data-testid="page-image-pane">
      {page.status === 'pending' ? (
        <div style={{ display: 'flex', height: '100%', alignItems: 'center', justifyContent: 'center' }}>
          <Spin /> <span style={{ marginInlineStart: 8 }}>正在识别，请稍候…</span>
        </div>
      ) : image.data ? (
        <div ref={stage} className="cb-scan-stage" style={{ width: `${Math.round(zoom * 100)}%` }} data-testid="page-stage">
          <img src={image.data.dataUrl} alt="页面图像" data-testid="page-image" />
          {w && h ? (
            <svg viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none" data-testid="page-boxes">
              {page.lines.map((l, li) =>
                l.words.map((word, wi) => {
                  const low = word.confidence < REVIEW_CONFIDENCE;
                  if (!low && !showBoxes) return null;
                  return (
                    <rect
                      key={`${li}-${wi}`}
                      x={word.bbox.x0}
                      y={word.bbox.y0}
                      width={Math.max(1, word.bbox.x1 - word.bbox.x0)}
                      height={Math.max(1, word.bbox.y1 - word.bbox.y0)}
                      fill={low ? 'rgba(255, 77, 79, 0.22)' : 'rgba(29, 79, 145, 0.06)'}
                      stroke={low ? '#ff4d4f' : 'rgba(29, 79, 145, 0.55)'}
                      strokeWidth={1}
                      vectorEffect="non-scaling-stroke"
                      style={{ cursor: 'pointer' }}
                      onClick={() => onSelectLine(li)}
                      data-testid={low ? 'word-box-low' : 'word-box'}
                    >
                      <title>{`${word.text}（置信度 ${word.confidence}）`}</title>
                    </rect>
                  );
                }),
              )}
              {line ? (
                <rect
                  x={line.bbox.x0 - 4}
                  y={line.bbox.y0 - 4}
                  width={line.bbox.x1 - line.bbox.x0 + 8}
                  height={line.bbox.y1 - line.bbox.y0 + 8}
                  fill="rgba(250, 140, 22, 0.12)"
                  stroke="#fa8c16"
                  strokeWidth={2}
                  vectorEffect="non-scaling-stroke"
                  pointerEvents="none"
                  data-testid="line-box-selected"
                />
              ) : null}
            </svg>
          ) : null}
        </div>
      ) : image.error ? (
        <Empty description="页面图像无法显示" />
      ) : (
        <div style={{ display: 'flex', height: '100%', alignItems: 'center', justifyContent: 'center' }}>
          <Spin />
        </div>
      )}
    </div>
  );
}
