import { BorderOutlined, UnlockOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Modal, Select, Space, Spin, Tag, Typography } from 'antd';
import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { VolumeEntryDto, VolumeMarkDto } from '../../../shared/contract/volumes';
import { NON_PUBLIC_REASONS, NON_PUBLIC_REASON_LABELS, type NonPublicReason } from '../../../shared/domain/inspections/inspections';
import { regionSource, type Region } from '../../../shared/domain/volumes/volumes';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { ProblemAlert } from '../inspections/ProblemAlert';
import { useInspectionAction } from '../inspections/use-inspection-action';
import { testId } from './volume-labels';

const REASON_OPTIONS = NON_PUBLIC_REASONS.map((r) => ({ value: r, label: NON_PUBLIC_REASON_LABELS[r] }));
const clamp = (v: number) => Math.min(1, Math.max(0, v));
const normalised = (a: { x: number; y: number }, b: { x: number; y: number }): Region => ({ x0: Math.min(a.x, b.x), y0: Math.min(a.y, b.y), x1: Math.max(a.x, b.x), y1: Math.max(a.y, b.y) });
const pct = (v: number) => `${(v * 100).toFixed(3)}%`;

/**
 * The region tool of a scanned page or an imported picture (issue 7 item 5): the page image with its live 不予公开 rectangles; drag
 * a new rectangle over the trade secret or personal data, choose the reason, save. In the public copy the
 * rectangle's pixels are replaced and the OCR words inside it leave the text layer; the full version keeps
 * everything. Rectangles are lifted like other marks (with a reason; the core applies the role rules).
 */
export function RegionTool({ entry, pageIndex, canMark, imageUrl }: { entry: VolumeEntryDto; pageIndex: number; canMark: boolean; imageUrl?: string | null }) {
  const scanPageId = entry.scanPageIds?.[pageIndex];
  const [open, setOpen] = useState(false);
  const live = entry.marks.filter((m) => m.pageIndex === pageIndex && m.region !== null && m.liftedAt === null);
  // A scanned page shows its OCR-upright image; an imported picture (one page) shows itself as stored.
  const image = scanPageId !== undefined ? { scanPageId } : regionSource(entry) && imageUrl ? { url: imageUrl } : null;
  if (image === null) return null;
  return (
    <>
      <Button size="small" icon={<BorderOutlined />} onClick={() => setOpen(true)} data-testid="region-open">
        框选{live.length > 0 ? ` (${live.length})` : ''}
      </Button>
      {open ? <RegionModal entry={entry} pageIndex={pageIndex} image={image} live={live} canMark={canMark} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

type PageImage = { scanPageId: number } | { url: string };

function RegionModal({ entry, pageIndex, image: source, live, canMark, onClose }: { entry: VolumeEntryDto; pageIndex: number; image: PageImage; live: VolumeMarkDto[]; canMark: boolean; onClose: () => void }) {
  const scanned = useRpc('scans.pageImage', { id: 'scanPageId' in source ? source.scanPageId : 0, size: 'view' }, { staleTime: 60_000, enabled: 'scanPageId' in source });
  const src = 'url' in source ? source.url : scanned.data?.dataUrl;
  const markCall = useRpcMutation('volumes.markNonPublic');
  const liftCall = useRpcMutation('volumes.liftNonPublic');
  const action = useInspectionAction();
  const frame = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<{ x: number; y: number } | null>(null);
  const [draft, setDraft] = useState<Region | null>(null);
  const [reason, setReason] = useState<NonPublicReason>('trade_secret');
  const [note, setNote] = useState('');
  const [lifting, setLifting] = useState<VolumeMarkDto | null>(null);
  const [liftReason, setLiftReason] = useState('');

  const point = (e: ReactPointerEvent) => {
    const box = (frame.current as HTMLDivElement).getBoundingClientRect();
    return { x: clamp((e.clientX - box.left) / box.width), y: clamp((e.clientY - box.top) / box.height) };
  };
  const onDown = (e: ReactPointerEvent) => {
    if (!canMark || e.button !== 0) return;
    (e.target as Element).setPointerCapture?.(e.pointerId);
    const p = point(e);
    setStart(p);
    setDraft({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
  };
  const onMove = (e: ReactPointerEvent) => {
    if (start) setDraft(normalised(start, point(e)));
  };
  const onUp = () => setStart(null);
  const drawn = draft !== null && draft.x1 - draft.x0 >= 0.005 && draft.y1 - draft.y0 >= 0.005;

  const save = async () => {
    if (!drawn) return;
    const ok = await action.run(() => markCall.mutateAsync({ entryId: entry.id, pageIndex, region: draft, reason, note: note.trim() || null }), `第 ${pageIndex + 1} 页的框选区域已标记为不予公开`);
    if (ok) {
      setDraft(null);
      setNote('');
    }
  };
  const lift = async () => {
    if (!lifting) return;
    const ok = await action.run(() => liftCall.mutateAsync({ id: lifting.id, reason: liftReason.trim() }), '框选区域的不予公开标记已解除');
    if (ok) setLifting(null);
  };

  return (
    <Modal open title={`第 ${pageIndex + 1} 页：框选不予公开的区域`} width={920} footer={null} onCancel={onClose} destroyOnHidden>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 250px', gap: 16 }}>
        <div>
          {src ? (
            <div
              ref={frame}
              style={{ position: 'relative', cursor: canMark ? 'crosshair' : 'default', userSelect: 'none', border: '1px solid #d9d9d9', touchAction: 'none' }}
              onPointerDown={onDown}
              onPointerMove={onMove}
              onPointerUp={onUp}
              onKeyDown={(e) => e.key === 'Escape' && setDraft(null)}
              tabIndex={0}
              aria-label="页面图像：按住鼠标拖动框选区域，Esc 取消"
              data-testid="region-frame"
            >
              {/* Pixels as stored (no EXIF turn): the rectangle is burned into the stored image, which the PDF shows unturned too. */}
              <img src={src} alt={`第 ${pageIndex + 1} 页`} draggable={false} style={{ display: 'block', width: '100%', imageOrientation: 'none' }} />
              {live.map((m) => (
                <div key={m.id} title={`${NON_PUBLIC_REASON_LABELS[m.reason]}${m.note ? `：${m.note}` : ''}`} style={box(m.region as Region, 'rgba(207, 19, 34, 0.35)', '#cf1322')} data-testid="region-live" />
              ))}
              {draft ? <div style={box(draft, 'rgba(22, 119, 255, 0.2)', '#1677ff')} data-testid="region-draft" /> : null}
            </div>
          ) : scanned.isError ? (
            <Empty description="页面图像无法读取" />
          ) : (
            <div style={{ padding: 80, textAlign: 'center' }}>
              <Spin />
            </div>
          )}
        </div>
        <div style={{ display: 'grid', gap: 10, alignContent: 'start' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            按住鼠标在图像上拖动，框住商业秘密或个人隐私等内容。公开版中该区域在图像上涂黑，扫描页中的识别文字一并删去；完整版不变。
          </Typography.Paragraph>
          {canMark ? (
            <>
              <Select<NonPublicReason> value={reason} onChange={setReason} options={REASON_OPTIONS} data-testid="region-reason" />
              <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={300} placeholder="说明（可选），如：营业收入" autoSize={{ minRows: 2 }} data-testid="region-note" />
              <Space>
                <Button type="primary" danger disabled={!drawn} loading={action.busy} onClick={() => void save()} {...testId('region-save')}>
                  标记框选区域
                </Button>
                <Button disabled={!draft} onClick={() => setDraft(null)}>
                  重画
                </Button>
              </Space>
            </>
          ) : null}
          <Typography.Text strong>本页已框选 {live.length} 处</Typography.Text>
          {live.map((m, i) => (
            <Space key={m.id} size={4} wrap>
              <Tag color="red">
                {i + 1}. {NON_PUBLIC_REASON_LABELS[m.reason]}
              </Tag>
              <Typography.Text type="secondary">{m.note ?? ''}</Typography.Text>
              {canMark ? (
                <Button size="small" icon={<UnlockOutlined />} onClick={() => { setLiftReason(''); setLifting(m); }} data-testid="region-lift">
                  解除
                </Button>
              ) : null}
            </Space>
          ))}
          {lifting ? (
            <div style={{ display: 'grid', gap: 6 }}>
              <Input.TextArea value={liftReason} onChange={(e) => setLiftReason(e.target.value)} maxLength={300} placeholder="解除理由（必填；个人隐私、国家秘密须法制审核人员解除）" autoSize={{ minRows: 2 }} data-testid="region-lift-reason" />
              <Space>
                <Button size="small" type="primary" disabled={liftReason.trim() === ''} loading={action.busy} onClick={() => void lift()} data-testid="region-lift-ok">
                  确认解除
                </Button>
                <Button size="small" onClick={() => setLifting(null)}>
                  取消
                </Button>
              </Space>
            </div>
          ) : null}
          <ProblemAlert problem={action.problem} testId="region-problem" />
        </div>
      </div>
    </Modal>
  );
}

function box(r: Region, fill: string, stroke: string): React.CSSProperties {
  return { position: 'absolute', left: pct(r.x0), top: pct(r.y0), width: pct(r.x1 - r.x0), height: pct(r.y1 - r.y0), background: fill, border: `2px solid ${stroke}`, pointerEvents: 'none' };
}
