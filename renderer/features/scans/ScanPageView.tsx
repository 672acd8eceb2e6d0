import { LeftOutlined, RightOutlined, RotateLeftOutlined, RotateRightOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Checkbox, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ScanPageDto } from '../../../shared/contract/scans';
import { hrefOf, navigate } from '../../router/navigation';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { OcrLines } from './OcrLines';
import { PageImagePane } from './PageImagePane';
import { confidenceText, docTypeLabel, documentHeading, PAGE_STATUS_LABELS, REVIEW_CONFIDENCE, scanPermissions } from './scan-labels';
import { TextCorrection } from './TextCorrection';
import { useTextDraft } from './use-text-draft';
import './scans.css';

const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** The page's document (or the batch's loose pages) in order: for 第 n 页 / 共 m 页 and PgUp / PgDn. */
function usePageContext(page: ScanPageDto | undefined) {
  const batch = useRpc('scans.batch', { id: page?.batchId ?? 0 }, { enabled: page !== undefined });
  const doc = batch.data?.documents.find((d) => d.id === page?.documentId) ?? null;
  const pages = doc ? doc.pages : (batch.data?.unassignedPages ?? []);
  const at = pages.findIndex((p) => p.id === page?.id);
  return { doc, at, count: pages.length, prev: at > 0 ? pages[at - 1] : undefined, next: at >= 0 ? pages[at + 1] : undefined };
}

/** 页面查看 (#/scans/pages/:id): the page image with OCR's boxes beside its text; correct and save; PgUp / PgDn. */
export function ScanPageView({ id }: { id: number }) {
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const can = scanPermissions(user.roles);
  // A page still being recognised (just imported, or turned by hand) is polled until it is done.
  const query = useRpc('scans.page', { id }, { staleTime: 0, refetchInterval: (q) => (q.state.data?.status === 'pending' ? 2_000 : false) });
  const page = query.data;
  const ctx = usePageContext(page);
  const draft = useTextDraft(page);
  const rotate = useRpcMutation('scans.rotatePage');
  const [line, setLine] = useState<number | null>(null);
  const [showBoxes, setShowBoxes] = useState(false);
  const [zoom, setZoom] = useState(1);
  const filed = ctx.doc?.status === 'filed';
  const keys = useRef<{ go(target: number | undefined): void; save(): void }>({ go: () => undefined, save: () => undefined });
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;

  const go = (target: number | undefined) => {
    if (target === undefined) return;
    const path = `/scans/pages/${target}`;
    if (!draft.dirty) return navigate(path, { replace: true });
    modal.confirm({ title: '放弃未保存的校对？', content: '本页文字有修改尚未保存。', okText: '放弃修改', cancelText: '继续编辑', onOk: () => navigate(path, { replace: true }) });
  };
  keys.current = {
    go: (target) => go(target),
    save: () => {
      if (!can.edit) return;
      if (draft.dirty) void draft.save();
      else void message.info('没有需要保存的修改');
    },
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        keys.current.save();
      } else if ((e.key === 'PageUp' || e.key === 'PageDown') && !isTyping(e.target) && !e.ctrlKey && !e.altKey) {
        e.preventDefault();
        keys.current.go(e.key === 'PageUp' ? ctxRef.current.prev?.id : ctxRef.current.next?.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (query.error) return <Alert type="error" showIcon title={failureMessage(query.error)} action={<a href={hrefOf('/scans')}>返回扫描收件箱</a>} />;
  if (!page) return <Skeleton active />;

  const turn = (delta: 90 | 270) =>
    rotate.mutate({ pageId: page.id, rotation: ((page.rotation + delta) % 360) as 0 | 90 | 180 | 270 }, { onSuccess: () => void message.success('已旋转，正在重新识别'), onError: (e) => void message.error(failureMessage(e)) });
  const lowWords = page.lines.reduce((n, l) => n + l.words.filter((w) => w.confidence < REVIEW_CONFIDENCE).length, 0);
  const canRotate = can.edit && !filed && page.textSource !== 'pdf' && page.status !== 'pending';

  return (
    <div style={{ display: 'grid', gap: 12 }} data-testid="scan-page-view" data-page-id={page.id}>
      <Breadcrumb
        items={[
          { title: <a href={hrefOf('/scans')}>扫描收件箱</a> },
          { title: ctx.doc ? documentHeading(ctx.doc) : `第 ${page.batchId} 批` },
          { title: <span data-testid="page-position">{ctx.at >= 0 ? `第 ${ctx.at + 1} 页 / 共 ${ctx.count} 页` : `页面 ${page.id}`}</span> },
        ]}
      />
      <Card size="small" styles={{ body: { padding: '8px 12px' } }}>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
          <Tooltip title="上一页（PgUp）">
            <Button icon={<LeftOutlined />} disabled={!ctx.prev} onClick={() => go(ctx.prev?.id)} data-testid="page-prev">
              上一页
            </Button>
          </Tooltip>
          <Tooltip title="下一页（PgDn）">
            <Button disabled={!ctx.next} onClick={() => go(ctx.next?.id)} data-testid="page-next">
              下一页 <RightOutlined />
            </Button>
          </Tooltip>
          <Tag color={page.status === 'failed' ? 'error' : page.status === 'pending' ? 'processing' : 'default'} style={{ marginInlineStart: 8 }}>
            {PAGE_STATUS_LABELS[page.status]}
          </Tag>
          <Typography.Text type={page.flagged ? 'warning' : 'secondary'} data-testid="page-confidence">
            平均置信度 {confidenceText(page.meanConfidence)}
            {page.flagged ? '，待复核' : ''}
            {lowWords > 0 ? ` · ${lowWords} 处低置信度` : ''}
          </Typography.Text>
          {ctx.doc ? (
            <Typography.Text type="secondary">
              · 文件类型：{docTypeLabel(ctx.doc.docType)}
              {ctx.doc.volumeId !== null ? (
                <>
                  {' · '}
                  <a href={hrefOf(`/volumes/${ctx.doc.volumeId}`)}>{ctx.doc.volumeTitle}</a>
                </>
              ) : null}
              {filed ? ' · 已归档' : ''}
            </Typography.Text>
          ) : null}
          <span style={{ flex: 1 }} />
          <Checkbox checked={showBoxes} onChange={(e) => setShowBoxes(e.target.checked)} data-testid="page-show-boxes">
            显示全部识别框
          </Checkbox>
          <Space.Compact>
            <Button icon={<ZoomOutOutlined />} disabled={zoom <= 0.5} onClick={() => setZoom((z) => Math.max(0.5, z - 0.25))} aria-label="缩小" />
            <Button onClick={() => setZoom(1)} style={{ width: 64 }}>
              {Math.round(zoom * 100)}%
            </Button>
            <Button icon={<ZoomInOutlined />} disabled={zoom >= 3} onClick={() => setZoom((z) => Math.min(3, z + 0.25))} aria-label="放大" />
          </Space.Compact>
          {canRotate ? (
            <Space.Compact>
              <Tooltip title="向左旋转 90° 并重新识别">
                <Button icon={<RotateLeftOutlined />} loading={rotate.isPending} onClick={() => turn(270)} aria-label="向左旋转" data-testid="page-rotate-left" />
              </Tooltip>
              <Tooltip title="向右旋转 90° 并重新识别">
                <Button icon={<RotateRightOutlined />} loading={rotate.isPending} onClick={() => turn(90)} aria-label="向右旋转" data-testid="page-rotate-right" />
              </Tooltip>
            </Space.Compact>
          ) : null}
        </div>
      </Card>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1.25fr) minmax(360px, 1fr)', gap: 12, height: 'calc(100vh - 64px - 32px - 110px)', minHeight: 460 }}>
        <Card size="small" styles={{ body: { padding: 0, height: '100%' } }} style={{ overflow: 'hidden' }}>
          <PageImagePane page={page} selectedLine={line} onSelectLine={setLine} showBoxes={showBoxes} zoom={zoom} />
        </Card>
        <div style={{ display: 'grid', gridTemplateRows: 'minmax(140px, 1fr) auto', gap: 12, minHeight: 0 }}>
          <Card size="small" title="识别结果（点击一行在图上定位）" styles={{ body: { overflow: 'auto', padding: 4, flex: 1, minHeight: 0 } }} style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
            <OcrLines page={page} selected={line} onSelect={setLine} />
          </Card>
          <Card size="small" title="校对文字" extra={<Typography.Text type="secondary">PgUp / PgDn 翻页（编辑时先按 Esc）</Typography.Text>} styles={{ body: { maxHeight: '46vh', overflow: 'auto' } }}>
            <TextCorrection page={page} draft={draft} canEdit={can.edit && page.status !== 'separator'} />
          </Card>
        </div>
      </div>
    </div>
  );
}
