import { ExclamationCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import type { ReactNode } from 'react';
import type { ScanPageSummaryDto } from '../../../shared/contract/scans';
import { confidenceText, PAGE_STATUS_LABELS, REVIEW_CONFIDENCE } from './scan-labels';
import { usePageImage } from './use-page-image';
import { useSeen } from './use-seen';

type Props = {
  page: Pick<ScanPageSummaryDto, 'id' | 'status' | 'flagged' | 'meanConfidence' | 'rotation' | 'textVersion'>;
  width?: number;
  label?: ReactNode;
  onOpen?(): void;
  selected?: boolean;
};

/** A page's upright thumbnail (scans.pageImage 'thumb', fetched when scrolled into view), badged when flagged or failed. */
export function PageThumb({ page, width = 96, label, onOpen, selected = false }: Props) {
  const [ref, seen] = useSeen<HTMLButtonElement>();
  const ready = page.status === 'done' || page.status === 'failed';
  const image = usePageImage({ id: page.id, size: 'thumb', rotation: page.rotation, textVersion: page.textVersion, enabled: seen && ready });
  const height = Math.round(width * 1.414);
  const flagged = page.flagged || page.status === 'failed';
  const tip = page.status === 'done' ? `平均置信度 ${confidenceText(page.meanConfidence)}${page.flagged ? `（低于 ${REVIEW_CONFIDENCE}，请复核）` : ''}` : PAGE_STATUS_LABELS[page.status];
  return (
    <Tooltip title={tip} mouseEnterDelay={0.5}>
      <button
        ref={ref}
        type="button"
        className={`cb-scan-thumb${selected ? ' cb-scan-thumb-selected' : ''}`}
        onClick={onOpen}
        disabled={!onOpen}
        style={{ width, height }}
        data-testid="scan-thumb"
        data-page-id={page.id}
        data-flagged={flagged ? 'true' : 'false'}
        aria-label={`打开第 ${page.id} 页`}
      >
        {image.data ? <img src={image.data.dataUrl} alt="" data-testid="scan-thumb-image" /> : <span className="cb-scan-thumb-wait">{ready || !seen ? null : <LoadingOutlined />}</span>}
        {flagged ? (
          <span className="cb-scan-thumb-flag" data-testid="scan-thumb-flag">
            <ExclamationCircleFilled /> {page.status === 'failed' ? '失败' : '待复核'}
          </span>
        ) : null}
        {page.status === 'pending' ? <span className="cb-scan-thumb-pending">{PAGE_STATUS_LABELS.pending}</span> : null}
        {label !== undefined ? <span className="cb-scan-thumb-label">{label}</span> : null}
      </button>
    </Tooltip>
  );
}
