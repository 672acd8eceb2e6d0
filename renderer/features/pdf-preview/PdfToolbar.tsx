import { LeftOutlined, RightOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { Button, Divider, InputNumber, Select, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { MAX_ZOOM, MIN_ZOOM, steppedZoom, ZOOM_STEPS, type PdfZoom } from './pdf-zoom';

type Props = {
  page: number;
  pages: number;
  onPage(page: number): void;
  zoom: PdfZoom;
  /** The zoom now shown (1 = actual size), also in the fit modes. */
  shownZoom: number;
  onZoom(zoom: PdfZoom): void;
};

const percent = (z: number) => `${Math.round(z * 100)}%`;

/** Page turning (‹ [n] / 共 N 页 ›) and zoom (− [适合宽度 ▾] +) above the page. */
export function PdfToolbar({ page, pages, onPage, zoom, shownZoom, onZoom }: Props) {
  const [typed, setTyped] = useState<number | null>(page);
  useEffect(() => {
    setTyped(page);
  }, [page]);
  const commit = () => {
    if (typed !== null && Number.isInteger(typed) && typed >= 1 && typed <= pages) onPage(typed);
    else setTyped(page);
  };
  const zoomValue = zoom.mode === 'scale' ? String(zoom.scale) : zoom.mode;

  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 8, padding: '6px 12px', flexWrap: 'wrap' }} data-testid="pdf-toolbar">
      <Space size={4}>
        <Tooltip title="上一页（PgUp）">
          <Button size="small" icon={<LeftOutlined />} disabled={page <= 1} onClick={() => onPage(page - 1)} aria-label="上一页" data-testid="pdf-prev" />
        </Tooltip>
        <InputNumber
          size="small"
          min={1}
          max={pages}
          precision={0}
          controls={false}
          value={typed}
          onChange={(v) => setTyped(v)}
          onPressEnter={commit}
          onBlur={commit}
          aria-label="页码"
          style={{ width: 56, textAlign: 'center' }}
          data-testid="pdf-page-input"
        />
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }} data-testid="pdf-page-count">
          / 共 {pages} 页
        </Typography.Text>
        <Tooltip title="下一页（PgDn）">
          <Button size="small" icon={<RightOutlined />} disabled={page >= pages} onClick={() => onPage(page + 1)} aria-label="下一页" data-testid="pdf-next" />
        </Tooltip>
      </Space>
      <Divider orientation="vertical" />
      <Space size={4}>
        <Tooltip title="缩小（Ctrl+−）">
          <Button size="small" icon={<ZoomOutOutlined />} disabled={shownZoom <= MIN_ZOOM + 0.005} onClick={() => onZoom(steppedZoom(shownZoom, -1))} aria-label="缩小" data-testid="pdf-zoom-out" />
        </Tooltip>
        <Select
          size="small"
          value={zoomValue}
          onChange={(v: string) => onZoom(v === 'width' || v === 'page' ? { mode: v } : { mode: 'scale', scale: Number(v) })}
          labelRender={() => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{zoom.mode === 'scale' ? percent(zoom.scale) : `${zoom.mode === 'width' ? '适合宽度' : '适合页面'}（${percent(shownZoom)}）`}</span>}
          options={[
            { value: 'width', label: '适合宽度' },
            { value: 'page', label: '适合页面' },
            ...ZOOM_STEPS.map((s) => ({ value: String(s), label: percent(s) })),
          ]}
          popupMatchSelectWidth={false}
          style={{ width: 172 }}
          aria-label="缩放"
          data-testid="pdf-zoom"
        />
        <Tooltip title="放大（Ctrl+＋）">
          <Button size="small" icon={<ZoomInOutlined />} disabled={shownZoom >= MAX_ZOOM - 0.005} onClick={() => onZoom(steppedZoom(shownZoom, 1))} aria-label="放大" data-testid="pdf-zoom-in" />
        </Tooltip>
      </Space>
    </div>
  );
}
