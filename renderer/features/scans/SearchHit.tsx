import { Tag, Typography } from 'antd';
import type { KeyboardEvent } from 'react';
import type { ScanSearchHitDto } from '../../../shared/contract/scans';
import { hrefOf, navigate } from '../../router/navigation';
import { docTypeLabel, formatTime } from './scan-labels';
import { SnippetText } from './SnippetText';
import { usePageImage } from './use-page-image';
import { useSeen } from './use-seen';

function HitThumb({ pageId }: { pageId: number }) {
  const [ref, seen] = useSeen<HTMLDivElement>();
  // Search hits do not carry the page's rotation or version: cached under "unknown" (-1).
  const image = usePageImage({ id: pageId, size: 'thumb', rotation: -1, textVersion: null, enabled: seen });
  return (
    <div ref={ref} className="cb-scan-thumb" style={{ width: 72, height: 100 }} data-testid="hit-thumb">
      {image.data ? <img src={image.data.dataUrl} alt="" /> : null}
    </div>
  );
}

/** One page found: thumbnail, the snippet with its matches marked, where the page is (volume or inbox). */
export function SearchHit({ hit, onKeyDown }: { hit: ScanSearchHitDto; onKeyDown(event: KeyboardEvent<HTMLDivElement>): void }) {
  const open = () => navigate(`/scans/pages/${hit.pageId}`);
  const heading = hit.documentTitle ?? (hit.documentId !== null ? `扫描件 ${hit.documentId}` : `第 ${hit.batchId} 批未成文件的页面`);
  return (
    <div
      role="link"
      tabIndex={0}
      className="cb-scan-hit"
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest('a')) open();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          open();
        } else onKeyDown(e);
      }}
      data-testid="search-hit"
      data-page-id={hit.pageId}
    >
      <HitThumb pageId={hit.pageId} />
      <div style={{ minWidth: 0, flex: 1, display: 'grid', gap: 4, alignContent: 'start' }}>
        <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Typography.Text strong>{heading}</Typography.Text>
          <Typography.Text type="secondary">第 {hit.pageNo} 页</Typography.Text>
          {hit.docType ? <Tag style={{ marginInlineEnd: 0 }}>{docTypeLabel(hit.docType)}</Tag> : null}
        </div>
        <Typography.Paragraph style={{ margin: 0, lineHeight: 1.8 }}>
          <SnippetText snippet={hit.snippet} />
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {hit.volumeId !== null ? (
            <>
              专卷：
              <a href={hrefOf(`/volumes/${hit.volumeId}`)} data-testid="hit-volume-link">
                {hit.volumeTitle ?? `专卷 ${hit.volumeId}`}
              </a>
              {hit.targetName && !(hit.volumeTitle ?? '').includes(hit.targetName) ? ` · ${hit.targetName}` : ''}
            </>
          ) : (
            <>
              <a href={hrefOf('/scans')}>扫描收件箱</a>（尚未归入专卷）
            </>
          )}
          {' · '}第 {hit.batchId} 批 · {formatTime(hit.createdAt)}
        </Typography.Text>
      </div>
    </div>
  );
}
